import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../logger.js';
import { testConfig } from '../../test/support/harness.js';
import { LOCAL_PRINCIPAL } from './principals.js';
import { Workspace } from './workspace.js';

const CALL = 'Dana Ruiz (Customer): Northwind Traders runs 40 warehouses.\nSam Ode (Vendor): Thanks Dana, noted.';

describe('a workspace for a command that never searches (the CLI snapshot)', () => {
  it('loads and builds snapshots without building a search index, and refuses to search', async () => {
    const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger(), searchable: false });
    const session = workspace.session(LOCAL_PRINCIPAL);
    const transcript = await session.loadTranscript({ content: CALL }, { roots: [] });
    expect(workspace.stores.index).toBeNull();
    expect((await session.generateSnapshot(transcript.id, { engine: 'offline' })).transcript_id).toBe(transcript.id);
    expect(() => session.search('warehouses', {})).toThrow(/searchable: false/);
  });

  it('is searchable by default: a load indexes the transcript', async () => {
    const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger() });
    const session = workspace.session(LOCAL_PRINCIPAL);
    const transcript = await session.loadTranscript({ content: CALL }, { roots: [] });
    expect(session.search('warehouses', {}).map((hit) => hit.transcriptId)).toEqual([transcript.id]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import { createSilentLogger } from '../../src/logger.js';
import { startFakeAnthropic } from '../fakes/fake-anthropic.js';
import { callError, callOk, connect, QUEST_VTT, testConfig, textOf, type Connected } from '../support/harness.js';

describe('delete_customer_data', () => {
  let connected: Connected;
  let questId: string;
  let otherId: string;
  beforeEach(async () => {
    connected = await connect();
    ({ transcript_id: questId } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { path: QUEST_VTT }));
    ({ transcript_id: otherId } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', {
      content: 'Dana Ruiz (Customer): Northwind Traders runs 40 warehouses.\nSam Ode (Vendor): Thanks Dana, noted.',
      title: 'Northwind intro',
    }));
  });
  afterEach(async () => {
    await connected.close();
  });

  it('removes every transcript, snapshot and search entry naming the company, and nothing else', async () => {
    const snapshot = await callOk<{ id: string }>(connected.client, 'generate_snapshot', { transcript_id: questId });
    const result = await callOk(connected.client, 'delete_customer_data', { company_name: 'quest enterprises' });
    expect(result).toEqual({ transcripts_deleted: 1, snapshots_deleted: 1 });

    expect(await callError(connected.client, 'read_transcript', { transcript_id: questId })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    expect(await callError(connected.client, 'get_snapshot', { snapshot_id: snapshot.id })).toMatch(/^SNAPSHOT_NOT_FOUND/);
    const search = await callOk<{ hits: Array<{ transcript_id: string }> }>(connected.client, 'search_transcripts', { query: 'Quest Enterprises booking data dashboard' });
    expect(search.hits.every((hit) => hit.transcript_id !== questId)).toBe(true);
    const { resources } = await connected.client.listResources();
    expect(resources.some((r) => r.uri.includes(questId) || r.uri.includes(snapshot.id))).toBe(false);
    await expect(connected.client.readResource({ uri: `transcript://${questId}` })).rejects.toThrow();
    const completion = await connected.client.complete({ ref: { type: 'ref/resource', uri: 'transcript://{id}' }, argument: { name: 'id', value: '' } });
    expect(completion.completion.values).toEqual([otherId]);
    const listed = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(connected.client, 'list_transcripts', {});
    expect(listed.transcripts.map((t) => t.transcript_id)).toEqual([otherId]);
  });

  it('deletes by transcript id, and needs one of the two arguments', async () => {
    expect(await callOk(connected.client, 'delete_customer_data', { transcript_id: otherId })).toEqual({ transcripts_deleted: 1, snapshots_deleted: 0 });
    expect(await callError(connected.client, 'delete_customer_data', { transcript_id: otherId })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    const missing = await connected.client.callTool({ name: 'delete_customer_data', arguments: {} });
    expect(missing.isError).toBe(true);
    expect(await callOk(connected.client, 'delete_customer_data', { company_name: 'Nobody Inc' })).toEqual({ transcripts_deleted: 0, snapshots_deleted: 0 });
  });

  it('stores no snapshot for a transcript deleted while a model was writing it', async () => {
    const anthropic = await startFakeAnthropic({ latencyMs: 60_000 });
    const workspace = new Workspace({ config: testConfig({ ANTHROPIC_API_KEY: 'sk-ant-api03-test-key-0123456789abcdef', LLM_ANTHROPIC_BASE_URL: anthropic.url, LLM_MAX_RETRIES: '0' }), logger: createSilentLogger() });
    const modelled = await connect({ workspace });
    try {
      const { transcript_id } = await callOk<{ transcript_id: string }>(modelled.client, 'load_transcript', { path: QUEST_VTT });
      const writing = modelled.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id, engine: 'anthropic' } });
      await anthropic.until(() => anthropic.requests.length > 0);
      await callOk(modelled.client, 'delete_customer_data', { transcript_id });
      await anthropic.close();
      expect(textOf((await writing) as never)).toMatch(/^TRANSCRIPT_NOT_FOUND/);
      expect((await callOk<{ snapshots: unknown[] }>(modelled.client, 'list_snapshots', {})).snapshots).toEqual([]);
    } finally {
      await modelled.close();
      await anthropic.close();
    }
  });
});

/**
 * The protocol features a team server's clients use, over real Streamable HTTP
 * with bearer tokens: log levels and log notifications, elicitation, the
 * client's model through sampling, and progress, for clients of the 2025
 * protocol (stateless on this server) and of 2026-07-28.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { LOG_LEVEL_META_KEY } from '@modelcontextprotocol/server';
import { LogFeed } from '../../src/app/log-feed.js';
import { Workspace } from '../../src/app/workspace.js';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServerHandle } from '../../src/server/http/http-server.js';
import { answerPrompt } from '../fakes/fake-model.js';
import { callOk, testConfig, textOf } from '../support/harness.js';
import { ALICE, BOB, bearer } from './http-harness.js';
import { Writable } from 'node:stream';

const CALL =
  'Ana Ruiz (Customer): We run forty garden centres across Ohio and Indiana.\n' +
  'Kwame Mensah (Vendor): How many of your staff use the stock app since the spring launch?\n' +
  'Ana Ruiz (Customer): About 300 staff, and stock-outs fell by 25 percent.\n';

type Era = 'legacy' | 'auto';

describe('protocol features over Streamable HTTP', () => {
  let server: HttpServerHandle;
  let url: URL;
  const open: Client[] = [];

  beforeAll(async () => {
    const logFeed = new LogFeed();
    const workspace = new Workspace({ config: testConfig(), logger: createLogger('debug', new Writable({ write: (_c, _e, done) => done() }) as never, [], logFeed as never), logFeed });
    server = await startHttpServer(workspace, { port: 0, tokens: [ALICE, BOB] });
    url = new URL(server.url);
  });
  afterAll(async () => {
    await Promise.all(open.map((client) => client.close()));
    await server.close();
  });

  async function connect(era: Era, token: string, capabilities: ConstructorParameters<typeof Client>[1] = {}): Promise<Client> {
    const client = new Client({ name: `features-${era}`, version: '1.0.0' }, { ...capabilities, versionNegotiation: { mode: era } });
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: bearer(token) } }));
    expect(client.getNegotiatedProtocolVersion()).toBe(era === 'auto' ? '2026-07-28' : '2025-11-25');
    open.push(client);
    return client;
  }

  it('2025 clients: the level a client sets holds for its later requests, and only its own principal’s events arrive', async () => {
    const alice = await connect('legacy', ALICE.token);
    const bob = await connect('legacy', BOB.token);
    const aliceLogs: Array<{ level: string; data: { event?: string } }> = [];
    const bobLogs: unknown[] = [];
    alice.setNotificationHandler('notifications/message', (n) => void aliceLogs.push(n.params as never));
    bob.setNotificationHandler('notifications/message', (n) => void bobLogs.push(n.params));
    await alice.setLoggingLevel('info');
    await callOk(alice, 'load_transcript', { content: CALL });
    expect(aliceLogs.map((log) => log.data.event)).toContain('transcript_loaded');
    expect(JSON.stringify(aliceLogs)).not.toContain('garden centres');
    expect(bobLogs).toEqual([]);

    await alice.setLoggingLevel('error');
    const before = aliceLogs.length;
    await callOk(alice, 'load_transcript', { content: CALL });
    expect(aliceLogs.length).toBe(before);
  });

  it('2026-07-28 clients: the level rides on each request', async () => {
    const alice = await connect('auto', ALICE.token);
    const logs: Array<{ data: { event?: string } }> = [];
    alice.setNotificationHandler('notifications/message', (n) => void logs.push(n.params as never));
    await alice.callTool({ name: 'load_transcript', arguments: { content: CALL }, _meta: { [LOG_LEVEL_META_KEY]: 'info' } });
    expect(logs.map((log) => log.data.event)).toContain('transcript_loaded');
    const before = logs.length;
    await alice.callTool({ name: 'load_transcript', arguments: { content: CALL } });
    expect(logs.length).toBe(before);
  });

  it.each(['accept', 'decline', 'cancel'] as const)('2026-07-28 clients: elicitation %s', async (action) => {
    const alice = await connect('auto', ALICE.token, { capabilities: { elicitation: { form: {} } } });
    alice.setRequestHandler('elicitation/create', async () => (action === 'accept' ? { action, content: { contact_email: 'ana@example.com' } } : { action }));
    const { transcript_id } = await callOk<{ transcript_id: string }>(alice, 'load_transcript', { content: CALL });
    const result = await alice.callTool({ name: 'generate_snapshot', arguments: { transcript_id, elicit: true } });
    const snapshot = result.structuredContent as unknown as Snapshot;
    if (action === 'accept') expect(snapshot.fields.contact_email).toMatchObject({ value: 'ana@example.com', source: 'user' });
    else {
      expect(snapshot.fields.contact_email).toEqual({ value: null, missing: true });
      expect(textOf(result as never)).toContain(action === 'decline' ? 'declined' : 'cancelled');
    }
  });

  it('2025 clients: stateless HTTP cannot carry a form, and the snapshot says how to fill the fields instead', async () => {
    const alice = await connect('legacy', ALICE.token, { capabilities: { elicitation: { form: {} } } });
    alice.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { contact_email: 'ana@example.com' } }));
    const { transcript_id } = await callOk<{ transcript_id: string }>(alice, 'load_transcript', { content: CALL });
    const result = await alice.callTool({ name: 'generate_snapshot', arguments: { transcript_id, elicit: true } });
    expect(result.isError).toBeFalsy();
    expect(textOf(result as never)).toContain('update_snapshot_field');
  });

  it('2026-07-28 clients: the client’s own model writes the snapshot through sampling', async () => {
    const alice = await connect('auto', ALICE.token, { capabilities: { sampling: {} } });
    alice.setRequestHandler('sampling/createMessage', async (request) => ({
      role: 'assistant',
      model: 'client-model',
      content: { type: 'text', text: answerPrompt((request.params.messages[0]!.content as { text: string }).text) },
    }));
    const { transcript_id } = await callOk<{ transcript_id: string }>(alice, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(alice, 'generate_snapshot', { transcript_id, engine: 'sampling' });
    expect(snapshot.engine).toBe('sampling');
    expect(snapshot.validation.grounded_ratio).toBe(1);
  });

  it.each(['legacy', 'auto'] as const)('%s clients: progress arrives in order up to its total', async (era) => {
    const alice = await connect(era, ALICE.token);
    const { transcript_id } = await callOk<{ transcript_id: string }>(alice, 'load_transcript', { content: CALL });
    const progress: Array<{ progress: number; total?: number }> = [];
    await alice.callTool({ name: 'generate_snapshot', arguments: { transcript_id } }, { onprogress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
    expect(progress.at(-1)!.progress).toBe(progress.at(-1)!.total);
  });
});

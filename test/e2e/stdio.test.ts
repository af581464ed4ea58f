/**
 * The built server over stdio, driven by the v2 SDK client and by the v1 client
 * (what most desktop clients speak today): both must list and call every tool
 * and read the resource.
 */

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerPrompt } from '../fakes/fake-model.js';
import { FakeZoom } from '../fakes/fake-zoom.js';
import { CANARY_SECRET, CANARY_TOKEN_PREFIX, meeting } from '../zoom/harness.js';
import { ALL_TOOLS } from '../../src/server/create-server.js';
import { FIXTURES_DIR, QUEST_VTT } from '../support/harness.js';
import { CLI, serverEnv } from '../support/spawn.js';
import { runClientWritingScript } from '../support/client-writing.js';

type AnyClient = Pick<Client, 'callTool' | 'listTools' | 'readResource' | 'listResources' | 'close'>;

/** Calls every tool once, in an order where each has what it needs; returns each tool's result. */
async function exerciseEveryTool(client: AnyClient) {
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    return result as { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ type: string; text?: string }> };
  };
  const results: Record<string, Awaited<ReturnType<typeof call>>> = {};
  results.load_transcript = await call('load_transcript', { path: QUEST_VTT });
  const id = results.load_transcript.structuredContent?.transcript_id as string;
  results.list_transcripts = await call('list_transcripts', {});
  results.read_transcript = await call('read_transcript', { transcript_id: id, start: '00:05:00', end: '00:06:00' });
  results.search_transcripts = await call('search_transcripts', { query: 'engagement sponsor', transcript_id: id });
  results.transcript_stats = await call('transcript_stats', { transcript_id: id });
  results.generate_snapshot = await call('generate_snapshot', { transcript_id: id });
  const snapshotId = results.generate_snapshot.structuredContent?.id as string;
  results.get_snapshot = await call('get_snapshot', { snapshot_id: snapshotId, section: 'engagement_details' });
  results.list_snapshots = await call('list_snapshots', {});
  results.update_snapshot_field = await call('update_snapshot_field', { snapshot_id: snapshotId, field: 'contact_email', value: 'person@example.com' });
  results.write_snapshot_section = await call('write_snapshot_section', {
    snapshot_id: snapshotId,
    section: 'engagement_details',
    content: 'The team set up a daily sync at 9:00 a.m. ET.',
    evidence: [{ turn_index: 108, quote: 'Every weekday morning this week at 9:00 a.m. ET is a convenient time for me.' }],
  });
  results.delete_snapshot = await call('delete_snapshot', { snapshot_id: snapshotId });
  const resource = await client.readResource({ uri: `transcript://${id}` });
  results.delete_transcript = await call('delete_transcript', { transcript_id: id });
  results.delete_customer_data = await call('delete_customer_data', { company_name: 'Quest Enterprises' });
  results.list_zoom_recordings = await call('list_zoom_recordings', {});
  const uuid = (results.list_zoom_recordings.structuredContent?.meetings as Array<{ uuid: string }> | undefined)?.[0]?.uuid ?? 'none';
  results.import_zoom_transcript = await call('import_zoom_transcript', { meeting_id: uuid });
  results.security_status = await call('security_status', {});
  return { results, resource };
}

describe('the built server over stdio', () => {
  let client: AnyClient | undefined;
  let zoom: FakeZoom;
  let zoomEnv: Record<string, string>;
  beforeAll(async () => {
    zoom = await FakeZoom.start({ accountId: 'acct-1', clientId: 'client-1', clientSecret: CANARY_SECRET, tokenPrefix: CANARY_TOKEN_PREFIX });
    zoom.addMeeting(meeting({ startTime: `${new Date().toISOString().slice(0, 10)}T09:00:00Z` }));
    const s = zoom.settings();
    zoomEnv = { ZOOM_ACCOUNT_ID: s.accountId, ZOOM_CLIENT_ID: s.clientId, ZOOM_CLIENT_SECRET: s.clientSecret, ZOOM_API_BASE_URL: s.apiBaseUrl, ZOOM_OAUTH_URL: s.oauthUrl };
  });
  afterAll(async () => {
    await zoom.close();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('serves every tool and the resource to the v2 client', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env: serverEnv({ TRANSCRIPT_ROOTS: FIXTURES_DIR, ...zoomEnv }), stderr: 'pipe' });
    const v2 = new Client({ name: 'e2e-v2', version: '1.0.0' });
    client = v2;
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await v2.connect(transport);
    const tools = await v2.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
    const { results, resource } = await exerciseEveryTool(v2);
    for (const [name, result] of Object.entries(results)) expect(result.isError, name).toBeFalsy();
    expect(Object.keys(results).sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
    expect((resource.contents[0] as { text: string }).text).toContain('Franklin Dorsey:');
    // Logs are JSON lines on stderr and never carry transcript text.
    const logLines = stderr.split('\n').filter(Boolean);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(stderr).not.toContain('Booking Data');
    expect(stderr).not.toContain('Franklin');
    expect(stderr).not.toContain(CANARY_SECRET);
    expect(stderr).not.toContain(CANARY_TOKEN_PREFIX);
  });

  it('serves every tool to the v1 (2025 protocol) client', async () => {
    const transport = new V1StdioClientTransport({ command: process.execPath, args: [CLI, 'serve'], env: serverEnv({ TRANSCRIPT_ROOTS: FIXTURES_DIR, LOG_LEVEL: 'warn', ...zoomEnv }) });
    const v1 = new V1Client({ name: 'e2e-v1', version: '1.0.0' });
    client = v1 as unknown as AnyClient;
    await v1.connect(transport);
    const tools = await v1.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
    for (const tool of tools.tools) expect(tool.outputSchema, tool.name).toBeDefined();
    const { results } = await exerciseEveryTool(v1 as unknown as AnyClient);
    for (const [name, result] of Object.entries(results)) expect(result.isError, name).toBeFalsy();
  });

  it('writes with a 2026-07-28 client’s own model through input_required rounds', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env: serverEnv({ TRANSCRIPT_ROOTS: FIXTURES_DIR, LOG_LEVEL: 'warn' }) });
    const modern = new Client({ name: 'e2e-modern', version: '1.0.0' }, { capabilities: { sampling: {} }, versionNegotiation: { mode: 'auto' } });
    client = modern;
    let samplingRequests = 0;
    modern.setRequestHandler('sampling/createMessage', async (request) => {
      samplingRequests += 1;
      const text = (request.params.messages[0]!.content as { text: string }).text;
      return { role: 'assistant', model: 'client-model', content: { type: 'text', text: answerPrompt(text) } };
    });
    await modern.connect(transport);
    expect(modern.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const loaded = await modern.callTool({ name: 'load_transcript', arguments: { path: QUEST_VTT } });
    const snapshot = await modern.callTool({ name: 'generate_snapshot', arguments: { transcript_id: (loaded.structuredContent as { transcript_id: string }).transcript_id } });
    expect(snapshot.isError).toBeFalsy();
    expect(snapshot.structuredContent).toMatchObject({ engine: 'sampling', metrics: { llm_calls: samplingRequests } });
    expect(samplingRequests).toBeGreaterThan(1);
  });

  it.each([
    ['2025', 'legacy'],
    ['2026-07-28', 'auto'],
  ] as const)('lets a %s client write sections that the server checks', async (_era, mode) => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env: serverEnv({ LOG_LEVEL: 'warn' }) });
    const writer = new Client({ name: 'e2e-writer', version: '1.0.0' }, { versionNegotiation: { mode } });
    client = writer;
    await writer.connect(transport);
    expect(writer.getNegotiatedProtocolVersion()).toMatch(mode === 'auto' ? /^2026-07-28$/ : /^2025-/);
    await runClientWritingScript(writer);
  });

  it('preloads the demo transcript with --demo', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'serve', '--demo'], env: serverEnv({ LOG_LEVEL: 'warn' }) });
    const v2 = new Client({ name: 'e2e-demo', version: '1.0.0' });
    client = v2;
    await v2.connect(transport);
    const listed = await v2.callTool({ name: 'list_transcripts', arguments: {} });
    expect((listed.structuredContent as { transcripts: Array<{ transcript_id: string }> }).transcripts.map((t) => t.transcript_id)).toEqual(['demo-quest']);
  });
});

/**
 * The built server as a team service: `serve --http` spawned as users run it,
 * two principals through real SDK clients over Streamable HTTP, and a clean
 * exit on SIGTERM.
 */

import { once } from 'node:events';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHttpServer } from '../support/spawn.js';

const TOKENS = 'alice:alice-token-0123456789abcdef,bob:bob-token-0123456789abcdef';

async function clientFor(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-http', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

describe('the built server over Streamable HTTP', () => {
  let server: Awaited<ReturnType<typeof spawnHttpServer>>;
  beforeAll(async () => {
    server = await spawnHttpServer({ MCP_HTTP_TOKENS: TOKENS });
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('serves two principals without either seeing the other', async () => {
    const alice = await clientFor(server.url, 'alice-token-0123456789abcdef');
    const bob = await clientFor(server.url, 'bob-token-0123456789abcdef');
    try {
      const loaded = await alice.callTool({ name: 'load_transcript', arguments: { content: 'Ann Lee: Our renewal covers 300 seats.\nBo Chan: Great, thanks Ann.' } });
      expect(loaded.isError).toBeFalsy();
      const id = (loaded.structuredContent as { transcript_id: string }).transcript_id;
      const snapshot = await alice.callTool({ name: 'generate_snapshot', arguments: { transcript_id: id } });
      expect(snapshot.isError).toBeFalsy();

      const bobList = await bob.callTool({ name: 'list_transcripts', arguments: {} });
      expect((bobList.structuredContent as { transcripts: unknown[] }).transcripts).toEqual([]);
      const bobRead = await bob.callTool({ name: 'read_transcript', arguments: { transcript_id: id } });
      expect(bobRead.isError).toBe(true);
      expect((bobRead.content[0] as { text: string }).text).toMatch(/^TRANSCRIPT_NOT_FOUND/);
      const bobSearch = await bob.callTool({ name: 'search_transcripts', arguments: { query: 'renewal seats' } });
      expect((bobSearch.structuredContent as { hits: unknown[] }).hits).toEqual([]);

      const byPath = await alice.callTool({ name: 'load_transcript', arguments: { path: 'examples/quest_enterprises_project_kickoff_transcript.vtt' } });
      expect((byPath.content[0] as { text: string }).text).toMatch(/^PATH_OUTSIDE_ROOTS/);
    } finally {
      await alice.close();
      await bob.close();
    }
  });

  it('answers 401 without a token and /healthz without data', async () => {
    const unauthorized = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    const health = await fetch(new URL('/healthz', server.url));
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('exits cleanly on SIGTERM, with no transcript text in its logs', async () => {
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
    expect(server.stderr()).not.toContain('renewal covers');
    expect(server.stderr()).not.toContain('token-0123456789');
  });
});

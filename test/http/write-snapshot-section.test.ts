/**
 * write_snapshot_section over a real Streamable HTTP server with tokens: the
 * script from a 2025 client and from a 2026-07-28 client, and another
 * principal's write answered exactly like an unknown id.
 */

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClientWritingScript } from '../support/client-writing.js';
import { ALICE, BOB, bearer, connectClient, startTestServer, type Running } from './http-harness.js';

async function connectModernClient(url: URL, token: string): Promise<Client> {
  const client = new Client({ name: 'http-modern', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: bearer(token) } }));
  expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
  return client;
}

describe('write_snapshot_section over HTTP', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startTestServer();
  });
  afterAll(async () => {
    await running.server.close();
  });

  it.each([
    ['2025', (url: URL) => connectClient(url, ALICE.token)],
    ['2026-07-28', (url: URL) => connectModernClient(url, ALICE.token)],
  ])('runs the writing script from a %s client', async (_era, open) => {
    const client = await open(running.url);
    try {
      await runClientWritingScript(client);
    } finally {
      await client.close();
    }
  });

  it('does not let another principal write into your snapshot', async () => {
    const alice = await connectClient(running.url, ALICE.token);
    const bob = await connectClient(running.url, BOB.token);
    try {
      const loaded = await alice.callTool({ name: 'load_transcript', arguments: { content: 'Ann Lee: Our renewal covers 300 seats.\nBo Chan: Great, thanks Ann.' } });
      const transcriptId = (loaded.structuredContent as { transcript_id: string }).transcript_id;
      const generated = await alice.callTool({ name: 'generate_snapshot', arguments: { transcript_id: transcriptId } });
      const snapshotId = (generated.structuredContent as { id: string }).id;
      const write = (client: Client, id: string) =>
        client.callTool({
          name: 'write_snapshot_section',
          arguments: { snapshot_id: id, section: 'adoption_usage', content: 'The renewal covers 300 seats.', evidence: [{ turn_index: 0, quote: 'Our renewal covers 300 seats.' }] },
        });
      const intruder = await write(bob, snapshotId);
      const unknown = await write(bob, 's_does_not_exist');
      const text = (result: Awaited<ReturnType<typeof write>>) => (result.content[0] as { text: string }).text;
      expect(intruder.isError).toBe(true);
      expect(text(intruder).replace(/\[ref: \w+\]/, '')).toBe(text(unknown).replace(/\[ref: \w+\]/, ''));
      const mine = await alice.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshotId } });
      expect((mine.structuredContent as { sections: Array<{ slug: string; written_by?: string }> }).sections.find((s) => s.slug === 'adoption_usage')?.written_by).toBe('offline');
    } finally {
      await alice.close();
      await bob.close();
    }
  });
});

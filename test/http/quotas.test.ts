/**
 * Stored data is shared fairly between principals: over HTTP, a noisy
 * principal (bob) loads and generates far past every limit while a quiet one
 * (alice) holds a little, and alice keeps everything she holds.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { Writable } from 'node:stream';
import { generateVtt } from '../../bench/generate.js';
import { LogFeed } from '../../src/app/log-feed.js';
import { Workspace } from '../../src/app/workspace.js';
import { createLogger } from '../../src/logger.js';
import { startHttpServer } from '../../src/server/http/http-server.js';
import { callError, callOk, testConfig } from '../support/harness.js';
import { ALICE, BOB, connectClient, type Running } from './http-harness.js';

interface Loaded {
  transcript_id: string;
}

/** A small call of about 700 bytes of text, different each time so nothing is shared by accident. */
function call(name: string): string {
  return Array.from({ length: 6 }, (_, i) => `${name} Lee: In week ${i + 1} the ${name} rollout reached another depot and the support queue kept shrinking steadily.\nBo Chan: Noted for the ${name} review, thank you.`).join('\n');
}

describe('quotas between two principals over HTTP', () => {
  let running: Running | undefined;
  let clients: Client[] = [];

  async function start(env: Record<string, string>): Promise<{ alice: Client; bob: Client }> {
    // A log feed, so clients can follow their own events (the eviction notices).
    const logFeed = new LogFeed();
    const logger = createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() }) as never, [], logFeed);
    const workspace = new Workspace({ config: testConfig(env), logger, logFeed });
    const server = await startHttpServer(workspace, { port: 0, tokens: [ALICE, BOB] });
    running = { workspace, server, url: new URL(server.url) };
    const [alice, bob] = await Promise.all([connectClient(running.url, ALICE.token), connectClient(running.url, BOB.token)]);
    clients = [alice, bob];
    return { alice, bob };
  }

  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await running?.server.close();
    running = undefined;
  });

  const load = async (client: Client, name: string) => (await callOk<Loaded>(client, 'load_transcript', { content: call(name), title: name })).transcript_id;
  const listed = async (client: Client) => (await callOk<{ transcripts: Loaded[] }>(client, 'list_transcripts', {})).transcripts.map((t) => t.transcript_id);

  it("the noisy one cannot evict the quiet one's transcripts: the shared count evicts the heaviest principal's own", async () => {
    const { alice, bob } = await start({ MAX_TRANSCRIPTS: '3' });
    const alices = await load(alice, 'Ann');
    const bobs: string[] = [];
    for (let i = 0; i < 6; i++) bobs.push(await load(bob, `Bob${i}`));
    expect(await listed(alice)).toEqual([alices]);
    expect((await callOk<{ turns: Array<{ text: string }> }>(alice, 'read_transcript', { transcript_id: alices })).turns[0]!.text).toMatch(/Ann rollout/);
    // Bob keeps his most recent ones, within what is left.
    expect(await listed(bob)).toEqual(bobs.slice(-2));
  });

  it("the noisy one cannot evict the quiet one's snapshots", async () => {
    const { alice, bob } = await start({ MAX_SNAPSHOTS: '3' });
    const aliceSnapshot = (await callOk<{ id: string }>(alice, 'generate_snapshot', { transcript_id: await load(alice, 'Ann') })).id;
    const bobTranscript = await load(bob, 'Bob');
    for (let i = 0; i < 5; i++) await callOk(bob, 'generate_snapshot', { transcript_id: bobTranscript });
    expect((await callOk<{ snapshots: Array<{ snapshot_id: string }> }>(alice, 'list_snapshots', {})).snapshots.map((s) => s.snapshot_id)).toEqual([aliceSnapshot]);
    expect((await callOk<{ id: string }>(alice, 'get_snapshot', { snapshot_id: aliceSnapshot, format: 'json' })).id).toBe(aliceSnapshot);
    expect((await callOk<{ snapshots: unknown[] }>(bob, 'list_snapshots', {})).snapshots).toHaveLength(2);
  });

  it('the byte budget is taken from the principal using the most, never from one below its fair share', async () => {
    // About four of these calls fit in the budget.
    const { alice, bob } = await start({ STORE_MAX_BYTES: String(4 * Buffer.byteLength(call('Bob0'))) });
    const alices = await load(alice, 'Ann');
    const bobs: string[] = [];
    for (let i = 0; i < 10; i++) bobs.push(await load(bob, `Bob${i}`));
    expect(await listed(alice)).toEqual([alices]);
    const bobsLeft = await listed(bob);
    expect(bobsLeft.length).toBeGreaterThanOrEqual(1);
    expect(bobsLeft.length).toBeLessThanOrEqual(3);
    expect(bobsLeft).toEqual(bobs.slice(-bobsLeft.length));
    // Search entries went with the evicted transcripts.
    const hits = await callOk<{ hits: Array<{ transcript_id: string }> }>(bob, 'search_transcripts', { query: 'Bob0 rollout depot' });
    expect(hits.hits.every((hit) => bobsLeft.includes(hit.transcript_id))).toBe(true);
  });

  it("a principal over its own quota loses its own least recently used, and a single item too large for it is refused with a code, evicting nothing", async () => {
    const { alice, bob } = await start({ PRINCIPAL_MAX_TRANSCRIPTS: '2', PRINCIPAL_MAX_TRANSCRIPT_BYTES: '4000' });
    const alices = await load(alice, 'Ann');
    const first = await load(bob, 'Bob0');
    const second = await load(bob, 'Bob1');
    await callOk(bob, 'read_transcript', { transcript_id: first });
    // Bob follows his log at info: the eviction is named to him, and to him only.
    const bobLogs: Array<{ data: { event?: string; transcript_id?: string; reason?: string } }> = [];
    const aliceLogs: unknown[] = [];
    bob.setNotificationHandler('notifications/message', (n) => void bobLogs.push(n.params as never));
    alice.setNotificationHandler('notifications/message', (n) => void aliceLogs.push(n.params));
    await Promise.all([bob.setLoggingLevel('info'), alice.setLoggingLevel('info')]);
    const third = await load(bob, 'Bob2');
    expect(await listed(bob)).toEqual([first, third]);
    expect(bobLogs.map((log) => log.data)).toContainEqual(expect.objectContaining({ event: 'transcript_removed', transcript_id: second, reason: 'evicted' }));
    expect(aliceLogs).toEqual([]);
    expect(await listed(alice)).toEqual([alices]);
    expect(second).not.toBe(third);

    const tooLarge = await callError(bob, 'load_transcript', { content: call('Huge').repeat(8) });
    expect(tooLarge).toMatch(/^QUOTA_EXCEEDED: .*PRINCIPAL_MAX_TRANSCRIPT_BYTES.*Nothing was stored/);
    expect(await listed(bob)).toEqual([first, third]);
  });

  it('a run of 10 MB loads from both principals stays within the byte budget, and the quiet one keeps hers', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quota-10mb-'));
    try {
      await writeFile(path.join(dir, 'big.vtt'), generateVtt(10 * 1024 * 1024 - 1024, { seed: 7, speakers: 6 }));
      // Room for two of these transcripts (about 8.4 MB of text each), not three.
      const budget = 24 * 1024 * 1024;
      const { alice, bob } = await start({ TRANSCRIPT_ROOTS: dir, STORE_MAX_BYTES: String(budget) });
      const loadBig = async (client: Client) => (await callOk<Loaded>(client, 'load_transcript', { path: path.join(dir, 'big.vtt') })).transcript_id;
      const alices = await loadBig(alice);
      let bobsLast = '';
      for (let i = 0; i < 4; i++) {
        bobsLast = await loadBig(bob);
        expect(running!.workspace.storedBytes).toBeLessThanOrEqual(budget);
      }
      expect(await listed(alice)).toEqual([alices]);
      expect(await listed(bob)).toEqual([bobsLast]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

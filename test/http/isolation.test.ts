import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { callError, callOk, QUEST_VTT } from '../support/harness.js';
import { ALICE, BOB, connectClient, connectV1Client, startTestServer, type Running } from './http-harness.js';

const BOB_CALL =
  'Priya Raman: Our warehouse robotics rollout stalled at the second depot.\n' +
  'Tom Okafor: What unblocked the conveyor integration?\n' +
  'Priya Raman: A firmware patch from the vendor, then throughput doubled.\n';

interface Loaded {
  transcript_id: string;
}
interface Listed {
  transcripts: Array<{ transcript_id: string }>;
}
interface Hits {
  hits: Array<{ transcript_id: string; text: string }>;
}

/** Error text without the per-call correlation id, so two answers can be compared. */
function withoutRef(text: string): string {
  return text.replace(/\s*\[ref: [0-9a-f]+\]/, '');
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

describe('two principals over HTTP at once', () => {
  let running: Running;
  let alice: Client;
  let bob: Client;
  let aliceTranscript: string;
  let bobTranscript: string;
  let aliceSnapshot: string;

  beforeAll(async () => {
    running = await startTestServer();
    [alice, bob] = await Promise.all([connectClient(running.url, ALICE.token), connectClient(running.url, BOB.token)]);
    const [a, b] = await Promise.all([
      callOk<Loaded>(alice, 'load_transcript', { path: QUEST_VTT }),
      callOk<Loaded>(bob, 'load_transcript', { content: BOB_CALL, title: 'Depot review' }),
    ]);
    aliceTranscript = a.transcript_id;
    bobTranscript = b.transcript_id;
    aliceSnapshot = (await callOk<{ id: string }>(alice, 'generate_snapshot', { transcript_id: aliceTranscript })).id;
  });

  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await running?.server.close();
  });

  it('lists only their own transcripts and snapshots', async () => {
    const [aliceList, bobList] = await Promise.all([callOk<Listed>(alice, 'list_transcripts', {}), callOk<Listed>(bob, 'list_transcripts', {})]);
    expect(aliceList.transcripts.map((t) => t.transcript_id)).toEqual([aliceTranscript]);
    expect(bobList.transcripts.map((t) => t.transcript_id)).toEqual([bobTranscript]);
    const bobSnapshots = await callOk<{ snapshots: unknown[] }>(bob, 'list_snapshots', {});
    expect(bobSnapshots.snapshots).toEqual([]);
  });

  it("answers another principal's id exactly like an unknown one", async () => {
    const foreign = await callError(alice, 'read_transcript', { transcript_id: bobTranscript });
    const unknown = await callError(alice, 'read_transcript', { transcript_id: 't_doesnotexist' });
    expect(foreign).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    expect(withoutRef(foreign)).toBe(withoutRef(unknown));

    const foreignSnapshot = await callError(bob, 'get_snapshot', { snapshot_id: aliceSnapshot });
    expect(foreignSnapshot).toMatch(/^SNAPSHOT_NOT_FOUND/);
    expect(withoutRef(foreignSnapshot)).toBe(withoutRef(await callError(bob, 'get_snapshot', { snapshot_id: 's_doesnotexist' })));

    expect(await callError(bob, 'transcript_stats', { transcript_id: aliceTranscript })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    expect(await callError(bob, 'search_transcripts', { query: 'project', transcript_id: aliceTranscript })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
  });

  it("cannot delete the other's data", async () => {
    expect(await callError(bob, 'delete_transcript', { transcript_id: aliceTranscript })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    expect(await callError(bob, 'delete_snapshot', { snapshot_id: aliceSnapshot })).toMatch(/^SNAPSHOT_NOT_FOUND/);
    const stillThere = await callOk<{ id: string }>(alice, 'get_snapshot', { snapshot_id: aliceSnapshot, format: 'json' });
    expect(stillThere.id).toBe(aliceSnapshot);
  });

  it("searches find nothing of the other's, even searching at the same time", async () => {
    const [aliceHits, bobHits] = await Promise.all([
      callOk<Hits>(alice, 'search_transcripts', { query: 'warehouse robotics conveyor firmware' }),
      callOk<Hits>(bob, 'search_transcripts', { query: 'warehouse robotics conveyor firmware' }),
    ]);
    expect(aliceHits.hits).toEqual([]);
    expect(bobHits.hits.length).toBeGreaterThan(0);
    expect(new Set(bobHits.hits.map((h) => h.transcript_id))).toEqual(new Set([bobTranscript]));

    const [bobOnAlice, aliceOwn] = await Promise.all([
      callOk<Hits>(bob, 'search_transcripts', { query: 'project kickoff timeline' }),
      callOk<Hits>(alice, 'search_transcripts', { query: 'project kickoff timeline' }),
    ]);
    expect(bobOnAlice.hits).toEqual([]);
    expect(aliceOwn.hits.length).toBeGreaterThan(0);
  });

  it('lists, reads and completes only their own resources', async () => {
    const [aliceResources, bobResources] = await Promise.all([alice.listResources(), bob.listResources()]);
    const uris = (list: typeof aliceResources) => list.resources.map((r) => r.uri).filter((uri) => /^(transcript|snapshot):/.test(uri));
    expect(uris(aliceResources).sort()).toEqual([`snapshot://${aliceSnapshot}`, `transcript://${aliceTranscript}`]);
    expect(uris(bobResources)).toEqual([`transcript://${bobTranscript}`]);

    const foreignRead = await rejection(bob.readResource({ uri: `transcript://${aliceTranscript}` }));
    const unknownRead = await rejection(bob.readResource({ uri: 'transcript://t_doesnotexist' }));
    expect(foreignRead.replace(aliceTranscript, 'ID')).toBe(unknownRead.replace('t_doesnotexist', 'ID'));
    expect((await bob.readResource({ uri: `transcript://${bobTranscript}` })).contents[0]).toMatchObject({ mimeType: 'text/plain' });

    const complete = (client: Client, uri: string) => client.complete({ ref: { type: 'ref/resource', uri }, argument: { name: 'id', value: '' } });
    expect((await complete(alice, 'transcript://{id}')).completion.values).toEqual([aliceTranscript]);
    expect((await complete(bob, 'transcript://{id}')).completion.values).toEqual([bobTranscript]);
    expect((await complete(bob, 'snapshot://{id}')).completion.values).toEqual([]);
    const promptCompletion = await bob.complete({ ref: { type: 'ref/prompt', name: 'customer_snapshot' }, argument: { name: 'transcript_id', value: 't_' } });
    expect(promptCompletion.completion.values).toEqual([bobTranscript]);
  });

  it('keeps principals apart for v1 (2025 protocol) clients too', async () => {
    const bobV1 = await connectV1Client(running.url, BOB.token);
    try {
      const [fresh] = await Promise.all([
        callOk<Loaded>(alice, 'load_transcript', { content: 'Ann Lee: The quarterly audit closed early.\n', title: 'Audit' }),
        bobV1.callTool({ name: 'list_transcripts', arguments: {} }),
      ]);
      const listed = (await bobV1.callTool({ name: 'list_transcripts', arguments: {} })).structuredContent as unknown as Listed;
      expect(listed.transcripts.map((t) => t.transcript_id)).toEqual([bobTranscript]);
      const foreign = await bobV1.callTool({ name: 'read_transcript', arguments: { transcript_id: fresh.transcript_id } });
      expect(foreign.isError).toBe(true);
      expect(JSON.stringify(foreign.content)).toContain('TRANSCRIPT_NOT_FOUND');
      const { resources } = await bobV1.listResources();
      expect(resources.map((r) => r.uri)).toContain(`transcript://${bobTranscript}`);
      expect(resources.map((r) => r.uri)).not.toContain(`transcript://${fresh.transcript_id}`);
      const aliceList = await callOk<Listed>(alice, 'list_transcripts', {});
      expect(aliceList.transcripts.map((t) => t.transcript_id)).toContain(fresh.transcript_id);
    } finally {
      await bobV1.close();
    }
  });
});

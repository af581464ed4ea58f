import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, callOk, connect, textOf, QUEST_VTT, type Connected } from '../support/harness.js';

interface Summary {
  transcript_id: string;
  title: string;
  format: string;
  duration_ms: number;
  speakers: Array<{ name: string; talk_share: number }>;
  cue_count: number;
  turn_count: number;
  word_count: number;
  warnings: unknown[];
  resource_uri: string;
}

describe('transcript tools through a real MCP client', () => {
  let connected: Connected;
  beforeEach(async () => {
    connected = await connect();
  });
  afterEach(async () => {
    await connected.close();
  });

  it('loads a file and describes it, with a resource link', async () => {
    const result = await connected.client.callTool({ name: 'load_transcript', arguments: { path: QUEST_VTT } });
    expect(result.isError).toBeFalsy();
    const summary = result.structuredContent as unknown as Summary;
    expect(summary.format).toBe('vtt');
    expect(summary.cue_count).toBe(133);
    expect(summary.turn_count).toBeGreaterThan(10);
    expect(summary.turn_count).toBeLessThanOrEqual(summary.cue_count);
    expect(summary.duration_ms).toBeGreaterThan(60 * 60 * 1000);
    expect(summary.speakers.map((s) => s.name).sort()).toEqual(['Bob Jones', 'Franklin Dorsey']);
    const shares = summary.speakers.reduce((sum, s) => sum + s.talk_share, 0);
    expect(shares).toBeCloseTo(1, 2);
    expect(summary.transcript_id).toMatch(/^t_[A-Za-z0-9_-]{12}$/);
    const link = result.content.find((part) => part.type === 'resource_link');
    expect(link).toMatchObject({ uri: `transcript://${summary.transcript_id}` });
    expect(textOf(result as never)).toContain('Franklin Dorsey');
  });

  it('loads pasted content and keeps no path in the source', async () => {
    const content = 'Alice Smith: We moved to the new CRM in March.\nBob Lee: How did onboarding go?\nAlice Smith: Slowly, the data import took weeks.\n';
    const summary = await callOk<Summary & { source: { kind: string; name: string | null } }>(connected.client, 'load_transcript', { content, title: 'CRM call' });
    expect(summary).toMatchObject({ format: 'txt', title: 'CRM call', source: { kind: 'inline', name: null }, duration_ms: null });
    expect(summary.speakers.map((s) => s.name)).toEqual(['Alice Smith', 'Bob Lee']);
  });

  it('needs exactly one of path and content', async () => {
    expect(await callError(connected.client, 'load_transcript', {})).toMatch(/^INVALID_ARGUMENT/);
    expect(await callError(connected.client, 'load_transcript', { path: QUEST_VTT, content: 'A: b' })).toMatch(/^INVALID_ARGUMENT/);
  });

  it('lists, reads with paging and filters, and deletes', async () => {
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const list = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(connected.client, 'list_transcripts', {});
    expect(list.transcripts.map((t) => t.transcript_id)).toEqual([id]);

    const firstPage = await connected.client.callTool({ name: 'read_transcript', arguments: { transcript_id: id } });
    const page = firstPage.structuredContent as { turns: Array<{ index: number; speaker: string }>; next_cursor?: string; total_turns: number };
    expect(textOf(firstPage as never)).toMatch(/^\[00:00:10\] Franklin Dorsey: /);
    expect(textOf(firstPage as never).length).toBeLessThan(26_000);
    expect(page.next_cursor).toBeDefined();
    const pages = [page];
    let cursor = page.next_cursor;
    while (cursor) {
      const next = await callOk<typeof page>(connected.client, 'read_transcript', { transcript_id: id, cursor });
      pages.push(next);
      cursor = next.next_cursor;
    }
    const indices = pages.flatMap((p) => p.turns.map((t) => t.index));
    expect(indices).toEqual([...Array(page.total_turns).keys()]);

    const window = await callOk<typeof page>(connected.client, 'read_transcript', { transcript_id: id, start: '00:10:00', end: 900, speaker: 'franklin dorsey' });
    expect(window.turns.length).toBeGreaterThan(0);
    expect(window.turns.every((t) => t.speaker === 'Franklin Dorsey')).toBe(true);

    const deleted = await callOk(connected.client, 'delete_transcript', { transcript_id: id });
    expect(deleted).toMatchObject({ transcript_id: id, deleted: true });
    expect(await callError(connected.client, 'read_transcript', { transcript_id: id })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    const after = await callOk<{ transcripts: unknown[] }>(connected.client, 'list_transcripts', {});
    expect(after.transcripts).toEqual([]);
  });

  it('rejects bad read arguments with coded errors', async () => {
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { path: QUEST_VTT });
    expect(await callError(connected.client, 'read_transcript', { transcript_id: id, start: 'noon' })).toMatch(/^INVALID_ARGUMENT.*start/);
    expect(await callError(connected.client, 'read_transcript', { transcript_id: id, start: 600, end: 60 })).toMatch(/^INVALID_ARGUMENT/);
    expect(await callError(connected.client, 'read_transcript', { transcript_id: id, cursor: 'bm9wZQ' })).toMatch(/^INVALID_CURSOR/);
    expect(await callError(connected.client, 'list_transcripts', { cursor: '%%%' })).toMatch(/^INVALID_CURSOR/);
  });

  it('searches across transcripts and answers plain questions', async () => {
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { path: QUEST_VTT });
    await callOk(connected.client, 'load_transcript', { content: 'Dana Ruiz: Our warehouse in Leeds handles the returns.\nSam Ode: Thanks Dana.', title: 'other' });
    const result = await callOk<{ hits: Array<{ transcript_id: string; turn_index: number; speaker: string; text: string; start: string; score: number }> }>(
      connected.client,
      'search_transcripts',
      { query: 'which system holds the booking data', limit: 5 },
    );
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.length).toBeLessThanOrEqual(5);
    expect(result.hits.some((h) => /Salesforce contains the Booking Data/i.test(h.text))).toBe(true);
    expect(result.hits[0]).toMatchObject({ transcript_id: id });
    const scores = result.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const scoped = await callOk<{ hits: Array<{ transcript_id: string }> }>(connected.client, 'search_transcripts', { query: 'warehouse returns' });
    expect(scoped.hits[0]?.transcript_id).not.toBe(id);
    const bySpeaker = await callOk<{ hits: Array<{ speaker: string }> }>(connected.client, 'search_transcripts', { query: 'dashboard', speaker: 'Bob Jones', transcript_id: id });
    expect(bySpeaker.hits.length).toBeGreaterThan(0);
    expect(bySpeaker.hits.every((h) => h.speaker === 'Bob Jones')).toBe(true);
    expect(await callError(connected.client, 'search_transcripts', { query: 'x', transcript_id: 't_missing' })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
  });

  it('reports talk statistics per speaker', async () => {
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const stats = await callOk<{ meeting: { duration_ms: number; words_per_minute: number }; speakers: Array<{ name: string; talk_share: number; turns: number; questions_asked: number; longest_monologue_ms: number }> }>(
      connected.client,
      'transcript_stats',
      { transcript_id: id },
    );
    expect(stats.meeting.words_per_minute).toBeGreaterThan(50);
    expect(stats.speakers).toHaveLength(2);
    const bob = stats.speakers.find((s) => s.name === 'Bob Jones')!;
    expect(bob.questions_asked).toBeGreaterThan(0);
    expect(bob.longest_monologue_ms).toBeGreaterThan(0);
  });

  it('serves transcript://{id} as text, lists it, and completes ids', async () => {
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { path: QUEST_VTT });
    const listed = await connected.client.listResources();
    expect(listed.resources.map((r) => r.uri)).toContain(`transcript://${id}`);
    const read = await connected.client.readResource({ uri: `transcript://${id}` });
    const text = (read.contents[0] as { text: string }).text;
    expect(text.split('\n')[0]).toMatch(/^\[00:00:10\] Franklin Dorsey: And it's recording/);
    const completion = await connected.client.complete({ ref: { type: 'ref/resource', uri: 'transcript://{id}' }, argument: { name: 'id', value: id.slice(0, 4) } });
    expect(completion.completion.values).toContain(id);
    await expect(connected.client.readResource({ uri: 'transcript://t_unknown' })).rejects.toThrow();
  });

  it('notifies resource list changes on load and delete', async () => {
    let notifications = 0;
    connected.client.setNotificationHandler('notifications/resources/list_changed', () => {
      notifications += 1;
    });
    const { transcript_id: id } = await callOk<Summary>(connected.client, 'load_transcript', { content: 'Ann Lee: hello there.\nBo Chan: hi Ann.' });
    await callOk(connected.client, 'delete_transcript', { transcript_id: id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notifications).toBeGreaterThanOrEqual(2);
  });

  it('tells only the owner about changes to its lists', async () => {
    const other = await connect({ workspace: connected.workspace, principal: 'someone-else' });
    let mine = 0;
    let theirs = 0;
    connected.client.setNotificationHandler('notifications/resources/list_changed', () => void (mine += 1));
    other.client.setNotificationHandler('notifications/resources/list_changed', () => void (theirs += 1));
    await callOk(connected.client, 'load_transcript', { content: 'Ann Lee: hello there.\nBo Chan: hi Ann.' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mine).toBeGreaterThanOrEqual(1);
    expect(theirs).toBe(0);
    await other.close();
  });

  it('reads the same bytes the file has (nothing lost at ingestion)', async () => {
    const raw = await readFile(QUEST_VTT, 'utf8');
    const summary = await callOk<Summary>(connected.client, 'load_transcript', { content: raw });
    expect(summary.cue_count).toBe(133);
  });
});

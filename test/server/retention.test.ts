import { afterEach, describe, expect, it } from 'vitest';
import { callError, callOk, connect, testConfig, type Connected } from '../support/harness.js';

describe('retention', () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
  });

  it('forgets transcripts and their snapshots when their time is up, and says the list changed', async () => {
    connected = await connect({ config: testConfig({ TRANSCRIPT_TTL_SECONDS: '1', SNAPSHOT_TTL_SECONDS: '1' }) });
    let changes = 0;
    connected.client.setNotificationHandler('notifications/resources/list_changed', () => void (changes += 1));
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: 'Ann Lee: the pilot starts Monday.\nBo Chan: good.' });
    const snapshot = await callOk<{ id: string }>(connected.client, 'generate_snapshot', { transcript_id });
    const changesAfterCreate = changes;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await callError(connected.client, 'read_transcript', { transcript_id })).toMatch(/^TRANSCRIPT_NOT_FOUND/);
    expect(await callError(connected.client, 'get_snapshot', { snapshot_id: snapshot.id })).toMatch(/^SNAPSHOT_NOT_FOUND/);
    const search = await callOk<{ hits: unknown[] }>(connected.client, 'search_transcripts', { query: 'pilot Monday' });
    expect(search.hits).toEqual([]);
    expect(changes).toBeGreaterThan(changesAfterCreate);
  });

  it('keeps at most MAX_TRANSCRIPTS, dropping the least recently used', async () => {
    connected = await connect({ config: testConfig({ MAX_TRANSCRIPTS: '2' }) });
    const load = async (name: string) => (await callOk<{ transcript_id: string }>(connected!.client, 'load_transcript', { content: `${name} Lee: hello.\nBo Chan: hi.` })).transcript_id;
    const first = await load('Ann');
    const second = await load('Cy');
    await callOk(connected.client, 'read_transcript', { transcript_id: first });
    await load('Di');
    const listed = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(connected.client, 'list_transcripts', {});
    expect(listed.transcripts.map((t) => t.transcript_id)).toContain(first);
    expect(listed.transcripts.map((t) => t.transcript_id)).not.toContain(second);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meeting, startZoomHarness, type ZoomHarness } from '../../../test/zoom/harness.js';
import { ZoomCache } from './cache.js';
import type { ZoomMeetingRecordings } from './recordings.js';

const TTL_MS = 60_000;
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const IMPORT = { id: 't_c1', loadedAt: '2024-04-15T12:00:00.000Z', turnGapMs: 30_000 };
const UUID = 'cached-meeting==';

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness({ settings: { cacheTtlMs: TTL_MS, maxCacheSize: 3 } });
  h.fake.addMeeting(meeting({ uuid: UUID, id: 55_500_000_001, startTime: '2024-03-05T15:00:00Z' }));
});
afterEach(() => h.close());

/** API and download requests, tokens aside. */
const zoomCalls = () => h.fake.requests.filter((r) => r.route !== 'token').length;

describe('listing cache', () => {
  it('serves a repeated listing without a request', async () => {
    const first = await h.client.listRecordings(MARCH);
    const calls = zoomCalls();
    expect(await h.client.listRecordings(MARCH)).toEqual(first);
    expect(zoomCalls()).toBe(calls);
  });

  it('serves later cursor pages from the cache', async () => {
    for (let day = 6; day <= 40; day++) h.fake.addMeeting(meeting({ startTime: `2024-03-${String((day % 25) + 1).padStart(2, '0')}T${String(day % 24).padStart(2, '0')}:00:00Z` }));
    const first = await h.client.listRecordings(MARCH);
    const calls = zoomCalls();
    const second = await h.client.listRecordings({ cursor: first.next_cursor! });
    expect(second.meetings.length).toBeGreaterThan(0);
    expect(zoomCalls()).toBe(calls);
  });

  it('refetches an entry once its TTL has passed', async () => {
    await h.client.listRecordings(MARCH);
    h.clock.now += TTL_MS - 1;
    await h.client.listRecordings(MARCH);
    expect(h.fake.count('list')).toBe(1);
    h.clock.now += 2;
    await h.client.listRecordings(MARCH);
    expect(h.fake.count('list')).toBe(2);
  });

  it('keys by user and range: a different user or range is fetched', async () => {
    h.fake.addMeeting(meeting({ startTime: '2024-03-05T15:00:00Z', hostId: 'other-user' }));
    await h.client.listRecordings(MARCH);
    await h.client.listRecordings({ ...MARCH, userId: 'other-user' });
    await h.client.listRecordings({ from: '2024-03-02', to: '2024-03-31' });
    expect(h.fake.count('list')).toBe(3);
  });

  it('shares month windows between overlapping ranges', async () => {
    await h.client.listRecordings({ from: '2024-01-01', to: '2024-03-31' });
    await h.client.listRecordings({ from: '2024-02-01', to: '2024-03-31' });
    expect(h.fake.count('list')).toBe(3);
  });

  it('evicts the least recently used entry when full', async () => {
    const month = (m: number) => ({ from: `2024-0${m}-01`, to: `2024-0${m}-28` });
    await h.client.listRecordings(month(1));
    await h.client.listRecordings(month(2));
    await h.client.listRecordings(month(3));
    await h.client.listRecordings(month(1)); // January is now the most recent
    await h.client.listRecordings(month(4)); // evicts February
    expect(h.fake.count('list')).toBe(4);
    await h.client.listRecordings(month(1));
    expect(h.fake.count('list')).toBe(4);
    await h.client.listRecordings(month(2));
    expect(h.fake.count('list')).toBe(5);
  });
});

describe('transcript cache', () => {
  it('serves a repeated import without any request, as a fresh transcript', async () => {
    const first = await h.client.importTranscript(UUID, IMPORT);
    const calls = h.fake.requests.length;
    const second = await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c2', title: 'Renamed' });
    expect(h.fake.requests.length).toBe(calls);
    expect(second.id).toBe('t_c2');
    expect(second.title).toBe('Renamed');
    expect(second.turns).toEqual(first.turns);
  });

  it('refetches after the TTL, counted from the download, not from the last use', async () => {
    await h.client.importTranscript(UUID, IMPORT);
    h.clock.now += TTL_MS / 2;
    await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c2' });
    h.clock.now += TTL_MS / 2 + 1;
    await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c3' });
    expect(h.fake.count('download')).toBe(2);
  });

  it('forgetMeeting drops the text and the listings that name the meeting, by id or UUID', async () => {
    await h.client.listRecordings(MARCH);
    await h.client.importTranscript(UUID, IMPORT);
    h.client.forgetMeeting('555 0000 0001');
    await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c2' });
    await h.client.listRecordings(MARCH);
    expect(h.fake.count('download')).toBe(2);
    expect(h.fake.count('list')).toBe(2);
  });

  it('forgetTranscript drops the text that transcript was built from, and nothing else', async () => {
    h.fake.addMeeting(meeting({ uuid: 'other-meeting==', startTime: '2024-03-06T15:00:00Z' }));
    await h.client.importTranscript(UUID, IMPORT);
    await h.client.importTranscript('other-meeting==', { ...IMPORT, id: 't_other' });
    h.client.forgetTranscript('t_c1');
    await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c2' });
    await h.client.importTranscript('other-meeting==', { ...IMPORT, id: 't_other2' });
    expect(h.fake.count('download')).toBe(3);
  });

  it('clearCache forgets everything', async () => {
    await h.client.listRecordings(MARCH);
    await h.client.importTranscript(UUID, IMPORT);
    h.client.clearCache();
    await h.client.listRecordings(MARCH);
    await h.client.importTranscript(UUID, { ...IMPORT, id: 't_c2' });
    expect(h.fake.count('list')).toBe(2);
    expect(h.fake.count('download')).toBe(2);
  });
});

describe('ZoomCache', () => {
  const window = { from: '2024-03-01', to: '2024-03-31' };
  const recording: ZoomMeetingRecordings = { id: '42', uuid: 'uuid-42==', topic: 'Topic', startTime: '2024-03-02T10:00:00Z', durationMinutes: 30, files: [] };

  it('forgetMeeting leaves listings that do not name the meeting', () => {
    const cache = new ZoomCache({ ttlMs: TTL_MS, maxEntries: 10, now: () => 0 });
    cache.setListing('me', window, [recording]);
    cache.setListing('me', { from: '2024-04-01', to: '2024-04-30' }, []);
    expect(cache.forgetMeeting('uuid-42==')).toBe(1);
    expect(cache.getListing('me', window)).toBeUndefined();
    expect(cache.getListing('me', { from: '2024-04-01', to: '2024-04-30' })).toEqual([]);
  });
});

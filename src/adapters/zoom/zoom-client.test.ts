import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ZoomApiError } from '../../core/errors.js';
import { createSilentLogger } from '../../logger.js';
import { zoomError } from '../../../test/fakes/fake-zoom.js';
import {
  CANARY_SECRET,
  CANARY_TOKEN_PREFIX,
  everythingIn,
  meeting,
  rejectionOf,
  startZoomHarness,
  type ZoomHarness,
} from '../../../test/zoom/harness.js';
import { ZOOM_DEFAULTS } from './config.js';
import { createZoomClient, ZOOM_LIST_PAGE_SIZE } from './zoom-client.js';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const IMPORT = { id: 't_import', loadedAt: '2024-04-15T12:00:00.000Z', turnGapMs: 30_000 };

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness();
});
afterEach(() => h.close());

describe('listRecordings', () => {
  it('returns meetings in the tools’ shape, newest first', async () => {
    h.fake.addMeeting(meeting({ id: 81_200_000_001, uuid: 'first-uuid==', topic: 'Kickoff', startTime: '2024-03-04T16:00:00Z', durationMinutes: 45 }));
    h.fake.addMeeting(meeting({ id: 81_200_000_002, uuid: 'second-uuid==', topic: 'Follow-up', startTime: '2024-03-11T16:00:00Z', durationMinutes: 30 }));
    const listing = await h.client.listRecordings(MARCH);
    expect(listing).toEqual({
      user_id: 'me',
      from: '2024-03-01',
      to: '2024-03-31',
      total: 2,
      meetings: [
        { id: '81200000002', uuid: 'second-uuid==', topic: 'Follow-up', start_time: '2024-03-11T16:00:00Z', duration_minutes: 30, has_transcript: true },
        { id: '81200000001', uuid: 'first-uuid==', topic: 'Kickoff', start_time: '2024-03-04T16:00:00Z', duration_minutes: 45, has_transcript: true },
      ],
    });
  });

  it('pages with its own cursor, which alone is enough for the next page', async () => {
    for (let i = 0; i < 70; i++) h.fake.addMeeting(meeting({ startTime: `2024-03-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}:00Z` }));
    const first = await h.client.listRecordings(MARCH);
    const second = await h.client.listRecordings({ cursor: first.next_cursor! });
    const third = await h.client.listRecordings({ ...MARCH, cursor: second.next_cursor! });
    expect([first, second, third].map((page) => page.meetings.length)).toEqual([ZOOM_LIST_PAGE_SIZE, ZOOM_LIST_PAGE_SIZE, 10]);
    expect(third.next_cursor).toBeUndefined();
    const uuids = [first, second, third].flatMap((page) => page.meetings.map((m) => m.uuid));
    expect(new Set(uuids).size).toBe(70);
    expect(second.from).toBe('2024-03-01');
  });

  it('refuses a cursor used with a different query, and a forged one, with INVALID_CURSOR', async () => {
    for (let i = 0; i < 35; i++) h.fake.addMeeting(meeting({ startTime: `2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i).padStart(2, '0')}:00Z` }));
    const first = await h.client.listRecordings(MARCH);
    expect((await rejectionOf(h.client.listRecordings({ from: '2024-02-01', cursor: first.next_cursor! }))).code).toBe('INVALID_CURSOR');
    expect((await rejectionOf(h.client.listRecordings({ includeWithoutTranscript: true, cursor: first.next_cursor! }))).code).toBe('INVALID_CURSOR');
    expect((await rejectionOf(h.client.listRecordings({ cursor: 'not-a-cursor' }))).code).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify(['zr1', 'me', '2024-03-01', '2024-03-31', false, -5])).toString('base64url');
    expect((await rejectionOf(h.client.listRecordings({ cursor: forged }))).code).toBe('INVALID_CURSOR');
  });

  it('defaults to the last 30 days up to today (UTC), walked by calendar month', async () => {
    const listing = await h.client.listRecordings();
    expect([listing.from, listing.to]).toEqual(['2024-03-16', '2024-04-15']);
    expect(h.fake.requests.filter((r) => r.route === 'list').map((r) => [r.query.from, r.query.to])).toEqual([
      ['2024-03-16', '2024-03-31'],
      ['2024-04-01', '2024-04-15'],
    ]);
  });

  it('defaults `from` to 30 days before a given `to`', async () => {
    const listing = await h.client.listRecordings({ to: '2024-02-10' });
    expect(listing.from).toBe('2024-01-11');
  });

  it.each([
    [{ from: '2024-3-1', to: '2024-03-31' }, 'INVALID_ARGUMENT'],
    [{ from: '2024-03-31', to: '2024-03-01' }, 'INVALID_ARGUMENT'],
    [{ from: '2022-01-01', to: '2024-03-01' }, 'INVALID_ARGUMENT'],
    [{ ...MARCH, userId: '  ' }, 'INVALID_ARGUMENT'],
  ])('refuses %o with %s before calling Zoom', async (input, code) => {
    expect((await rejectionOf(h.client.listRecordings(input))).code).toBe(code);
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe('importTranscript', () => {
  beforeEach(() => {
    h.fake.addMeeting(meeting({ id: 81_200_000_010, uuid: 'import-uuid==', topic: 'Q2 planning v2.1', startTime: '2024-03-05T15:00:00Z' }));
  });

  it('builds a transcript like load_transcript does: our id and load time, zoom source, topic as title', async () => {
    const transcript = await h.client.importTranscript('import-uuid==', IMPORT);
    expect(transcript).toMatchObject({ id: 't_import', loadedAt: IMPORT.loadedAt, title: 'Q2 planning v2.1', source: { kind: 'zoom', name: 'Q2 planning v2.1' }, format: 'vtt', warnings: [] });
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['Dana Ortiz', 'Sam Lee', 'Dana Ortiz', 'Sam Lee']);
    expect(transcript.turns[1]).toMatchObject({ startMs: 5000, text: 'The pilot group finished training last week.' });
  });

  it('uses the caller’s title when given', async () => {
    expect((await h.client.importTranscript('81200000010', { ...IMPORT, title: '  Planning call  ' })).title).toBe('Planning call');
  });

  it('reports progress from look-up through download to parse', async () => {
    const updates: Array<[number, number, string]> = [];
    await h.client.importTranscript('import-uuid==', { ...IMPORT, onProgress: (done, total, message) => updates.push([done, total, message]) });
    const done = updates.map(([value]) => value);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(3);
    expect(updates.every(([, total]) => total === 3)).toBe(true);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(updates.some(([value, , message]) => value > 1 && value <= 2 && message.startsWith('Downloading'))).toBe(true);
  });

  it('stops when the caller cancels, without storing anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    const error = await rejectionOf(h.client.importTranscript('import-uuid==', { ...IMPORT, signal: controller.signal }));
    expect(error.message).toBe('cancelled by the user');
    expect(h.fake.count('download')).toBe(0);
  });

  it('refuses an id that is neither a meeting number nor a UUID, before calling Zoom', async () => {
    expect((await rejectionOf(h.client.importTranscript('../users/me', IMPORT))).code).toBe('INVALID_ARGUMENT');
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe('without credentials', () => {
  it('answers ZOOM_NOT_CONFIGURED naming the variables, and sends nothing', async () => {
    let fetched = 0;
    const client = createZoomClient(null, { logger: createSilentLogger(), maxTranscriptBytes: 1024, fetch: async () => (fetched++, new Response('{}')) });
    expect(client.configured).toBe(false);
    for (const call of [client.listRecordings(MARCH), client.importTranscript('81234567890', IMPORT)]) {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(ZoomApiError);
      expect(error.code).toBe('ZOOM_NOT_CONFIGURED');
      for (const name of ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET']) expect(error.message).toContain(name);
    }
    client.forgetMeeting('81234567890');
    client.forgetTranscript('t_x');
    client.clearCache();
    expect(fetched).toBe(0);
  });
});

describe('createZoomClient settings', () => {
  const settings = { accountId: 'a', clientId: 'b', clientSecret: 'c', defaultUserId: 'me', cacheTtlMs: 1000, maxCacheSize: 10 };

  it('refuses plain-http Zoom URLs except to this machine', () => {
    const deps = { logger: createSilentLogger(), maxTranscriptBytes: 1024 };
    expect(() => createZoomClient({ ...settings, apiBaseUrl: 'http://api.zoom.example/v2', oauthUrl: ZOOM_DEFAULTS.oauthUrl }, deps)).toThrow(ConfigError);
    expect(() => createZoomClient({ ...settings, apiBaseUrl: ZOOM_DEFAULTS.apiBaseUrl, oauthUrl: 'not a url' }, deps)).toThrow(/ZOOM_OAUTH_URL/);
    expect(createZoomClient({ ...settings, apiBaseUrl: ZOOM_DEFAULTS.apiBaseUrl, oauthUrl: ZOOM_DEFAULTS.oauthUrl }, deps).configured).toBe(true);
    expect(createZoomClient({ ...settings, apiBaseUrl: 'http://127.0.0.1:9/v2', oauthUrl: 'http://localhost:9/oauth/token' }, deps).configured).toBe(true);
  });
});

describe('secrets never leak', () => {
  it('keeps the client secret and every access token out of errors and logs, across failures', async () => {
    h.fake.addMeeting(meeting({ uuid: 'leak-check==', startTime: '2024-03-05T15:00:00Z' }));
    h.fake.addMeeting(meeting({ uuid: 'leak-html==', startTime: '2024-03-06T15:00:00Z', transcript: '<html>login</html>', transcriptContentType: 'text/html' }));
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) => promise.catch((error: unknown) => void errors.push(error));

    await h.client.listRecordings(MARCH);
    await h.client.importTranscript('leak-check==', IMPORT);
    h.fake.script('list', zoomError(401, 124, 'Invalid access token.'), zoomError(401, 124, 'Invalid access token.'));
    await capture(h.client.listRecordings({ from: '2024-02-01', to: '2024-02-28' }));
    h.fake.script('list', zoomError(500, 500, `boom ${CANARY_SECRET}`), zoomError(400, 300, `bad ${CANARY_SECRET}`));
    await capture(h.client.listRecordings({ from: '2024-01-01', to: '2024-01-31' }));
    await capture(h.client.importTranscript('leak-html==', IMPORT));
    await capture(h.client.importTranscript('81234567899', IMPORT));
    await capture(h.newClient({ clientSecret: `${CANARY_SECRET}-wrong` }).listRecordings(MARCH));
    h.fake.revokeTokensAfter(0);
    await h.client.listRecordings({ from: '2024-04-01', to: '2024-04-10' });

    expect(errors.map((error) => (error as ZoomApiError).code)).toEqual(['ZOOM_AUTH_FAILED', 'ZOOM_REQUEST_REJECTED', 'ZOOM_BAD_RESPONSE', 'ZOOM_NOT_FOUND', 'ZOOM_AUTH_FAILED']);
    expect(h.fake.issuedTokens.length).toBeGreaterThanOrEqual(3);
    const logs = h.logText();
    expect(logs.length).toBeGreaterThan(0);
    const secrets = [CANARY_SECRET, CANARY_TOKEN_PREFIX, ...h.fake.issuedTokens];
    for (const error of errors) {
      for (const secret of secrets) expect(everythingIn(error)).not.toContain(secret);
    }
    for (const secret of secrets) expect(logs).not.toContain(secret);
  });
});

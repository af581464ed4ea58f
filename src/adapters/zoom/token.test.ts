import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../logger.js';
import { zoomError } from '../../../test/fakes/fake-zoom.js';
import { CANARY_SECRET, meeting, rejectionOf, startZoomHarness, type ZoomHarness } from '../../../test/zoom/harness.js';
import { DEFAULT_RETRY_POLICY } from './http.js';
import { ZoomTokenProvider } from './token.js';

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness();
  for (const startTime of ['2024-01-10T10:00:00Z', '2024-02-10T10:00:00Z', '2024-03-10T10:00:00Z']) h.fake.addMeeting(meeting({ startTime }));
});
afterEach(() => h.close());

const month = (m: number) => ({ from: `2024-0${m}-01`, to: `2024-0${m}-28` });

describe('access token', () => {
  it('asks for it the documented way: POST, account_credentials grant, account id, HTTP Basic', async () => {
    await h.client.listRecordings(month(1));
    const tokenRequests = h.fake.requests.filter((r) => r.route === 'token');
    expect(tokenRequests).toEqual([
      expect.objectContaining({ method: 'POST', auth: 'basic', query: { grant_type: 'account_credentials', account_id: 'acct-1' } }),
    ]);
    expect(h.fake.requests.filter((r) => r.route === 'list').every((r) => r.auth === 'bearer')).toBe(true);
  });

  it('reuses the cached token across calls', async () => {
    await h.client.listRecordings(month(1));
    await h.client.listRecordings(month(2));
    await h.client.listRecordings(month(3));
    expect(h.fake.count('token')).toBe(1);
  });

  it('shares one refresh among concurrent calls', async () => {
    const listings = await Promise.all([1, 2, 3, 1, 2].map((m, i) => h.client.listRecordings({ ...month(m), includeWithoutTranscript: i % 2 === 0 })));
    expect(listings.map((l) => l.total)).toEqual([1, 1, 1, 1, 1]);
    expect(h.fake.count('token')).toBe(1);
  });

  it('refreshes on its own shortly before expires_in runs out, with no 401 on the way', async () => {
    await h.client.listRecordings(month(1));
    h.clock.now += (h.fake.tokenLifetimeSeconds - 30) * 1000;
    await h.client.listRecordings(month(2));
    expect(h.fake.count('token')).toBe(2);
    expect(h.fake.requests.filter((r) => r.route === 'list')).toHaveLength(2);
  });

  it('keeps a token that is well inside its lifetime', async () => {
    await h.client.listRecordings(month(1));
    h.clock.now += (h.fake.tokenLifetimeSeconds / 2) * 1000;
    await h.client.listRecordings(month(2));
    expect(h.fake.count('token')).toBe(1);
  });

  it('survives a token that expires mid-run: one refresh, the walk continues', async () => {
    h.fake.revokeTokensAfter(1);
    const listing = await h.client.listRecordings({ from: '2024-01-01', to: '2024-03-31' });
    expect(listing.total).toBe(3);
    expect(h.fake.count('token')).toBe(2);
    // January answered, February rejected once then answered, March answered.
    expect(h.fake.count('list')).toBe(4);
  });

  it('refreshes once for many calls rejected together', async () => {
    await h.client.listRecordings(month(1));
    h.fake.revokeTokens();
    const listings = await Promise.all([2, 3].map((m) => h.client.listRecordings(month(m))));
    expect(listings.map((l) => l.total)).toEqual([1, 1]);
    expect(h.fake.count('token')).toBe(2);
  });

  it('gives ZOOM_AUTH_FAILED when a refreshed token is rejected too, after exactly one refresh', async () => {
    const invalid = zoomError(401, 124, 'Invalid access token.');
    h.fake.script('list', invalid, invalid, invalid);
    const error = await rejectionOf(h.client.listRecordings(month(1)));
    expect(error.code).toBe('ZOOM_AUTH_FAILED');
    expect(h.fake.count('token')).toBe(2);
    expect(h.fake.count('list')).toBe(2);
    expect(h.sleeps).toEqual([]);
  });

  it('gives ZOOM_AUTH_FAILED at once, naming the variables, when Zoom refuses the credentials', async () => {
    const client = h.newClient({ clientSecret: 'wrong-secret' });
    const error = await rejectionOf(client.listRecordings(month(1)));
    expect(error.code).toBe('ZOOM_AUTH_FAILED');
    expect(error.message).toContain('ZOOM_CLIENT_SECRET');
    expect(error.message).not.toContain('wrong-secret');
    expect(h.fake.count('token')).toBe(1);
    expect(h.fake.count('list')).toBe(0);
  });

  it('gives ZOOM_AUTH_FAILED for an unknown account id', async () => {
    const error = await rejectionOf(h.newClient({ accountId: 'other-account' }).listRecordings(month(1)));
    expect(error.code).toBe('ZOOM_AUTH_FAILED');
    expect(h.fake.count('token')).toBe(1);
  });

  it('retries a token endpoint 500 like any other fault', async () => {
    h.fake.script('token', zoomError(500, 500, 'Internal error.'));
    await h.client.listRecordings(month(1));
    expect(h.fake.count('token')).toBe(2);
  });

  it('does not cache a failed refresh: the next call asks again', async () => {
    h.fake.script('token', ...Array.from({ length: 4 }, () => zoomError(503, 503, 'Unavailable.')));
    expect((await rejectionOf(h.client.listRecordings(month(1)))).code).toBe('ZOOM_UNAVAILABLE');
    await h.client.listRecordings(month(1));
    expect(h.fake.count('token')).toBe(5);
  });

  it('gives ZOOM_BAD_RESPONSE, without echoing it, for a token answer of the wrong shape', async () => {
    h.fake.script('token', { status: 200, body: { access_token: 'leaky-token-value', expires_in: 'soon' } });
    const error = await rejectionOf(h.client.listRecordings(month(1)));
    expect(error.code).toBe('ZOOM_BAD_RESPONSE');
    expect(error.message).not.toContain('leaky-token-value');
    expect(h.logText()).not.toContain('leaky-token-value');
  });

  it('never logs the secret or the Basic credentials', async () => {
    await h.client.listRecordings(month(1));
    expect(h.logText()).not.toContain(CANARY_SECRET);
    expect(h.logText()).not.toContain(Buffer.from(`client-1:${CANARY_SECRET}`).toString('base64'));
  });
});

describe('ZoomTokenProvider.invalidate', () => {
  it('drops only the token Zoom rejected, so a late 401 for an old token causes no second refresh', async () => {
    const tokens = new ZoomTokenProvider(h.fake.settings(), {
      fetch,
      sleep: async () => undefined,
      random: () => 0.5,
      now: () => h.clock.now,
      logger: createSilentLogger(),
      policy: DEFAULT_RETRY_POLICY,
    });
    const first = await tokens.get();
    tokens.invalidate(first);
    const second = await tokens.get();
    expect(second).not.toBe(first);
    tokens.invalidate(first);
    expect(await tokens.get()).toBe(second);
    expect(h.fake.count('token')).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZoomApiError } from '../../core/errors.js';
import { createSilentLogger } from '../../logger.js';
import { zoomError } from '../../../test/fakes/fake-zoom.js';
import { meeting, rejectionOf, startZoomHarness, START_MS, type ZoomHarness } from '../../../test/zoom/harness.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter } from './http.js';
import { createZoomClient } from './zoom-client.js';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
/** The harness's random() is 0.5. */
const HALF_JITTER = DEFAULT_RETRY_POLICY.retryAfterJitterMs / 2;

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness();
  h.fake.addMeeting(meeting({ startTime: '2024-03-05T15:00:00Z' }));
});
afterEach(() => h.close());

describe('parseRetryAfter', () => {
  it('reads delta-seconds and dates, and ignores junk', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Mon, 15 Apr 2024 12:00:05 GMT', START_MS)).toBe(5000);
    expect(parseRetryAfter('2024-04-15T11:00:00Z', START_MS)).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('429 rate limits', () => {
  it('waits for Retry-After (plus jitter) and then succeeds', async () => {
    h.fake.script('list', zoomError(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.", { 'retry-after': '2' }));
    const listing = await h.client.listRecordings(MARCH);
    expect(listing.meetings).toHaveLength(1);
    expect(h.fake.count('list')).toBe(2);
    expect(h.sleeps).toEqual([2000 + HALF_JITTER]);
  });

  it('honours a Retry-After given as a date', async () => {
    h.fake.script('list', zoomError(429, 429, 'Too many requests.', { 'retry-after': new Date(START_MS + 3000).toUTCString() }));
    await h.client.listRecordings(MARCH);
    expect(h.sleeps).toEqual([3000 + HALF_JITTER]);
  });

  it('fails at once with ZOOM_RATE_LIMITED when Zoom asks for a wait longer than the cap (a daily limit)', async () => {
    h.fake.script('list', zoomError(429, 429, 'You have reached the maximum daily rate limit for this API.', { 'retry-after': '7200' }));
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error.code).toBe('ZOOM_RATE_LIMITED');
    expect(error.message).toContain('2 hours');
    expect(h.sleeps).toEqual([]);
    expect(h.fake.count('list')).toBe(1);
  });

  it('gives up after the bounded number of attempts', async () => {
    const limited = zoomError(429, 429, 'Too many requests.', { 'retry-after': '1' });
    h.fake.script('list', ...Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts + 2 }, () => limited));
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_RATE_LIMITED');
    expect(h.fake.count('list')).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(h.sleeps).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1);
  });

  it('backs off with jitter when a 429 has no Retry-After', async () => {
    h.fake.script('list', zoomError(429, 429, 'Too many requests.'));
    await h.client.listRecordings(MARCH);
    // Equal jitter on the first backoff step: half fixed, half random (0.5 here).
    expect(h.sleeps).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs * 0.75]);
  });
});

describe('5xx and network faults', () => {
  it('retries a 500 twice and then succeeds', async () => {
    h.fake.script('list', zoomError(500, 500, 'Internal error.'), zoomError(500, 500, 'Internal error.'));
    const listing = await h.client.listRecordings(MARCH);
    expect(listing.meetings).toHaveLength(1);
    expect(h.fake.count('list')).toBe(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!);
    expect(Math.max(...h.sleeps)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('answers ZOOM_UNAVAILABLE after the bounded attempts of 503', async () => {
    h.fake.script('list', ...Array.from({ length: 10 }, () => zoomError(503, 503, 'Service unavailable.')));
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_UNAVAILABLE');
    expect((error as ZoomApiError).status).toBe(503);
    expect(h.fake.count('list')).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it('answers ZOOM_UNAVAILABLE when Zoom cannot be reached, after bounded retries', async () => {
    const settings = h.fake.settings();
    await h.close();
    const sleeps: number[] = [];
    const client = createZoomClient(settings, { logger: createSilentLogger(), maxTranscriptBytes: 1024, random: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    const error = await rejectionOf(client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_UNAVAILABLE');
    expect(sleeps).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1);
    h = await startZoomHarness();
  });

  it('stops waiting, without another attempt, when the caller cancels during a back-off', async () => {
    h.fake.script('list', zoomError(500, 500, 'Internal error.'), zoomError(500, 500, 'Internal error.'));
    const controller = new AbortController();
    const client = createZoomClient(h.fake.settings(), {
      logger: createSilentLogger(),
      maxTranscriptBytes: 1024,
      sleep: async (_ms, signal) => {
        controller.abort(new Error('caller went away'));
        signal?.throwIfAborted();
      },
    });
    const error = await rejectionOf(client.listRecordings(MARCH, { signal: controller.signal }));
    expect(error.message).toBe('caller went away');
    expect(h.fake.count('list')).toBe(1);
  });
});

describe('other statuses are coded, never Zoom’s own words', () => {
  it('maps a 400 to ZOOM_REQUEST_REJECTED without Zoom’s message and without retrying', async () => {
    h.fake.script('list', zoomError(400, 300, 'zoom-private-detail-5521'));
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_REQUEST_REJECTED');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).not.toContain('zoom-private-detail-5521');
    expect(h.fake.count('list')).toBe(1);
    // The numeric Zoom code is logged for operators; the message is not.
    expect(h.logText()).toContain('"zoom_code":300');
    expect(h.logText()).not.toContain('zoom-private-detail-5521');
  });

  it('maps a 403 to ZOOM_AUTH_FAILED naming the missing scopes, without a token refresh', async () => {
    h.fake.script('list', zoomError(403, 4711, 'Invalid access token, does not contain scopes.'));
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_AUTH_FAILED');
    expect(error.message).toContain('scopes');
    expect(h.fake.count('token')).toBe(1);
  });

  it('maps a body that is not JSON to ZOOM_BAD_RESPONSE', async () => {
    h.fake.script('list', { status: 200, body: '<html>maintenance</html>' });
    const error = await rejectionOf(h.client.listRecordings(MARCH));
    expect(error.code).toBe('ZOOM_BAD_RESPONSE');
    expect(error.message).not.toContain('maintenance');
  });

  it('maps JSON of the wrong shape to ZOOM_BAD_RESPONSE', async () => {
    h.fake.script('list', { status: 200, body: { meetings: [{ topic: 'no uuid or start' }] } });
    expect((await rejectionOf(h.client.listRecordings(MARCH))).code).toBe('ZOOM_BAD_RESPONSE');
  });
});

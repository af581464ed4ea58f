/**
 * The hostile Zoom-payload corpus through the real Zoom tools: every case
 * gets its coded error (or succeeds) within bounded requests; no result shows
 * Zoom's own words, a stack, a URL of the fake, the app secret or an access
 * token, nor does any log line; nothing is fetched anywhere but this machine,
 * and no request to a non-Zoom host carries the token. After each case the
 * same connection lists recordings normally again.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import { createZoomClient } from '../../src/adapters/zoom/zoom-client.js';
import { createLogger } from '../../src/logger.js';
import { FakeZoom, type FakeRoute } from '../fakes/fake-zoom.js';
import { HOSTILE_ZOOM_CASES, UPSTREAM_MARKER, ZOOM_CORPUS_MAX_TRANSCRIPT_BYTES, ZOOM_CORPUS_RANGE } from '../hostile/zoom-payload-cases.js';
import { connect, testConfig, textOf, type Connected } from '../support/harness.js';
import { CANARY_SECRET, CANARY_TOKEN_PREFIX, START_MS } from './harness.js';

interface Wired {
  fake: FakeZoom;
  connected: Connected;
  /** URLs the product tried to fetch off this machine (refused here, never sent). */
  offHost: string[];
  logText(): string;
}

/** The real Zoom client on the fake, with a clock inside the corpus's month, waits recorded rather than slept, and only loopback traffic. */
async function wire(): Promise<Wired> {
  const fake = await FakeZoom.start({ accountId: 'acct-1', clientId: 'client-1', clientSecret: CANARY_SECRET, tokenPrefix: CANARY_TOKEN_PREFIX });
  const offHost: string[] = [];
  const localFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1') {
      offHost.push(url.href);
      return Promise.reject(new TypeError('off-host request refused by the test'));
    }
    return fetch(input, init);
  };
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
  const zoom = createZoomClient(fake.settings(), {
    logger,
    maxTranscriptBytes: ZOOM_CORPUS_MAX_TRANSCRIPT_BYTES,
    fetch: localFetch,
    now: () => START_MS,
    random: () => 0.5,
    sleep: async (_ms, signal) => signal?.throwIfAborted(),
  });
  const connected = await connect({ workspace: new Workspace({ config: testConfig(), logger, zoom, now: () => new Date(START_MS) }) });
  return { fake, connected, offHost, logText: () => lines.join('') };
}

function expectNothingLeaked(text: string, fake: FakeZoom): void {
  expect(text).not.toContain(UPSTREAM_MARKER);
  expect(text).not.toContain(CANARY_SECRET);
  expect(text).not.toContain(CANARY_TOKEN_PREFIX);
  expect(text).not.toContain(fake.baseUrl);
  expect(text).not.toContain(fake.storageBaseUrl);
  expect(text).not.toMatch(/\n\s+at /);
}

describe('hostile Zoom payloads through the Zoom tools', () => {
  let wired: Wired | undefined;
  afterEach(async () => {
    await wired?.connected.close();
    await wired?.fake.close();
    wired = undefined;
  });

  it('has at least 10 cases', () => {
    expect(HOSTILE_ZOOM_CASES.length).toBeGreaterThanOrEqual(10);
  });

  for (const testCase of HOSTILE_ZOOM_CASES) {
    it(testCase.name, async () => {
      wired = await wire();
      const { fake, connected } = wired;
      const args = testCase.arrange(fake);
      const result = await connected.client.callTool({ name: testCase.tool, arguments: args });
      const text = textOf(result as never);
      if (testCase.expectedCode === null) {
        expect(result.isError, text.slice(0, 300)).toBeFalsy();
        if (testCase.expectedTotal !== undefined) {
          const list = result.structuredContent as { total: number; meetings: unknown[]; next_cursor?: string };
          expect(list.total).toBe(testCase.expectedTotal);
          expect(list.meetings.length).toBe(Math.min(30, testCase.expectedTotal));
        }
      } else {
        expect(result.isError, `${testCase.name}: ${text.slice(0, 300)}`).toBe(true);
        expect(text.startsWith(`${testCase.expectedCode}:`), text).toBe(true);
      }
      expectNothingLeaked(`${text}\n${JSON.stringify(result.structuredContent ?? {})}`, fake);
      for (const [route, max] of Object.entries(testCase.maxRequests ?? {}) as Array<[FakeRoute, number]>) {
        expect(fake.count(route), `requests to ${route}`).toBeLessThanOrEqual(max);
      }
      expect(wired.offHost).toEqual([]);
      expect(fake.requests.filter((request) => request.route === 'storage' && request.auth !== 'none')).toEqual([]);
      expect(wired.logText()).not.toContain(CANARY_SECRET);
      expect(wired.logText()).not.toContain(CANARY_TOKEN_PREFIX);
      expect(wired.logText()).not.toContain(UPSTREAM_MARKER);

      // Still serving, Zoom included.
      const again = await connected.client.callTool({ name: 'list_zoom_recordings', arguments: { ...ZOOM_CORPUS_RANGE } });
      expect(again.isError, textOf(again as never)).toBeFalsy();
    });
  }
});

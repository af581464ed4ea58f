/**
 * Wires a real ZoomClient to the fake Zoom: a movable clock, recorded (not
 * slept) retry waits, a fixed jitter, and the project's logger writing into
 * memory at trace level so tests can search every log line. Credentials and
 * tokens are canary strings that must never appear in logs or errors.
 */

import { inspect } from 'node:util';
import type { ZoomSettings } from '../../src/adapters/zoom/config.js';
import { createZoomClient, type ZoomClient } from '../../src/adapters/zoom/zoom-client.js';
import { createLogger } from '../../src/logger.js';
import { FakeZoom, type FakeMeeting } from '../fakes/fake-zoom.js';

export const CANARY_SECRET = 'canary-client-secret-9d41c7';
export const CANARY_TOKEN_PREFIX = 'canary-access-token-';
/** 2024-04-15T12:00:00Z */
export const START_MS = Date.UTC(2024, 3, 15, 12, 0, 0);

export interface ZoomHarness {
  fake: FakeZoom;
  client: ZoomClient;
  clock: { now: number };
  /** Every wait the retry policy asked for, in ms. */
  sleeps: number[];
  /** Everything logged so far, one JSON object a line. */
  logText(): string;
  /** A fresh client on the same fake (empty token and listing caches). */
  newClient(overrides?: Partial<ZoomSettings>): ZoomClient;
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<ZoomSettings>;
  maxTranscriptBytes?: number;
}

export async function startZoomHarness(options: HarnessOptions = {}): Promise<ZoomHarness> {
  const fake = await FakeZoom.start({ accountId: 'acct-1', clientId: 'client-1', clientSecret: CANARY_SECRET, tokenPrefix: CANARY_TOKEN_PREFIX });
  const clock = { now: START_MS };
  const sleeps: number[] = [];
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
  const newClient = (overrides: Partial<ZoomSettings> = {}) =>
    createZoomClient(fake.settings({ ...options.settings, ...overrides }), {
      logger,
      maxTranscriptBytes: options.maxTranscriptBytes ?? 1024 * 1024,
      now: () => clock.now,
      random: () => 0.5,
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        signal?.throwIfAborted();
      },
    });
  return {
    fake,
    client: newClient(),
    clock,
    sleeps,
    logText: () => lines.join(''),
    newClient,
    close: () => fake.close(),
  };
}

/** A small Zoom-style WebVTT transcript: numbered cues with `Name: text`. */
export function zoomVtt(lines: Array<[speaker: string, text: string]>): string {
  const cues = lines.map(([speaker, text], index) => {
    const start = index * 5;
    return `${index + 1}\n${clock(start)} --> ${clock(start + 4)}\n${speaker}: ${text}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

function clock(seconds: number): string {
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.000`;
}

export const SAMPLE_VTT = zoomVtt([
  ['Dana Ortiz', 'Thanks for joining, let us review the rollout plan.'],
  ['Sam Lee', 'The pilot group finished training last week.'],
  ['Dana Ortiz', 'Great, what is blocking the second wave?'],
  ['Sam Lee', 'Mostly the data export from the old system.'],
]);

let nextMeetingNumber = 81_234_567_000;

/** A meeting with a transcript, overridable field by field. */
export function meeting(overrides: Partial<FakeMeeting> & Pick<FakeMeeting, 'startTime'>): FakeMeeting {
  nextMeetingNumber += 1;
  return {
    uuid: `${Buffer.from(`meeting-${nextMeetingNumber}`).toString('base64url')}==`,
    id: nextMeetingNumber,
    topic: `Weekly sync ${nextMeetingNumber}`,
    transcript: SAMPLE_VTT,
    ...overrides,
  };
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; status?: number }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected a rejection');
  return outcome as Error & { code?: string };
}

/** Everything an error shows: message, name, cause chain (util.inspect walks it). */
export function everythingIn(error: unknown): string {
  return `${String(error)}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
}

/**
 * The application-facing Zoom API: list a user's recorded meetings over any
 * range up to a year (walked month by month, every page followed, merged
 * newest first and paged with our own cursor), and turn one meeting's
 * transcript into a `Transcript` exactly as a local WebVTT file would be.
 * Listings and downloaded texts are cached (TTL + LRU); the deletion paths
 * forget them. Built without credentials, every call answers
 * ZOOM_NOT_CONFIGURED naming what to set, and nothing else is affected.
 */

import { InputError, ZoomApiError } from '../../core/errors.js';
import { buildTranscript } from '../../core/transcript/index.js';
import type { Transcript } from '../../core/transcript/types.js';
import type { Logger } from '../../logger.js';
import { ZoomCache, type CachedTranscript } from './cache.js';
import { assertSafeZoomUrls, ZOOM_CREDENTIAL_VARIABLES, type ZoomSettings } from './config.js';
import { monthWindows, shiftDay, utcDay, validateRange } from './date-range.js';
import { downloadTranscriptText } from './download.js';
import { DEFAULT_RETRY_POLICY, defaultSleep, type HttpDeps, type RetryPolicy } from './http.js';
import { decodeListingCursor, encodeListingCursor, invalidCursor, type ListingQuery } from './listing-cursor.js';
import { getMeetingRecordings, listRecordingsWindow, normalizeMeetingRef, transcriptFileOf, type ZoomMeetingRecordings } from './recordings.js';
import { ZoomTokenProvider } from './token.js';
import { ZoomApi } from './zoom-api.js';

export const ZOOM_LIST_PAGE_SIZE = 30;
/** The default listing looks this many days back from today. */
export const ZOOM_DEFAULT_LOOKBACK_DAYS = 30;
const MAX_USER_ID_CHARS = 128;

export interface ZoomClientDeps {
  logger: Logger;
  /** The cap local files have (MAX_TRANSCRIPT_BYTES). */
  maxTranscriptBytes: number;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; also decides "today" for default ranges. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  retryPolicy?: Partial<RetryPolicy>;
}

export interface ListRecordingsInput {
  /** YYYY-MM-DD (UTC); default 30 days before `to`. */
  from?: string;
  /** YYYY-MM-DD (UTC); default today. */
  to?: string;
  /** Zoom user id or email; default ZOOM_DEFAULT_USER_ID. */
  userId?: string;
  includeWithoutTranscript?: boolean;
  /** `next_cursor` from the previous page; it carries the query, so the other fields may be left out. */
  cursor?: string;
}

/** One recorded meeting instance, in the tools' snake_case. */
export interface ZoomMeetingSummary {
  /** The meeting number (shared by every instance of a recurring meeting). */
  id: string;
  /** This instance; pass it to importTranscript for exactly this recording. */
  uuid: string;
  topic: string;
  /** ISO time. */
  start_time: string;
  duration_minutes: number;
  has_transcript: boolean;
}

export interface ZoomRecordingList {
  user_id: string;
  from: string;
  to: string;
  meetings: ZoomMeetingSummary[];
  /** Meetings in the whole range after filtering, across all pages. */
  total: number;
  next_cursor?: string;
}

export interface ImportTranscriptOptions {
  /** Our transcript id. */
  id: string;
  /** ISO time. */
  loadedAt: string;
  turnGapMs: number;
  /** Default: the meeting topic. */
  title?: string;
  /** Stages out of 3: look-up, download (fractions while bytes arrive), parse. */
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

const PROGRESS_STEPS = 3;

interface Connected {
  settings: ZoomSettings;
  http: HttpDeps;
  api: ZoomApi;
  cache: ZoomCache;
}

export class ZoomClient {
  private readonly connected: Connected | null;

  constructor(
    settings: ZoomSettings | null,
    private readonly deps: ZoomClientDeps,
  ) {
    if (settings === null) {
      this.connected = null;
      return;
    }
    const now = deps.now ?? Date.now;
    const http: HttpDeps = {
      fetch: deps.fetch ?? globalThis.fetch,
      sleep: deps.sleep ?? defaultSleep,
      random: deps.random ?? Math.random,
      now,
      logger: deps.logger,
      policy: { ...DEFAULT_RETRY_POLICY, ...deps.retryPolicy },
    };
    const tokens = new ZoomTokenProvider(settings, http);
    this.connected = {
      settings,
      http,
      api: new ZoomApi(settings, tokens, http),
      cache: new ZoomCache({ ttlMs: settings.cacheTtlMs, maxEntries: settings.maxCacheSize, now }),
    };
  }

  /** False when credentials are missing: every call then answers ZOOM_NOT_CONFIGURED. */
  get configured(): boolean {
    return this.connected !== null;
  }

  /**
   * Recorded meetings in the range, newest first, ZOOM_LIST_PAGE_SIZE a page; by default only those with a transcript.
   * @throws InputError INVALID_ARGUMENT, INVALID_CURSOR; ZoomApiError.
   */
  async listRecordings(input: ListRecordingsInput = {}, options: { signal?: AbortSignal } = {}): Promise<ZoomRecordingList> {
    const { settings, api, cache, http } = this.require();
    const { query, offset } = this.resolveListing(input, settings.defaultUserId, http.now());
    const windows = monthWindows(query);
    const merged = new Map<string, ZoomMeetingRecordings>();
    let fetchedWindows = 0;
    for (const window of windows) {
      let meetings = cache.getListing(query.userId, window);
      if (meetings === undefined) {
        meetings = await listRecordingsWindow(api, query.userId, window, options.signal);
        cache.setListing(query.userId, window, meetings);
        fetchedWindows++;
      }
      for (const meeting of meetings) merged.set(meeting.uuid, meeting);
    }
    const all = [...merged.values()]
      .map(summarize)
      .filter((meeting) => query.includeWithoutTranscript || meeting.has_transcript)
      .sort((a, b) => b.start_time.localeCompare(a.start_time) || a.uuid.localeCompare(b.uuid));
    if (offset > all.length) throw invalidCursor();
    const next = offset + ZOOM_LIST_PAGE_SIZE;
    http.logger.info(
      { event: 'zoom_recordings_listed', windows: windows.length, windows_fetched: fetchedWindows, meetings: all.length, offset },
      'zoom recordings listed',
    );
    return {
      user_id: query.userId,
      from: query.from,
      to: query.to,
      meetings: all.slice(offset, next),
      total: all.length,
      ...(next < all.length ? { next_cursor: encodeListingCursor({ ...query, offset: next }) } : {}),
    };
  }

  /**
   * Downloads the meeting's transcript and builds it like a loaded file (source kind `zoom`, named after the topic).
   * A numeric id means the meeting's latest recorded instance; a UUID one instance.
   * @throws InputError INVALID_ARGUMENT and the transcript errors (TRANSCRIPT_TOO_LARGE, …); ZoomApiError
   *   (ZOOM_NOT_FOUND when the meeting has no transcript, ZOOM_UNAVAILABLE while Zoom is still making it).
   */
  async importTranscript(meetingIdOrUuid: string, options: ImportTranscriptOptions): Promise<Transcript> {
    const { api, cache, http } = this.require();
    const meetingRef = normalizeMeetingRef(meetingIdOrUuid);
    const progress = options.onProgress ?? (() => undefined);
    progress(0, PROGRESS_STEPS, 'Looking up the Zoom recording');
    const cached = cache.getTranscript(meetingRef);
    const source = cached ?? (await this.download(api, meetingRef, options, progress));
    options.signal?.throwIfAborted();
    progress(2, PROGRESS_STEPS, 'Reading the transcript');
    const { meeting, text } = source;
    const transcript = buildTranscript({
      text,
      id: options.id,
      title: options.title?.trim() || meeting.topic || `Zoom meeting ${meeting.id}`,
      source: { kind: 'zoom', name: meeting.topic || null },
      formatHint: 'vtt',
      turnGapMs: options.turnGapMs,
      loadedAt: options.loadedAt,
    });
    cache.setTranscript(meetingRef, source, transcript.id);
    progress(PROGRESS_STEPS, PROGRESS_STEPS, 'Transcript loaded');
    http.logger.info(
      { event: 'zoom_transcript_imported', transcript_id: transcript.id, meeting_id: meeting.id, cached: cached !== undefined, cues: transcript.cues.length, turns: transcript.turns.length },
      'zoom transcript imported',
    );
    return transcript;
  }

  /** Forgets cached listings and text that name this meeting (id, as typed or pasted, or UUID). */
  forgetMeeting(meetingIdOrUuid: string): void {
    let meetingRef: string;
    try {
      meetingRef = normalizeMeetingRef(meetingIdOrUuid);
    } catch {
      return; // nothing is ever cached under a reference that is not a meeting id or UUID
    }
    this.connected?.cache.forgetMeeting(meetingRef);
  }

  /** Forgets the cached text a deleted transcript was imported from. */
  forgetTranscript(transcriptId: string): void {
    this.connected?.cache.forgetTranscript(transcriptId);
  }

  /** Forgets everything cached from Zoom. */
  clearCache(): void {
    this.connected?.cache.clear();
  }

  private require(): Connected {
    if (this.connected === null) {
      throw new ZoomApiError(
        'ZOOM_NOT_CONFIGURED',
        `Zoom is not configured: set ${ZOOM_CREDENTIAL_VARIABLES.join(', ')} (from a Zoom Server-to-Server OAuth app with the cloud recording read scopes) and restart the server.`,
      );
    }
    return this.connected;
  }

  private resolveListing(input: ListRecordingsInput, defaultUserId: string, nowMs: number): { query: ListingQuery; offset: number } {
    if (input.cursor !== undefined) {
      const position = decodeListingCursor(input.cursor);
      const { offset, ...query } = position;
      const conflicts =
        (input.userId !== undefined && input.userId.trim() !== query.userId) ||
        (input.from !== undefined && input.from !== query.from) ||
        (input.to !== undefined && input.to !== query.to) ||
        (input.includeWithoutTranscript !== undefined && input.includeWithoutTranscript !== query.includeWithoutTranscript);
      if (conflicts) throw invalidCursor();
      return { query, offset };
    }
    const userId = (input.userId ?? defaultUserId).trim();
    if (userId === '' || userId.length > MAX_USER_ID_CHARS || /[\u0000-\u001f\u007f]/.test(userId)) {
      throw new InputError('INVALID_ARGUMENT', '`user_id` must be a Zoom user id, an email address or `me`.');
    }
    const to = input.to ?? utcDay(nowMs);
    const from = input.from ?? shiftDay(to, -ZOOM_DEFAULT_LOOKBACK_DAYS);
    const range = validateRange({ from, to });
    return { query: { userId, ...range, includeWithoutTranscript: input.includeWithoutTranscript ?? false }, offset: 0 };
  }

  private async download(api: ZoomApi, meetingRef: string, options: ImportTranscriptOptions, progress: NonNullable<ImportTranscriptOptions['onProgress']>): Promise<CachedTranscript> {
    const { logger } = this.deps;
    const meeting = await getMeetingRecordings(api, meetingRef, options.signal);
    const file = transcriptFileOf(meeting);
    if (file === null) {
      throw new ZoomApiError('ZOOM_NOT_FOUND', 'That Zoom meeting was recorded without a transcript (turn on audio transcripts in Zoom’s cloud recording settings).');
    }
    if (file.status !== null && file.status !== 'completed') {
      throw new ZoomApiError('ZOOM_UNAVAILABLE', 'Zoom is still preparing this meeting’s transcript; try again in a few minutes.');
    }
    if (file.downloadUrl === null) {
      throw new ZoomApiError('ZOOM_BAD_RESPONSE', 'Zoom listed the transcript without a download link; try again later.');
    }
    progress(1, PROGRESS_STEPS, 'Downloading the transcript');
    let reportedTenths = 0;
    const text = await downloadTranscriptText(api, file.downloadUrl, {
      maxBytes: this.deps.maxTranscriptBytes,
      logger,
      signal: options.signal,
      onBytes: (received, expected) => {
        if (expected === null || expected === 0) return;
        const tenths = Math.floor((received / expected) * 10);
        if (tenths <= reportedTenths) return;
        reportedTenths = tenths;
        progress(1 + tenths / 10, PROGRESS_STEPS, `Downloading the transcript (${Math.round((received / expected) * 100)}%)`);
      },
    });
    return { meeting: { id: meeting.id, uuid: meeting.uuid, topic: meeting.topic }, text };
  }
}

/**
 * The client the server uses: working with settings, or answering ZOOM_NOT_CONFIGURED without them.
 * @throws ConfigError when a configured URL is not https (plain http only to localhost).
 */
export function createZoomClient(settings: ZoomSettings | null, deps: ZoomClientDeps): ZoomClient {
  if (settings !== null) assertSafeZoomUrls(settings);
  return new ZoomClient(settings, deps);
}

function summarize(meeting: ZoomMeetingRecordings): ZoomMeetingSummary {
  return {
    id: meeting.id,
    uuid: meeting.uuid,
    topic: meeting.topic,
    start_time: meeting.startTime,
    duration_minutes: meeting.durationMinutes,
    has_transcript: transcriptFileOf(meeting) !== null,
  };
}

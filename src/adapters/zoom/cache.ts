/**
 * What Zoom told us, kept for a while: each month window of a user's listing
 * (all its pages) and each downloaded transcript text. Entries live for the
 * TTL from when they were stored and the least recently used go first when
 * the cache is full (lru-cache, on the injected clock so tests can move time).
 * Deletion paths forget what they concern: one meeting (its transcript and
 * every listing window that names it), one imported transcript, or all.
 */

import { LRUCache } from 'lru-cache';
import type { DayRange } from './date-range.js';
import type { ZoomMeetingRecordings } from './recordings.js';

export interface MeetingRef {
  id: string;
  uuid: string;
  topic: string;
}

export interface CachedTranscript {
  meeting: MeetingRef;
  text: string;
}

type Entry =
  | { kind: 'listing'; meetings: ZoomMeetingRecordings[] }
  | { kind: 'transcript'; transcript: CachedTranscript; transcriptIds: Set<string> };

export interface ZoomCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds; any steady clock. */
  now: () => number;
}

export class ZoomCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(options: ZoomCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // Read the clock on every check, so an entry is stale the moment its TTL passes.
      ttlResolution: 0,
      perf: { now: options.now },
      updateAgeOnGet: false,
      allowStale: false,
    });
  }

  getListing(userId: string, window: DayRange): ZoomMeetingRecordings[] | undefined {
    const entry = this.entries.get(listingKey(userId, window));
    return entry?.kind === 'listing' ? entry.meetings : undefined;
  }

  setListing(userId: string, window: DayRange, meetings: ZoomMeetingRecordings[]): void {
    this.entries.set(listingKey(userId, window), { kind: 'listing', meetings });
  }

  /** The transcript text cached under the meeting id or UUID the caller used. */
  getTranscript(meetingRef: string): CachedTranscript | undefined {
    const entry = this.entries.get(transcriptKey(meetingRef));
    return entry?.kind === 'transcript' ? entry.transcript : undefined;
  }

  /**
   * Notes that transcript `transcriptId` was built from `transcript`, storing it if it is new.
   * Re-using a cached text does not restart its TTL: the copy is as old as its download.
   */
  setTranscript(meetingRef: string, transcript: CachedTranscript, transcriptId: string): void {
    const key = transcriptKey(meetingRef);
    const existing = this.entries.get(key);
    const transcriptIds = existing?.kind === 'transcript' ? existing.transcriptIds : new Set<string>();
    transcriptIds.add(transcriptId);
    if (existing?.kind === 'transcript' && existing.transcript === transcript) return;
    this.entries.set(key, { kind: 'transcript', transcript, transcriptIds });
  }

  /** Forgets the meeting's transcript text and every listing window that names it (by id or UUID). Returns how many entries went. */
  forgetMeeting(meetingRef: string): number {
    return this.deleteWhere((key, entry) =>
      entry.kind === 'transcript'
        ? key === transcriptKey(meetingRef) || entry.transcript.meeting.id === meetingRef || entry.transcript.meeting.uuid === meetingRef
        : entry.meetings.some((meeting) => meeting.id === meetingRef || meeting.uuid === meetingRef),
    );
  }

  /** Forgets the text that transcript `transcriptId` was built from. */
  forgetTranscript(transcriptId: string): number {
    return this.deleteWhere((_key, entry) => entry.kind === 'transcript' && entry.transcriptIds.has(transcriptId));
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private deleteWhere(matches: (key: string, entry: Entry) => boolean): number {
    const doomed = [...this.entries.entries()].filter(([key, entry]) => matches(key, entry)).map(([key]) => key);
    for (const key of doomed) this.entries.delete(key);
    return doomed.length;
  }
}

function listingKey(userId: string, window: DayRange): string {
  return JSON.stringify(['listing', userId, window.from, window.to]);
}

function transcriptKey(meetingRef: string): string {
  return JSON.stringify(['transcript', meetingRef]);
}

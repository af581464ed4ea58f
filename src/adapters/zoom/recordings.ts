/**
 * Zoom's cloud-recording endpoints, read into our own shape:
 * `GET /users/{userId}/recordings?from&to&page_size=300&next_page_token=…`
 * (one month window, every page followed) and `GET /meetings/{id}/recordings`
 * (one meeting: a numeric id means its latest instance, a UUID one instance).
 * A UUID that starts with `/` or contains `//` is encoded twice in the path,
 * as Zoom requires; any other id once.
 */

import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import type { DayRange } from './date-range.js';
import { badResponse } from './http.js';
import type { ZoomApi } from './zoom-api.js';

export interface ZoomRecordingFile {
  id: string | null;
  /** e.g. MP4, M4A, CHAT, TRANSCRIPT (upper case). */
  fileType: string;
  downloadUrl: string | null;
  /** `completed` once Zoom has finished processing the file. */
  status: string | null;
  /** e.g. `audio_transcript`. */
  recordingType: string | null;
}

export interface ZoomMeetingRecordings {
  /** The meeting number, as text (it can exceed what some JSON readers keep exact). */
  id: string;
  /** One instance of the meeting. */
  uuid: string;
  topic: string;
  /** ISO time. */
  startTime: string;
  durationMinutes: number;
  files: ZoomRecordingFile[];
}

const RecordingFile = z.object({
  id: z.string().optional(),
  file_type: z.string().optional(),
  download_url: z.string().optional(),
  status: z.string().optional(),
  recording_type: z.string().optional(),
});

const Meeting = z.object({
  uuid: z.string().min(1),
  id: z.union([z.number(), z.string()]),
  topic: z.string().optional(),
  start_time: z.string(),
  duration: z.number().optional(),
  recording_files: z.array(RecordingFile).optional(),
});

const RecordingsPage = z.object({
  next_page_token: z.string().optional(),
  meetings: z.array(Meeting).optional(),
});

/** Zoom's largest page. */
const ZOOM_PAGE_SIZE = 300;
/** 100 pages of 300 in one month is far beyond any real account; past it Zoom is looping. */
const MAX_PAGES_PER_WINDOW = 100;

const NUMERIC_ID = /^\d{1,20}$/;
const MEETING_UUID = /^[A-Za-z0-9+/=_-]{1,128}$/;

/**
 * A meeting id as users paste it ("812 3456 7890" or "812-3456-7890") or a meeting UUID, checked.
 * @throws InputError INVALID_ARGUMENT when it is neither.
 */
export function normalizeMeetingRef(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[\s-]/g, '');
  if (/^\d[\d\s-]*$/.test(trimmed) && NUMERIC_ID.test(digits)) return digits;
  if (MEETING_UUID.test(trimmed)) return trimmed;
  throw new InputError('INVALID_ARGUMENT', '`meeting_id` must be a Zoom meeting id (digits) or a meeting UUID from list_zoom_recordings.');
}

/**
 * The meeting id or UUID as a path segment.
 * @example meetingPathSegment('/ajXp112QmuoKj4854875==') // '%252FajXp112QmuoKj4854875%253D%253D'
 */
export function meetingPathSegment(meetingRef: string): string {
  const once = encodeURIComponent(meetingRef);
  return meetingRef.startsWith('/') || meetingRef.includes('//') ? encodeURIComponent(once) : once;
}

function toMeeting(raw: z.infer<typeof Meeting>): ZoomMeetingRecordings {
  return {
    id: String(raw.id),
    uuid: raw.uuid,
    topic: raw.topic?.trim() ?? '',
    startTime: raw.start_time,
    durationMinutes: raw.duration ?? 0,
    files: (raw.recording_files ?? []).map((file) => ({
      id: file.id ?? null,
      fileType: (file.file_type ?? '').toUpperCase(),
      downloadUrl: file.download_url ?? null,
      status: file.status ?? null,
      recordingType: file.recording_type ?? null,
    })),
  };
}

/** Every meeting Zoom has for `userId` in one month window, all pages followed. */
export async function listRecordingsWindow(api: ZoomApi, userId: string, window: DayRange, signal?: AbortSignal): Promise<ZoomMeetingRecordings[]> {
  const meetings: ZoomMeetingRecordings[] = [];
  const seenTokens = new Set<string>();
  let pageToken = '';
  for (let page = 0; page < MAX_PAGES_PER_WINDOW; page++) {
    const query: Record<string, string> = { from: window.from, to: window.to, page_size: String(ZOOM_PAGE_SIZE) };
    if (pageToken) query.next_page_token = pageToken;
    const body = await api.getJson(`/users/${encodeURIComponent(userId)}/recordings`, query, {
      operation: 'list_recordings',
      notFound: 'Zoom has no such user (user_id must be a user id or email address in the app’s account, or `me`).',
      signal,
    });
    const parsed = RecordingsPage.safeParse(body);
    if (!parsed.success) throw badResponse('list_recordings');
    meetings.push(...(parsed.data.meetings ?? []).map(toMeeting));
    pageToken = parsed.data.next_page_token ?? '';
    if (pageToken === '') return meetings;
    if (seenTokens.has(pageToken)) break;
    seenTokens.add(pageToken);
  }
  throw badResponse('list_recordings');
}

/** One meeting's recordings: by id, its latest instance; by UUID, that instance. */
export async function getMeetingRecordings(api: ZoomApi, meetingRef: string, signal?: AbortSignal): Promise<ZoomMeetingRecordings> {
  const body = await api.getJson(`/meetings/${meetingPathSegment(meetingRef)}/recordings`, {}, {
    operation: 'meeting_recordings',
    notFound: 'Zoom has no cloud recording for that meeting id or UUID (it may have been deleted); list_zoom_recordings shows what exists.',
    signal,
  });
  const parsed = Meeting.safeParse(body);
  if (!parsed.success) throw badResponse('meeting_recordings');
  return toMeeting(parsed.data);
}

/** The meeting's transcript file, preferring a finished audio transcript; null when it has none. */
export function transcriptFileOf(meeting: ZoomMeetingRecordings): ZoomRecordingFile | null {
  const transcripts = meeting.files.filter((file) => file.fileType === 'TRANSCRIPT');
  const rank = (file: ZoomRecordingFile) => (file.status === 'completed' ? 0 : 2) + (file.recordingType === 'audio_transcript' ? 0 : 1);
  return transcripts.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

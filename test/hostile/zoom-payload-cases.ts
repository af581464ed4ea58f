/**
 * Hostile-payload corpus for the Zoom integration: answers the Zoom API (or
 * whatever answers at its address) might send, each set up on the fake Zoom
 * through its scripts and meetings, with the tool call that meets it and the
 * outcome a user must see: the coded error (null: the call succeeds), and at
 * most how many requests each route may get, so loops and retries stay
 * bounded. Scripts match the requests a case should cause, so none is left
 * over for the next call. Zoom's error bodies and pages here carry
 * UPSTREAM_MARKER, which must never reach a tool result. Driven through the
 * real `list_zoom_recordings` and `import_zoom_transcript` tools.
 */

import type { ErrorCode } from '../../src/core/errors.js';
import type { FakeMeeting, FakeRoute, FakeZoom, ScriptedResponse } from '../fakes/fake-zoom.js';
import { meeting } from '../zoom/harness.js';

/** Text planted in every hostile body: if a tool result shows it, Zoom's own words leaked. */
export const UPSTREAM_MARKER = 'zoom-upstream-body-5e1f';
/** The size cap the corpus's client gets (MAX_TRANSCRIPT_BYTES). */
export const ZOOM_CORPUS_MAX_TRANSCRIPT_BYTES = 64 * 1024;
/** Every listing case asks for this month; the corpus's clock stands inside it. */
export const ZOOM_CORPUS_RANGE = { from: '2024-04-01', to: '2024-04-30' } as const;
const RECORDED_AT = '2024-04-10T09:00:00Z';

export type ZoomTool = 'list_zoom_recordings' | 'import_zoom_transcript';

export interface HostileZoomCase {
  name: string;
  tool: ZoomTool;
  /** Sets the fake up and returns the tool's arguments. */
  arrange: (zoom: FakeZoom) => Record<string, unknown>;
  /** The code the tool must fail with; null when it must succeed. */
  expectedCode: ErrorCode | null;
  /** Upper bounds on requests per route (retries, refreshes, pages, redirects). */
  maxRequests?: Partial<Record<FakeRoute, number>>;
  /** For a listing that succeeds: the total it must report. */
  expectedTotal?: number;
}

const listArgs = (): Record<string, unknown> => ({ ...ZOOM_CORPUS_RANGE });

/** Zoom's error shape with the marker in its message. */
function zoomFailure(status: number, headers?: Record<string, string>): ScriptedResponse {
  return { status, body: { code: 124, message: `<b>${UPSTREAM_MARKER}</b> at /var/zoom/gateway.js:12` }, ...(headers ? { headers } : {}) };
}

function times(count: number, response: ScriptedResponse): ScriptedResponse[] {
  return Array.from({ length: count }, () => response);
}

/** A recording in Zoom's JSON shape whose transcript file has `downloadUrl`. */
function recordingJson(record: FakeMeeting, downloadUrl: string): Record<string, unknown> {
  return {
    uuid: record.uuid,
    id: record.id,
    topic: record.topic,
    start_time: record.startTime,
    duration: 30,
    recording_files: [{ id: 'transcript-file', file_type: 'TRANSCRIPT', download_url: downloadUrl, status: 'completed', recording_type: 'audio_transcript' }],
  };
}

/** The meeting look-up answers with a download link of our choosing; the fake holds no such meeting. */
function importWithLink(downloadUrl: (zoom: FakeZoom) => string): (zoom: FakeZoom) => Record<string, unknown> {
  return (zoom) => {
    const record = meeting({ startTime: RECORDED_AT });
    zoom.script('meeting', { status: 200, body: recordingJson(record, downloadUrl(zoom)) });
    return { meeting_id: record.uuid };
  };
}

/** A real meeting on the fake whose transcript download is whatever `overrides` make it. */
function importMeeting(overrides: Partial<FakeMeeting>, scripted?: (zoom: FakeZoom) => void): (zoom: FakeZoom) => Record<string, unknown> {
  return (zoom) => {
    const record = meeting({ startTime: RECORDED_AT, ...overrides });
    zoom.addMeeting(record);
    scripted?.(zoom);
    return { meeting_id: record.uuid };
  };
}

function listingPage(meetings: Array<Record<string, unknown>>, nextPageToken = ''): ScriptedResponse {
  return { status: 200, body: { page_size: 300, total_records: meetings.length, next_page_token: nextPageToken, meetings } };
}

function manyRecordings(count: number, topic: (i: number) => string): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => recordingJson(meeting({ startTime: RECORDED_AT, topic: topic(i) }), 'https://example.invalid/never-fetched'));
}

const VTT_OVER_CAP = `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\nAna: filler words for a very long call\n\n'.repeat(2_000)}`;
const HTML_PAGE = `<!doctype html><html><body><h1>Sign in to Zoom</h1><p>${UPSTREAM_MARKER}</p><script>steal()</script></body></html>`;

export const HOSTILE_ZOOM_CASES: ReadonlyArray<HostileZoomCase> = [
  // The recordings list.
  { name: 'list answer is a web page, not JSON', tool: 'list_zoom_recordings', arrange: (zoom) => (zoom.script('list', { status: 200, body: HTML_PAGE }), listArgs()), expectedCode: 'ZOOM_BAD_RESPONSE' },
  {
    name: 'list answer has the wrong types',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', { status: 200, body: { next_page_token: 42, meetings: UPSTREAM_MARKER } }), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
  },
  {
    name: 'a listed meeting with a numeric uuid and no start time',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', listingPage([{ uuid: 12345, id: UPSTREAM_MARKER, topic: UPSTREAM_MARKER }])), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
  },
  {
    name: 'a list page over 16 MiB',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', listingPage(manyRecordings(17, () => `${UPSTREAM_MARKER} ${'x'.repeat(1024 * 1024)}`))), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
  },
  {
    name: 'a single page of 5,000 recordings',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', listingPage(manyRecordings(5_000, (i) => `Review ${i}`))), listArgs()),
    expectedCode: null,
    expectedTotal: 5_000,
  },
  {
    name: 'a next_page_token that repeats',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', ...times(2, listingPage([], 'same-token-again'))), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { list: 2 },
  },
  {
    name: 'next_page_tokens that never end',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', ...Array.from({ length: 100 }, (_, i) => listingPage([], `page-${i}`))), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { list: 100 },
  },
  { name: 'credentials refused (401 on the token)', tool: 'list_zoom_recordings', arrange: (zoom) => (zoom.script('token', zoomFailure(401)), listArgs()), expectedCode: 'ZOOM_AUTH_FAILED', maxRequests: { token: 1, list: 0 } },
  {
    name: 'a token answer without an access token',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('token', { status: 200, body: { token_type: 'bearer', expires_in: 3600, note: UPSTREAM_MARKER } }), listArgs()),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { list: 0 },
  },
  {
    name: 'the access token rejected twice (401)',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', ...times(2, zoomFailure(401))), listArgs()),
    expectedCode: 'ZOOM_AUTH_FAILED',
    maxRequests: { token: 2, list: 2 },
  },
  {
    name: '429 with a short Retry-After, every time',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', ...times(4, zoomFailure(429, { 'retry-after': '2' }))), listArgs()),
    expectedCode: 'ZOOM_RATE_LIMITED',
    maxRequests: { list: 4 },
  },
  {
    name: '429 asking to wait a day',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => (zoom.script('list', zoomFailure(429, { 'retry-after': '86400' })), listArgs()),
    expectedCode: 'ZOOM_RATE_LIMITED',
    maxRequests: { list: 1 },
  },
  { name: '503 every time', tool: 'list_zoom_recordings', arrange: (zoom) => (zoom.script('list', ...times(4, zoomFailure(503))), listArgs()), expectedCode: 'ZOOM_UNAVAILABLE', maxRequests: { list: 4 } },
  {
    name: 'a 502 once, then a normal answer',
    tool: 'list_zoom_recordings',
    arrange: (zoom) => {
      zoom.addMeeting(meeting({ startTime: RECORDED_AT }));
      zoom.script('list', zoomFailure(502));
      return listArgs();
    },
    expectedCode: null,
    expectedTotal: 1,
    maxRequests: { list: 2 },
  },
  { name: 'a 400 whose body carries markup and a path', tool: 'list_zoom_recordings', arrange: (zoom) => (zoom.script('list', zoomFailure(400)), listArgs()), expectedCode: 'ZOOM_REQUEST_REJECTED' },
  { name: 'a 404 reflecting what was asked', tool: 'import_zoom_transcript', arrange: (zoom) => (zoom.script('meeting', zoomFailure(404)), { meeting_id: '81234567890' }), expectedCode: 'ZOOM_NOT_FOUND' },

  // The transcript download: links that are not Zoom's are never fetched.
  { name: 'download_url on a foreign https host', tool: 'import_zoom_transcript', arrange: importWithLink(() => 'https://zoom.us.evil.example/rec/download/transcript'), expectedCode: 'ZOOM_BAD_RESPONSE', maxRequests: { download: 0 } },
  { name: 'download_url is a file: URL', tool: 'import_zoom_transcript', arrange: importWithLink(() => 'file:///etc/passwd'), expectedCode: 'ZOOM_BAD_RESPONSE', maxRequests: { download: 0 } },
  { name: 'download_url is not a URL', tool: 'import_zoom_transcript', arrange: importWithLink(() => `../../${UPSTREAM_MARKER}`), expectedCode: 'ZOOM_BAD_RESPONSE', maxRequests: { download: 0 } },
  {
    name: 'download_url on another local port',
    tool: 'import_zoom_transcript',
    arrange: importWithLink((zoom) => `${zoom.storageBaseUrl}/cdn/transcript`),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { storage: 0 },
  },
  {
    name: 'a binary transcript body',
    tool: 'import_zoom_transcript',
    arrange: importMeeting({ transcript: Buffer.concat([Buffer.from('WEBVTT\n\n\x89PNG\r\n\x1a\n'), Buffer.alloc(512, 0)]) }),
    expectedCode: 'TRANSCRIPT_NOT_TEXT',
  },
  { name: 'a transcript over the size cap', tool: 'import_zoom_transcript', arrange: importMeeting({ transcript: VTT_OVER_CAP }), expectedCode: 'TRANSCRIPT_TOO_LARGE' },
  { name: 'a transcript over the cap, streamed without a length', tool: 'import_zoom_transcript', arrange: importMeeting({ transcript: VTT_OVER_CAP, chunked: true }), expectedCode: 'TRANSCRIPT_TOO_LARGE' },
  { name: 'a sign-in page instead of the transcript', tool: 'import_zoom_transcript', arrange: importMeeting({ transcript: HTML_PAGE, transcriptContentType: 'text/html; charset=utf-8' }), expectedCode: 'ZOOM_BAD_RESPONSE' },
  { name: 'a web page labelled text/vtt', tool: 'import_zoom_transcript', arrange: importMeeting({ transcript: HTML_PAGE }), expectedCode: 'ZOOM_BAD_RESPONSE' },
  {
    name: 'download redirects in a loop',
    tool: 'import_zoom_transcript',
    arrange: importMeeting({}, (zoom) => zoom.script('download', ...times(6, { status: 302, headers: { location: '/rec/download/again' } }))),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { download: 6 },
  },
  {
    name: 'download redirects to a javascript: URL',
    tool: 'import_zoom_transcript',
    arrange: importMeeting({}, (zoom) => zoom.script('download', { status: 302, headers: { location: `javascript:alert('${UPSTREAM_MARKER}')` } })),
    expectedCode: 'ZOOM_BAD_RESPONSE',
    maxRequests: { download: 1 },
  },
  { name: 'download redirects to the storage host (followed without the token)', tool: 'import_zoom_transcript', arrange: importMeeting({ redirect: 'storage' }), expectedCode: null, maxRequests: { storage: 1 } },
];

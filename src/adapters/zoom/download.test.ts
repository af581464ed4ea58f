import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { zoomError } from '../../../test/fakes/fake-zoom.js';
import { meeting, rejectionOf, SAMPLE_VTT, startZoomHarness, zoomVtt, type ZoomHarness } from '../../../test/zoom/harness.js';

const CAP = 4 * 1024;
const IMPORT = { id: 't_dl', loadedAt: '2024-04-15T12:00:00.000Z', turnGapMs: 30_000 };
const UUID = 'dl-meeting-uuid==';

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness({ maxTranscriptBytes: CAP });
});
afterEach(() => h.close());

const oversized = zoomVtt(Array.from({ length: 80 }, (_, i) => ['Riley Chen', `Point number ${i} about the migration timeline and budget.`] as [string, string]));

describe('transcript download', () => {
  it('downloads with the Bearer token and parses it like a local WebVTT file', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', topic: 'Rollout review' }));
    const transcript = await h.client.importTranscript(UUID, IMPORT);
    expect(transcript.format).toBe('vtt');
    expect(transcript.speakers.map((s) => s.name)).toEqual(['Dana Ortiz', 'Sam Lee']);
    expect(transcript.turns).toHaveLength(4);
    expect(h.fake.requests.find((r) => r.route === 'download')?.auth).toBe('bearer');
  });

  it('follows a redirect on Zoom’s own origin, keeping the token', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', redirect: 'same-origin' }));
    const transcript = await h.client.importTranscript(UUID, IMPORT);
    expect(transcript.turns).toHaveLength(4);
    expect(h.fake.requests.filter((r) => r.route === 'file').map((r) => r.auth)).toEqual(['bearer']);
  });

  it('follows a redirect to another host without sending it the token', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', redirect: 'storage' }));
    const transcript = await h.client.importTranscript(UUID, IMPORT);
    expect(transcript.turns).toHaveLength(4);
    expect(h.fake.requests.filter((r) => r.route === 'storage').map((r) => r.auth)).toEqual(['none']);
  });

  it('refuses a download link outside Zoom without fetching it', async () => {
    h.fake.script('meeting', {
      status: 200,
      body: {
        uuid: UUID,
        id: 1,
        topic: 'x',
        start_time: '2024-03-05T15:00:00Z',
        recording_files: [{ id: 'f', file_type: 'TRANSCRIPT', status: 'completed', recording_type: 'audio_transcript', download_url: `${h.fake.storageBaseUrl}/cdn/f` }],
      },
    });
    const error = await rejectionOf(h.client.importTranscript(UUID, IMPORT));
    expect(error.code).toBe('ZOOM_BAD_RESPONSE');
    expect(h.fake.count('storage')).toBe(0);
  });

  it('refuses a body over the size cap (declared length) with TRANSCRIPT_TOO_LARGE', async () => {
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(CAP);
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: oversized }));
    const error = await rejectionOf(h.client.importTranscript(UUID, IMPORT));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('TRANSCRIPT_TOO_LARGE');
    expect(error.message).toContain('MAX_TRANSCRIPT_BYTES');
  });

  it('refuses a chunked body (no Content-Length) over the cap', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: oversized, chunked: true }));
    expect((await rejectionOf(h.client.importTranscript(UUID, IMPORT))).code).toBe('TRANSCRIPT_TOO_LARGE');
  });

  it('accepts a body exactly at the cap', async () => {
    const padded = SAMPLE_VTT + ' '.repeat(CAP - Buffer.byteLength(SAMPLE_VTT));
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: padded }));
    expect((await h.client.importTranscript(UUID, IMPORT)).turns).toHaveLength(4);
  });

  it('refuses an HTML page (Zoom’s sign-in page) with ZOOM_BAD_RESPONSE', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: '<!doctype html><html><body>Sign in</body></html>', transcriptContentType: 'text/html; charset=utf-8' }));
    const error = await rejectionOf(h.client.importTranscript(UUID, IMPORT));
    expect(error.code).toBe('ZOOM_BAD_RESPONSE');
    expect(error.message).toContain('web page');
    expect(error.message).not.toContain('Sign in');
  });

  it('refuses HTML sent as text/vtt, and prose that is not WebVTT', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: '<html><body>Sign in</body></html>' }));
    h.fake.addMeeting(meeting({ uuid: 'prose==', startTime: '2024-03-06T15:00:00Z', transcript: 'Dana: hello\nSam: hi\n', transcriptContentType: 'text/plain' }));
    expect((await rejectionOf(h.client.importTranscript(UUID, IMPORT))).code).toBe('ZOOM_BAD_RESPONSE');
    expect((await rejectionOf(h.client.importTranscript('prose==', IMPORT))).code).toBe('ZOOM_BAD_RESPONSE');
  });

  it('refuses binary content with TRANSCRIPT_NOT_TEXT, as for local files', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: Buffer.from([0x57, 0x45, 0x42, 0x00, 0x01, 0x02]) }));
    expect((await rejectionOf(h.client.importTranscript(UUID, IMPORT))).code).toBe('TRANSCRIPT_NOT_TEXT');
  });

  it('answers ZOOM_NOT_FOUND for an unknown meeting (Zoom 404, code 3301)', async () => {
    const error = await rejectionOf(h.client.importTranscript('81234567890', IMPORT));
    expect(error.code).toBe('ZOOM_NOT_FOUND');
    expect(error.message).toContain('list_zoom_recordings');
    expect(h.fake.count('meeting')).toBe(1);
  });

  it('answers ZOOM_NOT_FOUND when the file is gone by download time', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z' }));
    h.fake.script('download', zoomError(404, 3301, 'This recording does not exist.'));
    expect((await rejectionOf(h.client.importTranscript(UUID, IMPORT))).code).toBe('ZOOM_NOT_FOUND');
  });

  it('answers ZOOM_NOT_FOUND for a recording without a transcript', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcript: null }));
    const error = await rejectionOf(h.client.importTranscript(UUID, IMPORT));
    expect(error.code).toBe('ZOOM_NOT_FOUND');
    expect(error.message).toContain('transcript');
    expect(h.fake.count('download')).toBe(0);
  });

  it('answers ZOOM_UNAVAILABLE while Zoom is still processing the transcript', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z', transcriptStatus: 'processing' }));
    expect((await rejectionOf(h.client.importTranscript(UUID, IMPORT))).code).toBe('ZOOM_UNAVAILABLE');
  });

  it('retries a download 500 and refreshes once on a download 401', async () => {
    h.fake.addMeeting(meeting({ uuid: UUID, startTime: '2024-03-05T15:00:00Z' }));
    h.fake.script('download', zoomError(500, 500, 'Internal error.'), zoomError(401, 124, 'Invalid access token.'));
    expect((await h.client.importTranscript(UUID, IMPORT)).turns).toHaveLength(4);
    expect(h.fake.count('download')).toBe(3);
    expect(h.fake.count('token')).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { meeting, rejectionOf, startZoomHarness, type ZoomHarness } from '../../../test/zoom/harness.js';
import { meetingPathSegment, normalizeMeetingRef, transcriptFileOf, type ZoomMeetingRecordings } from './recordings.js';

const IMPORT = { id: 't_zoom1', loadedAt: '2024-04-15T12:00:00.000Z', turnGapMs: 30_000 };

let h: ZoomHarness;
beforeEach(async () => {
  h = await startZoomHarness();
});
afterEach(() => h.close());

describe('meeting ids and UUIDs', () => {
  it.each([
    ['812 3456 7890', '81234567890'],
    ['812-3456-7890', '81234567890'],
    [' 4444AAAiAAAAAiAiAiiAii== ', '4444AAAiAAAAAiAiAiiAii=='],
    ['/ajXp112QmuoKj4854875==', '/ajXp112QmuoKj4854875=='],
  ])('normalizes %j', (input, expected) => {
    expect(normalizeMeetingRef(input)).toBe(expected);
  });

  it.each(['', '   ', '../../users/me', 'id?x=1', 'a'.repeat(129), 'héllo'])('refuses %j with INVALID_ARGUMENT', (input) => {
    let caught: unknown;
    try {
      normalizeMeetingRef(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe('INVALID_ARGUMENT');
  });

  it('encodes a UUID that starts with / or contains // twice, anything else once', () => {
    expect(meetingPathSegment('81234567890')).toBe('81234567890');
    expect(meetingPathSegment('4444AAAiAAAAAiAiAiiAii==')).toBe('4444AAAiAAAAAiAiAiiAii%3D%3D');
    expect(meetingPathSegment('ab/cd+ef==')).toBe('ab%2Fcd%2Bef%3D%3D');
    expect(meetingPathSegment('/ajXp112QmuoKj4854875==')).toBe('%252FajXp112QmuoKj4854875%253D%253D');
    expect(meetingPathSegment('Ab//cd==')).toBe('Ab%252F%252Fcd%253D%253D');
  });
});

describe('importing by UUIDs Zoom requires double encoding for', () => {
  it.each(['/ajXp112QmuoKj4854875==', 'Xy7//Qm1+uoKj48548==', 'ab/cd+ef=='])('imports %s', async (uuid) => {
    h.fake.addMeeting(meeting({ uuid, startTime: '2024-03-05T15:00:00Z', topic: 'Rollout review' }));
    const transcript = await h.client.importTranscript(uuid, IMPORT);
    expect(transcript.source).toEqual({ kind: 'zoom', name: 'Rollout review' });
    const lookup = h.fake.requests.find((r) => r.route === 'meeting');
    expect(lookup?.meetingRef).toBe(uuid);
  });

  it('the fake really does refuse a single-encoded slash UUID, as Zoom does', async () => {
    const uuid = '/ajXp112QmuoKj4854875==';
    h.fake.addMeeting(meeting({ uuid, startTime: '2024-03-05T15:00:00Z' }));
    await h.client.importTranscript(uuid, IMPORT);
    const token = h.fake.issuedTokens[0]!;
    const single = await fetch(`${h.fake.baseUrl}/v2/meetings/${encodeURIComponent(uuid)}/recordings`, { headers: { authorization: `Bearer ${token}` } });
    expect(single.status).toBe(404);
  });

  it('a numeric id imports the latest instance of a recurring meeting', async () => {
    h.fake.addMeeting(meeting({ id: 99_000_000_001, uuid: 'older-instance==', startTime: '2024-03-01T15:00:00Z', topic: 'Standup (old)' }));
    h.fake.addMeeting(meeting({ id: 99_000_000_001, uuid: 'newer-instance==', startTime: '2024-03-08T15:00:00Z', topic: 'Standup (new)' }));
    const transcript = await h.client.importTranscript('990 0000 0001', IMPORT);
    expect(transcript.title).toBe('Standup (new)');
  });
});

describe('listing: pagination and month walking', () => {
  it('follows next_page_token through every page, asking for 300 a page', async () => {
    h.fake.maxPageSize = 2;
    for (let day = 1; day <= 7; day++) h.fake.addMeeting(meeting({ startTime: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z` }));
    const listing = await h.client.listRecordings({ from: '2024-03-01', to: '2024-03-31' });
    expect(listing.total).toBe(7);
    expect(new Set(listing.meetings.map((m) => m.uuid)).size).toBe(7);
    const pages = h.fake.requests.filter((r) => r.route === 'list');
    expect(pages).toHaveLength(4);
    expect(pages.every((r) => r.query.page_size === '300')).toBe(true);
    expect(pages[0]!.query.next_page_token).toBeUndefined();
    expect(pages.slice(1).every((r) => typeof r.query.next_page_token === 'string' && r.query.next_page_token.length > 0)).toBe(true);
  });

  it('walks a three-month range one calendar month at a time, with pages inside each month', async () => {
    h.fake.maxPageSize = 2;
    for (const month of ['01', '02', '03']) {
      for (const day of ['03', '13', '23']) h.fake.addMeeting(meeting({ startTime: `2024-${month}-${day}T09:30:00Z` }));
    }
    h.fake.addMeeting(meeting({ startTime: '2024-04-02T09:30:00Z' }));
    const listing = await h.client.listRecordings({ from: '2024-01-01', to: '2024-03-31' });
    expect(listing.total).toBe(9);
    expect(listing.meetings.map((m) => m.start_time)).toEqual([...listing.meetings.map((m) => m.start_time)].sort().reverse());
    const windows = h.fake.requests.filter((r) => r.route === 'list' && r.query.next_page_token === undefined).map((r) => [r.query.from, r.query.to]);
    expect(windows).toEqual([
      ['2024-01-01', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-03-01', '2024-03-31'],
    ]);
    expect(h.fake.count('list')).toBe(6);
  });

  it('lists only meetings with a transcript unless asked for all', async () => {
    h.fake.addMeeting(meeting({ startTime: '2024-03-04T10:00:00Z', topic: 'Has transcript' }));
    h.fake.addMeeting(meeting({ startTime: '2024-03-05T10:00:00Z', topic: 'Video only', transcript: null }));
    const withTranscript = await h.client.listRecordings({ from: '2024-03-01', to: '2024-03-31' });
    expect(withTranscript.meetings.map((m) => m.topic)).toEqual(['Has transcript']);
    const all = await h.client.listRecordings({ from: '2024-03-01', to: '2024-03-31', includeWithoutTranscript: true });
    expect(all.meetings.map((m) => [m.topic, m.has_transcript])).toEqual([
      ['Video only', false],
      ['Has transcript', true],
    ]);
  });

  it('lists another user by id or email, encoded in the path', async () => {
    h.fake.addMeeting(meeting({ startTime: '2024-03-04T10:00:00Z', hostId: 'pat@example.com' }));
    const listing = await h.client.listRecordings({ from: '2024-03-01', to: '2024-03-31', userId: 'pat@example.com' });
    expect(listing.total).toBe(1);
    expect(listing.user_id).toBe('pat@example.com');
    expect(h.fake.requests.find((r) => r.route === 'list')?.rawPath).toBe('/v2/users/pat%40example.com/recordings');
  });

  it('answers ZOOM_NOT_FOUND for an unknown user', async () => {
    const error = await rejectionOf(h.client.listRecordings({ from: '2024-03-01', to: '2024-03-31', userId: 'nobody@example.com' }));
    expect(error.code).toBe('ZOOM_NOT_FOUND');
    expect(error.message).toContain('user');
  });
});

describe('transcriptFileOf', () => {
  const base: ZoomMeetingRecordings = { id: '1', uuid: 'u==', topic: 't', startTime: '2024-03-01T00:00:00Z', durationMinutes: 5, files: [] };
  const file = (fileType: string, status: string, recordingType: string) => ({ id: `${fileType}-${status}-${recordingType}`, fileType, downloadUrl: 'https://zoom.us/rec/download/x', status, recordingType });

  it('prefers a completed audio transcript over a processing one and ignores other files', () => {
    const picked = transcriptFileOf({
      ...base,
      files: [file('MP4', 'completed', 'shared_screen'), file('TRANSCRIPT', 'processing', 'audio_transcript'), file('TRANSCRIPT', 'completed', 'audio_transcript'), file('CC', 'completed', 'closed_caption')],
    });
    expect(picked?.id).toBe('TRANSCRIPT-completed-audio_transcript');
  });

  it('is null without a TRANSCRIPT file', () => {
    expect(transcriptFileOf({ ...base, files: [file('MP4', 'completed', 'shared_screen'), file('CHAT', 'completed', 'chat_file')] })).toBeNull();
  });
});

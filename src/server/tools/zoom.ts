/**
 * Zoom tools: list cloud recordings that have a transcript, and import one as
 * a loaded transcript (then generate_snapshot works on it like any other).
 * Without ZOOM_* credentials both answer ZOOM_NOT_CONFIGURED with what to set.
 */

import { z } from 'zod';
import { defineTool } from '../tool-definition.js';
import { loadedTranscriptOutput, TranscriptSummary } from './transcripts.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const listZoomRecordings = defineTool({
  name: 'list_zoom_recordings',
  title: 'List Zoom cloud recordings',
  description:
    'List Zoom cloud-recorded meetings (newest first, 30 a page) that have a transcript, between from and to (default: the last 30 days; at most a year). ' +
    'Use a meeting uuid or id with import_zoom_transcript. Needs ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.',
  inputSchema: z.object({
    from: isoDay.optional().describe('First day, YYYY-MM-DD (default 30 days ago).'),
    to: isoDay.optional().describe('Last day, YYYY-MM-DD (default today).'),
    user_id: z.string().max(128).optional().describe('Zoom user id or e-mail (default ZOOM_DEFAULT_USER_ID, "me").'),
    cursor: z.string().max(2000).optional().describe('next_cursor from the previous page.'),
    include_without_transcript: z.boolean().optional().describe('Also list recordings that have no transcript file.'),
  }),
  outputSchema: z.object({
    user_id: z.string(),
    from: z.string(),
    to: z.string(),
    meetings: z.array(z.object({ id: z.string(), uuid: z.string(), topic: z.string(), start_time: z.string(), duration_minutes: z.number(), has_transcript: z.boolean() })),
    total: z.number().int(),
    next_cursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, ctx) {
    const list = await ctx.session.listZoomRecordings(
      { from: args.from, to: args.to, userId: args.user_id, cursor: args.cursor, includeWithoutTranscript: args.include_without_transcript },
      ctx.signal,
    );
    const lines = list.meetings.map((m) => `${m.start_time}  ${m.topic}  (${m.duration_minutes} min, uuid ${m.uuid}${m.has_transcript ? '' : ', no transcript'})`);
    const text = lines.length ? lines.join('\n') : `No recorded meetings with a transcript between ${list.from} and ${list.to}.`;
    return { structured: list, text: list.next_cursor ? `${text}\n(more: pass cursor ${list.next_cursor})` : text };
  },
});

export const importZoomTranscript = defineTool({
  name: 'import_zoom_transcript',
  title: 'Import a Zoom transcript',
  description:
    'Download the transcript of a Zoom cloud recording (by meeting uuid, or meeting id for its latest recording) and load it, exactly like load_transcript. ' +
    'Sends progress while it downloads. Then use generate_snapshot or search_transcripts on the returned id.',
  inputSchema: z.object({
    meeting_id: z.string().min(1).max(200).describe('Meeting uuid (from list_zoom_recordings) or meeting id.'),
    title: z.string().max(200).optional().describe('Title for the transcript; default the meeting topic.'),
  }),
  outputSchema: TranscriptSummary,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, ctx) {
    const transcript = await ctx.session.importZoomTranscript(args.meeting_id, {
      title: args.title,
      signal: ctx.signal,
      onProgress: ctx.progress,
    });
    return loadedTranscriptOutput(transcript);
  },
});

export const ZOOM_TOOLS = [listZoomRecordings, importZoomTranscript];

/**
 * Transcript tools: load, list, read, search, stats, delete. Outputs use the
 * same snake_case JSON style as the snapshot contract.
 */

import { z } from 'zod';
import { transcriptStats } from '../../core/analysis/stats.js';
import { summarizeTranscript, type TranscriptSummary as Summary } from '../../core/analysis/summary.js';
import { InputError } from '../../core/errors.js';
import type { SearchExplanation } from '../../core/search/index.js';
import { formatTurnLine } from '../../core/transcript/format-lines.js';
import { formatClock, parseUserOffset } from '../../core/transcript/timecode.js';
import { TRANSCRIPT_FORMATS, type Transcript, type TranscriptFormat } from '../../core/transcript/types.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import { defineTool, READ_ONLY } from '../tool-definition.js';

const READ_PAGE_CHARS = 20_000;
const LIST_PAGE_SIZE = 50;

const transcriptId = z.string().min(1).max(200).describe('Id returned by load_transcript (see list_transcripts).');
const offset = z.union([z.number().nonnegative(), z.string().max(20)]);

const Warning = z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() });
const SpeakerShare = z.object({ name: z.string(), role: z.string().nullable(), talk_share: z.number() });

// Checked against the summary's type, so the tool's declared output and what it returns cannot drift apart.
export const TranscriptSummary = z.object({
  transcript_id: z.string(),
  title: z.string(),
  format: z.enum(TRANSCRIPT_FORMATS as [TranscriptFormat, ...TranscriptFormat[]]),
  source: z.object({ kind: z.enum(['file', 'inline', 'zoom']), name: z.string().nullable() }),
  duration_ms: z.number().nullable(),
  duration: z.string().describe('hh:mm:ss'),
  speakers: z.array(SpeakerShare),
  cue_count: z.number().int(),
  turn_count: z.number().int(),
  word_count: z.number().int(),
  warnings: z.array(Warning),
  resource_uri: z.string(),
}) satisfies z.ZodType<Summary>;

export function summaryText(summary: Summary): string {
  const speakers = summary.speakers.map((s) => `${s.name}${s.role ? ` (${s.role})` : ''} ${Math.round(s.talk_share * 100)}%`).join(', ');
  const warnings = summary.warnings.length ? `\nWarnings (${summary.warnings.length}): ${summary.warnings.slice(0, 5).map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)).join('; ')}` : '';
  return `Loaded "${summary.title}" as ${summary.transcript_id} (${summary.format}, ${summary.duration}, ${summary.turn_count} turns, ${summary.word_count} words).\nSpeakers: ${speakers || 'none identified'}${warnings}`;
}

/** What load_transcript and import_zoom_transcript return for a freshly loaded transcript. */
export function loadedTranscriptOutput(transcript: Transcript) {
  const structured = summarizeTranscript(transcript);
  return {
    structured,
    text: summaryText(structured),
    links: [{ type: 'resource_link' as const, uri: structured.resource_uri, name: transcript.title, mimeType: 'text/plain', description: 'The transcript, one turn a line with timestamps' }],
  };
}

export const loadTranscript = defineTool({
  name: 'load_transcript',
  title: 'Load a meeting transcript',
  description:
    'Load a meeting transcript (WebVTT from Zoom or Teams, SRT, or plain "Name: text" lines) from a file path inside the allowed folders, or from pasted text. ' +
    'Returns its id, speakers with talk share, duration and any warnings. Use the id with read_transcript, search_transcripts, transcript_stats and generate_snapshot. Files up to MAX_TRANSCRIPT_BYTES (10 MB by default). Sends progress when asked; a cancelled load stores nothing.',
  inputSchema: z.object({
    path: z.string().max(4096).optional().describe('Path to a .vtt, .srt or .txt file inside an allowed folder (TRANSCRIPT_ROOTS, the client roots, or the server working directory).'),
    content: z.string().optional().describe('The transcript text itself, for clients that paste it instead of giving a path.'),
    title: z.string().max(200).optional().describe('A title for the meeting; defaults to the file name.'),
    format: z.enum(TRANSCRIPT_FORMATS as [TranscriptFormat, ...TranscriptFormat[]]).optional().describe('Format hint; the format is detected from the content, this only breaks ties.'),
  }),
  outputSchema: TranscriptSummary,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const roots = args.path === undefined ? [] : await ctx.allowedRoots();
    return loadedTranscriptOutput(await ctx.session.loadTranscript(args, { roots, onProgress: ctx.progress, signal: ctx.signal }));
  },
});

export const listTranscripts = defineTool({
  name: 'list_transcripts',
  title: 'List loaded transcripts',
  description: 'List the transcripts loaded in this session (oldest first), 50 a page. Pass next_cursor back as cursor for the next page.',
  inputSchema: z.object({ cursor: z.string().max(500).optional().describe('next_cursor from the previous page.') }),
  outputSchema: z.object({
    transcripts: z.array(
      z.object({ transcript_id: z.string(), title: z.string(), format: z.string(), duration_ms: z.number().nullable(), speakers: z.array(z.string()), turn_count: z.number().int(), loaded_at: z.string() }),
    ),
    next_cursor: z.string().optional(),
  }),
  annotations: READ_ONLY,
  handler(args, ctx) {
    const all = ctx.session.listTranscripts();
    const start = decodeCursor(args.cursor, 'transcripts');
    const page = all.slice(start, start + LIST_PAGE_SIZE);
    const transcripts = page.map((t) => ({
      transcript_id: t.id,
      title: t.title,
      format: t.format,
      duration_ms: t.durationMs,
      speakers: t.speakers.map((s) => s.name),
      turn_count: t.turns.length,
      loaded_at: t.loadedAt,
    }));
    const next = start + LIST_PAGE_SIZE < all.length ? encodeCursor({ scope: 'transcripts', offset: start + LIST_PAGE_SIZE }) : undefined;
    const text = transcripts.length
      ? transcripts.map((t) => `${t.transcript_id}  ${t.title}  (${formatClock(t.duration_ms)}, ${t.speakers.join(', ') || 'no speakers'})`).join('\n')
      : 'No transcripts loaded. Use load_transcript first.';
    return { structured: next ? { transcripts, next_cursor: next } : { transcripts }, text: next ? `${text}\n(more: pass cursor ${next})` : text };
  },
});

const TurnOut = z.object({ index: z.number().int(), start_ms: z.number().nullable(), end_ms: z.number().nullable(), speaker: z.string().nullable(), text: z.string() });

export const readTranscript = defineTool({
  name: 'read_transcript',
  title: 'Read a transcript',
  description:
    'Read what was said, turn by turn, as "[hh:mm:ss] Speaker: text" lines, about 20,000 characters a page. Narrow it with start/end (seconds or hh:mm:ss) and speaker. ' +
    'For finding a topic, search_transcripts is faster.',
  inputSchema: z.object({
    transcript_id: transcriptId,
    start: offset.optional().describe('Only turns that end after this time: seconds or hh:mm:ss.'),
    end: offset.optional().describe('Only turns that start before this time: seconds or hh:mm:ss.'),
    speaker: z.string().max(200).optional().describe('Only this speaker (case-insensitive).'),
    cursor: z.string().max(500).optional().describe('next_cursor from the previous page.'),
  }),
  outputSchema: z.object({ transcript_id: z.string(), title: z.string(), turns: z.array(TurnOut), total_turns: z.number().int(), next_cursor: z.string().optional() }),
  annotations: READ_ONLY,
  handler(args, ctx) {
    const transcript = ctx.session.getTranscript(args.transcript_id);
    const startMs = args.start === undefined ? null : parseUserOffset(args.start, 'start');
    const endMs = args.end === undefined ? null : parseUserOffset(args.end, 'end');
    if (startMs !== null && endMs !== null && endMs < startMs) throw new InputError('INVALID_ARGUMENT', 'end must not be before start.');
    const speaker = args.speaker?.trim().toLowerCase();
    const matching = transcript.turns.filter(
      (turn) =>
        (speaker === undefined || (turn.speaker ?? '').toLowerCase() === speaker) &&
        (startMs === null || turn.startMs === null || (turn.endMs ?? turn.startMs) >= startMs) &&
        (endMs === null || turn.startMs === null || turn.startMs <= endMs),
    );
    const scope = `read:${transcript.id}:${startMs}:${endMs}:${speaker ?? ''}`;
    const first = decodeCursor(args.cursor, scope);
    const lines: string[] = [];
    let used = 0;
    let next = first;
    while (next < matching.length) {
      const line = formatTurnLine(matching[next]!);
      if (lines.length > 0 && used + line.length > READ_PAGE_CHARS) break;
      lines.push(line);
      used += line.length + 1;
      next += 1;
    }
    const turns = matching.slice(first, next).map((t) => ({ index: t.index, start_ms: t.startMs, end_ms: t.endMs, speaker: t.speaker, text: t.text }));
    const nextCursor = next < matching.length ? encodeCursor({ scope, offset: next }) : undefined;
    const text = lines.length ? lines.join('\n') : 'No turns match.';
    return {
      structured: { transcript_id: transcript.id, title: transcript.title, turns, total_turns: matching.length, ...(nextCursor ? { next_cursor: nextCursor } : {}) },
      text: nextCursor ? `${text}\n(more: pass cursor ${nextCursor})` : text,
    };
  },
});

export const searchTranscripts = defineTool({
  name: 'search_transcripts',
  title: 'Search transcripts',
  description:
    'Find where something was said: ranked (BM25, stemmed) search over every loaded transcript, or one. Plain questions work ("what slowed down onboarding?"). ' +
    'Each hit gives the transcript, turn index, time, speaker and the text around the match; read_transcript with start/end shows the context. ' +
    'Questions are read for the kind of answer they want (how many, when, who, where, why, what went wrong, what system) and common phrasings match each other ("went live", "launched"); explain: true says why each hit ranked.',
  inputSchema: z.object({
    query: z.string().min(1).max(500).describe('Words or a question.'),
    transcript_id: transcriptId.optional().describe('Search only this transcript.'),
    speaker: z.string().max(200).optional().describe('Only turns by this speaker (case-insensitive).'),
    limit: z.number().int().min(1).max(50).default(10).describe('How many hits (default 10).'),
    explain: z.boolean().default(false).describe('Add to each hit the query words it matched (typed, another form, a synonym or the speaker) and the credit for the kind of answer asked for.'),
  }),
  outputSchema: z.object({
    query: z.string(),
    hits: z.array(
      z.object({
        transcript_id: z.string(),
        turn_index: z.number().int(),
        start_ms: z.number().nullable(),
        end_ms: z.number().nullable(),
        start: z.string(),
        speaker: z.string().nullable(),
        text: z.string(),
        score: z.number(),
        explanation: z
          .object({
            matched: z.array(
              z.object({
                query: z.string().describe('The query words, as typed.'),
                matched: z.string().describe('The stemmed words of the turn that matched them, or the speaker name.'),
                via: z.enum(['typed', 'form', 'synonym', 'speaker']),
                discount: z.enum(['meeting name', 'framing', 'name form']).nullable().describe('Why the words count for less than their rarity says.'),
                score: z.number(),
              }),
            ),
            coverage: z.number().describe('Share of the query weight the turn matched.'),
            reply_credit: z.number().describe('Earned as the reply to, or the turn after, a turn about the query.'),
            intent: z
              .object({
                kind: z.enum(['quantity', 'time', 'person', 'place', 'reason', 'problem', 'system']),
                evidence: z.number().describe('0 to 1: how well the turn carries that kind of answer.'),
                factor: z.number(),
              })
              .nullable()
              .describe('The kind of answer the query asks for; null for plain keywords.'),
            proximity_factor: z.number(),
          })
          .optional()
          .describe('Only with explain: true.'),
      }),
    ),
  }),
  annotations: READ_ONLY,
  handler(args, ctx) {
    const hits = ctx.session.search(args.query, { transcriptId: args.transcript_id, speaker: args.speaker, limit: args.limit, explain: args.explain }).map((hit) => ({
      transcript_id: hit.transcriptId,
      turn_index: hit.turnIndex,
      start_ms: hit.startMs,
      end_ms: hit.endMs,
      start: formatClock(hit.startMs),
      speaker: hit.speaker,
      text: hit.text,
      score: Math.round(hit.score * 1000) / 1000,
      ...(hit.explanation ? { explanation: explanationOf(hit.explanation) } : {}),
    }));
    const text = hits.length
      ? hits
          .map((h, i) => {
            const line = `${i + 1}. [${h.start}] ${h.speaker ?? 'Unknown'} (${h.transcript_id}, turn ${h.turn_index}): ${h.text}`;
            return h.explanation ? `${line}\n   why: ${describeExplanation(h.explanation)}` : line;
          })
          .join('\n')
      : 'No matches.';
    return { structured: { query: args.query, hits }, text };
  },
});

function explanationOf(explanation: SearchExplanation) {
  return {
    matched: explanation.matched,
    coverage: explanation.coverage,
    reply_credit: explanation.replyCredit,
    intent: explanation.intent,
    proximity_factor: explanation.proximityFactor,
  };
}

function describeExplanation(explanation: ReturnType<typeof explanationOf>): string {
  const matched = explanation.matched.map((m) => `"${m.query}" ${m.via === 'typed' ? '' : `(${m.via}) `}${m.matched}${m.discount ? ` [${m.discount}]` : ''}`);
  const intent = explanation.intent ? `; ${explanation.intent.kind} answer ×${explanation.intent.factor}` : '';
  return `${matched.join(', ') || 'follows a matching turn'}${intent}`;
}

export const transcriptStatsTool = defineTool({
  name: 'transcript_stats',
  title: 'Transcript statistics',
  description: 'Who talked and how much: per speaker talk time and share, turns, words, longest monologue and questions asked; for the meeting, duration and words per minute.',
  inputSchema: z.object({ transcript_id: transcriptId }),
  outputSchema: z.object({
    transcript_id: z.string(),
    meeting: z.object({ duration_ms: z.number().nullable(), words: z.number().int(), words_per_minute: z.number().nullable(), turns: z.number().int(), cues: z.number().int() }),
    speakers: z.array(
      z.object({
        name: z.string(),
        role: z.string().nullable(),
        talk_time_ms: z.number(),
        talk_share: z.number(),
        turns: z.number().int(),
        words: z.number().int(),
        longest_monologue_ms: z.number().nullable(),
        longest_monologue_turn: z.number().int().nullable(),
        longest_monologue_start_ms: z.number().nullable(),
        questions_asked: z.number().int(),
      }),
    ),
  }),
  annotations: READ_ONLY,
  handler(args, ctx) {
    const transcript = ctx.session.getTranscript(args.transcript_id);
    const stats = transcriptStats(transcript);
    const lines = stats.speakers.map(
      (s) => `${s.name}: ${formatClock(s.talk_time_ms)} (${Math.round(s.talk_share * 100)}%), ${s.turns} turns, ${s.words} words, longest ${formatClock(s.longest_monologue_ms)}, ${s.questions_asked} questions`,
    );
    const wpm = stats.meeting.words_per_minute === null ? 'n/a' : String(Math.round(stats.meeting.words_per_minute));
    return {
      structured: { transcript_id: transcript.id, ...stats },
      text: `Meeting: ${formatClock(stats.meeting.duration_ms)}, ${stats.meeting.words} words, ${wpm} words/min\n${lines.join('\n')}`,
    };
  },
});

export const deleteTranscript = defineTool({
  name: 'delete_transcript',
  title: 'Delete a transcript',
  description: 'Delete a loaded transcript now, with its search entries and the snapshots made from it. Cannot be undone.',
  inputSchema: z.object({ transcript_id: transcriptId }),
  outputSchema: z.object({ transcript_id: z.string(), deleted: z.boolean(), snapshots_deleted: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handler(args, ctx) {
    const { snapshotsDeleted } = ctx.session.deleteTranscript(args.transcript_id);
    return {
      structured: { transcript_id: args.transcript_id, deleted: true, snapshots_deleted: snapshotsDeleted },
      text: `Deleted transcript ${args.transcript_id}${snapshotsDeleted ? ` and ${snapshotsDeleted} snapshot(s) made from it` : ''}.`,
    };
  },
});

export const deleteCustomerData = defineTool({
  name: 'delete_customer_data',
  title: 'Delete all data about a customer',
  description:
    'Data-deletion request: remove every transcript, snapshot and search entry concerning a customer, by company name (transcripts that name it, snapshots about it) or by transcript id. ' +
    'Returns the counts; an audit event without content is logged. Cannot be undone.',
  inputSchema: z
    .object({
      company_name: z.string().trim().min(2).max(200).optional().describe('Company whose data to delete (matched case-insensitively).'),
      transcript_id: transcriptId.optional().describe('Delete this transcript and everything made from it.'),
    })
    .refine((args) => args.company_name !== undefined || args.transcript_id !== undefined, { message: 'Give company_name or transcript_id.' }),
  outputSchema: z.object({ transcripts_deleted: z.number().int(), snapshots_deleted: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handler(args, ctx) {
    const { transcriptsDeleted, snapshotsDeleted } = ctx.session.deleteCustomerData({ companyName: args.company_name, transcriptId: args.transcript_id });
    return {
      structured: { transcripts_deleted: transcriptsDeleted, snapshots_deleted: snapshotsDeleted },
      text: `Deleted ${transcriptsDeleted} transcript(s) and ${snapshotsDeleted} snapshot(s).`,
    };
  },
});

export const TRANSCRIPT_TOOLS = [loadTranscript, listTranscripts, readTranscript, searchTranscripts, transcriptStatsTool, deleteTranscript, deleteCustomerData];

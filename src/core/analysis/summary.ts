/**
 * A transcript at a glance: what `load_transcript` returns and `inspect`
 * prints. A module of its own, without the tools' schemas, so `inspect`
 * loads no schema library (the tool checks its output against this shape:
 * server/tools/transcripts.ts).
 */

import { formatClock } from '../transcript/timecode.js';
import type { Transcript, TranscriptFormat, TranscriptSource } from '../transcript/types.js';
import { talkShares, type TalkShare } from './stats.js';

export interface TranscriptSummary {
  transcript_id: string;
  title: string;
  format: TranscriptFormat;
  source: TranscriptSource;
  duration_ms: number | null;
  /** hh:mm:ss */
  duration: string;
  speakers: TalkShare[];
  cue_count: number;
  turn_count: number;
  word_count: number;
  warnings: Array<{ code: string; message: string; line?: number }>;
  resource_uri: string;
}

/** The MCP resource that reads a loaded transcript. */
export function transcriptUri(id: string): string {
  return `transcript://${encodeURIComponent(id)}`;
}

/** `speakers` defaults to the transcript's talk shares; pass them when the stats are already computed. */
export function summarizeTranscript(transcript: Transcript, speakers: TalkShare[] = talkShares(transcript)): TranscriptSummary {
  return {
    transcript_id: transcript.id,
    title: transcript.title,
    format: transcript.format,
    source: transcript.source,
    duration_ms: transcript.durationMs,
    duration: formatClock(transcript.durationMs),
    speakers,
    cue_count: transcript.cues.length,
    turn_count: transcript.turns.length,
    word_count: transcript.wordCount,
    warnings: transcript.warnings.map(({ code, message, line }) => (line === undefined ? { code, message } : { code, message, line })),
    resource_uri: transcriptUri(transcript.id),
  };
}

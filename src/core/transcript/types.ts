/**
 * The one transcript model, whatever the source format. Times are milliseconds
 * from the start of the recording; `null` where the source has no timestamps
 * (plain text without stamps), in which case order is all we know.
 */

export type TranscriptFormat = 'vtt' | 'srt' | 'txt';

export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['vtt', 'srt', 'txt'];

/** One caption cue (VTT/SRT block, or one plain-text line). */
export interface Cue {
  /** 0-based position in the transcript. */
  index: number;
  startMs: number | null;
  endMs: number | null;
  speaker: string | null;
  /** Plain text: tags removed, entities decoded, whitespace collapsed, speaker prefix removed. */
  text: string;
  /** 1-based line of the source where the cue starts (its timing line, or the text line). */
  line: number;
}

/** Consecutive cues of one speaker, merged while the gap between them stays under the threshold. */
export interface Turn {
  /** 0-based position; evidence cites turns by this index. */
  index: number;
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  /** Cue texts joined by single spaces. Evidence quotes are substrings of this. */
  text: string;
  firstCue: number;
  lastCue: number;
}

export interface Speaker {
  name: string;
  /** From `Name (Role): text`, e.g. "Customer"; null when the source does not say. */
  role: string | null;
}

export interface ParseWarning {
  code: 'CUE_MALFORMED' | 'TIMESTAMP_BACKWARDS' | 'CUE_END_BEFORE_START' | 'CUE_EMPTY' | 'TEXT_SANITIZED';
  message: string;
  line?: number;
}

/** What a parser produces from text: the cues and what it had to warn about. */
export interface ParsedCues {
  format: TranscriptFormat;
  cues: Cue[];
  warnings: ParseWarning[];
  /** Speakers in order of first appearance, with roles (filled by every parser here). */
  speakers?: Speaker[];
  /** Words in all cue texts, counted while parsing (filled by every parser here). */
  wordCount?: number;
}

export interface TranscriptSource {
  kind: 'file' | 'inline' | 'zoom';
  /** File basename or Zoom meeting topic; never a full path. */
  name: string | null;
}

export interface Transcript {
  id: string;
  title: string;
  source: TranscriptSource;
  format: TranscriptFormat;
  cues: Cue[];
  turns: Turn[];
  speakers: Speaker[];
  durationMs: number | null;
  wordCount: number;
  warnings: ParseWarning[];
  /** ISO time the transcript was loaded. */
  loadedAt: string;
}

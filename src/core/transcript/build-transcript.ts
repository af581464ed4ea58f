/**
 * Text in, transcript model out: detect the format, parse it (speakers
 * resolved, text cleaned), build turns and the summary figures. Pure: the
 * caller decodes bytes, picks the id and passes the load time.
 */

import { detectFormat } from './detect-format.js';
import { parseSrt } from './parse-srt.js';
import { parseTxt } from './parse-txt.js';
import { parseVtt } from './parse-vtt.js';
import { buildTurns } from './turns.js';
import { keepOneCopy } from './one-copy.js';
import type { FinishedCues } from './finish-cues.js';
import type { Cue, Transcript, TranscriptFormat, TranscriptSource } from './types.js';

export const DEFAULT_TURN_GAP_MS = 30_000;
const UNTITLED = 'Untitled transcript';
/** Titles come from file names, Zoom topics or the caller: untrusted, so capped like every other field we echo. */
export const MAX_TITLE_LENGTH = 200;

function capTitle(title: string): string {
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`;
}

export interface BuildTranscriptInput {
  text: string;
  id: string;
  title?: string;
  source: TranscriptSource;
  /** Usually from the file extension; content wins when it disagrees. */
  formatHint?: TranscriptFormat;
  /** Longest pause inside one turn. */
  turnGapMs?: number;
  /** ISO time. */
  loadedAt: string;
  /**
   * False for a transcript looked at once and dropped (`inspect`): its strings
   * may then stay views into `text`, which saves the one-copy pass (a fifth of
   * a 10 MB parse). Default true: a stored transcript holds its words once.
   */
  kept?: boolean;
}

const PARSERS: Readonly<Record<TranscriptFormat, (text: string) => FinishedCues>> = {
  vtt: parseVtt,
  srt: parseSrt,
  txt: parseTxt,
};

/**
 * The source name, without its extension when it is a file name
 * (`acme_qbr.vtt` -> `acme_qbr`; a Zoom topic `Review v1.2` stays whole),
 * else a neutral title.
 */
export function defaultTitle(source: TranscriptSource): string {
  const name = source.name?.trim();
  if (!name) return UNTITLED;
  const stem = source.kind === 'file' ? name.replace(/(?<=.)\.[A-Za-z0-9]{1,5}$/, '') : name;
  return stem.trim() || UNTITLED;
}

function spanOf(cues: readonly Cue[]): number | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const cue of cues) {
    if (cue.startMs !== null && cue.startMs < first) first = cue.startMs;
    if (cue.endMs !== null && cue.endMs > last) last = cue.endMs;
  }
  return first === Number.POSITIVE_INFINITY || last === Number.NEGATIVE_INFINITY ? null : Math.max(0, last - first);
}

/**
 * @throws InputError TRANSCRIPT_EMPTY, TRANSCRIPT_MALFORMED, UNSUPPORTED_FORMAT (with a line where one applies).
 */
export function buildTranscript(input: BuildTranscriptInput): Transcript {
  const format = detectFormat(input.text, input.formatHint);
  const parsed = PARSERS[format](input.text);
  const title = input.title?.trim();
  const turns = buildTurns(parsed.cues, input.turnGapMs ?? DEFAULT_TURN_GAP_MS);
  if (input.kept !== false) keepOneCopy(parsed.cues, turns, parsed.speakers, parsed.warnings);
  return {
    id: input.id,
    title: capTitle(title || defaultTitle(input.source)),
    source: input.source,
    format,
    cues: parsed.cues,
    turns,
    speakers: parsed.speakers,
    durationMs: spanOf(parsed.cues),
    wordCount: parsed.wordCount,
    warnings: parsed.warnings,
    loadedAt: input.loadedAt,
  };
}

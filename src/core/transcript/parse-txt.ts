/**
 * Plain-text transcript parser. Each `Name: text` line starts a cue; a line
 * without a speaker prefix continues the previous cue, so wrapped paragraphs
 * stay together. Optional stamps give times: `[hh:mm:ss]`, `[mm:ss]` or
 * `(mm:ss)` at the start of a line (before the name) or right after the name
 * (`Name [00:01:02]: text`), and the Otter-style header `Name  0:01` on its
 * own line with the words below. Without stamps times are null and order is
 * all we keep. A stamped line without a name is a new cue of the same speaker.
 *
 * @example
 * parseTxt('[00:05] Ana Silva: Hi all.\nThanks for joining.\n[00:09] Li Wei: Hello!')
 * // cues: [{ startMs: 5000, endMs: 9000, speaker: 'Ana Silva', text: 'Hi all. Thanks for joining.' },
 * //        { startMs: 9000, endMs: 9000, speaker: 'Li Wei', text: 'Hello!' }]
 */

import { normalizeText, readTimestamp } from './cue-blocks.js';
import { finishParsedCues, type FinishedCues } from './finish-cues.js';
import { countWords, sanitizeText } from './sanitize.js';
import { PrefixReader, SpeakerCandidates, confirmSpeakers, parseSpeakerLabel } from './speakers.js';
import type { Cue } from './types.js';
import { WarningLog } from './warnings.js';

interface TextLine {
  line: number;
  /** Stamp at the start of the line (a stamp after the name is in `candidate`). */
  stampMs: number | null;
  /** The whole line after a leading stamp: what the cue says if the candidate is not a speaker. */
  text: string;
  candidate: { name: string; role: string | null; text: string; stampMs: number | null } | null;
}

const BRACKETS: Readonly<Record<string, string>> = { '[': ']', '(': ')' };
/** `Name [00:01:02]: text`, `Name (01:02) text` and the Otter header `Name  0:01`. */
const NAME_THEN_STAMP = /^(.{1,72}?)\s*(?:[[(](\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?)[\])]|\s(\d{1,3}:\d{2}(?::\d{2})?)$)\s*(?::\s*)?(.*)$/u;

/** Reads a stamp occupying all of `value`. */
function stampOf(value: string, out: number[]): number | null {
  return readTimestamp(value, 0, value.length, out) && out[1] === value.length ? (out[0] as number) : null;
}

/** Reads a `[..]`/`(..)` stamp, or a bare `hh:mm:ss` followed by a space, at the start of a line. */
function readLeadingStamp(line: string, out: number[]): { stampMs: number; rest: string; bare: boolean } | null {
  const close = BRACKETS[line[0] ?? ''];
  if (close !== undefined) {
    const end = line.indexOf(close);
    if (end < 2 || end > 16) return null;
    const stampMs = stampOf(line.slice(1, end), out);
    return stampMs === null ? null : { stampMs, rest: line.slice(end + 1).trim(), bare: false };
  }
  const first = line.charCodeAt(0);
  if (first < 0x30 || first > 0x39 || !readTimestamp(line, 0, Math.min(line.length, 16), out)) return null;
  const after = out[1] as number;
  if (after !== line.length && line.charCodeAt(after) !== 0x20) return null;
  return { stampMs: out[0] as number, rest: line.slice(after).trim(), bare: true };
}

/**
 * @throws InputError TRANSCRIPT_EMPTY when no line has text.
 */
export function parseTxt(input: string): FinishedCues {
  const text = normalizeText(input);
  const prefixes = new PrefixReader();
  const candidates = new SpeakerCandidates();
  const warnings = new WarningLog();
  const stamp = [0, 0];
  const lines: TextLine[] = [];
  let removedChars = 0;
  let eligible = 0;

  let pos = 0;
  for (let lineNo = 1; pos <= text.length; lineNo++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const cleaned = sanitizeText(text.slice(pos, end));
    pos = end + 1;
    removedChars += cleaned.removed;
    if (cleaned.text.length === 0) continue;

    const leading = readLeadingStamp(cleaned.text, stamp);
    const body = leading === null ? cleaned.text : leading.rest;
    let candidate: TextLine['candidate'] = null;
    const prefixId = prefixes.read(body);
    if (prefixId >= 0) {
      const { name, role } = prefixes.speakerOf(prefixId);
      candidate = { name, role, text: body.slice(prefixes.textStart(body, prefixId)), stampMs: null };
    } else if (leading === null) {
      const match = NAME_THEN_STAMP.exec(body);
      const label = match ? parseSpeakerLabel(match[1] as string) : null;
      if (match && label) {
        const stampMs = stampOf((match[2] ?? match[3]) as string, stamp);
        if (stampMs !== null) candidate = { name: label.name, role: label.role, text: match[4] ?? '', stampMs };
      }
    }
    // A bare leading time only counts when a speaker follows or it stands alone: "10:30 works for me" is text.
    if (leading?.bare && candidate === null && body.length > 0) {
      lines.push({ line: lineNo, stampMs: null, text: cleaned.text, candidate: null });
      eligible++;
      continue;
    }
    if (body.length > 0) eligible++;
    if (candidate !== null) candidates.add(candidate, candidate.stampMs !== null);
    lines.push({ line: lineNo, stampMs: leading?.stampMs ?? null, text: body, candidate });
  }

  const confirmed = confirmSpeakers(candidates.tallies, new Set(), eligible);
  const cues: Cue[] = [];
  let current: Cue | null = null;
  let pendingStampMs: number | null = null;
  let previousStart = -1;
  for (const entry of lines) {
    const speakerLine = entry.candidate !== null && confirmed.has(entry.candidate.name) ? entry.candidate : null;
    const stampMs = entry.stampMs ?? speakerLine?.stampMs ?? null;
    const words = speakerLine !== null ? speakerLine.text : entry.text;
    if (speakerLine === null && stampMs !== null && words.length === 0) {
      // A stamp on its own line dates the cue that follows.
      pendingStampMs = stampMs;
      continue;
    }
    if (speakerLine === null && stampMs === null && current !== null) {
      current.text = current.text.length === 0 ? words : `${current.text} ${words}`;
      continue;
    }
    const startMs = stampMs ?? pendingStampMs;
    pendingStampMs = null;
    if (startMs !== null) {
      if (startMs < previousStart) {
        warnings.add('TIMESTAMP_BACKWARDS', `The line ${entry.line} is stamped earlier than the line above it.`, entry.line);
      }
      previousStart = startMs;
    }
    current = {
      index: cues.length,
      startMs,
      endMs: startMs,
      speaker: speakerLine !== null ? speakerLine.name : (cues.at(-1)?.speaker ?? null),
      text: words,
      line: entry.line,
    };
    cues.push(current);
  }
  closeStampedCues(cues);

  return finishParsedCues({
    format: 'txt',
    cues,
    warnings,
    removedChars,
    roles: candidates.rolesOf(confirmed),
    wordCount: cues.reduce((words, cue) => words + countWords(cue.text), 0),
    emptyLine: 1,
  });
}

/** A stamped line says when it starts; it ends when the next stamped line starts (or at its own start, for the last). */
function closeStampedCues(cues: Cue[]): void {
  let nextStart: number | null = null;
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i] as Cue;
    if (cue.startMs === null) continue;
    cue.endMs = nextStart !== null && nextStart >= cue.startMs ? nextStart : cue.startMs;
    nextStart = cue.startMs;
  }
}

/**
 * The block scanner shared by WebVTT and SRT: blocks of an optional
 * identifier line, a timing line `start --> end [settings]` and text lines,
 * separated by blank lines. One forward pass with `indexOf`/char-code checks
 * (no regex per line, no array of lines), which is what keeps a 10 MB file
 * fast. Damaged blocks are skipped and counted so the caller can decide
 * whether the file is still usable; timing oddities become warnings.
 */

import { InputError } from '../errors.js';
import { finishParsedCues, type FinishedCues } from './finish-cues.js';
import { cleanText, wordsIfClean } from './sanitize.js';
import { CaptionSpeakers } from './speakers.js';
import type { Cue } from './types.js';
import { WarningLog } from './warnings.js';

export type BlockDialect = 'vtt' | 'srt';

interface BlockScan {
  /** Cues in source order; `speaker` is the voice-tag name, if any; text may be empty. */
  cues: Cue[];
  warnings: WarningLog;
  /** Blocks skipped because they had no readable timing line. */
  malformed: number;
  /** Line of the first skipped block (0 when none). */
  firstMalformedLine: number;
  /** Invisible or control characters removed from cue text. */
  removedChars: number;
  /** Words in the cue texts as scanned (speaker prefixes included). */
  wordCount: number;
  /** Speaker evidence gathered while scanning; `resolve` it once the malformed check passed. */
  speakers: CaptionSpeakers;
}

const ARROW = '-->';

/** Strips a leading BOM and turns CRLF and lone CR into LF (only when needed: most files are LF already). */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.indexOf('\r') < 0 ? withoutBom : withoutBom.replace(/\r\n?/g, '\n');
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A line of only spaces and tabs counts as blank: hand-edited files often carry trailing whitespace. */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

function isDigitsOnly(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** `NOTE`, `STYLE` and `REGION` blocks carry no captions; the keyword must stand alone or be followed by a space. */
function isSkippedVttBlock(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first !== 0x4e && first !== 0x53 && first !== 0x52) return false;
  for (const keyword of ['NOTE', 'STYLE', 'REGION']) {
    if (text.startsWith(keyword, start)) {
      const after = start + keyword.length;
      const code = text.charCodeAt(after);
      return after === end || code === 0x20 || code === 0x09;
    }
  }
  return false;
}

/**
 * Reads `[hh:]mm:ss[.ttt]` (or `,ttt`) at `start`; writes milliseconds and the
 * index after the stamp into `out`. Leniencies: 1–2 digit minutes and seconds,
 * a missing or 1–2 digit fraction, and minutes past 59 when there are no hours.
 */
export function readTimestamp(text: string, start: number, end: number, out: number[]): boolean {
  if (readCanonicalTimestamp(text, start, end, out)) return true;
  let i = start;
  let first = 0;
  let firstDigits = 0;
  while (i < end && isDigit(text.charCodeAt(i)) && firstDigits < 7) {
    first = first * 10 + text.charCodeAt(i) - 0x30;
    firstDigits++;
    i++;
  }
  if (firstDigits === 0 || text.charCodeAt(i) !== 0x3a) return false;
  i++;
  let second = 0;
  let secondDigits = 0;
  while (i < end && isDigit(text.charCodeAt(i)) && secondDigits < 3) {
    second = second * 10 + text.charCodeAt(i) - 0x30;
    secondDigits++;
    i++;
  }
  if (secondDigits === 0 || secondDigits > 2) return false;
  let hours = 0;
  let minutes = first;
  let seconds = second;
  if (text.charCodeAt(i) === 0x3a) {
    i++;
    let third = 0;
    let thirdDigits = 0;
    while (i < end && isDigit(text.charCodeAt(i)) && thirdDigits < 3) {
      third = third * 10 + text.charCodeAt(i) - 0x30;
      thirdDigits++;
      i++;
    }
    if (thirdDigits === 0 || thirdDigits > 2 || second > 59) return false;
    hours = first;
    minutes = second;
    seconds = third;
  }
  if (seconds > 59) return false;
  let millis = 0;
  const separator = text.charCodeAt(i);
  if ((separator === 0x2e || separator === 0x2c) && isDigit(text.charCodeAt(i + 1))) {
    i++;
    let scale = 100;
    while (i < end && isDigit(text.charCodeAt(i))) {
      millis += (text.charCodeAt(i) - 0x30) * scale;
      scale /= 10;
      i++;
    }
    millis = Math.floor(millis);
  }
  out[0] = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  out[1] = i;
  return true;
}

function digitAt(text: string, i: number): number {
  const digit = text.charCodeAt(i) - 0x30;
  return digit >= 0 && digit <= 9 ? digit : -1000;
}

/**
 * The shapes nearly every file uses, `hh:mm:ss.ttt` and `mm:ss.ttt`, read at
 * fixed offsets without loops; anything else falls back to the general reader.
 */
function readCanonicalTimestamp(text: string, start: number, end: number, out: number[]): boolean {
  let hours = 0;
  let i = start;
  if (text.charCodeAt(i + 5) === 0x3a) {
    hours = digitAt(text, i) * 10 + digitAt(text, i + 1);
    if (text.charCodeAt(i + 2) !== 0x3a) return false;
    i += 3;
  }
  if (i + 9 > end || text.charCodeAt(i + 2) !== 0x3a || text.charCodeAt(i + 5) !== 0x2e) return false;
  const after = text.charCodeAt(i + 9);
  if (after >= 0x30 && after <= 0x39) return false;
  const minutes = digitAt(text, i) * 10 + digitAt(text, i + 1);
  const seconds = digitAt(text, i + 3) * 10 + digitAt(text, i + 4);
  const millis = digitAt(text, i + 6) * 100 + digitAt(text, i + 7) * 10 + digitAt(text, i + 8);
  if (hours < 0 || minutes < 0 || seconds < 0 || millis < 0 || minutes > 59 || seconds > 59) return false;
  out[0] = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  out[1] = i + 9;
  return true;
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) break;
    i++;
  }
  return i;
}

/** Parses `start --> end [settings]`; writes start and end milliseconds into `out[0]`, `out[2]`. */
function readTimingLine(text: string, start: number, end: number, out: number[]): boolean {
  let i = skipSpaces(text, start, end);
  if (!readTimestamp(text, i, end, out)) return false;
  const startMs = out[0] as number;
  i = skipSpaces(text, out[1] as number, end);
  if (!text.startsWith(ARROW, i)) return false;
  i = skipSpaces(text, i + ARROW.length, end);
  if (!readTimestamp(text, i, end, out)) return false;
  const after = out[1] as number;
  // Cue settings (`align:start`) or SRT coordinates may follow, separated by whitespace.
  if (after < end && text.charCodeAt(after) !== 0x20 && text.charCodeAt(after) !== 0x09) return false;
  out[2] = out[0] as number;
  out[0] = startMs;
  return true;
}

/** SRT files from subtitle editors carry ASS override tags such as `{\an8}`. */
function stripAssOverrides(raw: string): string {
  return raw.indexOf('{\\') < 0 ? raw : raw.replace(/\{\\[^}\n]*\}/g, '');
}

/**
 * Scans cue blocks from `from` (the index of line `firstLine`) to the end of
 * `text`, which must use `\n` line breaks.
 */
function scanCueBlocks(text: string, from: number, firstLine: number, dialect: BlockDialect): BlockScan {
  const length = text.length;
  const cues: Cue[] = [];
  const warnings = new WarningLog();
  const timing = [0, 0, 0];
  const speakers = new CaptionSpeakers();
  let malformed = 0;
  let firstMalformedLine = 0;
  let removedChars = 0;
  let wordCount = 0;
  let previousStart = -1;
  let pos = from;
  let line = firstLine;
  // Position of the next `-->` at or after pos; moving only forward keeps "does this line hold one?" linear.
  let nextArrow = -1;
  const arrowBefore = (lineStart: number, lineEnd: number): boolean => {
    if (nextArrow < lineStart) {
      nextArrow = text.indexOf(ARROW, lineStart);
      if (nextArrow < 0) nextArrow = length;
    }
    return nextArrow < lineEnd;
  };
  const lineEndFrom = (start: number): number => {
    const end = text.indexOf('\n', start);
    return end < 0 ? length : end;
  };
  const skipToBlankLine = (): void => {
    while (pos < length) {
      const end = lineEndFrom(pos);
      if (isBlankLine(text, pos, end)) return;
      pos = end + 1;
      line++;
    }
  };
  const reject = (blockLine: number, reason: string): void => {
    malformed++;
    if (firstMalformedLine === 0) firstMalformedLine = blockLine;
    warnings.add('CUE_MALFORMED', `Skipped the cue block at line ${blockLine}: ${reason}`, blockLine);
    skipToBlankLine();
  };

  while (pos < length) {
    let lineEnd = lineEndFrom(pos);
    if (isBlankLine(text, pos, lineEnd)) {
      pos = lineEnd + 1;
      line++;
      continue;
    }
    const blockLine = line;
    if (!arrowBefore(pos, lineEnd)) {
      if (dialect === 'vtt' && isSkippedVttBlock(text, pos, lineEnd)) {
        skipToBlankLine();
        continue;
      }
      // An identifier line (a number, a Teams GUID…): the timing line must follow.
      pos = lineEnd + 1;
      line++;
      lineEnd = pos < length ? lineEndFrom(pos) : length;
      if (pos >= length || isBlankLine(text, pos, lineEnd) || !arrowBefore(pos, lineEnd)) {
        reject(blockLine, 'no "start --> end" timing line.');
        continue;
      }
    }
    const timingLine = line;
    const timingOk = readTimingLine(text, pos, lineEnd, timing);
    pos = lineEnd + 1;
    line++;
    if (!timingOk) {
      reject(timingLine, 'the timing line is not "start --> end" with valid timestamps.');
      continue;
    }

    const textStart = pos;
    let textEnd = pos;
    let lastLineStart = -1;
    let stoppedAtArrow = false;
    while (pos < length) {
      lineEnd = lineEndFrom(pos);
      if (isBlankLine(text, pos, lineEnd)) break;
      if (arrowBefore(pos, lineEnd)) {
        stoppedAtArrow = true;
        break;
      }
      lastLineStart = pos;
      textEnd = lineEnd;
      pos = lineEnd + 1;
      line++;
    }
    // Without a blank line before the next timing line, a trailing number line is that cue's identifier.
    if (stoppedAtArrow && lastLineStart >= 0 && isDigitsOnly(text, lastLineStart, textEnd)) {
      pos = lastLineStart;
      line--;
      textEnd = lastLineStart > textStart ? lastLineStart - 1 : textStart;
    }

    const sliced = textEnd > textStart ? text.slice(textStart, textEnd) : '';
    const raw = dialect === 'srt' ? stripAssOverrides(sliced) : sliced;
    let cueText = raw;
    let voice: string | null = null;
    let words = wordsIfClean(raw, true);
    if (words < 0) {
      const cleaned = cleanText(raw, true);
      cueText = cleaned.text;
      voice = cleaned.voice;
      removedChars += cleaned.removed;
      words = cleaned.words;
    }
    wordCount += words;
    const startMs = timing[0] as number;
    let endMs = timing[2] as number;
    if (endMs < startMs) {
      warnings.add('CUE_END_BEFORE_START', `The cue at line ${timingLine} ends before it starts; its end was set to its start.`, timingLine);
      endMs = startMs;
    }
    if (startMs < previousStart) {
      warnings.add('TIMESTAMP_BACKWARDS', `The cue at line ${timingLine} starts before the cue above it.`, timingLine);
    }
    previousStart = startMs;
    const cue: Cue = { index: cues.length, startMs, endMs, speaker: voice, text: cueText, line: timingLine };
    cues.push(cue);
    // Observed now, while the text is still in the CPU cache.
    speakers.observe(cue);
  }
  return { cues, warnings, malformed, firstMalformedLine, removedChars, wordCount, speakers };
}

/**
 * Scans the blocks, refuses a file whose blocks are mostly unreadable,
 * resolves speakers and finishes the cue list.
 * @throws InputError TRANSCRIPT_MALFORMED (most blocks unreadable), TRANSCRIPT_EMPTY (no cue text).
 */
export function cuesFromBlocks(text: string, from: number, firstLine: number, dialect: BlockDialect): FinishedCues {
  const scan = scanCueBlocks(text, from, firstLine, dialect);
  if (scan.malformed > scan.cues.length) {
    throw new InputError(
      'TRANSCRIPT_MALFORMED',
      `Most cue blocks have no readable "start --> end" timing line; the first is at line ${scan.firstMalformedLine}.`,
      { line: scan.firstMalformedLine },
    );
  }
  const { roles, wordsRemoved } = scan.speakers.resolve(scan.cues);
  return finishParsedCues({
    format: dialect,
    cues: scan.cues,
    warnings: scan.warnings,
    removedChars: scan.removedChars,
    roles,
    wordCount: scan.wordCount - wordsRemoved,
    emptyLine: scan.cues[0]?.line ?? firstLine,
  });
}

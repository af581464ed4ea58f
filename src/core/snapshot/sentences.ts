/**
 * Splits turns into sentences with their character offsets, so that a long
 * monologue (turns of 400+ words are common) can be cited one or two sentences
 * at a time and every quote stays a verbatim slice of its turn. Breaks where
 * the ICU sentence breaker (`Intl.Segmenter`) does (by Unicode's rules, the
 * same ones ICU follows, for plain English text; by ICU itself otherwise) and
 * then mends the breaks it makes after abbreviations that spoken transcripts
 * are full of ("9:00 a.m. ET", "Dr. Lee", "Acme Inc. signed").
 */

import type { Transcript, Turn } from '../transcript/types.js';

export interface Sentence {
  /** Position among all sentences of the transcript. */
  id: number;
  turnIndex: number;
  /** Offsets into the turn's text; `text` is exactly `turn.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  startMs: number | null;
  isQuestion: boolean;
}

/** Made on first use: creating it loads ICU's break rules (about 10 ms), and most transcripts never need it (`ruleBreaks`). */
let segmenter: Intl.Segmenter | undefined;

function icuSegments(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter.segment(text);
}

/** Words that end in a period without ending the sentence. */
const ABBREVIATION_END =
  /(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|dept|est|inc|ltd|co|corp|llc|dr|mr|mrs|ms|prof|sr|jr|st|mt|ft|u\.s|u\.k|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.\s*$/i;

/**
 * Tests ABBREVIATION_END on the only part of the segment `[start, end)` of
 * `text` that it can match: the trailing spaces, the period, the longest
 * abbreviation ("approx") and one character before it for `\b`.
 */
function endsInAbbreviation(text: string, start: number, end: number): boolean {
  const trimmed = trimmedEnd(text, start, end);
  return ABBREVIATION_END.test(text.slice(Math.max(start, trimmed - 8), end));
}

/** The segment ends in "!" or "?" (and spaces): a real end even after an abbreviation. */
function endsInExclamationOrQuestion(text: string, start: number, end: number): boolean {
  const trimmed = trimmedEnd(text, start, end);
  return trimmed > start && (text[trimmed - 1] === '!' || text[trimmed - 1] === '?');
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

// Sentence-break classes of Unicode's UAX #29 for the characters of most
// English transcripts: ASCII, typographic quotes and dashes, the no-break
// space, Latin-1 letters ("café", "Zürich") and the pound, yen and euro signs.
const OTHER = 0;
const SPACE = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const PERIOD = 5;
const TERMINATOR = 6;
const CLOSE = 7;
const CONTINUE = 8;
const UNKNOWN = 9;

const TYPOGRAPHIC_CLASSES: ReadonlyMap<number, number> = new Map([
  [0x2018, CLOSE], [0x2019, CLOSE], [0x201c, CLOSE], [0x201d, CLOSE], [0x2013, CONTINUE], [0x2014, CONTINUE],
  [0xa0, SPACE], [0xa3, OTHER], [0xa5, OTHER], [0x20ac, OTHER], [0xd7, OTHER], [0xf7, OTHER],
]);

/** Characters outside what `breakClass` knows: a text holding one goes to ICU. */
const OUTSIDE_RULES = /[^\x20-\x7e\u00a0\u00a3\u00a5\u00c0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u20ac]/;
const TERMINATORS = /[.!?]/g;

function breakClass(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return NUMERIC;
  switch (code) {
    case 32:
      return SPACE;
    case 46:
      return PERIOD;
    case 33:
    case 63:
      return TERMINATOR;
    case 34:
    case 39:
    case 40:
    case 41:
    case 91:
    case 93:
    case 123:
    case 125:
      return CLOSE;
    case 44:
    case 45:
    case 58:
    case 59:
      return CONTINUE;
  }
  if (code > 32 && code < 127) return OTHER;
  const typographic = TYPOGRAPHIC_CLASSES.get(code);
  if (typographic !== undefined) return typographic;
  // Latin-1 letters: capitals up to Þ, then ß and the small letters.
  if (code >= 0xc0 && code <= 0xff) return code < 0xdf ? UPPER : LOWER;
  return UNKNOWN;
}

/**
 * The sentence breaks of `text` by the rules of UAX #29 (SB6 to SB11), or
 * null when it holds a character `breakClass` does not know (then ICU
 * decides). On the texts it takes it gives exactly ICU's breaks (checked on
 * millions of random strings) in one linear pass; V8's segment iterator costs
 * far more per sentence, and most of the snapshot's text passes through here.
 */
function ruleBreaks(text: string): number[] | null {
  if (OUTSIDE_RULES.test(text)) return null;
  const length = text.length;
  const classAt = (at: number) => (at >= 0 && at < length ? breakClass(text.charCodeAt(at)) : UNKNOWN);
  const breaks: number[] = [];
  TERMINATORS.lastIndex = 0;
  for (let match = TERMINATORS.exec(text); match !== null; match = TERMINATORS.exec(text)) {
    const at = match.index;
    const kind = classAt(at);
    const next = classAt(at + 1);
    // SB6 "3.5", SB7 "U.S": no break right after a period before a digit, or between letters.
    if (kind === PERIOD && next === NUMERIC) continue;
    if (kind === PERIOD && (classAt(at - 1) === LOWER || classAt(at - 1) === UPPER) && next === UPPER) continue;
    // SB9, SB10: closing quotes and brackets, then spaces, stay with the sentence.
    let candidate = at + 1;
    while (classAt(candidate) === CLOSE) candidate++;
    while (classAt(candidate) === SPACE) candidate++;
    if (candidate === length) continue;
    // SB8a: a comma, dash, colon or another terminator continues the sentence.
    const following = classAt(candidate);
    if (following === CONTINUE || following === PERIOD || following === TERMINATOR) continue;
    // SB8: after a period, a lower-case letter before any other letter or terminator continues it ("e.g. the").
    if (kind === PERIOD) {
      let ahead = candidate;
      let aheadClass = classAt(ahead);
      while (ahead < length && aheadClass !== LOWER && aheadClass !== UPPER && aheadClass !== PERIOD && aheadClass !== TERMINATOR) aheadClass = classAt(++ahead);
      if (aheadClass === LOWER) continue;
    }
    breaks.push(candidate); // SB11
  }
  return breaks;
}

/**
 * Texts longer than this that ICU must segment go piece by piece: V8's
 * sentence iterator slows down quadratically with the length of the string
 * (an 800 KB monologue, one turn of a plain-text transcript without speakers,
 * took seconds).
 */
const PIECE_LENGTH = 8_000;

/**
 * Where a long text can be cut without changing a single break: after a
 * sentence terminator and spaces, before a capital (or, after "!" and "?",
 * before any letter). UAX #29 (SB11) always breaks there, and none of its
 * rules looks across such a break: the letter ends every look-ahead and the
 * terminator every look-behind.
 */
const SAFE_CUT = /[.!?] +(?=[A-Z])|[!?] +(?=[a-z])/g;

/** Where ICU's segments of `text` start. */
function icuSegmentStarts(text: string): number[] {
  const starts: number[] = [];
  let pieceStart = 0;
  while (text.length - pieceStart > PIECE_LENGTH) {
    SAFE_CUT.lastIndex = pieceStart + PIECE_LENGTH / 2;
    const cut = SAFE_CUT.exec(text);
    if (cut === null) break;
    const pieceEnd = cut.index + cut[0].length;
    for (const { index } of icuSegments(text.slice(pieceStart, pieceEnd))) starts.push(pieceStart + index);
    pieceStart = pieceEnd;
  }
  for (const { index } of icuSegments(pieceStart === 0 ? text : text.slice(pieceStart))) starts.push(pieceStart + index);
  return starts;
}

/** Boundaries of the sentence segments of `text`: where each starts, then where the last ends. */
function segmentBounds(text: string): number[] {
  if (text.length === 0) return [0];
  const breaks = ruleBreaks(text);
  const bounds = breaks === null ? icuSegmentStarts(text) : [0, ...breaks];
  bounds.push(text.length);
  return bounds;
}

/** Sentence spans of a text, as [start, end) offsets with surrounding spaces trimmed. */
export function splitSentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const bounds = segmentBounds(text);
  let pendingStart: number | null = null;
  for (let segment = 0; segment + 1 < bounds.length; segment++) {
    const index = bounds[segment]!;
    const end = bounds[segment + 1]!;
    const start: number = pendingStart ?? index;
    if (end < text.length && endsInAbbreviation(text, index, end) && !endsInExclamationOrQuestion(text, index, end)) {
      pendingStart = start;
      continue;
    }
    pendingStart = null;
    pushTrimmed(text, start, end, spans);
  }
  if (pendingStart !== null) pushTrimmed(text, pendingStart, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Array<[number, number]>): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push([start, end]);
}

function sentencesOfTurn(turn: Turn, firstId: number): Sentence[] {
  return splitSentenceSpans(turn.text).map(([start, end], offset) => {
    const text = turn.text.slice(start, end);
    return {
      id: firstId + offset,
      turnIndex: turn.index,
      start,
      end,
      text,
      speaker: turn.speaker,
      startMs: turn.startMs,
      isQuestion: /\?["')\]]*$/.test(text),
    };
  });
}

export function sentencesOfTranscript(transcript: Transcript): Sentence[] {
  const sentences: Sentence[] = [];
  for (const turn of transcript.turns) sentences.push(...sentencesOfTurn(turn, sentences.length));
  return sentences;
}

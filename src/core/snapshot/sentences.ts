/**
 * Splits turns into sentences with their character offsets, so that a long
 * monologue (turns of 400+ words are common) can be cited one or two sentences
 * at a time and every quote stays a verbatim slice of its turn. Uses the ICU
 * sentence breaker (`Intl.Segmenter`) and then mends the breaks it makes after
 * abbreviations that spoken transcripts are full of ("9:00 a.m. ET", "Dr. Lee",
 * "Acme Inc. signed").
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

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words that end in a period without ending the sentence. */
const ABBREVIATION_END =
  /(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|dept|est|inc|ltd|co|corp|llc|dr|mr|mrs|ms|prof|sr|jr|st|mt|ft|u\.s|u\.k|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.\s*$/i;

/**
 * Texts longer than this are segmented piece by piece: V8's sentence iterator
 * slows down quadratically with the length of the string (an 800 KB monologue,
 * one turn of a plain-text transcript without speakers, took seconds).
 */
const PIECE_LENGTH = 8_000;

/**
 * Where a long text can be cut without changing a single break: after a
 * sentence terminator and spaces, before a capital (or, after "!" and "?",
 * before any letter). Unicode's sentence rules (UAX #29, SB11) always break
 * there, and none of them looks across such a break: the letter ends every
 * look-ahead and the terminator every look-behind.
 */
const SAFE_CUT = /[.!?] +(?=[A-Z])|[!?] +(?=[a-z])/g;

/** The segments of `text` as the ICU sentence breaker gives them, with offsets into `text`. */
function* sentenceSegments(text: string): Generator<{ segment: string; index: number }> {
  let pieceStart = 0;
  while (text.length - pieceStart > PIECE_LENGTH) {
    SAFE_CUT.lastIndex = pieceStart + PIECE_LENGTH / 2;
    const cut = SAFE_CUT.exec(text);
    if (cut === null) break;
    const pieceEnd = cut.index + cut[0].length;
    for (const { segment, index } of SEGMENTER.segment(text.slice(pieceStart, pieceEnd))) yield { segment, index: pieceStart + index };
    pieceStart = pieceEnd;
  }
  for (const { segment, index } of SEGMENTER.segment(pieceStart === 0 ? text : text.slice(pieceStart))) yield { segment, index: pieceStart + index };
}

/** Sentence spans of a text, as [start, end) offsets with surrounding spaces trimmed. */
export function splitSentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let pendingStart: number | null = null;
  for (const { segment, index } of text.length > PIECE_LENGTH ? sentenceSegments(text) : SEGMENTER.segment(text)) {
    const start: number = pendingStart ?? index;
    const end = index + segment.length;
    if (ABBREVIATION_END.test(segment) && end < text.length && !/[!?]\s*$/.test(segment)) {
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

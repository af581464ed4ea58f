/**
 * The index of one transcript: term postings per turn, every turn's term
 * sequence (for proximity and question detection at query time), and its
 * speakers' names as terms. Segments are built once when a transcript is added
 * and never change, so a search reads them without copying.
 */

import type { Transcript, Turn } from '../transcript/types.js';
import { distinctTerms, forEachTerm } from './analyze.js';

export interface Posting {
  /** Turn indices, ascending. */
  turns: Uint32Array;
  /** How often the term occurs in the turn at the same position. */
  freqs: Uint32Array;
}

export interface Segment {
  transcriptId: string;
  /** Insertion order, to break score ties deterministically. */
  order: number;
  turns: readonly Turn[];
  termIds: Map<string, number>;
  /** Indexed by term id. */
  postings: Posting[];
  /** Term ids of every turn back to back; turn t spans [turnOffsets[t], turnOffsets[t + 1]). */
  tokens: Int32Array;
  /** 1 where the token at the same position sits in a sentence ending with "?". */
  inQuestion: Uint8Array;
  turnOffsets: Uint32Array;
  /** Terms per turn, for length normalisation. */
  turnLengths: Uint32Array;
  totalTokens: number;
  /** Speaker-name term -> turns that speaker spoke, ascending. */
  speakerPostings: Map<string, number[]>;
  /** Distinct normalised speaker names ("unknown" for unattributed turns). */
  speakerKeys: string[];
  /** Per turn: its speaker's position in `speakerKeys`. */
  speakerOfTurn: Uint32Array;
}

const UNKNOWN_SPEAKER_KEY = 'unknown';

/** Lowercase, single-spaced: how speaker names are compared. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Full name, or one whole word of it ("dana" finds "Dana Novak"). */
export function speakerMatches(speakerKey: string, wanted: string): boolean {
  return speakerKey === wanted || ` ${speakerKey} `.includes(` ${wanted} `);
}

/**
 * Question sentences, as [start, end) ranges in order: from after the previous
 * sentence end (".", "?" or "!") up to and including their "?". One pass over
 * the text (a pattern like `[^.?!]*\?` rescans the tail after the last "?"
 * from every position: quadratic on long turns without sentence ends).
 */
function questionRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!text.includes('?')) return ranges;
  let sentenceStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '?') {
      ranges.push([sentenceStart, i + 1]);
      sentenceStart = i + 1;
    } else if (char === '.' || char === '!') sentenceStart = i + 1;
  }
  return ranges;
}

export function buildSegment(transcript: Transcript, order: number): Segment {
  const termIds = new Map<string, number>();
  // Grown as plain arrays while reading, frozen into typed arrays at the end.
  const growing: Array<{ turns: number[]; freqs: number[] }> = [];
  const tokens: number[] = [];
  /** Positions of tokens inside question sentences (few, so kept sparse while reading). */
  const questionTokens: number[] = [];
  const turnOffsets = new Uint32Array(transcript.turns.length + 1);
  const speakerPostings = new Map<string, number[]>();
  const speakerKeys: string[] = [];
  const speakerOfTurn = new Uint32Array(transcript.turns.length);
  const speakerIds = new Map<string, number>();
  // Labels repeat on every turn; normalise each distinct one once.
  const speakerIdsByLabel = new Map<string | null, number>();
  const speakerTerms: string[][] = [];

  transcript.turns.forEach((turn, t) => {
    turnOffsets[t] = tokens.length;
    const questions = questionRanges(turn.text);
    // Terms arrive left to right, so one cursor walks the ranges.
    let question = 0;
    forEachTerm(turn.text, (term, start) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = growing.length;
        termIds.set(term, id);
        growing.push({ turns: [], freqs: [] });
      }
      while (question < questions.length && questions[question]![1] <= start) question++;
      if (question < questions.length && start >= questions[question]![0]) questionTokens.push(tokens.length);
      tokens.push(id);
      const posting = growing[id]!;
      const last = posting.turns.length - 1;
      if (posting.turns[last] === t) posting.freqs[last]! += 1;
      else {
        posting.turns.push(t);
        posting.freqs.push(1);
      }
    });
    let speakerId = speakerIdsByLabel.get(turn.speaker);
    if (speakerId === undefined) {
      const speakerKey = turn.speaker === null ? UNKNOWN_SPEAKER_KEY : normaliseName(turn.speaker);
      speakerId = speakerIds.get(speakerKey);
      if (speakerId === undefined) {
        speakerId = speakerKeys.push(speakerKey) - 1;
        speakerIds.set(speakerKey, speakerId);
        speakerTerms.push(turn.speaker === null ? [] : distinctTerms(turn.speaker));
      }
      speakerIdsByLabel.set(turn.speaker, speakerId);
    }
    speakerOfTurn[t] = speakerId;
    for (const term of speakerTerms[speakerId]!) {
      const spoken = speakerPostings.get(term) ?? [];
      spoken.push(t);
      speakerPostings.set(term, spoken);
    }
  });
  turnOffsets[transcript.turns.length] = tokens.length;
  const inQuestion = new Uint8Array(tokens.length);
  for (const position of questionTokens) inQuestion[position] = 1;
  const turnLengths = new Uint32Array(transcript.turns.length);
  for (let t = 0; t < turnLengths.length; t++) turnLengths[t] = turnOffsets[t + 1]! - turnOffsets[t]!;

  return {
    transcriptId: transcript.id,
    order,
    turns: transcript.turns,
    termIds,
    postings: growing.map(({ turns, freqs }) => ({ turns: Uint32Array.from(turns), freqs: Uint32Array.from(freqs) })),
    tokens: Int32Array.from(tokens),
    inQuestion,
    turnOffsets,
    turnLengths,
    totalTokens: tokens.length,
    speakerPostings,
    speakerKeys,
    speakerOfTurn,
  };
}

/** How many turns of the segment contain `term`. */
export function documentFrequency(segment: Segment, term: string): number {
  const id = segment.termIds.get(term);
  return id === undefined ? 0 : segment.postings[id]!.turns.length;
}

/**
 * The index of one transcript: term postings per turn, every turn's term
 * sequence (for proximity and question detection at query time), and its
 * speakers' names as terms. Segments are built once when a transcript is added
 * and never change, so a search reads them without copying.
 */

import type { Transcript, Turn } from '../transcript/types.js';
import { distinctTerms, foldCase, forEachTerm } from './analyze.js';
import { introducesSelf, kindsOfTerm, SELF_INTRODUCTION, TERM_NAME } from './intent.js';

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
  /** Every term of the turns, and SELF_INTRODUCTION (intent.ts) when a speaker introduces themselves. */
  termIds: Map<string, number>;
  /** Indexed by term id. */
  postings: Posting[];
  /** Indexed by term id: what kind of answer the term can be (TERM_* bits of intent.ts). */
  termKinds: Uint8Array;
  /** Term ids of every turn back to back; turn t spans [turnOffsets[t], turnOffsets[t + 1]). */
  tokens: Int32Array;
  /** 1 where the token at the same position sits in a sentence ending with "?". */
  inQuestion: Uint8Array;
  turnOffsets: Uint32Array;
  /**
   * Per term id of a word written both in lower case and capitalised
   * mid-sentence ("housing", and "House" of "the House of Commons"): the turns
   * where it is only ever capitalised, each with the words so written, lowercased.
   */
  capitalised: Map<number, CapitalisedUses>;
  /** Terms per turn, for length normalisation. */
  turnLengths: Uint32Array;
  totalTokens: number;
  /** The terms of the speakers' names. */
  speakerTerms: Set<string>;
  /** Distinct normalised speaker names ("unknown" for unattributed turns). */
  speakerKeys: string[];
  /** Per turn: its speaker's position in `speakerKeys`. */
  speakerOfTurn: Uint32Array;
  /** Per speaker (as in `speakerKeys`): the words of the label as written (`labelWords`), none for unattributed turns. */
  speakerWords: string[][];
  /** Per speaker (as in `speakerKeys`): the turns they spoke, ascending. */
  turnsOfSpeaker: number[][];
}

export interface CapitalisedUses {
  /** Ascending. */
  turns: Uint32Array;
  /** Per turn, as in `turns`. */
  words: ReadonlyArray<ReadonlySet<string>>;
}

const UNKNOWN_SPEAKER_KEY = 'unknown';

/** Lowercase, single-spaced: how speaker names are compared. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The words of a speaker label or a query as written, unstemmed, for matching
 * one against the other: lowercase, accents folded, split at anything but
 * letters and digits ("Grad D" gives `grad`, `d`).
 */
export function labelWords(text: string): string[] {
  return foldCase(text.normalize('NFKC')).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Full name, or one whole word of it ("dana" finds "Dana Novak"). */
export function speakerMatches(speakerKey: string, wanted: string): boolean {
  return speakerKey === wanted || ` ${speakerKey} `.includes(` ${wanted} `);
}

/** How a term was written, as bits: a capital letter mid-sentence marks a name unless it is also seen in lower case. */
const CAPITAL_MID_SENTENCE = 1;
const LOWER_CASE = 2;
const SENTENCE_BREAK = /[.?!…:;"“(\[-]/;

function isUpper(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const char = text[at]!;
  return char !== char.toLowerCase();
}

function isLower(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 97 && code <= 122;
  const char = text[at]!;
  return char !== char.toUpperCase();
}

function caseOfWord(text: string, start: number): number {
  if (isLower(text, start)) return LOWER_CASE;
  // Digits have no case; all capitals ("CTO", "ERP") is an abbreviation, not evidence of a name.
  if (!isUpper(text, start) || (start + 1 < text.length && isUpper(text, start + 1))) return 0;
  let before = start - 1;
  while (before >= 0 && text.charCodeAt(before) === 32) before--;
  return before < 0 || SENTENCE_BREAK.test(text[before]!) ? 0 : CAPITAL_MID_SENTENCE;
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
  /** Per term id: CAPITAL_MID_SENTENCE and LOWER_CASE bits. */
  const cases: number[] = [];
  const tokens: number[] = [];
  /** Positions of tokens inside question sentences (few, so kept sparse while reading). */
  const questionTokens: number[] = [];
  const turnOffsets = new Uint32Array(transcript.turns.length + 1);
  const speakerKeys: string[] = [];
  const speakerOfTurn = new Uint32Array(transcript.turns.length);
  const speakerIds = new Map<string, number>();
  // Labels repeat on every turn; normalise each distinct one once.
  const speakerIdsByLabel = new Map<string | null, number>();
  const speakerTerms = new Set<string>();
  const speakerWords: string[][] = [];
  const turnsOfSpeaker: number[][] = [];
  /** Per term id: capitalised mid-sentence uses, counted per turn like a posting, with the words so written. */
  const capitalUses = new Map<number, { turns: number[]; freqs: number[]; words: Array<Set<string>> }>();

  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = growing.length;
      termIds.set(term, id);
      growing.push({ turns: [], freqs: [] });
      cases.push(0);
    }
    return id;
  };

  transcript.turns.forEach((turn, t) => {
    turnOffsets[t] = tokens.length;
    const questions = questionRanges(turn.text);
    // Terms arrive left to right, so one cursor walks the ranges.
    let question = 0;
    forEachTerm(turn.text, (term, start, end) => {
      const id = idOf(term);
      const written = caseOfWord(turn.text, start);
      cases[id]! |= written;
      if (written === CAPITAL_MID_SENTENCE) {
        let uses = capitalUses.get(id);
        if (!uses) capitalUses.set(id, (uses = { turns: [], freqs: [], words: [] }));
        if (uses.turns.at(-1) === t) uses.freqs[uses.freqs.length - 1]! += 1;
        else {
          uses.turns.push(t);
          uses.freqs.push(1);
          uses.words.push(new Set());
        }
        uses.words.at(-1)!.add(foldCase(turn.text.slice(start, end)));
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
    // A posting, not a token: the turn's length and word positions stay those of its words.
    if (introducesSelf(turn.text)) {
      const introductions = growing[idOf(SELF_INTRODUCTION)]!;
      introductions.turns.push(t);
      introductions.freqs.push(1);
    }
    let speakerId = speakerIdsByLabel.get(turn.speaker);
    if (speakerId === undefined) {
      const speakerKey = turn.speaker === null ? UNKNOWN_SPEAKER_KEY : normaliseName(turn.speaker);
      speakerId = speakerIds.get(speakerKey);
      if (speakerId === undefined) {
        speakerId = speakerKeys.push(speakerKey) - 1;
        speakerIds.set(speakerKey, speakerId);
        if (turn.speaker !== null) for (const term of distinctTerms(turn.speaker)) speakerTerms.add(term);
        speakerWords.push(turn.speaker === null ? [] : labelWords(turn.speaker));
        turnsOfSpeaker.push([]);
      }
      speakerIdsByLabel.set(turn.speaker, speakerId);
    }
    speakerOfTurn[t] = speakerId;
    turnsOfSpeaker[speakerId]!.push(t);
  });
  turnOffsets[transcript.turns.length] = tokens.length;
  const inQuestion = new Uint8Array(tokens.length);
  for (const position of questionTokens) inQuestion[position] = 1;
  const termKinds = new Uint8Array(growing.length);
  for (const [term, id] of termIds) termKinds[id] = kindsOfTerm(term) | (cases[id] === CAPITAL_MID_SENTENCE ? TERM_NAME : 0);
  const turnLengths = new Uint32Array(transcript.turns.length);
  for (let t = 0; t < turnLengths.length; t++) turnLengths[t] = turnOffsets[t + 1]! - turnOffsets[t]!;
  const postings = growing.map(({ turns, freqs }) => ({ turns: Uint32Array.from(turns), freqs: Uint32Array.from(freqs) }));
  // Kept only for words also written in lower case: a name's own uses are its whole posting.
  const capitalised = new Map<number, CapitalisedUses>();
  for (const [id, uses] of capitalUses) {
    if (cases[id] === CAPITAL_MID_SENTENCE) continue;
    const posting = postings[id]!;
    const onlyCapitalised: number[] = [];
    const words: Array<Set<string>> = [];
    let k = 0;
    uses.turns.forEach((turn, u) => {
      while (posting.turns[k]! < turn) k++;
      if (posting.freqs[k] !== uses.freqs[u]) return;
      onlyCapitalised.push(turn);
      words.push(uses.words[u]!);
    });
    if (onlyCapitalised.length > 0) capitalised.set(id, { turns: Uint32Array.from(onlyCapitalised), words });
  }

  return {
    transcriptId: transcript.id,
    order,
    turns: transcript.turns,
    termIds,
    postings,
    termKinds,
    tokens: Int32Array.from(tokens),
    inQuestion,
    turnOffsets,
    capitalised,
    turnLengths,
    totalTokens: tokens.length,
    speakerTerms,
    speakerKeys,
    speakerOfTurn,
    speakerWords,
    turnsOfSpeaker,
  };
}

/** How many turns of the segment contain `term`. */
export function documentFrequency(segment: Segment, term: string): number {
  const id = segment.termIds.get(term);
  return id === undefined ? 0 : segment.postings[id]!.turns.length;
}

/**
 * The turns holding every one of `terms`, each with the count of its rarest
 * term; undefined when none does. One term is its own posting.
 */
export function postingOfAll(segment: Segment, terms: readonly string[]): Posting | undefined {
  const lists: Posting[] = [];
  for (const term of terms) {
    const id = segment.termIds.get(term);
    if (id === undefined) return undefined;
    lists.push(segment.postings[id]!);
  }
  if (lists.length === 1) return lists[0];
  lists.sort((a, b) => a.turns.length - b.turns.length);
  const turns: number[] = [];
  const freqs: number[] = [];
  const cursors = new Array<number>(lists.length).fill(0);
  outer: for (let k = 0; k < lists[0]!.turns.length; k++) {
    const turn = lists[0]!.turns[k]!;
    let freq = lists[0]!.freqs[k]!;
    for (let l = 1; l < lists.length; l++) {
      const list = lists[l]!;
      let at = cursors[l]!;
      while (at < list.turns.length && list.turns[at]! < turn) at++;
      cursors[l] = at;
      if (at === list.turns.length) break outer;
      if (list.turns[at] !== turn) continue outer;
      freq = Math.min(freq, list.freqs[at]!);
    }
    turns.push(turn);
    freqs.push(freq);
  }
  return turns.length === 0 ? undefined : { turns: Uint32Array.from(turns), freqs: Uint32Array.from(freqs) };
}

/**
 * Turns text into search terms, the same way for turns being indexed and for
 * queries: lowercase, accents folded, stop words dropped, Porter stems. A few
 * spoken-transcript shapes get their own rules so that people find them however
 * they type them: clock times ("9:00 a.m.", "9am" and "9 AM" all give `9:00am`
 * plus `9:00`), numbers with separators ("1,500" gives `1500`), spelled-out
 * numbers ("forty" gives `40`), possessives ("team's" gives `team`) and
 * hyphenated words ("on-boarding" gives `board` and `onboard`, so it meets
 * "onboarding"). Each term keeps the character span it came from so snippets
 * can be cut around matches.
 */

import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

export interface AnalyzedTerm {
  term: string;
  /** Character offsets of the source word in the analysed text. */
  start: number;
  end: number;
}

export type TermVisitor = (term: string, start: number, end: number) => void;

/** A word: letters and digits, possibly joined by hyphens or apostrophes (then group 1 is set). */
const WORD = /[\p{L}\p{N}]+((?:[-'’][\p{L}\p{N}]+)+)?/gu;
/** Tried where a word starts with a digit: a clock time with am/pm, or a bare clock time. */
const CLOCK_TIME = /(\d{1,2})(?::([0-5]\d))?\s?([ap])\.?m\b\.?|(\d{1,2}):([0-5]\d)(?!\d)/iy;
/** Otherwise the whole number: internal `.`/`,` allowed, letter suffix as in "40k" or "2nd". */
const NUMBER = /\p{N}+(?:[.,]\p{N}+)*\p{L}*/uy;
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const HAS_DIGIT = /\d/;

/**
 * Spelled-out numbers people also write as digits ("forty hours", "40 hours").
 * "one" is left out: it is far more often a pronoun ("no one", "this one").
 */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
    eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
    seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40',
    fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
  }),
);

/**
 * Word as written -> its term, or null for a stop word. Stemming dominates the
 * cost of indexing and speech reuses few words, so memoising pays; the cache is
 * emptied rather than grown without bound.
 */
const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** Lowercase with accents folded. */
export function foldCase(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower;
}

/** The term of one plain word (no hyphen or apostrophe), or null for a stop word. */
function termOf(word: string): string | null {
  let term = TERM_CACHE.get(word);
  if (term === undefined) {
    const folded = foldCase(word);
    if (folded.length === 0 || STOP_WORDS.has(folded)) term = null;
    else term = NUMBER_WORDS.get(folded) ?? (HAS_DIGIT.test(folded) ? folded : stemmer(folded));
    if (TERM_CACHE.size >= TERM_CACHE_LIMIT) TERM_CACHE.clear();
    TERM_CACHE.set(word, term);
  }
  return term;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

const HYPHEN = 45;
const APOSTROPHE = 39;

/**
 * Calls `visit` for every search term of `text`, in order. Plain ASCII words,
 * most of any English transcript, are cut by a character scan; everything else
 * (accents, digits, hyphens, apostrophes) goes through the WORD expression.
 */
export function forEachTerm(text: string, visit: TermVisitor): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (isAsciiLetter(code)) {
      let end = at + 1;
      while (end < length && isAsciiLetter(text.charCodeAt(end))) end++;
      const next = end < length ? text.charCodeAt(end) : 32;
      if (next < 128 && !isAsciiDigit(next) && next !== HYPHEN && next !== APOSTROPHE) {
        const term = termOf(text.slice(at, end));
        if (term !== null) visit(term, at, end);
        at = end;
        continue;
      }
    } else if (code < 128 && !isAsciiDigit(code)) {
      at++;
      continue;
    }
    WORD.lastIndex = at;
    const match = WORD.exec(text);
    if (match === null) return;
    at = emitMatch(text, match, visit);
  }
}

/** Emits the terms of one WORD match; returns where scanning resumes. */
function emitMatch(text: string, match: RegExpExecArray, visit: TermVisitor): number {
  const start = match.index;
  if (isAsciiDigit(text.charCodeAt(start))) return emitNumber(text, start, visit);
  const word = match[0];
  if (match[1] !== undefined) emitCompound(word, start, visit);
  else {
    const term = termOf(word);
    if (term !== null) visit(term, start, start + word.length);
  }
  return start + word.length;
}

/** Emits the clock time or number starting at `start`; returns where it ends. */
function emitNumber(text: string, start: number, visit: TermVisitor): number {
  CLOCK_TIME.lastIndex = start;
  const time = CLOCK_TIME.exec(text);
  if (time) {
    const [whole, hour12, minutes12, meridiem, hour24, minutes24] = time;
    const end = start + whole.length;
    if (hour12 !== undefined) {
      const clock = `${Number(hour12)}:${minutes12 ?? '00'}`;
      visit(`${clock}${meridiem!.toLowerCase()}m`, start, end);
      visit(clock, start, end);
    } else {
      visit(`${Number(hour24)}:${minutes24}`, start, end);
    }
    return end;
  }
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text)![0];
  visit(foldCase(number.replace(/,(?=\p{N})/gu, '')), start, start + number.length);
  return start + number.length;
}

/** Splits apostrophes and hyphens; a short hyphenated word also counts as one word. */
function emitCompound(word: string, start: number, visit: TermVisitor): void {
  const withoutPossessive = word.replace(/['’][sS]$/, '');
  const parts = withoutPossessive.split(/[-'’]/);
  let partStart = start;
  for (const part of parts) {
    const term = termOf(part);
    if (term !== null) visit(term, partStart, partStart + part.length);
    partStart += part.length + 1;
  }
  if (withoutPossessive.includes('-') && parts.length <= 3 && parts.every((part) => /^\p{L}+$/u.test(part))) {
    const term = termOf(parts.join(''));
    if (term !== null) visit(term, start, start + word.length);
  }
}

/** The terms of `text` with their source spans. */
export function analyze(text: string): AnalyzedTerm[] {
  const terms: AnalyzedTerm[] = [];
  forEachTerm(text, (term, start, end) => terms.push({ term, start, end }));
  return terms;
}

/** The distinct terms of `text`, in first-seen order. */
export function distinctTerms(text: string): string[] {
  const seen = new Set<string>();
  forEachTerm(text, (term) => seen.add(term));
  return [...seen];
}

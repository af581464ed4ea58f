/**
 * Cuts a long turn down to the part that answers the query. The window of about
 * `maxChars` characters that covers the most query meaning wins (each distinct
 * query concept counts by its weight, repeats count a little), and is then laid
 * out so that most of the spare room follows the match: in speech the answer
 * tends to come right after the words that were asked about ("…the sponsor is
 * Jane Doe"). The cut starts at a sentence start when one is near and never
 * splits a word; `…` marks each side that was cut.
 */

import { analyze } from './analyze.js';

export interface SnippetTerm {
  /** Which query concept the term belongs to (synonyms share their word's concept). */
  concept: number;
  weight: number;
  /** A word of the kind of answer asked for (a number, a date): it counts only next to a query word. */
  answer?: boolean;
}

interface Match {
  start: number;
  end: number;
  concept: number;
  weight: number;
}

/** What the snippet looks words up in: the query's terms, and maybe words of the kind of answer asked for. */
export type SnippetTerms = Pick<ReadonlyMap<string, SnippetTerm>, 'get'>;

export const DEFAULT_SNIPPET_CHARS = 300;

/** Share of a repeated concept's weight that a window earns per extra occurrence. */
const REPEAT_CREDIT = 0.1;
/** Characters kept free after the matched span however many matches it could hold: the words completing the last match ("30% on their annual spend"). */
const ROOM_AFTER = 40;
/** An answer word counts when at most this many terms from a query word. */
const ANSWER_NEAR = 2;
/** Share of the spare room placed before the matched span. */
const CONTEXT_BEFORE = 1 / 3;

const SENTENCE_END = /[.?!…]["')\]]*\s+/g;

/** `text` itself when short enough, else the best window of it with `…` marks. */
export function cutSnippet(text: string, queryTerms: SnippetTerms, maxChars = DEFAULT_SNIPPET_CHARS): string {
  if (text.length <= maxChars) return text;
  const matches = findMatches(text, queryTerms);
  const [spanStart, spanEnd] = bestSpan(matches, Math.max(1, maxChars - ROOM_AFTER));

  const slack = maxChars - (spanEnd - spanStart);
  let start = Math.max(0, spanStart - Math.floor(slack * CONTEXT_BEFORE));
  start = Math.max(0, Math.min(start, text.length - maxChars));
  start = snapToSentenceStart(text, start, spanStart);
  let end = Math.min(text.length, start + maxChars);
  if (start > 0 && !/\s/.test(text[start - 1]!)) start = nextWordStart(text, start, spanStart);
  if (end < text.length && !/\s/.test(text[end]!)) end = previousWordEnd(text, end, spanEnd);

  const body = text.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

function findMatches(text: string, queryTerms: SnippetTerms): Match[] {
  const found: Array<Match & { at: number; answer: boolean }> = [];
  analyze(text).forEach(({ term, start, end }, at) => {
    const ref = queryTerms.get(term);
    // Two terms can come from one word ("9am" gives two); keep the word once.
    if (ref && found.at(-1)?.start !== start) found.push({ start, end, concept: ref.concept, weight: ref.weight, at, answer: ref.answer === true });
  });
  const asked = found.filter((match) => !match.answer).map((match) => match.at);
  return found.filter((match) => !match.answer || asked.some((at) => Math.abs(at - match.at) <= ANSWER_NEAR));
}

/** The [start, end) of the matches inside the best window; [0, 0) when nothing matched. */
function bestSpan(matches: readonly Match[], maxChars: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestScore = -1;
  for (let first = 0; first < matches.length; first++) {
    const seen = new Set<number>();
    let score = 0;
    let last = first;
    for (let i = first; i < matches.length && matches[i]!.end - matches[first]!.start <= maxChars; i++) {
      const match = matches[i]!;
      score += seen.has(match.concept) ? match.weight * REPEAT_CREDIT : match.weight;
      seen.add(match.concept);
      last = i;
    }
    if (score > bestScore) {
      bestScore = score;
      best = [matches[first]!.start, matches[last]!.end];
    }
  }
  return best;
}

/** The earliest sentence start in (from, limit], or `from` when there is none. */
function snapToSentenceStart(text: string, from: number, limit: number): number {
  if (from === 0) return 0;
  SENTENCE_END.lastIndex = from - 1;
  const found = SENTENCE_END.exec(text);
  const sentenceStart = found ? found.index + found[0].length : -1;
  return sentenceStart > from && sentenceStart <= limit ? sentenceStart : from;
}

function nextWordStart(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  return space === -1 ? from : from + space + 1;
}

function previousWordEnd(text: string, from: number, limit: number): number {
  const space = text.slice(limit, from).search(/\s\S*$/);
  return space === -1 ? from : limit + space;
}

/**
 * Reads a search query as concepts and weighs them against the transcripts the
 * caller may see. A concept is one word the user typed (all the terms one word
 * gives, e.g. `9:00am` and `9:00` for "9am") plus its everyday synonyms at a
 * lower weight. Statistics are taken over the visible segments only, so one
 * user's transcripts never shift the ranking of another's.
 */

import { analyze } from './analyze.js';
import { documentFrequency, type Segment } from './segment.js';
import { synonymsOf } from './synonyms.js';

export interface QueryTerm {
  term: string;
  /** 1 for what the user typed, less for a synonym. */
  weight: number;
}

export interface Concept {
  terms: QueryTerm[];
  /** The terms the user typed (no synonyms): only these are matched against speaker names. */
  typed: string[];
}

/** A synonym matches at this fraction of the typed word. */
const SYNONYM_WEIGHT = 0.5;
/**
 * A concept that names the turn's speaker earns this times the name's idf:
 * half of what one mention in an average-length turn earns (1.5 × idf).
 */
const SPEAKER_WEIGHT = 0.75;
/** Concepts are tracked as bits of a 32-bit integer. */
const MAX_CONCEPTS = 31;

/** The query's concepts in typed order; empty when it holds only stop words. */
export function readQuery(query: string): Concept[] {
  const termsByWord = new Map<string, string[]>();
  for (const { term, start, end } of analyze(query)) {
    const span = `${start}-${end}`;
    const terms = termsByWord.get(span) ?? [];
    if (!terms.includes(term)) terms.push(term);
    termsByWord.set(span, terms);
  }
  const typedAnywhere = new Set([...termsByWord.values()].flat());
  const concepts = new Map<string, Concept>();
  for (const typed of termsByWord.values()) {
    const key = typed.join(' ');
    if (concepts.has(key)) continue;
    const synonyms = [...new Set(typed.flatMap(synonymsOf))].filter((term) => !typedAnywhere.has(term));
    concepts.set(key, {
      typed,
      terms: [...typed.map((term) => ({ term, weight: 1 })), ...synonyms.map((term) => ({ term, weight: SYNONYM_WEIGHT }))],
    });
  }
  return [...concepts.values()].slice(0, MAX_CONCEPTS);
}

/** Collection statistics of the visible segments for the terms of one query. */
export interface QueryStats {
  averageLength: number;
  textIdf: ReadonlyMap<string, number>;
  /** What a turn earns when a typed term names its speaker. */
  speakerCredit: ReadonlyMap<string, number>;
  /** What each concept is worth: its best weighted idf, 0 when found nowhere. */
  conceptWeights: number[];
  totalWeight: number;
}

/** BM25's idf, floored at 0 for terms found nowhere. */
function idf(documents: number, frequency: number): number {
  return frequency === 0 ? 0 : Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

export function queryStats(segments: readonly Segment[], concepts: readonly Concept[]): QueryStats {
  let documents = 0;
  let totalTokens = 0;
  for (const segment of segments) {
    documents += segment.turns.length;
    totalTokens += segment.totalTokens;
  }
  const textIdf = new Map<string, number>();
  const speakerCredit = new Map<string, number>();
  for (const concept of concepts) {
    for (const { term } of concept.terms) {
      let frequency = 0;
      for (const segment of segments) frequency += documentFrequency(segment, term);
      textIdf.set(term, idf(documents, frequency));
    }
    for (const term of concept.typed) {
      let frequency = 0;
      for (const segment of segments) frequency += segment.speakerPostings.get(term)?.length ?? 0;
      // A name people rarely say aloud is still a precise pointer at who said it, so the rarer measure wins.
      const rarity = Math.max(idf(documents, frequency), textIdf.get(term) ?? 0);
      speakerCredit.set(term, frequency === 0 ? 0 : SPEAKER_WEIGHT * rarity);
    }
  }
  const conceptWeights = concepts.map((concept) =>
    Math.max(
      0,
      ...concept.terms.map(({ term, weight }) => weight * textIdf.get(term)!),
      ...concept.typed.map((term) => speakerCredit.get(term)!),
    ),
  );
  return {
    averageLength: Math.max(1, totalTokens / Math.max(1, documents)),
    textIdf,
    speakerCredit,
    conceptWeights,
    totalWeight: conceptWeights.reduce((sum, weight) => sum + weight, 0),
  };
}

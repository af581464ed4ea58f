/**
 * Ranked full-text search over the turns of many loaded transcripts at once.
 *
 * Each transcript is its own segment, so adding or removing one touches nothing
 * else, and a search restricted to some transcripts (one user's, or one
 * `transcript_id`) never reads the others: even term statistics come from the
 * visible transcripts only. Queries are plain words or questions; see
 * `query.ts` for how they are read and `rank.ts` for how turns are scored.
 */

import { InputError } from '../errors.js';
import type { Transcript } from '../transcript/types.js';
import { ANSWER_KINDS, type IntentKind } from './intent.js';
import {
  matchConcepts,
  NAME_FORM_SHARE,
  otherNameTurns,
  readQuery,
  queryStats,
  speakerTurnsOf,
  type AlternativeSource,
  type Concept,
  type Discount,
  type QueryStats,
  type SegmentMatches,
  type SpeakerTurns,
} from './query.js';
import { matchScore, rankTurns, ScoreScratch, type RankedTurn } from './rank.js';
import { buildSegment, normaliseName, type Segment } from './segment.js';
import { cutSnippet, type SnippetTerm, type SnippetTerms } from './snippet.js';

export interface SearchOptions {
  /** Only search these transcripts (per-user isolation, or one transcript). */
  transcriptIds?: ReadonlySet<string>;
  /** Only turns of this speaker: the full name or one whole word of it, any case ("Unknown" finds unattributed turns). */
  speaker?: string;
  /** Most hits to return; default 10. */
  limit?: number;
  /** Say why each hit ranked (`SearchHit.explanation`). */
  explain?: boolean;
}

/** One query concept a hit matched. */
export interface MatchedConcept {
  /** The query words, as typed ("went live"). */
  query: string;
  /** The terms of the turn that matched them (stemmed), or the speaker's name. */
  matched: string;
  via: AlternativeSource | 'speaker';
  /** Why the words count for less than their rarity says, when they do. */
  discount: Discount | null;
  score: number;
}

/** Why a hit ranked where it did: score = (sum of matched scores × √coverage + reply credit) × intent factor × proximity factor. */
export interface SearchExplanation {
  matched: MatchedConcept[];
  /** The share of the query's weight the turn matched. */
  coverage: number;
  /** What the turn earned as the reply to a turn asking about the query, or as a turn right after one raising it. */
  replyCredit: number;
  /** The kind of answer the query asks for and how well the turn carries one (0..1), or null for keywords. */
  intent: { kind: IntentKind; evidence: number; factor: number } | null;
  proximityFactor: number;
}

export interface SearchHit {
  transcriptId: string;
  turnIndex: number;
  startMs: number | null;
  endMs: number | null;
  speaker: string | null;
  /** The turn's text, cut to about 300 characters around the best match (with `…`) when longer. */
  text: string;
  /** Relevance; only comparable between hits of the same search. */
  score: number;
  /** Only when asked for. */
  explanation?: SearchExplanation;
}

export const DEFAULT_SEARCH_LIMIT = 10;

/** In a snippet, a word of the kind of answer asked for pulls the window this share of the strongest query word. */
const ANSWER_SNIPPET_SHARE = 0.5;

/** Turns of many transcripts, searchable together. */
export class TranscriptSearchIndex {
  private readonly segments = new Map<string, Segment>();
  private readonly scratch = new ScoreScratch();
  private nextOrder = 0;

  /** Indexes `transcript`'s turns, replacing an earlier transcript with the same id. */
  add(transcript: Transcript): void {
    this.segments.set(transcript.id, buildSegment(transcript, this.nextOrder++));
  }

  /** Forgets a transcript; false when it was not indexed. */
  remove(transcriptId: string): boolean {
    return this.segments.delete(transcriptId);
  }

  has(transcriptId: string): boolean {
    return this.segments.has(transcriptId);
  }

  /** Number of transcripts indexed. */
  get size(): number {
    return this.segments.size;
  }

  /**
   * The best-matching turns for `query`, best first. A query made only of stop
   * words ("what is it") matches nothing and returns no hits.
   * @throws InputError INVALID_ARGUMENT for a blank query or a limit that is not a whole number of at least 1.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    if (query.trim() === '') throw new InputError('INVALID_ARGUMENT', 'query must contain at least one word.');
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new InputError('INVALID_ARGUMENT', 'limit must be a whole number of at least 1.');

    const read = readQuery(query);
    const { concepts, intent, words } = read;
    const segments = this.visibleSegments(options.transcriptIds);
    if (concepts.length === 0 || segments.length === 0) return [];

    const matches = new Map(segments.map((segment) => [segment, matchConcepts(segment, concepts)]));
    const speakers = new Map(segments.map((segment) => [segment, speakerTurnsOf(segment, concepts, words)]));
    const stats = queryStats(segments, read, matches, speakers);
    const speakerKey = options.speaker === undefined ? null : normaliseName(options.speaker);
    const ranked = rankTurns(segments, { concepts, stats, matches, speakers, intent, speakerKey, limit }, this.scratch);
    const snippetTerms = snippetTermsOf(concepts, stats);
    return ranked.slice(0, limit).map((candidate) => {
      const { segment, turn, score } = candidate;
      const source = segment.turns[turn]!;
      const hit: SearchHit = {
        transcriptId: segment.transcriptId,
        turnIndex: source.index,
        startMs: source.startMs,
        endMs: source.endMs,
        speaker: source.speaker,
        text: cutSnippet(source.text, withAnswerTerms(snippetTerms, segment, intent, concepts.length, stats)),
        score: round(score),
      };
      if (options.explain) hit.explanation = explain(candidate, concepts, stats, matches.get(segment)!, speakers.get(segment)!, intent);
      return hit;
    });
  }

  private visibleSegments(transcriptIds: ReadonlySet<string> | undefined): Segment[] {
    if (transcriptIds === undefined) return [...this.segments.values()];
    const visible: Segment[] = [];
    for (const id of transcriptIds) {
      const segment = this.segments.get(id);
      if (segment) visible.push(segment);
    }
    // Insertion order, whatever the set's order, so equal scores always break the same way.
    return visible.sort((a, b) => a.order - b.order);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Query terms weighted for snippet cutting: rarer words pull the window harder. */
function snippetTermsOf(concepts: readonly Concept[], stats: QueryStats): Map<string, SnippetTerm> {
  const terms = new Map<string, SnippetTerm>();
  concepts.forEach((concept, c) => {
    concept.alternatives.forEach(({ terms: alternativeTerms }, a) => {
      const weight = stats.alternativeWeights[c]![a]!;
      for (const term of alternativeTerms) if (weight > 0 && !terms.has(term)) terms.set(term, { concept: c, weight });
    });
  });
  return terms;
}

/**
 * The query's snippet terms plus, when the query asks for a kind of answer
 * the index knows (a number, a date, a name), the turn's words of that kind,
 * as one more concept: "how much did they save" keeps the amount in view.
 */
function withAnswerTerms(terms: Map<string, SnippetTerm>, segment: Segment, intent: IntentKind | null, concept: number, stats: QueryStats): SnippetTerms {
  const kinds = intent === null ? 0 : ANSWER_KINDS[intent];
  if (kinds === 0) return terms;
  const answer: SnippetTerm = { concept, weight: ANSWER_SNIPPET_SHARE * Math.max(...stats.conceptWeights), answer: true };
  return {
    get: (term) => {
      const id = segment.termIds.get(term);
      return terms.get(term) ?? (id !== undefined && (segment.termKinds[id]! & kinds) !== 0 ? answer : undefined);
    },
  };
}

/** Where `turn` sits in `turns` (ascending), or -1. */
function positionIn(turns: Uint32Array, turn: number): number {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (turns[middle] === turn) return middle;
    if (turns[middle]! < turn) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Recomputes, for one hit, what each concept earned (its best alternative in the turn, or its speaker credit). */
function explain(
  candidate: RankedTurn,
  concepts: readonly Concept[],
  stats: QueryStats,
  matches: SegmentMatches,
  speakers: SpeakerTurns,
  intent: IntentKind | null,
): SearchExplanation {
  const { segment, turn } = candidate;
  const matched: MatchedConcept[] = [];
  let covered = 0;
  concepts.forEach((concept, c) => {
    let best: MatchedConcept | null = null;
    concept.alternatives.forEach((alternative, a) => {
      const posting = matches[c]![a];
      const at = posting === undefined ? -1 : positionIn(posting.turns, turn);
      if (at < 0 || stats.alternativeWeights[c]![a] === 0) return;
      const names = otherNameTurns(segment, concept, alternative);
      const nameForm = names !== undefined && positionIn(names, turn) >= 0;
      const score = matchScore(stats.alternativeWeights[c]![a]!, posting!.freqs[at]!, segment.turnLengths[turn]!, stats) * (nameForm ? NAME_FORM_SHARE : 1);
      if (best === null || score > best.score) {
        const discount = nameForm ? 'name form' : stats.discounts[c]!;
        best = { query: concept.label, matched: alternative.terms.join(' '), via: alternative.source, discount, score };
      }
    });
    const speakerScore = speakers[c]?.includes(turn) ? stats.speakerCredit[c]! : 0;
    if (best !== null) matched.push({ ...(best as MatchedConcept), score: round((best as MatchedConcept).score) });
    if (speakerScore > 0) matched.push({ query: concept.label, matched: segment.turns[turn]!.speaker ?? '', via: 'speaker', discount: null, score: round(speakerScore) });
    if (best !== null || speakerScore > 0) covered += stats.conceptWeights[c]!;
  });
  return {
    matched,
    coverage: round(covered / stats.totalWeight),
    replyCredit: round(candidate.replyCredit),
    intent: intent === null ? null : { kind: intent, evidence: candidate.intentEvidence, factor: round(candidate.intentFactor) },
    proximityFactor: round(candidate.proximityFactor),
  };
}

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
import { readQuery, queryStats, type Concept, type QueryStats } from './query.js';
import { rankTurns } from './rank.js';
import { buildSegment, normaliseName, type Segment } from './segment.js';
import { cutSnippet, type SnippetTerm } from './snippet.js';

export interface SearchOptions {
  /** Only search these transcripts (per-user isolation, or one transcript). */
  transcriptIds?: ReadonlySet<string>;
  /** Only turns of this speaker: the full name or one whole word of it, any case ("Unknown" finds unattributed turns). */
  speaker?: string;
  /** Most hits to return; default 10. */
  limit?: number;
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
}

export const DEFAULT_SEARCH_LIMIT = 10;

/** Turns of many transcripts, searchable together. */
export class TranscriptSearchIndex {
  private readonly segments = new Map<string, Segment>();
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

    const concepts = readQuery(query);
    const segments = this.visibleSegments(options.transcriptIds);
    if (concepts.length === 0 || segments.length === 0) return [];

    const stats = queryStats(segments, concepts);
    const speakerKey = options.speaker === undefined ? null : normaliseName(options.speaker);
    const ranked = rankTurns(segments, { concepts, stats, speakerKey, limit });
    const snippetTerms = snippetTermsOf(concepts, stats);
    return ranked.slice(0, limit).map(({ segment, turn, score }) => {
      const source = segment.turns[turn]!;
      return {
        transcriptId: segment.transcriptId,
        turnIndex: source.index,
        startMs: source.startMs,
        endMs: source.endMs,
        speaker: source.speaker,
        text: cutSnippet(source.text, snippetTerms),
        score: Math.round(score * 1000) / 1000,
      };
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

/** Query terms weighted for snippet cutting: rarer words pull the window harder. */
function snippetTermsOf(concepts: readonly Concept[], stats: QueryStats): Map<string, SnippetTerm> {
  const terms = new Map<string, SnippetTerm>();
  concepts.forEach((concept, c) => {
    for (const { term, weight } of concept.terms) {
      const termIdf = stats.textIdf.get(term)!;
      if (termIdf > 0 && !terms.has(term)) terms.set(term, { concept: c, weight: weight * termIdf });
    }
  });
  return terms;
}

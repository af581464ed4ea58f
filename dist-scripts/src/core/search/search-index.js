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
import { readQuery, queryStats } from './query.js';
import { rankTurns } from './rank.js';
import { buildSegment, normaliseName } from './segment.js';
import { cutSnippet } from './snippet.js';
export const DEFAULT_SEARCH_LIMIT = 10;
/** Turns of many transcripts, searchable together. */
export class TranscriptSearchIndex {
    segments = new Map();
    nextOrder = 0;
    /** Indexes `transcript`'s turns, replacing an earlier transcript with the same id. */
    add(transcript) {
        this.segments.set(transcript.id, buildSegment(transcript, this.nextOrder++));
    }
    /** Forgets a transcript; false when it was not indexed. */
    remove(transcriptId) {
        return this.segments.delete(transcriptId);
    }
    has(transcriptId) {
        return this.segments.has(transcriptId);
    }
    /** Number of transcripts indexed. */
    get size() {
        return this.segments.size;
    }
    /**
     * The best-matching turns for `query`, best first. A query made only of stop
     * words ("what is it") matches nothing and returns no hits.
     * @throws InputError INVALID_ARGUMENT for a blank query or a limit that is not a whole number of at least 1.
     */
    search(query, options = {}) {
        if (query.trim() === '')
            throw new InputError('INVALID_ARGUMENT', 'query must contain at least one word.');
        const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
        if (!Number.isInteger(limit) || limit < 1)
            throw new InputError('INVALID_ARGUMENT', 'limit must be a whole number of at least 1.');
        const concepts = readQuery(query);
        const segments = this.visibleSegments(options.transcriptIds);
        if (concepts.length === 0 || segments.length === 0)
            return [];
        const stats = queryStats(segments, concepts);
        const speakerKey = options.speaker === undefined ? null : normaliseName(options.speaker);
        const ranked = rankTurns(segments, { concepts, stats, speakerKey, limit });
        const snippetTerms = snippetTermsOf(concepts, stats);
        return ranked.slice(0, limit).map(({ segment, turn, score }) => {
            const source = segment.turns[turn];
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
    visibleSegments(transcriptIds) {
        if (transcriptIds === undefined)
            return [...this.segments.values()];
        const visible = [];
        for (const id of transcriptIds) {
            const segment = this.segments.get(id);
            if (segment)
                visible.push(segment);
        }
        return visible;
    }
}
/** Query terms weighted for snippet cutting: rarer words pull the window harder. */
function snippetTermsOf(concepts, stats) {
    const terms = new Map();
    concepts.forEach((concept, c) => {
        for (const { term, weight } of concept.terms) {
            const termIdf = stats.textIdf.get(term);
            if (termIdf > 0 && !terms.has(term))
                terms.set(term, { concept: c, weight: weight * termIdf });
        }
    });
    return terms;
}

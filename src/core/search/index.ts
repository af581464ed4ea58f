/**
 * The search module's public surface: one index over the turns of many
 * transcripts, ranked hits with snippets, and the analyser other modules may
 * reuse to match words the same way search does.
 */

export { TranscriptSearchIndex, DEFAULT_SEARCH_LIMIT, type SearchHit, type SearchOptions, type SearchExplanation, type MatchedConcept } from './search-index.js';
export { analyze, distinctTerms, type AnalyzedTerm } from './analyze.js';
export { DEFAULT_SNIPPET_CHARS } from './snippet.js';

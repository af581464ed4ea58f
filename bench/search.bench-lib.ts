/**
 * Search benchmark: 100 generated one-hour meetings (Zoom and Teams styles,
 * 2–6 speakers) parsed with `buildTranscript` and added to one
 * `TranscriptSearchIndex`, then ~200 varied queries: keywords, questions in
 * plain words, speaker filters, per-user subsets and words found nowhere.
 * Reports build time and heap, query latency percentiles, the time to index
 * one 10 MB transcript, and the same queries on MiniSearch (BM25+, same
 * analyser) as a baseline. The generator's small vocabulary makes every word
 * common, so posting lists are long: a pessimistic load.
 */

import MiniSearch from 'minisearch';
import { analyze } from '../src/core/search/analyze.js';
import { TranscriptSearchIndex, type SearchOptions } from '../src/core/search/search-index.js';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import type { Transcript } from '../src/core/transcript/types.js';
import { generateVtt } from './generate.js';

const MEETINGS = 100;
const HOUR_MS = 3_600_000;
const TEN_MB = 10 * 1024 * 1024;
const LOADED_AT = '1970-01-01T00:00:00.000Z';

const KEYWORDS = [
  'dashboard', 'renewal', 'onboarding', 'adoption', 'pipeline', 'license seats', 'budget', 'customer workflow',
  'integration', 'migration timeline', 'support ticket', 'pilot launch', 'training', 'data export', 'security review',
  'contract pricing', 'usage metrics', 'weekly sync', 'approval process', 'feedback', 'hours saved', 'cost savings',
  'revenue growth', 'goal', 'region quarter', 'admins', 'percent', 'thousand users', 'issue fixed', 'faster report',
];
const QUESTIONS = [
  'what slowed down the rollout?', 'who owns the migration timeline?', 'when is the renewal due?',
  'how many license seats do we need?', 'what is the budget for next quarter?', 'where are the admins based?',
  'which report shows usage metrics?', 'why did the pilot launch slip?', 'what did the customer say about pricing?',
  'how much time did the integration save?', 'what are the goals for adoption this year?', 'who approved the contract?',
  'what feedback came from the security review?', 'what is the plan for training new users?',
  'did the export fix improve the workflow?', 'what revenue growth did we see last month?',
];
const ABSENT = ['kubernetes', 'quarterly 9am standup', 'headcount freeze', 'GDPR deletion request', 'zebra'];

/** Deterministic query mix over the loaded meetings. */
function queryMix(transcripts: readonly Transcript[]): Array<{ query: string; options: SearchOptions }> {
  const mix: Array<{ query: string; options: SearchOptions }> = [];
  for (let i = 0; i < 200; i++) {
    const transcript = transcripts[(i * 37) % transcripts.length]!;
    const kind = i % 10;
    if (kind < 4) mix.push({ query: `${KEYWORDS[i % KEYWORDS.length]} ${KEYWORDS[(i * 7) % KEYWORDS.length]}`, options: {} });
    else if (kind < 7) mix.push({ query: QUESTIONS[i % QUESTIONS.length]!, options: {} });
    else if (kind === 7) {
      const speaker = transcript.speakers[i % transcript.speakers.length]!.name;
      mix.push({ query: KEYWORDS[i % KEYWORDS.length]!, options: { speaker } });
    } else if (kind === 8) {
      const ids = new Set(Array.from({ length: 5 }, (_, k) => transcripts[(i + k * 13) % transcripts.length]!.id));
      mix.push({ query: QUESTIONS[i % QUESTIONS.length]!, options: { transcriptIds: ids } });
    } else mix.push({ query: ABSENT[i % ABSENT.length]!, options: {} });
  }
  return mix;
}

function generateMeetings(): Transcript[] {
  return Array.from({ length: MEETINGS }, (_, i) =>
    buildTranscript({
      text: generateVtt(Number.POSITIVE_INFINITY, { durationMs: HOUR_MS, seed: i + 1, speakers: 2 + (i % 5), style: i % 2 ? 'teams' : 'zoom' }),
      id: `meeting-${i + 1}`,
      source: { kind: 'inline', name: null },
      loadedAt: LOADED_AT,
    }),
  );
}

function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) };
}

/** Runs per query; its latency is the median, so one descheduling on a busy machine does not count as a slow query. */
const RUNS_PER_QUERY = 5;

/** Latency of each query in ms (median of its runs), after one warm-up pass. */
function timeQueries<T>(queries: readonly T[], run: (query: T) => unknown): number[] {
  for (const query of queries) run(query);
  return queries.map((query) => {
    const runs = Array.from({ length: RUNS_PER_QUERY }, () => {
      const started = performance.now();
      run(query);
      return performance.now() - started;
    });
    return runs.sort((a, b) => a - b)[Math.floor(RUNS_PER_QUERY / 2)]!;
  });
}

function miniSearchBaseline(transcripts: readonly Transcript[], queries: ReturnType<typeof queryMix>): Record<string, number> {
  const started = performance.now();
  const mini = new MiniSearch<{ id: string; transcriptId: string; speaker: string; text: string }>({
    fields: ['text', 'speaker'],
    storeFields: ['transcriptId', 'speaker'],
    tokenize: (text) => analyze(text).map(({ term }) => term),
    processTerm: (term) => term,
  });
  for (const transcript of transcripts) {
    mini.addAll(transcript.turns.map((turn) => ({ id: `${transcript.id}#${turn.index}`, transcriptId: transcript.id, speaker: turn.speaker ?? '', text: turn.text })));
  }
  const buildMs = performance.now() - started;
  const latencies = timeQueries(queries, ({ query, options }) => {
    const ids = options.transcriptIds;
    return mini
      .search(query, { boost: { speaker: 0.5 }, filter: ids ? (result) => ids.has(result.transcriptId as string) : undefined })
      .slice(0, 10);
  });
  const { p50, p95, max } = percentiles(latencies);
  return { minisearch_build_ms: round(buildMs), minisearch_query_p50_ms: p50, minisearch_query_p95_ms: p95, minisearch_query_max_ms: max };
}

/** Keys: build, heap, query percentiles, 10 MB add time, and the MiniSearch baseline. */
export async function benchSearch(): Promise<Record<string, number | string>> {
  const transcripts = generateMeetings();
  const queries = queryMix(transcripts);

  const heapBefore = heapUsedMb();
  const index = new TranscriptSearchIndex();
  const buildStarted = performance.now();
  for (const transcript of transcripts) index.add(transcript);
  const buildMs = performance.now() - buildStarted;
  const heapIndexMb = heapUsedMb() - heapBefore;

  const latencies = timeQueries(queries, ({ query, options }) => index.search(query, options));
  const { p50, p95, max } = percentiles(latencies);

  const big = buildTranscript({ text: generateVtt(TEN_MB, { speakers: 6, seed: 7 }), id: 'big', source: { kind: 'inline', name: null }, loadedAt: LOADED_AT });
  let addBigMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    new TranscriptSearchIndex().add(big);
    addBigMs = Math.min(addBigMs, performance.now() - started);
  }

  return {
    meetings: MEETINGS,
    turns: transcripts.reduce((sum, transcript) => sum + transcript.turns.length, 0),
    words: transcripts.reduce((sum, transcript) => sum + transcript.wordCount, 0),
    queries: queries.length,
    runs_per_query: `median of ${RUNS_PER_QUERY}`,
    index_build_ms: round(buildMs),
    index_heap_mb: round(heapIndexMb),
    query_p50_ms: p50,
    query_p95_ms: p95,
    query_max_ms: max,
    add_10mb_ms: round(addBigMs),
    add_10mb_turns: big.turns.length,
    ...miniSearchBaseline(transcripts, queries),
  };
}

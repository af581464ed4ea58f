/**
 * `npm run eval:search`: how often search puts an answer in the top five.
 *
 *   node dist-tools/scripts/eval-search.js [--json] [--misses]
 *
 * Four sets, each indexed one meeting at a time (a user's client searches one
 * loaded call, or a few):
 * - `corpus`: the questions of the answer keys in ../shared/eval/corpus/;
 * - `own_keys`: the project's keys (test/fixtures/quest-gold.json, test/fixtures/eval/);
 * - `holdout_keys`: calls written after the rules, to measure them (test/fixtures/eval-holdout/);
 * - `shared_keys`: ../shared/eval/quest-gold.json and ../shared/eval/other-meetings/*.gold.json;
 * - `qmsum`: ../shared/eval/other-meetings/queries.json, where a query succeeds
 *   when one of its top five hits overlaps one of its gold spans (in ms).
 * A key question succeeds when a top-five hit's text contains one of its
 * answers, matched as `npm run eval` matches them. test/eval/search-floor.test.ts
 * holds the totals to test/eval/search-baseline.json.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TranscriptSearchIndex, type SearchHit } from '../src/core/search/search-index.js';
import { containsAny } from './eval-score.js';
import { discoverKeys, loadTranscript, SHARED_ROOT, type KeyEntry } from './eval-run.js';

export const SEARCH_SETS = ['corpus', 'own_keys', 'holdout_keys', 'shared_keys', 'qmsum'] as const;
export type SearchSet = (typeof SEARCH_SETS)[number];

/** How many of the top hits a question may be answered in. */
const TOP = 5;

export interface SearchMiss {
  /** The key or meeting the question belongs to. */
  source: string;
  query: string;
  /** The start of each top hit, for the report. */
  got: string[];
}

export interface SetScore {
  hit: number;
  total: number;
  misses: SearchMiss[];
}

export type SearchEvaluation = Record<SearchSet, SetScore>;

interface SpanQuery {
  meeting: string;
  query: string;
  spans_ms: Array<[number, number]>;
}

/** One meeting and the questions asked of it, each with its success test. */
interface Case {
  source: string;
  transcriptPath: string;
  questions: Array<{ query: string; answered: (hits: readonly SearchHit[]) => boolean }>;
}

/** A hit answers a key question when its text contains one of the answers, as `npm run eval` matches them. */
export function answersKeyQuestion(hits: readonly SearchHit[], answers: readonly string[]): boolean {
  return hits.some((hit) => containsAny(hit.text, answers));
}

/** A hit answers a QMSum query when its turn's time overlaps a gold span. */
export function overlapsSpan(hits: readonly SearchHit[], spans: ReadonlyArray<readonly [number, number]>): boolean {
  return hits.some(
    (hit) => hit.startMs !== null && hit.endMs !== null && spans.some(([start, end]) => hit.startMs! < end && hit.endMs! > start),
  );
}

function keyCases(entries: readonly KeyEntry[]): Case[] {
  return entries.map(({ name, key, transcriptPath }) => ({
    source: name,
    transcriptPath,
    questions: key.search.map(({ query, any }) => ({ query, answered: (hits: readonly SearchHit[]) => answersKeyQuestion(hits, any) })),
  }));
}

function qmsumCases(): Case[] {
  const folder = join(SHARED_ROOT, 'eval/other-meetings');
  const { queries } = JSON.parse(readFileSync(join(folder, 'queries.json'), 'utf8')) as { queries: SpanQuery[] };
  const meetings = [...new Set(queries.map((query) => query.meeting))];
  return meetings.map((meeting) => ({
    source: meeting,
    transcriptPath: join(folder, `${meeting}.vtt`),
    questions: queries
      .filter((query) => query.meeting === meeting)
      .map(({ query, spans_ms }) => ({ query, answered: (hits) => overlapsSpan(hits, spans_ms) })),
  }));
}

function scoreCases(cases: readonly Case[]): SetScore {
  const score: SetScore = { hit: 0, total: 0, misses: [] };
  for (const { source, transcriptPath, questions } of cases) {
    const index = new TranscriptSearchIndex();
    index.add(loadTranscript(transcriptPath));
    for (const { query, answered } of questions) {
      const hits = index.search(query, { limit: TOP });
      score.total++;
      if (answered(hits)) score.hit++;
      else score.misses.push({ source, query, got: hits.map((hit) => hit.text.slice(0, 90)) });
    }
  }
  return score;
}

/** Scores every set; the shared folder sits beside the repository, as in CI. */
export function evaluateSearch(): SearchEvaluation {
  const keyed = discoverKeys().filter((entry) => entry.key.search.length > 0);
  const sets: Record<SearchSet, Case[]> = {
    corpus: keyCases(keyed.filter((entry) => entry.set === 'corpus')),
    own_keys: keyCases(keyed.filter((entry) => entry.set === 'own')),
    holdout_keys: keyCases(keyed.filter((entry) => entry.folder === 'holdout')),
    shared_keys: keyCases(keyed.filter((entry) => entry.folder === 'quest' || entry.folder === 'negatives')),
    qmsum: qmsumCases(),
  };
  return Object.fromEntries(SEARCH_SETS.map((set) => [set, scoreCases(sets[set])])) as SearchEvaluation;
}

/** The search targets of issue 15: corpus questions >= 56 of 58, QMSum queries >= 95 %. */
export function searchTargetFailures(evaluation: SearchEvaluation): string[] {
  const failures: string[] = [];
  if (evaluation.corpus.hit < 56) failures.push(`search: corpus questions ${evaluation.corpus.hit}/${evaluation.corpus.total} < 56`);
  if (evaluation.qmsum.hit < 0.95 * evaluation.qmsum.total) failures.push(`search: QMSum queries ${evaluation.qmsum.hit}/${evaluation.qmsum.total} < 95 %`);
  if (evaluation.own_keys.hit < evaluation.own_keys.total) failures.push(`search: own keys ${evaluation.own_keys.hit}/${evaluation.own_keys.total}`);
  return failures;
}

export function formatSearchEvaluation(evaluation: SearchEvaluation, withMisses: boolean): string {
  const lines: string[] = [];
  for (const set of SEARCH_SETS) {
    const { hit, total, misses } = evaluation[set];
    lines.push(`${set.padEnd(12)} ${String(hit).padStart(3)}/${String(total).padEnd(3)} ${((100 * hit) / Math.max(1, total)).toFixed(1)} % in the top ${TOP}`);
    if (!withMisses) continue;
    for (const miss of misses) lines.push(`  - ${miss.source}: "${miss.query}"`, ...miss.got.map((text) => `      ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const evaluation = evaluateSearch();
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  else process.stdout.write(formatSearchEvaluation(evaluation, argv.includes('--misses')));
}

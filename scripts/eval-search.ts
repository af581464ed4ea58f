/**
 * `npm run eval:search`: how often search puts an answer in the top five.
 *
 *   node dist-tools/scripts/eval-search.js [--json] [--misses]
 *
 * Four sets, each indexed one meeting at a time (a user's client searches one
 * loaded call, or a few):
 * - `corpus`: the questions of the answer keys in ../shared/eval/corpus/;
 * - `own_keys`: the project's keys (test/fixtures/quest-gold.json, test/fixtures/eval/);
 * - `shared_keys`: ../shared/eval/quest-gold.json and ../shared/eval/other-meetings/*.gold.json;
 * - `qmsum`: ../shared/eval/other-meetings/queries.json, where a query succeeds
 *   when one of its top five hits overlaps one of its gold spans (in ms).
 * A key question succeeds when a top-five hit's text contains one of its
 * answers, matched as `npm run eval` matches them. test/eval/search-floor.test.ts
 * holds the totals to test/eval/search-baseline.json.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TranscriptSearchIndex, type SearchHit } from '../src/core/search/search-index.js';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import type { Transcript } from '../src/core/transcript/types.js';
import { normalise } from './eval-score.js';

export const SEARCH_SETS = ['corpus', 'own_keys', 'shared_keys', 'qmsum'] as const;
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

interface KeyQuestion {
  query: string;
  any: string[];
}

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

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function goldFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.gold.json')).sort().map((name) => join(folder, name)) : [];
}

/** A key names its transcript relative to its own folder, the repository or the shared folder. */
function transcriptOf(keyPath: string, transcript: string, root: string, shared: string): string {
  const candidates = [resolve(dirname(keyPath), transcript), resolve(root, transcript), resolve(shared, transcript)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Transcript ${transcript} of ${keyPath} not found.`);
  return found;
}

/** A hit answers a key question when its text contains one of the answers (case and spacing ignored). */
export function answersKeyQuestion(hits: readonly SearchHit[], answers: readonly string[]): boolean {
  return hits.some((hit) => answers.some((answer) => normalise(hit.text).includes(normalise(answer))));
}

/** A hit answers a QMSum query when its turn's time overlaps a gold span. */
export function overlapsSpan(hits: readonly SearchHit[], spans: ReadonlyArray<readonly [number, number]>): boolean {
  return hits.some(
    (hit) => hit.startMs !== null && hit.endMs !== null && spans.some(([start, end]) => hit.startMs! < end && hit.endMs! > start),
  );
}

function keyCases(keyPaths: readonly string[], root: string, shared: string): Case[] {
  return keyPaths.map((keyPath) => {
    const key = readJson<{ transcript: string; search?: KeyQuestion[] }>(keyPath);
    return {
      source: basename(keyPath),
      transcriptPath: transcriptOf(keyPath, key.transcript, root, shared),
      questions: (key.search ?? []).map(({ query, any }) => ({ query, answered: (hits) => answersKeyQuestion(hits, any) })),
    };
  });
}

function qmsumCases(shared: string): Case[] {
  const folder = join(shared, 'eval/other-meetings');
  const { queries } = readJson<{ queries: SpanQuery[] }>(join(folder, 'queries.json'));
  const meetings = [...new Set(queries.map((query) => query.meeting))];
  return meetings.map((meeting) => ({
    source: meeting,
    transcriptPath: join(folder, `${meeting}.vtt`),
    questions: queries
      .filter((query) => query.meeting === meeting)
      .map(({ query, spans_ms }) => ({ query, answered: (hits) => overlapsSpan(hits, spans_ms) })),
  }));
}

function loadTranscript(path: string): Transcript {
  return buildTranscript({
    text: readFileSync(path, 'utf8'),
    id: basename(path),
    source: { kind: 'file', name: basename(path) },
    loadedAt: new Date(0).toISOString(),
  });
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

/** Scores every set; `root` is the repository, with the shared folder beside it. */
export function evaluateSearch(root = process.cwd()): SearchEvaluation {
  const shared = resolve(root, '../shared');
  const fixtures = join(root, 'test/fixtures');
  const sets: Record<SearchSet, Case[]> = {
    corpus: keyCases(goldFiles(join(shared, 'eval/corpus')), root, shared),
    own_keys: keyCases([join(fixtures, 'quest-gold.json'), ...goldFiles(join(fixtures, 'eval'))], root, shared),
    shared_keys: keyCases([join(shared, 'eval/quest-gold.json'), ...goldFiles(join(shared, 'eval/other-meetings'))], root, shared),
    qmsum: qmsumCases(shared),
  };
  return Object.fromEntries(SEARCH_SETS.map((set) => [set, scoreCases(sets[set])])) as SearchEvaluation;
}

function printEvaluation(evaluation: SearchEvaluation, withMisses: boolean): void {
  for (const set of SEARCH_SETS) {
    const { hit, total, misses } = evaluation[set];
    process.stdout.write(`${set.padEnd(12)} ${String(hit).padStart(3)}/${String(total).padEnd(3)} ${((100 * hit) / Math.max(1, total)).toFixed(1)} % in the top ${TOP}\n`);
    if (!withMisses) continue;
    for (const miss of misses) {
      process.stdout.write(`  - ${miss.source}: "${miss.query}"\n${miss.got.map((text) => `      ${text}\n`).join('')}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const evaluation = evaluateSearch();
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  else printEvaluation(evaluation, argv.includes('--misses'));
}

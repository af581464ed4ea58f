/**
 * `npm run eval`: builds an offline snapshot for each answer key's transcript,
 * scores it (scripts/eval-score.ts) and prints a table, plus every miss.
 *
 *   node dist-scripts/scripts/eval.js [--json] [--strict] [key.json ...]
 *
 * Without keys it reads test/fixtures/quest-gold.json and
 * test/fixtures/eval/*.gold.json. `--strict` exits 1 when a key misses the
 * targets (fields and facts >= 95 %, search 5/5, grounded 1.0, invented 0).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import { TranscriptSearchIndex } from '../src/core/search/search-index.js';
import { buildSnapshot } from '../src/core/snapshot/build.js';
import { meetsTargets, scoreSnapshot, type AnswerKey, type EvalScore, type Recall } from './eval-score.js';

const DEFAULT_KEYS = ['test/fixtures/quest-gold.json'];
const EXTRA_KEY_DIR = 'test/fixtures/eval';

function defaultKeys(): string[] {
  const extra = existsSync(EXTRA_KEY_DIR)
    ? readdirSync(EXTRA_KEY_DIR).filter((name) => name.endsWith('.gold.json')).sort().map((name) => join(EXTRA_KEY_DIR, name))
    : [];
  return [...DEFAULT_KEYS, ...extra];
}

/** A key names its transcript relative to its own folder, the repo, or the shared folder; fall back to the fixtures. */
function resolveTranscriptPath(keyPath: string, transcript: string): string {
  const candidates = [
    resolve(dirname(keyPath), transcript),
    resolve(transcript),
    resolve(dirname(keyPath), basename(transcript)),
    resolve('test/fixtures', basename(transcript)),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Transcript ${transcript} of ${keyPath} not found (looked in ${candidates.join(', ')}).`);
  return found;
}

interface Row {
  key: string;
  score: EvalScore;
  /** Median warm build time. */
  buildMs: number;
}

function evaluate(keyPath: string): Row {
  const key = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKey;
  const transcriptPath = resolveTranscriptPath(keyPath, key.transcript);
  const transcript = buildTranscript({
    text: readFileSync(transcriptPath, 'utf8'),
    id: basename(transcriptPath),
    source: { kind: 'file', name: basename(transcriptPath) },
    loadedAt: new Date(0).toISOString(),
  });
  // Warm builds, as a long-running server sees them: the median of five after three warm-ups.
  for (let run = 0; run < 3; run++) buildSnapshot(transcript, { id: 'warm-up', now: new Date(0).toISOString() });
  const times: number[] = [];
  let snapshot = buildSnapshot(transcript, { id: 'eval', now: new Date(0).toISOString() });
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    snapshot = buildSnapshot(transcript, { id: 'eval', now: new Date(0).toISOString() });
    times.push(performance.now() - started);
  }
  const buildMs = times.sort((a, b) => a - b)[2]!;
  const index = new TranscriptSearchIndex();
  index.add(transcript);
  const score = scoreSnapshot(snapshot, key, (query) => index.search(query, { limit: 5 }).map((hit) => hit.text));
  return { key: basename(keyPath), score, buildMs };
}

const ratio = (part: Recall | undefined) => (part ? `${part.hit}/${part.total}` : '-');

function printRows(rows: readonly Row[]): void {
  const header = ['answer key', 'fields', 'facts', 'search', 'grounded', 'invented', 'build ms', 'targets'];
  const lines = rows.map((row) => [
    row.key,
    ratio(row.score.fields),
    ratio(row.score.facts),
    ratio(row.score.search),
    row.score.groundedRatio.toFixed(3),
    String(row.score.invented.length),
    row.buildMs.toFixed(1),
    meetsTargets(row.score) ? 'met' : 'MISSED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  process.stdout.write(`${format(header)}\n${format(widths.map((width) => '-'.repeat(width)))}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  for (const row of rows) {
    const misses = [
      ...row.score.fields.checks.filter((check) => !check.pass).map((check) => `field ${check.id}: got ${check.got}`),
      ...row.score.facts.checks.filter((check) => !check.pass).map((check) => `fact ${check.id} not found${check.got ? ` ${check.got}` : ''}`),
      ...(row.score.search?.checks ?? []).filter((check) => !check.pass).map((check) => `search "${check.id}": ${check.got}`),
    ];
    if (misses.length > 0) process.stdout.write(`\n${row.key} misses:\n${misses.map((miss) => `  - ${miss}`).join('\n')}\n`);
  }
}

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const strict = argv.includes('--strict');
  const keys = argv.filter((arg) => !arg.startsWith('--'));
  const rows = (keys.length > 0 ? keys : defaultKeys()).map(evaluate);
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else printRows(rows);
  return strict && !rows.every((row) => meetsTargets(row.score)) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

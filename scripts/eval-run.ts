/**
 * Finds every answer key, builds each key's offline snapshot once per mode and
 * scores it (scripts/eval-score.ts); reads and writes the recorded floor.
 * Shared by `npm run eval` and the CI floor test (test/eval/floors.test.ts) so
 * both measure the same way.
 *
 * Sets: the shared demo key (`<shared>/eval/quest-gold.json`), the shared
 * corpus (`<shared>/eval/corpus/*.gold.json`), the project's own keys
 * (test/fixtures/quest-gold.json, test/fixtures/eval/*.gold.json), the
 * held-out keys (test/fixtures/eval-holdout/: calls written after the rules,
 * to measure how they generalise; negatives there count with the negatives),
 * the probe calls (test/fixtures/eval-probes/: short calls that each set traps
 * for a few fields, keyed for those fields only) and the negatives (`<shared>/eval/other-meetings/`: its keys, and every meeting
 * there without a key, scored as a key with every field missing).
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TranscriptSearchIndex } from '../src/core/search/search-index.js';
import { buildSnapshot } from '../src/core/snapshot/build.js';
import type { FieldName, Snapshot, VendorProfile } from '../src/core/snapshot/types.js';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import type { Transcript } from '../src/core/transcript/types.js';
import { floorOf, scoreSnapshot, setTotals, type AnswerKey, type EvalScore, type Floor, type SetName, type SetTotals } from './eval-score.js';

const scriptsParent = resolve(import.meta.dirname, '..');
/** The repository, whether this runs from scripts/ (vitest) or dist-tools/scripts/ (`npm run eval`). */
export const REPO_ROOT = basename(scriptsParent) === 'dist-tools' ? dirname(scriptsParent) : scriptsParent;
/** Beside the repository, as in CI where a fresh clone has shared/ next to it. */
export const SHARED_ROOT = resolve(REPO_ROOT, '../shared');
export const BASELINE_PATH = join(REPO_ROOT, 'test/eval/baseline.json');

const TRANSCRIPT_FILE = /\.(?:vtt|srt|txt)$/;
const ALL_FIELDS: FieldName[] = [
  'company_name', 'industry', 'location', 'primary_contact', 'contact_position', 'contact_email', 'start_date', 'completion_date',
  'product_name', 'cost_savings', 'revenue_increase', 'roi_percentage', 'user_count', 'adoption_rate', 'efficiency_improvement',
];

export interface KeyEntry {
  set: SetName;
  /** The set of the folder the key lives in; a negative key of the held-out folder is still held out. */
  folder: SetName;
  /** The key's file name, or the meeting's for a negative without a key. */
  name: string;
  /** Absent for a negative without a key. */
  keyPath?: string;
  key: AnswerKey;
  transcriptPath: string;
}

/** `inferred`: the engine finds the sides alone; `vendorFromKey`: each key's `vendor` is passed as the build option. */
export type Mode = 'inferred' | 'vendorFromKey';
export const MODES: readonly Mode[] = ['inferred', 'vendorFromKey'];

const goldFiles = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.gold.json')).sort().map((name) => join(folder, name)) : [];

/** A key names its transcript relative to its own folder, the shared folder or the repo; fall back to the fixtures. */
function resolveTranscriptPath(keyPath: string, transcript: string): string {
  const candidates = [
    resolve(dirname(keyPath), transcript),
    resolve(SHARED_ROOT, transcript),
    resolve(REPO_ROOT, transcript),
    resolve(REPO_ROOT, 'test/fixtures', basename(transcript)),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Transcript ${transcript} of ${keyPath} not found (looked in ${candidates.join(', ')}).`);
  return found;
}

/** A key's set is where it lives, except that a key marked `negative` is always a negative. */
export function readKey(set: SetName, keyPath: string): KeyEntry {
  const key = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKey;
  return { set: key.negative ? 'negatives' : set, folder: set, name: basename(keyPath), keyPath: resolve(keyPath), key, transcriptPath: resolveTranscriptPath(keyPath, key.transcript) };
}

/** A meeting of other-meetings/ without a key: nothing may be filled. */
function negativeWithoutKey(transcriptPath: string): KeyEntry {
  const fields = Object.fromEntries(ALL_FIELDS.map((field) => [field, { missing: true }]));
  return { set: 'negatives', folder: 'negatives', name: basename(transcriptPath), key: { transcript: basename(transcriptPath), negative: true, fields, facts: [], search: [] }, transcriptPath };
}

/** Every key the eval knows, in a stable order. Throws when the shared folder is missing: CI has it beside the clone. */
export function discoverKeys(): KeyEntry[] {
  const evalDir = join(SHARED_ROOT, 'eval');
  if (!existsSync(evalDir)) throw new Error(`The shared eval folder ${evalDir} is missing; clone shared/ beside the repository.`);
  const others = join(evalDir, 'other-meetings');
  const keyed = new Set(goldFiles(others).map((keyPath) => readKey('negatives', keyPath).transcriptPath));
  const unkeyed = readdirSync(others)
    .filter((name) => TRANSCRIPT_FILE.test(name))
    .sort()
    .map((name) => join(others, name))
    .filter((path) => !keyed.has(path));
  return [
    readKey('quest', join(evalDir, 'quest-gold.json')),
    ...goldFiles(join(evalDir, 'corpus')).map((keyPath) => readKey('corpus', keyPath)),
    readKey('own', join(REPO_ROOT, 'test/fixtures/quest-gold.json')),
    ...goldFiles(join(REPO_ROOT, 'test/fixtures/eval')).map((keyPath) => readKey('own', keyPath)),
    ...goldFiles(join(REPO_ROOT, 'test/fixtures/eval-holdout')).map((keyPath) => readKey('holdout', keyPath)),
    ...goldFiles(join(REPO_ROOT, 'test/fixtures/eval-probes')).map((keyPath) => readKey('probes', keyPath)),
    ...goldFiles(others).map((keyPath) => readKey('negatives', keyPath)),
    ...unkeyed.map(negativeWithoutKey),
  ];
}

export function loadTranscript(path: string): Transcript {
  return buildTranscript({
    text: readFileSync(path, 'utf8'),
    id: basename(path),
    source: { kind: 'file', name: basename(path) },
    loadedAt: new Date(0).toISOString(),
  });
}

export interface KeyResult {
  entry: KeyEntry;
  scores: Partial<Record<Mode, EvalScore>>;
  /** One warm build without a vendor, when timed. */
  buildMs?: number;
}

export interface EvaluateOptions {
  modes: readonly Mode[];
  /** Build once more after a warm-up and time it (the script; the CI test builds once). */
  timed?: boolean;
}

/** Builds and scores one key in each mode; a key without a vendor scores the same both ways, so its snapshot is built once. */
export function evaluateKey(entry: KeyEntry, options: EvaluateOptions): KeyResult {
  const transcript = loadTranscript(entry.transcriptPath);
  const index = new TranscriptSearchIndex();
  index.add(transcript);
  const search = (query: string) => index.search(query, { limit: 5 }).map((hit) => hit.text);
  const build = (vendor?: VendorProfile): Snapshot => buildSnapshot(transcript, { id: 'eval', now: new Date(0).toISOString(), vendor });
  const result: KeyResult = { entry, scores: {} };
  let inferred: Snapshot | undefined;
  for (const mode of options.modes) {
    const vendor = mode === 'vendorFromKey' ? entry.key.vendor : undefined;
    const snapshot = vendor ? build(vendor) : (inferred ??= build());
    result.scores[mode] = scoreSnapshot(snapshot, entry.key, search);
  }
  if (options.timed) {
    // The builds above warmed the engine up; time one more, as a long-running server sees it.
    const started = performance.now();
    build();
    result.buildMs = performance.now() - started;
  }
  return result;
}

export type SetTotalsByMode = Partial<Record<Mode, Partial<Record<SetName, SetTotals>>>>;

export function totalsBySet(results: readonly KeyResult[], modes: readonly Mode[]): SetTotalsByMode {
  const sets = [...new Set(results.map((result) => result.entry.set))];
  return Object.fromEntries(
    modes.map((mode) => [
      mode,
      Object.fromEntries(sets.map((set) => [set, setTotals(results.filter((result) => result.entry.set === set).map((result) => result.scores[mode]!))])),
    ]),
  );
}

/**
 * test/eval/baseline.json: each mode's and set's floored totals. It may only
 * rise; `lowered` records why it last went down, when it did.
 */
export interface Baseline {
  about: string;
  floors: Partial<Record<Mode, Partial<Record<SetName, Floor>>>>;
  lowered?: { reason: string; totals: string[] };
}

export function readBaseline(): Baseline {
  return JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Baseline;
}

export function floorsOf(totals: SetTotalsByMode): Baseline['floors'] {
  return Object.fromEntries(
    Object.entries(totals).map(([mode, sets]) => [mode, Object.fromEntries(Object.entries(sets).map(([set, setTotal]) => [set, floorOf(setTotal)]))]),
  );
}

export function writeBaseline(baseline: Baseline): void {
  writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
}

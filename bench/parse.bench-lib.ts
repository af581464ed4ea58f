/**
 * Parse benchmark: our full pipeline (`buildTranscript`: spec rules, text
 * cleaning, speakers, turns, word count) and the bare `parseVtt` against two
 * WebVTT libraries that only split cues (`node-webvtt` non-strict,
 * `webvtt-parser`). Inputs: the example meeting and generated 10 MB
 * transcripts, Zoom-style (`Name: text`) and Teams-style (`<v Name>`), six
 * speakers. Warm runs, best of several batches; figures are MB/s of UTF-8
 * input and ours/baseline ratios (above 1 means we are faster).
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import { parseVtt } from '../src/core/transcript/parse-vtt.js';
import { generateVtt } from './generate.js';

interface NodeWebVtt {
  parse(input: string, options: { strict: boolean }): { cues: unknown[] };
}
interface WebVttParserModule {
  WebVTTParser: new () => { parse(input: string): { cues: unknown[] } };
}

const require = createRequire(import.meta.url);
const nodeWebVtt = require('node-webvtt') as NodeWebVtt;
const { WebVTTParser } = require('webvtt-parser') as WebVttParserModule;

const EXAMPLE_FIXTURE = 'test/fixtures/quest_enterprises_project_kickoff_transcript.vtt';
const TEN_MB = 10 * 1024 * 1024;
/** Each measurement times a batch of runs lasting at least this long, so small inputs are not lost in timer noise. */
const MIN_BATCH_MS = 25;
const WARMUP_MS = 300;
const MEASURED_BATCHES = 7;
/** A parser slower than this per run gets fewer batches, so the slow baseline does not take minutes. */
const SLOW_RUN_MS = 500;
const SLOW_BATCHES = 2;

type Parser = (text: string) => unknown;

/** The repository file at `relative`, found by walking up from this module (it runs from `bench/` or a build folder). */
function findRepositoryFile(relative: string): URL {
  let directory = new URL('./', import.meta.url);
  for (let level = 0; level < 5; level++) {
    const candidate = new URL(relative, directory);
    if (existsSync(candidate)) return candidate;
    directory = new URL('../', directory);
  }
  throw new Error(`Benchmark input not found: ${relative}`);
}

const PARSERS: ReadonlyArray<readonly [string, Parser]> = [
  ['ours_full', (text) => buildTranscript({ text, id: 'bench', source: { kind: 'inline', name: null }, loadedAt: '1970-01-01T00:00:00.000Z' })],
  ['ours_parse_vtt', (text) => parseVtt(text)],
  ['node_webvtt', (text) => nodeWebVtt.parse(text, { strict: false })],
  ['webvtt_parser', (text) => new WebVTTParser().parse(text)],
];

/** Warms a parser up (so the JIT has optimised it) and sizes its batch. */
function prepare(parse: Parser, text: string): { batch: number; batches: number } {
  let runs = 0;
  const started = performance.now();
  do {
    parse(text);
    runs++;
  } while (performance.now() - started < WARMUP_MS);
  const perRun = (performance.now() - started) / runs;
  return {
    batch: Math.max(1, Math.ceil(MIN_BATCH_MS / perRun)),
    batches: perRun > SLOW_RUN_MS ? SLOW_BATCHES : MEASURED_BATCHES,
  };
}

/**
 * Best time per run in ms for each parser. Batches are interleaved (one of
 * each parser per round) so background load on the machine hits all of them
 * alike. No forced `gc()` between batches: a forced collection ages compiled
 * code, so each batch would re-measure the JIT warming up rather than parsing.
 */
function bestTimesMs(text: string): Record<string, number> {
  const plans = PARSERS.map(([name, parse]) => ({ name, parse, ...prepare(parse, text), best: Number.POSITIVE_INFINITY }));
  const rounds = Math.max(...plans.map((plan) => plan.batches));
  for (let round = 0; round < rounds; round++) {
    for (const plan of plans) {
      if (round >= plan.batches) continue;
      const started = performance.now();
      for (let i = 0; i < plan.batch; i++) plan.parse(text);
      plan.best = Math.min(plan.best, (performance.now() - started) / plan.batch);
    }
  }
  return Object.fromEntries(plans.map((plan) => [plan.name, plan.best]));
}

function megabytesPerSecond(text: string, ms: number): number {
  const megabytes = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
  return Math.round((megabytes / (ms / 1000)) * 10) / 10;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Runs every parser on each input; keys are `<input>_<parser>_mb_s` and `<input>_ratio_vs_<baseline>`. */
export async function benchParse(): Promise<Record<string, number | string>> {
  const inputs: ReadonlyArray<readonly [string, string]> = [
    ['example', readFileSync(findRepositoryFile(EXAMPLE_FIXTURE), 'utf8')],
    ['zoom_10mb', generateVtt(TEN_MB, { speakers: 6, seed: 7 })],
    ['teams_10mb', generateVtt(TEN_MB, { speakers: 6, seed: 7, style: 'teams' })],
  ];
  const results: Record<string, number | string> = {
    method: `best of ${MEASURED_BATCHES} interleaved batches of at least ${MIN_BATCH_MS} ms (${SLOW_BATCHES} for runs over ${SLOW_RUN_MS} ms), after ${WARMUP_MS} ms of warm-up each`,
  };
  for (const [inputName, text] of inputs) {
    results[`${inputName}_bytes`] = Buffer.byteLength(text, 'utf8');
    const speed: Record<string, number> = {};
    for (const [parserName, ms] of Object.entries(bestTimesMs(text))) {
      speed[parserName] = megabytesPerSecond(text, ms);
      results[`${inputName}_${parserName}_mb_s`] = speed[parserName];
    }
    const ours = speed.ours_full as number;
    results[`${inputName}_ratio_vs_node_webvtt`] = round(ours / (speed.node_webvtt as number));
    results[`${inputName}_ratio_vs_webvtt_parser`] = round(ours / (speed.webvtt_parser as number));
  }
  return results;
}

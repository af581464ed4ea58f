/**
 * Parse benchmark: our full pipeline (`buildTranscript`: spec rules, text
 * cleaning, speakers, turns) and the bare `parseVtt` against two WebVTT
 * libraries that only split cues (`node-webvtt` non-strict, `webvtt-parser`).
 * Inputs: the example meeting and a generated 10 MB Zoom-style transcript
 * (plus a Teams-style one for voice tags). Warm runs, best of several.
 */

import { readFileSync } from 'node:fs';
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

const EXAMPLE_URL = new URL('../test/fixtures/quest_enterprises_project_kickoff_transcript.vtt', import.meta.url);
const TEN_MB = 10 * 1024 * 1024;
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 7;

type Parser = (text: string) => unknown;

const PARSERS: ReadonlyArray<readonly [string, Parser]> = [
  ['ours_full', (text) => buildTranscript({ text, id: 'bench', source: { kind: 'inline', name: null }, loadedAt: '1970-01-01T00:00:00.000Z' })],
  ['ours_parse_vtt', (text) => parseVtt(text)],
  ['node_webvtt', (text) => nodeWebVtt.parse(text, { strict: false })],
  ['webvtt_parser', (text) => new WebVTTParser().parse(text)],
];

/** Best wall time in ms over the measured runs, after warm-up runs. */
function bestTimeMs(parse: Parser, text: string): number {
  for (let i = 0; i < WARMUP_RUNS; i++) parse(text);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const started = performance.now();
    parse(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
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
    ['example', readFileSync(EXAMPLE_URL, 'utf8')],
    ['zoom_10mb', generateVtt(TEN_MB, { speakers: 6, seed: 7 })],
    ['teams_10mb', generateVtt(TEN_MB, { speakers: 6, seed: 7, style: 'teams' })],
  ];
  const results: Record<string, number | string> = {
    runs: `best of ${MEASURED_RUNS} after ${WARMUP_RUNS} warm-up`,
  };
  for (const [inputName, text] of inputs) {
    results[`${inputName}_bytes`] = Buffer.byteLength(text, 'utf8');
    const speed: Record<string, number> = {};
    for (const [parserName, parse] of PARSERS) {
      speed[parserName] = megabytesPerSecond(text, bestTimeMs(parse, text));
      results[`${inputName}_${parserName}_mb_s`] = speed[parserName];
    }
    const ours = speed.ours_full as number;
    results[`${inputName}_ratio_vs_node_webvtt`] = round(ours / (speed.node_webvtt as number));
    results[`${inputName}_ratio_vs_webvtt_parser`] = round(ours / (speed.webvtt_parser as number));
  }
  return results;
}

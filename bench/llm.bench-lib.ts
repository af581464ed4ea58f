/**
 * Language-model snapshot benchmarks, against the fake Anthropic API on
 * 127.0.0.1 with a fixed simulated latency per call, on the 68-minute example
 * and on a generated 4-hour meeting. Side by side with a model of the
 * original Python server's strategy: 14 sequential calls, each shown the
 * first 5,000 characters of the transcript. Figures: sequential rounds,
 * calls, input tokens (against the target of 1.5x the transcript's own
 * tokens plus a fixed overhead per call), the share of the transcript the
 * model saw, and wall time at equal latency (target: under a third of the
 * original's).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { extractRequest } from '../src/core/llm/index.js';
import { SECTIONS } from '../src/core/snapshot/index.js';
import { buildTranscript } from '../src/core/transcript/index.js';
import type { Transcript } from '../src/core/transcript/types.js';
import { DEFAULT_LLM_SETTINGS } from '../src/app/llm-settings.js';
import type { EngineSnapshotMetrics } from '../src/app/llm-snapshot.js';
import { generateSnapshotWithEngine } from '../src/app/snapshot-engine.js';
import { createSilentLogger } from '../src/logger.js';
import { startFakeAnthropic } from '../test/fakes/fake-anthropic.js';
import { generateVtt } from './generate.js';

const EXAMPLE = path.resolve('examples/quest_enterprises_project_kickoff_transcript.vtt');
const LATENCY_MS = 1_000;
const KEY = 'bench-key';
/** The original's model: 14 calls (one per section and field group), each seeing this prefix. */
const ORIGINAL_CALLS = 14;
const ORIGINAL_PREFIX_CHARS = 5_000;

interface Strategy {
  rounds: number;
  calls: number;
  inputTokens: number;
  seenShare: number;
  wallMs: number;
}

function loadTranscript(text: string, id: string): Transcript {
  return buildTranscript({ text, id, source: { kind: 'file', name: `${id}.vtt` }, loadedAt: new Date(0).toISOString() });
}

/** Tokens of one prompt without transcript text: what every call pays whatever the chunk. */
function overheadPerCall(): number {
  const request = extractRequest({ chunk: { index: 0, lines: [], turnIndexes: [], tokens: 0 }, chunkCount: 1, meetingDate: undefined, nonce: '0123456789abcdef' });
  return countTokens(request.system) + countTokens(request.user);
}

async function ours(transcript: Transcript): Promise<Strategy> {
  const server = await startFakeAnthropic({ apiKey: KEY, latencyMs: LATENCY_MS });
  try {
    const started = performance.now();
    const snapshot = await generateSnapshotWithEngine(transcript, {
      engine: 'anthropic',
      settings: { ...DEFAULT_LLM_SETTINGS, anthropicApiKey: KEY, anthropicBaseUrl: server.url, maxRetries: 0 },
      id: 'bench',
      now: new Date(0).toISOString(),
      logger: createSilentLogger(),
    });
    const wallMs = performance.now() - started;
    if (snapshot.engine !== 'anthropic') throw new Error(`the benchmark run fell back to ${snapshot.engine}`);
    const metrics = snapshot.metrics as EngineSnapshotMetrics;
    return { rounds: metrics.rounds, calls: metrics.llm_calls, inputTokens: metrics.input_tokens, seenShare: server.turnsSeen().size / transcript.turns.length, wallMs };
  } finally {
    await server.close();
  }
}

async function original(fileText: string): Promise<Strategy> {
  const server = await startFakeAnthropic({ apiKey: KEY, latencyMs: LATENCY_MS });
  try {
    const client = new Anthropic({ apiKey: KEY, baseURL: server.url, maxRetries: 0, logLevel: 'off', openTelemetry: false });
    const prefix = fileText.slice(0, ORIGINAL_PREFIX_CHARS);
    const started = performance.now();
    for (let call = 0; call < ORIGINAL_CALLS; call++) {
      const spec = SECTIONS[call % SECTIONS.length]!;
      await client.messages.create({
        model: 'original-strategy',
        max_tokens: 1024,
        system: 'You are an expert at writing customer success stories.',
        messages: [{ role: 'user', content: `Write the "${spec.title}" section: ${spec.description}\n\nTranscript:\n${prefix}` }],
      });
    }
    const wallMs = performance.now() - started;
    const inputTokens = server.requests.reduce((sum, request) => sum + request.inputTokens, 0);
    return { rounds: ORIGINAL_CALLS, calls: ORIGINAL_CALLS, inputTokens, seenShare: Math.min(1, ORIGINAL_PREFIX_CHARS / fileText.length), wallMs };
  } finally {
    await server.close();
  }
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

async function compare(label: string, fileText: string): Promise<Record<string, number | string>> {
  const transcript = loadTranscript(fileText, label);
  const transcriptTokens = countTokens(fileText);
  const mine = await ours(transcript);
  const theirs = await original(fileText);
  const budget = Math.round(1.5 * transcriptTokens + overheadPerCall() * mine.calls);
  const wallRatio = mine.wallMs / theirs.wallMs;
  const met = mine.rounds <= 3 && mine.seenShare === 1 && mine.inputTokens <= budget && wallRatio < 1 / 3;
  return {
    [`${label}: transcript tokens`]: transcriptTokens,
    [`${label}: rounds, ours / original`]: `${mine.rounds} / ${theirs.rounds}`,
    [`${label}: calls, ours / original`]: `${mine.calls} / ${theirs.calls}`,
    [`${label}: input tokens, ours / original`]: `${mine.inputTokens} / ${theirs.inputTokens}`,
    [`${label}: input token target (1.5x + overhead per call)`]: budget,
    [`${label}: transcript seen, ours / original`]: `${percent(mine.seenShare)} / ${percent(theirs.seenShare)}`,
    [`${label}: wall ms at ${LATENCY_MS} ms per call, ours / original`]: `${Math.round(mine.wallMs)} / ${Math.round(theirs.wallMs)}`,
    [`${label}: wall time ratio (target < 0.333)`]: Math.round(wallRatio * 1000) / 1000,
    [`${label}: targets met`]: met ? 'yes' : 'NO',
  };
}

export async function benchLlm(): Promise<Record<string, number | string>> {
  const example = readFileSync(EXAMPLE, 'utf8');
  const fourHours = generateVtt(Number.POSITIVE_INFINITY, { durationMs: 4 * 3_600_000, seed: 11 });
  return { ...(await compare('68-minute example', example)), ...(await compare('4-hour meeting', fourHours)) };
}

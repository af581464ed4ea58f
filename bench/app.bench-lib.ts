/**
 * Application benchmarks: what a user waits for. Loading a 10 MB transcript
 * through the workspace (time and peak RSS, in a fresh child process so the
 * memory figure is the load's own), the offline snapshot of the example warm
 * (p50/p95) and of a 10 MB transcript, and the CLI from cold start to a
 * written snapshot file.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTranscript } from '../src/core/transcript/build-transcript.js';
import { buildSnapshot } from '../src/core/snapshot/build.js';
import { generateVtt } from './generate.js';

const EXAMPLE = path.resolve('examples/quest_enterprises_project_kickoff_transcript.vtt');
const CLI = path.resolve('dist/cli/main.js');
const TEN_MB = 10 * 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs in the child: load one file through the real workspace, print time and peak RSS. */
export async function loadOnceInChild(file: string): Promise<void> {
  const { Workspace } = await import('../src/app/workspace.js');
  const { loadConfig } = await import('../src/config.js');
  const { createSilentLogger } = await import('../src/logger.js');
  const config = loadConfig({ TRANSCRIPT_ROOTS: path.dirname(file) }, path.dirname(file));
  const session = new Workspace({ config, logger: createSilentLogger() }).session('bench');
  const started = performance.now();
  const transcript = await session.loadTranscript({ path: file }, { roots: config.transcriptRoots });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024, turns: transcript.turns.length }));
}

export async function benchApp(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-app-'));
  try {
    const bigFile = path.join(dir, 'big.vtt');
    const big = generateVtt(TEN_MB - 1024, { seed: 7, speakers: 6 });
    writeFileSync(bigFile, big);

    const runner = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'load-child.js');
    const loads = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, [runner, bigFile], { encoding: 'utf8' })) as { ms: number; peak_rss_mb: number });
    const bestLoad = loads.sort((a, b) => a.ms - b.ms)[0]!;

    const example = buildTranscript({ text: readFileSync(EXAMPLE, 'utf8'), id: 'bench', source: { kind: 'file', name: 'example.vtt' }, loadedAt: new Date(0).toISOString() });
    const snapshotTimes: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const started = performance.now();
      buildSnapshot(example, { id: `s${i}`, now: new Date(0).toISOString() });
      if (i >= 5) snapshotTimes.push(performance.now() - started);
    }
    snapshotTimes.sort((a, b) => a - b);

    const bigTranscript = buildTranscript({ text: big, id: 'big', source: { kind: 'file', name: 'big.vtt' }, loadedAt: new Date(0).toISOString() });
    const bigStarted = performance.now();
    buildSnapshot(bigTranscript, { id: 'big', now: new Date(0).toISOString() });
    const bigSnapshotMs = performance.now() - bigStarted;

    const cliTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const out = path.join(dir, `snap-${i}.md`);
      const started = performance.now();
      execFileSync(process.execPath, [CLI, 'snapshot', EXAMPLE, '--out', out], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'error' } });
      cliTimes.push(performance.now() - started);
    }
    cliTimes.sort((a, b) => a - b);

    return {
      'load 10 MB: ms (best of 3, target < 1000)': round(bestLoad.ms),
      'load 10 MB: peak RSS MB (target < 300)': round(bestLoad.peak_rss_mb),
      'snapshot example warm: p50 ms (target < 200)': round(percentile(snapshotTimes, 50)),
      'snapshot example warm: p95 ms': round(percentile(snapshotTimes, 95)),
      'snapshot 10 MB transcript: ms (target < 5000)': round(bigSnapshotMs),
      'CLI cold start to written snapshot: median ms (target < 1500)': round(percentile(cliTimes, 50)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

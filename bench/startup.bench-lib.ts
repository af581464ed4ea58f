/**
 * Start-up benchmarks: whole processes, as a user or an MCP client starts
 * them, measured in the same run beside two baselines: bare `node -e 0`, and
 * a node-webvtt process parsing the same 10 MB file that `inspect` reads.
 * Rounds interleave the commands, so a busy machine slows all of them alike;
 * the figure is each command's median. Targets (issue 13): `--help` <= 3x
 * bare node, a cold `snapshot` <= 6x bare node, 10 MB `inspect` <= 2x the
 * node-webvtt process. The stdio server's time to answer `initialize` is
 * what Claude Desktop waits for at launch.
 */

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { generateVtt } from './generate.js';

const EXAMPLE = path.resolve('examples/quest_enterprises_project_kickoff_transcript.vtt');
const CLI = path.resolve('dist/cli/main.js');
const TEN_MB = 10 * 1024 * 1024;
const ROUNDS = 7;
const NODE_WEBVTT = createRequire(import.meta.url).resolve('node-webvtt');

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The CLI's environment: no keys, so `snapshot` runs the offline engine as a new user's would. */
const CLI_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'error' };

function timeProcess(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: CLI_ENV, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

/** From spawning `serve` (stdio) to the answer to `initialize` on its stdout. */
function timeInitialize(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'serve'], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('"id":1')) return;
      const ms = performance.now() - started;
      child.kill();
      resolve(ms);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before answering initialize`)));
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1.0.0' } } };
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
  });
}

export async function benchStartup(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  try {
    const bigFile = path.join(dir, 'big.vtt');
    writeFileSync(bigFile, generateVtt(TEN_MB - 1024, { seed: 7, speakers: 6 }));
    // A call of one cue: what a cold snapshot costs before the engine has anything to read (start-up, loading, configuration).
    const tinyFile = path.join(dir, 'tiny.vtt');
    writeFileSync(tinyFile, 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dana Ruiz>Thanks for joining, everyone.\n');
    const commands = {
      bareNode: ['-e', '0'],
      help: [CLI, '--help'],
      snapshot: [CLI, 'snapshot', EXAMPLE, '--format', 'json'],
      tinySnapshot: [CLI, 'snapshot', tinyFile, '--format', 'json'],
      inspect: [CLI, 'inspect', bigFile, '--json'],
      nodeWebvtt: ['-e', `require(${JSON.stringify(NODE_WEBVTT)}).parse(require('node:fs').readFileSync(${JSON.stringify(bigFile)}, 'utf8'), { strict: false })`],
    };
    type Command = keyof typeof commands;
    const names = Object.keys(commands) as Command[];
    const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Command, number[]>;
    const initializeTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of names) times[name].push(timeProcess(commands[name]));
      initializeTimes.push(await timeInitialize());
    }
    const ms = Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<Command, number>;
    return {
      [`bare node -e 0: median ms of ${ROUNDS}`]: round(ms.bareNode),
      'node-webvtt process, 10 MB file: ms': round(ms.nodeWebvtt),
      '--help: ms': round(ms.help),
      '--help: x bare node (target <= 3)': round(ms.help / ms.bareNode, 2),
      'snapshot of the example, cold: ms': round(ms.snapshot),
      'snapshot cold: x bare node (target <= 6)': round(ms.snapshot / ms.bareNode, 2),
      'snapshot of a one-cue call, cold (the fixed part): ms': round(ms.tinySnapshot),
      'inspect --json, 10 MB: ms': round(ms.inspect),
      'inspect 10 MB: x node-webvtt (target <= 2)': round(ms.inspect / ms.nodeWebvtt, 2),
      'stdio server, spawn to initialize answered: ms': round(median(initializeTimes)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

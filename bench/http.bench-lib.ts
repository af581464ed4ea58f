/**
 * HTTP benchmarks, loopback only. The server runs in a child process (so
 * its peak RSS is its own and the clients do not share its thread). Run 1:
 * 50 SDK clients, each its own principal, make 1,000 tool calls in all
 * (load, search, snapshot mixed) at once: errors, p50/p95 latency,
 * throughput, server peak RSS and CPU per call (the 50 clients share one
 * process and are usually the slower side). Run 2: one principal sends ten times its
 * per-minute limit as fast as it can while ten others work normally: how
 * many 429s it gets, and whether the others see any error.
 */

import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Workspace } from '../src/app/workspace.js';
import { loadConfig } from '../src/config.js';
import { createSilentLogger } from '../src/logger.js';
import { startHttpServer } from '../src/server/http/http-server.js';
import type { TokenEntry } from '../src/server/http/tokens.js';

const EXAMPLE = path.resolve('examples/quest_enterprises_project_kickoff_transcript.vtt');
const CLIENTS = 50;
const CALLS_PER_CLIENT = 20;
const QUERIES = ['project timeline', 'budget approval', 'who owns the rollout', 'training for the team', 'next steps', 'integration risks'];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function tokensFor(count: number, prefix: string): TokenEntry[] {
  return Array.from({ length: count }, (_, i) => ({ principal: `${prefix}${i}`, token: `${prefix}-bench-token-${i}-${'x'.repeat(16)}` }));
}

async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

interface Tally {
  latencies: number[];
  byTool: Map<string, number[]>;
  errors: number;
  /** The first few error texts, so a failing run says why. */
  errorSamples: string[];
}

function newTally(): Tally {
  return { latencies: [], byTool: new Map(), errors: 0, errorSamples: [] };
}

function record(tally: Tally, name: string, ms: number, error?: string): void {
  tally.latencies.push(ms);
  tally.byTool.set(name, [...(tally.byTool.get(name) ?? []), ms]);
  if (error === undefined) return;
  tally.errors += 1;
  if (tally.errorSamples.length < 3) tally.errorSamples.push(`${name}: ${error.slice(0, 160)}`);
}

async function timedCall(client: Client, name: string, args: Record<string, unknown>, tally: Tally): Promise<Record<string, unknown> | undefined> {
  const started = performance.now();
  try {
    const result = await client.callTool({ name, arguments: args });
    const text = result.isError ? JSON.stringify(result.content) : undefined;
    record(tally, name, performance.now() - started, text);
    return result.structuredContent as Record<string, unknown> | undefined;
  } catch (error) {
    record(tally, name, performance.now() - started, (error as Error).message);
    return undefined;
  }
}

/** One client's share of the mixed workload: a load, one snapshot halfway, searches otherwise. */
async function workload(client: Client, calls: number, tally: Tally): Promise<void> {
  const loaded = await timedCall(client, 'load_transcript', { path: EXAMPLE }, tally);
  const transcriptId = loaded?.['transcript_id'];
  for (let i = 1; i < calls; i += 1) {
    if (i === Math.floor(calls / 2)) await timedCall(client, 'generate_snapshot', { transcript_id: transcriptId, format: 'json' }, tally);
    else await timedCall(client, 'search_transcripts', { query: QUERIES[i % QUERIES.length], limit: 5 }, tally);
  }
}

function p95Of(tally: Tally, name: string): number {
  return percentile([...(tally.byTool.get(name) ?? [])].sort((a, b) => a - b), 95);
}

interface ChildSettings {
  tokens: TokenEntry[];
  ratePerMinute: number;
}

/**
 * The child's side: serve with the settings from BENCH_HTTP_SERVER, print
 * the URL, and on "stop" close gracefully and print the peak RSS.
 */
export async function serveForBench(): Promise<void> {
  const settings = JSON.parse(process.env['BENCH_HTTP_SERVER'] ?? '{}') as ChildSettings;
  const config = loadConfig({ TRANSCRIPT_ROOTS: path.dirname(EXAMPLE), MAX_TRANSCRIPTS: '1000', MAX_SNAPSHOTS: '1000' });
  const workspace = new Workspace({ config, logger: createSilentLogger() });
  const server = await startHttpServer(workspace, { port: 0, tokens: settings.tokens, ratePerMinute: settings.ratePerMinute });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  // A parent that dies closes stdin, which stops the child too.
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stop') break;
  }
  await server.close();
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  process.exit(0);
}

interface ChildUsage {
  peakRssMb: number;
  cpuMs: number;
}

/** Starts the server child; `stop()` resolves with its peak RSS and the CPU time it used. */
async function startServerChild(settings: ChildSettings): Promise<{ url: string; stop(): Promise<ChildUsage> }> {
  const script = `import(${JSON.stringify(import.meta.url)}).then((bench) => bench.serveForBench())`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BENCH_HTTP_SERVER: JSON.stringify(settings) }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the benchmark server exited early');
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  const { url } = (await next()) as { url: string };
  return {
    url,
    async stop() {
      child.stdin.write('stop\n');
      return (await next()) as unknown as ChildUsage;
    },
  };
}

interface MixedFigures {
  calls: number;
  errors: number;
  errorSamples: string;
  p50: number;
  p95: number;
  p95Search: number;
  p95Load: number;
  p95Snapshot: number;
  throughput: number;
  peakRssMb: number;
  serverCpuMsPerCall: number;
}

async function mixedLoad(): Promise<MixedFigures> {
  const tokens = tokensFor(CLIENTS, 'user');
  const server = await startServerChild({ tokens, ratePerMinute: 10_000 });
  const tally = newTally();
  const clients = await Promise.all(tokens.map((entry) => connect(server.url, entry.token)));
  const started = performance.now();
  await Promise.all(clients.map((client) => workload(client, CALLS_PER_CLIENT, tally)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  const usage = await server.stop();
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    calls: tally.latencies.length,
    errors: tally.errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p95Search: p95Of(tally, 'search_transcripts'),
    p95Load: p95Of(tally, 'load_transcript'),
    p95Snapshot: p95Of(tally, 'generate_snapshot'),
    errorSamples: tally.errorSamples.join(' | ') || 'none',
    throughput: tally.latencies.length / seconds,
    peakRssMb: usage.peakRssMb,
    serverCpuMsPerCall: usage.cpuMs / tally.latencies.length,
  };
}

interface NoisyFigures {
  noisyRequests: number;
  noisyLimited: number;
  noisyServed: number;
  quietCalls: number;
  quietErrors: number;
  quietErrorSamples: string;
  quietP95: number;
}

async function noisyNeighbour(): Promise<NoisyFigures> {
  const perMinute = 60;
  const noisyRequests = perMinute * 10;
  const [noisy, ...quietTokens] = tokensFor(11, 'team');
  const server = await startServerChild({ tokens: [noisy!, ...quietTokens], ratePerMinute: perMinute });
  const quietClients = await Promise.all(quietTokens.map((entry) => connect(server.url, entry.token)));
  const quiet = newTally();
  const statuses = new Map<number, number>();
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_transcripts', arguments: {} } });
  const flood = async () => {
    for (let i = 0; i < noisyRequests; i += 1) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${noisy!.token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body,
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all([flood(), ...quietClients.map((client) => workload(client, CALLS_PER_CLIENT, quiet))]);
  await Promise.all(quietClients.map((client) => client.close()));
  await server.stop();
  const sorted = [...quiet.latencies].sort((a, b) => a - b);
  return {
    noisyRequests,
    noisyLimited: statuses.get(429) ?? 0,
    noisyServed: statuses.get(200) ?? 0,
    quietCalls: quiet.latencies.length,
    quietErrors: quiet.errors,
    quietP95: percentile(sorted, 95),
    quietErrorSamples: quiet.errorSamples.join(' | ') || 'none',
  };
}

export async function benchHttp(): Promise<Record<string, number | string>> {
  const mixed = await mixedLoad();
  const noisy = await noisyNeighbour();
  return {
    [`${CLIENTS} clients: tool calls (${CLIENTS} loads, ${CLIENTS} snapshots, rest searches)`]: mixed.calls,
    [`${CLIENTS} clients: errors (target 0)`]: mixed.errors,
    [`${CLIENTS} clients: error samples`]: mixed.errorSamples,
    [`${CLIENTS} clients: p50 ms, all calls`]: round(mixed.p50),
    [`${CLIENTS} clients: p95 ms, all calls`]: round(mixed.p95),
    [`${CLIENTS} clients: p95 ms, search`]: round(mixed.p95Search),
    [`${CLIENTS} clients: p95 ms, load`]: round(mixed.p95Load),
    [`${CLIENTS} clients: p95 ms, snapshot`]: round(mixed.p95Snapshot),
    [`${CLIENTS} clients: calls/s`]: round(mixed.throughput),
    [`${CLIENTS} clients: server peak RSS MB`]: round(mixed.peakRssMb),
    [`${CLIENTS} clients: server CPU ms per call (incl. start-up)`]: round(mixed.serverCpuMsPerCall),
    'noisy principal at 10x its 60/min: requests sent': noisy.noisyRequests,
    'noisy principal: 429 answers': noisy.noisyLimited,
    'noisy principal: served': noisy.noisyServed,
    '10 other principals meanwhile: tool calls': noisy.quietCalls,
    '10 other principals: errors (target 0)': noisy.quietErrors,
    '10 other principals: error samples': noisy.quietErrorSamples,
    '10 other principals: p95 ms': round(noisy.quietP95),
  };
}

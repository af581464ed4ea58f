/**
 * Cancellation and progress against the built server, spawned as users run
 * it, with the Anthropic engine pointed at a fake on 127.0.0.1. A client that
 * cancels generate_snapshot while the model is answering (over stdio and over
 * Streamable HTTP) must see its call end, the model calls in flight must be
 * abandoned (the fake sees their connections close), no further calls may
 * start, no snapshot may be stored, and the server must keep answering. Over
 * stdio, a caller that passes a progress token hears the snapshot's progress.
 * Waits are on events (a request reaching the fake, a connection closing);
 * the only fixed wait is the short window that shows no further calls start.
 */

import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fakes/fake-anthropic.js';
import { QUEST_VTT } from '../support/harness.js';
import { CLI, serverEnv, spawnHttpServer } from '../support/spawn.js';

const API_KEY = 'sk-ant-api03-fake-key-for-cancellation-tests-0123';
/** Long enough that no model call answers on its own during a test. */
const MODEL_LATENCY_MS = 10 * 60_000;
/** How long to watch for calls that should never start. */
const SETTLE_MS = 1_500;
const CANCEL_REASON = 'the user pressed stop';
const TEST_TIMEOUT_MS = 60_000;

/** Small chunks and two calls at a time: the map round queues calls behind the first two, which a cancel must also stop. */
function modelEnv(fake: FakeAnthropicServer): Record<string, string> {
  return { ANTHROPIC_API_KEY: API_KEY, LLM_ANTHROPIC_BASE_URL: fake.url, LLM_CHUNK_TOKENS: '1000', LLM_MAX_CONCURRENCY: '2', LOG_LEVEL: 'warn' };
}

function structured<T>(result: Awaited<ReturnType<Client['callTool']>>): T {
  if (result.isError) throw new Error(`tool failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/**
 * Loads the example meeting, starts an Anthropic snapshot, cancels it once the
 * first model call reaches the fake, and checks that everything stopped and
 * nothing was stored; then that the server still makes a snapshot.
 */
async function cancelSnapshotWhileTheModelAnswers(client: Client, fake: FakeAnthropicServer, transcriptText: string): Promise<void> {
  const { transcript_id: transcriptId } = structured<{ transcript_id: string }>(await client.callTool({ name: 'load_transcript', arguments: { content: transcriptText } }));
  const cancel = new AbortController();
  const outcome = client
    .callTool({ name: 'generate_snapshot', arguments: { transcript_id: transcriptId, engine: 'anthropic' } }, { signal: cancel.signal })
    .then(
      () => 'completed',
      (error: unknown) => error,
    );
  await fake.until(() => fake.requests.length >= 1);
  cancel.abort(new Error(CANCEL_REASON));
  const error = await outcome;
  expect(error).toBeInstanceOf(Error);
  expect(String(error)).toContain(CANCEL_REASON);

  // Every call that reached the fake is abandoned by the server...
  await fake.until(() => fake.abandoned === fake.requests.length);
  const started = fake.requests.length;
  // ...and none starts afterwards, not even those that were queued.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  expect(fake.requests.length).toBe(started);
  expect(fake.abandoned).toBe(started);
  expect(started).toBeLessThanOrEqual(2);

  const listed = structured<{ snapshots: unknown[] }>(await client.callTool({ name: 'list_snapshots', arguments: {} }));
  expect(listed.snapshots).toEqual([]);

  const offline = structured<{ id: string; engine: string }>(await client.callTool({ name: 'generate_snapshot', arguments: { transcript_id: transcriptId, engine: 'offline' } }));
  expect(offline.engine).toBe('offline');
  const after = structured<{ snapshots: Array<{ snapshot_id: string }> }>(await client.callTool({ name: 'list_snapshots', arguments: {} }));
  expect(after.snapshots.map((s) => s.snapshot_id)).toEqual([offline.id]);
}

type Era = 'legacy' | 'auto';
/** The 2025 protocol most clients speak today, and 2026-07-28 (negotiated through `server/discover`). */
const ERAS: Array<[string, Era]> = [
  ['a 2025-era client', 'legacy'],
  ['a 2026-07-28 client', 'auto'],
];

const NEGOTIATED: Readonly<Record<Era, RegExp>> = { legacy: /^2025-/, auto: /^2026-07-28$/ };

function newClient(name: string, era: Era): Client {
  return new Client({ name, version: '1.0.0' }, { versionNegotiation: { mode: era } });
}

describe('cancelling and following a snapshot on the built server', () => {
  let transcriptText: string;
  let fake: FakeAnthropicServer | undefined;
  let client: Client | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    transcriptText = await readFile(QUEST_VTT, 'utf8');
  });
  afterEach(async () => {
    await client?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await fake?.close();
    client = undefined;
    child = undefined;
    fake = undefined;
  });

  async function overStdio(fakeOptions: Parameters<typeof startFakeAnthropic>[0], era: Era): Promise<{ client: Client; fake: FakeAnthropicServer }> {
    fake = await startFakeAnthropic({ apiKey: API_KEY, ...fakeOptions });
    client = newClient(`e2e-stdio-${era}`, era);
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'serve'], env: serverEnv(modelEnv(fake)) }));
    expect(client.getNegotiatedProtocolVersion()).toMatch(NEGOTIATED[era]);
    return { client, fake };
  }

  async function overHttp(fakeOptions: Parameters<typeof startFakeAnthropic>[0], era: Era): Promise<{ client: Client; fake: FakeAnthropicServer }> {
    fake = await startFakeAnthropic({ apiKey: API_KEY, ...fakeOptions });
    const server = await spawnHttpServer(modelEnv(fake));
    child = server.child;
    client = newClient(`e2e-http-${era}`, era);
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    expect(client.getNegotiatedProtocolVersion()).toMatch(NEGOTIATED[era]);
    return { client, fake };
  }

  describe.each(ERAS)('with %s', (_label, era) => {
    it(
      'over stdio: a cancel stops the model calls and stores nothing',
      async () => {
        const connected = await overStdio({ latencyMs: MODEL_LATENCY_MS }, era);
        await cancelSnapshotWhileTheModelAnswers(connected.client, connected.fake, transcriptText);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'over stdio: progress arrives, in order, up to its total',
      async () => {
        const connected = await overStdio({}, era);
        const { transcript_id: transcriptId } = structured<{ transcript_id: string }>(await connected.client.callTool({ name: 'load_transcript', arguments: { content: transcriptText } }));
        const progress: Array<{ progress: number; total?: number; message?: string }> = [];
        const snapshot = structured<{ engine: string }>(
          await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id: transcriptId, engine: 'anthropic' } }, { onprogress: (p) => progress.push(p) }),
        );
        expect(snapshot.engine).toBe('anthropic');
        expect(connected.fake.requests.length).toBeGreaterThan(2);
        expect(progress.length).toBeGreaterThanOrEqual(3);
        expect(progress[0]!.progress).toBe(1);
        for (const [i, p] of progress.entries()) {
          expect(p.message).toBeTruthy();
          expect(p.total).toBeGreaterThanOrEqual(p.progress);
          if (i > 0) expect(p.progress).toBeGreaterThan(progress[i - 1]!.progress);
        }
        const last = progress.at(-1)!;
        expect(last.progress).toBe(last.total);
      },
      TEST_TIMEOUT_MS,
    );

    // Over stateless HTTP a 2025-era cancel arrives as its own POST; the HTTP layer routes it to the call.
    it(
      'over Streamable HTTP: a cancel stops the model calls and stores nothing',
      async () => {
        const connected = await overHttp({ latencyMs: MODEL_LATENCY_MS }, era);
        await cancelSnapshotWhileTheModelAnswers(connected.client, connected.fake, transcriptText);
      },
      TEST_TIMEOUT_MS,
    );
  });
});

/**
 * ANTHROPIC_BASE_URL, which Anthropic's SDK and tools honour, is honoured by
 * the built CLI too; LLM_ANTHROPIC_BASE_URL wins when both are set. Each
 * variable points at its own fake API, so the requests show which one was used.
 * When the API fails, the CLI's log line says so (its logger loads late).
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fakes/fake-anthropic.js';
import { QUEST_VTT } from '../support/harness.js';
import { CLI, serverEnv } from '../support/spawn.js';

const run = promisify(execFile);
const API_KEY = 'sk-ant-api03-fake-key-for-base-url-tests-0123';

async function runSnapshot(env: Record<string, string>): Promise<{ snapshot: { engine: string }; stderr: string }> {
  const { stdout, stderr } = await run(process.execPath, [CLI, 'snapshot', QUEST_VTT, '--engine', 'anthropic', '--format', 'json'], {
    env: serverEnv({ ANTHROPIC_API_KEY: API_KEY, LLM_MAX_RETRIES: '0', LOG_LEVEL: 'warn', ...env }),
    maxBuffer: 20 * 1024 * 1024,
  });
  return { snapshot: JSON.parse(stdout) as { engine: string }, stderr };
}

async function snapshotWith(env: Record<string, string>): Promise<{ engine: string }> {
  return (await runSnapshot(env)).snapshot;
}

describe('the Anthropic endpoint', () => {
  let shared: FakeAnthropicServer;
  let own: FakeAnthropicServer;
  beforeAll(async () => {
    [shared, own] = await Promise.all([startFakeAnthropic({ apiKey: API_KEY }), startFakeAnthropic({ apiKey: API_KEY })]);
  });
  afterAll(async () => {
    await Promise.all([shared.close(), own.close()]);
  });

  it('is ANTHROPIC_BASE_URL when only that is set', async () => {
    const before = shared.requests.length;
    const snapshot = await snapshotWith({ ANTHROPIC_BASE_URL: shared.url });
    expect(snapshot.engine).toBe('anthropic');
    expect(shared.requests.length).toBeGreaterThan(before);
  });

  it('is LLM_ANTHROPIC_BASE_URL when both are set', async () => {
    const sharedBefore = shared.requests.length;
    const snapshot = await snapshotWith({ ANTHROPIC_BASE_URL: shared.url, LLM_ANTHROPIC_BASE_URL: own.url });
    expect(snapshot.engine).toBe('anthropic');
    expect(own.requests.length).toBeGreaterThan(0);
    expect(shared.requests.length).toBe(sharedBefore);
  });

  it('when it fails, the CLI falls back to the offline engine and says so on stderr, without the key', async () => {
    const failing = await startFakeAnthropic({ apiKey: API_KEY, fault: { kind: 'status', status: 500 } });
    try {
      const { snapshot, stderr } = await runSnapshot({ ANTHROPIC_BASE_URL: failing.url });
      expect(snapshot.engine).toBe('offline');
      const fallback = stderr.split('\n').find((line) => line.includes('"event":"llm_snapshot_fallback"'));
      expect(fallback && JSON.parse(fallback)).toMatchObject({ level: 40, engine: 'anthropic', service: 'mcp-snapshot-server' });
      expect(stderr).not.toContain(API_KEY);
    } finally {
      await failing.close();
    }
  });
});

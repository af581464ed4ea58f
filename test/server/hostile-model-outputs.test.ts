/**
 * The hostile model-output corpus through the real `generate_snapshot` tool
 * with the Anthropic engine against the fake Messages API: each answer ends
 * either in the offline snapshot with the coded issue, or in a snapshot whose
 * verification removed what the answer smuggled in. Nothing it smuggled
 * appears in the snapshot, its Markdown or its HTML, no live markup survives,
 * the key never shows, and the server keeps serving.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { createSilentLogger } from '../../src/logger.js';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fakes/fake-anthropic.js';
import { HOSTILE_MODEL_CASES, HOSTILE_MODEL_TRANSCRIPT } from '../hostile/model-output-cases.js';
import { callOk, connect, testConfig, textOf, type Connected } from '../support/harness.js';

const CANARY_KEY = 'sk-ant-api03-hostile-output-canary-0123456789';

describe('hostile model outputs through generate_snapshot', () => {
  let anthropic: FakeAnthropicServer;
  let connected: Connected;
  let transcriptId: string;

  beforeAll(async () => {
    anthropic = await startFakeAnthropic({ apiKey: CANARY_KEY });
    const config = testConfig({ ANTHROPIC_API_KEY: CANARY_KEY, LLM_ANTHROPIC_BASE_URL: anthropic.url, LLM_MAX_RETRIES: '0' });
    connected = await connect({ workspace: new Workspace({ config, logger: createSilentLogger() }) });
    ({ transcript_id: transcriptId } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: HOSTILE_MODEL_TRANSCRIPT }));
  });
  afterAll(async () => {
    await connected?.close();
    await anthropic?.close();
  });

  /** The snapshot as JSON, Markdown (the tool's text) and the HTML report. */
  async function generate(): Promise<{ snapshot: Snapshot; renderings: string[] }> {
    const result = await connected.client.callTool({ name: 'generate_snapshot', arguments: { transcript_id: transcriptId, engine: 'anthropic' } });
    expect(result.isError, textOf(result as never)).toBeFalsy();
    const snapshot = result.structuredContent as unknown as Snapshot;
    const html = await connected.client.callTool({ name: 'get_snapshot', arguments: { snapshot_id: snapshot.id, format: 'html' } });
    return { snapshot, renderings: [JSON.stringify(snapshot), textOf(result as never), textOf(html as never)] };
  }

  it('has at least 10 cases', () => {
    expect(HOSTILE_MODEL_CASES.length).toBeGreaterThanOrEqual(10);
  });

  for (const testCase of HOSTILE_MODEL_CASES) {
    it(testCase.name, async () => {
      anthropic.options.answer = testCase.answer;
      const before = anthropic.requests.length;
      const { snapshot, renderings } = await generate();
      expect(anthropic.requests.length, 'the model was asked').toBeGreaterThan(before);
      const codes = snapshot.validation.issues.map((issue) => issue.code);
      if ('fallback' in testCase.expected) {
        expect(snapshot.engine).toBe('offline');
        expect(codes).toContain(testCase.expected.fallback);
      } else {
        expect(snapshot.engine).toBe(testCase.expected.engine);
        expect(codes).toContain(testCase.expected.issue);
      }
      for (const text of renderings) {
        for (const smuggled of testCase.absent) expect(text, smuggled).not.toContain(smuggled);
        for (const kept of testCase.present ?? []) expect(text, kept).toContain(kept);
        expect(text).not.toMatch(/<script/i);
        expect(text).not.toContain(CANARY_KEY);
        expect(text).not.toMatch(/\n\s+at /);
      }
    });
  }

  // Also the baseline: the honest answer loses nothing, so the drops above are the hostile answers'.
  it('still writes with the model, dropping nothing, once it answers honestly', async () => {
    anthropic.options.answer = undefined;
    const { snapshot } = await generate();
    expect(snapshot.engine).toBe('anthropic');
    const codes = snapshot.validation.issues.map((issue) => issue.code);
    for (const code of ['LLM_BAD_OUTPUT', 'LLM_CLAIMS_DROPPED', 'LLM_EVIDENCE_DROPPED']) expect(codes).not.toContain(code);
  });
});

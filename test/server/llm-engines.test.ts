/**
 * The language-model engines through the MCP tool: the client's own model by
 * sampling (a real SDK Client answering sampling requests), the Anthropic
 * engine against the fake Messages API on 127.0.0.1, and the fallback to the
 * offline engine with a coded issue when the model fails.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/app/workspace.js';
import type { Snapshot } from '../../src/core/snapshot/types.js';
import { createSilentLogger } from '../../src/logger.js';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fakes/fake-anthropic.js';
import { answerPrompt } from '../fakes/fake-model.js';
import { callOk, connect, testConfig, type Connected } from '../support/harness.js';

const CALL =
  'Priya Nair (Customer): I run customer operations at Larkspur Dental Group, forty clinics across Colorado.\n' +
  'Tom Reyes (Vendor): How has the scheduling assistant done since the March launch?\n' +
  'Priya Nair (Customer): No-shows fell by 18 percent and the front desks save about 12 hours a week.\n' +
  'Tom Reyes (Vendor): Which dashboard do you track that on?\n' +
  'Priya Nair (Customer): The utilisation dashboard, every Monday with the regional managers.\n';

const CANARY_KEY = 'sk-ant-api03-canary-key-never-shown-0123456789';

describe('language-model engines through generate_snapshot', () => {
  let connected: Connected | undefined;
  let anthropic: FakeAnthropicServer | undefined;
  afterEach(async () => {
    await connected?.close();
    await anthropic?.close();
    connected = undefined;
    anthropic = undefined;
  });

  it('writes with the client’s own model through sampling', async () => {
    let samplingRequests = 0;
    connected = await connect({ clientOptions: { capabilities: { sampling: {} } } });
    connected.client.setRequestHandler('sampling/createMessage', async (request) => {
      samplingRequests += 1;
      const message = request.params.messages[0]!;
      const text = (message.content as { text: string }).text;
      return { role: 'assistant', model: 'client-model', content: { type: 'text', text: answerPrompt(text) } };
    });
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, engine: 'sampling' });
    expect(snapshot.engine).toBe('sampling');
    expect(samplingRequests).toBeGreaterThan(0);
    expect(snapshot.metrics.llm_calls).toBe(samplingRequests);
    expect(snapshot.validation.grounded_ratio).toBe(1);
    expect(snapshot.sections).toHaveLength(11);
  });

  it('falls back to offline, saying why, when the client offers no sampling', async () => {
    connected = await connect();
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id, engine: 'sampling' });
    expect(snapshot.engine).toBe('offline');
    expect(snapshot.validation.issues.map((i) => i.code)).toContain('LLM_NOT_CONFIGURED');
  });

  it('uses Anthropic when a key is set, and falls back with LLM_AUTH_FAILED on a bad key, never showing the key', async () => {
    anthropic = await startFakeAnthropic({ apiKey: CANARY_KEY });
    const config = testConfig({ ANTHROPIC_API_KEY: CANARY_KEY, LLM_ANTHROPIC_BASE_URL: anthropic.url, LLM_MAX_RETRIES: '0' });
    connected = await connect({ workspace: new Workspace({ config, logger: createSilentLogger() }) });
    const { transcript_id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const snapshot = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id });
    expect(snapshot.engine).toBe('anthropic');
    expect(anthropic.requests.length).toBe(snapshot.metrics.llm_calls);
    expect(snapshot.metrics.input_tokens).toBeGreaterThan(0);
    expect(JSON.stringify(snapshot)).not.toContain(CANARY_KEY);

    await connected.close();
    const wrongKey = testConfig({ ANTHROPIC_API_KEY: 'sk-ant-api03-wrong-key-0123456789abcdef', LLM_ANTHROPIC_BASE_URL: anthropic.url, LLM_MAX_RETRIES: '0' });
    connected = await connect({ workspace: new Workspace({ config: wrongKey, logger: createSilentLogger() }) });
    const again = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: CALL });
    const fallback = await callOk<Snapshot>(connected.client, 'generate_snapshot', { transcript_id: again.transcript_id });
    expect(fallback.engine).toBe('offline');
    expect(fallback.validation.issues.map((i) => i.code)).toContain('LLM_AUTH_FAILED');
    expect(JSON.stringify(fallback)).not.toContain('wrong-key');
  });
});

/**
 * One contract for the three model adapters, each against its fake: the
 * Anthropic SDK and the OpenAI SDK pointed at fake servers on 127.0.0.1, and
 * the sampling adapter with an injected `createMessage` answering like the
 * client's model would.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { answerPrompt } from '../../../test/fakes/fake-model.js';
import { startFakeAnthropic } from '../../../test/fakes/fake-anthropic.js';
import { startFakeOpenAi } from '../../../test/fakes/fake-openai.js';
import type { Fault, FakeProviderServer } from '../../../test/fakes/fake-server.js';
import { shortCall } from '../../../test/fakes/transcripts.js';
import { LlmUnavailableError, type LlmErrorCode } from '../../core/errors.js';
import { extractRequest, planChunks, prepareTranscript, type ModelRequest } from '../../core/llm/index.js';
import { createSilentLogger } from '../../logger.js';
import { createAnthropicClient } from './anthropic.js';
import { createSamplingClient, type SamplingRequestParams } from './mcp-sampling.js';
import { createOpenAiCompatibleClient } from './openai-compatible.js';
import type { LlmClient } from './port.js';
import { loadTokenCounter } from './tokenizer.js';

const KEY = 'sk-test-key';
const countTokens = await loadTokenCounter();
const request: ModelRequest = extractRequest({ chunk: planChunks(prepareTranscript(shortCall()).turns, countTokens).chunks[0]!, chunkCount: 1, meetingDate: undefined, nonce: 'n1' });

interface Setup {
  client: LlmClient;
  /** Requests that reached the model (HTTP attempts, retries included). */
  attempts(): number;
  /** What the last request asked for as its answer format, as the provider saw it. */
  formatSent(): unknown;
  close(): Promise<void>;
}

function httpSetup(server: FakeProviderServer, client: LlmClient, format: (body: Record<string, unknown>) => unknown): Setup {
  return { client, attempts: () => server.requests.length, formatSent: () => format(server.requests.at(-1)!.body), close: () => server.close() };
}

/** The client's model, as a sampling handler would run it: faults become what a client would do. */
function samplingSetup(faults: Fault[]): Setup {
  let attempts = 0;
  let lastParams: SamplingRequestParams | undefined;
  const createMessage = async (params: SamplingRequestParams, { signal }: { signal: AbortSignal }) => {
    attempts++;
    lastParams = params;
    const fault = faults.shift();
    if (fault?.kind === 'slow') await new Promise((resolve, reject) => { setTimeout(resolve, fault.delayMs); signal.addEventListener('abort', () => reject(signal.reason)); });
    if (fault?.kind === 'status') throw new Error(`MCP error -32603: client failed (${fault.status})`);
    const text = fault?.kind === 'malformed' ? 'Here you go, in prose.' : answerPrompt(params.messages[0]!.content.text);
    return { model: 'client-model-1', role: 'assistant', stopReason: fault?.kind === 'truncated' ? 'maxTokens' : 'endTurn', content: { type: 'text', text } };
  };
  return {
    client: createSamplingClient({ createMessage, countTokens }),
    attempts: () => attempts,
    formatSent: () => (lastParams?.messages[0]?.content.text.match(/valid against this JSON Schema:\n(.*)$/s)?.[1] ? 'json_schema' : null),
    close: async () => undefined,
  };
}

const adapters: Array<{ name: string; rateLimitedCode: LlmErrorCode; setup(faults: Fault[], maxRetries: number): Promise<Setup> }> = [
  {
    name: 'anthropic',
    rateLimitedCode: 'LLM_RATE_LIMITED',
    async setup(faults, maxRetries) {
      const server = await startFakeAnthropic({ apiKey: KEY, faults });
      const client = createAnthropicClient({ apiKey: KEY, baseUrl: server.url, maxRetries, timeoutMs: 10_000, logger: createSilentLogger() });
      return httpSetup(server, client, (body) => (body.output_config as { format: { type: string } }).format.type);
    },
  },
  {
    name: 'openai',
    rateLimitedCode: 'LLM_RATE_LIMITED',
    async setup(faults, maxRetries) {
      const server = await startFakeOpenAi({ apiKey: KEY, faults });
      const client = createOpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, apiKey: KEY, model: 'fake-model', maxRetries, timeoutMs: 10_000, logger: createSilentLogger(), countTokens });
      return httpSetup(server, client, (body) => (body.response_format as { type: string }).type);
    },
  },
  { name: 'sampling', rateLimitedCode: 'LLM_UNAVAILABLE', setup: async (faults) => samplingSetup(faults) },
];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LlmUnavailableError);
  return (error as LlmUnavailableError).code;
}

describe.each(adapters)('$name adapter', (adapter) => {
  let open: Setup | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });
  const setup = async (faults: Fault[] = [], maxRetries = 0) => (open = await adapter.setup(faults, maxRetries));

  it('asks for structured JSON and returns the answer with its token usage', async () => {
    const { client, formatSent } = await setup();
    const completion = await client.complete(request, { signal: new AbortController().signal });
    expect(JSON.parse(completion.text).facts.length).toBeGreaterThan(0);
    expect(completion.inputTokens).toBeGreaterThan(countTokens(request.user) * 0.9);
    expect(completion.outputTokens).toBeGreaterThan(0);
    expect(formatSent()).toBe('json_schema');
  });

  it('maps a provider that keeps failing to a stable code after the SDK’s own retries', async () => {
    const { client, attempts } = await setup([{ kind: 'status', status: 429, retryAfterMs: 1 }, { kind: 'status', status: 429, retryAfterMs: 1 }], 1);
    expect(await codeOf(client.complete(request, { signal: new AbortController().signal }))).toBe(adapter.rateLimitedCode);
    expect(attempts()).toBe(adapter.name === 'sampling' ? 1 : 2);
  });

  it('rejects a truncated or malformed answer as LLM_BAD_OUTPUT, or hands malformed text on for the parser', async () => {
    const { client } = await setup([{ kind: 'truncated' }, { kind: 'malformed' }]);
    const signal = new AbortController().signal;
    expect(await codeOf(client.complete(request, { signal }))).toBe('LLM_BAD_OUTPUT');
    expect((await client.complete(request, { signal })).text).not.toMatch(/^\{/);
  });

  it('stops a call in flight when the signal aborts, rejecting with the signal’s reason', async () => {
    const { client } = await setup([{ kind: 'slow', delayMs: 20_000 }]);
    const controller = new AbortController();
    const reason = new Error('cancelled by the user');
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.complete(request, { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe('HTTP adapters and replies that are not answers', () => {
  const notAnswers: unknown[] = [{ hello: 'world' }, { content: 'text', choices: 'none' }, { content: [null], choices: [{ message: null }] }];
  const servers = [
    {
      name: 'anthropic',
      async start(body: unknown) {
        const server = await startFakeAnthropic({ apiKey: KEY, answer: () => ({ body }) });
        return { server, client: createAnthropicClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000, logger: createSilentLogger() }) };
      },
    },
    {
      name: 'openai',
      async start(body: unknown) {
        const server = await startFakeOpenAi({ apiKey: KEY, answer: () => ({ body }) });
        return { server, client: createOpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, apiKey: KEY, model: 'fake-model', maxRetries: 0, timeoutMs: 10_000, logger: createSilentLogger(), countTokens }) };
      },
    },
  ];

  it.each(servers)('$name: a 200 reply that is not a message or completion is LLM_BAD_OUTPUT', async ({ start }) => {
    for (const body of notAnswers) {
      const { server, client } = await start(body);
      try {
        expect(await codeOf(client.complete(request, { signal: new AbortController().signal })), JSON.stringify(body)).toBe('LLM_BAD_OUTPUT');
      } finally {
        await server.close();
      }
    }
  });
});

describe('HTTP adapters and keys', () => {
  it('authenticate with the key and report a rejected key as LLM_AUTH_FAILED without echoing it', async () => {
    const server = await startFakeAnthropic({ apiKey: 'the-right-key' });
    try {
      const client = createAnthropicClient({ apiKey: 'sk-ant-CANARY-7f3a', baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000, logger: createSilentLogger() });
      const error = (await client.complete(request, { signal: new AbortController().signal }).catch((caught: unknown) => caught)) as LlmUnavailableError;
      expect(error.code).toBe('LLM_AUTH_FAILED');
      expect(error.message).not.toContain('CANARY');
      expect(server.requests).toHaveLength(0);

      const authorised = createAnthropicClient({ apiKey: 'the-right-key', baseUrl: server.url, maxRetries: 0, timeoutMs: 10_000, logger: createSilentLogger() });
      await authorised.complete(request, { signal: new AbortController().signal });
      const headers = server.requests[0]!.headers;
      expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(server.requests[0]!.body.tools).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

/**
 * A fake OpenAI-compatible server on 127.0.0.1: `POST /v1/chat/completions`
 * with `Authorization: Bearer`, structured output read from
 * `response_format`, `usage.prompt_tokens`/`completion_tokens` counted with a
 * real tokenizer, `finish_reason: "length"` for a truncated answer, and the
 * OpenAI error shape (`{error: {message, type, code}}`).
 */

import { FakeProviderServer, type FakeServerOptions, type ProviderShape } from './fake-server.js';

const openAiShape: ProviderShape = {
  path: '/v1/chat/completions',
  requiredHeaders: [],
  keyOf: (headers) => /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1] ?? null,
  promptOf: (body) => {
    const messages = body.messages as Array<{ role: string; content: string }>;
    const text = (role: string) => messages.filter((message) => message.role === role).map((message) => message.content).join('\n');
    return { system: text('system'), user: text('user') };
  },
  success: (text, usage, stop) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: stop === 'truncated' ? 'length' : 'stop', logprobs: null }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  }),
  error: (status) => ({ error: { message: `Fake error ${status}`, type: status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_request_error' : 'server_error', code: null } }),
};

export class FakeOpenAiServer extends FakeProviderServer {
  constructor(options: FakeServerOptions = {}) {
    super(openAiShape, options);
  }
}

export function startFakeOpenAi(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  return new FakeOpenAiServer(options).start();
}

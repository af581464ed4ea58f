/**
 * A fake Anthropic Messages API on 127.0.0.1: `POST /v1/messages` with the
 * key in `x-api-key` (or `Authorization: Bearer`, which the current SDK
 * sends), the `anthropic-version` header required, structured output read
 * from `output_config.format`, `usage.input_tokens`/`output_tokens` counted
 * with a real tokenizer, and the API's error shapes (`{type: "error", error:
 * {type, message}}`: 401 authentication_error, 429 rate_limit_error with
 * `retry-after`, 500 api_error, 529 overloaded_error).
 */

import { FakeProviderServer, type FakeServerOptions, type ProviderShape } from './fake-server.js';

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const anthropicShape: ProviderShape = {
  path: '/v1/messages',
  requiredHeaders: ['anthropic-version'],
  keyOf: (headers) => {
    const bearer = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
    return (headers['x-api-key'] as string | undefined) ?? bearer ?? null;
  },
  promptOf: (body) => {
    const messages = body.messages as Array<{ role: string; content: string }>;
    return { system: String(body.system ?? ''), user: messages.map((message) => message.content).join('\n') };
  },
  success: (text, usage, stop) => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: 'fake-claude',
    content: [{ type: 'text', text }],
    stop_reason: stop === 'truncated' ? 'max_tokens' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  }),
  error: (status) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message: `Fake error ${status}` } }),
};

export class FakeAnthropicServer extends FakeProviderServer {
  constructor(options: FakeServerOptions = {}) {
    super(anthropicShape, options);
  }
}

export function startFakeAnthropic(options: FakeServerOptions = {}): Promise<FakeAnthropicServer> {
  return new FakeAnthropicServer(options).start();
}

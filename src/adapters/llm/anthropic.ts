/**
 * The Anthropic adapter: the official `@anthropic-ai/sdk` calling the
 * Messages API with structured output (`output_config.format` with the
 * answer's JSON Schema, built by the SDK's own zod helper), no tools, the
 * SDK's retries (429, 5xx and 529 overloaded, honouring `retry-after`) and a
 * timeout per attempt. Credentials and the base URL are passed explicitly, so
 * the SDK reads no environment or profile of its own. The SDK does not check
 * a 200 reply's shape, so the parts read here are checked first: a reply
 * that is not a message is bad output, not an unreachable provider.
 */

import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { z } from 'zod';
import { OUTPUT_SCHEMAS, type ModelRequest } from '../../core/llm/index.js';
import type { Logger } from '../../logger.js';
import { incompleteAnswer, providerFailure } from './errors.js';
import { textOfBlocks, throwIfAborted, type LlmClient, type LlmCompletion } from './port.js';
import { sdkLogger } from './sdk-logger.js';

/** The documented default model: a current Sonnet. */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-5-5';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicClientOptions {
  apiKey: string;
  model?: string;
  /** For tests and proxies; the public API otherwise. */
  baseUrl?: string;
  /** SDK retries per call (429, 5xx, 529, connection errors). */
  maxRetries: number;
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
  logger: Logger;
}

/** The parts of a Messages API reply this adapter reads. */
const MessageReply = z.object({
  stop_reason: z.string().nullish(),
  content: z.array(z.object({ type: z.string(), text: z.unknown() })),
  usage: z.object({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
  }),
});

const formats = new Map(Object.entries(OUTPUT_SCHEMAS).map(([kind, schema]) => [kind, zodOutputFormat(schema)]));

export function createAnthropicClient(options: AnthropicClientOptions): LlmClient {
  const model = options.model ?? DEFAULT_ANTHROPIC_MODEL;
  const sdk = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseUrl ?? DEFAULT_BASE_URL,
    webhookKey: null,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
    openTelemetry: false,
    logLevel: 'warn',
    logger: sdkLogger(options.logger, 'anthropic'),
  });

  async function complete(request: ModelRequest, { signal }: { signal: AbortSignal }): Promise<LlmCompletion> {
    const format = formats.get(request.output);
    let reply: Anthropic.Message;
    try {
      reply = await sdk.messages.create(
        {
          model,
          max_tokens: request.maxOutputTokens,
          system: request.system,
          messages: [{ role: 'user', content: request.user }],
          output_config: { format: { type: 'json_schema', schema: format?.schema ?? {} } },
        },
        { signal },
      );
    } catch (error) {
      throwIfAborted(signal);
      throw providerFailure(error, 'The Anthropic API');
    }
    const parsed = MessageReply.safeParse(reply);
    if (!parsed.success) throw incompleteAnswer('not_a_reply');
    const message = parsed.data;
    if (message.stop_reason === 'max_tokens') throw incompleteAnswer('truncated');
    if (message.stop_reason === 'refusal') throw incompleteAnswer('refused');
    const text = textOfBlocks(message.content);
    if (text.trim().length === 0) throw incompleteAnswer('empty');
    const usage = message.usage;
    return {
      text,
      inputTokens: usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0),
      outputTokens: usage.output_tokens,
    };
  }

  return { engine: 'anthropic', model, complete };
}

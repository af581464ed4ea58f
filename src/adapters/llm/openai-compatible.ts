/**
 * The OpenAI-compatible adapter: the official `openai` SDK calling
 * `POST {LLM_BASE_URL}/chat/completions` on any compatible server (Ollama,
 * vLLM, llama.cpp, LM Studio, hosted ones), with `response_format` set to
 * the answer's JSON Schema through the SDK's zod helper, no tools, and the
 * SDK's retries. Local servers often need no key; a placeholder is sent then,
 * because the SDK insists on one. Everything is passed explicitly, so the SDK
 * reads none of its `OPENAI_*` variables. A 200 reply's shape is checked
 * before it is read: one that is not a chat completion is bad output.
 */

import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { OUTPUT_SCHEMAS, type CountTokens, type ModelRequest } from '../../core/llm/index.js';
import type { Logger } from '../../logger.js';
import { incompleteAnswer, providerFailure } from './errors.js';
import { throwIfAborted, type LlmClient, type LlmCompletion } from './port.js';
import { sdkLogger } from './sdk-logger.js';

const KEYLESS_PLACEHOLDER = 'no-key';

export interface OpenAiCompatibleClientOptions {
  /** e.g. "http://127.0.0.1:11434/v1" for Ollama. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  maxRetries: number;
  timeoutMs: number;
  logger: Logger;
  /** Estimates usage when a server reports none. */
  countTokens: CountTokens;
}

/** The parts of a chat completion this adapter reads; compatible servers often leave out usage or refusal. */
const CompletionReply = z.object({
  choices: z.array(
    z.object({
      finish_reason: z.string().nullish(),
      message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

const formats = new Map(Object.entries(OUTPUT_SCHEMAS).map(([kind, schema]) => [kind, zodResponseFormat(schema, kind)]));

export function createOpenAiCompatibleClient(options: OpenAiCompatibleClientOptions): LlmClient {
  const sdk = new OpenAI({
    apiKey: options.apiKey || KEYLESS_PLACEHOLDER,
    adminAPIKey: null,
    baseURL: options.baseUrl,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
    logLevel: 'warn',
    logger: sdkLogger(options.logger, 'openai'),
  });

  async function complete(request: ModelRequest, { signal }: { signal: AbortSignal }): Promise<LlmCompletion> {
    let reply: OpenAI.Chat.Completions.ChatCompletion;
    try {
      reply = await sdk.chat.completions.create(
        {
          model: options.model,
          // `max_tokens` rather than `max_completion_tokens`: the compatible servers read this one.
          max_tokens: request.maxOutputTokens,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          response_format: formats.get(request.output),
        },
        { signal },
      );
    } catch (error) {
      throwIfAborted(signal);
      throw providerFailure(error, 'The OpenAI-compatible server');
    }
    const parsed = CompletionReply.safeParse(reply);
    if (!parsed.success) throw incompleteAnswer('not_a_reply');
    const completion = parsed.data;
    const choice = completion.choices[0];
    if (choice?.finish_reason === 'length') throw incompleteAnswer('truncated');
    if (choice?.message.refusal) throw incompleteAnswer('refused');
    const text = choice?.message.content ?? '';
    if (text.trim().length === 0) throw incompleteAnswer('empty');
    const usage = completion.usage;
    return {
      text,
      inputTokens: usage?.prompt_tokens ?? options.countTokens(request.system) + options.countTokens(request.user),
      outputTokens: usage?.completion_tokens ?? options.countTokens(text),
    };
  }

  return { engine: 'openai', model: options.model, complete };
}

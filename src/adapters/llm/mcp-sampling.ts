/**
 * The sampling adapter: the MCP client's own model, asked through the
 * protocol's `sampling/createMessage` request, so the server needs no key.
 * The adapter stays SDK-free: the caller injects `createMessage` (on the
 * server, a push request `ctx.mcpReq.requestSampling` on 2025-era connections,
 * or an embedded request of an `input_required` round on 2026-07-28 ones: see
 * server/input-rounds.ts; offered only when the client declared the
 * capability). Sampling
 * has no structured output, so the answer's JSON Schema is written into the
 * prompt, and no usage report, so tokens are counted locally. Model
 * preferences are hints the client may ignore.
 */

import { z } from 'zod';
import { LlmUnavailableError } from '../../core/errors.js';
import { OUTPUT_SCHEMAS, type CountTokens, type ModelRequest } from '../../core/llm/index.js';
import { incompleteAnswer } from './errors.js';
import { textOfBlocks, throwIfAborted, type LlmClient, type LlmCompletion } from './port.js';

/** The `sampling/createMessage` params this adapter sends (a subset of the protocol's). */
export interface SamplingRequestParams {
  messages: Array<{ role: 'user'; content: { type: 'text'; text: string } }>;
  systemPrompt: string;
  maxTokens: number;
  includeContext: 'none';
  modelPreferences: {
    hints: Array<{ name: string }>;
    intelligencePriority: number;
    speedPriority: number;
    costPriority: number;
  };
}

/** The parts of a `CreateMessageResult` this adapter reads. */
export interface SamplingResult {
  model?: string;
  stopReason?: string;
  content: { type: string; text?: string } | Array<{ type: string; text?: string }>;
}

export type CreateMessage = (params: SamplingRequestParams, options: { signal: AbortSignal }) => Promise<SamplingResult>;

export interface SamplingClientOptions {
  createMessage: CreateMessage;
  countTokens: CountTokens;
  /** Model names to hint at, most wanted first (e.g. LLM_MODEL); a Sonnet-class model otherwise. */
  modelHints?: string[];
}

const schemaText = new Map(Object.entries(OUTPUT_SCHEMAS).map(([kind, schema]) => [kind, JSON.stringify(z.toJSONSchema(schema))]));

export function createSamplingClient(options: SamplingClientOptions): LlmClient {
  const hints = (options.modelHints && options.modelHints.length > 0 ? options.modelHints : ['claude-sonnet', 'sonnet']).map((name) => ({ name }));
  const client = {
    engine: 'sampling' as const,
    model: 'client-chosen',
    complete,
  };

  async function complete(request: ModelRequest, { signal }: { signal: AbortSignal }): Promise<LlmCompletion> {
    const user = `${request.user}\n\nAnswer with the JSON object only, no prose and no code fence, valid against this JSON Schema:\n${schemaText.get(request.output)}`;
    let result: SamplingResult;
    try {
      result = await options.createMessage(
        {
          messages: [{ role: 'user', content: { type: 'text', text: user } }],
          systemPrompt: request.system,
          maxTokens: request.maxOutputTokens,
          includeContext: 'none',
          modelPreferences: { hints, intelligencePriority: 0.8, speedPriority: 0.5, costPriority: 0.3 },
        },
        { signal },
      );
    } catch (error) {
      throwIfAborted(signal);
      throw new LlmUnavailableError('LLM_UNAVAILABLE', 'The MCP client did not run the sampling request (it may not allow sampling on this connection).', { cause: error });
    }
    if (result.stopReason === 'maxTokens') throw incompleteAnswer('truncated');
    const blocks = Array.isArray(result.content) ? result.content : [result.content];
    const text = textOfBlocks(blocks);
    if (text.trim().length === 0) throw incompleteAnswer('empty');
    if (result.model) client.model = result.model;
    return { text, inputTokens: options.countTokens(request.system) + options.countTokens(user), outputTokens: options.countTokens(text) };
  }

  return client;
}

/**
 * The language-model port: one provider-neutral call that takes a
 * `ModelRequest` (system prompt, user prompt with the data blocks, the answer
 * schema) and returns the model's text with the tokens it used. Adapters
 * bring a provider's SDK behind it (Anthropic, any OpenAI-compatible server,
 * the MCP client's own model through sampling), use the SDK's own retries,
 * never give the model tools, and turn every failure into an
 * `LlmUnavailableError` with a stable code and a message of ours. An abort
 * of the signal passed in is rethrown as the signal's reason, untouched, so
 * the caller can tell a cancel or its own timeout from a failure.
 */

import type { ModelRequest } from '../../core/llm/index.js';

export type LlmEngine = 'anthropic' | 'openai' | 'sampling';

export interface LlmCompletion {
  /** The model's answer: JSON text for the pipeline to parse. */
  text: string;
  inputTokens: number;
  outputTokens: number;
}

export interface LlmClient {
  readonly engine: LlmEngine;
  /** The model asked for (sampling: the model the client reported last, or "client-chosen"). */
  readonly model: string;
  complete(request: ModelRequest, options: { signal: AbortSignal }): Promise<LlmCompletion>;
}

/** Rethrows the signal's reason when it has fired (the adapter's error is then only a symptom of the abort). */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

/** The text of a reply's content blocks, joined; blocks of other kinds (images, tool use) count as nothing. */
export function textOfBlocks(blocks: ReadonlyArray<{ type: string; text?: unknown }>): string {
  return blocks.map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : '')).join('');
}

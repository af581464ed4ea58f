/**
 * Provider failures as `LlmUnavailableError`s. Both official SDKs raise the
 * same family of errors (status-coded `APIError`s, connection errors, a
 * connection-timeout error), so one mapping serves both; it reads only the
 * status and the error's class, never the provider's body, so no response
 * text, URL or key reaches a message.
 */

import { LlmUnavailableError } from '../../core/errors.js';

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function classNameOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name : '';
}

/** The error for a failed provider call (after the SDK's retries). `provider` names it for people: "The Anthropic API". */
export function providerFailure(error: unknown, provider: string): LlmUnavailableError {
  if (error instanceof LlmUnavailableError) return error;
  const status = statusOf(error);
  const cause = { cause: error };
  if (status === 401 || status === 403) return new LlmUnavailableError('LLM_AUTH_FAILED', `${provider} rejected the credentials (${status}); check the API key.`, cause);
  if (status === 429) return new LlmUnavailableError('LLM_RATE_LIMITED', `${provider} kept rate-limiting the requests (429) after retries.`, cause);
  if (status === 408 || status === 504) return new LlmUnavailableError('LLM_TIMEOUT', `${provider} timed out (${status}).`, cause);
  if (status === 529) return new LlmUnavailableError('LLM_UNAVAILABLE', `${provider} was overloaded (529) after retries.`, cause);
  if (status !== undefined && status >= 500) return new LlmUnavailableError('LLM_UNAVAILABLE', `${provider} failed (${status}) after retries.`, cause);
  if (status !== undefined) {
    return new LlmUnavailableError('LLM_REQUEST_REJECTED', `${provider} rejected the request (${status}); check LLM_MODEL and the base URL.`, cause);
  }
  const name = classNameOf(error);
  if (name === 'APIConnectionTimeoutError') return new LlmUnavailableError('LLM_TIMEOUT', `${provider} did not answer in time.`, cause);
  if (name === 'APIConnectionError') return new LlmUnavailableError('LLM_UNAVAILABLE', `${provider} could not be reached.`, cause);
  return new LlmUnavailableError('LLM_UNAVAILABLE', `${provider} could not be used.`, cause);
}

/** The model stopped before its answer was complete, declined to answer, or what came back was not an answer at all. */
export function incompleteAnswer(reason: 'truncated' | 'refused' | 'empty' | 'not_a_reply'): LlmUnavailableError {
  const words = {
    truncated: "The model's answer was cut off at the output limit.",
    refused: 'The model declined to answer.',
    empty: 'The model gave an empty answer.',
    not_a_reply: "The provider's reply was not a model answer.",
  } as const;
  return new LlmUnavailableError('LLM_BAD_OUTPUT', words[reason]);
}

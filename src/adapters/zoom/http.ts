/**
 * One HTTP exchange with Zoom under a bounded retry policy. `429` waits for
 * Retry-After (seconds or a date) plus jitter, unless the wait is longer than
 * we are willing to hold a tool call open (a daily limit); `5xx`, timeouts and
 * connection failures back off exponentially with jitter; everything else is
 * returned to the caller, who knows what a 401 or 404 means for its call.
 * Errors carry our own messages: Zoom's body is read only for its numeric
 * `code`, which goes to the log. The clock, sleep and randomness are injected
 * so tests run against a real HTTP server without waiting real seconds.
 */

import { setTimeout as delay } from 'node:timers/promises';
import { ZoomApiError } from '../../core/errors.js';
import type { Logger } from '../../logger.js';

export interface RetryPolicy {
  /** Tries per request, the first one included. */
  maxAttempts: number;
  /** First backoff for 5xx and network failures; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we wait for; a longer one fails at once with ZOOM_RATE_LIMITED. */
  maxRetryAfterMs: number;
  /** Up to this much is added to Retry-After so callers limited together do not return together. */
  retryAfterJitterMs: number;
  /** Per attempt, body included. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  retryAfterJitterMs: 1_000,
  requestTimeoutMs: 30_000,
};

export interface HttpDeps {
  fetch: typeof fetch;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1). */
  random: () => number;
  /** Milliseconds since the epoch: token expiry, cache age and HTTP-date Retry-After. */
  now: () => number;
  logger: Logger;
  policy: RetryPolicy;
}

export interface HttpRequest {
  /** Names the call in logs and messages, e.g. `list_recordings`; never a URL. */
  operation: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** Real waiting; a cancelled wait rejects with the caller's own reason, as a cancelled fetch does. */
export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}

/** Zoom's JSON answers are small; this only stops a runaway body. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Enough to read `{ code, message }` from an error body. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The wait a Retry-After header asks for, in ms: delta-seconds or an HTTP/ISO date.
 * @example parseRetryAfter('2', 0) // 2000
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Exponential backoff with "equal jitter": half fixed, half random, never zero. */
function backoffMs(attempt: number, deps: HttpDeps): number {
  const ceiling = Math.min(deps.policy.maxDelayMs, deps.policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (deps.random() * ceiling) / 2);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A caller's cancellation is rethrown as is: it is not a Zoom failure and is never retried. */
function throwIfCallerAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/**
 * Sends `request`, retrying 429, 5xx, timeouts and connection failures within the policy.
 * Returns any other response (2xx, 3xx, 4xx) for the caller to interpret.
 * @throws ZoomApiError ZOOM_RATE_LIMITED or ZOOM_UNAVAILABLE once the policy gives up.
 */
export async function fetchWithRetry(request: HttpRequest, deps: HttpDeps): Promise<Response> {
  const { policy, logger } = deps;
  const context = { operation: request.operation };
  for (let attempt = 1; ; attempt++) {
    throwIfCallerAborted(request.signal);
    const timeout = AbortSignal.timeout(policy.requestTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await deps.fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, redirect: 'manual', signal });
    } catch (error) {
      throwIfCallerAborted(request.signal);
      if (attempt >= policy.maxAttempts) {
        logger.warn({ event: 'zoom_request_failed', ...context, attempts: attempt, failure: 'network' }, 'zoom request failed');
        throw new ZoomApiError('ZOOM_UNAVAILABLE', 'Zoom could not be reached; try again in a few minutes.', { cause: error });
      }
      const wait = backoffMs(attempt, deps);
      logger.warn({ event: 'zoom_retry', ...context, attempt, failure: 'network', delay_ms: wait }, 'zoom request retried');
      await deps.sleep(wait, request.signal);
      continue;
    }
    if (!isRetryableStatus(response.status)) return response;

    await response.body?.cancel().catch(() => undefined);
    const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), deps.now()) : null;
    const waitTooLong = retryAfter !== null && retryAfter > policy.maxRetryAfterMs;
    if (attempt >= policy.maxAttempts || waitTooLong) {
      logger.warn({ event: 'zoom_request_failed', ...context, status: response.status, attempts: attempt, retry_after_ms: retryAfter ?? undefined }, 'zoom request failed');
      throw response.status === 429 ? rateLimited(response.status, retryAfter) : unavailable(response.status);
    }
    const wait = retryAfter !== null ? retryAfter + Math.round(deps.random() * policy.retryAfterJitterMs) : backoffMs(attempt, deps);
    logger.warn({ event: 'zoom_retry', ...context, status: response.status, attempt, delay_ms: wait }, 'zoom request retried');
    await deps.sleep(wait, request.signal);
  }
}

function rateLimited(status: number, retryAfterMs: number | null): ZoomApiError {
  const when = retryAfterMs === null ? 'in a minute' : `in about ${formatWait(retryAfterMs)}`;
  return new ZoomApiError('ZOOM_RATE_LIMITED', `Zoom's rate limit for this account was reached; try again ${when}.`, { status });
}

function unavailable(status: number): ZoomApiError {
  return new ZoomApiError('ZOOM_UNAVAILABLE', `Zoom is having trouble (HTTP ${status}); try again in a few minutes.`, { status });
}

function formatWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} seconds`;
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/**
 * The coded error for a response the caller cannot use. `notFound` is the message for a
 * 404, which only the caller can word. Zoom's numeric error code is logged, its message is not.
 */
export async function errorFromResponse(response: Response, request: Pick<HttpRequest, 'operation' | 'signal'>, notFound: string, logger: Logger): Promise<ZoomApiError> {
  const zoomCode = await zoomCodeOf(response, request.signal);
  const { status } = response;
  logger.warn({ event: 'zoom_request_failed', operation: request.operation, status, zoom_code: zoomCode }, 'zoom request failed');
  if (status === 401) {
    return new ZoomApiError('ZOOM_AUTH_FAILED', 'Zoom rejected the access token even after a refresh. Check that the Server-to-Server OAuth app is activated.', { status });
  }
  if (status === 403) {
    return new ZoomApiError('ZOOM_AUTH_FAILED', 'Zoom denied access: the app needs the cloud recording read scopes, and the user must belong to its account.', { status });
  }
  if (status === 404) return new ZoomApiError('ZOOM_NOT_FOUND', notFound, { status });
  if (status === 429) return rateLimited(status, null);
  if (status >= 500) return unavailable(status);
  return new ZoomApiError('ZOOM_REQUEST_REJECTED', `Zoom refused the request (HTTP ${status}).`, { status });
}

async function zoomCodeOf(response: Response, signal: AbortSignal | undefined): Promise<number | undefined> {
  try {
    const bytes = await readBodyCapped(response, MAX_ERROR_BODY_BYTES, signal);
    const parsed = bytes === null ? undefined : parseJson(bytes);
    const code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined;
    return typeof code === 'number' ? code : undefined;
  } catch {
    // A broken error body leaves the status to speak for itself, unless the caller gave up.
    throwIfCallerAborted(signal);
    return undefined;
  }
}

/**
 * Reads the whole body, or returns null as soon as it is longer than `maxBytes`
 * (a Content-Length over the cap is refused before reading).
 * @throws ZoomApiError ZOOM_UNAVAILABLE when the connection fails mid-body.
 */
export async function readBodyCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal | undefined,
  onBytes?: (received: number, expected: number | null) => void,
): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  const expected = Number.isSafeInteger(declared) && declared >= 0 && response.headers.has('content-length') ? declared : null;
  if (expected !== null && expected > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
      onBytes?.(total, expected);
    }
  } catch (error) {
    throwIfCallerAborted(signal);
    throw new ZoomApiError('ZOOM_UNAVAILABLE', 'The connection to Zoom broke off mid-answer; try again.', { cause: error });
  }
  return Buffer.concat(chunks, total);
}

/**
 * The body as JSON.
 * @throws ZoomApiError ZOOM_BAD_RESPONSE when it is not JSON (or absurdly large).
 */
export async function readJson(response: Response, request: Pick<HttpRequest, 'operation' | 'signal'>, logger: Logger): Promise<unknown> {
  const bytes = await readBodyCapped(response, MAX_JSON_BYTES, request.signal);
  const parsed = bytes === null ? undefined : parseJson(bytes);
  if (parsed === undefined) {
    logger.warn({ event: 'zoom_bad_response', operation: request.operation, status: response.status }, 'zoom answer was not JSON');
    throw badResponse(request.operation);
  }
  return parsed;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    // The parser's message quotes the body, so it is not kept as a cause.
    return undefined;
  }
}

/** No cause is attached: parse and validation errors can quote what Zoom sent. */
export function badResponse(operation: string): ZoomApiError {
  return new ZoomApiError('ZOOM_BAD_RESPONSE', `Zoom sent an answer we could not read (${operation.replaceAll('_', ' ')}); try again later.`);
}

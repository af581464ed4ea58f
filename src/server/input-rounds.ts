/**
 * Client input on 2026-07-28 connections. That protocol has no server-to-client
 * requests: a tool that needs the client's model (sampling) or the user
 * (elicitation) answers `input_required` with the requests embedded, and the
 * client retries the call with the answers (the multi-round-trip pattern).
 *
 * Our tool handlers are written once, as if they could ask (`ctx.sampling`,
 * `ctx.elicit`). On a modern connection the wrapper runs the handler as a
 * suspended call: every ask becomes an embedded request, and once the handler
 * is waiting on nothing but asks, the round ends with all of them at once (so
 * parallel model calls stay parallel on the client). The retry carries the
 * call's id as `requestState`; the answers resume the same running handler.
 *
 * `requestState` comes back from the client, so it is treated as untrusted:
 * it is a random 128-bit id, looked up only among the calling principal's own
 * calls of the same tool; anything else is INPUT_ROUND_EXPIRED. Answers are
 * validated before the handler sees them. A call nobody resumes is aborted
 * after an idle timeout, and a principal holds a bounded number of them.
 */

import { randomBytes } from 'node:crypto';
import { inputRequired, type InputRequest } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { InputError, type AppError } from '../core/errors.js';
import type { SamplingAccess } from '../app/llm-snapshot.js';
import type { SamplingResult } from '../adapters/llm/mcp-sampling.js';
import type { ElicitationAnswer, ElicitationForm } from './elicitation.js';

/** How long a suspended call waits for the client's retry (the SDK's own per-round default). */
const IDLE_TIMEOUT_MS = 10 * 60_000;
/** Suspended calls one principal may hold; the oldest is abandoned beyond this. */
const MAX_CALLS_PER_PRINCIPAL = 16;
/** A round ends when the handler waits on asks and has asked nothing new for this long. */
const QUIET_MS = 15;

const SamplingAnswerSchema = z.object({
  model: z.string().max(200).optional(),
  stopReason: z.string().max(100).optional(),
  content: z.union([z.object({ type: z.string(), text: z.string().optional() }).loose(), z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()).max(100)]),
});

const ElicitationAnswerSchema = z.object({
  action: z.enum(['accept', 'decline', 'cancel']),
  content: z.record(z.string(), z.unknown()).optional(),
});

interface PendingAsk {
  request: InputRequest;
  resolve(answer: unknown): void;
  reject(reason: unknown): void;
}

export type Settled<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown };
export type RoundOutcome<T> = Settled<T> | { kind: 'input_required'; result: ReturnType<typeof inputRequired> };

/** A handler's promise as an outcome that never rejects. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ kind: 'done' as const, value }),
    (error: unknown) => ({ kind: 'failed' as const, error }),
  );
}

/** One tool call whose handler may be waiting for the client between rounds. */
export class SuspendedCall<T> {
  readonly id = randomBytes(16).toString('base64url');
  private readonly controller = new AbortController();
  private readonly pending = new Map<string, PendingAsk>();
  private asked = 0;
  private outcome: Settled<T> | null = null;
  private settled: Promise<void> | null = null;
  private roundReporter: ((done: number, total: number, message: string) => void) | null = null;

  private readonly start: () => Promise<void>;

  constructor(
    readonly owner: string,
    readonly tool: string,
    run: (call: SuspendedCall<T>) => Promise<T>,
  ) {
    this.start = () => settle(run(this)).then((outcome) => void (this.outcome = outcome));
  }

  /** Aborted when the client cancels a round or the call is abandoned. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Registers an embedded request; resolves with the client's (validated) answer on a later round. */
  ask<A>(request: InputRequest, schema: z.ZodType<A>): Promise<A> {
    this.signal.throwIfAborted();
    const key = `q${++this.asked}`;
    return new Promise<unknown>((resolve, reject) => this.pending.set(key, { request, resolve, reject })).then((answer) => {
      const parsed = schema.safeParse(answer);
      if (!parsed.success) throw new InputError('INVALID_ARGUMENT', 'The client answered an input request with something of the wrong shape.');
      return parsed.data;
    });
  }

  /** Progress goes to whichever round is in flight; between rounds there is nobody to tell. */
  progress(done: number, total: number, message: string): void {
    this.roundReporter?.(done, total, message);
  }

  /** Hands the client's answers to the asks they name; unknown keys are ignored, missing ones asked again. */
  deliver(responses: Record<string, unknown>): void {
    for (const [key, answer] of Object.entries(responses)) {
      const ask = this.pending.get(key);
      if (!ask) continue;
      this.pending.delete(key);
      ask.resolve(answer);
    }
  }

  abandon(reason: unknown): void {
    this.controller.abort(reason);
    for (const ask of this.pending.values()) ask.reject(reason);
    this.pending.clear();
  }

  /**
   * Runs one round under the request's signal: ends with the handler's result, or, once the handler
   * waits on asks alone, with an `input_required` result carrying them and this call's id.
   */
  async round(signal: AbortSignal, report: (done: number, total: number, message: string) => void): Promise<RoundOutcome<T>> {
    const onCancel = () => this.abandon(new InputError('CANCELLED', 'Cancelled by the client; nothing was stored.'));
    signal.addEventListener('abort', onCancel, { once: true });
    this.roundReporter = report;
    // Started by the first round, once its reporter is in place, so no early progress is lost.
    this.settled ??= this.start();
    try {
      for (;;) {
        const before = this.asked;
        await Promise.race([this.settled, quiet()]);
        if (this.outcome) return this.outcome;
        if (this.pending.size > 0 && this.asked === before) {
          const inputRequests = Object.fromEntries([...this.pending].map(([key, ask]) => [key, ask.request]));
          return { kind: 'input_required', result: inputRequired({ inputRequests, requestState: this.id }) };
        }
      }
    } finally {
      this.roundReporter = null;
      signal.removeEventListener('abort', onCancel);
    }
  }
}

function quiet(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, QUIET_MS).unref());
}

/** The suspended calls of every principal, shared by all server instances of one workspace. */
export class SuspendedCalls {
  private readonly calls = new Map<string, { call: SuspendedCall<unknown>; timer: NodeJS.Timeout }>();

  /** Keeps a call that ended its round waiting for the client, until it is resumed or times out. */
  park(call: SuspendedCall<unknown>): void {
    const owned = [...this.calls.values()].filter((entry) => entry.call.owner === call.owner && entry.call !== call);
    if (owned.length >= MAX_CALLS_PER_PRINCIPAL) this.drop(owned[0]!.call.id, new InputError('INPUT_ROUND_EXPIRED', 'Too many calls were waiting for input; the oldest was abandoned.'));
    const existing = this.calls.get(call.id);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.drop(call.id, new InputError('INPUT_ROUND_EXPIRED', 'The client did not answer in time.')), IDLE_TIMEOUT_MS).unref();
    this.calls.set(call.id, { call, timer });
  }

  /** The caller's own waiting call of this tool, taken out of the store; undefined for any other state. */
  take<T>(owner: string, tool: string, requestState: unknown): SuspendedCall<T> | undefined {
    if (typeof requestState !== 'string') return undefined;
    const entry = this.calls.get(requestState);
    if (!entry || entry.call.owner !== owner || entry.call.tool !== tool) return undefined;
    clearTimeout(entry.timer);
    this.calls.delete(requestState);
    return entry.call as SuspendedCall<T>;
  }

  private drop(id: string, reason: AppError): void {
    const entry = this.calls.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.calls.delete(id);
    entry.call.abandon(reason);
  }
}

/** Sampling through embedded `sampling/createMessage` requests of a suspended call. */
export function inBandSampling(call: SuspendedCall<unknown>): SamplingAccess {
  return {
    inBand: true,
    createMessage: (params) => call.ask(inputRequired.createMessage(params as never), SamplingAnswerSchema) as Promise<SamplingResult>,
  };
}

/** Elicitation through an embedded `elicitation/create` form request of a suspended call. */
export function inBandElicitation(call: SuspendedCall<unknown>): (form: ElicitationForm) => Promise<ElicitationAnswer> {
  return (form) => call.ask(inputRequired.elicit(form as never), ElicitationAnswerSchema);
}

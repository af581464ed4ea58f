/**
 * Client-side limits around every model call: at most `maxConcurrency` calls
 * in flight, at most `ratePerMinute` call starts in any 60-second window, and
 * a timeout per call (covering the SDK's own retries of that call). Waiting
 * in the queue and the call itself both stop when the caller's signal
 * aborts (an MCP cancel, Ctrl-C); the call then rejects with the signal's
 * reason. A call that runs past its timeout rejects with LLM_TIMEOUT.
 */

import { LlmUnavailableError } from '../../core/errors.js';

export interface LimiterClock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface CallLimiterOptions {
  maxConcurrency: number;
  ratePerMinute: number;
  timeoutMs: number;
  clock?: LimiterClock;
}

const WINDOW_MS = 60_000;

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export const systemClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};

export class CallLimiter {
  private readonly clock: LimiterClock;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Start times of the calls in the current window, oldest first. */
  private readonly starts: number[] = [];

  constructor(private readonly options: CallLimiterOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Runs `call` within the limits; it gets a signal that aborts on the caller's abort or on the timeout. */
  async run<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.acquireSlot(signal);
    try {
      await this.waitForRate(signal);
      signal.throwIfAborted();
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new LlmUnavailableError('LLM_TIMEOUT', `The model did not answer within ${formatDuration(this.options.timeoutMs)}.`)), this.options.timeoutMs);
      try {
        return await call(AbortSignal.any([signal, timeout.signal]));
      } catch (error) {
        signal.throwIfAborted();
        if (timeout.signal.aborted) throw timeout.signal.reason;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    } finally {
      this.releaseSlot();
    }
  }

  private acquireSlot(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.running < this.options.maxConcurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.running++;
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason);
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaseSlot(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  private async waitForRate(signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.starts.length > 0 && (this.starts[0] as number) <= now - WINDOW_MS) this.starts.shift();
      if (this.starts.length < this.options.ratePerMinute) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep((this.starts[0] as number) + WINDOW_MS - now, signal);
    }
  }
}

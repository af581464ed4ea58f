import { describe, expect, it } from 'vitest';
import { LlmUnavailableError } from '../../core/errors.js';
import { CallLimiter, type LimiterClock } from './limiter.js';

/** A clock that only moves when the test says so; sleepers wake when their time comes. */
function manualClock(): LimiterClock & { advance(ms: number): void; sleepers: number } {
  let now = 0;
  const waiting: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    get sleepers() {
      return waiting.length;
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ at: now + ms, wake: resolve });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    advance(ms) {
      now += ms;
      for (const sleeper of waiting.filter((entry) => entry.at <= now)) {
        waiting.splice(waiting.indexOf(sleeper), 1);
        sleeper.wake();
      }
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('CallLimiter', () => {
  it('keeps at most maxConcurrency calls in flight and starts the next as one finishes', async () => {
    const limiter = new CallLimiter({ maxConcurrency: 2, ratePerMinute: 100, timeoutMs: 60_000 });
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let started = 0;
    const calls = gates.map((gate) =>
      limiter.run(async () => {
        started++;
        running++;
        await gate.promise;
        running--;
      }, new AbortController().signal),
    );
    await flush();
    expect([started, running]).toEqual([2, 2]);
    gates[0]!.resolve();
    await flush();
    expect(started).toBe(3);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(calls);
  });

  it('starts at most ratePerMinute calls in any 60 seconds', async () => {
    const clock = manualClock();
    const limiter = new CallLimiter({ maxConcurrency: 10, ratePerMinute: 2, timeoutMs: 600_000, clock });
    let started = 0;
    const calls = [0, 1, 2].map(() => limiter.run(async () => void started++, new AbortController().signal));
    await flush();
    expect(started).toBe(2);
    clock.advance(59_000);
    await flush();
    expect(started).toBe(2);
    clock.advance(1_000);
    await Promise.all(calls);
    expect(started).toBe(3);
  });

  it('rejects a call past its timeout with LLM_TIMEOUT, and a cancelled one with the cancel reason, without starting queued calls', async () => {
    const limiter = new CallLimiter({ maxConcurrency: 1, ratePerMinute: 100, timeoutMs: 30 });
    const never = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by signal'))));
    const timedOut = await limiter.run(never, new AbortController().signal).catch((error: unknown) => error);
    expect(timedOut).toBeInstanceOf(LlmUnavailableError);
    expect((timedOut as LlmUnavailableError).code).toBe('LLM_TIMEOUT');

    const patient = new CallLimiter({ maxConcurrency: 1, ratePerMinute: 100, timeoutMs: 60_000 });
    const cancel = new AbortController();
    let queuedStarted = false;
    const first = patient.run(never, cancel.signal);
    const queued = patient.run(async () => void (queuedStarted = true), cancel.signal).catch((error: unknown) => error);
    const reason = new Error('user cancelled');
    cancel.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect(await queued).toBe(reason);
    expect(queuedStarted).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputRequired } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { SuspendedCall, SuspendedCalls } from './input-rounds.js';

const ask = inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 10 });
const noProgress = () => undefined;

/** A call whose handler asks once and returns the answer's text. */
function askingCall(owner = 'alice', tool = 'generate_snapshot') {
  return new SuspendedCall<string>(owner, tool, async (self) => (await self.ask(ask, z.object({ text: z.string() }))).text);
}

describe('SuspendedCall', () => {
  it('ends a round with the asks it waits on, then resumes with the answers', async () => {
    const call = askingCall();
    const first = await call.round(new AbortController().signal, noProgress);
    expect(first.kind).toBe('input_required');
    const result = (first as { result: { inputRequests: Record<string, unknown>; requestState: string } }).result;
    expect(Object.keys(result.inputRequests)).toEqual(['q1']);
    expect(result.requestState).toBe(call.id);
    call.deliver({ q1: { text: 'answered' }, unknown: { text: 'ignored' } });
    expect(await call.round(new AbortController().signal, noProgress)).toEqual({ kind: 'done', value: 'answered' });
  });

  it('fails the handler with a coded error when an answer has the wrong shape', async () => {
    const call = askingCall();
    await call.round(new AbortController().signal, noProgress);
    call.deliver({ q1: { text: 42 } });
    const outcome = await call.round(new AbortController().signal, noProgress);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'INVALID_ARGUMENT' } });
  });

  it('stops the handler when the client cancels the round', async () => {
    const call = new SuspendedCall<string>('alice', 'load_transcript', (self) => new Promise((_resolve, reject) => self.signal.addEventListener('abort', () => reject(self.signal.reason))));
    const cancel = new AbortController();
    const round = call.round(cancel.signal, noProgress);
    cancel.abort();
    expect(await round).toMatchObject({ kind: 'failed', error: { code: 'CANCELLED' } });
  });
});

describe('SuspendedCalls', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives a waiting call back only to its owner, for the same tool, once', async () => {
    const calls = new SuspendedCalls();
    const call = askingCall();
    await call.round(new AbortController().signal, noProgress);
    calls.park(call as SuspendedCall<unknown>);
    expect(calls.take('bob', 'generate_snapshot', call.id)).toBeUndefined();
    expect(calls.take('alice', 'load_transcript', call.id)).toBeUndefined();
    expect(calls.take('alice', 'generate_snapshot', { id: call.id })).toBeUndefined();
    expect(calls.take('alice', 'generate_snapshot', call.id)).toBe(call);
    expect(calls.take('alice', 'generate_snapshot', call.id)).toBeUndefined();
  });

  it('abandons a call nobody resumes within 10 minutes, failing its handler with INPUT_ROUND_EXPIRED', async () => {
    vi.useFakeTimers();
    const calls = new SuspendedCalls();
    const call = askingCall();
    const first = call.round(new AbortController().signal, noProgress);
    await vi.advanceTimersByTimeAsync(100);
    expect((await first).kind).toBe('input_required');
    calls.park(call as SuspendedCall<unknown>);
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 1);
    expect(call.signal.aborted).toBe(true);
    expect(calls.take('alice', 'generate_snapshot', call.id)).toBeUndefined();
  });

  it('keeps at most 16 waiting calls per principal, abandoning the oldest', async () => {
    const calls = new SuspendedCalls();
    const parked: SuspendedCall<string>[] = [];
    for (let i = 0; i < 17; i += 1) {
      const call = askingCall();
      await call.round(new AbortController().signal, noProgress);
      calls.park(call as SuspendedCall<unknown>);
      parked.push(call);
    }
    const bobs = askingCall('bob');
    await bobs.round(new AbortController().signal, noProgress);
    calls.park(bobs as SuspendedCall<unknown>);
    expect(parked[0]!.signal.aborted).toBe(true);
    expect(parked.slice(1).every((call) => !call.signal.aborted)).toBe(true);
    expect(calls.take('bob', 'generate_snapshot', bobs.id)).toBe(bobs);
  });
});

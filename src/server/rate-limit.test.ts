import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

function limiterAt(perMinute: number) {
  let now = 0;
  const limiter = new RateLimiter({ perMinute, now: () => now });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows a full minute of requests at once, then refuses with the seconds to wait', () => {
    const { limiter } = limiterAt(60);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('alice')).toEqual({ allowed: true });
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('earns requests back evenly over the minute', () => {
    const { limiter, advance } = limiterAt(6);
    for (let i = 0; i < 6; i += 1) limiter.take('alice');
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    advance(4_000);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    advance(6_000);
    expect(limiter.take('alice')).toEqual({ allowed: true });
    expect(limiter.take('alice').allowed).toBe(false);
    advance(10 * 60_000);
    for (let i = 0; i < 6; i += 1) expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const { limiter } = limiterAt(2);
    limiter.take('alice');
    limiter.take('alice');
    expect(limiter.take('alice').allowed).toBe(false);
    expect(limiter.take('bob')).toEqual({ allowed: true });
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ perMinute: 1.5 })).toThrow(RangeError);
  });
});

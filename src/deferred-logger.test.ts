import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { deferredLogger } from './deferred-logger.js';
import { createLogger } from './logger.js';

/** A deferred logger over a real one writing to memory, and how many times it was loaded. */
function capture(level: 'warn' | 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  let loads = 0;
  const logger = deferredLogger(level, async () => {
    loads++;
    return createLogger(level, memory, ['sk-secret-value-123']);
  });
  // The real logger is made and written to within microtasks: one turn of the event loop sees every line.
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return { logger, lines, loads: () => loads, settled };
}

describe('deferredLogger', () => {
  it('never loads the logger for lines below its level', async () => {
    const { logger, lines, loads, settled } = capture('warn');
    logger.info({ event: 'transcript_loaded' }, 'loaded');
    logger.child({ principal: 'local' }).debug('detail');
    await settled();
    expect(loads()).toBe(0);
    expect(lines).toEqual([]);
  });

  it('writes the lines at its level in order, once loaded, with child bindings and redaction', async () => {
    const { logger, lines, loads, settled } = capture('debug');
    logger.warn({ event: 'first' }, 'one');
    logger.child({ principal: 'alice' }).child({ request: 7 }).error({ event: 'second' }, 'key sk-secret-value-123 rejected');
    logger.debug({ event: 'third' }, 'three');
    await settled();
    expect(loads()).toBe(1);
    expect(lines.map((line) => line.event)).toEqual(['first', 'second', 'third']);
    expect(lines[1]).toMatchObject({ level: 50, principal: 'alice', request: 7 });
    expect(JSON.stringify(lines)).not.toContain('sk-secret-value-123');
  });
});

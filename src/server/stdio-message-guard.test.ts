import { describe, expect, it } from 'vitest';
import { requestIdOfOversizeLine, StdioMessageGuard, type OversizeLine } from './stdio-message-guard.js';

/** Feeds `input` to a guard in chunks of `chunkBytes`; returns the lines passed on and the over-size ones reported. */
async function guard(input: string, maxMessageBytes: number, chunkBytes: number): Promise<{ passed: string[]; oversize: OversizeLine[] }> {
  const oversize: OversizeLine[] = [];
  const passed: string[] = [];
  const stream = new StdioMessageGuard(maxMessageBytes, (line) => oversize.push(line));
  stream.on('data', (chunk: Buffer) => passed.push(chunk.toString('utf8')));
  const bytes = Buffer.from(input, 'utf8');
  for (let at = 0; at < bytes.length; at += chunkBytes) stream.write(bytes.subarray(at, at + chunkBytes));
  stream.end();
  await new Promise((resolve) => stream.once('end', resolve));
  return { passed, oversize };
}

describe('StdioMessageGuard', () => {
  it('passes each line on whole, however the input was chunked, and drops an over-size one', async () => {
    const big = `{"method":"x","params":{"content":"${'a'.repeat(500)}"},"jsonrpc":"2.0","id":9}`;
    const { passed, oversize } = await guard(`{"id":1}\n${big}\n{"id":2}\n{"id":3}\npartial`, 100, 7);
    expect(passed).toEqual(['{"id":1}\n', '{"id":2}\n', '{"id":3}\n']);
    expect(oversize).toEqual([{ bytes: big.length, id: 9 }]);
  });

  it('reads the id when the line crosses the limit only in its last chunk', async () => {
    const line = `{"method":"x","params":{"content":"${'a'.repeat(70)}"},"jsonrpc":"2.0","id":5}`;
    const { oversize } = await guard(`${line}\n`, line.length - 3, line.length - 3);
    expect(oversize).toEqual([{ bytes: line.length, id: 5 }]);
  });

  it('passes a line of exactly the limit', async () => {
    const { passed, oversize } = await guard(`${'x'.repeat(10)}\n`, 10, 3);
    expect(passed).toEqual([`${'x'.repeat(10)}\n`]);
    expect(oversize).toEqual([]);
  });
});

describe('requestIdOfOversizeLine', () => {
  it('reads the id from the end, as the SDK clients write it', () => {
    expect(requestIdOfOversizeLine('{"method":"tools/call","params":{"con', 'aaa"}},"jsonrpc":"2.0","id":12}')).toBe(12);
    expect(requestIdOfOversizeLine('{"method":"x"', 'aaa"}},"id":"req-\\"7\\""}\r')).toBe('req-"7"');
  });

  it('reads the id from the start, among the leading plain members', () => {
    expect(requestIdOfOversizeLine('{"jsonrpc":"2.0","id":"abc","method":"tools/call","params":{"a', 'aaa"}}}')).toBe('abc');
  });

  it('is not fooled by an id inside the text or a nested object', () => {
    // The text ends with an escaped `","id":5}`; the last member is params.
    expect(requestIdOfOversizeLine('{"method":"x","params":{"a', 'aa\\",\\"id\\":5}"}}')).toBeUndefined();
    expect(requestIdOfOversizeLine('{"method":"x","params":{"a', 'aa","meta":{"id":5}}}')).toBeUndefined();
    expect(requestIdOfOversizeLine('{"params":{"id":5,"x":"', 'aaa"}}')).toBeUndefined();
    expect(requestIdOfOversizeLine('{"method":"x","params":{"a', 'aaa"},"id":1.5}')).toBeUndefined();
  });
});

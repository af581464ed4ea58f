/**
 * Hostile-message corpus for the stdio transport: lines beyond the read
 * limit with their id in every place a client may put it (or nowhere), a
 * pasted transcript just over MAX_TRANSCRIPT_BYTES, and lines that are no
 * JSON-RPC at all. Each names what the client must see: a JSON-RPC error
 * answering its id, a tool error, nothing (the next request is still served),
 * or the process exiting non-zero. The server runs with `STDIO_CASES_ENV`,
 * which puts the read limit at `STDIO_READ_LIMIT`.
 */

import type { ErrorCode } from '../../src/core/errors.js';

const MIB = 1024 * 1024;
/** MAX_TRANSCRIPT_BYTES of 1 MiB: the read limit is its floor, the SDK's 10 MB. */
export const STDIO_CASES_ENV = { MAX_TRANSCRIPT_BYTES: String(MIB) };
export const STDIO_READ_LIMIT = 10 * MIB;

export type StdioExpectation =
  | { kind: 'jsonrpc_error'; id: string | number }
  | { kind: 'tool_error'; id: number; code: ErrorCode }
  | { kind: 'ignored' }
  | { kind: 'exit' };

export interface HostileStdioCase {
  name: string;
  /** The line, without its newline; built when sent, since most are over 10 MB. */
  line: () => string;
  expected: StdioExpectation;
}

const filler = (bytes: number) => 'a'.repeat(bytes);
const overLimit = () => filler(STDIO_READ_LIMIT + MIB);
const loadParams = (content: string) => `{"name":"load_transcript","arguments":{"content":"${content}"}}`;

export const HOSTILE_STDIO_CASES: ReadonlyArray<HostileStdioCase> = [
  { name: 'over the limit, number id last (SDK client order)', line: () => `{"method":"tools/call","params":${loadParams(overLimit())},"jsonrpc":"2.0","id":101}`, expected: { kind: 'jsonrpc_error', id: 101 } },
  { name: 'over the limit, string id last', line: () => `{"method":"tools/call","params":${loadParams(overLimit())},"jsonrpc":"2.0","id":"call-\\"102\\""}`, expected: { kind: 'jsonrpc_error', id: 'call-"102"' } },
  { name: 'over the limit, id first', line: () => `{"jsonrpc":"2.0","id":103,"method":"tools/call","params":${loadParams(overLimit())}}`, expected: { kind: 'jsonrpc_error', id: 103 } },
  { name: 'over the limit, id after the method', line: () => `{"jsonrpc":"2.0","method":"tools/call","id":104,"params":${loadParams(overLimit())}}`, expected: { kind: 'jsonrpc_error', id: 104 } },
  { name: 'over the limit, a decoy id inside params', line: () => `{"method":"tools/call","params":{"id":999,"arguments":{"content":"${overLimit()}"}},"jsonrpc":"2.0","id":105}`, expected: { kind: 'jsonrpc_error', id: 105 } },
  { name: 'over the limit, CRLF line end', line: () => `{"method":"tools/call","params":${loadParams(overLimit())},"jsonrpc":"2.0","id":106}\r`, expected: { kind: 'jsonrpc_error', id: 106 } },
  { name: 'inside the limit, content just over MAX_TRANSCRIPT_BYTES', line: () => `{"method":"tools/call","params":${loadParams(filler(MIB + 1))},"jsonrpc":"2.0","id":107}`, expected: { kind: 'tool_error', id: 107, code: 'TRANSCRIPT_TOO_LARGE' } },
  { name: 'a line that is not JSON', line: () => 'hello, server?', expected: { kind: 'ignored' } },
  { name: 'JSON that is not JSON-RPC', line: () => '[1,2,3]', expected: { kind: 'ignored' } },
  { name: 'a blank line', line: () => '   ', expected: { kind: 'ignored' } },
  { name: 'over the limit, id only in the middle', line: () => `{"method":"tools/call","params":${loadParams(overLimit())},"id":108,"jsonrpc":"2.0"}`, expected: { kind: 'exit' } },
  { name: 'over the limit, a notification (no id)', line: () => `{"jsonrpc":"2.0","method":"notifications/message","params":{"data":"${overLimit()}"}}`, expected: { kind: 'exit' } },
  { name: 'over the limit, no JSON at all', line: () => overLimit(), expected: { kind: 'exit' } },
];

/**
 * The built server over stdio when a message is too large: the call is
 * answered (TRANSCRIPT_TOO_LARGE from the tool, or a JSON-RPC error when the
 * line is beyond even the enlarged read limit) and the next request is served,
 * with the v2 and the v1 client. A line whose id cannot be read ends the
 * process with a non-zero code, and so does nothing else but the client
 * leaving: the server never stays up and deaf.
 */

import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, serverEnv } from '../support/spawn.js';
import { HOSTILE_STDIO_CASES, STDIO_CASES_ENV, STDIO_READ_LIMIT } from '../hostile/stdio-message-cases.js';

const MIB = 1024 * 1024;

interface AnyClient {
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  close(): Promise<void>;
}

async function connect(kind: 'v1' | 'v2', env: Record<string, string> = {}): Promise<AnyClient> {
  const options = { command: process.execPath, args: [CLI], env: serverEnv({ LOG_LEVEL: 'warn', ...env }) };
  if (kind === 'v2') {
    const client = new Client({ name: 'limits-v2', version: '1.0.0' });
    await client.connect(new StdioClientTransport(options));
    return client as unknown as AnyClient;
  }
  const client = new V1Client({ name: 'limits-v1', version: '1.0.0' });
  await client.connect(new V1StdioClientTransport(options));
  return client as unknown as AnyClient;
}

function textOf(result: unknown): string {
  return ((result as { content: Array<{ text?: string }> }).content[0]?.text ?? '');
}

/** The server with raw pipes: write lines, wait for answers, and its exit code and stderr. */
function startRaw(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI], { env: serverEnv({ LOG_LEVEL: 'warn', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const answers = () => stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line) as Answer);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The server may close its end first; what it does then is the point of the test.
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return {
    write: (line: string) => child.stdin.write(`${line}\n`),
    endInput: () => child.stdin.end(),
    answered: (count: number) =>
      new Promise<Answer[]>((resolve) => {
        const check = () => answers().length >= count && (child.stdout.off('data', check), resolve(answers()));
        child.stdout.on('data', check);
        check();
      }),
    /** The answer to request `id`, once it has been written. */
    answerTo: (id: string | number) =>
      new Promise<Answer>((resolve) => {
        const check = () => {
          const found = answers().find((answer) => answer.id === id);
          if (found) resolve(found), child.stdout.off('data', check);
        };
        child.stdout.on('data', check);
        check();
      }),
    answers,
    exited,
  };
}

interface Answer {
  id?: string | number;
  result?: { isError?: boolean; content?: Array<{ text?: string }>; tools?: unknown[] };
  error?: { code: number; message: string; data?: { code?: string } };
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

describe.each(['v2', 'v1'] as const)('an over-size message from the %s client over stdio', (kind) => {
  let client: AnyClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('a pasted transcript just over MAX_TRANSCRIPT_BYTES gets TRANSCRIPT_TOO_LARGE and the server goes on serving', async () => {
    client = await connect(kind);
    const result = await client.callTool({ name: 'load_transcript', arguments: { content: 'a'.repeat(10 * MIB + 10) } });
    expect(result).toMatchObject({ isError: true });
    expect(textOf(result)).toMatch(/^TRANSCRIPT_TOO_LARGE: /);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('load_transcript');
  });

  it('a message beyond even the enlarged read limit gets a JSON-RPC error and the server goes on serving', async () => {
    client = await connect(kind, STDIO_CASES_ENV);
    await expect(client.callTool({ name: 'load_transcript', arguments: { content: 'a'.repeat(STDIO_READ_LIMIT + MIB) } })).rejects.toThrow(/TRANSCRIPT_TOO_LARGE.*load a transcript this large by path/);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('load_transcript');
  });
});

describe('the stdio server process', () => {
  it('answers each hostile line of the corpus as it must and goes on serving', async () => {
    const server = startRaw(STDIO_CASES_ENV);
    server.write(INITIALIZE);
    await server.answerTo(0);
    let probeId = 1000;
    for (const testCase of HOSTILE_STDIO_CASES.filter((c) => c.expected.kind !== 'exit')) {
      const { expected } = testCase;
      server.write(testCase.line());
      probeId += 1;
      server.write(JSON.stringify({ jsonrpc: '2.0', id: probeId, method: 'tools/list', params: {} }));
      expect((await server.answerTo(probeId)).result?.tools?.length, testCase.name).toBeGreaterThan(0);
      if (expected.kind === 'jsonrpc_error') {
        const answer = await server.answerTo(expected.id);
        expect(answer.error, testCase.name).toMatchObject({ code: -32600, data: { code: 'TRANSCRIPT_TOO_LARGE' } });
      } else if (expected.kind === 'tool_error') {
        const answer = await server.answerTo(expected.id);
        expect(answer.result?.isError, testCase.name).toBe(true);
        expect(answer.result?.content?.[0]?.text, testCase.name).toMatch(new RegExp(`^${expected.code}: `));
      }
    }
    // One answer each: initialize, the probes, and the cases that expect one; nothing for the ignored lines.
    const answerable = HOSTILE_STDIO_CASES.filter((c) => c.expected.kind === 'jsonrpc_error' || c.expected.kind === 'tool_error').length;
    expect(server.answers()).toHaveLength(1 + (probeId - 1000) + answerable);
    server.endInput();
    expect((await server.exited).code).toBe(0);
  });

  it.each(HOSTILE_STDIO_CASES.filter((c) => c.expected.kind === 'exit').map((c) => [c.name, c] as const))('exits 1, saying why, for a line with no id to answer: %s', async (_name, testCase) => {
    const server = startRaw(STDIO_CASES_ENV);
    server.write(INITIALIZE);
    server.write(testCase.line());
    const { code, stderr } = await server.exited;
    expect(code).toBe(1);
    expect(stderr).toContain('"event":"stdio_message_too_large"');
    expect(stderr).toContain('"reason":"unanswerable_message"');
  });

  it('exits 0 once the client closes stdin', async () => {
    const server = startRaw();
    server.write(INITIALIZE);
    server.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }));
    expect((await server.answered(2)).map((answer) => answer.id)).toEqual([0, 1]);
    server.endInput();
    expect((await server.exited).code).toBe(0);
  });
});

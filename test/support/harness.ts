/**
 * Test harness: a real Workspace and server, a real SDK Client, joined by the
 * SDK's in-memory transport. Tests talk MCP to the server as a client does.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, InMemoryTransport, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { Workspace } from '../../src/app/workspace.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createSilentLogger } from '../../src/logger.js';
import { createServer } from '../../src/server/create-server.js';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const QUEST_VTT = path.join(FIXTURES_DIR, 'quest_enterprises_project_kickoff_transcript.vtt');

export function testConfig(env: Record<string, string> = {}, cwd = FIXTURES_DIR): Config {
  return loadConfig({ TRANSCRIPT_ROOTS: FIXTURES_DIR, ...env }, cwd);
}

export interface Connected {
  client: Client;
  workspace: Workspace;
  close(): Promise<void>;
}

export async function connect(options: { workspace?: Workspace; config?: Config; principal?: string; clientOptions?: ConstructorParameters<typeof Client>[1] } = {}): Promise<Connected> {
  const workspace = options.workspace ?? new Workspace({ config: options.config ?? testConfig(), logger: createSilentLogger() });
  const server = createServer({ workspace, principal: options.principal ?? 'local' });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test-client', version: '1.0.0' }, options.clientOptions);
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return {
    client,
    workspace,
    async close() {
      await client.close();
      await server.close();
    },
  };
}

/**
 * A client on the 2026-07-28 protocol: it negotiates through `server/discover` and talks to the
 * SDK's HTTP handler in-process (the handler's fetch, no socket), one fresh server per request
 * as the HTTP delivery serves it.
 */
export async function connectModern(
  options: { workspace?: Workspace; principal?: string; clientOptions?: ConstructorParameters<typeof Client>[1]; onRequest?: (body: string) => void } = {},
): Promise<Connected> {
  const workspace = options.workspace ?? new Workspace({ config: testConfig(), logger: createSilentLogger() });
  const handler = createMcpHandler(() => createServer({ workspace, principal: options.principal ?? 'local' }));
  const client = new Client({ name: 'modern-test-client', version: '1.0.0' }, { ...options.clientOptions, versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
      fetch: (url, init) => {
        if (typeof init?.body === 'string') options.onRequest?.(init.body);
        return handler.fetch(new Request(url, init));
      },
    }));
  if (client.getNegotiatedProtocolVersion() !== '2026-07-28') throw new Error(`expected the 2026-07-28 protocol, got ${client.getNegotiatedProtocolVersion()}`);
  return {
    client,
    workspace,
    async close() {
      await client.close();
      await handler.close();
    },
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** Calls a tool and returns its structured content, failing the test on an error result. */
export async function callOk<T = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${textOf(result as CallToolResult)}`);
  return result.structuredContent as T;
}

/** Calls a tool that must fail, and returns its error text. */
export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  if (!result.isError) throw new Error(`${name} unexpectedly succeeded`);
  return textOf(result as CallToolResult);
}

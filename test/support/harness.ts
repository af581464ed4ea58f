/**
 * Test harness: a real Workspace and server, a real SDK Client, joined by the
 * SDK's in-memory transport. Tests talk MCP to the server as a client does.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, InMemoryTransport, type CallToolResult } from '@modelcontextprotocol/client';
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

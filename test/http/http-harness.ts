/**
 * HTTP test harness: a real server on 127.0.0.1 (port 0), real SDK clients
 * (v2, and the v1 package for interop) that authenticate with a bearer
 * token, and a raw request helper for checking status codes and headers
 * exactly as a client sees them.
 */

import http from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Workspace } from '../../src/app/workspace.js';
import { createSilentLogger } from '../../src/logger.js';
import { startHttpServer, type HttpServerHandle, type HttpServerOptions } from '../../src/server/http/http-server.js';
import type { TokenEntry } from '../../src/server/http/tokens.js';
import { testConfig } from '../support/harness.js';

export const ALICE: TokenEntry = { principal: 'alice', token: 'alice-token-0123456789abcdef' };
export const BOB: TokenEntry = { principal: 'bob', token: 'bob-token-fedcba9876543210' };

export interface Running {
  workspace: Workspace;
  server: HttpServerHandle;
  url: URL;
}

export async function startTestServer(options: HttpServerOptions = {}): Promise<Running> {
  const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger() });
  const server = await startHttpServer(workspace, { port: 0, tokens: [ALICE, BOB], ...options });
  return { workspace, server, url: new URL(server.url) };
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** A v2 SDK client over Streamable HTTP. */
export async function connectClient(url: URL, token?: string): Promise<Client> {
  const client = new Client({ name: 'http-test-client', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: token ? bearer(token) : {} } }));
  return client;
}

/** The v1 SDK client (2025 protocol), for interop. */
export async function connectV1Client(url: URL, token: string): Promise<V1Client> {
  const client = new V1Client({ name: 'http-test-client-v1', version: '1.0.0' });
  await client.connect(new V1StreamableHTTPClientTransport(url, { requestInit: { headers: bearer(token) } }));
  return client;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request with full control of the headers (fetch would not let us forge Host). */
export function rawRequest(url: URL, request: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method ?? 'POST', path: request.path ?? url.pathname, headers: request.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** A 2025-era JSON-RPC POST, the smallest real MCP request a raw client can make. */
export function jsonRpcPost(method: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}): RawRequest {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  };
}

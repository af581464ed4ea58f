import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Workspace } from '../../src/app/workspace.js';
import { ConfigError } from '../../src/core/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { startHttpServer } from '../../src/server/http/http-server.js';
import { callOk, testConfig } from '../support/harness.js';
import { ALICE, BOB, bearer, connectClient, jsonRpcPost, rawRequest, startTestServer, type Running } from './http-harness.js';

const LIST_TOOLS = 'tools/list';

function captureLogs(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, sink),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('HTTP gates', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.server.close();
    running = undefined;
  });

  it('answers /healthz with {"status":"ok"} and nothing else, without a token', async () => {
    running = await startTestServer();
    const health = await rawRequest(running.url, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toBe('application/json');
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect((await rawRequest(running.url, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
  });

  it('refuses a request without a token with 401 and a bare Bearer challenge, and logs it without secrets', async () => {
    const logs = captureLogs();
    running = await startTestServer({ logger: logs.logger });
    const response = await rawRequest(running.url, jsonRpcPost(LIST_TOOLS));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="mcp-snapshot-server"');
    expect(JSON.parse(response.body)).toMatchObject({ error: { message: expect.stringContaining('Unauthorized') } });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ event: 'http_auth_failed', reason: 'missing_token', security: true }));
    await expect(connectClient(running.url)).rejects.toThrow();
  });

  it('refuses a wrong token with 401 invalid_token, never echoing it', async () => {
    const logs = captureLogs();
    running = await startTestServer({ logger: logs.logger });
    const wrong = 'not-a-real-token-but-long-enough';
    const response = await rawRequest(running.url, jsonRpcPost(LIST_TOOLS, {}, bearer(wrong)));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="mcp-snapshot-server", error="invalid_token"/);
    expect(response.body).not.toContain(wrong);
    expect(logs.lines()).toContainEqual(expect.objectContaining({ event: 'http_auth_failed', reason: 'invalid_token' }));
    expect(JSON.stringify(logs.lines())).not.toContain(wrong);
    await expect(connectClient(running.url, wrong)).rejects.toThrow();
    // A token's principal is not a token.
    expect((await rawRequest(running.url, jsonRpcPost(LIST_TOOLS, {}, bearer(ALICE.principal)))).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403, and allows configured ones', async () => {
    running = await startTestServer({ allowedHosts: ['mcp.team.example'], allowedOrigins: ['https://console.team.example'] });
    const call = (headers: Record<string, string>) => rawRequest(running!.url, jsonRpcPost(LIST_TOOLS, {}, { ...bearer(ALICE.token), ...headers }));

    const rebinding = await call({ host: `attacker.example:${running.url.port}` });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body).toContain('Host not allowed');
    const crossSite = await call({ origin: 'https://attacker.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('Origin not allowed');
    expect((await call({ origin: 'null' })).status).toBe(403);

    expect((await call({ host: `mcp.team.example:${running.url.port}` })).status).toBe(200);
    expect((await call({ origin: 'https://console.team.example' })).status).toBe(200);
    expect((await call({ host: `localhost:${running.url.port}`, origin: 'http://localhost:5173' })).status).toBe(200);
  });

  it('refuses a body over the cap with 413 before it reaches MCP', async () => {
    running = await startTestServer({ maxBodyBytes: 2048 });
    const client = await connectClient(running.url, ALICE.token);
    try {
      const small = 'Ann Lee: The pilot went well.\n';
      expect(await callOk(client, 'load_transcript', { content: small })).toMatchObject({ format: 'txt' });
      const big = jsonRpcPost('tools/call', { name: 'load_transcript', arguments: { content: `Ann Lee: ${'word '.repeat(1000)}\n` } }, bearer(ALICE.token));
      const response = await rawRequest(running.url, big);
      expect(response.status).toBe(413);
      expect(response.body).toContain('larger than 2048 bytes');
      const streamed = await rawRequest(running.url, { ...big, headers: { ...big.headers, 'transfer-encoding': 'chunked' } });
      expect(streamed.status).toBe(413);
      await expect(client.callTool({ name: 'load_transcript', arguments: { content: `Ann Lee: ${'word '.repeat(1000)}\n` } })).rejects.toThrow();
      expect(running.workspace.session(ALICE.principal).listTranscripts()).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('answers 429 with Retry-After to a principal over its rate while another is unaffected', async () => {
    running = await startTestServer({ ratePerMinute: 5 });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof rawRequest>> | undefined;
    for (let i = 0; i < 8 && !limited; i += 1) {
      const response = await rawRequest(running.url, jsonRpcPost(LIST_TOOLS, {}, bearer(ALICE.token)));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);

    const bob = await connectClient(running.url, BOB.token);
    try {
      expect(await callOk(bob, 'list_transcripts', {})).toEqual({ transcripts: [] });
    } finally {
      await bob.close();
    }
    expect((await rawRequest(running.url, jsonRpcPost(LIST_TOOLS, {}, bearer(ALICE.token)))).status).toBe(429);
  });

  it('refuses to start on a non-loopback address without tokens', async () => {
    const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger() });
    await expect(startHttpServer(workspace, { host: '0.0.0.0', port: 0 })).rejects.toThrow(ConfigError);
    await expect(startHttpServer(workspace, { host: '0.0.0.0', port: 0, tokens: [] })).rejects.toThrow(/without bearer tokens/);
  });

  it('reports a port in use as a ConfigError', async () => {
    running = await startTestServer();
    const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger() });
    await expect(startHttpServer(workspace, { port: Number(running.url.port), tokens: [ALICE] })).rejects.toThrow(/already in use/);
  });

  it('serves loopback without tokens as the "local" principal', async () => {
    const workspace = new Workspace({ config: testConfig(), logger: createSilentLogger() });
    const server = await startHttpServer(workspace, { port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const client = await connectClient(new URL(server.url));
      await callOk(client, 'load_transcript', { content: 'Ann Lee: The pilot went well.\n' });
      await client.close();
      expect(workspace.session('local').listTranscripts()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

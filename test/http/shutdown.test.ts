import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { callOk, QUEST_VTT } from '../support/harness.js';
import { ALICE, bearer, connectClient, jsonRpcPost, rawRequest, startTestServer, type RawResponse } from './http-harness.js';

/**
 * Sends headers with `Expect: 100-continue` and holds the body back. Node
 * answers "100 Continue" as it hands the request to the server's handler, so
 * once `accepted` resolves the request is in flight for certain.
 */
function heldRequest(url: URL, request: { headers: Record<string, string>; body: string }) {
  const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname, headers: { ...request.headers, expect: '100-continue' }, agent: false });
  const accepted = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
  });
  req.flushHeaders();
  return { accepted, response, release: () => req.end(request.body) };
}

describe('graceful shutdown', () => {
  it('lets an in-flight generate_snapshot finish, then stops listening', async () => {
    const { server, url, workspace } = await startTestServer();
    const client = await connectClient(url, ALICE.token);
    const { transcript_id } = await callOk<{ transcript_id: string }>(client, 'load_transcript', { path: QUEST_VTT });

    // The workspace announces the new snapshot from inside the tool call, so closing here closes mid-call.
    let closing: Promise<void> | undefined;
    const unsubscribe = workspace.onChange((kind) => {
      if (kind === 'snapshots') closing ??= server.close();
    });
    const snapshot = await callOk<{ id: string; transcript_id: string }>(client, 'generate_snapshot', { transcript_id });
    unsubscribe();
    expect(closing).toBeDefined();
    expect(snapshot).toMatchObject({ transcript_id, id: expect.stringMatching(/^s_/) });
    await closing;

    await expect(rawRequest(url, { method: 'GET', path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
    await client.close().catch(() => undefined);
  });

  it('refuses new requests with 503 while a request is still in flight, and finishes that request', async () => {
    const { server, url } = await startTestServer();
    const client = await connectClient(url, ALICE.token);
    const { transcript_id } = await callOk<{ transcript_id: string }>(client, 'load_transcript', { path: QUEST_VTT });
    await client.close();

    const call = jsonRpcPost('tools/call', { name: 'generate_snapshot', arguments: { transcript_id, format: 'json' } }, bearer(ALICE.token));
    const held = heldRequest(url, { headers: call.headers as Record<string, string>, body: call.body as string });
    await held.accepted;

    const closing = server.close();
    const refused = await rawRequest(url, jsonRpcPost('tools/list', {}, bearer(ALICE.token)));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBeDefined();
    const health = await rawRequest(url, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toEqual({ status: 'draining' });

    held.release();
    const finished = await held.response;
    expect(finished.status).toBe(200);
    expect(finished.body).toContain(`"transcript_id":"${transcript_id}"`);
    expect(finished.body).not.toContain('"isError":true');
    await closing;
    await expect(rawRequest(url, { method: 'GET', path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('is idempotent', async () => {
    const { server } = await startTestServer();
    await Promise.all([server.close(), server.close()]);
    await server.close();
  });
});

/**
 * The built team server over HTTPS: an SDK client works over TLS with a
 * certificate made for the test, TLS below 1.2 is refused, a renewed
 * certificate is served after SIGHUP without a restart, and plain HTTP beyond
 * loopback is refused unless the operator states that TLS ends in front.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchTrusting, makeTestCertificate, peerOf, type TestCertificate } from '../support/certificates.js';
import { CLI, serverEnv } from '../support/spawn.js';

const TOKEN = 'alice-token-0123456789abcdef';

interface Started {
  child: ChildProcess;
  url: URL;
  stderr: () => string;
  /** Resolves once a log line with this event has been written. */
  logged: (event: string) => Promise<void>;
}

/** Runs `serve --http --port 0 …args` and resolves once it listens, or rejects with what it wrote when it exits first. */
function startServer(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'serve', '--http', '--port', '0', ...args], { env: serverEnv({ MCP_HTTP_TOKENS: `alice:${TOKEN}`, ...env, LOG_LEVEL: 'info' }), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logged = (event: string) =>
    new Promise<void>((resolve) => {
      const check = () => stderr.includes(`"event":"${event}"`) && (child.stderr!.off('data', check), resolve());
      child.stderr!.on('data', check);
      check();
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(Object.assign(new Error(`server exited (${code})`), { code, stderr })));
    void logged('server_started').then(() => resolve({ child, url: new URL(/"url":"([^"]+)"/.exec(stderr)![1]!), stderr: () => stderr, logged }));
  });
}

async function refusalOf(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  try {
    const started = await startServer(args, env);
    started.child.kill();
    throw new Error('the server started');
  } catch (error) {
    return error as { code: number; stderr: string };
  }
}

describe('the team server over HTTPS', () => {
  let dir: string;
  let first: TestCertificate;
  let renewed: TestCertificate;
  let running: Started | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'https-test-'));
    first = makeTestCertificate(dir, 'first');
    renewed = makeTestCertificate(dir, 'renewed');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    running?.child.kill();
    running = undefined;
  });

  it('serves an SDK client over TLS 1.2 or newer with the given certificate, and no plain HTTP', async () => {
    running = await startServer(['--tls-cert', first.certFile, '--tls-key', first.keyFile]);
    expect(running.url.protocol).toBe('https:');
    expect(running.stderr()).toContain('"tls":"native"');
    const client = new Client({ name: 'https-client', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(running.url, { fetch: fetchTrusting(first.pem), requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }));
    try {
      const loaded = await client.callTool({ name: 'load_transcript', arguments: { content: 'Ann Lee: the pilot went live.\nBo Chan: great news.' } });
      expect(loaded.isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const peer = await peerOf(running.url, { ca: first.pem });
    expect(peer.fingerprint256).toBe(first.fingerprint256);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(peer.protocol);
    // TLS 1.1 is refused even by a client willing to use it.
    await expect(peerOf(running.url, { ca: first.pem, maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' })).rejects.toThrow();
    // Not even the health check answers in clear text.
    await expect(fetch(new URL('/healthz', running.url.href.replace('https:', 'http:')))).rejects.toThrow();
  });

  it('serves a renewed certificate after SIGHUP, and keeps the old one when the new files do not load', async () => {
    const certFile = path.join(dir, 'live.crt');
    const keyFile = path.join(dir, 'live.key');
    await copyFile(first.certFile, certFile);
    await copyFile(first.keyFile, keyFile);
    running = await startServer([], { MCP_HTTP_TLS_CERT_FILE: certFile, MCP_HTTP_TLS_KEY_FILE: keyFile });
    const trustBoth = { ca: [first.pem, renewed.pem] };

    await writeFile(certFile, 'not a certificate');
    running.child.kill('SIGHUP');
    await running.logged('tls_reload_failed');
    expect((await peerOf(running.url, trustBoth)).fingerprint256).toBe(first.fingerprint256);

    await copyFile(renewed.certFile, certFile);
    await copyFile(renewed.keyFile, keyFile);
    running.child.kill('SIGHUP');
    await running.logged('tls_reloaded');
    expect((await peerOf(running.url, trustBoth)).fingerprint256).toBe(renewed.fingerprint256);
    expect(running.stderr()).not.toContain('PRIVATE KEY');
  });

  it('refuses plain HTTP beyond loopback, and a certificate without its key', async () => {
    const plain = await refusalOf(['--host', '0.0.0.0']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^CONFIG_INVALID: Refusing to serve plain HTTP on 0\.0\.0\.0: .*--tls-cert and --tls-key.*--behind-tls-proxy/m);
    const halfPair = await refusalOf(['--tls-cert', first.certFile]);
    expect(halfPair.code).toBe(2);
    expect(halfPair.stderr).toContain('give both --tls-cert and --tls-key');
    const mismatched = await refusalOf(['--tls-cert', first.certFile, '--tls-key', renewed.keyFile]);
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toMatch(/^CONFIG_INVALID: The TLS certificate and key do not load/m);
  });

  it('serves plain HTTP beyond loopback when the operator states TLS ends in front, and logs it', async () => {
    running = await startServer(['--host', '0.0.0.0', '--behind-tls-proxy']);
    await running.logged('tls_terminated_in_front');
    running.child.kill();
    running = await startServer(['--host', '0.0.0.0'], { MCP_HTTP_BEHIND_TLS_PROXY: 'true' });
    expect(running.stderr()).toContain('"tls":"terminated-in-front"');
    const health = await fetch(new URL('/healthz', `http://127.0.0.1:${running.url.port}`));
    expect(health.status).toBe(200);
  });
});

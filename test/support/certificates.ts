/**
 * Self-signed test certificates, made at test time with the `openssl` command
 * (no key is committed), and a `fetch` that trusts one, for SDK clients over
 * HTTPS.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { Readable } from 'node:stream';
import { X509Certificate } from 'node:crypto';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  /** The PEM certificate, to trust it. */
  pem: Buffer;
  /** SHA-256 fingerprint, as a TLS peer certificate reports it. */
  fingerprint256: string;
}

/** A one-day EC certificate for localhost and 127.0.0.1, written as `<name>.crt` and `<name>.key` in `dir`. */
export function makeTestCertificate(dir: string, name: string): TestCertificate {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(certFile);
  return { certFile, keyFile, pem, fingerprint256: new X509Certificate(pem).fingerprint256 };
}

/** A fetch over node:https that trusts `ca` (global fetch takes no CA option). */
export function fetchTrusting(ca: Buffer): (url: string | URL, init?: RequestInit) => Promise<Response> {
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const request = https.request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), ca, signal: init.signal ?? undefined }, (response) => {
        const headers = new Headers();
        for (let i = 0; i < response.rawHeaders.length; i += 2) headers.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
        const status = response.statusCode ?? 500;
        const body = status === 204 || status === 304 ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, headers }));
      });
      request.once('error', reject);
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

/** The certificate a TLS server at `url` presents, and the protocol agreed, for a client with these options. */
export function peerOf(url: URL, options: https.RequestOptions): Promise<{ fingerprint256: string; protocol: string | null }> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'GET', path: '/healthz', agent: false, ...options }, (response) => {
      const socket = response.socket as import('node:tls').TLSSocket;
      resolve({ fingerprint256: socket.getPeerCertificate().fingerprint256, protocol: socket.getProtocol() });
      response.resume();
    });
    request.once('error', reject);
    request.end();
  });
}

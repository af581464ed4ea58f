/**
 * Hostile-request corpus for the HTTP transport: malformed or foreign
 * Authorization, Host and Origin headers, wrong media types, oversized or
 * malformed bodies and header blocks, and session headers that try to borrow
 * another principal's state, each with the HTTP status a client must get.
 * Most go through node:http; what it refuses to forge (no Host, a NUL in a
 * header, two Host headers, a broken Content-Length) goes as raw bytes. Cases
 * are built against a running server (its port and tokens) by `build`.
 */

import type { RawRequest } from '../http/http-harness.js';
import type { TokenEntry } from '../../src/server/http/tokens.js';

export interface HeaderTarget {
  port: string;
  alice: TokenEntry;
  bob: TokenEntry;
  /** The server's body cap; the oversized body is one byte over it. */
  maxBodyBytes: number;
}

/** Bytes written as they are on a fresh connection. */
export interface RawBytes {
  raw: string;
}

export interface HostileHeaderCase {
  name: string;
  build: (target: HeaderTarget) => RawRequest | RawBytes;
  expectedStatus: number;
  /** Our own words the answer must carry, when the server (not Node's parser) answers. */
  expectedBody?: RegExp;
}

const PING = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
const LIST_TRANSCRIPTS = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_transcripts', arguments: {} } });
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** A POST to /mcp as Alice (unless `headers` says otherwise). */
function post(target: HeaderTarget, headers: Record<string, string> = {}, body: string = PING): RawRequest {
  return { method: 'POST', headers: { ...MCP_HEADERS, authorization: `Bearer ${target.alice.token}`, ...headers }, body };
}

function withoutAuthorization(target: HeaderTarget, headers: Record<string, string> = {}): RawRequest {
  const request = post(target, headers);
  delete request.headers!.authorization;
  return request;
}

/** A raw HTTP/1.x POST of a ping with these header lines. */
function rawPost(headerLines: string[], version = '1.1'): RawBytes {
  return { raw: [`POST /mcp HTTP/${version}`, ...headerLines, 'content-type: application/json', 'accept: application/json, text/event-stream', `content-length: ${PING.length}`, 'connection: close', '', PING].join('\r\n') };
}

/** A ping padded to exactly `bytes` bytes of JSON. */
function pingOfSize(bytes: number): string {
  const empty = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: '' } });
  return empty.replace('"pad":""', `"pad":"${'p'.repeat(bytes - empty.length)}"`);
}

function manyHeaders(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`x-filler-${i}`, 'v']));
}

const UNAUTHORIZED = /Unauthorized: send \\"Authorization: Bearer <token>\\"/;
/** Names the problem and nothing the headers held. */
const REPEATED_AUTHORIZATION = /^\{"jsonrpc":"2\.0","error":\{"code":-32000,"message":"Bad request: send exactly one Authorization header\."\},"id":null\}$/;
const HOST_REFUSED = /Forbidden: Host not allowed/;
const ORIGIN_REFUSED = /Forbidden: Origin not allowed/;
const PONG = /"result":\{\}/;

export const HOSTILE_HEADER_CASES: ReadonlyArray<HostileHeaderCase> = [
  // Authorization
  { name: 'no Authorization header', build: (t) => withoutAuthorization(t), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'a token without a scheme', build: (t) => post(t, { authorization: t.alice.token }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'Basic credentials', build: (t) => post(t, { authorization: `Basic ${Buffer.from(`${t.alice.principal}:${t.alice.token}`).toString('base64')}` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'Bearer followed by two words', build: (t) => post(t, { authorization: `Bearer ${t.alice.token} ${t.bob.token}` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'Bearer with no token', build: (t) => post(t, { authorization: 'Bearer' }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'a 10 KB token', build: (t) => post(t, { authorization: `Bearer ${'k'.repeat(10 * 1024)}` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'a real token with one character more', build: (t) => post(t, { authorization: `Bearer ${t.alice.token}0` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'a real token cut short', build: (t) => post(t, { authorization: `Bearer ${t.alice.token.slice(0, -1)}` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  { name: 'the token in the query string only', build: (t) => ({ ...withoutAuthorization(t), path: `/mcp?access_token=${t.alice.token}` }), expectedStatus: 401, expectedBody: UNAUTHORIZED },
  // Node keeps the first of two Authorization headers and a proxy may keep the last: neither may decide whose request it is.
  { name: 'two Authorization headers, a wrong token first', build: (t) => rawPost([`host: 127.0.0.1:${t.port}`, 'authorization: Bearer not-a-real-token', `authorization: Bearer ${t.alice.token}`]), expectedStatus: 400, expectedBody: REPEATED_AUTHORIZATION },
  { name: 'two Authorization headers, two principals’ tokens', build: (t) => rawPost([`host: 127.0.0.1:${t.port}`, `authorization: Bearer ${t.alice.token}`, `Authorization: Bearer ${t.bob.token}`]), expectedStatus: 400, expectedBody: REPEATED_AUTHORIZATION },
  { name: 'the same token in two Authorization headers', build: (t) => rawPost([`host: 127.0.0.1:${t.port}`, `authorization: Bearer ${t.alice.token}`, `authorization: Bearer ${t.alice.token}`]), expectedStatus: 400, expectedBody: REPEATED_AUTHORIZATION },
  { name: 'another principal’s token with a NUL after it', build: (t) => rawPost([`host: 127.0.0.1:${t.port}`, `authorization: Bearer ${t.bob.token}\0`]), expectedStatus: 400 },
  // The scheme is case-insensitive and whitespace around a value is not part of it (RFC 9110).
  { name: 'lowercase bearer', build: (t) => post(t, { authorization: `bearer ${t.alice.token}` }), expectedStatus: 200, expectedBody: PONG },
  { name: 'a trailing space after the token', build: (t) => post(t, { authorization: `Bearer ${t.alice.token} ` }), expectedStatus: 200, expectedBody: PONG },

  // Host (DNS rebinding)
  { name: 'no Host header', build: (t) => rawPost([`authorization: Bearer ${t.alice.token}`], '1.0'), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'an empty Host header', build: (t) => rawPost(['host: ', `authorization: Bearer ${t.alice.token}`]), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'a foreign Host', build: (t) => post(t, { host: `attacker.example:${t.port}` }), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'localhost as a subdomain of a foreign host', build: (t) => post(t, { host: `localhost.evil.com:${t.port}` }), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'loopback as userinfo before a foreign Host', build: (t) => post(t, { host: 'localhost@attacker.example' }), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'two Host headers, the foreign one first', build: (t) => rawPost(['host: attacker.example', `host: 127.0.0.1:${t.port}`, `authorization: Bearer ${t.alice.token}`]), expectedStatus: 403, expectedBody: HOST_REFUSED },
  { name: 'loopback Host without a port', build: (t) => post(t, { host: 'localhost' }), expectedStatus: 200, expectedBody: PONG },
  { name: 'the IPv6 loopback Host', build: (t) => post(t, { host: `[::1]:${t.port}` }), expectedStatus: 200, expectedBody: PONG },
  { name: 'an uppercase Host', build: (t) => post(t, { host: `LOCALHOST:${t.port}` }), expectedStatus: 200, expectedBody: PONG },

  // Origin (cross-site)
  { name: 'Origin null (sandboxed frame, file:)', build: (t) => post(t, { origin: 'null' }), expectedStatus: 403, expectedBody: ORIGIN_REFUSED },
  { name: 'a foreign Origin', build: (t) => post(t, { origin: 'https://attacker.example' }), expectedStatus: 403, expectedBody: ORIGIN_REFUSED },
  { name: 'localhost as a subdomain of a foreign Origin', build: (t) => post(t, { origin: 'http://localhost.evil.com' }), expectedStatus: 403, expectedBody: ORIGIN_REFUSED },
  { name: 'an Origin that is not a URL', build: (t) => post(t, { origin: 'not a url' }), expectedStatus: 403, expectedBody: ORIGIN_REFUSED },
  { name: 'a loopback Origin over http with a dev port', build: (t) => post(t, { origin: 'http://localhost:5173' }), expectedStatus: 200, expectedBody: PONG },
  { name: 'a loopback Origin over https', build: (t) => post(t, { origin: 'https://127.0.0.1' }), expectedStatus: 200, expectedBody: PONG },

  // Media types, bodies, header blocks
  { name: 'Content-Type text/plain', build: (t) => post(t, { 'content-type': 'text/plain' }), expectedStatus: 415, expectedBody: /Unsupported Media Type/ },
  { name: 'Accept without JSON or an event stream', build: (t) => post(t, { accept: 'text/html' }), expectedStatus: 406, expectedBody: /Not Acceptable/ },
  { name: 'a body one byte over the cap', build: (t) => post(t, {}, pingOfSize(t.maxBodyBytes + 1)), expectedStatus: 413, expectedBody: /Request body larger than/ },
  { name: 'a body that is not JSON', build: (t) => post(t, {}, '{"jsonrpc": "2.0", "id": 1, "method": '), expectedStatus: 400, expectedBody: /Parse error/ },
  { name: 'JSON that is not JSON-RPC', build: (t) => post(t, {}, '42'), expectedStatus: 400, expectedBody: /not a valid JSON-RPC message/ },
  { name: 'an empty JSON-RPC batch', build: (t) => post(t, {}, '[]'), expectedStatus: 400, expectedBody: /empty JSON-RPC batch/ },
  {
    name: 'a JSON-RPC batch of two pings',
    build: (t) => post(t, {}, JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'ping' }, { jsonrpc: '2.0', id: 2, method: 'ping' }])),
    expectedStatus: 200,
    expectedBody: /"id":1[\s\S]*"id":2|"id":2[\s\S]*"id":1/,
  },
  { name: '3,000 headers', build: (t) => post(t, manyHeaders(3_000)), expectedStatus: 431 },
  { name: 'one 17 KB header', build: (t) => post(t, { 'x-filler': 'f'.repeat(17 * 1024) }), expectedStatus: 431 },
  { name: 'a Content-Length that is not a number', build: (t) => ({ raw: [`POST /mcp HTTP/1.1`, `host: 127.0.0.1:${t.port}`, `authorization: Bearer ${t.alice.token}`, 'content-length: twelve', 'connection: close', '', PING].join('\r\n') }), expectedStatus: 400 },

  // Sessions: the server is stateless, so a session id grants nothing; the token decides whose data it is.
  { name: 'a garbage Mcp-Session-Id', build: (t) => post(t, { 'mcp-session-id': `../../etc/passwd;%00${'x'.repeat(2_000)}` }), expectedStatus: 200, expectedBody: PONG },
  { name: 'an unknown Mcp-Session-Id', build: (t) => post(t, { 'mcp-session-id': '3f1e0c9a-1111-4222-8333-944455556666' }), expectedStatus: 200, expectedBody: PONG },
  { name: 'another principal named as the session', build: (t) => post(t, { 'mcp-session-id': t.bob.principal }, LIST_TRANSCRIPTS), expectedStatus: 200, expectedBody: /"transcripts":\[\]/ },
  { name: 'DELETE of a session', build: (t) => ({ method: 'DELETE', headers: { authorization: `Bearer ${t.alice.token}`, 'mcp-session-id': t.bob.principal } }), expectedStatus: 405 },
  { name: 'an MCP-Protocol-Version that does not exist', build: (t) => post(t, { 'mcp-protocol-version': 'banana' }), expectedStatus: 400 },
  { name: 'a path beside the endpoint', build: (t) => ({ ...post(t), path: '/mcp/../admin' }), expectedStatus: 404 },
];

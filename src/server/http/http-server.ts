/**
 * The team server: MCP over Streamable HTTP at `/mcp`, plus `GET /healthz`.
 * Served over HTTPS when given a certificate and key (TLS 1.2 and up; the
 * files are reread by `reloadTls`, which the CLI calls on SIGHUP, so a renewed
 * certificate needs no restart). Plain HTTP on an address other than loopback
 * is refused unless the operator states that a proxy in front terminates TLS:
 * bearer tokens and transcripts must not cross a network in clear text.
 * Every request passes the same gates in order: Host/Origin (403), drain
 * (503), bearer token (400 for a repeated Authorization header, else 401),
 * the principal's rate (429), body size (413).
 * Serving is stateless: the SDK's `createMcpHandler` builds a fresh server
 * per request from `createServer({ workspace, principal })`, the principal
 * travelling from the token gate as the request's `authInfo`; all state lives
 * in the Workspace, which keeps each principal's data apart.
 */

import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createMcpHandler, type AuthInfo } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import type { Workspace } from '../../app/workspace.js';
import { LOCAL_PRINCIPAL } from '../../app/principals.js';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../logger.js';
import { createServer } from '../create-server.js';
import type { SecurityCounter } from '../../app/security-monitor.js';
import { bearerChallenge, createBearerAuthenticator, hasRepeatedAuthorization, type AuthOutcome } from './auth.js';
import { buildHostOriginPolicy, checkHostAndOrigin, isLoopbackHost } from './host-origin.js';
import { RateLimiter } from '../rate-limit.js';
import type { TokenEntry } from './tokens.js';

export const HTTP_DEFAULTS = {
  host: '127.0.0.1',
  port: 3333,
  maxBodyBytes: 4 * 1024 * 1024,
  ratePerMinute: 600,
  shutdownGraceMs: 10_000,
} as const;

/** Which refusals the security monitor counts. */
const MONITOR_COUNTER_OF_EVENT: Readonly<Record<string, SecurityCounter>> = {
  http_auth_failed: 'auth_failures',
  http_rate_limited: 'rate_limit_hits',
  http_body_too_large: 'oversized_inputs',
  http_forbidden: 'failed_validations',
};

export const MCP_PATH = '/mcp';
export const HEALTH_PATH = '/healthz';

/** PEM files of the server certificate (with its chain) and its private key. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface HttpServerOptions {
  /** Bind address; default 127.0.0.1. Anything not loopback requires tokens. */
  host?: string;
  /** Default 3333; 0 picks a free port (see `url`). */
  port?: number;
  /** Bearer tokens and their principals. None: loopback only, everyone is "local". */
  tokens?: ReadonlyArray<TokenEntry>;
  /** Host names clients may use besides loopback names and the bind address. */
  allowedHosts?: string[];
  /** Browser origins (host names) allowed besides loopback ones. */
  allowedOrigins?: string[];
  /** Largest request body accepted; default 4 MiB. */
  maxBodyBytes?: number;
  /** Requests per minute per principal; default 600. */
  ratePerMinute?: number;
  /** How long `close()` waits for in-flight requests before cutting them off; default 10 s. */
  shutdownGraceMs?: number;
  /** Serve HTTPS with these files. */
  tls?: TlsFiles;
  /** The operator states that a proxy in front terminates TLS: plain HTTP may then listen beyond loopback. */
  behindTlsProxy?: boolean;
  /** Defaults to the workspace's logger. */
  logger?: Logger;
}

export interface HttpServerHandle {
  /** The MCP endpoint, e.g. http://127.0.0.1:3333/mcp (https:// with TLS). */
  url: string;
  /**
   * Rereads the certificate and key (after a renewal) and serves new connections with them.
   * False, with the old pair still in use, when the new files do not load. No-op without TLS.
   */
  reloadTls(): Promise<boolean>;
  /**
   * Graceful stop: new requests get 503 at once, requests in flight finish
   * (up to `shutdownGraceMs`), then the listener closes. Idempotent.
   */
  close(): Promise<void>;
}

interface Gate {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive whole number.`);
  return value;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** MCP-path refusals use the JSON-RPC error shape clients already parse. */
function sendRefusal(res: ServerResponse, gate: Gate): void {
  sendJson(res, gate.status, { jsonrpc: '2.0', error: { code: -32000, message: gate.message }, id: null }, gate.headers);
}

/** Reads the body up to `limit` bytes; undefined when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | undefined, error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) reject(error);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = (error: Error) => finish(undefined, error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A `subscriptions/listen` stream stays open until the client leaves, so draining does not wait for it. */
function isListenStream(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { method?: unknown }).method === 'subscriptions/listen';
}

function mcpMethodOf(message: unknown): string | undefined {
  const method = typeof message === 'object' && message !== null ? (message as { method?: unknown }).method : undefined;
  return typeof method === 'string' ? method.slice(0, 100) : undefined;
}

function asRequestId(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function jsonRpcRequestId(message: unknown): string | number | undefined {
  return mcpMethodOf(message) === undefined ? undefined : asRequestId((message as { id?: unknown }).id);
}

function cancelledRequestId(message: unknown): string | number | undefined {
  return mcpMethodOf(message) === 'notifications/cancelled' ? asRequestId((message as { params?: { requestId?: unknown } }).params?.requestId) : undefined;
}

function principalOf(authInfo: AuthInfo | undefined): string {
  const principal = authInfo?.extra?.['principal'];
  // The gate always sets it; reaching the factory without one is a wiring bug, answered 500.
  if (typeof principal !== 'string') throw new Error('request reached the MCP handler without a principal');
  return principal;
}

/** TLS 1.0 and 1.1 are broken; Node's default floor is 1.2 today, stated here so it stays. */
const MIN_TLS_VERSION = 'TLSv1.2';

/** Reads and checks a certificate and key pair. @throws ConfigError naming what failed, never the key. */
async function loadTlsPair(files: TlsFiles): Promise<SecureContextOptions> {
  const read = (file: string, what: string) =>
    readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError(`Cannot read the TLS ${what} file (${error.code ?? 'unreadable'}).`, { cause: error });
    });
  const [cert, key] = await Promise.all([read(files.certFile, 'certificate'), read(files.keyFile, 'key')]);
  const pair = { cert, key, minVersion: MIN_TLS_VERSION } as const;
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new ConfigError('The TLS certificate and key do not load: both must be PEM, and the key must belong to the certificate.', { cause: error });
  }
  return pair;
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Starts the HTTP server and resolves once it listens. Throws ConfigError
 * for a non-loopback bind without tokens, bad limits, or a port in use.
 */
export async function startHttpServer(workspace: Workspace, options: HttpServerOptions = {}): Promise<HttpServerHandle> {
  const host = options.host ?? HTTP_DEFAULTS.host;
  const port = options.port ?? HTTP_DEFAULTS.port;
  const tokens = options.tokens ?? [];
  const logger = (options.logger ?? workspace.logger).child({ transport: 'http' });
  const maxBodyBytes = positiveInteger('MCP_HTTP_MAX_BODY_BYTES', options.maxBodyBytes ?? HTTP_DEFAULTS.maxBodyBytes);
  const ratePerMinute = positiveInteger('MCP_HTTP_RATE_LIMIT_PER_MINUTE', options.ratePerMinute ?? HTTP_DEFAULTS.ratePerMinute);
  const shutdownGraceMs = options.shutdownGraceMs ?? HTTP_DEFAULTS.shutdownGraceMs;
  if (tokens.length === 0 && !isLoopbackHost(host)) {
    throw new ConfigError(`Refusing to serve HTTP on ${host} without bearer tokens: set MCP_HTTP_TOKENS_FILE or MCP_HTTP_TOKENS, or bind to 127.0.0.1.`);
  }
  if (!options.tls && !options.behindTlsProxy && !isLoopbackHost(host)) {
    throw new ConfigError(
      `Refusing to serve plain HTTP on ${host}: tokens and transcripts would cross the network in clear text. Give --tls-cert and --tls-key (MCP_HTTP_TLS_CERT_FILE, MCP_HTTP_TLS_KEY_FILE), or, when a proxy in front terminates TLS, say so with --behind-tls-proxy (MCP_HTTP_BEHIND_TLS_PROXY=true).`,
    );
  }
  const tlsPair = options.tls ? await loadTlsPair(options.tls) : undefined;

  const policy = buildHostOriginPolicy(host, options.allowedHosts, options.allowedOrigins);
  const authenticate: (header: string | undefined) => AuthOutcome =
    tokens.length > 0 ? createBearerAuthenticator(tokens) : () => ({ ok: true, principal: LOCAL_PRINCIPAL });
  const limiter = new RateLimiter({ perMinute: ratePerMinute });
  const limitedPrincipals = new Set<string>();

  const mcpHandler = createMcpHandler(({ authInfo }) => createServer({ workspace, principal: principalOf(authInfo), remote: true }), {
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => logger.debug({ event: 'mcp_request_rejected', error_name: error.name, error_message: error.message.slice(0, 200) }, 'MCP request rejected'),
  });
  const serveMcp = toNodeHandler(mcpHandler, {
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => logger.error({ event: 'mcp_handler_failed', error_name: error.name }, 'MCP handler failed'),
  });

  /**
   * 2025-era clients cancel with a notifications/cancelled POST, which stateless serving hands to a
   * fresh server that knows nothing of the call: the HTTP layer routes it, by principal and request
   * id, to the exchange still serving that call and closes it, which aborts the handler.
   */
  const exchanges = new Map<string, Set<ServerResponse>>();
  const exchangeKey = (principal: string, id: unknown) => `${principal}\u0000${JSON.stringify(id)}`;

  let draining = false;
  /** Requests that shutdown waits for; `onIdle` fires when the last one closes. */
  const inFlight = new Set<ServerResponse>();
  let onIdle: (() => void) | undefined;
  const settle = (res: ServerResponse) => {
    if (inFlight.delete(res) && inFlight.size === 0) onIdle?.();
  };

  const security = (req: IncomingMessage, event: string, details: Record<string, unknown>) => {
    const counter = MONITOR_COUNTER_OF_EVENT[event];
    if (counter) workspace.monitor.record(counter);
    logger.warn({ event, security: true, remote_address: req.socket.remoteAddress, method: req.method, ...details }, 'HTTP request refused');
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      // No data here and no Host check either: load balancers probe by address.
      if (draining) sendJson(res, 503, { status: 'draining' }, { connection: 'close' });
      else sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path !== MCP_PATH) return sendJson(res, 404, { error: 'not_found', message: `The MCP endpoint is ${MCP_PATH}.` });

    const verdict = checkHostAndOrigin({ host: req.headers.host, origin: req.headers.origin }, policy);
    if (!verdict.ok) {
      security(req, 'http_forbidden', { reason: verdict.reason, host: req.headers.host?.slice(0, 200), origin: req.headers.origin?.slice(0, 200) });
      return sendRefusal(res, { status: 403, message: verdict.reason === 'host_not_allowed' ? 'Forbidden: Host not allowed.' : 'Forbidden: Origin not allowed.' });
    }
    if (draining) return sendRefusal(res, { status: 503, message: 'The server is shutting down; retry shortly.', headers: { connection: 'close', 'retry-after': '5' } });

    if (hasRepeatedAuthorization(req.headersDistinct)) {
      security(req, 'http_auth_failed', { reason: 'repeated_authorization_header' });
      return sendRefusal(res, { status: 400, message: 'Bad request: send exactly one Authorization header.', headers: { 'www-authenticate': bearerChallenge('invalid_request') } });
    }
    const auth = authenticate(req.headers.authorization);
    if (!auth.ok) {
      security(req, 'http_auth_failed', { reason: auth.reason });
      return sendRefusal(res, { status: 401, message: 'Unauthorized: send "Authorization: Bearer <token>".', headers: { 'www-authenticate': bearerChallenge(auth.reason) } });
    }
    const { principal } = auth;
    const rate = limiter.take(principal);
    if (!rate.allowed) {
      // One log line when a principal starts being limited, not one per refused request.
      if (!limitedPrincipals.has(principal)) security(req, 'http_rate_limited', { principal, retry_after_s: rate.retryAfterSeconds });
      limitedPrincipals.add(principal);
      return sendRefusal(res, { status: 429, message: `Too many requests; retry in ${rate.retryAfterSeconds} s.`, headers: { 'retry-after': String(rate.retryAfterSeconds) } });
    }
    limitedPrincipals.delete(principal);

    inFlight.add(res);
    res.once('close', () => settle(res));
    const started = performance.now();
    let parsedBody: unknown;
    if (req.method === 'POST') {
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) {
        security(req, 'http_body_too_large', { principal, limit_bytes: maxBodyBytes });
        return sendRefusal(res, { status: 413, message: `Request body larger than ${maxBodyBytes} bytes.`, headers: { connection: 'close' } });
      }
      const json = parseJson(body);
      if (!json.ok) return sendJson(res, 400, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: the body is not valid JSON.' }, id: null });
      parsedBody = json.value;
      if (isListenStream(parsedBody)) settle(res);
      const requestId = jsonRpcRequestId(parsedBody);
      if (requestId !== undefined) {
        const key = exchangeKey(principal, requestId);
        const open = exchanges.get(key) ?? new Set<ServerResponse>();
        exchanges.set(key, open.add(res));
        res.once('close', () => {
          open.delete(res);
          if (open.size === 0 && exchanges.get(key) === open) exchanges.delete(key);
        });
      }
      const cancelled = cancelledRequestId(parsedBody);
      const target = cancelled === undefined ? undefined : exchanges.get(exchangeKey(principal, cancelled));
      // Ids are chosen by each client: with two of the principal's clients on the same id, cancel neither.
      if (target?.size === 1) for (const exchange of target) exchange.destroy();
    }
    res.once('close', () =>
      logger.debug({ event: 'http_request', principal, method: req.method, mcp_method: mcpMethodOf(parsedBody), status: res.statusCode, duration_ms: Math.round(performance.now() - started) }, 'HTTP request'),
    );
    // The secret goes no further than the gate: handlers see the principal only.
    const authInfo: AuthInfo = { token: '', clientId: principal, scopes: [], extra: { principal } };
    await serveMcp(Object.assign(req, { auth: authInfo }), res, parsedBody);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ event: 'http_request_failed', error_name: (error as Error)?.name }, 'HTTP request failed');
      if (!res.headersSent) sendRefusal(res, { status: 500, message: 'Internal error.' });
      else res.destroy();
    });
  };
  const timeouts = { headersTimeout: 30_000, requestTimeout: 60_000 };
  const server = tlsPair ? https.createServer({ ...timeouts, ...tlsPair }, onRequest) : http.createServer(timeouts, onRequest);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use` : error.code === 'EACCES' ? `no permission to listen on port ${port}` : 'the address cannot be used';
      reject(new ConfigError(`Cannot start the HTTP server on ${host}:${port}: ${reason}.`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const url = `${tlsPair ? 'https' : 'http'}://${urlHost(host)}:${boundPort}${MCP_PATH}`;
  const tlsMode = tlsPair ? 'native' : isLoopbackHost(host) ? 'none-loopback' : 'terminated-in-front';
  logger.info({ event: 'server_started', url, tls: tlsMode, auth: tokens.length > 0 ? 'bearer' : 'none-loopback', principals: new Set(tokens.map((t) => t.principal)).size }, `mcp-snapshot-server listening on ${url}`);
  if (tlsMode === 'terminated-in-front') {
    logger.warn({ event: 'tls_terminated_in_front', security: true, host }, `Serving plain HTTP on ${host}: the operator states that a proxy in front terminates TLS.`);
  }

  const reloadTls = async (): Promise<boolean> => {
    if (!options.tls || !(server instanceof https.Server)) return false;
    try {
      server.setSecureContext(await loadTlsPair(options.tls));
    } catch (error) {
      logger.error({ event: 'tls_reload_failed', security: true, reason: (error as Error).message }, 'TLS certificate not reloaded; the previous one stays in use');
      return false;
    }
    logger.info({ event: 'tls_reloaded' }, 'TLS certificate reloaded');
    return true;
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      logger.info({ event: 'server_draining', in_flight: inFlight.size }, 'HTTP server draining');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), shutdownGraceMs);
      });
      const drained = new Promise<'drained'>((resolve) => {
        onIdle = () => resolve('drained');
        if (inFlight.size === 0) onIdle();
      });
      const outcome = await Promise.race([drained, graceOver]);
      clearTimeout(timer);
      if (outcome === 'timeout') logger.warn({ event: 'server_drain_timeout', in_flight: inFlight.size }, 'requests still running at shutdown were cut off');
      // Ends listen streams and aborts whatever outlived the grace period.
      await mcpHandler.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      logger.info({ event: 'server_stopped' }, 'HTTP server stopped');
    })();
    return closing;
  };
  return { url, close, reloadTls };
}

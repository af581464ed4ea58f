/**
 * `serve`: the MCP server on stdio, or over Streamable HTTP for a team. Only
 * this command loads the MCP SDK (the file commands live in inspect.ts and
 * workspace-commands.ts).
 */

import { Workspace } from '../app/workspace.js';
import { loadDemoTranscript } from '../app/demo.js';
import { configuredSecrets, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { LOCAL_PRINCIPAL } from '../app/principals.js';
import { LogFeed } from '../app/log-feed.js';
import type { TlsFiles } from '../server/http/http-server.js';

/** A server's workspace, with a logger whose events connected clients may follow. */
function serverWorkspace(config: Config): Workspace {
  const logFeed = new LogFeed();
  return new Workspace({ config, logger: createLogger(config.logLevel, undefined, configuredSecrets(config), logFeed), logFeed });
}

export async function runServe(config: Config, options: { demo: boolean }): Promise<void> {
  // Loaded here so the file commands start without the MCP SDK.
  const { serveOverStdio } = await import('../server/stdio.js');
  const workspace = serverWorkspace(config);
  if (options.demo) await loadDemoTranscript(workspace.session(LOCAL_PRINCIPAL));
  const serving = serveOverStdio(workspace);
  // The process lives exactly as long as the connection, whatever ends it.
  void serving.closed.then((exitCode) => process.exit(exitCode));
  const shutdown = () => {
    void serving.close();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export async function runServeHttp(config: Config, options: { demo: boolean; host: string; port: number; tls: TlsFiles | undefined; behindTlsProxy: boolean }): Promise<void> {
  // Loaded here so the file commands start without the MCP SDK.
  const { startHttpServer } = await import('../server/http/http-server.js');
  const { loadTokens } = await import('../server/http/tokens.js');
  const { parseHostList } = await import('../server/http/host-origin.js');
  const workspace = serverWorkspace(config);
  const { logger } = workspace;
  if (options.demo) await loadDemoTranscript(workspace.session(LOCAL_PRINCIPAL));
  const { http } = config;
  // A renewed certificate is picked up without a restart. The handler is in place before the server says it
  // listens: until a process handles SIGHUP, the signal ends it.
  let reloadTls: (() => Promise<boolean>) | undefined;
  if (options.tls) process.on('SIGHUP', () => void reloadTls?.());
  const server = await startHttpServer(workspace, {
    host: options.host,
    port: options.port,
    tokens: await loadTokens({ file: http.tokensFile, inline: http.tokensInline }),
    allowedHosts: parseHostList(http.allowedHosts, 'MCP_ALLOWED_HOSTS'),
    allowedOrigins: parseHostList(http.allowedOrigins, 'MCP_ALLOWED_ORIGINS'),
    maxBodyBytes: http.maxBodyBytes,
    ratePerMinute: http.ratePerMinute,
    shutdownGraceMs: http.shutdownGraceMs,
    tls: options.tls,
    behindTlsProxy: options.behindTlsProxy,
    logger,
  });
  reloadTls = server.reloadTls;
  // In-flight calls finish, new ones are refused, then the process exits.
  const shutdown = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}


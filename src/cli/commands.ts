/**
 * What each CLI command does. Files named on the command line are the user's
 * own choice, so any readable folder is allowed (the MCP server, where a
 * model picks paths, is the one confined to roots); the extension, regular
 * file and size checks still apply.
 */

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Workspace, type WorkspaceSession } from '../app/workspace.js';
import { loadDemoTranscript } from '../app/demo.js';
import { resolveAllowedRoots } from '../adapters/files/safe-path.js';
import { transcriptStats } from '../core/analysis/stats.js';
import { renderSnapshotHtml } from '../core/render/html.js';
import { renderSnapshotJson } from '../core/render/json.js';
import { renderSnapshotMarkdown } from '../core/render/markdown.js';
import { formatClock } from '../core/transcript/timecode.js';
import type { Transcript } from '../core/transcript/types.js';
import type { VendorProfile } from '../core/snapshot/types.js';
import { configuredSecrets, type Config, type SnapshotEngineChoice } from '../config.js';
import { InputError } from '../core/errors.js';
import { createLogger as createBaseLogger, type Logger } from '../logger.js';
import { LOCAL_PRINCIPAL } from '../app/principals.js';
import { LogFeed } from '../app/log-feed.js';
import { summarizeTranscript } from '../server/tools/transcripts.js';
import type { TlsFiles } from '../server/http/http-server.js';

function createLogger(config: Config, level = config.logLevel, feed?: LogFeed): Logger {
  return createBaseLogger(level, undefined, configuredSecrets(config), feed);
}

/** A server's workspace, with a logger whose events connected clients may follow. */
function serverWorkspace(config: Config): Workspace {
  const logFeed = new LogFeed();
  return new Workspace({ config, logger: createLogger(config, config.logLevel, logFeed), logFeed });
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** CLI commands log only warnings and errors, so their own output stays readable. */
function cliSession(config: Config): WorkspaceSession {
  const logger = createLogger(config, config.logLevel === 'info' ? 'warn' : config.logLevel);
  return new Workspace({ config, logger }).session(LOCAL_PRINCIPAL);
}

async function loadFile(session: WorkspaceSession, config: Config, file: string): Promise<Transcript> {
  const roots = await resolveAllowedRoots([path.parse(path.resolve(config.cwd, file)).root], config.cwd);
  return session.loadTranscript({ path: file }, { roots });
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
  // A renewed certificate is picked up without a restart.
  if (options.tls) process.on('SIGHUP', () => void server.reloadTls());
  // In-flight calls finish, new ones are refused, then the process exits.
  const shutdown = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

export async function runInspect(config: Config, file: string, options: { json: boolean }): Promise<void> {
  const session = cliSession(config);
  const transcript = await loadFile(session, config, file);
  const summary = summarizeTranscript(transcript);
  const stats = transcriptStats(transcript);
  if (options.json) {
    const { resource_uri: _uri, transcript_id: _id, ...rest } = summary;
    print(JSON.stringify({ ...rest, stats }, null, 2));
    return;
  }
  const lines = [
    `${summary.title}`,
    `  format     ${summary.format}`,
    `  duration   ${summary.duration}`,
    `  cues       ${summary.cue_count}`,
    `  turns      ${summary.turn_count}`,
    `  words      ${summary.word_count}`,
    `  speakers   ${summary.speakers.length}`,
    ...stats.speakers.map((s) => `    ${s.name}${s.role ? ` (${s.role})` : ''}: ${Math.round(s.talk_share * 100)}% of talk, ${s.turns} turns, ${s.words} words`),
    `  warnings   ${summary.warnings.length}`,
    ...summary.warnings.map((w) => `    ${w.line ? `line ${w.line}: ` : ''}${w.message}`),
  ];
  print(lines.join('\n'));
}

export async function runSearch(config: Config, file: string, query: string, options: { limit: number; json?: boolean }): Promise<void> {
  const session = cliSession(config);
  const transcript = await loadFile(session, config, file);
  const hits = session.search(query, { transcriptId: transcript.id, limit: options.limit });
  if (options.json) {
    print(JSON.stringify(hits.map((h) => ({ turn_index: h.turnIndex, start: formatClock(h.startMs), start_ms: h.startMs, speaker: h.speaker, text: h.text, score: h.score })), null, 2));
    return;
  }
  if (hits.length === 0) {
    print(`No matches for "${query}".`);
    return;
  }
  print(hits.map((h, i) => `${i + 1}. [${formatClock(h.startMs)}] ${h.speaker ?? 'Unknown'}: ${h.text}`).join('\n\n'));
}

export async function runSnapshot(config: Config, file: string, options: { format: string; out?: string; engine: string; maskPii: boolean; vendor?: VendorProfile }): Promise<void> {
  const session = cliSession(config);
  const transcript = await loadFile(session, config, file);
  await writeSnapshot(config, session, transcript, options);
}

export async function runZoomList(config: Config, options: { from?: string; to?: string; user?: string; all?: boolean; json?: boolean }): Promise<void> {
  const list = await cliSession(config).listZoomRecordings({ from: options.from, to: options.to, userId: options.user, includeWithoutTranscript: options.all });
  if (options.json) {
    print(JSON.stringify(list, null, 2));
    return;
  }
  if (list.meetings.length === 0) {
    print(`No recorded meetings with a transcript between ${list.from} and ${list.to}.`);
    return;
  }
  print(list.meetings.map((m) => `${m.start_time}  ${m.topic}  (${m.duration_minutes} min)  uuid ${m.uuid}${m.has_transcript ? '' : '  [no transcript]'}`).join('\n'));
  if (list.total > list.meetings.length) print(`(${list.total - list.meetings.length} more: narrow --from/--to)`);
}

export async function runZoomImport(config: Config, meeting: string, options: { snapshot?: boolean; format: string; out?: string; maskPii: boolean }): Promise<void> {
  const session = cliSession(config);
  const transcript = await session.importZoomTranscript(meeting, {});
  if (options.snapshot) {
    await writeSnapshot(config, session, transcript, options);
    return;
  }
  const summary = summarizeTranscript(transcript);
  print(`${summary.title}: ${summary.duration}, ${summary.turn_count} turns, speakers ${summary.speakers.map((s) => s.name).join(', ')}`);
}

async function writeSnapshot(config: Config, session: WorkspaceSession, transcript: Transcript, options: { format: string; out?: string; engine?: string; maskPii: boolean; vendor?: VendorProfile }): Promise<void> {
  const showProgress = process.stderr.isTTY === true;
  // Ctrl-C aborts the model calls in flight; nothing half-made is written.
  const abort = new AbortController();
  const onInterrupt = () => abort.abort(new InputError('CANCELLED', 'Cancelled by Ctrl-C; nothing was written.'));
  process.once('SIGINT', onInterrupt);
  let snapshot;
  try {
    snapshot = await session.generateSnapshot(transcript.id, {
      engine: options.engine as SnapshotEngineChoice | undefined,
      maskPii: options.maskPii,
      vendor: options.vendor,
      signal: abort.signal,
      onProgress: showProgress ? (done, total, message) => process.stderr.write(`\r[${done}/${total}] ${message}`.padEnd(60)) : undefined,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (showProgress) process.stderr.write('\n');
  const output = options.format === 'json' ? renderSnapshotJson(snapshot) : options.format === 'html' ? renderSnapshotHtml(snapshot) : renderSnapshotMarkdown(snapshot);
  if (options.out) {
    await writeFile(path.resolve(config.cwd, options.out), output.endsWith('\n') ? output : `${output}\n`, { mode: 0o600 });
    process.stderr.write(`Wrote ${options.out} (${snapshot.sections.length} sections, grounded ${Math.round(snapshot.validation.grounded_ratio * 100)}%).\n`);
    return;
  }
  print(output);
}

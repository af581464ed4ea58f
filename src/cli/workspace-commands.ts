/**
 * The CLI commands that work through a workspace: `search` and `snapshot` on
 * a local file, and the Zoom commands.
 */

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Workspace, type WorkspaceSession } from '../app/workspace.js';
import { formatClock } from '../core/transcript/timecode.js';
import { summarizeTranscript } from '../core/analysis/summary.js';
import type { Transcript } from '../core/transcript/types.js';
import type { Snapshot, VendorProfile } from '../core/snapshot/types.js';
import { configuredSecrets, type Config, type SnapshotEngineChoice } from '../config.js';
import { InputError } from '../core/errors.js';
import { deferredLogger } from '../deferred-logger.js';
import { LOCAL_PRINCIPAL } from '../app/principals.js';
import { commandLineRoots, print } from './support.js';

/**
 * CLI commands log only warnings and errors, so their own output stays
 * readable, and load the logger only for a line to write. Only `search`
 * searches: the others skip building the index.
 */
function cliSession(config: Config, options: { searchable: boolean }): WorkspaceSession {
  const level = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = deferredLogger(level, async () => (await import('../logger.js')).createLogger(level, undefined, configuredSecrets(config)));
  return new Workspace({ config, logger, searchable: options.searchable }).session(LOCAL_PRINCIPAL);
}

async function loadFile(session: WorkspaceSession, config: Config, file: string): Promise<Transcript> {
  return session.loadTranscript({ path: file }, { roots: await commandLineRoots(config, file) });
}

export async function runSearch(config: Config, file: string, query: string, options: { limit: number; json?: boolean }): Promise<void> {
  const session = cliSession(config, { searchable: true });
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
  const session = cliSession(config, { searchable: false });
  const transcript = await loadFile(session, config, file);
  await writeSnapshot(config, session, transcript, options);
}

export async function runZoomList(config: Config, options: { from?: string; to?: string; user?: string; all?: boolean; json?: boolean }): Promise<void> {
  const list = await cliSession(config, { searchable: false }).listZoomRecordings({ from: options.from, to: options.to, userId: options.user, includeWithoutTranscript: options.all });
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
  const session = cliSession(config, { searchable: false });
  const transcript = await session.importZoomTranscript(meeting, {});
  if (options.snapshot) {
    await writeSnapshot(config, session, transcript, options);
    return;
  }
  const summary = summarizeTranscript(transcript);
  print(`${summary.title}: ${summary.duration}, ${summary.turn_count} turns, speakers ${summary.speakers.map((s) => s.name).join(', ')}`);
}

/** Only the renderer asked for is loaded. */
async function renderSnapshot(snapshot: Snapshot, format: string): Promise<string> {
  if (format === 'json') return (await import('../core/render/json.js')).renderSnapshotJson(snapshot);
  if (format === 'html') return (await import('../core/render/html.js')).renderSnapshotHtml(snapshot);
  return (await import('../core/render/markdown.js')).renderSnapshotMarkdown(snapshot);
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
  const output = await renderSnapshot(snapshot, options.format);
  if (options.out) {
    await writeFile(path.resolve(config.cwd, options.out), output.endsWith('\n') ? output : `${output}\n`, { mode: 0o600 });
    process.stderr.write(`Wrote ${options.out} (${snapshot.sections.length} sections, grounded ${Math.round(snapshot.validation.grounded_ratio * 100)}%).\n`);
    return;
  }
  print(output);
}

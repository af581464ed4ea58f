/**
 * The stdio delivery: one connection per process, principal "local". stdout
 * carries only JSON-RPC; everything else goes to the stderr logger.
 *
 * A message may be as large as the biggest transcript a client can paste,
 * escaped, so the read limit follows MAX_TRANSCRIPT_BYTES and such a call is
 * answered TRANSCRIPT_TOO_LARGE by the tool. A line beyond even that is
 * answered with a JSON-RPC error when its id can be read; when it cannot, the
 * process exits non-zero rather than leave the client waiting. Whenever the
 * connection ends the process ends too (`closed` says with which exit code):
 * a live server nobody can reach is what a client sees as hung.
 */

import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Workspace } from '../app/workspace.js';
import { LOCAL_PRINCIPAL } from '../app/principals.js';
import { formatByteSize } from '../adapters/files/safe-path.js';
import { createServer } from './create-server.js';
import { StdioMessageGuard, type OversizeLine } from './stdio-message-guard.js';

/** What the SDK transport accepts by default; never accept less. */
const SDK_DEFAULT_MESSAGE_BYTES = 10 * 1024 * 1024;
/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

/** The longest stdio line read: a transcript at the limit with every byte escaped once, plus the envelope. */
export function stdioMessageLimit(maxTranscriptBytes: number): number {
  return Math.max(SDK_DEFAULT_MESSAGE_BYTES, 2 * maxTranscriptBytes + 1024 * 1024);
}

type StopReason = 'requested' | 'stdin_ended' | 'unanswerable_message' | 'transport_failed';

export interface StdioServing {
  /** Closes the connection, dropping calls in flight. */
  close(): Promise<void>;
  /** Settles once the connection has ended, for any reason, with the exit code the process should end with. */
  closed: Promise<number>;
}

export function serveOverStdio(workspace: Workspace): StdioServing {
  const { logger } = workspace;
  const maxMessageBytes = stdioMessageLimit(workspace.config.maxTranscriptBytes);
  let stopReason: StopReason | undefined;
  let reportClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (reportClosed = resolve));

  const guard = new StdioMessageGuard(maxMessageBytes, (line) => answerOversize(line));
  process.stdin.on('error', (error) => guard.destroy(error));
  guard.once('end', () => (stopReason ??= 'stdin_ended'));
  process.stdin.pipe(guard);
  // Whole lines only reach the transport; its own limit is a backstop that should never trip.
  const wire = new StdioServerTransport(guard, process.stdout, { maxBufferSize: 2 * maxMessageBytes });

  const handle = serveStdio(() => createServer({ workspace, principal: LOCAL_PRINCIPAL }), {
    transport: wire,
    onerror: (error) => logger.warn({ event: 'stdio_error', error_name: error.name }, 'stdio transport error'),
  });
  // serveStdio's own close handler drops the calls in flight; ours then lets the process go.
  const dropInFlight = wire.onclose;
  wire.onclose = () => {
    dropInFlight?.();
    const reason = stopReason ?? 'transport_failed';
    const exitCode = reason === 'requested' || reason === 'stdin_ended' ? 0 : 1;
    logger[exitCode === 0 ? 'info' : 'error']({ event: 'server_stopped', transport: 'stdio', reason, exit_code: exitCode }, 'stdio connection ended');
    reportClosed(exitCode);
  };

  function answerOversize({ bytes, id }: OversizeLine): void {
    const limit = formatByteSize(maxMessageBytes);
    logger.warn({ event: 'stdio_message_too_large', security: true, bytes, limit_bytes: maxMessageBytes, answered: id !== undefined }, 'stdio message too large');
    workspace.monitor.record('oversized_inputs');
    if (id === undefined) {
      stopReason ??= 'unanswerable_message';
      void wire.close();
      return;
    }
    const message = `TRANSCRIPT_TOO_LARGE: the request is larger than the ${limit} a stdio message may carry; load a transcript this large by path.`;
    wire.send({ jsonrpc: '2.0', id, error: { code: INVALID_REQUEST, message, data: { code: 'TRANSCRIPT_TOO_LARGE' } } }).catch(() => {});
  }

  logger.info({ event: 'server_started', transport: 'stdio', max_message_bytes: maxMessageBytes }, 'mcp-snapshot-server listening on stdio');
  return {
    close: () => {
      stopReason ??= 'requested';
      return handle.close();
    },
    closed,
  };
}

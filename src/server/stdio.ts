/**
 * The stdio delivery: one connection per process, principal "local". stdout
 * carries only JSON-RPC; everything else goes to the stderr logger.
 */

import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Workspace } from '../app/workspace.js';
import { LOCAL_PRINCIPAL } from '../app/principals.js';
import { createServer } from './create-server.js';

export function serveOverStdio(workspace: Workspace): { close(): Promise<void> } {
  const handle = serveStdio(() => createServer({ workspace, principal: LOCAL_PRINCIPAL }), {
    onerror: (error) => workspace.logger.warn({ event: 'stdio_error', error_name: error.name }, 'stdio transport error'),
  });
  workspace.logger.info({ event: 'server_started', transport: 'stdio' }, 'mcp-snapshot-server listening on stdio');
  return handle;
}

/**
 * State the server keeps per workspace rather than per connection: over HTTP
 * every request gets a fresh McpServer, so what must outlive one request
 * (calls waiting for the client's input, each principal's tool-call budget
 * and log level)
 * lives here, keyed by the workspace it serves.
 */

import type { LoggingLevel } from '@modelcontextprotocol/server';
import type { Workspace } from '../app/workspace.js';
import { SuspendedCalls } from './input-rounds.js';
import { RateLimiter } from './rate-limit.js';

export interface SharedServerState {
  suspendedCalls: SuspendedCalls;
  /** Tool calls per principal: on stdio the one local principal, so per process. */
  toolCalls: RateLimiter;
  /** The log level each principal's client set (2025 protocol); none set, none sent. */
  logLevels: Map<string, LoggingLevel>;
}

const stateOfWorkspace = new WeakMap<Workspace, SharedServerState>();

export function sharedServerState(workspace: Workspace): SharedServerState {
  let state = stateOfWorkspace.get(workspace);
  if (!state) {
    state = { suspendedCalls: new SuspendedCalls(), toolCalls: new RateLimiter({ perMinute: workspace.config.toolCallsPerMinute }), logLevels: new Map() };
    stateOfWorkspace.set(workspace, state);
  }
  return state;
}

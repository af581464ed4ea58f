/**
 * State the server keeps per workspace rather than per connection: over HTTP
 * every request gets a fresh McpServer, so what must outlive one request
 * (calls waiting for the client's input, each principal's tool-call budget)
 * lives here, keyed by the workspace it serves.
 */

import type { Workspace } from '../app/workspace.js';
import { SuspendedCalls } from './input-rounds.js';
import { RateLimiter } from './rate-limit.js';

export interface SharedServerState {
  suspendedCalls: SuspendedCalls;
  /** Tool calls per principal: on stdio the one local principal, so per process. */
  toolCalls: RateLimiter;
}

const stateOfWorkspace = new WeakMap<Workspace, SharedServerState>();

export function sharedServerState(workspace: Workspace): SharedServerState {
  let state = stateOfWorkspace.get(workspace);
  if (!state) {
    state = { suspendedCalls: new SuspendedCalls(), toolCalls: new RateLimiter({ perMinute: workspace.config.toolCallsPerMinute }) };
    stateOfWorkspace.set(workspace, state);
  }
  return state;
}

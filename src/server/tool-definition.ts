/**
 * Tools as data: each tool is a plain object (name, schemas, annotations,
 * handler) and one loop in create-server.ts registers them all. Handlers get
 * a `ToolContext` with everything they may touch, so they stay small and
 * testable, and return domain values that results.ts turns into MCP results.
 */

import type { z } from 'zod';
import type { SamplingAccess } from '../app/llm-snapshot.js';
import type { WorkspaceSession } from '../app/workspace.js';
import type { ElicitationAnswer, ElicitationForm } from './elicitation.js';
import type { Logger } from '../logger.js';
import type { ToolOutput } from './results.js';

export interface ToolAnnotationsRequired {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolContext {
  session: WorkspaceSession;
  logger: Logger;
  /** Directories `load_transcript` may read: TRANSCRIPT_ROOTS, else the client's roots, else cwd. */
  allowedRoots(): Promise<string[]>;
  /** Sends a progress notification when the client asked for them (no-op otherwise); safe to call from synchronous callbacks. */
  progress(done: number, total: number, message: string): void;
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
  /** The client's own model, when it declared sampling and the connection allows the request; else null. */
  sampling: SamplingAccess | null;
  /** Asks the user through the client's form, when it declared elicitation and the connection allows it; else null. */
  elicit: ((form: ElicitationForm) => Promise<ElicitationAnswer>) | null;
}

export interface ToolDefinition<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: In;
  outputSchema: Out;
  annotations: ToolAnnotationsRequired;
  handler(args: z.infer<In>, ctx: ToolContext): Promise<ToolOutput<z.infer<Out>>> | ToolOutput<z.infer<Out>>;
}

/** Identity function that keeps the input/output types of one tool tied together. */
export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(tool: ToolDefinition<In, Out>): ToolDefinition<In, Out> {
  return tool;
}

export const READ_ONLY: ToolAnnotationsRequired = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/**
 * One result wrapper for every tool: domain values become `structuredContent`
 * plus a readable text part; typed errors become `isError` results carrying
 * the stable code, our own message and a correlation id. Anything untyped is
 * logged under that id and reported as INTERNAL_ERROR, never with its message,
 * stack or paths.
 */

import { randomBytes } from 'node:crypto';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/server';
import { isAppError } from '../core/errors.js';
import type { Logger } from '../logger.js';

export interface ToolOutput<T> {
  structured: T;
  text: string;
  links?: ResourceLink[];
}

export function successResult<T extends object>(output: ToolOutput<T>): CallToolResult {
  return {
    content: [{ type: 'text', text: output.text }, ...(output.links ?? [])],
    structuredContent: output.structured as Record<string, unknown>,
  };
}

export function newCorrelationId(): string {
  return randomBytes(6).toString('hex');
}

/** The user-facing line for an error: `CODE (line N): message [ref: id]`. */
export function describeError(error: unknown, correlationId: string): { code: string; text: string } {
  if (isAppError(error)) {
    const where = error.line !== undefined ? ` (line ${error.line})` : '';
    return { code: error.code, text: `${error.code}${where}: ${error.message} [ref: ${correlationId}]` };
  }
  return { code: 'INTERNAL_ERROR', text: `INTERNAL_ERROR: Something went wrong on the server; nothing was changed. [ref: ${correlationId}]` };
}

export function errorResult(error: unknown, logger: Logger, context: { tool: string; onRejected?: (code: string) => void }): CallToolResult {
  const correlationId = newCorrelationId();
  const { code, text } = describeError(error, correlationId);
  context.onRejected?.(code);
  const detail = error instanceof Error ? { name: error.name, cause_name: (error.cause as Error | undefined)?.name } : {};
  if (code === 'INTERNAL_ERROR') {
    logger.error({ event: 'tool_failed', tool: context.tool, code, correlation_id: correlationId, ...detail, stack: error instanceof Error ? error.stack : undefined }, 'tool failed');
  } else {
    logger.warn({ event: 'tool_rejected', tool: context.tool, code, correlation_id: correlationId, ...detail }, 'tool rejected input');
  }
  return { content: [{ type: 'text', text }], isError: true };
}

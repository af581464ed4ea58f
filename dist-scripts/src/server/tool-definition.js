/**
 * Tools as data: each tool is a plain object (name, schemas, annotations,
 * handler) and one loop in create-server.ts registers them all. Handlers get
 * a `ToolContext` with everything they may touch, so they stay small and
 * testable, and return domain values that results.ts turns into MCP results.
 */
/** Identity function that keeps the input/output types of one tool tied together. */
export function defineTool(tool) {
    return tool;
}
export const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

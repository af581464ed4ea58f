/**
 * The Customer Success Snapshot contract. This shape is public: it is the MCP
 * `structuredContent` of the snapshot tools, the CLI's `--format json` output
 * and the body of `snapshot://{id}`; keys are snake_case because it is JSON.
 */
export function isFoundField(field) {
    return field.value !== null;
}

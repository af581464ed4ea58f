/**
 * Hostile tool arguments: what a client (or a model driving one) may send to
 * the tools besides transcript text: ids that are paths, huge or not strings,
 * time codes and cursors that are not ours, limits out of range, unknown
 * sections, formats and records. Every case must be refused as an error
 * result, never a crash: by the tool's input schema before any handler runs,
 * or by the handler with our coded error. Arguments may name the transcript
 * the test loaded first, so a refusal cannot be put down to a missing
 * transcript. Driven through the real tools by the hostile-input test.
 */

import type { ErrorCode } from '../../src/core/errors.js';

export interface HostileToolArgumentCase {
  name: string;
  tool: string;
  /** The arguments, given the id of a transcript that exists. */
  args: (loaded: { transcriptId: string }) => Record<string, unknown>;
  /** `schema`: refused by the tool's input schema; else the code the handler answers with. */
  expected: 'schema' | ErrorCode;
}

export const HOSTILE_TOOL_ARGUMENT_CASES: ReadonlyArray<HostileToolArgumentCase> = [
  { name: 'a 10,000-character transcript id', tool: 'read_transcript', args: () => ({ transcript_id: 'x'.repeat(10_000) }), expected: 'schema' },
  { name: 'a path as the transcript id', tool: 'read_transcript', args: () => ({ transcript_id: '../../etc/passwd' }), expected: 'TRANSCRIPT_NOT_FOUND' },
  { name: 'a negative start', tool: 'read_transcript', args: ({ transcriptId }) => ({ transcript_id: transcriptId, start: -5 }), expected: 'schema' },
  { name: 'a start time past any clock', tool: 'read_transcript', args: ({ transcriptId }) => ({ transcript_id: transcriptId, start: '99:99:99' }), expected: 'INVALID_ARGUMENT' },
  { name: 'a forged cursor carrying __proto__', tool: 'read_transcript', args: ({ transcriptId }) => ({ transcript_id: transcriptId, cursor: 'eyJfX3Byb3RvX18iOnsieCI6MX19' }), expected: 'INVALID_CURSOR' },
  { name: 'an empty search', tool: 'search_transcripts', args: () => ({ query: '' }), expected: 'schema' },
  { name: 'a 5,000-character search', tool: 'search_transcripts', args: () => ({ query: 'q'.repeat(5_000) }), expected: 'schema' },
  { name: 'a search limit of 0', tool: 'search_transcripts', args: () => ({ query: 'pilot', limit: 0 }), expected: 'schema' },
  { name: 'a search limit of a billion', tool: 'search_transcripts', args: () => ({ query: 'pilot', limit: 1e9 }), expected: 'schema' },
  { name: 'a query operator as the transcript id', tool: 'transcript_stats', args: () => ({ transcript_id: { $ne: null } }), expected: 'schema' },
  { name: 'deleting a transcript that does not exist', tool: 'delete_transcript', args: () => ({ transcript_id: 't_doesnotexist' }), expected: 'TRANSCRIPT_NOT_FOUND' },
  { name: 'a section that does not exist', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, sections: ['not_a_section'] }), expected: 'schema' },
  { name: 'a snapshot that does not exist', tool: 'get_snapshot', args: () => ({ snapshot_id: 's_missing' }), expected: 'SNAPSHOT_NOT_FOUND' },
  { name: 'updating a field of a snapshot that does not exist', tool: 'update_snapshot_field', args: () => ({ snapshot_id: 's_missing', field: 'company_name', value: 'X' }), expected: 'SNAPSHOT_NOT_FOUND' },
  { name: 'a number as the path', tool: 'load_transcript', args: () => ({ path: 42 }), expected: 'schema' },
  { name: 'a sentence as mask_pii', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, mask_pii: 'yes please, mask it' }), expected: 'schema' },
  { name: 'an engine that does not exist', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, engine: 'gpt-9; rm -rf /' }), expected: 'schema' },
  { name: 'an empty vendor', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: '  ' }), expected: 'schema' },
  { name: 'a 10,000-character vendor', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: 'v'.repeat(10_000) }), expected: 'schema' },
  { name: 'a vendor profile without a company', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: { products: ['Dispatch'] } }), expected: 'schema' },
  { name: 'a vendor profile with a misspelt key', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: { company: 'Fabrikam', product: ['Dispatch'] } }), expected: 'schema' },
  { name: 'a vendor domain that is a URL', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: { company: 'Fabrikam', domains: ['https://fabrikam.example/'] } }), expected: 'schema' },
  { name: 'a thousand vendor products', tool: 'generate_snapshot', args: ({ transcriptId }) => ({ transcript_id: transcriptId, vendor: { company: 'Fabrikam', products: Array.from({ length: 1000 }, (_, i) => `P${i}`) } }), expected: 'schema' },
  { name: 'a format that is not a transcript format', tool: 'load_transcript', args: () => ({ content: 'A: b', format: 'docx' }), expected: 'schema' },
];

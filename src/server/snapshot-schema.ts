/**
 * The snapshot contract as a zod schema: the `outputSchema` of the snapshot
 * tools, so clients get the JSON Schema and the SDK checks every result
 * against it. Mirrors core/snapshot/types.ts.
 */

import { z } from 'zod';
import { FIELD_NAMES, SECTION_SLUGS } from '../core/snapshot/catalogue.js';

export const EvidenceSchema = z.object({
  turn_index: z.number().int().describe('Turn cited (see read_transcript).'),
  start_ms: z.number().nullable(),
  speaker: z.string().nullable(),
  quote: z.string().describe('Verbatim text from that turn.'),
});

const FieldValue = z.union([z.string(), z.number()]);

const Alternatives = z.array(z.object({ value: FieldValue, reason: z.string(), evidence: z.array(EvidenceSchema) })).optional();

const Field = z.union([
  z.object({
    value: FieldValue,
    confidence: z.number().min(0).max(1),
    source: z.enum(['transcript', 'user', 'client']).describe('transcript: found by the snapshot\'s engine; client: written by your model through write_snapshot_section; user: entered by a person.'),
    evidence: z.array(EvidenceSchema),
    alternatives: Alternatives,
  }),
  z.object({ value: z.null(), missing: z.literal(true), alternatives: Alternatives }),
]);

export const SnapshotSchema = z.object({
  id: z.string(),
  transcript_id: z.string(),
  title: z.string(),
  created_at: z.string(),
  engine: z.string(),
  meeting: z.object({
    date: z.string().optional(),
    duration_ms: z.number().nullable(),
    speakers: z.array(z.object({ name: z.string(), role: z.string().nullable(), talk_share: z.number() })),
  }),
  fields: z.object(Object.fromEntries(FIELD_NAMES.map((name) => [name, Field])) as Record<(typeof FIELD_NAMES)[number], typeof Field>),
  sections: z.array(
    z.object({
      slug: z.enum(SECTION_SLUGS as [string, ...string[]]),
      title: z.string(),
      content: z.string().describe('Markdown with [mm:ss] citations.'),
      confidence: z.number().min(0).max(1),
      missing_fields: z.array(z.string()),
      evidence: z.array(EvidenceSchema),
      written_by: z.string().optional().describe('Who wrote the section: the engine (offline, sampling, anthropic, openai) or client (write_snapshot_section).'),
    }),
  ),
  validation: z.object({
    grounded_ratio: z.number().min(0).max(1),
    issues: z.array(z.object({ code: z.string(), severity: z.enum(['info', 'warning', 'error']), message: z.string(), section: z.string().optional() })),
  }),
  metrics: z.object({ duration_ms: z.number(), llm_calls: z.number().int(), input_tokens: z.number().int(), output_tokens: z.number().int(), rounds: z.number().int().optional() }),
  pii_masked: z.boolean().optional().describe('True when e-mail addresses and phone numbers are masked (mask_pii); values you entered yourself are kept.'),
});

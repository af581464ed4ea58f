/**
 * What a model may answer, as zod schemas: the full schemas go to the
 * provider as structured-output JSON Schema, and every answer is parsed
 * against them here. Parsing is strict about the envelope (not JSON, or not
 * the object asked for, is LLM_BAD_OUTPUT) and item by item inside it: an
 * item that does not fit is dropped and counted, never repaired or guessed.
 * Keys outside the schema are ignored. Every property is required (nullable
 * where absent is meaningful) because strict structured-output modes demand it.
 */

import { z } from 'zod';
import { LlmUnavailableError } from '../errors.js';
import { FIELD_NAMES, SECTION_SLUGS } from '../snapshot/index.js';
import type { FieldName, SectionSlug } from '../snapshot/types.js';

/** Sections that facts are collected for; the Executive Summary is written from the others. */
export const FACT_SECTIONS = SECTION_SLUGS.filter((slug) => slug !== 'executive_summary') as Array<Exclude<SectionSlug, 'executive_summary'>>;

const turn = z.number().int().min(0).describe('Turn number from the transcript line (T12 is 12).');
const quote = z.string().min(1).max(600).describe('Words copied character for character from that turn, at most 25 words.');

export const FieldCandidateSchema = z.object({
  field: z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]),
  value: z.string().min(1).max(200).describe('The value as stated; dates as YYYY-MM-DD.'),
  status: z
    .enum(['stated', 'corrected', 'hypothetical'])
    .describe('"corrected" when the speaker replaces an earlier value; "hypothetical" for estimates, examples, goals and what-ifs.'),
  turn,
  quote,
});

export const FactSchema = z.object({
  section: z.enum(FACT_SECTIONS as [SectionSlug, ...SectionSlug[]]),
  fact: z.string().min(1).max(500).describe('One sentence in your words, at most 25 words.'),
  turn,
  quote,
});

export const CitationSchema = z.object({ turn, quote });

export const ClaimSchema = z.object({
  text: z.string().min(1).max(1000).describe('One or two sentences of prose, without time codes or turn numbers.'),
  starts_paragraph: z.boolean(),
  evidence: z.array(CitationSchema).describe('1 to 3 citations that support every part of the claim.'),
});

export const SectionDraftSchema = z.object({
  slug: z.enum(SECTION_SLUGS as [SectionSlug, ...SectionSlug[]]),
  claims: z.array(ClaimSchema),
});

export const ExtractionSchema = z.object({ fields: z.array(FieldCandidateSchema), facts: z.array(FactSchema) });
export const DraftsSchema = z.object({ sections: z.array(SectionDraftSchema) });
export const ExtractionAndDraftsSchema = z.object({ fields: z.array(FieldCandidateSchema), sections: z.array(SectionDraftSchema) });

export type FieldCandidateOutput = z.infer<typeof FieldCandidateSchema>;
export type FactOutput = z.infer<typeof FactSchema>;
export type ClaimOutput = z.infer<typeof ClaimSchema>;
export type SectionDraftOutput = z.infer<typeof SectionDraftSchema>;

export type OutputKind = 'extraction' | 'drafts' | 'extraction_and_drafts';

export const OUTPUT_SCHEMAS: Readonly<Record<OutputKind, z.ZodType>> = {
  extraction: ExtractionSchema,
  drafts: DraftsSchema,
  extraction_and_drafts: ExtractionAndDraftsSchema,
};

/**
 * The first JSON object in a model's text. Structured output gives bare JSON;
 * a sampling client's model may wrap it in a code fence or a sentence.
 * @throws LlmUnavailableError LLM_BAD_OUTPUT
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Reported below as bad output.
    }
  }
  throw new LlmUnavailableError('LLM_BAD_OUTPUT', 'The model answered with something that is not the JSON object asked for.');
}

function arrayAt(object: Record<string, unknown>, key: string): unknown[] {
  const value = object[key];
  if (!Array.isArray(value)) throw new LlmUnavailableError('LLM_BAD_OUTPUT', `The model's answer has no "${key}" list.`);
  return value;
}

/** Items that fit `schema`, and how many did not. */
function fitting<T>(items: readonly unknown[], schema: z.ZodType<T>): { items: T[]; rejected: number } {
  const kept: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) kept.push(parsed.data);
  }
  return { items: kept, rejected: items.length - kept.length };
}

function sectionDrafts(items: readonly unknown[]): { items: SectionDraftOutput[]; rejected: number } {
  const Envelope = z.object({ slug: SectionDraftSchema.shape.slug, claims: z.array(z.unknown()) });
  const drafts: SectionDraftOutput[] = [];
  let rejected = 0;
  for (const item of items) {
    const envelope = Envelope.safeParse(item);
    if (!envelope.success) {
      rejected++;
      continue;
    }
    const claims = fitting(envelope.data.claims, ClaimSchema);
    rejected += claims.rejected;
    drafts.push({ slug: envelope.data.slug, claims: claims.items });
  }
  return { items: drafts, rejected };
}

export interface ParsedOutput {
  fields: FieldCandidateOutput[];
  facts: FactOutput[];
  sections: SectionDraftOutput[];
  /** Items dropped because they did not fit the schema. */
  rejected: number;
}

/**
 * Parses a model's answer of the given kind.
 * @throws LlmUnavailableError LLM_BAD_OUTPUT when the envelope is not what was asked for.
 */
export function parseModelOutput(kind: OutputKind, text: string): ParsedOutput {
  const object = parseJsonObject(text);
  const fields = kind === 'drafts' ? { items: [], rejected: 0 } : fitting(arrayAt(object, 'fields'), FieldCandidateSchema);
  const facts = kind === 'extraction' ? fitting(arrayAt(object, 'facts'), FactSchema) : { items: [], rejected: 0 };
  const sections = kind === 'extraction' ? { items: [], rejected: 0 } : sectionDrafts(arrayAt(object, 'sections'));
  return { fields: fields.items, facts: facts.items, sections: sections.items, rejected: fields.rejected + facts.rejected + sections.rejected };
}

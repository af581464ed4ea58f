/**
 * Snapshot tools: generate, get, list, delete, and correct a field. The
 * structured output of generate/get is the snapshot contract itself
 * (core/snapshot/types.ts); `format` only changes the readable text part.
 */

import { z } from 'zod';
import { renderSnapshotHtml } from '../../core/render/html.js';
import { renderSnapshotJson } from '../../core/render/json.js';
import { renderSnapshotMarkdown } from '../../core/render/markdown.js';
import { FIELD_NAMES, SECTION_SLUGS } from '../../core/snapshot/catalogue.js';
import type { FieldName, SectionSlug, Snapshot } from '../../core/snapshot/types.js';
import { InputError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import { defineTool, READ_ONLY } from '../tool-definition.js';
import { EvidenceSchema, SnapshotSchema } from '../snapshot-schema.js';
import { applyElicitationAnswer, buildElicitationForm } from '../elicitation.js';
import { SNAPSHOT_ENGINES } from '../../app/llm-settings.js';
import { toVendorProfile, VendorInputSchema } from '../../app/vendor-profile.js';

const LIST_PAGE_SIZE = 50;

const slug = z.enum(SECTION_SLUGS as [SectionSlug, ...SectionSlug[]]);
const fieldName = z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]);
const format = z.enum(['json', 'markdown', 'html']);
const snapshotId = z.string().min(1).max(200).describe('Id returned by generate_snapshot (see list_snapshots).');

export function snapshotUri(id: string, view?: 'markdown' | 'html'): string {
  return `snapshot://${encodeURIComponent(id)}${view ? `/${view}` : ''}`;
}

function renderAs(snapshot: Snapshot, as: z.infer<typeof format>, section?: SectionSlug): string {
  if (section) return renderSnapshotMarkdown(snapshot, { section });
  if (as === 'html') return renderSnapshotHtml(snapshot);
  if (as === 'json') return renderSnapshotJson(snapshot);
  return renderSnapshotMarkdown(snapshot);
}

function snapshotLinks(snapshot: Snapshot) {
  return [
    { type: 'resource_link' as const, uri: snapshotUri(snapshot.id), name: `${snapshot.title} (JSON)`, mimeType: 'application/json' },
    { type: 'resource_link' as const, uri: snapshotUri(snapshot.id, 'markdown'), name: `${snapshot.title} (Markdown)`, mimeType: 'text/markdown' },
    { type: 'resource_link' as const, uri: snapshotUri(snapshot.id, 'html'), name: `${snapshot.title} (HTML report)`, mimeType: 'text/html' },
  ];
}

export const generateSnapshot = defineTool({
  name: 'generate_snapshot',
  title: 'Generate a Customer Success Snapshot',
  description:
    'Build a Customer Success Snapshot from a loaded transcript: 15 fields (company, contact, dates, product, figures) and 11 case-study sections, each with confidence, missing fields and the quotes with timestamps it rests on. ' +
    'What the call does not say is reported missing, never guessed. A language model (your client\'s via sampling, Anthropic, or an OpenAI-compatible server) writes better prose; any model failure falls back to the offline engine, which needs no key or network. Sends progress when asked. ' +
    'To write sections yourself from this draft and its evidence, use write_snapshot_section.',
  inputSchema: z.object({
    transcript_id: z.string().min(1).max(200).describe('Id returned by load_transcript.'),
    engine: z
      .enum(SNAPSHOT_ENGINES)
      .optional()
      .describe('Who writes it: "offline" (no key, no network), "sampling" (your client\'s model), "anthropic", "openai" (OpenAI-compatible server), or "auto" (the first available, in that order from sampling). Default SNAPSHOT_ENGINE.'),
    sections: z.array(slug).min(1).max(11).optional().describe('Only these sections (slugs); default all 11.'),
    format: format.default('markdown').describe('Form of the readable text part: markdown (default), json or html. The structured result is always the JSON contract.'),
    elicit: z.boolean().default(false).describe('Ask me (through a form in the client) for the required and valuable fields the call did not state.'),
    mask_pii: z.boolean().optional().describe('Mask e-mail addresses and phone numbers in the snapshot (values you enter yourself are kept). Default MASK_PII.'),
    vendor: VendorInputSchema.optional().describe(
      'Who you work for, so the snapshot tells your side from the customer\'s: your company name, or {company, aliases, products, domains}. Default SNAPSHOT_VENDOR; without either, the sides are inferred from the call.',
    ),
  }),
  outputSchema: SnapshotSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const snapshot = await ctx.session.generateSnapshot(args.transcript_id, {
      engine: args.engine,
      sampling: ctx.sampling,
      sections: args.sections,
      maskPii: args.mask_pii,
      vendor: args.vendor === undefined ? undefined : toVendorProfile(args.vendor),
      signal: ctx.signal,
      onProgress: ctx.progress,
    });
    if (!args.elicit) return { structured: snapshot, text: renderAs(snapshot, args.format), links: snapshotLinks(snapshot) };
    const form = buildElicitationForm(snapshot);
    let note: string;
    let final = snapshot;
    if (!form) note = 'Nothing to ask: the call stated every required and valuable field.';
    else if (!ctx.elicit) note = 'Forms cannot be shown on this connection (the client offers none, or it speaks the 2025 protocol over stateless HTTP); use update_snapshot_field to fill the missing fields.';
    else {
      const answer = await ctx.elicit(form).catch((error: unknown) => {
        ctx.signal.throwIfAborted();
        ctx.logger.warn({ event: 'elicitation_failed', error_name: (error as Error).name }, 'elicitation answer unusable');
        return null;
      });
      ({ snapshot: final, summary: note } = answer
        ? applyElicitationAnswer(ctx.session, snapshot, answer)
        : { snapshot, summary: 'The form could not be completed (the answer did not fit the form); the snapshot is unchanged. Use update_snapshot_field instead.' });
    }
    return { structured: final, text: `${note}\n\n${renderAs(final, args.format)}`, links: snapshotLinks(final) };
  },
});

export const getSnapshot = defineTool({
  name: 'get_snapshot',
  title: 'Get a snapshot',
  description: 'Fetch a generated snapshot as Markdown (default), JSON or a self-contained HTML report, or just one section.',
  inputSchema: z.object({
    snapshot_id: snapshotId,
    format: format.default('markdown').describe('markdown (default), json or html.'),
    section: slug.optional().describe('Only this section (rendered as Markdown).'),
  }),
  outputSchema: SnapshotSchema,
  annotations: READ_ONLY,
  handler(args, ctx) {
    const snapshot = ctx.session.getSnapshot(args.snapshot_id);
    return { structured: snapshot, text: renderAs(snapshot, args.format, args.section), links: snapshotLinks(snapshot) };
  },
});

export const listSnapshots = defineTool({
  name: 'list_snapshots',
  title: 'List snapshots',
  description: 'List the snapshots generated in this session (oldest first), 50 a page, with their transcript and average confidence.',
  inputSchema: z.object({ cursor: z.string().max(500).optional().describe('next_cursor from the previous page.') }),
  outputSchema: z.object({
    snapshots: z.array(z.object({ snapshot_id: z.string(), transcript_id: z.string(), title: z.string(), created_at: z.string(), engine: z.string(), average_confidence: z.number() })),
    next_cursor: z.string().optional(),
  }),
  annotations: READ_ONLY,
  handler(args, ctx) {
    const all = ctx.session.listSnapshots();
    const start = decodeCursor(args.cursor, 'snapshots');
    const snapshots = all.slice(start, start + LIST_PAGE_SIZE).map((s) => ({
      snapshot_id: s.id,
      transcript_id: s.transcript_id,
      title: s.title,
      created_at: s.created_at,
      engine: s.engine,
      average_confidence: s.sections.length ? Math.round((s.sections.reduce((sum, sec) => sum + sec.confidence, 0) / s.sections.length) * 100) / 100 : 0,
    }));
    const next = start + LIST_PAGE_SIZE < all.length ? encodeCursor({ scope: 'snapshots', offset: start + LIST_PAGE_SIZE }) : undefined;
    const text = snapshots.length
      ? snapshots.map((s) => `${s.snapshot_id}  ${s.title}  (from ${s.transcript_id}, ${s.engine}, confidence ${Math.round(s.average_confidence * 100)}%)`).join('\n')
      : 'No snapshots yet. Use generate_snapshot.';
    return { structured: next ? { snapshots, next_cursor: next } : { snapshots }, text };
  },
});

export const deleteSnapshot = defineTool({
  name: 'delete_snapshot',
  title: 'Delete a snapshot',
  description: 'Delete a snapshot now. The transcript it came from stays loaded. Cannot be undone.',
  inputSchema: z.object({ snapshot_id: snapshotId }),
  outputSchema: z.object({ snapshot_id: z.string(), deleted: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handler(args, ctx) {
    ctx.session.deleteSnapshot(args.snapshot_id);
    return { structured: { snapshot_id: args.snapshot_id, deleted: true }, text: `Deleted snapshot ${args.snapshot_id}.` };
  },
});

export const updateSnapshotField = defineTool({
  name: 'update_snapshot_field',
  title: 'Correct or fill a snapshot field',
  description:
    'Set one of the 15 snapshot fields yourself (e.g. a contact e-mail the call never mentioned, or a corrected figure). The value is checked against the field definition (dates YYYY-MM-DD, user_count a whole number), ' +
    'stored with source "user", and the sections that use the field and the executive summary are rewritten.',
  inputSchema: z.object({
    snapshot_id: snapshotId,
    field: fieldName.describe('Field name, e.g. contact_email.'),
    value: z.union([z.string().max(500), z.number()]).describe('The new value.'),
  }),
  outputSchema: SnapshotSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handler(args, ctx) {
    if (typeof args.value === 'string' && args.value.trim() === '') throw new InputError('FIELD_INVALID', `${args.field} needs a value.`);
    const snapshot = ctx.session.updateSnapshotField(args.snapshot_id, args.field, args.value);
    return { structured: snapshot, text: `Updated ${args.field}.\n\n${renderSnapshotMarkdown(snapshot)}`, links: snapshotLinks(snapshot) };
  },
});

const citation = z.object({
  turn_index: z.number().int().min(0).max(1_000_000).describe('Turn cited: the number read_transcript and the snapshot evidence give.'),
  quote: z.string().min(1).max(600).describe('Words copied character for character from that turn.'),
});
const citations = (max: number) => z.array(citation).max(max);
const fieldWrite = z.object({
  value: z.union([z.string().max(500), z.number()]).describe('The value as the call states it (dates YYYY-MM-DD, users a whole number, percentages like "35%").'),
  evidence: citations(5).describe('Turns that say the value.'),
});

const DroppedSchema = z.object({
  item: z.enum(['evidence', 'claim', 'field']),
  reason: z.string().describe('Stable reason code, e.g. quote_not_in_turn, figure_not_in_evidence, reads_as_instructions, turn_missing, invalid_value.'),
  message: z.string(),
  text: z.string().optional().describe('The sentence, quote or value as sent (cut to 200 characters).'),
  field: z.string().optional(),
  turn_index: z.number().int().optional(),
});

export const writeSnapshotSection = defineTool({
  name: 'write_snapshot_section',
  title: 'Write a snapshot section yourself',
  description:
    'Replace one section of a generated snapshot with your own prose citing the transcript, and optionally set the fields it states. Workflow: generate_snapshot for the draft and evidence, read_transcript / search_transcripts to check, then this tool per section. ' +
    'Kept only if grounded: quotes verbatim in their turns, every figure, e-mail and link said in the cited turns, field values of the right type said in their turns, nothing addressed to an AI model. ' +
    'The answer lists what was kept and what was dropped with its reason, so you can fix and resend.',
  inputSchema: z.object({
    snapshot_id: snapshotId,
    section: slug.describe('Section to write, e.g. results_achievements.'),
    content: z.string().min(1).max(20_000).describe('The section as Markdown prose or bullets, in your words; no timestamps needed (citations are added from the evidence).'),
    evidence: citations(30).min(1).describe('The turns the section rests on, each with a verbatim quote.'),
    fields: z
      .object(Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldWrite.optional()])) as Record<FieldName, z.ZodOptional<typeof fieldWrite>>)
      .optional()
      .describe('Field values this section states, each with the turns that say it, e.g. {"user_count": {"value": 310, "evidence": [{"turn_index": 41, "quote": "we have 310 users"}]}}.'),
  }),
  outputSchema: z.object({
    snapshot_id: z.string(),
    section: z.string(),
    stored: z.boolean().describe('True when anything was stored (a sentence or a field).'),
    kept: z.object({ claims: z.array(z.string()), evidence: z.array(EvidenceSchema), fields: z.array(z.string()) }),
    dropped: z.array(DroppedSchema),
    section_confidence: z.number().min(0).max(1).nullable().describe('Confidence of the section after the write, from its evidence.'),
    written_by: z.string().nullable().describe('Who wrote the section now: client, or the engine when nothing was kept.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handler(args, ctx) {
    const fields = Object.fromEntries(Object.entries(args.fields ?? {}).filter(([, value]) => value !== undefined));
    const outcome = ctx.session.writeSnapshotSection(args.snapshot_id, { section: args.section, content: args.content, evidence: args.evidence, fields });
    const section = outcome.snapshot.sections.find((candidate) => candidate.slug === args.section);
    const stored = outcome.keptClaims.length > 0 || outcome.keptFields.length > 0;
    const lines = [
      stored
        ? `Stored ${outcome.keptClaims.length} sentence(s)${outcome.keptFields.length > 0 ? ` and ${outcome.keptFields.join(', ')}` : ''} in ${args.section}.`
        : `Nothing was stored in ${args.section}: the section is unchanged.`,
      ...outcome.dropped.map((item) => `Dropped ${item.item}${item.field ? ` ${item.field}` : ''}${item.text ? ` "${item.text}"` : ''}: ${item.message}`),
      ...(outcome.dropped.length > 0 ? ['Fix the dropped items against read_transcript and send the section again.'] : []),
    ];
    return {
      structured: {
        snapshot_id: args.snapshot_id,
        section: args.section,
        stored,
        kept: { claims: outcome.keptClaims, evidence: outcome.keptEvidence, fields: outcome.keptFields },
        dropped: outcome.dropped,
        section_confidence: section?.confidence ?? null,
        written_by: section ? (section.written_by ?? outcome.snapshot.engine) : null,
      },
      text: lines.join('\n'),
      links: snapshotLinks(outcome.snapshot),
    };
  },
});

export const SNAPSHOT_TOOLS = [generateSnapshot, getSnapshot, listSnapshots, deleteSnapshot, updateSnapshotField, writeSnapshotSection];

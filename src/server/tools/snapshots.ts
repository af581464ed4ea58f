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
import { SnapshotSchema } from '../snapshot-schema.js';
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
    'What the call does not say is reported missing, never guessed. A language model (your client\'s via sampling, Anthropic, or an OpenAI-compatible server) writes better prose; any model failure falls back to the offline engine, which needs no key or network. Sends progress when asked.',
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

export const SNAPSHOT_TOOLS = [generateSnapshot, getSnapshot, listSnapshots, deleteSnapshot, updateSnapshotField];

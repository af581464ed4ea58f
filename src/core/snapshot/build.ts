/**
 * The offline snapshot engine: one transcript in, one Customer Success
 * Snapshot out, deterministically and without a network. It analyses the call
 * once (sentences, people, sides, dates, figures), chooses the 15 fields by
 * evidence, writes the 11 sections from ranked sentences, and validates the
 * result against the transcript. `rebuildAfterFieldUpdate` stores a value a
 * person gives and re-renders only the sections that show that field, plus
 * the Executive Summary.
 */

import { talkShares } from '../analysis/stats.js';
import type { Transcript } from '../transcript/types.js';
import { analyseTranscript, type CallAnalysis } from './analysis.js';
import { SECTION_SLUGS, sectionsUsingField, sectionSpec, validateFieldValue } from './catalogue.js';
import { extractCandidates, extractFields, statedPlans, supportingSentences } from './fields.js';
import { inverseDocumentFrequency, type RankingContext } from './section-ranking.js';
import { writeSections } from './sections.js';
import { NOT_A_CUSTOMER_CALL, type CallGate } from './gate.js';
import { snapshotTitle, type FieldName, type FoundField, type SectionSlug, type Snapshot, type SnapshotField, type SnapshotSection, type VendorProfile } from './types.js';
import { findSuspiciousTurns, validateSnapshot } from './validate.js';

export const OFFLINE_ENGINE = 'offline';

export interface BuildSnapshotOptions {
  id: string;
  /** ISO time of the build (core code reads no clock). */
  now: string;
  /** Sections to build, in catalogue order whatever order is given; all by default. */
  sections?: readonly SectionSlug[];
  onProgress?: (done: number, total: number, message: string) => void;
  /** The user's own organisation; sides are inferred from the call when absent. */
  vendor?: VendorProfile;
  /** Milliseconds since the build started, read once at the end; without it `metrics.duration_ms` is 0 for the caller to fill. */
  elapsedMs?: () => number;
}

type SuspiciousTurns = ReturnType<typeof findSuspiciousTurns>;

function analyse(transcript: Transcript, suspicious: SuspiciousTurns, vendor?: VendorProfile): CallAnalysis {
  return analyseTranscript(transcript, new Set(suspicious.map(({ turn }) => turn.index)), vendor);
}

function rankingContext(analysis: CallAnalysis, fieldSupport: RankingContext['fieldSupport']): RankingContext {
  return { analysis, fieldSupport, idf: inverseDocumentFrequency(analysis.sentences), used: new Map() };
}

/** Sections of a call that is not a customer conversation still summarise it, but say so in their confidence. */
const NOT_A_CUSTOMER_CALL_SECTION_CONFIDENCE = 0.3;

/** Every field missing: a call that is not a customer conversation states no customer fields. */
function allMissing(fields: Record<FieldName, SnapshotField>): Record<FieldName, SnapshotField> {
  return Object.fromEntries(Object.keys(fields).map((name) => [name, { value: null, missing: true }])) as Record<FieldName, SnapshotField>;
}

function gatedSections(sections: SnapshotSection[], gate: CallGate): SnapshotSection[] {
  if (gate.isCustomerCall) return sections;
  return sections.map((section) => ({ ...section, confidence: Math.min(section.confidence, NOT_A_CUSTOMER_CALL_SECTION_CONFIDENCE) }));
}

/** The gate's verdict first among the issues, so every reader sees it before anything else. */
function withGateIssue(validation: Snapshot['validation'], gate: CallGate): Snapshot['validation'] {
  if (gate.isCustomerCall) return validation;
  return { ...validation, issues: [{ code: NOT_A_CUSTOMER_CALL, severity: 'warning', message: gate.missing! }, ...validation.issues] };
}

/** Talk shares as transcript_stats and load_transcript report them (by talk time, by words without timestamps), with the inferred side as role. */
function speakersOf(transcript: Transcript, analysis: CallAnalysis): Snapshot['meeting']['speakers'] {
  const shares = new Map(talkShares(transcript).map((share) => [share.name, share.talk_share]));
  return transcript.speakers.map((speaker) => {
    // Sides are only claimed for a customer call: a research group has no vendor.
    const side = analysis.gate.isCustomerCall ? analysis.parties.sideOf.get(speaker.name) : undefined;
    return {
      name: speaker.name,
      role: speaker.role ?? (side && side !== 'unknown' ? side : null),
      talk_share: Math.round((shares.get(speaker.name) ?? 0) * 1000) / 1000,
    };
  });
}

function orderedSlugs(requested: readonly SectionSlug[] | undefined): SectionSlug[] {
  if (!requested) return [...SECTION_SLUGS];
  for (const slug of requested) sectionSpec(slug);
  return SECTION_SLUGS.filter((slug) => requested.includes(slug));
}

/**
 * Builds a snapshot with the offline engine.
 * @throws InputError INVALID_ARGUMENT for an unknown section slug.
 */
export function buildSnapshot(transcript: Transcript, options: BuildSnapshotOptions): Snapshot {
  const slugs = orderedSlugs(options.sections);
  const total = slugs.length + 3;
  let done = 0;
  const progress = (message: string) => options.onProgress?.(++done, total, message);

  const suspicious = findSuspiciousTurns(transcript.turns);
  const analysis = analyse(transcript, suspicious, options.vendor);
  progress('Analysed the call: sentences, people, dates and figures');
  const extracted = extractFields(analysis);
  const fields = analysis.gate.isCustomerCall ? extracted.fields : allMissing(extracted.fields);
  progress('Chose the fields from their evidence');
  const context = rankingContext(analysis, supportingSentences(extracted.candidates, fields));
  const sections = gatedSections(
    writeSections({ context, fields, plans: statedPlans(extracted.candidates, fields) }, slugs, (slug) => progress(`Wrote ${sectionSpec(slug).title}`)),
    analysis.gate,
  ).map((section) => ({ ...section, written_by: OFFLINE_ENGINE }));
  const body = { fields, sections };
  const validation = withGateIssue(validateSnapshot(body, transcript, suspicious), analysis.gate);
  progress('Validated the snapshot against the transcript');
  return {
    id: options.id,
    transcript_id: transcript.id,
    title: snapshotTitle(fields, transcript.title),
    created_at: options.now,
    engine: OFFLINE_ENGINE,
    meeting: {
      ...(analysis.meetingDate ? { date: analysis.meetingDate } : {}),
      duration_ms: transcript.durationMs,
      speakers: speakersOf(transcript, analysis),
    },
    fields,
    sections,
    validation,
    metrics: { duration_ms: options.elapsedMs?.() ?? 0, llm_calls: 0, input_tokens: 0, output_tokens: 0 },
  };
}

/** `written_by` of a section the MCP client's own model wrote (write_snapshot_section). */
export const CLIENT_WRITER = 'client';

/**
 * Stores field values decided outside the engine (a person's, or the client
 * model's) and re-renders, with the offline writer, the sections that show
 * them and the Executive Summary; a section the client wrote is kept as
 * written (only its missing fields are brought up to date). Works on
 * snapshots from any engine, as long as `transcript` is the one it was built
 * from.
 */
export function rebuildWithFields(snapshot: Snapshot, transcript: Transcript, updates: Partial<Record<FieldName, FoundField>>): Snapshot {
  const fields: Record<FieldName, SnapshotField> = { ...snapshot.fields, ...updates };
  const changed = Object.keys(updates) as FieldName[];
  const affected = new Set<SectionSlug>(['executive_summary', ...changed.flatMap(sectionsUsingField)]);
  const rewrite = snapshot.sections.filter((section) => affected.has(section.slug) && section.written_by !== CLIENT_WRITER).map((section) => section.slug);
  const suspicious = findSuspiciousTurns(transcript.turns);
  const analysis = analyse(transcript, suspicious);
  const candidates = extractCandidates(analysis);
  const context = rankingContext(analysis, supportingSentences(candidates, fields));
  const rewritten = new Map(gatedSections(writeSections({ context, fields, plans: statedPlans(candidates, fields) }, rewrite), analysis.gate).map((section) => [section.slug, { ...section, written_by: OFFLINE_ENGINE }]));
  const sections = snapshot.sections.map((section) => {
    const fresh = rewritten.get(section.slug);
    if (fresh) return fresh;
    const spec = sectionSpec(section.slug);
    return { ...section, missing_fields: [...spec.requiredFields, ...spec.valuableFields].filter((name) => fields[name].value === null) };
  });
  const body = { fields, sections };
  return {
    ...snapshot,
    title: changed.includes('company_name') ? snapshotTitle(fields, transcript.title) : snapshot.title,
    fields,
    sections,
    validation: withGateIssue(validateSnapshot(body, transcript, suspicious), analysis.gate),
  };
}

/**
 * Stores a person's value for one field (`source: "user"`, confidence 1, no
 * evidence), as `rebuildWithFields` does.
 * @throws InputError FIELD_INVALID when the value does not fit the field.
 */
export function rebuildAfterFieldUpdate(snapshot: Snapshot, transcript: Transcript, field: FieldName, value: unknown): Snapshot {
  const userField: FoundField = { value: validateFieldValue(field, value), confidence: 1, source: 'user', evidence: [] };
  return rebuildWithFields(snapshot, transcript, { [field]: userField });
}

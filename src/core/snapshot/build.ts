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
import type { FieldName, FoundField, SectionSlug, Snapshot, SnapshotField, VendorProfile } from './types.js';
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

function analyse(transcript: Transcript, suspicious: SuspiciousTurns): CallAnalysis {
  return analyseTranscript(transcript, new Set(suspicious.map(({ turn }) => turn.index)));
}

function rankingContext(analysis: CallAnalysis, fieldSupport: RankingContext['fieldSupport']): RankingContext {
  return { analysis, fieldSupport, idf: inverseDocumentFrequency(analysis.sentences), used: new Map() };
}

/** Talk shares as transcript_stats and load_transcript report them (by talk time, by words without timestamps), with the inferred side as role. */
function speakersOf(transcript: Transcript, analysis: CallAnalysis): Snapshot['meeting']['speakers'] {
  const shares = new Map(talkShares(transcript).map((share) => [share.name, share.talk_share]));
  return transcript.speakers.map((speaker) => {
    const side = analysis.parties.sideOf.get(speaker.name);
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

function snapshotTitle(fields: Record<FieldName, SnapshotField>, transcript: Transcript): string {
  const company = fields.company_name.value;
  return `Customer Success Snapshot: ${company === null ? transcript.title : String(company)}`;
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
  const analysis = analyse(transcript, suspicious);
  progress('Analysed the call: sentences, people, dates and figures');
  const { fields, candidates } = extractFields(analysis);
  progress('Chose the fields from their evidence');
  const context = rankingContext(analysis, supportingSentences(candidates, fields));
  const sections = writeSections({ context, fields, plans: statedPlans(candidates, fields) }, slugs, (slug) => progress(`Wrote ${sectionSpec(slug).title}`));
  const body = { fields, sections };
  const validation = validateSnapshot(body, transcript, suspicious);
  progress('Validated the snapshot against the transcript');
  return {
    id: options.id,
    transcript_id: transcript.id,
    title: snapshotTitle(fields, transcript),
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

/**
 * Stores a person's value for one field (`source: "user"`, confidence 1, no
 * evidence) and re-renders the sections that show the field and the
 * Executive Summary; other sections are kept as they were. Works on snapshots
 * from any engine, as long as `transcript` is the one it was built from.
 * @throws InputError FIELD_INVALID when the value does not fit the field.
 */
export function rebuildAfterFieldUpdate(snapshot: Snapshot, transcript: Transcript, field: FieldName, value: unknown): Snapshot {
  const userField: FoundField = { value: validateFieldValue(field, value), confidence: 1, source: 'user', evidence: [] };
  const fields: Record<FieldName, SnapshotField> = { ...snapshot.fields, [field]: userField };
  const suspicious = findSuspiciousTurns(transcript.turns);
  const analysis = analyse(transcript, suspicious);
  const candidates = extractCandidates(analysis);
  const context = rankingContext(analysis, supportingSentences(candidates, fields));
  const present = snapshot.sections.map((section) => section.slug);
  const affected = new Set(sectionsUsingField(field));
  const rewritten = new Map(writeSections({ context, fields, plans: statedPlans(candidates, fields) }, present.filter((slug) => affected.has(slug))).map((section) => [section.slug, section]));
  const sections = snapshot.sections.map((section) => rewritten.get(section.slug) ?? section);
  const body = { fields, sections };
  return {
    ...snapshot,
    title: field === 'company_name' ? snapshotTitle(fields, transcript) : snapshot.title,
    fields,
    sections,
    validation: validateSnapshot(body, transcript, suspicious),
  };
}

/**
 * From verified claims to the Snapshot contract. A section's content is prose
 * with a `[mm:ss]` citation after each claim (Customer Information also
 * lists its fields, so the company is always named as the field says); its
 * evidence is the claims' evidence; its confidence grows with the claims and
 * turns behind it and shrinks with what verification dropped and with missing
 * required fields. The Executive Summary keeps only figures that another
 * section or a field states. The whole snapshot then goes through the same
 * `validateSnapshot` as the offline engine's.
 */

import { FIELDS, sectionSpec, snapshotTitle, validateSnapshot } from '../snapshot/index.js';
import type { Evidence, FieldName, SectionSlug, Snapshot, SnapshotField, SnapshotSection, ValidationIssue } from '../snapshot/types.js';
import { formatCitation } from '../transcript/timecode.js';
import type { Transcript } from '../transcript/types.js';
import { countDrop, saidNumbers, statedFigures, uniqueEvidence, type DropTally, type VerifiedClaim } from './verify.js';

export interface SectionOutcome {
  slug: SectionSlug;
  claims: VerifiedClaim[];
  /** Claims the model wrote, kept or not. */
  drafted: number;
}

type Fields = Readonly<Record<FieldName, SnapshotField>>;

function citations(evidence: readonly Evidence[]): string {
  const turns = new Map<number, Evidence>();
  for (const item of evidence) if (!turns.has(item.turn_index)) turns.set(item.turn_index, item);
  return [...turns.values()].map((item) => formatCitation(item.start_ms, item.turn_index)).join(' ');
}

/** "We cut costs." + [04:49] -> "We cut costs [04:49]." */
function withCitations(text: string, evidence: readonly Evidence[]): string {
  const match = /([.!?]+["'”’)]*)$/.exec(text);
  const body = match ? text.slice(0, match.index) : text;
  return `${body} ${citations(evidence)}${match ? match[1] : '.'}`;
}

function fieldList(slug: SectionSlug, fields: Fields): { lines: string[]; evidence: Evidence[] } {
  const spec = sectionSpec(slug);
  const lines: string[] = [];
  const evidence: Evidence[] = [];
  for (const name of [...spec.requiredFields, ...spec.valuableFields]) {
    const field = fields[name];
    if (field.value === null) continue;
    const first = field.evidence.slice(0, 1);
    evidence.push(...first);
    lines.push(`- **${FIELDS[name].label}:** ${field.value}${first.length > 0 ? ` ${citations(first)}` : ''}`);
  }
  return { lines, evidence };
}

function paragraphs(claims: readonly VerifiedClaim[]): string {
  const out: string[][] = [];
  for (const claim of claims) {
    const sentence = withCitations(claim.text, claim.evidence);
    const current = out[out.length - 1];
    if (!current || claim.startsParagraph) out.push([sentence]);
    else current.push(sentence);
  }
  return out.map((sentences) => sentences.join(' ')).join('\n\n');
}

function confidenceOf(outcome: SectionOutcome, fields: Fields): number {
  if (outcome.claims.length === 0) return 0.1;
  const turns = new Set(outcome.claims.flatMap((claim) => claim.evidence.map((item) => item.turn_index))).size;
  const keptShare = outcome.claims.length / Math.max(outcome.drafted, outcome.claims.length);
  const missingRequired = sectionSpec(outcome.slug).requiredFields.filter((name) => fields[name].value === null).length;
  const confidence = 0.4 + 0.15 * Math.min(1, outcome.claims.length / 3) + 0.15 * Math.min(1, turns / 3) + 0.2 * keptShare - 0.2 * missingRequired;
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}

export function renderSection(outcome: SectionOutcome, fields: Fields): SnapshotSection {
  const spec = sectionSpec(outcome.slug);
  const listed = outcome.slug === 'customer_information' ? fieldList(outcome.slug, fields) : { lines: [], evidence: [] };
  const prose = outcome.claims.length > 0 ? paragraphs(outcome.claims) : listed.lines.length > 0 ? '' : `The call did not cover ${spec.title.toLowerCase()}.`;
  return {
    slug: outcome.slug,
    title: spec.title,
    content: [listed.lines.join('\n'), prose].filter(Boolean).join('\n\n'),
    confidence: confidenceOf(outcome, fields),
    missing_fields: [...spec.requiredFields, ...spec.valuableFields].filter((name) => fields[name].value === null),
    evidence: uniqueEvidence([...listed.evidence, ...outcome.claims.flatMap((claim) => claim.evidence)]),
  };
}

/** Summary claims whose figures no other section or field states are dropped (and counted). */
export function summaryClaimsBackedElsewhere(summary: SectionOutcome, others: readonly SnapshotSection[], fields: Fields, tally: DropTally): SectionOutcome {
  const stated = saidNumbers([...others.map((section) => section.content), ...Object.values(fields).map((field) => (field.value === null ? '' : String(field.value)))]);
  const claims = summary.claims.filter((claim) => {
    const backed = statedFigures(claim.text).every((value) => stated.has(value));
    if (!backed) countDrop(tally, 'figure_not_elsewhere');
    return backed;
  });
  return { ...summary, claims };
}

export interface AssembleInput {
  /** The offline engine's snapshot of the same transcript: id, meeting and speakers come from it. */
  offline: Snapshot;
  transcript: Transcript;
  engine: string;
  fields: Record<FieldName, SnapshotField>;
  sections: SnapshotSection[];
  /** Issues of the language-model run, added to the validator's. */
  issues: ValidationIssue[];
  metrics: Snapshot['metrics'];
}

export function assembleSnapshot({ offline, transcript, engine, fields, sections, issues, metrics }: AssembleInput): Snapshot {
  const validation = validateSnapshot({ fields, sections }, transcript);
  return {
    ...offline,
    title: snapshotTitle(fields, transcript.title),
    engine,
    fields,
    sections: sections.map((section) => ({ ...section, written_by: section.written_by ?? engine })),
    validation: { grounded_ratio: validation.grounded_ratio, issues: [...validation.issues, ...issues] },
    metrics,
  };
}

/**
 * The pieces of a snapshot report that the Markdown and HTML renderers both
 * show, derived once so the two never disagree: the document title, the
 * meeting facts line, the key facts, missing-field labels, citations and
 * confidence bands. Everything here returns raw (unescaped) text; each
 * renderer escapes for its own output format.
 */

import { formatCitation } from '../transcript/timecode.js';
import {
  isFoundField,
  SNAPSHOT_KIND,
  type Evidence,
  type FieldName,
  type FieldValue,
  type FoundField,
  type Snapshot,
  type SnapshotSection,
  type ValidationIssue,
} from '../snapshot/types.js';
import { FIELD_CATALOGUE, FIELD_NAMES } from '../snapshot/catalogue.js';
import { NOT_A_CUSTOMER_CALL } from '../snapshot/gate.js';

export type ConfidenceBand = 'high' | 'medium' | 'low';

/** Bands shared by the text notes and the chart colours. */
export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

/** 0.823 -> "82%"; values outside 0..1 are clamped so a bad score cannot draw a bar off the chart. */
export function formatPercent(ratio: number): string {
  return `${Math.round(clampRatio(ratio) * 100)}%`;
}

export function clampRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0;
  return Math.min(1, Math.max(0, ratio));
}

/** 45000 -> "45 s", 3120000 -> "52 min", 4080000 -> "1 h 08 min". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const minutes = totalMinutes % 60;
  return `${Math.floor(totalMinutes / 60)} h ${minutes < 10 ? '0' : ''}${minutes} min`;
}

export function formatFieldValue(value: FieldValue): string {
  return typeof value === 'number' ? value.toLocaleString('en-US') : value;
}

/** `[mm:ss]`, or `[turn N]` when the transcript has no timestamps. */
export function citationFor(evidence: Evidence): string {
  return formatCitation(evidence.start_ms, evidence.turn_index);
}

export const REPORT_KIND = SNAPSHOT_KIND;
const KIND_PREFIX = `${REPORT_KIND}:`;

/**
 * Who the report is about: the company when the call named it, else the
 * snapshot's title without the kind it already starts with, so a call with no
 * company is not titled "Customer Success Snapshot: Customer Success Snapshot: …".
 */
export function reportSubject(snapshot: Snapshot): string {
  const company = snapshot.fields.company_name;
  if (isFoundField(company)) return formatFieldValue(company.value).trim();
  const title = snapshot.title.trim();
  return (title.startsWith(KIND_PREFIX) ? title.slice(KIND_PREFIX.length) : title).trim();
}

/** "Customer Success Snapshot: <subject>". */
export function reportTitle(snapshot: Snapshot): string {
  const subject = reportSubject(snapshot);
  return subject === '' ? REPORT_KIND : `${REPORT_KIND}: ${subject}`;
}

export function fieldLabel(name: FieldName): string {
  return FIELD_CATALOGUE[name].label;
}

export interface KeyFact {
  name: FieldName;
  label: string;
  value: string;
  field: FoundField;
  /** `user`, `client`, or the engine that found it. */
  writtenBy: string;
}

/** The found fields, in catalogue order. */
export function keyFacts(snapshot: Snapshot): KeyFact[] {
  return FIELD_NAMES.flatMap((name) => {
    const field = snapshot.fields[name];
    if (!isFoundField(field)) return [];
    const writtenBy = field.source === 'transcript' ? snapshot.engine : field.source;
    return [{ name, label: fieldLabel(name), value: formatFieldValue(field.value), field, writtenBy }];
  });
}

/** Who wrote a section: as recorded, else the snapshot's engine (snapshots made before sections recorded it). */
export function sectionWriter(snapshot: Snapshot, section: SnapshotSection): string {
  return section.written_by ?? snapshot.engine;
}

/** Labels of the fields the call never stated, in catalogue order. */
export function missingFieldLabels(snapshot: Snapshot): string[] {
  return FIELD_NAMES.filter((name) => !isFoundField(snapshot.fields[name])).map(fieldLabel);
}

export interface MeetingFact {
  label: string;
  value: string;
}

/** Date (when known), duration (when known), speakers and engine, in display order. */
export function meetingFacts(snapshot: Snapshot): MeetingFact[] {
  const { meeting } = snapshot;
  const facts: MeetingFact[] = [];
  if (meeting.date) facts.push({ label: 'Meeting date', value: meeting.date });
  if (meeting.duration_ms !== null) facts.push({ label: 'Duration', value: formatDuration(meeting.duration_ms) });
  if (meeting.speakers.length > 0) {
    const speakers = meeting.speakers.map((speaker) => (speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name));
    facts.push({ label: 'Speakers', value: speakers.join(', ') });
  }
  facts.push({ label: 'Engine', value: snapshot.engine });
  return facts;
}

/** What the engine found when the call is not a customer conversation (shown at the top of a report), or null. */
export function notACustomerCallNotice(snapshot: Snapshot): string | null {
  return snapshot.validation.issues.find((issue) => issue.code === NOT_A_CUSTOMER_CALL)?.message ?? null;
}

export const NOT_A_CUSTOMER_CALL_HEADING = 'Not a customer call: no customer fields were filled.';

/** The title of the section an issue points at, or null for snapshot-wide issues. */
export function issueSectionTitle(snapshot: Snapshot, issue: ValidationIssue): string | null {
  if (!issue.section) return null;
  return snapshot.sections.find((section) => section.slug === issue.section)?.title ?? issue.section;
}

export function severityLabel(severity: ValidationIssue['severity']): string {
  return severity === 'info' ? 'Note' : severity === 'warning' ? 'Warning' : 'Error';
}

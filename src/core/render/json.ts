/**
 * The snapshot as pretty JSON (2-space indent, trailing newline) with keys in
 * the contract's order, whatever order the engine happened to build them in,
 * so two renderings of equal snapshots are byte-identical and diffs stay
 * readable. Keys the contract does not list (optional additions) are kept,
 * after the known ones.
 */

import {
  isFoundField,
  type Evidence,
  type FieldAlternative,
  type FoundField,
  type MissingField,
  type Snapshot,
  type SnapshotField,
  type SnapshotSection,
  type ValidationIssue,
} from '../snapshot/types.js';
import { FIELD_NAMES } from '../snapshot/catalogue.js';

type Speaker = Snapshot['meeting']['speakers'][number];

const SNAPSHOT_KEYS = [
  'id',
  'transcript_id',
  'title',
  'created_at',
  'engine',
  'meeting',
  'fields',
  'sections',
  'validation',
  'metrics',
] as const satisfies readonly (keyof Snapshot)[];
const MEETING_KEYS = ['date', 'duration_ms', 'speakers'] as const satisfies readonly (keyof Snapshot['meeting'])[];
const SPEAKER_KEYS = ['name', 'role', 'talk_share'] as const satisfies readonly (keyof Speaker)[];
const FIELD_KEYS = ['value', 'missing', 'confidence', 'source', 'evidence', 'alternatives'] as const satisfies readonly (
  | keyof FoundField
  | keyof MissingField
)[];
const ALTERNATIVE_KEYS = ['value', 'reason', 'evidence'] as const satisfies readonly (keyof FieldAlternative)[];
const EVIDENCE_KEYS = ['turn_index', 'start_ms', 'speaker', 'quote'] as const satisfies readonly (keyof Evidence)[];
const SECTION_KEYS = [
  'slug',
  'title',
  'content',
  'confidence',
  'missing_fields',
  'evidence',
  'written_by',
] as const satisfies readonly (keyof SnapshotSection)[];
const VALIDATION_KEYS = ['grounded_ratio', 'issues'] as const satisfies readonly (keyof Snapshot['validation'])[];
const ISSUE_KEYS = ['code', 'severity', 'message', 'section'] as const satisfies readonly (keyof ValidationIssue)[];
const METRICS_KEYS = [
  'duration_ms',
  'llm_calls',
  'input_tokens',
  'output_tokens',
] as const satisfies readonly (keyof Snapshot['metrics'])[];

export function renderSnapshotJson(snapshot: Snapshot): string {
  return `${JSON.stringify(canonicalSnapshot(snapshot), null, 2)}\n`;
}

/** A shallow copy of `value` with `keys` first (those present), then any other keys in their own order. */
function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(source, key)) result[key] = source[key];
  for (const key of Object.keys(source)) if (!Object.hasOwn(result, key)) result[key] = source[key];
  return result as T;
}

function canonicalEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.map((item) => ordered(item, EVIDENCE_KEYS));
}

function canonicalField(field: SnapshotField): SnapshotField {
  const alternatives = field.alternatives?.map((alternative) =>
    ordered({ ...alternative, evidence: canonicalEvidence(alternative.evidence) }, ALTERNATIVE_KEYS),
  );
  if (!isFoundField(field)) return ordered({ ...field, ...(alternatives ? { alternatives } : {}) }, FIELD_KEYS);
  return ordered(
    { ...field, evidence: canonicalEvidence(field.evidence), ...(alternatives ? { alternatives } : {}) },
    FIELD_KEYS,
  );
}

function canonicalSnapshot(snapshot: Snapshot): Snapshot {
  const fields = Object.fromEntries(
    Object.entries(snapshot.fields).map(([name, field]) => [name, canonicalField(field)]),
  ) as Snapshot['fields'];
  return ordered(
    {
      ...snapshot,
      meeting: ordered(
        { ...snapshot.meeting, speakers: snapshot.meeting.speakers.map((speaker) => ordered(speaker, SPEAKER_KEYS)) },
        MEETING_KEYS,
      ),
      fields: ordered(fields, FIELD_NAMES),
      sections: snapshot.sections.map((section) =>
        ordered({ ...section, evidence: canonicalEvidence(section.evidence) }, SECTION_KEYS),
      ),
      validation: ordered(
        { ...snapshot.validation, issues: snapshot.validation.issues.map((issue) => ordered(issue, ISSUE_KEYS)) },
        VALIDATION_KEYS,
      ),
      metrics: ordered(snapshot.metrics, METRICS_KEYS),
    },
    SNAPSHOT_KEYS,
  );
}

import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot/types.js';
import { buildSampleSnapshot } from '../../../test/render/sample-snapshot.js';
import { renderSnapshotJson } from './json.js';

/** A deep copy whose object keys are all in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reversedKeys(inner)]),
    ) as T;
  }
  return value;
}

describe('renderSnapshotJson', () => {
  const snapshot = buildSampleSnapshot();
  const json = renderSnapshotJson(snapshot);

  it('round-trips to an equal snapshot', () => {
    expect(JSON.parse(json)).toEqual(snapshot);
  });

  it('is indented by two spaces and ends with a newline', () => {
    expect(json.startsWith('{\n  "id": "snap_7f3a9c",\n  "transcript_id": "tr_51c0de",\n')).toBe(true);
    expect(json.endsWith('\n}\n')).toBe(true);
  });

  it('puts keys in the contract order whatever order the snapshot was built in', () => {
    expect(renderSnapshotJson(reversedKeys(snapshot))).toBe(json);
    const parsed = JSON.parse(json) as Snapshot;
    expect(Object.keys(parsed)).toEqual([
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
    ]);
    expect(Object.keys(parsed.fields).slice(0, 3)).toEqual(['company_name', 'industry', 'location']);
    expect(Object.keys(parsed.fields.start_date)).toEqual(['value', 'confidence', 'source', 'evidence', 'alternatives']);
    expect(Object.keys(parsed.fields.contact_email)).toEqual(['value', 'missing']);
    expect(Object.keys(parsed.sections[0] ?? {})).toEqual([
      'slug',
      'title',
      'content',
      'confidence',
      'missing_fields',
      'evidence',
    ]);
    expect(Object.keys(parsed.sections[0]?.evidence[0] ?? {})).toEqual(['turn_index', 'start_ms', 'speaker', 'quote']);
  });

  it('keeps keys the contract does not list, after the known ones', () => {
    const extended = { ...buildSampleSnapshot(), note: 'added later' };
    const parsed = JSON.parse(renderSnapshotJson(extended)) as Record<string, unknown>;
    expect(Object.keys(parsed).at(-1)).toBe('note');
    expect(parsed.note).toBe('added later');
  });
});

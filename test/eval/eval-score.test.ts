/**
 * The eval's scoring rules on hand-made snapshots, so they hold whatever the
 * engine does: a value the key rules out is wrong, the vendor is never the
 * customer, the gate is read from the validation issues, confidence lands in
 * the right bucket, and a floor only ever lets totals improve.
 */

import { describe, expect, it } from 'vitest';
import type { FieldName, Snapshot, SnapshotField } from '../../src/core/snapshot/types.js';
import { belowFloor, calibration, fieldQuality, floorOf, missedTargets, NOT_A_CUSTOMER_CALL, scoreSnapshot, setTotals, type AnswerKey } from '../../scripts/eval-score.js';

const FIELDS: FieldName[] = [
  'company_name', 'industry', 'location', 'primary_contact', 'contact_position', 'contact_email', 'start_date', 'completion_date',
  'product_name', 'cost_savings', 'revenue_increase', 'roi_percentage', 'user_count', 'adoption_rate', 'efficiency_improvement',
];

function snapshot(shown: Partial<Record<FieldName, [string | number, number]>>, issueCodes: string[] = []): Snapshot {
  const fields = Object.fromEntries(
    FIELDS.map((name): [FieldName, SnapshotField] => {
      const value = shown[name];
      return [name, value ? { value: value[0], confidence: value[1], source: 'transcript', evidence: [] } : { value: null, missing: true }];
    }),
  ) as Record<FieldName, SnapshotField>;
  return {
    id: 's',
    transcript_id: 't',
    title: 'call',
    created_at: '2025-01-01T00:00:00.000Z',
    engine: 'offline',
    meeting: { duration_ms: null, speakers: [] },
    fields,
    sections: [],
    validation: { grounded_ratio: 1, issues: issueCodes.map((code) => ({ code, severity: 'warning', message: 'm' })) },
    metrics: { duration_ms: 0, llm_calls: 0, input_tokens: 0, output_tokens: 0 },
  };
}

const key: AnswerKey = {
  transcript: 'call.vtt',
  vendor: { company: 'Tallis Systems', products: ['StaffGrid'] },
  fields: {
    company_name: { any: ['Mercy'], none: ['Tallis'] },
    user_count: { any: ['310'], none: ['1,150'] },
    roi_percentage: { missing: true },
  },
  facts: [],
  search: [],
};

describe('scoreSnapshot', () => {
  it('counts a value the key rules out as wrong, even when it also contains a right option', () => {
    const score = scoreSnapshot(snapshot({ company_name: ['Mercy', 0.9], user_count: ['310 of 1,150', 0.8] }), key);
    const users = score.fields.checks.find((check) => check.field === 'user_count')!;
    expect(users).toMatchObject({ pass: false, shown: true, ruledOut: true, confidence: 0.8 });
    expect(missedTargets('corpus', score)).toContain('values the key rules out: user_count');
  });

  it('takes a shortened vendor name for the vendor, and a filled missing field for an invented one', () => {
    const score = scoreSnapshot(snapshot({ company_name: ['Tallis', 0.81], roi_percentage: ['250%', 0.6] }), key);
    expect(score.sides).toEqual({ customerRight: false, vendorAsCustomer: true });
    expect(score.invented).toEqual(['roi_percentage']);
  });

  it('reads the gate from the validation issues and holds a negative to an empty snapshot', () => {
    const negative: AnswerKey = { transcript: 'm.vtt', negative: true, fields: { product_name: { missing: true } }, facts: [], search: [] };
    const quiet = scoreSnapshot(snapshot({ product_name: ['Mm-hmm', 0.5] }), negative);
    expect(missedTargets('negatives', quiet)).toEqual(['1 field(s) filled on a meeting that is not a customer call', `${NOT_A_CUSTOMER_CALL} not raised`]);
    expect(missedTargets('negatives', scoreSnapshot(snapshot({}, [NOT_A_CUSTOMER_CALL]), negative))).toEqual([]);
  });
});

describe('totals, fields and calibration', () => {
  const scores = [
    scoreSnapshot(snapshot({ company_name: ['Mercy', 0.9], user_count: ['1,150', 0.75] }), key),
    scoreSnapshot(snapshot({ company_name: ['Mercy', 0.55], roi_percentage: ['12%', 0.45] }), key),
  ];

  it('puts each shown value in its confidence bucket, 1.0 in the last one', () => {
    const buckets = calibration([...scores, scoreSnapshot(snapshot({ company_name: ['Mercy', 1] }), key)]);
    expect(buckets.map((bucket) => [bucket.from, bucket.shown, bucket.right])).toEqual([
      [0, 1, 0],
      [0.5, 1, 1],
      [0.6, 0, 0],
      [0.7, 1, 0],
      [0.8, 0, 0],
      [0.9, 2, 2],
    ]);
  });

  it('sums precision per field over shown values and recall over expected ones', () => {
    expect(fieldQuality(scores).find((row) => row.field === 'user_count')).toEqual({ field: 'user_count', shown: 1, right: 0, expected: 2, found: 0 });
    const totals = setTotals(scores);
    expect(totals).toMatchObject({ invented: 1, wrongValues: 2, ruledOut: 1, confidentShown: 2, confidentRight: 1, confidentRightShare: 0.5, customerRight: 2 });
  });

  it('lets a floor hold only when no total got worse, in either direction', () => {
    const floor = floorOf(setTotals(scores));
    expect(belowFloor(setTotals(scores), floor)).toEqual([]);
    const better = setTotals([scores[0]!, scoreSnapshot(snapshot({ company_name: ['Mercy', 0.55] }), key)]);
    expect(belowFloor(better, floor)).toEqual([]);
    const worse = setTotals([scores[0]!, scoreSnapshot(snapshot({ company_name: ['Tallis', 0.55], roi_percentage: ['12%', 0.45] }), key)]);
    expect(belowFloor(worse, floor)).toEqual([
      'fieldsHit 2 (floor 3, higher is better)',
      'wrongValues 3 (floor 2, lower is better)',
      'ruledOut 2 (floor 1, lower is better)',
      'customerRight 1 (floor 2, higher is better)',
      'vendorAsCustomer 1 (floor 0, lower is better)',
    ]);
  });
});

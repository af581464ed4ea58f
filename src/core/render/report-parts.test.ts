import { describe, expect, it } from 'vitest';
import { FIELD_CATALOGUE } from '../snapshot/catalogue.js';
import { buildSampleSnapshot } from '../../../test/render/sample-snapshot.js';
import {
  confidenceBand,
  formatDuration,
  formatPercent,
  keyFacts,
  meetingFacts,
  missingFieldLabels,
  reportTitle,
} from './report-parts.js';

describe('formatting', () => {
  it('formats durations for people', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(2_820_000)).toBe('47 min');
    expect(formatDuration(4_080_000)).toBe('1 h 08 min');
  });

  it('formats ratios as whole percentages, clamped to 0..100', () => {
    expect(formatPercent(0.823)).toBe('82%');
    expect(formatPercent(1.4)).toBe('100%');
    expect(formatPercent(-0.2)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });

  it('bands confidence at 75% and 50%', () => {
    expect([0.75, 0.74, 0.5, 0.49].map(confidenceBand)).toEqual(['high', 'medium', 'medium', 'low']);
  });
});

describe('report parts', () => {
  it('titles the report with the company, else the snapshot title, else the bare kind', () => {
    const snapshot = buildSampleSnapshot();
    expect(reportTitle(snapshot)).toBe('Customer Success Snapshot: Lumen Ridge Dental Group');
    snapshot.fields.company_name = { value: null, missing: true };
    expect(reportTitle(snapshot)).toBe('Customer Success Snapshot: Lumen Ridge quarterly business review');
    // The engines' own title already starts with the kind: it is not said twice.
    snapshot.title = 'Customer Success Snapshot: Weekly planning';
    expect(reportTitle(snapshot)).toBe('Customer Success Snapshot: Weekly planning');
    snapshot.title = '  ';
    expect(reportTitle(snapshot)).toBe('Customer Success Snapshot');
  });

  it('lists found fields in catalogue order with labels and grouped numbers', () => {
    const snapshot = buildSampleSnapshot();
    snapshot.fields.user_count = { value: 12500, confidence: 0.8, source: 'user', evidence: [] };
    const facts = keyFacts(snapshot);
    expect(facts.map((fact) => fact.name).slice(0, 3)).toEqual(['company_name', 'industry', 'location']);
    expect(facts[0]?.label).toBe(FIELD_CATALOGUE.company_name.label);
    expect(facts.find((fact) => fact.name === 'user_count')?.value).toBe('12,500');
    expect(missingFieldLabels(snapshot)).toEqual(
      (['contact_email', 'revenue_increase', 'roi_percentage'] as const).map((name) => FIELD_CATALOGUE[name].label),
    );
  });

  it('leaves unknown meeting facts out', () => {
    const snapshot = buildSampleSnapshot();
    delete snapshot.meeting.date;
    snapshot.meeting.duration_ms = null;
    snapshot.meeting.speakers = [];
    expect(meetingFacts(snapshot)).toEqual([{ label: 'Engine', value: 'offline' }]);
  });
});

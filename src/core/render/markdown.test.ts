import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { FIELD_CATALOGUE } from '../snapshot/catalogue.js';
import type { FieldName } from '../snapshot/types.js';
import { buildHostileSnapshot, buildSampleSnapshot, hostile, SECTION_ORDER } from '../../../test/render/sample-snapshot.js';
import { escapeMarkdownLine } from './escape.js';
import { renderSnapshotMarkdown } from './markdown.js';

const label = (name: FieldName): string => FIELD_CATALOGUE[name].label;

/** The Markdown between `## title` and the next `## ` heading. */
function sectionBlock(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('renderSnapshotMarkdown', () => {
  const markdown = renderSnapshotMarkdown(buildSampleSnapshot());

  it('opens with the title and the meeting line', () => {
    const [title, , meta] = markdown.split('\n');
    expect(title).toBe('# Customer Success Snapshot: Lumen Ridge Dental Group');
    expect(meta).toBe(
      '**Meeting date:** 2024-06-03 · **Duration:** 47 min · **Speakers:** Maya Okafor (Customer), ' +
        'Daniel Brooks (Vendor), Tom Whitaker (Customer), Priya Raman (Vendor) · **Engine:** offline',
    );
  });

  it('has the 11 section headings in contract order between key facts and the evidence', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Key facts',
      ...SECTION_ORDER.map((section) => `## ${section.title}`),
      '## Evidence',
      '## Validation',
    ]);
  });

  it('lists found fields with value, confidence and citation, and names the missing ones', () => {
    expect(markdown).toContain('| Field | Value | Confidence | Source |');
    expect(markdown).toContain(`| ${label('cost_savings')} | $180,000 per year | 84% | [23:40] |`);
    expect(markdown).toContain(`| ${label('user_count')} | 340 | 86% | [18:03] |`);
    expect(markdown).toContain(
      `**Not stated in the call:** ${label('contact_email')}, ${label('revenue_increase')}, ${label('roi_percentage')}`,
    );
    expect(markdown).not.toContain(`| ${label('contact_email')} |`);
    expect(markdown).not.toContain('contact_email');
  });

  it('gives each section its content with citations, a confidence note and its missing fields', () => {
    const financial = sectionBlock(markdown, 'Financial Impact');
    expect(financial).toContain('Roughly **$180,000 a year** saved on overtime and the answering service [23:40].');
    expect(financial).toContain(
      `_Confidence: 62% (medium) · Written by: offline · Not stated in the call: ${label('revenue_increase')}, ${label('roi_percentage')}_`,
    );
    expect(sectionBlock(markdown, 'Background')).toContain('_Confidence: 86% (high) · Written by: offline_');
    expect(sectionBlock(markdown, 'Visuals')).toContain('_Confidence: 42% (low) · Written by: offline_');
  });

  it('ends with the evidence quotes per section and the validation note', () => {
    expect(sectionBlock(markdown, 'Evidence')).toContain(
      '### Background\n\n- [03:12] Maya Okafor: “front-desk staff were spending half the morning on the phone rescheduling”',
    );
    expect(sectionBlock(markdown, 'Validation')).toContain(
      "93% of the snapshot's statements are grounded in transcript evidence.\n\n" +
        '- **Warning** (Financial Impact): Revenue and ROI were discussed without a figure.\n' +
        '- **Note** (Visuals): Visuals are suggestions, not quotes.',
    );
  });

  it('says when a section has no content and leaves unknown meeting facts out', () => {
    const snapshot = buildSampleSnapshot();
    delete snapshot.meeting.date;
    snapshot.meeting.duration_ms = null;
    const visuals = snapshot.sections.find((section) => section.slug === 'visuals');
    if (visuals) visuals.content = '  ';
    const rendered = renderSnapshotMarkdown(snapshot);
    expect(rendered.split('\n')[2]).toMatch(/^\*\*Speakers:\*\* /);
    expect(sectionBlock(rendered, 'Visuals')).toContain('_Not covered in the call._');
  });

  it('cites turns when the transcript has no timestamps', () => {
    const snapshot = buildSampleSnapshot();
    snapshot.fields.location = {
      value: 'Austin',
      confidence: 0.7,
      source: 'transcript',
      evidence: [{ turn_index: 4, start_ms: null, speaker: null, quote: 'Austin' }],
    };
    expect(renderSnapshotMarkdown(snapshot)).toContain(`| ${label('location')} | Austin | 70% | [turn 4] |`);
  });
});

describe('renderSnapshotMarkdown with a section', () => {
  it('renders only that section with its notes and evidence', () => {
    const markdown = renderSnapshotMarkdown(buildSampleSnapshot(), { section: 'financial_impact' });
    expect(markdown).toBe(
      '## Financial Impact\n\n' +
        'Roughly **$180,000 a year** saved on overtime and the answering service [23:40]. No revenue or ROI figure was given.\n\n' +
        `_Confidence: 62% (medium) · Written by: offline · Not stated in the call: ${label('revenue_increase')}, ${label('roi_percentage')}_\n\n` +
        '**Evidence**\n\n' +
        '- [23:40] Maya Okafor: “roughly $180,000 a year we no longer spend on overtime and the answering service”\n',
    );
  });

  it('throws SECTION_NOT_FOUND for a section the snapshot does not have', () => {
    const snapshot = buildSampleSnapshot();
    snapshot.sections = snapshot.sections.filter((section) => section.slug !== 'visuals');
    expect(() => renderSnapshotMarkdown(snapshot, { section: 'visuals' })).toThrow(NotFoundError);
    expect(() => renderSnapshotMarkdown(snapshot, { section: 'visuals' })).toThrow(
      expect.objectContaining({ code: 'SECTION_NOT_FOUND' }),
    );
  });
});

describe('renderSnapshotMarkdown with hostile transcript text', () => {
  const snapshot = buildHostileSnapshot();
  const markdown = renderSnapshotMarkdown(snapshot);

  it('contains no raw tag and no live link anywhere', () => {
    expect(markdown).not.toMatch(/<[a-zA-Z/!?]/);
    expect(markdown).not.toContain('](javascript');
  });

  it.each(['company', 'date', 'speaker', 'role', 'section-title', 'industry', 'section-speaker', 'section-quote', 'issue'])(
    'shows the %s payload as escaped text',
    (place) => {
      expect(markdown).toContain(escapeMarkdownLine(hostile(place)));
    },
  );

  it('keeps the Markdown structure of hostile section content while escaping it', () => {
    const section = renderSnapshotMarkdown(snapshot, { section: 'customer_information' });
    expect(section).toContain(`\n- **${escapeMarkdownLine(hostile('bold'))}**\n`);
    expect(section).toContain(`- ${escapeMarkdownLine(hostile('bullet'))} [00:41]`);
    expect(section).not.toMatch(/<[a-zA-Z/!?]/);
  });

  it('escapes the snapshot title when it is the report title', () => {
    const untitled = buildHostileSnapshot();
    untitled.fields.company_name = { value: null, missing: true };
    const first = renderSnapshotMarkdown(untitled).split('\n')[0];
    expect(first).toBe(`# Customer Success Snapshot: ${escapeMarkdownLine(hostile('title'))}`);
  });

  it('keeps a pipe in a value inside its table cell', () => {
    const sample = buildSampleSnapshot();
    sample.fields.product_name = { value: 'Suite | Pro', confidence: 0.9, source: 'user', evidence: [] };
    expect(renderSnapshotMarkdown(sample)).toContain(`| ${label('product_name')} | Suite \\| Pro | 90% | Provided by user |`);
  });
});

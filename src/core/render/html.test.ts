import { describe, expect, it } from 'vitest';
import { FIELD_CATALOGUE } from '../snapshot/catalogue.js';
import type { FieldName, Snapshot } from '../snapshot/types.js';
import { buildHostileSnapshot, buildSampleSnapshot, hostile, SECTION_ORDER } from '../../../test/render/sample-snapshot.js';
import { escapeHtml } from './escape.js';
import { renderSnapshotHtml } from './html.js';

const label = (name: FieldName): string => FIELD_CATALOGUE[name].label;

const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body main header footer section div p h1 h2 h3 dl dt dd figure figcaption ' +
    'svg g rect text table thead tbody tr th td ul ol li span strong q'
  ).split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class id scope data-chart role aria-label viewBox width height x y rx text-anchor'.split(
    ' ',
  ),
);

/** Every tag outside the style sheet, as [name, attribute names]. Fails on any `<` that does not open a well-formed tag. */
function tagsOf(html: string): Array<[string, string[]]> {
  const body = html.replace(/^<!DOCTYPE html>/, '').replace(/<style>[^<]*<\/style>/, '');
  const tags = [...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z-]*="[^"<>]*")*)\s*>/g)];
  expect(tags.length).toBe(body.split('<').length - 1);
  return tags.map((match) => [match[1] ?? '', [...(match[2] ?? '').matchAll(/([a-zA-Z-]+)="/g)].map((a) => a[1] ?? '')]);
}

function chart(html: string, name: string): string {
  const match = new RegExp(`<svg data-chart="${name}"[\\s\\S]*?</svg>`).exec(html);
  expect(match).not.toBeNull();
  return match?.[0] ?? '';
}

describe('renderSnapshotHtml', () => {
  const html = renderSnapshotHtml(buildSampleSnapshot());

  it('is one self-contained HTML5 file that loads and runs nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/src=/g) ?? []).toEqual([]);
    for (const [tag, attributes] of tagsOf(html)) {
      expect(ALLOWED_TAGS).toContain(tag);
      for (const attribute of attributes) expect(ALLOWED_ATTRIBUTES).toContain(attribute);
    }
  });

  it('draws one talk-time bar per speaker, sized by share and labelled with its percentage', () => {
    const talk = chart(html, 'talk-time');
    const bars = [...talk.matchAll(/<rect class="bar talk"[^>]* width="([\d.]+)"/g)].map((match) => match[1]);
    expect(bars).toEqual(['82.0', '54.0', '38.0', '26.0']);
    expect([...talk.matchAll(/<text class="label"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      'Maya Okafor',
      'Daniel Brooks',
      'Tom Whitaker',
      'Priya Raman',
    ]);
    expect([...talk.matchAll(/<text class="value"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      '41%',
      '27%',
      '19%',
      '13%',
    ]);
  });

  it('draws one confidence bar per section, coloured by band', () => {
    const confidence = chart(html, 'confidence');
    expect([...confidence.matchAll(/<text class="label"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual(
      SECTION_ORDER.map((section) => section.title),
    );
    const bands = [...confidence.matchAll(/<rect class="bar (high|medium|low)"/g)].map((match) => match[1]);
    expect(bands).toEqual(['high', 'high', 'high', 'high', 'high', 'high', 'medium', 'medium', 'low', 'medium', 'high']);
  });

  it('shows key facts with citations, alternatives and the fields never stated', () => {
    expect(html).toContain(
      `<tr><th scope="row">${label('cost_savings')}</th><td>$180,000 per year</td><td><span class="badge high">84%</span></td>` +
        '<td><span class="cite">[23:40]</span></td><td>offline</td></tr>',
    );
    expect(html).toContain('Also heard: 2024-01 <span class="cite">[09:15]</span>');
    expect(html).toContain(
      `<span>Not stated in the call:</span> ${label('contact_email')}, ${label('revenue_increase')}, ${label('roi_percentage')}</p>`,
    );
  });

  it('renders the 11 sections in order with their content, confidence and missing fields', () => {
    const titles = [...html.matchAll(/<section class="snapshot-section" id="section-([a-z_]+)"><div class="section-head"><h2>([^<]*)<\/h2>/g)];
    expect(titles.map((match) => [match[1], match[2]])).toEqual(SECTION_ORDER.map((s) => [s.slug, s.title]));
    expect(html).toContain(
      '<p>Roughly <strong>$180,000 a year</strong> saved on overtime and the answering service ' +
        '<span class="cite">[23:40]</span>. No revenue or ROI figure was given.</p>' +
        `<p class="missing"><span>Not stated in the call:</span> ${label('revenue_increase')}, ${label('roi_percentage')}</p>`,
    );
    expect(html).toContain('<span class="badge medium">Confidence 62%</span>');
  });

  it('lists each section’s evidence with speaker and timestamp, then the validation note', () => {
    expect(html).toContain(
      '<h3>Background</h3><ul class="quotes"><li><span class="cite">[03:12]</span> <span class="speaker">Maya Okafor</span> ' +
        '<q>front-desk staff were spending half the morning on the phone rescheduling</q></li>',
    );
    expect(html).toContain(`<span class="badge high">93%</span> of the snapshot's statements are grounded`);
    expect(html).toContain('<li class="warning"><strong>Warning</strong> <span class="muted">(Financial Impact)</span>:');
  });

  it('says so instead of drawing an empty talk-time chart', () => {
    const snapshot: Snapshot = buildSampleSnapshot();
    snapshot.meeting.speakers = [];
    const rendered = renderSnapshotHtml(snapshot);
    expect(rendered).not.toContain('data-chart="talk-time"');
    expect(rendered).toContain('<figcaption>Talk time by speaker</figcaption><p class="empty">No data in this snapshot.</p>');
  });
});

describe('renderSnapshotHtml with hostile transcript text', () => {
  const html = renderSnapshotHtml(buildHostileSnapshot());

  it('creates no tag or attribute outside the report’s own markup', () => {
    expect(html).not.toMatch(/<script|<img|<a\s|<b>|href=/i);
    for (const [tag, attributes] of tagsOf(html)) {
      expect(ALLOWED_TAGS).toContain(tag);
      for (const attribute of attributes) expect(ALLOWED_ATTRIBUTES).toContain(attribute);
    }
  });

  it.each([
    'company',
    'industry',
    'alternative',
    'reason',
    'speaker',
    'role',
    'date',
    'section-title',
    'content',
    'bullet',
    'section-speaker',
    'section-quote',
    'issue',
  ])('shows the %s payload as literal text', (place) => {
    expect(html).toContain(escapeHtml(hostile(place)));
  });

  it('escapes hostile bold text inside the markup it builds', () => {
    expect(html).toContain(`<li><strong>${escapeHtml(hostile('bold'))}</strong></li>`);
  });

  it('escapes speaker names and section titles in the chart labels', () => {
    const label = escapeHtml('<script>document.title=…');
    expect(chart(html, 'talk-time')).toContain(`<text class="label" x="164" y="19" text-anchor="end">${label}</text>`);
    expect(chart(html, 'confidence')).toContain(`<text class="label" x="164" y="19" text-anchor="end">${label}</text>`);
  });

  it('escapes the snapshot title in <title> and the heading when the company is unknown', () => {
    const snapshot = buildHostileSnapshot();
    snapshot.fields.company_name = { value: null, missing: true };
    const rendered = renderSnapshotHtml(snapshot);
    expect(rendered).toContain(`<title>Customer Success Snapshot: ${escapeHtml(hostile('title'))}</title>`);
    expect(rendered).toContain(`<h1>${escapeHtml(hostile('title'))}</h1>`);
  });
});

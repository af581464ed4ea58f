/**
 * The snapshot as ONE self-contained HTML5 report: inline CSS, inline SVG
 * charts (talk time by speaker, confidence per section), key facts, the
 * sections, what the call never stated, the evidence quotes and the
 * validation note. It makes no external request of any kind, and a strict
 * Content-Security-Policy forbids scripts and remote loads outright, so even a
 * rendering bug cannot run or fetch anything. Every piece of transcript- or
 * engine-derived text passes through `escapeHtml` (section Markdown through
 * the small safe converter in `markdown-html.ts`) before it meets markup.
 */

import type { Evidence, Snapshot, SnapshotSection } from '../snapshot/types.js';
import { escapeHtml } from './escape.js';
import { markdownToHtml } from './markdown-html.js';
import {
  REPORT_KIND,
  citationFor,
  clampRatio,
  confidenceBand,
  fieldLabel,
  formatFieldValue,
  formatPercent,
  issueSectionTitle,
  keyFacts,
  meetingFacts,
  missingFieldLabels,
  NOT_A_CUSTOMER_CALL_HEADING,
  notACustomerCallNotice,
  reportSubject,
  reportTitle,
  sectionWriter,
  severityLabel,
  type KeyFact,
} from './report-parts.js';

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderSnapshotHtml(snapshot: Snapshot): string {
  const subject = reportSubject(snapshot);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(snapshot))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="report-header">
<p class="eyebrow">${REPORT_KIND}</p>
<h1>${escapeHtml(subject === '' ? 'Untitled meeting' : subject)}</h1>
${renderMeetingFacts(snapshot)}
${renderNotACustomerCall(snapshot)}</header>
<div class="charts">
${renderTalkTimeChart(snapshot)}
${renderConfidenceChart(snapshot)}
</div>
${renderKeyFacts(snapshot)}
${snapshot.sections.map((section) => renderSection(section, sectionWriter(snapshot, section))).join('\n')}
${renderEvidence(snapshot.sections)}
${renderValidation(snapshot)}
<footer>${renderFooter(snapshot)}</footer>
</main>
</body>
</html>
`;
}

function renderNotACustomerCall(snapshot: Snapshot): string {
  const notice = notACustomerCallNotice(snapshot);
  return notice === null ? '' : `<p class="notice" role="note"><strong>${escapeHtml(NOT_A_CUSTOMER_CALL_HEADING)}</strong> ${escapeHtml(notice)}</p>\n`;
}

function renderMeetingFacts(snapshot: Snapshot): string {
  const items = meetingFacts(snapshot).map(
    (fact) => `<div><dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd></div>`,
  );
  return `<dl class="meta">${items.join('')}</dl>`;
}

function citationBadge(evidence: Evidence): string {
  return `<span class="cite">${escapeHtml(citationFor(evidence))}</span>`;
}

function confidenceBadge(confidence: number, prefix = ''): string {
  return `<span class="badge ${confidenceBand(confidence)}">${prefix}${formatPercent(confidence)}</span>`;
}

// Chart geometry in SVG user units; the SVG is drawn at this size and only shrinks on narrow screens.
const CHART_WIDTH = 420;
const LABEL_RIGHT = 164;
const BAR_LEFT = 172;
const BAR_MAX = 200;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 14;
const LABEL_MAX_CHARS = 24;

interface BarRow {
  label: string;
  /** Tooltip: the untruncated label and any detail. */
  detail: string;
  ratio: number;
  barClass: string;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function renderBarChart(name: string, caption: string, rows: BarRow[], footnote: string): string {
  if (rows.length === 0) {
    return `<figure class="chart"><figcaption>${caption}</figcaption><p class="empty">No data in this snapshot.</p></figure>`;
  }
  const height = rows.length * ROW_HEIGHT + 4;
  const bars = rows.map((row, index) => {
    const top = 2 + index * ROW_HEIGHT;
    const barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const textY = top + ROW_HEIGHT / 2 + 4;
    const width = (clampRatio(row.ratio) * BAR_MAX).toFixed(1);
    return (
      `<g class="row"><title>${escapeHtml(row.detail)}</title>` +
      `<text class="label" x="${LABEL_RIGHT}" y="${textY}" text-anchor="end">${escapeHtml(truncate(row.label, LABEL_MAX_CHARS))}</text>` +
      `<rect class="track" x="${BAR_LEFT}" y="${barTop}" width="${BAR_MAX}" height="${BAR_HEIGHT}" rx="3"></rect>` +
      `<rect class="bar ${row.barClass}" x="${BAR_LEFT}" y="${barTop}" width="${width}" height="${BAR_HEIGHT}" rx="3"></rect>` +
      `<text class="value" x="${CHART_WIDTH}" y="${textY}" text-anchor="end">${formatPercent(row.ratio)}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${caption}</figcaption>` +
    `<svg data-chart="${name}" role="img" aria-label="${caption}" ` +
    `viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">${bars.join('')}</svg>` +
    `${footnote}</figure>`
  );
}

function renderTalkTimeChart(snapshot: Snapshot): string {
  const rows = snapshot.meeting.speakers.map((speaker) => ({
    label: speaker.name,
    detail: `${speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name}: ${formatPercent(speaker.talk_share)}`,
    ratio: speaker.talk_share,
    barClass: 'talk',
  }));
  return renderBarChart('talk-time', 'Talk time by speaker', rows, '<p class="legend">Share of the talk time in the call.</p>');
}

function renderConfidenceChart(snapshot: Snapshot): string {
  const rows = snapshot.sections.map((section) => ({
    label: section.title,
    detail: `${section.title}: ${formatPercent(section.confidence)}`,
    ratio: section.confidence,
    barClass: confidenceBand(section.confidence),
  }));
  const legend =
    '<p class="legend"><span class="swatch high"></span>High (75%+) <span class="swatch medium"></span>Medium (50–74%) ' +
    '<span class="swatch low"></span>Low (under 50%)</p>';
  return renderBarChart('confidence', 'Confidence per section', rows, legend);
}

function renderKeyFact({ label, value, field, writtenBy }: KeyFact): string {
  const source =
    field.source === 'user'
      ? '<span class="muted">Provided by user</span>'
      : field.evidence.map(citationBadge).join(' ') || '<span class="muted">No citation</span>';
  const alternatives = (field.alternatives ?? []).map(
    (alternative) =>
      `<div class="alternative">Also heard: ${escapeHtml(formatFieldValue(alternative.value))} ` +
      `${alternative.evidence.map(citationBadge).join(' ')} <span class="muted">(${escapeHtml(alternative.reason)})</span></div>`,
  );
  return (
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}${alternatives.join('')}</td>` +
    `<td>${confidenceBadge(field.confidence)}</td><td>${source}</td><td>${escapeHtml(writtenBy)}</td></tr>`
  );
}

function renderMissing(labels: string[]): string {
  if (labels.length === 0) return '';
  return `<p class="missing"><span>Not stated in the call:</span> ${labels.map(escapeHtml).join(', ')}</p>`;
}

function renderKeyFacts(snapshot: Snapshot): string {
  const facts = keyFacts(snapshot);
  const table =
    facts.length === 0
      ? '<p class="empty">No key facts were stated in the call.</p>'
      : '<table class="facts"><thead><tr><th scope="col">Field</th><th scope="col">Value</th>' +
        '<th scope="col">Confidence</th><th scope="col">Source</th><th scope="col">Written by</th></tr></thead>' +
        `<tbody>${facts.map(renderKeyFact).join('')}</tbody></table>`;
  return `<section class="key-facts"><h2>Key facts</h2>${table}${renderMissing(missingFieldLabels(snapshot))}</section>`;
}

function renderSection(section: SnapshotSection, writtenBy: string): string {
  const body = markdownToHtml(section.content);
  return (
    `<section class="snapshot-section" id="section-${escapeHtml(section.slug)}">` +
    `<div class="section-head"><h2>${escapeHtml(section.title)}</h2>${confidenceBadge(section.confidence, 'Confidence ')}` +
    `<span class="muted written-by">Written by ${escapeHtml(writtenBy)}</span></div>` +
    `${body === '' ? '<p class="empty">Not covered in the call.</p>' : body}` +
    `${renderMissing(section.missing_fields.map(fieldLabel))}</section>`
  );
}

function renderQuote(evidence: Evidence): string {
  const speaker = evidence.speaker ? `<span class="speaker">${escapeHtml(evidence.speaker)}</span> ` : '';
  return `<li>${citationBadge(evidence)} ${speaker}<q>${escapeHtml(evidence.quote)}</q></li>`;
}

function renderEvidence(sections: SnapshotSection[]): string {
  const groups = sections
    .filter((section) => section.evidence.length > 0)
    .map(
      (section) =>
        `<h3>${escapeHtml(section.title)}</h3><ul class="quotes">${section.evidence.map(renderQuote).join('')}</ul>`,
    );
  if (groups.length === 0) return '';
  return `<section class="evidence"><h2>Evidence</h2>${groups.join('')}</section>`;
}

function renderValidation(snapshot: Snapshot): string {
  const { grounded_ratio: groundedRatio, issues } = snapshot.validation;
  const items = issues.map((issue) => {
    const sectionTitle = issueSectionTitle(snapshot, issue);
    const where = sectionTitle === null ? '' : ` <span class="muted">(${escapeHtml(sectionTitle)})</span>`;
    return `<li class="${issue.severity}"><strong>${severityLabel(issue.severity)}</strong>${where}: ${escapeHtml(issue.message)}</li>`;
  });
  return (
    `<section class="validation"><h2>Validation</h2>` +
    `<p>${confidenceBadge(groundedRatio)} of the snapshot's statements are grounded in transcript evidence.</p>` +
    `${items.length === 0 ? '' : `<ul class="issues">${items.join('')}</ul>`}</section>`
  );
}

function renderFooter(snapshot: Snapshot): string {
  const parts = [
    `Snapshot ${snapshot.id}`,
    `Transcript ${snapshot.transcript_id}`,
    `Generated ${snapshot.created_at}`,
    `Engine ${snapshot.engine}`,
    `${snapshot.metrics.llm_calls} model calls`,
  ];
  return parts.map(escapeHtml).join(' · ');
}

const STYLE = `
:root {
  --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --paper: #ffffff; --page: #f4f6f8;
  --accent: #3b6fd8; --cite-ink: #2c4f94; --cite-bg: #e8effc;
  --high: #2f9e6f; --high-bg: #e3f5ec; --high-ink: #1c6a48;
  --medium: #e0a11b; --medium-bg: #fdf3dc; --medium-ink: #7a5300;
  --low: #d64545; --low-bg: #fbe7e7; --low-ink: #922626;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main {
  max-width: 960px; margin: 32px auto; padding: 40px 48px; background: var(--paper);
  border: 1px solid var(--line); border-radius: 10px;
}
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 30px; }
h2 { font-size: 19px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.eyebrow { margin: 0 0 4px; font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 14px 0 0; font-size: 13px; }
.meta div { display: flex; gap: 6px; }
.meta dt { color: var(--muted); white-space: nowrap; }
.meta dd { margin: 0; font-weight: 500; }
.report-header { padding-bottom: 20px; border-bottom: 2px solid var(--ink); }
.notice { margin: 12px 0 0; padding: 10px 12px; border-left: 4px solid var(--medium-ink); background: var(--page); }
.charts { display: grid; grid-template-columns: 1fr 1fr; align-items: start; gap: 20px; margin: 24px 0 8px; }
.chart { margin: 0; padding: 14px 16px 10px; border: 1px solid var(--line); border-radius: 8px; }
.chart figcaption { font-size: 13px; font-weight: 600; margin-bottom: 8px; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart text { font-size: 11.5px; fill: var(--ink); }
.chart text.value { font-weight: 600; fill: var(--muted); }
.chart .track { fill: #eef1f4; }
.chart .bar.talk { fill: var(--accent); }
.bar.high, .swatch.high { fill: var(--high); background: var(--high); }
.bar.medium, .swatch.medium { fill: var(--medium); background: var(--medium); }
.bar.low, .swatch.low { fill: var(--low); background: var(--low); }
.legend { margin: 8px 0 0; font-size: 11.5px; color: var(--muted); }
.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin: 0 3px 0 8px; }
.swatch:first-child { margin-left: 0; }
section { margin-top: 26px; }
.section-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; margin-bottom: 10px; }
section p, section ul, section ol { margin: 8px 0; }
section li { margin: 3px 0; }
table.facts { width: 100%; border-collapse: collapse; font-size: 14px; margin-top: 10px; }
.facts th, .facts td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
.facts thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
.facts tbody th { font-weight: 500; color: var(--muted); white-space: nowrap; width: 22%; }
.alternative { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
.cite {
  display: inline-block; padding: 0 5px; border-radius: 4px; background: var(--cite-bg); color: var(--cite-ink);
  font: 600 11px/1.7 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: nowrap;
}
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.high { background: var(--high-bg); color: var(--high-ink); }
.badge.medium { background: var(--medium-bg); color: var(--medium-ink); }
.badge.low { background: var(--low-bg); color: var(--low-ink); }
.missing { font-size: 13px; color: var(--muted); background: #f7f8fa; border-left: 3px solid #cbd2d9; padding: 6px 10px; }
.missing span { font-weight: 600; }
.muted, .empty { color: var(--muted); }
.empty { font-style: italic; }
.quotes { list-style: none; padding: 0; }
.quotes li { font-size: 14px; margin: 0; padding: 3px 0; }
.speaker { font-weight: 600; }
.quotes q { color: #3e4c59; }
.issues li.warning strong { color: var(--medium-ink); }
.issues li.error strong { color: var(--low-ink); }
footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
@media screen and (max-width: 760px) {
  main { margin: 0; padding: 24px 18px; border: 0; border-radius: 0; }
  .charts { grid-template-columns: 1fr; }
}
@media print {
  body { background: var(--paper); font-size: 12.5px; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  .chart, .section-head, tr, .quotes li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
@page { margin: 16mm; }
`;

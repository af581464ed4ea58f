/**
 * The snapshot as a Markdown document a customer-success manager can paste
 * into a case study: title, meeting line, key facts with citations, the
 * sections in order with their confidence and what the call never stated,
 * an evidence appendix and the validation note. With `section`, only that
 * section and its evidence (the body of `snapshot://{id}/section/{slug}`).
 * All transcript-derived text is escaped so a client rendering the Markdown
 * cannot be made to show live HTML or links.
 */

import { NotFoundError } from '../errors.js';
import type { Evidence, SectionSlug, Snapshot, SnapshotSection } from '../snapshot/types.js';
import { escapeMarkdown, escapeMarkdownCell, escapeMarkdownLine } from './escape.js';
import {
  citationFor,
  confidenceBand,
  fieldLabel,
  formatPercent,
  issueSectionTitle,
  keyFacts,
  meetingFacts,
  missingFieldLabels,
  NOT_A_CUSTOMER_CALL_HEADING,
  notACustomerCallNotice,
  reportTitle,
  sectionWriter,
  severityLabel,
} from './report-parts.js';

export interface MarkdownRenderOptions {
  /** Render only this section. */
  section?: SectionSlug;
}

/**
 * @throws NotFoundError SECTION_NOT_FOUND when `options.section` is not in the snapshot.
 */
export function renderSnapshotMarkdown(snapshot: Snapshot, options: MarkdownRenderOptions = {}): string {
  if (options.section !== undefined) {
    const slug = options.section;
    const section = snapshot.sections.find((candidate) => candidate.slug === slug);
    if (!section) throw new NotFoundError('SECTION_NOT_FOUND', `Snapshot ${snapshot.id} has no section "${slug}".`);
    return joinBlocks([...sectionBlocks(section, sectionWriter(snapshot, section)), ...evidenceBlocks(section.evidence, '**Evidence**')]);
  }
  return joinBlocks([
    `# ${escapeMarkdownLine(reportTitle(snapshot))}`,
    meetingFacts(snapshot)
      .map((fact) => `**${fact.label}:** ${escapeMarkdownLine(fact.value)}`)
      .join(' · '),
    notACustomerCallBlock(snapshot),
    '## Key facts',
    keyFactsTable(snapshot),
    notStated(missingFieldLabels(snapshot), '**Not stated in the call:**'),
    ...snapshot.sections.flatMap((section) => sectionBlocks(section, sectionWriter(snapshot, section))),
    ...evidenceAppendix(snapshot.sections),
    ...validationBlocks(snapshot),
  ]);
}

function notACustomerCallBlock(snapshot: Snapshot): string {
  const notice = notACustomerCallNotice(snapshot);
  return notice === null ? '' : `> **${NOT_A_CUSTOMER_CALL_HEADING}** ${escapeMarkdownLine(notice)}`;
}

function joinBlocks(blocks: string[]): string {
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function keyFactsTable(snapshot: Snapshot): string {
  const facts = keyFacts(snapshot);
  if (facts.length === 0) return '_No key facts were stated in the call._';
  const rows = facts.map(({ label, value, field, writtenBy }) => {
    const source =
      field.source === 'user' ? 'Provided by user' : field.evidence.map(citationFor).join(' ') || '(no citation)';
    return `| ${label} | ${escapeMarkdownCell(value)} | ${formatPercent(field.confidence)} | ${source} | ${escapeMarkdownCell(writtenBy)} |`;
  });
  return ['| Field | Value | Confidence | Source | Written by |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function notStated(labels: string[], prefix: string): string {
  return labels.length === 0 ? '' : `${prefix} ${labels.join(', ')}`;
}

function sectionBlocks(section: SnapshotSection, writtenBy: string): string[] {
  const content = section.content.trim();
  const notes = [
    `Confidence: ${formatPercent(section.confidence)} (${confidenceBand(section.confidence)})`,
    `Written by: ${escapeMarkdownLine(writtenBy)}`,
    notStated(section.missing_fields.map(fieldLabel), 'Not stated in the call:'),
  ].filter((note) => note !== '');
  return [
    `## ${escapeMarkdownLine(section.title)}`,
    content === '' ? '_Not covered in the call._' : escapeMarkdown(content),
    `_${notes.join(' · ')}_`,
  ];
}

function evidenceBlocks(evidence: Evidence[], heading: string): string[] {
  if (evidence.length === 0) return [];
  const items = evidence.map((item) => {
    const speaker = item.speaker ? `${escapeMarkdownLine(item.speaker)}: ` : '';
    return `- ${citationFor(item)} ${speaker}“${escapeMarkdownLine(item.quote)}”`;
  });
  return [heading, items.join('\n')];
}

function evidenceAppendix(sections: SnapshotSection[]): string[] {
  const blocks = sections.flatMap((section) =>
    evidenceBlocks(section.evidence, `### ${escapeMarkdownLine(section.title)}`),
  );
  return blocks.length === 0 ? [] : ['## Evidence', ...blocks];
}

function validationBlocks(snapshot: Snapshot): string[] {
  const { grounded_ratio: groundedRatio, issues } = snapshot.validation;
  const issueItems = issues.map((issue) => {
    const sectionTitle = issueSectionTitle(snapshot, issue);
    const where = sectionTitle === null ? '' : ` (${escapeMarkdownLine(sectionTitle)})`;
    return `- **${severityLabel(issue.severity)}**${where}: ${escapeMarkdownLine(issue.message)}`;
  });
  return [
    '## Validation',
    `${formatPercent(groundedRatio)} of the snapshot's statements are grounded in transcript evidence.`,
    issueItems.join('\n'),
  ];
}

/**
 * The pieces of a snapshot report that the Markdown and HTML renderers both
 * show, derived once so the two never disagree: the document title, the
 * meeting facts line, the key facts, missing-field labels, citations and
 * confidence bands. Everything here returns raw (unescaped) text; each
 * renderer escapes for its own output format.
 */
import { formatCitation } from '../transcript/timecode.js';
import { isFoundField, } from '../snapshot/types.js';
import { FIELD_CATALOGUE, FIELD_NAMES } from '../snapshot/catalogue.js';
/** Bands shared by the text notes and the chart colours. */
export function confidenceBand(confidence) {
    if (confidence >= 0.75)
        return 'high';
    if (confidence >= 0.5)
        return 'medium';
    return 'low';
}
/** 0.823 -> "82%"; values outside 0..1 are clamped so a bad score cannot draw a bar off the chart. */
export function formatPercent(ratio) {
    return `${Math.round(clampRatio(ratio) * 100)}%`;
}
export function clampRatio(ratio) {
    if (!Number.isFinite(ratio))
        return 0;
    return Math.min(1, Math.max(0, ratio));
}
/** 45000 -> "45 s", 3120000 -> "52 min", 4080000 -> "1 h 08 min". */
export function formatDuration(ms) {
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 60)
        return `${totalSeconds} s`;
    const totalMinutes = Math.round(totalSeconds / 60);
    if (totalMinutes < 60)
        return `${totalMinutes} min`;
    const minutes = totalMinutes % 60;
    return `${Math.floor(totalMinutes / 60)} h ${minutes < 10 ? '0' : ''}${minutes} min`;
}
export function formatFieldValue(value) {
    return typeof value === 'number' ? value.toLocaleString('en-US') : value;
}
/** `[mm:ss]`, or `[turn N]` when the transcript has no timestamps. */
export function citationFor(evidence) {
    return formatCitation(evidence.start_ms, evidence.turn_index);
}
export const REPORT_KIND = 'Customer Success Snapshot';
/** Who the report is about: the company when the call named it, else the snapshot's title. */
export function reportSubject(snapshot) {
    const company = snapshot.fields.company_name;
    return (isFoundField(company) ? formatFieldValue(company.value) : snapshot.title).trim();
}
/** "Customer Success Snapshot: <subject>". */
export function reportTitle(snapshot) {
    const subject = reportSubject(snapshot);
    return subject === '' ? REPORT_KIND : `${REPORT_KIND}: ${subject}`;
}
export function fieldLabel(name) {
    return FIELD_CATALOGUE[name].label;
}
/** The found fields, in catalogue order. */
export function keyFacts(snapshot) {
    return FIELD_NAMES.flatMap((name) => {
        const field = snapshot.fields[name];
        return isFoundField(field) ? [{ name, label: fieldLabel(name), value: formatFieldValue(field.value), field }] : [];
    });
}
/** Labels of the fields the call never stated, in catalogue order. */
export function missingFieldLabels(snapshot) {
    return FIELD_NAMES.filter((name) => !isFoundField(snapshot.fields[name])).map(fieldLabel);
}
/** Date (when known), duration (when known), speakers and engine, in display order. */
export function meetingFacts(snapshot) {
    const { meeting } = snapshot;
    const facts = [];
    if (meeting.date)
        facts.push({ label: 'Meeting date', value: meeting.date });
    if (meeting.duration_ms !== null)
        facts.push({ label: 'Duration', value: formatDuration(meeting.duration_ms) });
    if (meeting.speakers.length > 0) {
        const speakers = meeting.speakers.map((speaker) => (speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name));
        facts.push({ label: 'Speakers', value: speakers.join(', ') });
    }
    facts.push({ label: 'Engine', value: snapshot.engine });
    return facts;
}
/** The title of the section an issue points at, or null for snapshot-wide issues. */
export function issueSectionTitle(snapshot, issue) {
    if (!issue.section)
        return null;
    return snapshot.sections.find((section) => section.slug === issue.section)?.title ?? issue.section;
}
export function severityLabel(severity) {
    return severity === 'info' ? 'Note' : severity === 'warning' ? 'Warning' : 'Error';
}

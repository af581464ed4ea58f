/**
 * Writes the 11 sections as short, cited Markdown. Content is extractive: the
 * field values with their citations, then one or two sentences per bullet taken
 * verbatim (lightly trimmed of fillers) from the turns that speak to the
 * section, each attributed and cited as `[mm:ss]`. The Executive Summary is
 * assembled only from what the other sections say. Confidence comes from the
 * evidence: how many sentences and turns support the section, how strongly,
 * whose voice, and whether its required fields were found.
 */

import type { AnalysedSentence, CallAnalysis } from './analysis.js';
import { FIELDS, sectionSpec } from './catalogue.js';
import { citationOf, evidenceOf, uniqueEvidence } from './evidence.js';
import type { StatedPlan } from './fields.js';
import type { Person } from './people.js';
import type { Side } from './parties.js';
import { isPleasantry } from './statements.js';
import { pickSentences, poolOf, scoreSentences, withoutSentences, type RankedSentence, type RankingContext } from './section-ranking.js';
import type { Evidence, FieldName, SectionSlug, SnapshotField, SnapshotSection } from './types.js';

type Fields = Record<FieldName, SnapshotField>;

interface Draft {
  lines: string[];
  evidence: Evidence[];
  picks: RankedSentence[];
  /** Extra certainty from the section's own kind of evidence (0..1), e.g. team members found. */
  structure: number;
}

export interface SectionWriterInput {
  context: RankingContext;
  fields: Fields;
  /** Targets and plans of the figure fields that have no value. */
  plans?: readonly StatedPlan[];
}

/** How many targets or plans a figure section quotes. */
const PLAN_LIMIT = 3;

const FILLER_OPENING = /^(?:(?:yeah|yes|yep|okay|ok|so|and|but|well|alright|all right|right|um|uh|oh|great|sure|perfect|good|honestly|basically|now|anyway)\b[,.!]?\s+)+/i;

/** Lightly trimmed display text of a quote: fillers off the front, an ellipsis where it was cut. */
function displayText(sentence: AnalysedSentence, quote: string): string {
  let text = quote.replace(FILLER_OPENING, '');
  if (text.length < 12) text = quote;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  const cutFront = !sentence.text.startsWith(quote);
  const cutBack = !sentence.text.endsWith(quote);
  return `${cutFront ? '…' : ''}${text}${cutBack ? '…' : ''}`;
}

function speakerLabel(sentence: AnalysedSentence): string {
  return sentence.speaker ?? 'Unattributed';
}

function sentenceBullet(sentence: AnalysedSentence, draft: Draft, focus?: { start: number; end: number }): string {
  const evidence = evidenceOf(sentence, focus);
  draft.evidence.push(evidence);
  return `- ${displayText(sentence, evidence.quote)} — ${speakerLabel(sentence)} ${citationOf(sentence)}`;
}

/** "Acme Freight [01:29]"; "(provided by user)" for values a person entered. */
function fieldText(field: SnapshotField, draft: Draft): string | null {
  if (field.value === null) return null;
  if (field.source === 'user') return `${field.value} (provided by user)`;
  const first = field.evidence[0];
  if (first) draft.evidence.push(first);
  return first ? `${field.value} ${citationOf(first)}` : String(field.value);
}

function fieldLine(name: FieldName, fields: Fields, draft: Draft, label = FIELDS[name].label): string | null {
  const text = fieldText(fields[name], draft);
  return text === null ? null : `- **${label}:** ${text}`;
}

function newDraft(): Draft {
  return { lines: [], evidence: [], picks: [], structure: 0 };
}

/**
 * A figure with the sentence that states it, so the reader sees its baseline and what it is of:
 * `- **Cost savings:** $185,000 per year [14:02] — "So it's $185,000 a year in agency fees we're not paying."`
 */
function figureLine(name: FieldName, fields: Fields, draft: Draft): string | null {
  const line = fieldLine(name, fields, draft);
  const quote = fields[name].value !== null && fields[name].source === 'transcript' ? fields[name].evidence[0]?.quote : undefined;
  return line === null || quote === undefined ? line : `${line} — "${quote}"`;
}

/** Sentences a field line of the section already quotes: picking them again would say the same thing twice. */
function quotedSentences(names: readonly FieldName[], fields: Fields, sentences: readonly AnalysedSentence[]): Set<number> {
  const quoted = new Set<number>();
  for (const name of names) {
    const field = fields[name];
    if (field.value === null || field.source !== 'transcript') continue;
    const evidence = field.evidence[0];
    if (!evidence) continue;
    const sentence = sentences.find((candidate) => candidate.turnIndex === evidence.turn_index && candidate.text.includes(evidence.quote));
    if (sentence) quoted.add(sentence.id);
  }
  return quoted;
}

/**
 * Sentences that only restate values the section's field lines show ("Savings of 780,000 a year net", said again in
 * the wrap-up): every field they support is one of `names` and has its line.
 */
function restatedSentences(names: readonly FieldName[], fields: Fields, fieldSupport: ReadonlyMap<number, FieldName[]>): Set<number> {
  const shown = names.filter((name) => fields[name].value !== null && fields[name].source === 'transcript');
  const restated = new Set<number>();
  for (const [id, supports] of fieldSupport) if (supports.length > 0 && supports.every((name) => shown.includes(name))) restated.add(id);
  return restated;
}

function addPicks(draft: Draft, slug: SectionSlug, input: SectionWriterInput, limit: number, heading?: string, skip?: ReadonlySet<number>): void {
  const pool = scoreSentences(slug, input.context);
  const candidates = skip && skip.size > 0 ? withoutSentences(pool, skip) : pool;
  const picks = pickSentences(candidates, input.context, { limit });
  if (picks.length === 0) return;
  if (heading) draft.lines.push('', heading);
  for (const pick of picks) draft.lines.push(sentenceBullet(pick.sentence, draft));
  draft.picks.push(...picks);
}

function missingLine(names: readonly FieldName[], fields: Fields): string | null {
  const absent = names.filter((name) => fields[name].value === null).map((name) => FIELDS[name].label.toLowerCase());
  return absent.length === 0 ? null : `- Not stated in the call: ${absent.join(', ')}.`;
}

// ---------------------------------------------------------------------------
// One writer per section

function customerInformation(input: SectionWriterInput): Draft {
  const { fields } = input;
  const draft = newDraft();
  for (const name of ['company_name', 'industry', 'location'] as const) {
    const line = fieldLine(name, fields, draft);
    if (line) draft.lines.push(line);
  }
  const contact = fieldText(fields.primary_contact, draft);
  if (contact !== null) {
    const position = fieldText(fields.contact_position, draft);
    draft.lines.push(`- **Primary contact:** ${contact}${position ? `, ${position}` : ''}`);
  }
  const email = fieldLine('contact_email', fields, draft);
  if (email) draft.lines.push(email);
  const absent = missingLine(['company_name', 'industry', 'location', 'primary_contact', 'contact_position', 'contact_email'], fields);
  if (absent) draft.lines.push(absent);
  addPicks(draft, 'customer_information', input, 4);
  return draft;
}

function background(input: SectionWriterInput): Draft {
  const draft = newDraft();
  addPicks(draft, 'background', input, 6);
  return draft;
}

function solution(input: SectionWriterInput): Draft {
  const draft = newDraft();
  const product = fieldLine('product_name', input.fields, draft);
  if (product) draft.lines.push(product);
  const vendor = input.context.analysis.parties.vendor;
  const customer = input.fields.company_name.value;
  if (vendor && vendor.name !== customer) {
    const anchor = input.context.analysis.sentenceById.get(vendor.anchorIds[0] ?? vendor.sentenceIds[0] ?? -1);
    if (anchor) {
      draft.evidence.push(evidenceOf(anchor));
      draft.lines.push(`- **Vendor:** ${vendor.name} ${citationOf(anchor)}`);
    }
  }
  addPicks(draft, 'solution', input, 6);
  return draft;
}

function sideOfPerson(person: Person, analysis: CallAnalysis): Side {
  const { sideOf, customer, vendor } = analysis.parties;
  if (person.isSpeaker) return sideOf.get(person.name) ?? 'unknown';
  if (person.role && customer && person.role.includes(customer.name)) return 'customer';
  if (person.role && vendor && person.role.includes(vendor.name)) return 'vendor';
  return person.namedBy ? sideOf.get(person.namedBy) ?? 'unknown' : 'unknown';
}

/** Caption roles that only say which side someone is on. */
const SIDE_ONLY_ROLE = /^(?:customer|client|vendor|guest|host|participant|attendee)$/i;

/** A speaker saying who they are: their own name, their title or what they own. */
const SELF_DESCRIPTION = /\b(?:my name is|my (?:job )?title|my role|I(?:'m|’m| am) (?:the|a|an|your|our) |I(?:'m|’m| am) (?:responsible|in charge)\b|I (?:lead|run|head|manage|own|oversee)\b)/i;
/**
 * The sentence that best shows who a person is when no sentence states their
 * role: their own introduction, else a sentence naming them, else their own
 * words (statements before questions); a greeting ("Hola Ben.") only when
 * nothing else is left.
 */
function introductionOf(person: Person, analysis: CallAnalysis): AnalysedSentence | undefined {
  const naming = person.sentenceIds.map((id) => analysis.sentenceById.get(id)).filter((sentence) => sentence !== undefined);
  const own = person.isSpeaker ? analysis.sentences.filter((sentence) => sentence.speaker === person.name) : [];
  return (
    naming.find((sentence) => sentence.speaker === person.name && !isPleasantry(sentence.text)) ??
    own.find((sentence) => !sentence.isQuestion && SELF_DESCRIPTION.test(sentence.text)) ??
    naming.find((sentence) => !isPleasantry(sentence.text)) ??
    own.find((sentence) => !sentence.isQuestion && !isPleasantry(sentence.text)) ??
    own.find((sentence) => !isPleasantry(sentence.text)) ??
    naming[0] ??
    own[0]
  );
}

function teamEntry(person: Person, input: SectionWriterInput, draft: Draft): string {
  const { analysis } = input.context;
  const byId = analysis.sentenceById;
  const positionField = input.fields.contact_position;
  const position = input.fields.primary_contact.value === person.name && positionField.value !== null ? positionField : null;
  const caption = analysis.transcript.speakers.find((speaker) => speaker.name === person.name)?.role ?? null;
  const captionRole = caption && !SIDE_ONLY_ROLE.test(caption) ? caption : null;
  const role = position ? String(position.value) : person.role ?? captionRole;
  const label = `${person.name}${role ? ` (${role})` : ''}`;
  // The contact's position is cited where the field found it, so the team line and the field agree.
  const positionEvidence = position?.source === 'transcript' ? position.evidence[0] : undefined;
  if (positionEvidence) {
    draft.evidence.push(positionEvidence);
    return `${label} ${citationOf(positionEvidence)}`;
  }
  const sentence = (person.roleSentenceId !== null ? byId.get(person.roleSentenceId) : undefined) ?? introductionOf(person, analysis);
  if (!sentence) return label;
  draft.evidence.push(evidenceOf(sentence));
  return `${label} ${citationOf(sentence)}`;
}

function engagementDetails(input: SectionWriterInput): Draft {
  const { fields } = input;
  const draft = newDraft();
  const start = fieldText(fields.start_date, draft);
  const end = fieldText(fields.completion_date, draft);
  if (start !== null || end !== null) {
    draft.lines.push(`- **Timeline:** start ${start ?? 'not stated'}; completion ${end ?? 'not stated'}`);
  } else {
    draft.lines.push('- **Timeline:** no start or completion date was stated in the call.');
  }
  // The dates as they were said ("we went live on the 2nd of December, right before our busiest week").
  const skip = quotedSentences(['start_date', 'completion_date'], fields, input.context.analysis.sentences);
  for (const name of ['start_date', 'completion_date'] as const) {
    const quote = fields[name].value !== null && fields[name].source === 'transcript' ? fields[name].evidence[0]?.quote : undefined;
    if (quote && !draft.lines.some((line) => line.includes(`"${quote}"`))) draft.lines.push(`  - "${quote}"`);
  }
  const { analysis } = input.context;
  const people = analysis.people.filter((person) => person.isSpeaker || person.role !== null || person.sentenceIds.length > 0);
  const customerOrg = analysis.parties.customer?.name ?? 'Customer';
  const vendorOrg = analysis.parties.vendor?.name ?? 'Vendor';
  for (const [side, label] of [['customer', `${customerOrg} team`], ['vendor', `${vendorOrg} team`], ['unknown', 'Other participants']] as const) {
    const members = people.filter((person) => sideOfPerson(person, analysis) === side);
    if (members.length === 0) continue;
    draft.lines.push(`- **${label}:** ${members.map((person) => teamEntry(person, input, draft)).join('; ')}`);
    draft.structure += 0.5;
  }
  addPicks(draft, 'engagement_details', input, 7, '**Scope, budget and milestones**', skip);
  return draft;
}

function figureSection(slug: SectionSlug, names: readonly FieldName[], noneText: string, limit: number) {
  return (input: SectionWriterInput): Draft => {
    const draft = newDraft();
    for (const name of names) {
      const line = figureLine(name, input.fields, draft);
      if (line) draft.lines.push(line);
    }
    if (names.every((name) => input.fields[name].value === null)) draft.lines.push(`- ${noneText}`);
    const skip = quotedSentences(names, input.fields, input.context.analysis.sentences);
    for (const id of restatedSentences(names, input.fields, input.context.fieldSupport)) skip.add(id);
    // A kickoff's goals are worth stating, as goals: "Stated as a target or a plan, not a result: …".
    const plans = (input.plans ?? []).filter((plan) => names.includes(plan.field) && !skip.has(plan.sentence.id));
    for (const plan of plans.filter((plan, index) => plans.findIndex((other) => other.sentence.id === plan.sentence.id) === index).slice(0, PLAN_LIMIT)) {
      draft.lines.push(sentenceBullet(plan.sentence, draft, plan.focus).replace(/^- /, '- Stated as a target or a plan, not a result: '));
      skip.add(plan.sentence.id);
    }
    addPicks(draft, slug, input, limit, undefined, skip);
    return draft;
  };
}

function longTermImpact(input: SectionWriterInput): Draft {
  const draft = newDraft();
  addPicks(draft, 'long_term_impact', input, 5);
  return draft;
}

/** Material that can become a picture in the snapshot. */
const VISUAL_WORDS = /\b(?:visuals?|screenshots?|screen ?shots?|charts?|graphs?|slides?|slide ?deck|deck|diagrams?|images?|pictures?|photos?|mock-?ups?)\b/gi;
/** Things shown on screen that may or may not be captured. */
const SCREEN_WORDS = /\b(?:dashboards?|visuali[sz]ations?|videos?|recording|(?:share|sharing|shared) (?:my|your|the) screen|on (?:my|your) screen)\b/i;
const OFFER_WORDS = /\b(?:send|share|sharing|shared|show|showed|showing|attach|use|provide|clean up|screenshot)\b/i;

function visuals(input: SectionWriterInput): Draft {
  const draft = newDraft();
  const candidates = input.context.analysis.sentences
    .map((sentence) => {
      const hits = Math.min(2, sentence.text.match(VISUAL_WORDS)?.length ?? 0) * 1.5 + (SCREEN_WORDS.test(sentence.text) ? 0.5 : 0);
      const score = hits === 0 ? 0 : hits + (OFFER_WORDS.test(sentence.text) ? 1 : 0) + (sentence.isQuestion ? -0.5 : 0) - (sentence.wordCount < 6 ? 1 : 0);
      return { sentence, score };
    })
    .filter((entry) => entry.score > 0.5);
  const picks = pickSentences(poolOf(candidates), input.context, { limit: 5, floor: 0.4, minimum: 0.5 });
  draft.lines.push('- No visuals are attached: a transcript carries no images, so visual material for the snapshot is not yet available.');
  if (picks.length === 0) {
    draft.lines.push('- None was discussed in the call (no charts, screenshots, slides or dashboards were offered).');
  } else {
    draft.lines.push('', '**Visual material mentioned in the call**');
    for (const pick of picks) draft.lines.push(sentenceBullet(pick.sentence, draft));
    draft.picks.push(...picks);
  }
  return draft;
}

function additionalCommentary(input: SectionWriterInput): Draft {
  const draft = newDraft();
  addPicks(draft, 'additional_commentary', input, 5);
  if (draft.picks.length === 0) draft.lines.push('- Nothing further of note beyond the sections above.');
  return draft;
}

const SUMMARY_FIGURES: readonly FieldName[] = ['cost_savings', 'revenue_increase', 'roi_percentage', 'efficiency_improvement', 'user_count', 'adoption_rate'];

/** Drawn only from the other sections: their field lines and their best sentence. */
function executiveSummary(input: SectionWriterInput, drafts: ReadonlyMap<SectionSlug, Draft>): Draft {
  const { fields } = input;
  const draft = newDraft();
  const company = fieldText(fields.company_name, draft);
  const profile = [fields.industry.value, fields.location.value].filter((value) => value !== null).join('; ');
  if (company !== null) draft.lines.push(`- **Customer:** ${company}${profile ? ` — ${profile}` : ''}`);
  const product = fieldText(fields.product_name, draft);
  if (product !== null) draft.lines.push(`- **Product:** ${product}`);
  const start = fields.start_date.value;
  const end = fields.completion_date.value;
  if (start !== null && end !== null) draft.lines.push(`- **Timeline:** ${start} to ${end}`);
  else if (start !== null) draft.lines.push(`- **Timeline:** started ${start}`);
  else if (end !== null) draft.lines.push(`- **Timeline:** completed or due ${end}`);
  const figures = SUMMARY_FIGURES.map((name) => {
    const text = fieldText(fields[name], draft);
    return text === null ? null : `${FIELDS[name].label.toLowerCase()} ${text}`;
  }).filter((text): text is string => text !== null);
  draft.lines.push(figures.length > 0 ? `- **Key figures:** ${figures.join('; ')}` : '- **Key figures:** none were stated in the call.');
  for (const slug of ['background', 'solution', 'results_achievements'] as const) {
    // The section's best sentence, preferring one short enough to read at a glance.
    const ranked = [...(drafts.get(slug)?.picks ?? [])].sort((a, b) => b.score - a.score);
    const lead = ranked.slice(0, 3).find((pick) => pick.sentence.wordCount <= 35) ?? ranked[0];
    if (!lead) continue;
    draft.lines.push(sentenceBullet(lead.sentence, draft));
    draft.picks.push(lead);
  }
  return draft;
}

// ---------------------------------------------------------------------------
// Confidence

function sectionConfidence(slug: SectionSlug, draft: Draft, fields: Fields): number {
  const spec = sectionSpec(slug);
  const picks = draft.picks;
  const turns = new Set(picks.map((pick) => pick.sentence.turnIndex)).size;
  const strength = picks.length === 0 ? 0 : Math.min(1, picks.reduce((sum, pick) => sum + pick.score, 0) / picks.length / 1.5);
  const customerShare = picks.length === 0 ? 0 : picks.filter((pick) => pick.sentence.side === 'customer').length / picks.length;
  const wanted = [...spec.requiredFields, ...spec.valuableFields];
  const foundShare = wanted.length === 0 ? 0 : wanted.filter((name) => fields[name].value !== null).length / wanted.length;
  const missingRequired = spec.requiredFields.filter((name) => fields[name].value === null).length;
  const fromEvidence =
    0.15 + 0.2 * Math.min(1, picks.length / 4) + 0.15 * Math.min(1, turns / 3) + 0.25 * strength + 0.1 * customerShare + 0.1 * Math.min(1, draft.structure);
  // A section whose fields were never stated rests on loosely related turns: at most half as sure.
  let confidence = wanted.length === 0 ? fromEvidence : fromEvidence * (0.5 + 0.5 * foundShare);
  confidence -= 0.2 * missingRequired;
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}

function missingFieldsOf(slug: SectionSlug, fields: Fields): FieldName[] {
  const spec = sectionSpec(slug);
  return [...spec.requiredFields, ...spec.valuableFields].filter((name) => fields[name].value === null);
}

// ---------------------------------------------------------------------------

const WRITERS: Readonly<Record<Exclude<SectionSlug, 'executive_summary'>, (input: SectionWriterInput) => Draft>> = {
  customer_information: customerInformation,
  background,
  solution,
  engagement_details: engagementDetails,
  results_achievements: figureSection('results_achievements', ['efficiency_improvement', 'revenue_increase', 'cost_savings'], 'No measured results were stated in the call.', 8),
  adoption_usage: figureSection('adoption_usage', ['user_count', 'adoption_rate'], 'No user count or adoption rate was stated in the call.', 5),
  financial_impact: figureSection('financial_impact', ['cost_savings', 'revenue_increase', 'roi_percentage'], 'No cost-savings, revenue or ROI figures were stated in the call.', 5),
  long_term_impact: longTermImpact,
  visuals,
  additional_commentary: additionalCommentary,
};

/**
 * Writes the sections named (all of them by default), in catalogue order. The
 * executive summary always sees every other section, built or not.
 */
export function writeSections(input: SectionWriterInput, slugs: readonly SectionSlug[], onSection?: (slug: SectionSlug) => void): SnapshotSection[] {
  const drafts = new Map<SectionSlug, Draft>();
  for (const slug of Object.keys(WRITERS) as Array<Exclude<SectionSlug, 'executive_summary'>>) {
    drafts.set(slug, WRITERS[slug](input));
    if (slugs.includes(slug)) onSection?.(slug);
  }
  drafts.set('executive_summary', executiveSummary(input, drafts));
  if (slugs.includes('executive_summary')) onSection?.('executive_summary');
  return slugs.map((slug) => {
    const draft = drafts.get(slug)!;
    return {
      slug,
      title: sectionSpec(slug).title,
      content: draft.lines.join('\n').trim(),
      confidence: sectionConfidence(slug, draft, input.fields),
      missing_fields: missingFieldsOf(slug, input.fields),
      evidence: uniqueEvidence(draft.evidence),
    };
  });
}


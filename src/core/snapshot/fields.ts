/**
 * The 15 snapshot fields, each read from the whole call by its own extractor
 * and then chosen by evidence rather than position: every candidate is scored
 * on how directly its sentence states it, who says it (the customer's own
 * statements outrank the vendor's), whether it is a result or a hypothetical,
 * a generic vendor claim, or a figure someone later corrected. The winner is
 * the field's value; the losers stay as `alternatives` with the reason they
 * lost, so a person can check. A field nobody states is `missing`.
 */

import type { AnalysedSentence, CallAnalysis } from './analysis.js';
import { evidenceOf } from './evidence.js';
import { amountLike, durationLike, findDurations, formatFigure, formatTimeChange, PART_OF, type Duration, type Figure } from './figures.js';
import { findNumbers } from './spoken-numbers.js';
import { findSpokenAddresses, type SpokenAddress } from './spoken-addresses.js';
import { isNameLike, readTitle, withoutHonorific } from './names.js';
import type { Organisation } from './parties.js';
import { hasTitle, type Person } from './people.js';
import { checkFieldValue, type FieldCheckContext } from './field-check.js';
import {
  correctionCueEnd,
  citesCaseStudy,
  clauseOf,
  creditsSomethingElse,
  deniesWhatWasSaid,
  disclaimsCause,
  FIRST_OR_SECOND_PERSON,
  isGenericClaim,
  isInvestmentReturn,
  isNeverReached,
  isOffer,
  isPlannedFigure,
  isPricePaid,
  isReportedClaim,
  isRetracted,
  isSupersededMention,
  isVendorsOwnResult,
  labelsPlan,
  organisationOpening,
  saysCostRose,
  saysUnmeasured,
  statesPrice,
  type Span,
} from './statements.js';
import type { FieldAlternative, FieldName, FieldValue, FoundField, SnapshotField } from './types.js';

export interface Candidate {
  value: FieldValue;
  /** 0..1: how strongly the sentence states this value. */
  score: number;
  sentence: AnalysedSentence;
  focus?: Span;
  /** Set when the candidate may not win (hypothetical, generic claim…). */
  excluded?: string;
  /** Why the score was lowered, shown when it loses. */
  note?: string;
  /** Said as a correction: earlier different values of the field lose to it. */
  corrects?: boolean;
  /** The figure the value was read from (figure fields only). */
  figure?: Figure;
}

export type FieldCandidates = Record<FieldName, Candidate[]>;

/** Why a figure said as a possibility, a target or a plan may not be a field's value. */
const PLAN = 'a hypothetical or a plan, not a result';
const DENIED = 'denied in the next sentence';

const SIDE_WEIGHT = { customer: 1, unknown: 0.85, vendor: 0.7 } as const;

/**
 * The engine states a value only at or above this confidence; below it the
 * field is `missing` and the value stays among its `alternatives` with the
 * reason. Chosen on the calibration table over every answer key (confidence
 * buckets against the share right): below it, fewer than half the values
 * shown were right.
 */
export const FIELD_CONFIDENCE_THRESHOLD = 0.5;

function missing(alternatives: FieldAlternative[] = []): SnapshotField {
  return alternatives.length === 0 ? { value: null, missing: true } : { value: null, missing: true, alternatives: dedupeAlternatives(alternatives).slice(0, 5) };
}

function alternativeOf(candidate: Candidate, reason: string): FieldAlternative {
  return { value: candidate.value, reason, evidence: [evidenceOf(candidate.sentence, candidate.focus)] };
}

/** Keys values so that "$1,400,000" said twice counts as agreement. */
function valueKey(value: FieldValue): string {
  return typeof value === 'number' ? String(value) : value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Picks the best-supported value. Candidates with the same value add up
 * (agreement); excluded candidates never win but are kept as alternatives.
 */
/**
 * How close a rival value may come before confidence drops, per field. The
 * customer's speakers are all candidates for the contact: an enumeration of
 * people, not rival statements, so a nearer runner-up is expected there.
 */
const RIVAL_MARGIN: Partial<Record<FieldName, number>> = { primary_contact: 0.15 };
const DEFAULT_RIVAL_MARGIN = 0.3;

function chooseField(candidates: readonly Candidate[], rivalMargin = DEFAULT_RIVAL_MARGIN): SnapshotField {
  const eligible = candidates.filter((candidate) => !candidate.excluded);
  if (eligible.length === 0) return missing(candidates.map((candidate) => alternativeOf(candidate, candidate.excluded!)));
  const groups = new Map<string, Candidate[]>();
  for (const candidate of eligible) {
    const key = valueKey(candidate.value);
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  const ranked = [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
      const support = sorted[0]!.score + 0.1 * Math.min(2, sorted.length - 1);
      return { sorted, support };
    })
    .sort((a, b) => b.support - a.support || b.sorted[0]!.sentence.id - a.sorted[0]!.sentence.id);
  const winner = ranked[0]!;
  const best = winner.sorted[0]!;
  // Other values said in the winner's own sentence are its parts ("96 people: 90 managers plus 6 planners"), not rival statements.
  const rivals = ranked.slice(1).filter(({ sorted }) => sorted[0]!.sentence.id !== best.sentence.id);
  const runnerUp = rivals[0]?.support ?? 0;
  const margin = Math.max(0, winner.support - runnerUp);
  const confidence = clamp(0.35 + 0.45 * Math.min(1, best.score) + 0.05 * Math.min(2, winner.sorted.length - 1) + (rivals.length > 0 ? Math.min(0, margin - rivalMargin) : 0), 0.2, 0.95);
  const alternatives = [
    ...ranked.slice(1).map(({ sorted }) => alternativeOf(sorted[0]!, sorted[0]!.note ?? 'less directly supported than the chosen value')),
    ...candidates
      .filter((candidate) => candidate.excluded && valueKey(candidate.value) !== valueKey(best.value))
      .map((candidate) => alternativeOf(candidate, candidate.excluded!)),
  ];
  // Two values equally supported: neither can be more likely right than not.
  if (rivals.length > 0 && margin < 0.01) {
    return missing([alternativeOf(best, `tied with ${String(rivals[0]!.sorted[0]!.value)}; below confidence threshold ${FIELD_CONFIDENCE_THRESHOLD}`), ...alternatives]);
  }
  if (round2(confidence) < FIELD_CONFIDENCE_THRESHOLD) {
    const why = best.note ? `${best.note}; ` : '';
    return missing([alternativeOf(best, `${why}below confidence threshold ${FIELD_CONFIDENCE_THRESHOLD}`), ...alternatives]);
  }
  const evidence = winner.sorted.slice(0, 3).map((candidate) => evidenceOf(candidate.sentence, candidate.focus));
  const found: FoundField = { value: best.value, confidence: round2(confidence), source: 'transcript', evidence };
  if (alternatives.length > 0) found.alternatives = dedupeAlternatives(alternatives).slice(0, 5);
  return found;
}

function dedupeAlternatives<T extends { value: FieldValue; reason: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${valueKey(item.value)}\u0000${item.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

// ---------------------------------------------------------------------------
// Company, industry, location

/** The words right before a company's name said as what it is: "so we're X", "the company is X?", "here at X". */
const STATES_COMPANY_NAME = /\b(?:we(?:['’]re| are)|(?:the|our|your) (?:company|organi[sz]ation|business) is|here at)\s+$/i;

function companyCandidates(analysis: CallAnalysis): Candidate[] {
  const org = analysis.parties.customer;
  if (!org) return [];
  const byId = analysis.sentenceById;
  const anchors = org.anchorIds.map((id) => byId.get(id)!).filter(Boolean);
  // The first two mentions that are not anchors (a long call names its customer thousands of times).
  const mentions: AnalysedSentence[] = [];
  for (const id of org.sentenceIds) {
    if (mentions.length === 2) break;
    if (!org.anchorIds.includes(id)) mentions.push(byId.get(id)!);
  }
  // The call may mostly use a short form ("Quenridge") of the name it states in full once ("so we're Quenridge Cold Chain").
  let name = org.name;
  for (const sentence of analysis.sentences) {
    for (const run of sentence.runs) {
      if (run.name.length > name.length && run.name.startsWith(`${org.name} `) && STATES_COMPANY_NAME.test(sentence.text.slice(0, run.start))) name = run.name;
    }
  }
  const focusOf = (sentence: AnalysedSentence) => spanOf(sentence.text, sentence.text.includes(name) ? name : org.name);
  return [
    ...anchors.map((sentence) => ({ value: name, score: 0.9, sentence, focus: focusOf(sentence) })),
    ...mentions.map((sentence) => ({ value: name, score: 0.6, sentence, focus: focusOf(sentence) })),
  ];
}

function spanOf(text: string, part: string): Span | undefined {
  const start = text.indexOf(part);
  return start < 0 ? undefined : { start, end: start + part.length };
}

/** Cheap gate before the industry patterns. */
const MAY_DESCRIBE_INDUSTRY = /\bindustry\b|\b(?:sector|space|market|business)\b|\b(?:is|are|we're|we are) an?\b|\bwe(?:'re| are)? (?:make|manufacture|produce|build|sell|distribute|operate|run|provide)/i;
/**
 * "Our industry is …", "the company's industry is …", "the industry we're in is …", in one clause: not "the restaurant
 * industry is where most of our clients are", nor "clients are in the restaurant industry, so shift work is huge for us".
 */
const INDUSTRY_STATEMENT =
  /(?:\b(?:our|my|(?:company|organi[sz]ation|business)(?:['’]s)?)\s+(?:company\s+)?industry|['’]s\s+(?:company\s+)?industry|\bthe industry (?:we're|we are|we work) in|^industry)\b[^.?!,;]{0,40}?\b(?:is|are|would be)\s+(?:in\s+)?(?:the\s+)?(?!(?:where|what|who|how|why|when|which|that)\b)([^,.;!?]{3,60})/i;
const INDUSTRY_PHRASE = /\b(?:in|into)\s+the\s+([\w -]{3,40}?)\s+(?:industry|sector|space|market|business)\b/i;
/**
 * In the clause before "in the X industry": someone else is in it ("a lot of our clients are in …"), or the customer is
 * said not to be ("we're not in …", "people think we're in …").
 */
const NOT_OWN_INDUSTRY = /\b(?:clients|customers|members|accounts|buyers|partners|they|they're|them|not|never|no longer|think|thinks|thought|assume[sd]?)\b|n['’]t\b/i;
/** "We're a subsidiary of the X Group", "a division of X": a tie to another company, not a kind of business. */
const PART_OF_ANOTHER = /\b(?:subsidiary|division|part|member|unit|arm|branch|affiliate|spin-?off|sister company)\s+of\b/i;
const DESCRIPTOR_HEADS =
  'company|business|firm|provider|retailer|chain|network|carrier|manufacturer|distributor|group|organi[sz]ation|system|agency|bank|insurer|brand|startup|nonprofit|non-profit|charity|fintech|hospital|operator|supplier|maker|producer|platform|services|practice|school|university|college|utility|wholesaler|marketplace|consultancy|brokerage|lender|airline|shipper|3pl|developer|publisher|studio|restaurant|clinic|credit union|district|contractor|builder|installer|integrator|dealer|dealership|cooperative|co-op|association|foundation|institute|authority|council|municipality';
/** "We're a home goods retailer", "<Company> is a regional freight carrier": group 1 marks the "we" form. */
const DESCRIPTION = new RegExp(
  `\\b(?:(we're|we are)|is|are)\\s+(?:a|an)\\s+((?:[\\w&-]+\\s+){0,6}(?:${DESCRIPTOR_HEADS}))\\b`,
  'i',
);
/** Adjectives about size or reach that say nothing about the industry. */
const NON_INDUSTRY_WORDS = /^(?:regional|national|global|international|local|small|large|mid-size|midsize|mid-sized|big|leading|growing|fast-growing|family-owned|privately held|public|private|community|nonprofit|non-profit|independent|major|top|premier|\d+|[a-z]+-year-old|[a-z]+-owned)\s+/i;

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function aboutCustomer(sentence: AnalysedSentence, customer: Organisation | undefined, vendor: Organisation | undefined): boolean {
  if (vendor && sentence.text.includes(vendor.name) && !(customer && sentence.text.includes(customer.name))) return false;
  if (customer && sentence.text.includes(customer.name)) return true;
  // "The company is headquartered in …", said by the customer: their own company.
  return sentence.side === 'customer' && /\b(?:we|we're|our|us)\b|^the company\b/i.test(sentence.text);
}

/** "…we're a tech company, but we're not": a description the speaker takes back. */
const TAKEN_BACK_AFTER = /^[^.?!]{0,60}?\bbut\s+(?:we're|we are|it's|it is)\s+not\b|^[^.?!]{0,60}?\bbut\s+(?:we|it)\s+(?:aren't|isn't)\b/i;

/**
 * The first description the speaker holds: not one others believe ("People assume we're a tech company") or one
 * taken back ("…, but we're not, we're a credit union").
 */
function ownDescription(text: string): RegExpExecArray | null {
  for (const match of text.matchAll(new RegExp(DESCRIPTION.source, 'gi'))) {
    const clause = text.slice(0, match.index).split(/[,;:]/).pop()!;
    if (NOT_OWN_INDUSTRY.test(clause) || TAKEN_BACK_AFTER.test(text.slice(match.index + match[0].length))) continue;
    return match as RegExpExecArray;
  }
  return null;
}

/** "We make industrial pumps and valves": what the company makes or sells, and what that makes it. */
// "run" is left out: a team runs pilots, reports and software as often as a business.
const ACTIVITY = /\bwe(?:'re| are)?\s+(make|manufacture|produce|build|sell|distribute|operate|provide)s?\s+((?:[\w&-]+\s+){0,4}?[\w&-]+?)(?=[,.;!?]|\s+(?:for|to|in|across|with|from|here|there|and (?:we|our))\b)/i;
const ACTIVITY_ROLE: Record<string, string> = {
  make: 'manufacturer', manufacture: 'manufacturer', produce: 'producer', build: 'builder', sell: 'seller', distribute: 'distributor',
  operate: 'operator', run: 'operator', provide: 'provider',
};
/** The industry a company's own name says ("Keystone Manufacturing", "Lakeside Health"). */
const NAME_INDUSTRY: Record<string, string> = {
  manufacturing: 'Manufacturing', industries: 'Industrial', logistics: 'Logistics', freight: 'Freight and logistics', transport: 'Transport',
  shipping: 'Shipping', health: 'Healthcare', healthcare: 'Healthcare', hospital: 'Healthcare', medical: 'Healthcare', clinic: 'Healthcare',
  clinics: 'Healthcare', bank: 'Banking', financial: 'Financial services', capital: 'Financial services', insurance: 'Insurance',
  foods: 'Food', retail: 'Retail', stores: 'Retail', energy: 'Energy', pharma: 'Pharmaceuticals', pharmaceuticals: 'Pharmaceuticals',
  software: 'Software', technologies: 'Technology', technology: 'Technology', labs: 'Technology', analytics: 'Data and analytics',
  university: 'Education', college: 'Education', school: 'Education', airlines: 'Airlines', media: 'Media', studios: 'Media',
  consulting: 'Consulting', motors: 'Automotive', dental: 'Dental care (healthcare)', credit: 'Financial services', pharmacy: 'Pharmacy (healthcare)',
  brewing: 'Brewing (beverages)', brewery: 'Brewing (beverages)', solar: 'Solar energy', bakery: 'Bakery (food)', bakeries: 'Bakery (food)',
  construction: 'Construction', properties: 'Real estate', realty: 'Real estate', hotels: 'Hospitality', telecom: 'Telecommunications',
  nonprofit: 'Nonprofit', 'non-profit': 'Nonprofit', charity: 'Charity (nonprofit)', fintech: 'Fintech (financial services)', veterinary: 'Animal health (veterinary)',
  port: 'Port and terminal operations', ports: 'Port and terminal operations', terminals: 'Port and terminal operations', maritime: 'Maritime',
  marine: 'Marine', railways: 'Rail transport', rail: 'Rail transport', couriers: 'Courier and delivery', courier: 'Courier and delivery',
  trucking: 'Trucking (freight)', dairy: 'Dairy (food)', dairies: 'Dairy (food)', farms: 'Agriculture', mining: 'Mining', steel: 'Steel',
  chemicals: 'Chemicals', utilities: 'Utilities', aerospace: 'Aerospace', automotive: 'Automotive', resorts: 'Hospitality', legal: 'Legal services',
};

/** The industry the customer's name says: the last of its words that names one ("Lakeside Dental Group" -> dental). */
function industryOfName(name: string): string | undefined {
  const words = name.toLowerCase().split(' ');
  for (let index = words.length - 1; index >= 0; index--) {
    const industry = NAME_INDUSTRY[words[index]!];
    if (industry) return industry;
  }
  return undefined;
}

/** The longest form the call gives a name ("Alder Vale Health" for "Alder Vale"), which may say the industry. */
function fullNameOf(analysis: CallAnalysis, name: string): string {
  let longest = name;
  for (const sentence of analysis.sentences) {
    for (const run of sentence.runs) if (run.name.length > longest.length && run.name.startsWith(`${name} `)) longest = run.name;
  }
  return longest;
}

function industryCandidates(analysis: CallAnalysis): Candidate[] {
  const { customer, vendor } = analysis.parties;
  const candidates: Candidate[] = [];
  const fromName = customer ? industryOfName(fullNameOf(analysis, customer.name)) : undefined;
  const named = customer ? analysis.sentenceById.get((customer.anchorIds[0] ?? customer.sentenceIds[0])!) : undefined;
  if (fromName && named) candidates.push({ value: fromName, score: 0.4, sentence: named, focus: spanOf(named.text, customer!.name), note: "read from the company's name only" });
  for (const sentence of analysis.sentences) {
    if (sentence.isQuestion || !MAY_DESCRIBE_INDUSTRY.test(sentence.text)) continue;
    const statement = INDUSTRY_STATEMENT.exec(sentence.text);
    if (statement && aboutCustomer(sentence, customer, vendor)) {
      const value = statement[1]!.trim().replace(/\s+(?:industry|sector)$/i, '');
      candidates.push({ value: capitaliseFirst(value), score: 0.95 * SIDE_WEIGHT[sentence.side], sentence, focus: { start: statement.index, end: statement.index + statement[0].length } });
      continue;
    }
    const phrase = INDUSTRY_PHRASE.exec(sentence.text);
    const phraseClause = phrase ? sentence.text.slice(0, phrase.index).split(/[,;:]/).pop()! : '';
    if (phrase && aboutCustomer(sentence, customer, vendor) && !/\b(?:your|their)\b/i.test(sentence.text.slice(Math.max(0, phrase.index - 10), phrase.index + 5)) && !NOT_OWN_INDUSTRY.test(phraseClause)) {
      candidates.push({ value: capitaliseFirst(phrase[1]!.trim()), score: 0.8 * SIDE_WEIGHT[sentence.side], sentence, focus: { start: phrase.index, end: phrase.index + phrase[0].length } });
      continue;
    }
    const activity = ACTIVITY.exec(sentence.text);
    if (activity && sentence.side !== 'vendor' && !/\b(?:your|their)\b/i.test(activity[2]!)) {
      const value = `${capitaliseFirst(activity[2]!.trim())} ${ACTIVITY_ROLE[activity[1]!.toLowerCase()]}`;
      candidates.push({ value, score: 0.6 * SIDE_WEIGHT[sentence.side], sentence, focus: { start: activity.index, end: activity.index + activity[0].length } });
    }
    const description = ownDescription(sentence.text);
    // "We're a …", or "<Customer> is a …" with the customer's name as the subject ("Brookfield University is a …" for "Brookfield").
    const subject = description ? sentence.text.slice(0, description.index).trimEnd().replace(/['’]s$/, '') : '';
    const subjectIsCustomer = description && (description[1] ? sentence.side !== 'vendor' : customer !== undefined && new RegExp(`\\b${escapeRegExp(customer.name)}(?:\\s+\\p{Lu}[\\p{L}&-]*){0,3}$`, 'u').test(subject));
    if (description && subjectIsCustomer && !PART_OF_ANOTHER.test(description[2]!)) {
      let value = description[2]!.trim();
      while (NON_INDUSTRY_WORDS.test(value)) value = value.replace(NON_INDUSTRY_WORDS, '');
      // "We're a public university": a lone head says the industry only when it names one.
      if (value.split(/\s+/).length < 2) {
        const industry = NAME_INDUSTRY[value.toLowerCase()];
        if (!industry) continue;
        value = industry;
      }
      candidates.push({ value: capitaliseFirst(value), score: 0.75 * SIDE_WEIGHT[sentence.side], sentence, focus: { start: description.index, end: description.index + description[0].length } });
    }
  }
  return candidates;
}

/** Place names in any script's letters ("Montréal, Québec"); the patterns that use it carry the `u` flag. */
const PLACE = "(\\p{Lu}[\\p{L}\\p{N}_.'-]*(?:\\s(?:\\p{Lu}[\\p{L}\\p{N}_.'-]*|of|de|du))*(?:,\\s\\p{Lu}[\\p{L}\\p{N}_.'-]*(?:\\s\\p{Lu}[\\p{L}\\p{N}_.'-]*)*){0,3})";
const MAY_LOCATE = /\b(?:headquarter\w*|HQ|head office|based|located)\b|\sin\s[A-Z]/;
const LOCATION_PATTERNS: Array<{ pattern: RegExp; score: number; personal: boolean }> = [
  // "One plant here in Mansfield, Ohio, which is also headquarters": the place said before the headquarters.
  { pattern: new RegExp(`\\bin\\s+${PLACE},?\\s+which\\s+is\\s+(?:also\\s+)?(?:our\\s+|the\\s+)?(?:headquarters|head office|HQ)\\b`, 'u'), score: 0.95, personal: false },
  // The place in the same clause as the headquarters ("headquarters, and one in Ashland" is another site).
  { pattern: new RegExp(`\\b(?:headquartered|headquarters|head office|HQ)\\b[^.?!,;]{0,40}?\\b(?:in|at|out of)\\s+${PLACE}`, 'u'), score: 0.95, personal: false },
  { pattern: new RegExp(`\\b(?:[Ww]e're|[Ww]e are|[Ww]e've been|company is|organi[sz]ation is|business is|[A-Z][\\w&]+ is)\\s+(?:based|located)\\s+(?:in|out of)\\s+${PLACE}`, 'u'), score: 0.85, personal: false },
  // "We're a public university in Boise", "Acme Dental, a chain of forty clinics in Denver", "We're a café chain based in Lyon".
  {
    pattern: new RegExp(`(?:\\b(?:[Ww]e're|[Ww]e are|is)|,)\\s+(?:a|an)\\s+(?:[\\p{L}\\p{N}_&-]+\\s+){0,6}?(?:${DESCRIPTOR_HEADS})(?:\\s+of\\s+(?:[\\p{L}\\p{N}_-]+\\s+){0,2}?[\\p{L}\\p{N}_-]+)?\\s+(?:(?:based|located|headquartered)\\s+)?(?:in|out of)\\s+${PLACE}`, 'u'),
    score: 0.8,
    personal: false,
  },
  // "based here in Leeds", and said again after a slip: "based here — well, based there, in Amsterdam".
  { pattern: new RegExp(`\\b(?:based|located)\\s+(?:(?:here|there),?\\s+)?(?:in|out of)\\s+${PLACE}`, 'u'), score: 0.55, personal: true },
];

/**
 * Between a name and where it is said to be: "<supplier>, they're based in …", "<client>, which is headquartered
 * in …", "<other firm> is a different company in …", "<client>'s headquarters are in …".
 */
const SUBJECT_TO_PLACE = /^(?:['’]s|,\s*(?:which|who|that)(?:\s+(?:is|are|was|were)|['’]s)?|,\s*(?:they|it)(?:['’](?:re|s)|\s+(?:is|are))|\s+(?:is|are)|,)?\s*$/;

/** "they're based in …", "they are located in …": said of a third party, not of "we". */
const THEY_ARE_BEFORE = /\bthey(?:['’]re|\s+are)\s+$/i;

/** "38 branches in western Norway, headquartered in …": a name said as a place is no subject. */
const IN_PLACE_BEFORE = /\b(?:in|across|near|around|throughout|outside)\s+(?:[\w-]+\s+)?$/i;

/** Whether the place said at `at` is that of another organisation or person named just before, not the customer's. */
function placeOfAnotherName(sentence: AnalysedSentence, at: number, customer: Organisation | undefined, vocabulary: ReadonlySet<string>): boolean {
  const subject = sentence.runs.filter((run) => run.end <= at).pop();
  if (!subject || !SUBJECT_TO_PLACE.test(sentence.text.slice(subject.end, at)) || !subject.words.some((word) => isNameLike(word, vocabulary))) return false;
  if (IN_PLACE_BEFORE.test(sentence.text.slice(Math.max(0, subject.start - 30), subject.start))) return false;
  return !(customer && (subject.name.includes(customer.name) || customer.name.includes(subject.name)));
}

function locationCandidates(analysis: CallAnalysis): Candidate[] {
  const { customer, vendor } = analysis.parties;
  const candidates: Candidate[] = [];
  // "here at <Customer>, in Belfast", "for <Customer>, here in Springfield": the place said right after the customer's name.
  const placeAfterCustomer = customer ? new RegExp(`${escapeRegExp(customer.name)}(?:\\s+\\p{Lu}[\\p{L}&-]*){0,3},?\\s+(?:here\\s+|based\\s+)?(?:in|of|out of)\\s+${PLACE}`, 'u') : null;
  for (const sentence of analysis.sentences) {
    if (sentence.isQuestion || !MAY_LOCATE.test(sentence.text)) continue;
    const afterName = placeAfterCustomer?.exec(sentence.text);
    if (afterName) {
      candidates.push({ value: afterName[1]!.replace(/\.$/, '').trim(), score: 0.7 * SIDE_WEIGHT[sentence.side], sentence, focus: { start: afterName.index, end: afterName.index + afterName[0].length } });
      continue;
    }
    for (const { pattern, score, personal } of LOCATION_PATTERNS) {
      const match = pattern.exec(sentence.text);
      if (!match) continue;
      const place = match[1]!.replace(/,?\s+(?:and|but|so)$/i, '').replace(/\.$/, '').trim();
      const isPersonal = personal && /\bI(?:'m| am)\b/.test(sentence.text.slice(Math.max(0, match.index - 20), match.index + 10));
      if (!aboutCustomer(sentence, customer, vendor) && !(customer && sentence.text.includes(customer.name))) break;
      if (placeOfAnotherName(sentence, match.index, customer, analysis.vocabulary)) continue;
      // "…is our biggest client, they're based in Gdynia": a third party's place, unless the sentence names the customer.
      if (THEY_ARE_BEFORE.test(sentence.text.slice(Math.max(0, match.index - 20), match.index)) && !(customer && sentence.text.includes(customer.name))) continue;
      candidates.push({
        value: place,
        score: (isPersonal ? score * 0.6 : score) * SIDE_WEIGHT[sentence.side],
        sentence,
        focus: { start: match.index, end: match.index + match[0].length },
        ...(isPersonal ? { note: "where one person is based, not the company's location" } : {}),
      });
      break;
    }
  }
  return candidates;
}

// ---------------------------------------------------------------------------
// Contact

const CONTACT_DESIGNATION = /\b(?:main|primary|best|key|day-to-day|single) (?:point of )?contact\b|\bpoint of contact\b|\bcorrect person to list as the (?:company )?contact\b|\b(?:company|customer) contact\b/i;

/** Titles of people who usually own a vendor relationship; a tie-breaker between customer speakers. */
const SENIOR_TITLE = /\b(?:chief|c[efiot]o|vp|svp|evp|vice president|president|head|director|provost|dean|superintendent|chancellor|owner|founder|partner|principal)\b/i;

/** "I was the programme owner on our side": who owned the project for the customer deals with the vendor. */
const OWNS_PROJECT = /\bI(?:'m| am| was| have been|'ve been)\s+(?:the\s+)?(?:overall\s+)?(?:programme|program|project)\s+(?:owner|lead|manager|sponsor)\b/i;

const SELF_DESCRIPTION = /\b(?:I'm|I am|my name is|my (?:job )?title|my role|I run|I lead|I manage|I head|I own|I'm responsible)\b/i;

function customerSpeakers(analysis: CallAnalysis): Person[] {
  return analysis.people.filter((person) => person.isSpeaker && analysis.parties.sideOf.get(person.name) === 'customer');
}

/** "…, but Anneke is going to be the main point of contact": the clauses of a sentence, for who a designation is about. */
const CLAUSE_BREAK = /[,;]\s*(?:but|and|so|while|whereas)\s+|;\s*|\s+but\s+/i;
const SELF = /\b(?:I|I'm|I'll|me|myself)\b/;
/** The vendor asking who the customer's contact is: "who should we list as the company contact?". */
const ASKS_WHO = /\bwho\b/i;
/** How many sentences after the vendor's question the customer's answer may come. */
const ANSWER_REACH = 4;
/** A reply that names the speaker: "Me.", "That'd be me", "Myself, …", "I am." */
const SELF_ANSWER = /^(?:(?:oh|well|yes|yeah|so|just|probably|that(?:'s|'d be| is| would be)|it's|it'd be)[,\s]+)*(?:me|myself|I am|I'll be|I will be)\b(?!\s+(?:and|or)\b)/i;

interface Designations {
  /** People the customer names as the contact, with the sentence that does. */
  named: Map<string, AnalysedSentence>;
  /** Customer speakers who named someone else as the contact. */
  handedOff: Set<string>;
  /** Customer speakers who answered the vendor's "who is the contact?" with themselves ("Me.", "That'd be me."). */
  answeredSelf: Map<string, AnalysedSentence>;
}

/** Whether a text names the person, by full name or first name. */
function namesPerson(text: string, person: Person): boolean {
  const full = withoutHonorific(person.name);
  return new RegExp(`\\b(?:${escapeRegExp(full)}|${escapeRegExp(full.split(' ')[0]!)})\\b`).test(text);
}

/**
 * Whom the customer names as the contact: a customer speaker's clause that designates a contact and names one
 * other person of the call ("Anneke is going to be the main point of contact", "please put Anneke Mulder down as our
 * main contact"), or the customer's answer to the vendor asking who it is ("You can list Marisol Quenby, our COO.").
 */
function contactDesignations(analysis: CallAnalysis, speakerOf: (speaker: string) => string): Designations {
  const named = new Map<string, AnalysedSentence>();
  const handedOff = new Set<string>();
  const answeredSelf = new Map<string, AnalysedSentence>();
  const othersNamedIn = (text: string, speaker: string) =>
    analysis.people.filter((person) => person.name !== speaker && analysis.parties.sideOf.get(person.name) !== 'vendor' && namesPerson(text, person));
  const designate = (sentence: AnalysedSentence, text: string) => {
    const speaker = speakerOf(sentence.speaker!);
    const others = othersNamedIn(text, speaker);
    if (others.length !== 1 || SELF.test(text)) return;
    if (!named.has(others[0]!.name)) named.set(others[0]!.name, sentence);
    handedOff.add(speaker);
  };
  analysis.sentences.forEach((sentence, position) => {
    if (sentence.speaker === null || sentence.side !== 'customer' || sentence.isQuestion) return;
    for (const clause of sentence.text.split(CLAUSE_BREAK)) if (CONTACT_DESIGNATION.test(clause)) designate(sentence, clause);
    // The answer to "who should we list as the contact?": the first sentence of the customer's reply that names someone.
    const before = analysis.sentences.slice(Math.max(0, position - ANSWER_REACH), position);
    const askedAt = before.findLastIndex((earlier) => earlier.isQuestion && earlier.side !== 'customer');
    const asked = before[askedAt];
    if (!asked || !ASKS_WHO.test(asked.text) || !CONTACT_DESIGNATION.test(asked.text)) return;
    const replySoFar = before.slice(askedAt + 1).filter((between) => between.side === 'customer');
    if (replySoFar.length === 0 && SELF_ANSWER.test(sentence.text)) answeredSelf.set(speakerOf(sentence.speaker), sentence);
    if (replySoFar.every((between) => othersNamedIn(between.text, speakerOf(between.speaker!)).length === 0)) designate(sentence, sentence.text);
  });
  return { named, handedOff, answeredSelf };
}

function contactCandidates(analysis: CallAnalysis): Candidate[] {
  const words = new Map<string, number>();
  // What a person says under an alias label ("NADIA") counts for them.
  const personOf = (speaker: string) => analysis.speakerAliases.get(speaker) ?? speaker;
  for (const sentence of analysis.sentences) if (sentence.speaker) words.set(personOf(sentence.speaker), (words.get(personOf(sentence.speaker)) ?? 0) + sentence.wordCount);
  const customerWords = customerSpeakers(analysis).reduce((total, person) => total + (words.get(person.name) ?? 0), 0) || 1;
  const candidates: Candidate[] = [];
  const { named, handedOff, answeredSelf } = contactDesignations(analysis, personOf);
  for (const person of customerSpeakers(analysis)) {
    const own = analysis.sentences.filter((sentence) => sentence.speaker !== null && personOf(sentence.speaker) === person.name);
    if (own.length === 0) continue;
    const share = (words.get(person.name) ?? 0) / customerWords;
    const designation =
      named.get(person.name) ??
      answeredSelf.get(person.name) ??
      own.find((sentence) => !sentence.isQuestion && sentence.text.split(CLAUSE_BREAK).some((clause) => CONTACT_DESIGNATION.test(clause) && SELF.test(clause)));
    const naming = new Set(person.sentenceIds);
    const intro =
      own.find((sentence) => SELF_DESCRIPTION.test(sentence.text)) ??
      own.find((sentence) => naming.has(sentence.id)) ??
      own.find((sentence) => sentence.wordCount >= 6) ??
      own[0]!;
    const sentence = designation ?? intro;
    // Who introduces themself with a (senior) title or gives their own address is who the vendor deals with.
    const titled = hasTitle(person) && person.roleSentenceId !== null && analysis.sentenceById.get(person.roleSentenceId)?.speaker === person.name;
    const senior = titled && SENIOR_TITLE.test(person.role!);
    // "Send it to me at …", or an address of their own name ("send drafts to iquennell@…" from Ilse Quennell).
    const surname = withoutHonorific(person.name).split(' ').slice(1).pop()?.toLowerCase();
    const ownAddress = surname !== undefined && surname.length > 2 ? new RegExp(`\\b[\\w.-]*${escapeRegExp(surname)}[\\w.-]*@`, 'i') : null;
    const givesAddress = own.some((mine) => mine.text.includes('@') && (/\b(?:me|my)\b/i.test(mine.text) || ownAddress?.test(mine.text) === true));
    const ownsProject = own.some((mine) => OWNS_PROJECT.test(mine.text) && !mine.isQuestion);
    const standing = (titled ? 0.05 : 0) + (senior ? 0.1 : 0) + (givesAddress ? 0.1 : 0) + (ownsProject ? 0.15 : 0);
    const candidate: Candidate = { value: person.name, score: clamp(0.45 + 0.4 * share + standing + (designation ? 0.3 : 0), 0, 1), sentence };
    if (!designation) {
      candidate.note = 'spoke less for the customer and was not named as the contact';
      const focus = spanOf(sentence.text, person.name.split(' ')[0]!);
      if (focus) candidate.focus = focus;
      if (handedOff.has(person.name)) candidate.excluded = 'named someone else as the contact';
      else if (answeredSelf.size > 0) candidate.excluded = 'another speaker answered "who is the contact?" with themselves';
    }
    candidates.push(candidate);
  }
  // Someone the customer names as the contact who does not speak: "You can list Marisol Quenby, our COO."
  for (const [name, sentence] of named) {
    if (candidates.some((candidate) => candidate.value === name)) continue;
    const focus = spanOf(sentence.text, withoutHonorific(name).split(' ')[0]!);
    candidates.push({ value: name, score: 0.75, sentence, ...(focus ? { focus } : {}), note: 'named as the contact by a colleague; not on the call' });
  }
  return candidates;
}

const OWN_TITLE = /\b(?:my (?:job )?title is |my role is |I(?:'m| am) (?:the |a |an |our )?|I work as (?:the |a |an )?|I serve as (?:the |a |an )?|as (?:the |a |an )?)(?=[A-Za-z])/gi;
/** "I lead customer operations at Acme": the area a person heads, when they give no title. */
const LEADS_AREA = /\bI (?:lead|run|head(?: up)?|oversee)\s+(?:the\s+|our\s+)?((?:[a-z][\w&-]*\s+){0,3}?[a-z][\w&-]*)(?=\s+(?:at|for)\s+[A-Z]|\s*[,.;]|$)/;
const NOT_AN_AREA = /^(?:to|it|that|this|a|an|all|everything|things|into|out|late|over|through)\b/;
const SIDE_WORDS = /^(?:customer|client|vendor|guest|host|buyer|account manager|customer success)$/i;
/** "Before this job I was at a bank, as Head of IT", "in my last role I was …": a title held before, unless "now" comes back to today. */
const EARLIER_JOB =
  /\b(?:before (?:this (?:job|role|position)|I (?:joined|came|moved)|joining|coming)|(?:previously|formerly),?\s+(?:I was|I worked|at|with)|I used to (?:be|work)|(?:in|at) my (?:last|previous|old|former|first) (?:job|role|company|employer|position))\b(?![^.!?]*\b(?:now|currently|these days|today)\b)/i;

/** The vendor asking for a title now held: "And your role?", "What's your job title these days?", not "What was your title there?". */
const ASKS_TITLE = /\b(?:your|his|her)\s+(?:(?:job|official|exact|current)\s+)?(?:role|title|position)\b/i;
const ASKS_EARLIER = /\b(?:was|were|used to|previous|former|old|before|back then)\b/i;

/** "Head of Tenant Services.": a reply that is a title and nothing else, to the vendor asking for one (`asked`, the sentence before). */
function answeredTitle(sentence: AnalysedSentence, asked: AnalysedSentence | undefined): string | null {
  if (!asked?.isQuestion || asked.side === 'customer' || !ASKS_TITLE.test(asked.text) || ASKS_EARLIER.test(asked.text)) return null;
  const said = sentence.text.trim().replace(/[.!]+$/, '');
  const title = readTitle(said);
  return title === said ? title : null;
}

function positionCandidates(analysis: CallAnalysis, contactName: string | null): Candidate[] {
  if (!contactName) return [];
  const person = analysis.people.find((candidate) => candidate.name === contactName);
  const candidates: Candidate[] = [];
  const byId = analysis.sentenceById;
  if (person && hasTitle(person) && person.roleSentenceId !== null) {
    const sentence = byId.get(person.roleSentenceId)!;
    candidates.push({ value: person.role, score: sentence.speaker === contactName ? 0.9 : 0.75, sentence, focus: spanOf(sentence.text, person.role) });
  }
  for (const sentence of analysis.sentences) {
    if (sentence.speaker !== contactName || sentence.isQuestion) continue;
    OWN_TITLE.lastIndex = 0;
    for (let match = OWN_TITLE.exec(sentence.text); match !== null; match = OWN_TITLE.exec(sentence.text)) {
      const rest = sentence.text.slice(match.index + match[0].length);
      // "I'm Nora Vance, VP of Operations": skip the speaker's own name first.
      const afterName = rest.replace(new RegExp(`^${escapeRegExp(contactName)},?\\s+|^${escapeRegExp(contactName.split(' ')[0]!)}\\w*,?\\s+`), '');
      const title = readTitle(afterName);
      if (!title || /^(?:going|trying|not|sure|happy|glad|here|on|in)\b/i.test(title)) continue;
      if (EARLIER_JOB.test(sentence.text.slice(0, match.index))) continue;
      const explicit = /title|role/i.test(match[0]);
      const at = sentence.text.indexOf(title, match.index);
      candidates.push({ value: title, score: explicit ? 0.95 : 0.85, sentence, focus: { start: match.index, end: at + title.length } });
    }
  }
  analysis.sentences.forEach((sentence, position) => {
    if (sentence.speaker !== contactName || sentence.isQuestion) return;
    const answered = answeredTitle(sentence, analysis.sentences[position - 1]);
    if (answered) candidates.push({ value: answered, score: 0.9, sentence, focus: { start: 0, end: sentence.text.length } });
    const led = LEADS_AREA.exec(sentence.text);
    if (!led || NOT_AN_AREA.test(led[1]!)) return;
    candidates.push({ value: `Head of ${led[1]}`, score: 0.6, sentence, focus: { start: led.index, end: led.index + led[0].length }, note: 'worded from "I lead …", not a stated title' });
  });
  const role = analysis.transcript.speakers.find((speaker) => speaker.name === contactName)?.role;
  if (role && !SIDE_WORDS.test(role.trim()) && readTitle(role)) {
    const first = analysis.sentences.find((sentence) => sentence.speaker === contactName);
    if (first) candidates.push({ value: readTitle(role)!, score: 0.6, sentence: first, note: 'from the caption role only' });
  }
  return candidates;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

/** Addresses written ("ana.ruiz@acme.com") or said aloud ("ana dot ruiz at acme dot com"). */
function addressesIn(text: string): SpokenAddress[] {
  const written = text.includes('@') ? [...text.matchAll(EMAIL)].map((match) => ({ address: match[0].replace(/\.$/, ''), start: match.index, end: match.index + match[0].replace(/\.$/, '').length })) : [];
  return / at /i.test(text) ? [...written, ...findSpokenAddresses(text)] : written;
}

/** "please cc my colleague Priya, she's at …", "our press inbox, …": an address said as someone else's or a shared one. */
const SOMEONE_ELSES_ADDRESS =
  /\b(?:cc|copy|loop in|include|forward (?:it |this |that )?to)\b(?!\s+me\b)|\b(?:colleague|co-?worker|boss|manager|assistant|deputy|team|inbox|mailbox|alias|distribution list)\b|\b(?:he|she|they)(?:'s|'re| is| are)\b|\b(?:his|her|their)\b/i;
/** Local parts of shared mailboxes, nobody's own address. */
const SHARED_MAILBOX = /^(?:info|hello|contact|team|office|admin|sales|support|help|helpdesk|service|marketing|press|media|accounts?|billing|finance|invoices?|hr|it|ops|operations|reception|enquiries|inquiries|careers|jobs|noreply|no-reply)$/;

function emailCandidates(analysis: CallAnalysis, contactName: string | null): Candidate[] {
  const candidates: Candidate[] = [];
  const namePartsOf = (name: string) =>
    withoutHonorific(name)
      .toLowerCase()
      .split(/\s+/)
      .map((part) => part.replace(/[^a-z]/g, ''))
      .filter((part) => part.length > 2);
  const nameParts = contactName ? namePartsOf(contactName) : [];
  const othersNameParts = analysis.people.filter((person) => person.name !== contactName).flatMap((person) => namePartsOf(person.name).filter((part) => !nameParts.includes(part)));
  for (const sentence of analysis.sentences) {
    for (const { address, start, end } of addressesIn(sentence.text)) {
      const local = address.toLowerCase().split('@')[0]!;
      const focus = { start, end };
      const namesContact = nameParts.some((part) => local.includes(part));
      // The words just before the address may give it as someone else's: "cc my colleague Priya, she's at …".
      const saidAs = sentence.text.slice(Math.max(0, start - 60), start).split(/[.;!?]/).pop()!;
      const givenAsOwn = contactName !== null && sentence.speaker === contactName && /\b(?:me|my|I)\b/.test(sentence.text) && !SOMEONE_ELSES_ADDRESS.test(saidAs);
      const othersAddress = SHARED_MAILBOX.test(local.replace(/[^a-z-]/g, '')) || (!namesContact && othersNameParts.some((part) => local.includes(part)));
      // "I have your email as …, is that right?": an address only asked about gives way to one the contact states.
      const asked = sentence.isQuestion ? 0.6 : 1;
      if (!othersAddress && (namesContact || givenAsOwn)) candidates.push({ value: address.toLowerCase(), score: (namesContact && givenAsOwn ? 0.95 : 0.85) * asked, sentence, focus });
      else candidates.push({ value: address.toLowerCase(), score: 0, sentence, focus, excluded: othersAddress ? "another person's or a shared address" : 'not tied to the primary contact' });
    }
  }
  return candidates;
}

// ---------------------------------------------------------------------------
// Dates

const START_CUE = /\b(?:start date|start(?:ed|s|ing)?|kick(?:ed|s|ing)?[- ]?off|kickoff|kick(?:ed|s)? (?:\w+ ){1,2}off|beg[au]n|begins|beginning|commenc(?:e|ed|es))\b/gi;
/** A contract signed or in effect: the start only when no project start is stated. */
const SIGNED_CUE = /\b(?:signed|went into effect|since)\b/gi;
const START_OR_SIGNED_CUE = new RegExp(`${START_CUE.source}|${SIGNED_CUE.source}`, 'gi');
/** "done" ends the project only for its last part or all of it: "the last of the depots was done on …", not "the survey was done on …". */
const END_CUE = /\b(?:end date|completion date|ends? on|ended|complet(?:e|ed|es|ion)|finish(?:ed|es)?|wrap(?:ped)? up|went live|go(?:es|ing)?[- ]live|gone live|live across|(?:was|were|is|are|been|fully|all) live\b|rolled (?:it )?out|roll(?:ed)?-out|launched|deliver(?:ed)? by|deadline|due (?:on|by)|(?:up and )?running(?: on it)? by|live by|(?:last|all|every|everything|the rest)\b[^.,;]{0,50}?\b(?:was|were|got) (?:all |finally |fully )?done)\b/gi;
/** The day the customer started using the product: their start date when no earlier start is stated. */
const GO_LIVE_CUE = /\b(?:went live|go(?:es|ing)?[- ]live|gone live|launched)\b/gi;
/**
 * "That's fixed in the next release, due on October 1st", "version 4 launched on April 7th", "our spring release went live on …":
 * a release or a fix of the product, not the customer's project.
 */
const PRODUCT_RELEASE =
  /\b(?:(?:next|upcoming|coming|new|newest|latest) (?:release|patch|version|update|build)|(?:spring|summer|fall|autumn|winter|quarterly|annual|major|minor|feature) (?:release|update)|version \d[\w.]*|v\d+(?:\.\d+)*|hotfix|bug ?fix|the fix|a fix|fixed in)\b/i;
/** "Before we start, …", "let me start with …": the speaker opening a topic, not anything starting. */
const OPENS_A_TOPIC = /\b(?:before we (?:start|begin|get started)\s*,|(?:let's|let me|I'll|I will|I'd like to|I want to) (?:start|begin)\s*(?:,|with\b|by\b|off\b)|to (?:start|begin) with\b)/i;
/** "We didn't actually kick off until April 7th": a negated cue whose "until" says the day it did happen. */
const NOT_UNTIL = /\b(?:didn't|did not|wasn't|was not|weren't|were not|never|couldn't|could not)\s+(?:\w+\s+)?$/i;
/** Between a cue and its date there must be no new clause. */
const CLAUSE_BETWEEN = /[,;]\s*(?:and|but|so|then|since|while|which|whereas|we|they|it|this|that)\b|;|\bsince\b|\buntil\b|\?/i;

function startDateCandidates(analysis: CallAnalysis): Candidate[] {
  const started = dateCandidates(analysis, START_CUE, END_CUE);
  const signed = dateCandidates(analysis, SIGNED_CUE, new RegExp(`${START_CUE.source}|${END_CUE.source}`, 'gi')).map((candidate) => ({
    ...candidate,
    score: candidate.score * 0.7,
    note: 'the day a contract was signed, not the start of the project',
  }));
  if (started.length + signed.length > 0) return [...started, ...signed];
  return dateCandidates(analysis, GO_LIVE_CUE, START_OR_SIGNED_CUE).map((candidate) => ({ ...candidate, score: candidate.score * 0.8, note: 'the go-live date; no earlier start was stated' }));
}

/** "The original plan was go-live on the 1st of January", "it was supposed to start in May": a date that was later changed. */
const CHANGED_PLAN = /\b(?:original(?:ly)?|initial(?:ly)?|first)\s+(?:plan(?:ned)?|target(?:ed)?|date|go-live|schedule)|\b(?:was|were) (?:supposed|meant|planned|scheduled) to\b|\bthe plan was\b|\bslipped\b|\bpushed (?:back|out)\b/i;
/** "We started the cutover on …": the start of one phase of the project, not of the project. */
const PHASE_STARTED = /\b(?:start(?:ed|s|ing)?|beg[au]n|kick(?:ed|s|ing)? off)\s+(?:the\s+|our\s+)?(?:cutover|(?:data\s+)?migration|testing|hypercare|parallel run|design phase|build phase|data load)\b/i;
const PHASES = 'training|testing|uat|migration|cutover|pilot|hypercare|parallel run|design phase|build phase|data load|onboarding';
/**
 * "The admin training wrapped up on …", "the pilot at one site finished on …", "we finished the pilot on …", "we wrapped up our part
 * on …": the end of one phase of the project or of one party's share of it, not of the project.
 */
const PHASE_ENDED = new RegExp(
  `\\b(?:(?:${PHASES})\\s+(?:\\w+\\s+){0,3}?(?:wrap(?:ped|s)? up|finish(?:ed|es)?|end(?:ed|s)?|complet(?:ed|es)|(?:was|is) (?:complete|done))` +
    `|(?:wrap(?:ped|s)? up|finish(?:ed|es)?|end(?:ed|s)?|complet(?:ed|es))\\s+(?:the\\s+|our\\s+)?(?:${PHASES})\\b|(?:our|their|his|her|my) (?:part|piece|bit|share|portion)\\b)`,
  'i',
);
/** "If we rolled it out to everyone, we'd want to be live by …": a date that holds only if something happens. */
const ON_A_CONDITION = /\bif (?:we|they|you|it|the|our|this)\b[^.?!]*\b(?:would|could|might|we'd|they'd|you'd|it'd)\b/i;
/** The end of a contract term is not the end of a project: "the renewal on January 31st", "our term ends on the 31st of March". */
const CONTRACT_TERM = /\b(?:renew\w*|term|contract (?:ends?|expires?|runs)|expir\w*|subscription)\b/i;
/** "Our fiscal year ends on June 30th", "the grant cycle ends on …": the end of a year or a cycle, not of the project. */
const PERIOD_END =
  /\b(?:(?:fiscal|financial|school|academic|calendar|budget|tax|grant|funding|reporting|billing)\s+(?:year|cycle|period|quarter|semester)|(?:year|quarter|cycle|semester|season|period)\s+(?:ends?|ended|closes?|closed))\b/i;
/**
 * "The Tuesday after our September 8th board meeting", "live before the November 3rd audit", "right after September 8th",
 * "a week after the inspection on September 8th": the day of another event, said to place the day meant; that is another day.
 */
const ANOTHER_DAY_FROM = /\b(?:after|before|following|ahead of|prior to)\s+(?:(?:the|our|their|your|its|that|this)\s+(?:[a-z][\w-]*\s+){0,2}?(?:on\s+(?:the\s+)?)?)?$/i;
/**
 * "Another one of our clients … went live on February 24th", "a shipping customer of ours started on …": the vendor telling of
 * another customer's project.
 */
const ANOTHER_CUSTOMER = /\b(?:another|other|one of (?:our|my|their))\s+(?:one of (?:our|my|their)\s+)?(?:[\w-]+\s+){0,2}?(?:customers?|clients?|accounts?)\b|\b(?:customers?|clients?|accounts?) of (?:ours|mine)\b/i;

/** "Greyhaven Coaches (in Leeds) went live on …": the name of whoever did what the date tells, at the start of its clause. */
const NAMED_DOER =
  /(?:^|[,;:]\s*)(?:(?:And|So|But|Then|Also|Plus|Now|Well|Oh)\s+)?((?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*)\s+(?:(?:in|from|over in|up in|down in)\s+(?:[A-Z][\w'’-]*\s+){1,2})?(?:(?:has|had|have|also|just|finally|only)\s+)?(?:went live|go(?:es)? live|gone live|started|kicked off|launched|began|finished|completed)\b[^,;:]*$/;

/** A reply that confirms what was just said: "Yes, that's right", "Correct". */
const CONFIRMS = /^(?:yes|yeah|yep|yup|right|correct|exactly|indeed|that's (?:right|correct)|that is (?:right|correct))\b/i;

/**
 * The vendor telling of an organisation other than the customer or itself: "Greyhaven Coaches went live on …". With the
 * customer's name unknown, the name may be theirs: it counts only when the customer's side never says it, and the vendor
 * does not ask it nor hear it confirmed ("So Brinkvale went live on March 3rd." "Yes, that's right.").
 */
function namesAnotherOrganisation(analysis: CallAnalysis, position: number, before: string): boolean {
  const sentence = analysis.sentences[position]!;
  const customer = analysis.parties.customer?.name;
  const doer = sentence.side === 'vendor' ? NAMED_DOER.exec(ownClause(before))?.[1] : undefined;
  if (!doer || !doer.split(' ').some((word) => isNameLike(word, analysis.vocabulary))) return false;
  const firstWord = (name: string) => name.split(' ')[0]!.toLowerCase();
  const ours = [customer, analysis.parties.vendor?.name, analysis.vendor?.company, ...(analysis.vendor?.products ?? []), ...analysis.people.map((person) => person.name)];
  if (ours.some((name) => name !== undefined && firstWord(name) === firstWord(doer))) return false;
  if (customer) return true;
  const doerWord = new RegExp(`\\b${escapeRegExp(doer.split(' ')[0]!)}\\b`);
  if (sentence.isQuestion || analysis.sentences.some((other) => other.side === 'customer' && doerWord.test(other.text))) return false;
  for (let at = position + 1; at < analysis.sentences.length; at++) {
    const later = analysis.sentences[at]!;
    if (later.side === 'customer') return !CONFIRMS.test(later.text);
  }
  return true;
}

function dateCandidates(analysis: CallAnalysis, cue: RegExp, other: RegExp): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [position, sentence] of analysis.sentences.entries()) {
    for (const date of sentence.dates) {
      const distance = cueDistance(sentence.text, date, cue, sentence.dates);
      if (distance === null) continue;
      const competing = cueDistance(sentence.text, date, other, sentence.dates);
      if (competing !== null && competing < distance) continue;
      const explicit = /date/i.test(sentence.text.slice(Math.max(0, date.start - 80), date.end + 80));
      const score = (explicit ? 0.95 : 0.85) - Math.min(0.3, distance / 300);
      const candidate: Candidate = {
        value: date.iso,
        score: score * (sentence.isQuestion ? 0.6 : 1) * (sentence.side === 'vendor' ? 0.95 : 1) * (date.yearStated ? 1 : 0.9),
        sentence,
        focus: { start: date.start, end: date.end },
      };
      const before = sentence.text.slice(0, date.start);
      if (toldOfAnotherParty(sentence) || (sentence.side !== 'customer' && ANOTHER_CUSTOMER.test(before)) || namesAnotherOrganisation(analysis, position, before)) {
        candidate.excluded = "another organisation's date, told by the vendor";
      } else if (CONTRACT_TERM.test(before.slice(-60))) candidate.excluded = 'the end of a contract term, not of the project';
      else if (PERIOD_END.test(ownClause(before).slice(-60))) candidate.excluded = 'the end of a year or a cycle, not of the project';
      else if (ANOTHER_DAY_FROM.test(before)) candidate.excluded = 'the day of another event, said to place the day meant before or after it';
      else if (ON_A_CONDITION.test(before)) candidate.excluded = 'a date on a condition ("if we rolled it out, we\'d want to be live by …"), not one agreed';
      else if (PRODUCT_RELEASE.test(ownClause(before))) candidate.excluded = 'a release or fix of the product, not the project';
      else if (cue === START_CUE && PHASE_STARTED.test(before)) {
        candidate.score -= 0.3;
        candidate.note = 'the start of one phase, not of the project';
      } else if (cue === END_CUE && PHASE_ENDED.test(ownClause(before))) {
        candidate.score -= 0.3;
        candidate.note = 'the end of one phase, not of the project';
      } else if (CHANGED_PLAN.test(ownClause(before))) {
        candidate.score -= 0.3;
        candidate.note = 'a planned date that was later changed';
      }
      candidates.push(candidate);
    }
  }
  return candidates;
}

/**
 * A completion before the start: one of the two was misread, and nothing says which. The less certain one is
 * withdrawn (both when equally certain), with the reason among its alternatives.
 */
function withDatesInOrder(fields: Record<FieldName, SnapshotField>): void {
  if (fields.start_date.value === null || fields.completion_date.value === null || String(fields.completion_date.value) >= String(fields.start_date.value)) return;
  const [started, completed] = [fields.start_date as FoundField, fields.completion_date as FoundField];
  const why = `the completion date ${String(completed.value)} is before the start date ${String(started.value)}; one of the two is misread`;
  if (started.confidence <= completed.confidence) fields.start_date = withdrawn(started, why);
  if (completed.confidence <= started.confidence) fields.completion_date = withdrawn(completed, why);
}

function withdrawn(field: FoundField, reason: string): SnapshotField {
  return missing([{ value: field.value, reason, evidence: field.evidence }, ...(field.alternatives ?? [])]);
}

/** "Once it slipped, March was never going to happen, and we went live on …": only the date's own clause says whether it was the plan. */
function ownClause(before: string): string {
  const boundary = [...before.matchAll(/[,;]\s*(?:and|but|so|then)\s|;/gi)].pop();
  return boundary ? before.slice(boundary.index + boundary[0].length) : before;
}

/**
 * Characters between a date and a cue of its sentence. A comma after a date closes its phrase: a cue
 * after it is not the date's ("on A, go-live on B", "kicked off on A, and went live on B").
 */
function gapToCue(text: string, date: Span, cue: Span): number {
  if (date.end <= cue.start && /^\s*,/.test(text.slice(date.end, cue.start))) return Number.POSITIVE_INFINITY;
  return Math.max(0, date.start - cue.end, cue.start - date.end);
}

/**
 * Characters between a date and the nearest cue in the same clause, or null. A cue nearer to another
 * date of the sentence is that date's: in "we started on A and the last site went live on B", "went
 * live" tells B, not A.
 */
function cueDistance(text: string, date: Span, cue: RegExp, dates: readonly Span[]): number | null {
  let best: number | null = null;
  cue.lastIndex = 0;
  for (let match = cue.exec(text); match !== null; match = cue.exec(text)) {
    const cueStart = match.index;
    const cueEnd = cueStart + match[0].length;
    if (OPENS_A_TOPIC.test(text.slice(Math.max(0, cueStart - 16), cueEnd + 6))) continue;
    const between = cueEnd <= date.start ? text.slice(cueEnd, date.start) : cueStart >= date.end ? text.slice(date.end, cueStart) : '';
    // "start on the 6th of March, go-live on the 2nd of April": a cue after the date's comma opens the next pair.
    const opensNextPair = cueStart >= date.end && /^,\s*$/.test(between);
    const span = { start: cueStart, end: cueEnd };
    const anotherDatesCue = dates.some((other) => other !== date && gapToCue(text, other, span) < gapToCue(text, date, span));
    const happenedOn = /^\s+until\s+(?:the\s+)?$/i.test(between) && NOT_UNTIL.test(text.slice(Math.max(0, cueStart - 30), cueStart));
    if (between.length > 90 || opensNextPair || anotherDatesCue || (CLAUSE_BETWEEN.test(between) && !happenedOn)) continue;
    if (best === null || between.length < best) best = between.length;
  }
  return best;
}

// ---------------------------------------------------------------------------
// Product

const USE_VERBS = /\b(?:on|using|use|uses|used|licensed|license|deployed|implemented|rolled out|bought|purchased|adopted|integrated|switched to|moved to|chose|selected|with)\s+(?:the\s+)?$/i;
/** Buying or running the product, as opposed to merely using it. */
const STRONG_USE_VERBS = /\b(?:(?:is|are|we're|we are) on|licensed|deployed|implemented|rolled out|bought|purchased|adopted|integrated|switched to|moved to|chose|selected)\s+(?:the\s+)?$/i;
/** "Acme platform", and with one describing word between, "the Acme driver app". */
const PRODUCT_NOUN_AFTER = /^\s+(?:(?!(?:and|or|but|for|to|in|on|of|with|is|was|are|the|a|an)\s)[a-z][\w-]*\s+)?(?:platform|product|module|suite|app|application|software|solution|tool|system|api|rollout|instance|tenant|renewal|subscription)\b/i;
/** "Acme Cloud Platform" is the product "Acme Cloud". */
const GENERIC_PRODUCT_TAIL = /^(?:platform|application|applications|app|apps|instance|tenant|environment|version|license|licence|dashboard|dashboards|users?|data)$/i;
const NOT_PRODUCT_TAIL = /^(?:professional|services|service|support|team|teams|consultant|consultants|folks|people|colleagues|account|customer|success)$/i;
/** "the Acme Summit", "Acme's user conference": an event the vendor holds, not a mention of what it sells. */
const EVENT_TAIL = /^(?:summit|conference|event|events|webinar|webinars|forum|expo|meetup|roadshow|awards|academy|community)$/i;

/**
 * The vendor profile's products, where the call names them: the product
 * candidates when the user says what they sell. Named with a use or product
 * cue, or more than once, a product is sure; said once without a cue, less so.
 */
function profileProductCandidates(analysis: CallAnalysis, products: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  const used: Candidate[] = [];
  const company = analysis.vendor?.company.trim().toLowerCase();
  for (const product of products) {
    // "Acme Radar" is said "Radar" once the call knows whose it is.
    const short = company && product.toLowerCase().startsWith(`${company} `) ? product.slice(company.length + 1) : null;
    const pattern = new RegExp(`(?<![\\w-])(?:${escapeRegExp(product)}${short ? `|${escapeRegExp(short)}` : ''})(?![\\w-])`, 'i');
    const named = analysis.sentences.filter((sentence) => pattern.test(sentence.text));
    if (named.length === 0) continue;
    const cued = named.filter((sentence) => {
      const match = pattern.exec(sentence.text)!;
      return USE_VERBS.test(sentence.text.slice(Math.max(0, match.index - 40), match.index)) || PRODUCT_NOUN_AFTER.test(sentence.text.slice(match.index + match[0].length));
    });
    const sentence = cued.find((mine) => mine.side === 'customer') ?? cued[0] ?? named[0]!;
    const match = pattern.exec(sentence.text)!;
    const focus = { start: match.index, end: match.index + match[0].length };
    const candidate: Candidate = { value: product, score: clamp(0.6 + (cued.length > 0 ? 0.2 : 0) + 0.05 * Math.min(3, named.length - 1), 0, 0.95), sentence, focus };
    // A product is named as such more than once or with a product cue.
    if (cued.length === 0 && named.length === 1) candidate.excluded = 'said once, no product cue';
    else if (cued.length > 0) used.push(candidate);
    candidates.push(candidate);
  }
  // Several of the vendor's own products, each named with a product cue: the customer uses them all, so the field names them all.
  if (used.length < 2) return candidates;
  const ordered = [...used].sort((a, b) => a.sentence.id - b.sentence.id);
  const together: Candidate = { ...ordered[0]!, value: ordered.map((candidate) => candidate.value).join(' and '), score: Math.max(...used.map((candidate) => candidate.score)) };
  return [together, ...candidates.filter((candidate) => candidate.excluded)];
}

function productCandidates(analysis: CallAnalysis): Candidate[] {
  const fromProfile = profileProductCandidates(analysis, analysis.vendor?.products ?? []);
  if (fromProfile.length > 0) return fromProfile;
  const vendor = analysis.parties.vendor;
  // "Acme Ledger" said apart from "Acme" reads as an organisation of its own; nobody works there, so it is the vendor's product line.
  const productLine = (org: Organisation) => vendor !== undefined && org.name.startsWith(`${vendor.name} `) && org !== analysis.parties.customer && !org.partner && !analysis.parties.employers.has(org.name);
  const otherOrgs = analysis.parties.organisations.filter((org) => org !== vendor && !productLine(org)).map((org) => org.name);
  const counts = new Map<string, { count: number; sentences: AnalysedSentence[]; usage: AnalysedSentence[]; strong: boolean }>();
  let talkedOfAsUsed = false;
  for (const sentence of analysis.sentences) {
    for (const run of sentence.runs) {
      const words = run.words;
      if (!vendor) continue;
      const vendorWords = vendor.name.split(' ');
      if (words.slice(0, vendorWords.length).join(' ') !== vendor.name) continue;
      // The vendor's name plus one or two words: "Lanefield Dispatch", "Kelpwell Patient Messaging".
      const extra = words.slice(vendorWords.length, vendorWords.length + 2);
      if (extra.some((word) => EVENT_TAIL.test(word))) continue;
      while (extra.length > 0 && (NOT_PRODUCT_TAIL.test(extra[extra.length - 1]!) || GENERIC_PRODUCT_TAIL.test(extra[extra.length - 1]!))) extra.pop();
      if (extra.length > 0 && NOT_PRODUCT_TAIL.test(extra[0]!)) extra.length = 0;
      const extended = [...vendorWords, ...extra];
      const name = extended.join(' ');
      if (otherOrgs.some((org) => name.includes(org) && !vendor.name.includes(org))) continue;
      const entry = counts.get(name) ?? { count: 0, sentences: [], usage: [], strong: false };
      entry.count++;
      entry.sentences.push(sentence);
      const before = sentence.text.slice(Math.max(0, run.start - 40), run.start);
      const after = sentence.text.slice(run.start + name.length);
      if (USE_VERBS.test(before) || PRODUCT_NOUN_AFTER.test(after)) entry.usage.push(sentence);
      talkedOfAsUsed ||= entry.usage.length > 0 || PRODUCT_CONTEXT.test(before) || [HOW_HAS_IT_BEEN, IN_IT_DAILY].some((cue) => cue.before.test(before) && cue.after.test(after));
      if (STRONG_USE_VERBS.test(before) && sentence.side === 'customer' && !sentence.isQuestion) entry.strong = true;
      counts.set(name, entry);
    }
  }
  const total = [...counts.values()].reduce((sum, entry) => sum + entry.count, 0) || 1;
  // The vendor is only the name said most: nobody on the call belongs to it, nothing ties it to a side, and it is never
  // talked of as something used ("before X", "in X every day", "we use X"). "My boss is <name>", "a subsidiary of the
  // <name> Group", "our plant is in <city>", "Happy to.": such a name said twice is no product.
  const neverUsed = vendor !== undefined && !talkedOfAsUsed && vendor.anchorIds.length === 0 && vendor.lean <= 0 && !analysis.parties.employers.has(vendor.name);
  const candidates: Candidate[] = vendor ? separatelyNamedProducts(analysis) : namedProductCandidates(analysis);
  for (const [name, entry] of counts) {
    const isBareVendor = name === vendor?.name;
    const usage = entry.usage.find((sentence) => sentence.side === 'customer' && STRONG_USE_VERBS.test(sentence.text.slice(0, sentence.text.indexOf(name)))) ?? entry.usage.find((sentence) => sentence.side === 'customer') ?? entry.usage[0];
    const sentence = usage ?? entry.sentences[0]!;
    const customerUsage = entry.usage.some((sentence) => sentence.side === 'customer' && !sentence.isQuestion);
    const score = (usage ? 0.6 : 0.45) + 0.25 * (entry.count / total) - (isBareVendor ? 0.2 : 0) + (customerUsage ? 0.1 : 0) + (entry.strong ? 0.15 : 0);
    const candidate: Candidate = { value: name, score: clamp(score, 0.1, 0.95), sentence, focus: spanOf(sentence.text, name) };
    // "I lead onboarding at Acme", "customer success at Acme Analytics": where people work, never said as something used, is the company.
    if (!usage && analysis.parties.employers.has(name)) candidate.excluded = "the vendor's company, never named as something used";
    else if (entry.sentences.some((mine) => SUPERSEDED_AFTER.test(mine.text.slice(mine.text.indexOf(name) + name.length)))) candidate.excluded = 'named as the older product';
    else if (neverUsed) candidate.excluded = 'a name said more than once, never as something used';
    candidates.push(candidate);
  }
  // The vendor's bare name is its company; when the call names a product of its own, that is the product.
  const named = candidates.some((candidate) => candidate.value !== vendor?.name);
  return named ? candidates.filter((candidate) => candidate.value !== vendor?.name) : candidates;
}

/**
 * Said just before a product: "before X", "booked through X", "we went with X",
 * "log into X", "work in X every day", "running X", "things going with X",
 * "everything lives in X" (but "I mostly live in X" is a home).
 */
const PRODUCT_CONTEXT =
  /\b(?:through|before|since|after|via|went with|going with|running|run|runs|log(?:s|ged)? (?:in)?to|work(?:s|ing)? in|be in|(?<!\b(?:I|we|you|they|he|she)\s+(?:[a-z]+\s+)?)lives? in|owns?|touch(?:es)?|bought|buy|on)\s+(?:the\s+)?$/i;

/** "X, the older product", "X, our previous version": a product the customer has moved on from. */
const SUPERSEDED_AFTER = /^,?\s+(?:the|our|your|their)\s+(?:older|old|previous|legacy|former|earlier|original)\s+(?:product|version|system|platform|tool|edition|one)\b/i;

/** "we were running X", "we used to be on X": the system the customer had before. */
const USED_BEFORE = /\b(?:was|were|had been|used to(?: be)?)\s+(?:running|using|run|use|on)\s+(?:the\s+)?$/i;
/** Using or running a product now: "running X", "we use X", "deployed X" (not "after X", "on X", "with X"). */
const RUNS_IT = /\b(?:running|run|runs|using|use|uses|licensed|deployed|implemented|rolled out|adopted|switched to|moved to|went live (?:with|on)|gone live (?:with|on)|log(?:s|ged)? (?:in)?to|work(?:s|ing)? in)\s+(?:the\s+)?$/i;

/**
 * A product named apart from its vendor ("Campusly" sells "Slotbook"): another
 * organisation nobody works for, said at least twice as something used.
 */
function separatelyNamedProducts(analysis: CallAnalysis): Candidate[] {
  const { customer, vendor } = analysis.parties;
  const candidates: Candidate[] = [];
  for (const org of analysis.parties.organisations) {
    if (org === customer || org === vendor || org.partner || analysis.parties.employers.has(org.name)) continue;
    const usage: AnalysedSentence[] = [];
    let runsIt = false;
    let ranBefore = false;
    for (const id of org.sentenceIds) {
      const sentence = analysis.sentenceById.get(id)!;
      const at = sentence.text.indexOf(org.name);
      if (at < 0) continue;
      const before = sentence.text.slice(Math.max(0, at - 40), at);
      ranBefore ||= USED_BEFORE.test(before);
      const nounAfter = PRODUCT_NOUN_AFTER.test(sentence.text.slice(at + org.name.length));
      if (USE_VERBS.test(before) || PRODUCT_CONTEXT.test(before) || nounAfter) usage.push(sentence);
      if (RUNS_IT.test(before) || nounAfter) runsIt = true;
    }
    // Said as used twice, or run once and named again ("running Quaystone since March", "Quaystone sends the reminder");
    // never what the customer ran before. One use is enough for a name that carries its maker's ("chose Acme Vault" from Acme Cloud).
    const carriesMakersName = vendor !== undefined && sharesMakersWord(org.name, vendor.name, analysis.vocabulary);
    if (ranBefore || usage.length === 0 || (usage.length === 1 && !carriesMakersName && (!runsIt || org.sentenceIds.length < 2))) continue;
    const byCustomer = usage.find((sentence) => sentence.side === 'customer' && !sentence.isQuestion);
    // "Slotbook" said in full once as "Campusly Slotbook": the product's full name carries its maker's.
    const fullName = vendor ? `${vendor.name} ${org.name}` : null;
    const saidInFull = fullName ? analysis.sentences.find((sentence) => sentence.text.includes(fullName)) : undefined;
    const extended = saidInFull ? undefined : fullFormOf(analysis, org);
    const value = saidInFull ? fullName! : extended ?? org.name;
    const sentence = saidInFull ?? (extended ? org.sentenceIds.map((id) => analysis.sentenceById.get(id)!).find((mine) => mine.text.includes(extended)) : undefined) ?? byCustomer ?? usage[0]!;
    const score = usage.length === 1 ? 0.5 : 0.55 + (byCustomer ? 0.1 : 0) + 0.05 * Math.min(2, usage.length - 1);
    const candidate: Candidate = { value, score, sentence, focus: spanOf(sentence.text, value) };
    if (usage.length === 1) candidate.note = 'named as something used only once';
    candidates.push(candidate);
  }
  return candidates;
}

/** "Acme Vault" and the vendor "Acme Cloud": a product line named with its maker's distinctive first word. */
function sharesMakersWord(name: string, vendorName: string, vocabulary: ReadonlySet<string>): boolean {
  const [maker, ...rest] = vendorName.split(' ');
  const [first, ...tail] = name.split(' ');
  return rest.length > 0 && tail.length > 0 && first === maker && isNameLike(maker!, vocabulary) && tail.join(' ') !== rest.join(' ');
}

/**
 * "Acme Recruit" said twice where "Acme" is the short form: a product's full name is the one longer form
 * said more than once and more often than any other ("Acme Onboard", an add-on named once, is not it).
 */
function fullFormOf(analysis: CallAnalysis, org: Organisation): string | undefined {
  const counts = new Map<string, number>();
  for (const id of org.sentenceIds) {
    for (const run of analysis.sentenceById.get(id)!.runs) {
      const next = run.words[org.name.split(' ').length];
      if (!run.name.startsWith(`${org.name} `) || !next || GENERIC_PRODUCT_TAIL.test(next) || NOT_PRODUCT_TAIL.test(next)) continue;
      counts.set(`${org.name} ${next}`, (counts.get(`${org.name} ${next}`) ?? 0) + 1);
    }
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && first[1] >= 2 && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
}

/** "How has X been for your team?", "how is X working out": asked about as something the customer uses. */
const HOW_HAS_IT_BEEN = { before: /\bhow (?:has|have|is|are|was)\s+(?:the\s+)?$/i, after: /^\s+(?:been (?:for|with|working)|going|working)\b/i };

/** "I'm in X every single day", "we're in X all day": a system someone works in (not "in <city> every week"). */
const IN_IT_DAILY = { before: /\bin\s+(?:the\s+)?$/i, after: /^,?\s+(?:every|all)\s+(?:single\s+)?(?:day|morning|shift)\b/i };

/** The vendor asking how the customer gets on with a product: "How are things going with Acme Inbox over at …?" */
const ASKS_HOW_IT_GOES = /\bhow (?:are|is|have|has) (?:things|it|everything)(?: been)? (?:going|working(?: out)?) with\s+$/i;

/** Without a known vendor: "we use the FreshTrack app", "we're on the Acme platform". */
function namedProductCandidates(analysis: CallAnalysis): Candidate[] {
  const customer = analysis.parties.customer?.name;
  const candidates: Candidate[] = [];
  for (const sentence of analysis.sentences) {
    for (const run of sentence.runs) {
      const name = run.name;
      if (name === customer || !run.words.some((word) => isNameLike(word, analysis.vocabulary))) continue;
      const before = sentence.text.slice(Math.max(0, run.start - 40), run.start);
      const after = sentence.text.slice(run.end);
      const askedAfter = sentence.side === 'vendor' && sentence.isQuestion && ASKS_HOW_IT_GOES.test(before) && run.words.length > 1;
      if (!askedAfter && (!USE_VERBS.test(before) || !PRODUCT_NOUN_AFTER.test(after))) continue;
      candidates.push({ value: name, score: sentence.side === 'vendor' && !askedAfter ? 0.5 : 0.65, sentence, focus: { start: run.start, end: run.end } });
    }
  }
  return candidates;
}

// ---------------------------------------------------------------------------
// Figures

interface FigureRule {
  field: FieldName;
  kinds: ReadonlyArray<Figure['kind']>;
  /** Words that tie a figure to the field; the nearer, the stronger. */
  cue: RegExp;
  /** Extra test on the figure (e.g. counted noun). */
  accepts?: (figure: Figure, sentence: AnalysedSentence) => boolean;
}

const USER_NOUN_WORDS =
  'users?|seats?|licen[cs]es?|logins?|accounts?|people|employees|staff|members|agents|clinicians|nurses|physicians|doctors|drivers|dispatchers|managers|planners|reps|representatives|technicians|students|teachers|analysts|engineers|associates|operators|admins|administrators|sellers|buyers|workers|pickers|packers|inspectors|adjusters|advisers|advisors|recruiters|underwriters|schedulers|caseworkers|coordinators|therapists|pharmacists|midwives|paramedics|tellers|cashiers|instructors|faculty|accountants|bookkeepers|clerks|receptionists|hygienists|dentists|assistants|supervisors|officers|lawyers|attorneys|paralegals|brokers|estimators|surveyors|designers|developers|marketers|editors|writers|volunteers|auditors|mechanics|electricians|installers|carers|caregivers|counsell?ors|librarians|lecturers|professors|tutors|researchers|scientists|chefs|cooks|bakers|stylists|cleaners|specialists|executives|personnel|interns|csms|sdrs|bdrs';
const USER_NOUNS = new RegExp(`^(?:${USER_NOUN_WORDS})$`, 'i');

const FIGURE_RULES: readonly FigureRule[] = [
  { field: 'roi_percentage', kinds: ['percentage'], cue: /\bROI\b|\breturn on (?:the |our |their )?investment\b|\breturn of\b/gi },
  {
    field: 'revenue_increase',
    kinds: ['money', 'percentage'],
    // A nonprofit's revenue is its giving: "donations are up 18% year over year".
    // "Net revenue retention is up to 108 percent" is how much revenue stayed, not how much it grew.
    cue: /\b(?:revenue|sales|bookings|top[- ]line|income|turnover|donations|giving|fundraising|tuition)\b(?!\s+retention)/gi,
    accepts: (figure, sentence) =>
      figure.kind === 'money'
        ? /\b(?:more|additional|extra|increase[sd]?|grew|growth|up|lift|boost|gain(?:ed)?|incremental|new|net|worth|retained|recovered|generated|brought in|added|won|expansion|upsell)\b/i.test(sentence.text)
        : /\b(?:increase[sd]?|grew|growth|up|lift|boost|gain(?:ed)?|more)\b/i.test(sentence.text),
  },
  {
    field: 'cost_savings',
    kinds: ['money', 'percentage'],
    // "$185,000 a year in agency fees we're not paying", "licensing we don't pay anymore": money no longer spent.
    cue: /\bsav(?:e|ed|es|ing|ings)\b|\bcut\b|\bcutting\b|\breduc(?:e|ed|es|ing|tion)\b|\blower(?:ed)?\b|\bavoid(?:ed)?\b|\bcost(?:s)? (?:down|less)\b|\b(?:(?:are|were|are)n't|not|no longer|don't|do not|didn't|never) (?:(?:have to|need to)\s+)?(?:paying|pay|spend|spending)\b|\bstopped (?:paying|spending)\b|\b(?:spend(?:ing)?|pay(?:ing)?)\b[^.;]{0,30}?\bless\b(?!\s+(?:time|hours?|minutes?|days?|effort))|\b(?:costs?|bills?|expenses?)\s+(?:have\s+|has\s+)?(?:fell|fallen|dropped|decreased|(?:went|gone|are|were|is|was)\s+down)\b/gi,
    accepts: (figure, sentence) => figure.kind === 'money' || /\b(?:cost|costs|spend|spending|expenses?|overtime|fuel)\b/i.test(sentence.text),
  },
  // Efficiency is time or effort saved, or throughput gained. A fall in an outcome rate (no-shows, errors,
  // scrap, false positives) is a result, not efficiency: its cue must stand in the figure's own clause (NEW_CLAUSE).
  {
    field: 'efficiency_improvement',
    kinds: ['percentage'],
    cue: /\bfaster\b|\bquicker\b|\bless time\b|\btime\b|\befficien\w*|\bproductiv\w*|\bthroughput\b|\bturnaround\b|\bcycle\b|\bhours\b|\bspeed\b/gi,
    accepts: (_figure, sentence) => /\b(?:faster|quicker|less|lower|cut|reduc\w*|drop\w*|down|saved|saves|fewer|shorter|improv\w*|efficien\w*|productiv\w*)\b/i.test(sentence.text),
  },
  {
    field: 'adoption_rate',
    kinds: ['percentage'],
    // "91 percent of agents use the suggested answers": the share of the people who use it.
    cue: new RegExp(
      `\\badopt(?:ion|ed)?\\b|\\bactive\\b|\\blog(?:s|ged|ging)? in\\b|\\blogins?\\b|\\busage\\b|\\butili[sz]\\w*|\\busing\\b|\\buptake\\b|\\bpenetration\\b|\\benrolled\\b|\\bactivated\\b|\\bonboarded\\b|` +
        `\\bof (?:the |our |all |their |your )?(?:[\\w-]+ )?(?:${USER_NOUN_WORDS}) (?:now |still |already |actively |regularly |really )?use\\b`,
      'gi',
    ),
    // A share of the people who use it, not of something they do ("70 percent of the hiring manager activity", "92 percent of volume").
    // "We cut delivery costs by 18 percent using the planner": a change by a share is not a share of people, unless adoption is named.
    accepts: (figure, sentence) =>
      !SHARE_OF_THINGS.test(sentence.text.slice(figure.end)) && (!CHANGE_BY.test(sentence.text.slice(0, figure.start)) || ADOPTION_WORD.test(sentence.text)),
  },
  {
    field: 'user_count',
    kinds: ['count'],
    // Case-sensitive for "1,850 staff on Rotaplan" (a name after "on"); the words spell their capitals.
    cue: /\b[Uu]sers?\b|\b[Ss]eats?\b|\b[Ll]icen[cs]es?\b|\b[Uu]se\b|\b[Uu]sing\b|\bused by\b|\b[Aa]ctive\b|\bon the (?:app|platform|system|tool)\b|\b(?:in|on) (?:it|there)\b|\bon (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)[A-Z]\w+\b|\b[Ll]og(?:s|ged|ging)? in(?:to)?\b|\b[Oo]nboarded\b/g,
    accepts: (figure) => Number.isInteger(figure.value) && figure.value >= 2 && figure.unit !== undefined && USER_NOUNS.test(figure.unit.split(' ').pop()!),
  },
];

/** The words before a figure that make it the size of a change: "cut costs by 18 percent", "waste is down 14 percent". */
const CHANGE_BY = /\b(?:by|down|up|dropped|fell|rose|grew|cut|reduced|increased|decreased)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$/i;
const ADOPTION_WORD = /\badopt|\bactive\b|\blog(?:s|ged|ging)? in\b|\blogins?\b|\busage\b|\butili[sz]|\buptake\b|\bpenetration\b|\benrolled\b|\bactivated\b|\bonboarded\b/i;

/** What a share is of when it is not of people: "percent of the hiring manager activity", "of payment volume". */
const SHARE_OF_THINGS =
  /^\s*of\s+(?:the\s+|our\s+|their\s+|all\s+|total\s+)?(?:[\w-]+\s+){0,2}?(?:activity|activities|volume|traffic|transactions?|payments?|revenue|sales|time|hours|spend|spending|budget|costs?|calls|tickets|claims|orders|inventory|cases|requests|work|sessions)\b/i;
/**
 * "They've got 1,200 users on it today", "Priti says they saved 22%": a vendor telling of another customer's
 * results, with no "we" or "you" of this call in the sentence.
 */
const OTHER_PARTY = /\b(?:they|they've|they're|they'd|them|their)\b/i;

/** "At Hexham, your adoption…": the vendor speaking to the customer of its own site. */
const SECOND_PERSON = /\b(?:you|your|you've|you're|yours)\b/i;

/** Not the customer, speaking of a third party ("they", "their") with no "we" or "you" of this call. */
function toldOfAnotherParty(sentence: AnalysedSentence): boolean {
  return sentence.side !== 'customer' && OTHER_PARTY.test(sentence.text) && !FIRST_OR_SECOND_PERSON.test(sentence.text);
}

/**
 * Set at a named organisation that is not the customer ("At Quenby Ropeworks, adoption hit 93 percent", "Quenby
 * Ropeworks cut proofing time by 33 percent"): a known other organisation on any side; an unknown name only on the
 * vendor's side (the customer's "At Leeds" is its own site). The customer's name counts as the customer's only when
 * someone on the customer's side says it: a name only the vendor says may be another customer the vendor tells of.
 */
function atAnotherOrganisation(analysis: CallAnalysis, sentence: AnalysedSentence): boolean {
  const opening = organisationOpening(sentence.text);
  if (opening === undefined || analysis.parties.places.has(opening.name)) return false;
  const words = opening.name.split(/\s+/);
  const customer = analysis.parties.customer;
  const customerWords = new Set(customer?.name.split(/\s+/) ?? []);
  const customerSaysIt = customer !== undefined && customer.sentenceIds.some((id) => analysis.sentenceById.get(id)?.side === 'customer');
  if (customerSaysIt && words.some((word) => customerWords.has(word))) return false;
  if (analysis.people.some((person) => person.name.split(' ').includes(words[0]!))) return false;
  const vendor = opening.subject ? analysis.parties.vendor : undefined;
  const known = analysis.parties.organisations.some((organisation) => organisation !== customer && organisation !== vendor && organisation.name.split(/\s+/).some((word) => words.includes(word)));
  if (known || sentence.side === 'customer') return known;
  // "At Hexham, your adoption is at 93 percent": the vendor speaks of the customer's own site.
  if (SECOND_PERSON.test(sentence.text)) return false;
  // A name as the subject may be the product ("Crumbline cut proofing time…"): the vendor's names and names the customer's side uses are not another organisation.
  return !opening.subject || (!ownNames(analysis).some((own) => own.split(/\s+/).includes(words[0]!)) && !analysis.sentences.some((other) => other.side === 'customer' && other.text.includes(words[0]!)));
}

/** Why the figure at `focus` is someone else's, or a claim rather than a measurement; undefined when it may be this customer's. */
function notThisCustomers(analysis: CallAnalysis, sentence: AnalysedSentence, focus: Span): string | undefined {
  if (isGenericClaim(sentence.text)) return "the vendor's claim about customers in general, not this customer's result";
  if (sentence.side !== 'customer' && citesCaseStudy(sentence.text)) return "a case study's result, not this customer's";
  if (toldOfAnotherParty(sentence)) return "another organisation's result, told by the vendor";
  if (atAnotherOrganisation(analysis, sentence)) return "another organisation's result";
  if (sentence.side === 'vendor' && isVendorsOwnResult(sentence.text) && !SECOND_PERSON.test(sentence.text)) return "the vendor's own result, not the customer's";
  if (isReportedClaim(sentence.text, focus)) return "another party's claim, repeated";
  return undefined;
}

/** The names by which a cause is the product: the vendor's and its products'. */
function ownNames(analysis: CallAnalysis): string[] {
  const vendor = analysis.vendor;
  return [...(analysis.parties.vendor ? [analysis.parties.vendor.name] : []), ...(vendor ? [vendor.company, ...(vendor.aliases ?? []), ...(vendor.products ?? [])] : [])];
}

/** Fields whose result a speaker may put down to something other than the product. */
const CAUSED_FIELDS: ReadonlySet<FieldName> = new Set(['cost_savings', 'revenue_increase', 'efficiency_improvement']);

/** "About 6,800 employees across the whole system", "1,150 employees total": everyone, not the users. */
const HEADCOUNT = /\b(?:employees|staff|people)\s+(?:total|overall|in total|company-wide|across the (?:whole |entire )?(?:company|system|organi[sz]ation|group|business))\b|\b(?:total )?headcount\b|\bacross the whole (?:system|company|organi[sz]ation)\b/i;

/** "Our headcount is 900": the words before a count that make it the headcount. */
const HEADCOUNT_IS = /\bheadcount\s+(?:is|was|of|at)\s+(?:about\s+|around\s+|roughly\s+)?$/i;

/** After a figure, the start of the figure it changed to: "from 40 percent to 85", "31 to 22", "from $2.1 million up to $2.6 million". */
const CHANGED_TO = /^\s*(?:(?:per|a|an)\s+\w+\s+)?(?:down |up )?to\s+(?:about\s+|around\s+|roughly\s+|just\s+|under\s+|over\s+)?(?:[$€£]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)\b)/i;

/** "Adoption went from 40 percent to 85 percent": the first figure is where it started. */
function isBaseline(text: string, figure: Figure): boolean {
  return CHANGED_TO.test(text.slice(figure.end)) && /\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$|\b(?:was|were|at|is)\s+$|^\s*$|[,:]\s*$/i.test(text.slice(0, figure.start));
}

/** After a level, the one it changed from: "£9 million, up from £7.5 million", "$4.1 million a year now, up from $3.2 million". */
const UP_OR_DOWN_FROM = /^\s*(?:(?:now|today|these days|this year)\s*)?,?\s*(?:(?:up|down)\s+)?from\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+)?$/i;

/** The amount that `figures[index]` changed from, said in the sentence: "from $12,000 a month to $8,500", "£9 million, up from £7.5 million". */
function levelBeforeChange(text: string, figures: readonly Figure[], index: number): Figure | undefined {
  const figure = figures[index]!;
  if (figure.kind !== 'money') return undefined;
  const before = figures[index - 1];
  const link = before ? text.slice(before.end, figure.start) : '';
  if (before?.kind === 'money' && before.currency === figure.currency && TIME_CHANGE_LINK.exec(link)?.[0].length === link.length && FROM_BEFORE.test(text.slice(0, before.start))) return before;
  const after = figures[index + 1];
  if (after?.kind === 'money' && after.currency === figure.currency && UP_OR_DOWN_FROM.test(text.slice(figure.end, after.start))) return after;
  return undefined;
}

/** "…up from £7.5 million": the amount a level changed from is not a result of its own. */
function isLevelChangedFrom(text: string, figures: readonly Figure[], index: number): boolean {
  const figure = figures[index]!;
  const level = figures[index - 1];
  return figure.kind === 'money' && level?.kind === 'money' && UP_OR_DOWN_FROM.test(text.slice(level.end, figure.start));
}

/** The saving or the gain from `before` to `after`, at the rate said; undefined when it went the other way. */
function changeBetween(before: Figure, after: Figure, field: FieldName): Figure | undefined {
  const change = Math.round((field === 'cost_savings' ? before.value - after.value : after.value - before.value) * 100) / 100;
  if (!(change > 0)) return undefined;
  const period = after.period ?? before.period;
  return { ...after, value: change, ...(period ? { period } : {}) };
}

/** A change said right after a share: "30 percent faster", "15 percent less". */
const COMPARATIVE_AFTER = /^\s+(?:\w+\s+)?(?:faster|quicker|slower|less|more|fewer|lower|higher|better|cheaper|shorter|longer|savings?|reduction|improvement|increase|decrease|cut|drop)\b/i;

/**
 * "20 to 30 percent faster", "between 20 and 30 percent": a range; neither end is the figure said. Not a change
 * from one level to another ("weekly active users, 40 percent to 85 percent").
 */
function isRangeEnd(text: string, figures: readonly Figure[], index: number): boolean {
  const joined = (first: Figure | undefined, second: Figure | undefined) =>
    first !== undefined &&
    second?.kind === 'percentage' &&
    !FROM_BEFORE.test(text.slice(0, first.start)) &&
    (!isBaseline(text, first) || COMPARATIVE_AFTER.test(text.slice(second.end))) &&
    ((first.kind === 'percentage' && /^\s?(?:to|-|–|or)\s?$/i.test(text.slice(first.end, second.start))) ||
      // "between 20 and 30 percent": the first end is a bare number.
      ((first.kind === 'percentage' || (first.kind === 'count' && first.unit === undefined)) && /^\s+and\s+$/i.test(text.slice(first.end, second.start)) && /\bbetween\s+$/i.test(text.slice(0, first.start))));
  return joined(figures[index], figures[index + 1]) || joined(figures[index - 1], figures[index]);
}

/** "The pilot was 20 users", "we started with 12 people", "last year we had 31 users": not the users now. */
const EARLIER_COUNT = /\b(?:pilot|trial|beta|at first|initially|started (?:with|out)|last year|used to|originally)\b/i;

/** "During the free trial, …", "the pilot had …": a count of the people who tried it. */
const TRIAL = /\b(?:during|in|for|on|through)\s+(?:the|our|a|your)\s+(?:[\w-]+\s+)?(?:pilot|trial|beta)\b|\b(?:pilot|trial|beta)\s+(?:had|has|was|were|with|group|cohort|ran)\b/i;
/** What ends a trial's reach before a count: "the pilot was 20 users; now we have 180". */
const SINCE_THEN = /;|\b(?:now|today|these days|since then|after that|afterwards)\b/i;
/** "We bought 250 licences": licences bought, in the clause before the count. */
const BOUGHT = /\b(?:bought|purchased|paid for|ordered)\b[^,;.]*$/i;

/** "41,000 seats sold across the season": seats sold or booked are an audience's tickets, not licences. */
const SOLD_BEFORE = /\b(?:sold|booked|filled|reserved)\b[^,;.]*$/i;
const SOLD_AFTER = /^\s*(?:[\w-]+\s+)?(?:sold|booked|filled|reserved)\b/i;

/** "Our website gets about 90,000 users a month": the customer's own audience, not people using the product. */
const OWN_AUDIENCE =
  /\b(?:our|their|its|the)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:website|web ?site|site|online (?:store|shop)|web ?shop|app|newsletter|blog|channel|podcast)\s+(?:gets|got|has|had|sees|saw|draws|drew|attracts|attracted|reaches|reached|serves|served|brings in)\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+|some\s+)?$/i;

/**
 * "Logins are up 40 percent", "usage grew by 40 percent", "40 percent more logins": a growth in use, not the share of
 * people who use it ("adoption is up to 85 percent" is a level).
 */
const GROWTH_BEFORE = /\b(?:up|down|rose|risen|grew|grown|increased|jumped|climbed|fell|fallen|dropped|doubled|improved|gone up)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?$/i;
const GROWTH_AFTER = /^\s+(?:more|fewer|higher|lower|increase|growth|rise|jump|up|down)\b/i;

/**
 * "30 percent of the reps still use the old spreadsheet instead of your module", "a quarter haven't logged in": the
 * share not using the product.
 */
const NOT_USING =
  /\binstead of (?:your|the new|using your|using the new)\b|\bstill (?:use|using|on|stick to|prefer)\s+(?:the|their|our)\s+(?:old|previous|legacy|former|paper)\b|\b(?:haven't|have not|hasn't|has not|don't|do not|doesn't|does not|never|won't|will not|refuse to|aren't|are not|not yet|not)\s+(?:even\s+|yet\s+|ever\s+|really\s+)?(?:use|used|using|logged|log|touched|opened|adopted|signed)\b/i;

/** "A return of about 14 percent of orders": a share of things sent back, not a return on the money put in. */
const SHARE_RETURNED = /^\s+of\s+(?:(?:the|our|all|their|its|every|each)\s+)?(?!(?:investment|spend|spending|costs?|outlay|capital|money|budget|what)\b)\p{L}/iu;

/** A group with a special part, not everyone using it: "forty super users trained everybody else", "12 admins". */
const SPECIAL_USERS = /^(?:(?:super|power|key|expert)[ -]?users?|champions|admins|administrators|trainers)$/i;

/** Bought capacity, not people using it: "we licensed seventy-five seats", "80 seats in phase one". */
const CAPACITY_UNIT = /^(?:seats?|licen[cs]es?)$/i;

const HOW_MANY_USERS = new RegExp(`\\bhow many\\s+(?:folks|${USER_NOUN_WORDS}|of (?:you|them|your (?:team|staff|people)))\\b[^?]{0,40}\\b(?:use|uses|using|in|on|log)\\b`, 'i');

/**
 * A clause boundary between a figure and a cue: "No-shows dropped by 18% and our front desks save 12 hours",
 * "40 buyers log in every day, and stockouts are down 12 percent" (a comma, then a new subject and its verb; "café sales" too).
 */
const NEW_CLAUSE = /;|,?\s(?:and|but|while|whereas)\s+(?:our|the|we|they|their|its|it|my|his|her)\b|,\s(?:and|but|while|whereas)\s+\p{L}[\p{L}\w-]*(?:\s\p{L}[\p{L}\w-]*)?\s(?:are|is|was|were|have|has|had|went|got|dropped|fell|rose|came|grew)\b/iu;

/** How close the nearest cue is to the figure: 1 when touching, falling to 0.4 at 120 characters. */
function cueCloseness(text: string, figure: Figure, cue: RegExp): number | null {
  let best: number | null = null;
  cue.lastIndex = 0;
  for (let match = cue.exec(text); match !== null; match = cue.exec(text)) {
    const distance = match.index >= figure.end ? match.index - figure.end : figure.start >= match.index + match[0].length ? figure.start - (match.index + match[0].length) : 0;
    // A cue after the figure is read with the verb that may follow it: ", and café sales grew" opens a clause of its own.
    const between = match.index >= figure.end ? text.slice(figure.end, match.index + match[0].length).concat(/^\s\w+/.exec(text.slice(match.index + match[0].length))?.[0] ?? '') : text.slice(match.index + match[0].length, figure.start);
    if (NEW_CLAUSE.test(between)) continue;
    if (best === null || distance < best) best = distance;
  }
  return best === null ? null : Math.max(0.4, 1 - best / 200);
}

function figureCandidates(analysis: CallAnalysis): Partial<FieldCandidates> {
  const byField: Partial<FieldCandidates> = {};
  const sentences = analysis.sentences;
  const productNames = ownNames(analysis);
  sentences.forEach((sentence, position) => {
    if (sentence.figures.length === 0) return;
    const correctionEnd = correctionCueEnd(sentence.text);
    const previous = sentences[position - 1];
    const correctedBefore = (previous && previous.turnIndex === sentence.turnIndex && CORRECTED_BEFORE.test(previous.text)) || saidWrongEarlier(sentences, position);
    // "How many people use it?" — "About sixty setters and shift leads.": the answer's first count is the user count, whatever it counts.
    const answersUserQuestion = previous !== undefined && previous.turnIndex !== sentence.turnIndex && previous.isQuestion && HOW_MANY_USERS.test(previous.text);
    const userAnswer = answersUserQuestion ? sentence.figures.find((figure) => figure.kind === 'count') : undefined;
    // The next sentence of the same turn may take the figures back: "…by about $3 million over the first year." — "That's a
    // target." (a plan); "People keep saying we saved 20 percent on fuel." — "We didn't." (a denial).
    const next = sentences[position + 1]?.turnIndex === sentence.turnIndex ? sentences[position + 1]!.text : undefined;
    const labelledPlan = next !== undefined && labelsPlan(next);
    const disclaimedNext = next !== undefined && disclaimsCause(next);
    const deniedNext = next !== undefined && deniesWhatWasSaid(next);
    const unmeasured = saysUnmeasured(sentence.text) || (next !== undefined && saysUnmeasured(next));
    sentence.figures.forEach((said, index) => {
      const correcting = correctionEnd >= 0 ? said.start >= correctionEnd : correctedBefore === true;
      const correctedAmount = correcting && said.kind === 'count' && said.unit === undefined && said.value >= 1000 ? latestAmount(byField, sentence) : undefined;
      const figure = correctedAmount ? amountLike(sentence.text, said, correctedAmount) : said;
      // Each figure goes to the field whose cue is nearest.
      let bestRule: FigureRule | null = null;
      let bestCloseness = 0;
      for (const rule of FIGURE_RULES) {
        if (!rule.kinds.includes(figure.kind)) continue;
        if (rule.accepts && !rule.accepts(figure, sentence)) continue;
        const closeness = cueCloseness(sentence.text, figure, rule.cue);
        if (closeness !== null && closeness > bestCloseness + 0.001) {
          bestRule = rule;
          bestCloseness = closeness;
        }
      }
      // "Actually, it's 1.4 million": a correction names no metric; it takes the field of what it corrects.
      if (!bestRule && (correctionEnd >= 0 || correctedBefore)) {
        bestRule = correctedRule(byField, figure, sentence, correctionEnd);
        bestCloseness = 1;
      }
      // "…where the savings were, let's say, imaginative. The number I'm prepared to stand behind is 280,000 pounds a
      // year.": an amount with no cue of its own takes the field named in the sentence before, in the same turn (a bare
      // share is too often of something else: "eighty percent of users are willing to pay more").
      // Not a price ("All in, the renewal comes to $96,000 a year"), nor an amount after an offer or after "it hasn't saved us anything".
      if (!bestRule && figure.kind === 'money' && previous && previous.turnIndex === sentence.turnIndex && sentence.figures.length === 1 && !statesPrice(sentence.text) && !isOffer(previous.text) && !saysCostRose(previous.text, { start: 0, end: 0 })) {
        bestRule = FIGURE_RULES.find((rule) => rule.kinds.includes(figure.kind) && (!rule.accepts || rule.accepts(figure, sentence)) && cueCloseness(previous.text, { ...figure, start: previous.text.length, end: previous.text.length }, rule.cue) !== null) ?? null;
        bestCloseness = 0.2;
      }
      if (!bestRule && figure === userAnswer && Number.isInteger(figure.value) && figure.value >= 2 && (figure.unit === undefined || /s$/.test(figure.unit))) {
        bestRule = FIGURE_RULES.find((rule) => rule.field === 'user_count')!;
        bestCloseness = 0.9;
      }
      if (!bestRule) return;
      const field = bestRule.field;
      const focus = { start: figure.start, end: figure.end };
      // "from $12,000 a month to $8,500 a month": the saving is the difference, not the new bill.
      const levelBefore = field === 'cost_savings' || field === 'revenue_increase' ? levelBeforeChange(sentence.text, sentence.figures, index) : undefined;
      const change = levelBefore ? changeBetween(levelBefore, figure, field) : undefined;
      const shown = change ?? figure;
      const candidate: Candidate = {
        value: formatFigure(shown),
        score: 0.55 + 0.35 * bestCloseness,
        sentence,
        focus,
        figure: shown,
      };
      candidate.score *= SIDE_WEIGHT[sentence.side];
      const text = sentence.text;
      // "250 licences", "80 seats": capacity bought or sold, which may not be people using it.
      const capacity = field === 'user_count' && figure.unit !== undefined && CAPACITY_UNIT.test(figure.unit.split(' ').pop()!);
      const othersResult = notThisCustomers(analysis, sentence, focus);
      if (othersResult) candidate.excluded = othersResult;
      else if (sentence.isQuestion) candidate.excluded = 'only asked about, never stated';
      else if (isPlannedFigure(text, focus) || labelledPlan) candidate.excluded = PLAN;
      else if (CAUSED_FIELDS.has(field) && (disclaimedNext || creditsSomethingElse(text, levelBefore ? { start: focus.start, end: Math.max(focus.end, levelBefore.end) } : focus, productNames))) candidate.excluded = 'put down by the speaker to something other than the product';
      else if (field === 'cost_savings' && isOffer(text, focus)) candidate.excluded = "the vendor's offer, not money saved";
      else if (field === 'cost_savings' && saysCostRose(text, focus)) candidate.excluded = 'a cost that rose, not a saving';
      else if (field === 'roi_percentage' && isInvestmentReturn(text)) candidate.excluded = "an investment's return, not the product's";
      else if (field === 'roi_percentage' && figure.kind === 'percentage' && SHARE_RETURNED.test(text.slice(figure.end))) candidate.excluded = 'a share of things returned, not a return on investment';
      else if (levelBefore && !change) candidate.excluded = field === 'cost_savings' ? 'a cost that rose, not a saving' : 'revenue that fell, not an increase';
      else if (isNeverReached(text, focus)) candidate.excluded = 'a level never reached, not a result';
      else if (unmeasured) candidate.excluded = 'a guess nobody measured, not a result';
      else if (deniedNext) candidate.excluded = DENIED;
      else if (field === 'cost_savings' && isPricePaid(text, focus)) candidate.excluded = 'what the customer pays, not a saving';
      else if (field === 'adoption_rate' && (GROWTH_BEFORE.test(text.slice(0, figure.start)) || GROWTH_AFTER.test(text.slice(figure.end)))) candidate.excluded = 'a growth in use, not the share of people using it';
      else if (field === 'adoption_rate' && NOT_USING.test(clauseOf(text, figure))) candidate.excluded = 'the share not using the product';
      else if (field === 'user_count' && OWN_AUDIENCE.test(text.slice(0, figure.start))) candidate.excluded = "the customer's own audience, not people using the product";
      else if (capacity && (SOLD_BEFORE.test(text.slice(0, figure.start)) || SOLD_AFTER.test(text.slice(figure.end)))) candidate.excluded = 'seats sold to an audience, not people using it';
      else if (isRangeEnd(text, sentence.figures, index)) candidate.excluded = 'one end of a range, not a figure said';
      else if (isLevelChangedFrom(text, sentence.figures, index)) candidate.excluded = 'the level it changed from, not the change';
      if (capacity) {
        // "We bought 250 licences": capacity bought, never a count of users; "250 licences in use" may be.
        if (BOUGHT.test(text.slice(0, figure.start))) candidate.excluded ??= 'seats bought, not people using it';
        candidate.score -= 0.15;
        candidate.note = 'seats bought, not people using it';
      } else if (field === 'user_count' && figure.unit !== undefined && SPECIAL_USERS.test(figure.unit)) {
        candidate.score -= 0.2;
        candidate.note = 'a group with a special part (super users, admins), not everyone using it';
      } else if (field === 'user_count' && HEADCOUNT.test(text)) {
        // "900 employees in total": the headcount itself; "…and 640 of them use it" is not.
        if (HEADCOUNT.test(text.slice(figure.start, figure.end + 30)) || HEADCOUNT_IS.test(text.slice(0, figure.start))) candidate.excluded ??= "the organisation's headcount, not the people using it";
        candidate.score -= 0.2;
        candidate.note = "the organisation's headcount, not the people using it";
      } else if (field === 'user_count' && EARLIER_COUNT.test(text.slice(Math.max(0, figure.start - 40), figure.start).split(/[;.]/).pop()!)) {
        // A trial's users are who tried it, not who uses it.
        candidate.score -= 0.2;
        candidate.note = 'a count from a pilot or an earlier time, not the users now';
      }
      // "310 of our 420 paralegals log in": the 420 is the whole group, the 310 the ones who use it.
      const part = sentence.figures[index - 1];
      if (field === 'user_count' && part?.kind === 'count' && PART_OF.test(text.slice(part.end, figure.start))) candidate.excluded ??= 'the whole group; the count before it is the part that uses it';
      // "During the free trial, 46 users logged in", "the pilot had 25 users, and adoption there was 92 percent": who tried it, not who uses it.
      if ((field === 'user_count' || field === 'adoption_rate') && TRIAL.test(text.slice(0, figure.start).split(SINCE_THEN).pop()!)) candidate.excluded ??= 'a count from a pilot or a trial, not the users now';
      if (!candidate.note && isBaseline(sentence.text, figure)) {
        candidate.score -= 0.3;
        candidate.note = 'the baseline it changed from, not the result';
      } else if (!candidate.note && figure.kind === 'percentage' && (bestRule.field === 'cost_savings' || bestRule.field === 'revenue_increase') && sentence.figures.some((other) => other.kind === 'money')) {
        // "cut costs by 30 percent, roughly $90,000 a year": the amount says more than the rate.
        candidate.score -= 0.1;
        candidate.note = 'a rate; the amount is stated too';
      }
      if (isRetracted(sentence.text, focus)) {
        candidate.score -= 0.4;
        candidate.note = 'taken back in a correction ("not …")';
      } else if ((correctionEnd >= 0 && figure.start >= correctionEnd) || correctedBefore) {
        candidate.score += 0.25;
        candidate.corrects = true;
      }
      if (correctionEnd >= 0 && figure.end <= correctionEnd && isSupersededMention(sentence.text, focus)) {
        candidate.score -= 0.4;
        candidate.note = 'corrected later in the same statement';
      }
      (byField[field] ??= []).push(candidate);
    });
  });
  markSupersededByCorrections(byField);
  markRestatements(byField);
  byField.user_count = [...(byField.user_count ?? []), ...userBaseRestatements(analysis, byField.user_count ?? [])];
  return byField;
}

/** "40 of those 48 logged in", "44 of the 48 have done the training": the count after "of those" is a base said before. */
const SHARE_OF_BASE = /\b[\w,.-]+\s+(?:out\s+)?of\s+(?:those|the|these|our|your)\s+$/i;

/**
 * A user count said again as the base of a share of its people ("52 of those 64 logged in") agrees with the earlier
 * statement of it; only a count already put forward as the users, so "12 of the 40 stores" says nothing.
 */
function userBaseRestatements(analysis: CallAnalysis, users: readonly Candidate[]): Candidate[] {
  // Seats bought, a pilot's count or a headcount carry a note: "52 of the 80 seats" says nothing more of users.
  const stated = users.filter((candidate) => !candidate.excluded && !candidate.note && typeof candidate.value === 'number');
  if (stated.length === 0) return [];
  const restated: Candidate[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.isQuestion) continue;
    for (const figure of sentence.figures) {
      if (figure.kind !== 'count' || !SHARE_OF_BASE.test(sentence.text.slice(Math.max(0, figure.start - 30), figure.start))) continue;
      const earlier = stated.find((candidate) => candidate.value === figure.value && candidate.sentence.id < sentence.id);
      if (!earlier || users.some((candidate) => candidate.sentence.id === sentence.id && candidate.value === figure.value)) continue;
      restated.push({ value: earlier.value, score: earlier.score, sentence, focus: { start: figure.start, end: figure.end }, figure });
    }
  }
  return restated;
}

/** "So, the 310 percent ROI.": a figure named with "the" or "that" points back to one said before. */
const POINTS_BACK = /\b(?:the|that|this|those|these)\s+$/i;

/**
 * A figure said again as "the 310 percent" after it was said as a vendor's claim, a plan or another company's
 * result is still that claim, plan or result: the restatement is excluded for the same reason.
 */
function markRestatements(byField: Partial<FieldCandidates>): void {
  for (const candidates of Object.values(byField)) {
    for (const candidate of candidates ?? []) {
      if (candidate.excluded || !candidate.focus || !POINTS_BACK.test(candidate.sentence.text.slice(Math.max(0, candidate.focus.start - 8), candidate.focus.start))) continue;
      const said = (candidates ?? []).find((other) => other.excluded && other.sentence.id < candidate.sentence.id && valueKey(other.value) === valueKey(candidate.value));
      if (said) candidate.excluded = said.excluded;
    }
  }
}

/** Between the time before and the time after: "from 42 days down to 27 days", "from two days per unit to half a day". */
const TIME_CHANGE_LINK = /^\s*(?:(?:per|a|an|each|every)\s+\w+\s+)?(?:(?:down|up)\s+)?to\s+(?:about\s+|around\s+|roughly\s+|just\s+|under\s+|less than\s+|only\s+)?/i;
const FROM_BEFORE = /\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+)?$/i;
/** A sentence about how long something used to take: "My team used to spend two hours…", "Before, it was about ten days." */
const USED_TO_TAKE = /\b(?:used to|before|previously|originally|in the past|back then|it was taking|would take|when we (?:went live|started|began|kicked off))\b/i;
/** …and one about how long it takes now: "Now it's about twenty minutes", "Last quarter, it was 38 minutes." */
const TAKES_NOW = /\b(?:now|today|these days|nowadays|currently|last (?:quarter|month)|this (?:quarter|month))\b/i;
/** "saves about", "saving us", "gives back": the words before a duration saved. */
const TIME_SAVED = /\b(?:sav(?:e|es|ed|ing)|gives? (?:us |them )?back|free(?:s|d)? up)\b(?:\s+(?:us|them|him|her|me|about|around|roughly|nearly|over|at least|an? extra))*\s*$/i;
/** " a week", " per month", " every day": the rate of a time saved. */
const TIME_SAVED_RATE = /^\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|shift|quarter)\b/i;

/** Between the time now and the time it replaced: " now instead of ", " instead of the usual ". */
const INSTEAD_OF = /^\s+(?:now\s+)?(?:instead of|rather than)\s+(?:the\s+)?(?:usual\s+|old\s+)?(?:about\s+|around\s+|roughly\s+)?/i;

/** How many sentences later the same speaker may say the time it takes now. */
const TIME_CHANGE_REACH = 4;

/**
 * The time something takes, before and after: "we cut time-to-hire from 42 days down to 27 days", "from eleven
 * working days to six", "…now takes about forty minutes. Down from two and a half hours.", or across sentences of
 * one speaker ("My team used to spend two hours every morning on reminder calls. … Now it's about twenty minutes.").
 */
function timeChangeCandidates(analysis: CallAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  const sentences = analysis.sentences;
  const durationsAt = new Map<number, Duration[]>();
  const durationsOf = (position: number) => {
    let found = durationsAt.get(position);
    if (!found) {
      const sentence = sentences[position]!;
      found = sentence.figures.length === 0 ? [] : findDurations(sentence.text);
      durationsAt.set(position, found);
    }
    return found;
  };
  const propose = (sentence: AnalysedSentence, before: Duration, after: Duration, focus: Span, score: number) => {
    if (!(after.hours < before.hours) || before.hours <= 0 || after.hours <= 0) return;
    const candidate: Candidate = { value: formatTimeChange(before, after), score: score * SIDE_WEIGHT[sentence.side], sentence, focus };
    const othersResult = notThisCustomers(analysis, sentence, focus);
    if (othersResult) candidate.excluded = othersResult;
    else if (sentence.isQuestion) candidate.excluded = 'only asked about, never stated';
    else if (isPlannedFigure(sentence.text, focus)) candidate.excluded = PLAN;
    candidates.push(candidate);
  };
  sentences.forEach((sentence, position) => {
    const durations = durationsOf(position);
    if (durations.length === 0) return;
    const text = sentence.text;
    // In one sentence: "from <before> to <after>", "<before> down to <after>".
    durations.forEach((before) => {
      const link = TIME_CHANGE_LINK.exec(text.slice(before.end));
      if (!link) return;
      if (!FROM_BEFORE.test(text.slice(Math.max(0, before.start - 20), before.start)) && !/\bdown\b/i.test(link[0])) return;
      const at = before.end + link[0].length;
      const said = durations.find((duration) => duration.start === at);
      const bare = said ? undefined : findNumbers(text.slice(at)).find((mention) => mention.start === 0);
      const after = said ?? (bare ? durationLike(text, { ...bare, start: at, end: at + bare.end }, before) : undefined);
      if (after) propose(sentence, before, after, { start: before.start, end: after.end }, 0.85);
    });
    // "from 45 to 30 minutes": a bare number before the link takes the unit of the duration after it.
    const numbers = findNumbers(text);
    durations.forEach((after) => {
      const bare = numbers.find((mention) => mention.end < after.start && !durations.some((duration) => duration.start === mention.start) && TIME_CHANGE_LINK.exec(text.slice(mention.end))?.[0].length === after.start - mention.end);
      if (bare && FROM_BEFORE.test(text.slice(Math.max(0, bare.start - 20), bare.start))) propose(sentence, durationLike(text, bare, after), after, { start: bare.start, end: after.end }, 0.85);
    });
    // "It takes two days now instead of nine": the time now, then the time it replaced.
    durations.forEach((after) => {
      const instead = INSTEAD_OF.exec(text.slice(after.end));
      if (!instead) return;
      const at = after.end + instead[0].length;
      const said = durations.find((duration) => duration.start === at);
      const bare = said ? undefined : findNumbers(text.slice(at)).find((mention) => mention.start === 0);
      const before = said ?? (bare ? durationLike(text, { ...bare, start: at, end: at + bare.end }, after) : undefined);
      if (before) propose(sentence, before, after, { start: after.start, end: before.end }, 0.8);
    });
    // "…now takes about forty minutes. Down from two and a half hours."
    const next = sentences[position + 1];
    const downFrom = next && next.turnIndex === sentence.turnIndex ? /^(?:\w+,?\s+)?down from\s+(?:about\s+|around\s+)?/i.exec(next.text) : null;
    if (downFrom) {
      const before = durationsOf(position + 1).find((duration) => duration.start === downFrom[0].length);
      if (before) propose(sentence, before, durations[durations.length - 1]!, { start: durations[durations.length - 1]!.start, end: durations[durations.length - 1]!.end }, 0.8);
    }
    // "Each rep saves about five hours a week": time saved at a rate.
    for (const duration of durations) {
      const rate = TIME_SAVED_RATE.exec(text.slice(duration.end));
      if (!rate || !TIME_SAVED.test(text.slice(Math.max(0, duration.start - 40), duration.start))) continue;
      const focus = { start: duration.start, end: duration.end + rate[0].length };
      const candidate: Candidate = { value: `${duration.text}${rate[0]} saved`, score: 0.65 * SIDE_WEIGHT[sentence.side], sentence, focus };
      const othersResult = notThisCustomers(analysis, sentence, focus);
      if (othersResult) candidate.excluded = othersResult;
      else if (sentence.isQuestion) candidate.excluded = 'only asked about, never stated';
      else if (isPlannedFigure(text, focus)) candidate.excluded = PLAN;
      candidates.push(candidate);
    }
    // Across sentences of one speaker: what it used to take, then what it takes now.
    if (!USED_TO_TAKE.test(text) || sentence.isQuestion) return;
    const before = durations[0]!;
    for (let later = position + 1; later <= position + TIME_CHANGE_REACH && later < sentences.length; later++) {
      const other = sentences[later]!;
      if (other.speaker !== sentence.speaker) continue;
      const now = TAKES_NOW.exec(other.text);
      const after = now ? durationsOf(later).find((duration) => duration.start > now.index) : undefined;
      if (after) {
        propose(other, before, after, { start: after.start, end: after.end }, 0.7);
        break;
      }
    }
  });
  return candidates;
}

/** How far back (in sentences) a correction reaches for the figure it corrects. */
const CORRECTION_REACH = 6;

/** A sentence that announces the next one corrects a figure: "Sorry, …", "I re-ran that with the new volumes." */
const CORRECTED_BEFORE =
  /\b(?:sorry|misspoke|correction|wrong|mistake|old (?:sheet|number|figure)|re-?ran|re-?checked|re-?calculated|re-?did|double-checked|checked (?:again|that again))\b/i;

/** "That's not right. 212 includes the contractors. … It's 186.": someone says another's figure is wrong, then gives theirs. */
const THAT_IS_WRONG = /\b(?:that's|that is|it's|it is|this is|those are|that number is|the number is)\s+(?:not right|not correct|wrong|out of date|outdated)\b|\bisn't right\b/i;
/** How many sentences of one speaker may come between "that's not right" and the figure that corrects it. */
const WRONG_REACH = 3;

function saidWrongEarlier(sentences: readonly AnalysedSentence[], position: number): boolean {
  const speaker = sentences[position]!.speaker;
  for (let earlier = position - 1; earlier >= Math.max(0, position - WRONG_REACH); earlier--) {
    const sentence = sentences[earlier]!;
    if (speaker === null || sentence.speaker !== speaker) return false;
    if (THAT_IS_WRONG.test(sentence.text)) return true;
  }
  return false;
}

/** The latest amount of money within reach before a correction. */
function latestAmount(byField: Partial<FieldCandidates>, sentence: AnalysedSentence): Figure | undefined {
  let latest: Candidate | undefined;
  for (const candidates of Object.values(byField)) {
    for (const candidate of candidates ?? []) {
      const id = candidate.sentence.id;
      if (candidate.figure?.kind !== 'money' || candidate.excluded || id >= sentence.id || sentence.id - id > CORRECTION_REACH) continue;
      if (!latest || id > latest.sentence.id) latest = candidate;
    }
  }
  return latest?.figure;
}

/** The rule of the latest figure of the same kind within the few sentences before a correction. */
function correctedRule(byField: Partial<FieldCandidates>, figure: Figure, sentence: AnalysedSentence, correctionEnd: number): FigureRule | null {
  let latest: { rule: FigureRule; id: number } | null = null;
  for (const rule of FIGURE_RULES) {
    for (const candidate of byField[rule.field] ?? []) {
      const id = candidate.sentence.id;
      // "People say we saved 20 percent, but actually it is 8 percent": a figure before the cue of the same sentence is corrected too.
      const earlierInSentence = id === sentence.id && correctionEnd >= 0 && (candidate.focus?.end ?? Infinity) <= correctionEnd;
      // A figure denied right before the correction is the one it corrects.
      if ((id >= sentence.id && !earlierInSentence) || sentence.id - id > CORRECTION_REACH || (candidate.excluded && candidate.excluded !== DENIED)) continue;
      // "It's 186.": a bare count that corrects "212 named users" counts what it corrects.
      const counted = figure.unit === undefined && candidate.figure?.kind === figure.kind && candidate.figure.unit !== undefined ? { ...figure, unit: candidate.figure.unit } : figure;
      if (rule.accepts && !rule.accepts(counted, sentence)) continue;
      if (typeof candidate.value !== typeof formatFigure(figure)) continue;
      if (String(candidate.value).includes('%') !== (figure.kind === 'percentage')) continue;
      if (!latest || id > latest.id) latest = { rule, id };
    }
  }
  return latest?.rule ?? null;
}

/** A corrected figure loses to the correction: earlier candidates of the field with another value are marked. */
function markSupersededByCorrections(byField: Partial<FieldCandidates>): void {
  for (const candidates of Object.values(byField)) {
    for (const correction of candidates ?? []) {
      if (!correction.corrects || correction.excluded) continue;
      for (const earlier of candidates ?? []) {
        const before = earlier.sentence.id < correction.sentence.id || (earlier.sentence.id === correction.sentence.id && (earlier.focus?.end ?? Infinity) <= (correction.focus?.start ?? -Infinity));
        if (!before || earlier.excluded || valueKey(earlier.value) === valueKey(correction.value)) continue;
        earlier.score -= 0.4;
        earlier.note = `superseded by a correction later in the call`;
      }
    }
  }
}

/** What the call says about names, for the type checks. */
function checkContext(analysis: CallAnalysis): FieldCheckContext {
  const firstNames = new Set(analysis.people.map((person) => person.name.split(' ')[0]!));
  const customer = analysis.parties.customer?.name;
  const vendor = analysis.vendor;
  return {
    vocabulary: analysis.vocabulary,
    places: analysis.parties.places,
    firstNames,
    ...(customer ? { customerName: customer } : {}),
    ...(vendor ? { vendorNames: [vendor.company, ...(vendor.aliases ?? [])], vendorDomains: vendor.domains ?? [] } : {}),
  };
}

/** Only values of the field's type compete: "Mm-hmm" is no product, "Grad B" no contact, a city no company. */
function typed(field: FieldName, candidates: readonly Candidate[], context: FieldCheckContext): Candidate[] {
  return candidates.filter((candidate) => checkFieldValue(field, candidate.value, context).ok);
}

/** All candidates of all fields, each of its field's type. */
export function extractCandidates(analysis: CallAnalysis): FieldCandidates {
  const context = checkContext(analysis);
  const figures = figureCandidates(analysis);
  const contacts = typed('primary_contact', contactCandidates(analysis), context);
  const contact = chooseField(contacts, RIVAL_MARGIN.primary_contact);
  const contactName = contact.value === null ? null : String(contact.value);
  return {
    company_name: typed('company_name', companyCandidates(analysis), context),
    industry: typed('industry', industryCandidates(analysis), context),
    location: typed('location', locationCandidates(analysis), context),
    primary_contact: contacts,
    contact_position: typed('contact_position', positionCandidates(analysis, contactName), context),
    contact_email: typed('contact_email', emailCandidates(analysis, contactName), context),
    start_date: startDateCandidates(analysis),
    completion_date: dateCandidates(analysis, END_CUE, START_CUE),
    product_name: typed('product_name', productCandidates(analysis), context),
    cost_savings: figures.cost_savings ?? [],
    revenue_increase: figures.revenue_increase ?? [],
    roi_percentage: figures.roi_percentage ?? [],
    user_count: figures.user_count ?? [],
    adoption_rate: figures.adoption_rate ?? [],
    efficiency_improvement: [...(figures.efficiency_improvement ?? []), ...timeChangeCandidates(analysis)],
  };
}

/** The fields of a snapshot, each chosen from its candidates. */
export function extractFields(analysis: CallAnalysis): { fields: Record<FieldName, SnapshotField>; candidates: FieldCandidates } {
  const candidates = extractCandidates(analysis);
  const fields = Object.fromEntries(
    (Object.keys(candidates) as FieldName[]).map((name) => [name, chooseField(candidates[name], RIVAL_MARGIN[name])]),
  ) as Record<FieldName, SnapshotField>;
  withDatesInOrder(fields);
  return { fields, candidates };
}

/** Sentences that support each field's chosen value (for section ranking). */
export function supportingSentences(candidates: FieldCandidates, fields: Record<FieldName, SnapshotField>): Map<number, FieldName[]> {
  const support = new Map<number, FieldName[]>();
  for (const name of Object.keys(candidates) as FieldName[]) {
    const field = fields[name];
    if (field.value === null) continue;
    for (const candidate of candidates[name]) {
      if (candidate.excluded || valueKey(candidate.value) !== valueKey(field.value)) continue;
      support.set(candidate.sentence.id, [...(support.get(candidate.sentence.id) ?? []), name]);
    }
  }
  return support;
}


/** A figure said as a target or a plan, for a field the call gives no result for. */
export interface StatedPlan {
  field: FieldName;
  sentence: AnalysedSentence;
  focus?: Span;
}

/**
 * "Our goal is 15 percent fewer stockouts": the targets and plans of the figure fields that have no value, so the
 * sections can say what was planned rather than only that nothing was measured.
 */
export function statedPlans(candidates: FieldCandidates, fields: Record<FieldName, SnapshotField>): StatedPlan[] {
  return (Object.keys(candidates) as FieldName[]).flatMap((field) =>
    fields[field].value !== null
      ? []
      : candidates[field].filter((candidate) => candidate.excluded === PLAN).map((candidate) => ({ field, sentence: candidate.sentence, ...(candidate.focus ? { focus: candidate.focus } : {}) })),
  );
}

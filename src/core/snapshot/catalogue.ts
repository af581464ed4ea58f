/**
 * The snapshot catalogue: the 11 sections and 15 fields as data, in one place.
 * Everything that differs between sections (what they cover, the words that
 * signal them, the fields they need) lives here so that the offline engine,
 * the language-model prompts and the tools describe a section the same way.
 * `validateFieldValue` is the single gate for values a person types in.
 */

import { InputError } from '../errors.js';
import type { FieldName, FieldValue, SectionSlug } from './types.js';

export type FieldType = 'string' | 'date' | 'money' | 'percentage' | 'integer' | 'email';

export interface FieldSpec {
  name: FieldName;
  label: string;
  description: string;
  type: FieldType;
  example: FieldValue;
  /** Checks and normalises a raw value. */
  parse: (raw: unknown) => FieldParse;
}

export interface SectionSpec {
  slug: SectionSlug;
  title: string;
  /** What the section covers; shown to people and used in model prompts. */
  description: string;
  /** Words (lower case, any inflection) whose presence signals the section. */
  vocabulary: readonly string[];
  /** Phrases that speak to the section more surely than single words ("used to", "went from … to"). */
  cues: RegExp;
  /** Fields without which the section is incomplete; lowers confidence when missing. */
  requiredFields: readonly FieldName[];
  /** Fields that enrich the section when the call states them. */
  valuableFields: readonly FieldName[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What a field's check makes of a raw value: the normalised value, or why not (null: not even the right kind of value). */
export type FieldParse = { ok: true; value: FieldValue } | { ok: false; reason: string | null };

const accept = (value: FieldValue): FieldParse => ({ ok: true, value });
const reject = (reason: string | null): FieldParse => ({ ok: false, reason });
const WRONG_KIND = reject(null);

/** A finite number, as JSON can carry it (NaN and infinities are not values). */
const isNumber = (raw: unknown): raw is number => typeof raw === 'number' && Number.isFinite(raw);

const text = (max: number) => (raw: unknown): FieldParse => {
  if (typeof raw !== 'string') return WRONG_KIND;
  const value = raw.trim();
  if (value.length === 0) return reject('must not be empty');
  return value.length > max ? reject(`must be at most ${max} characters`) : accept(value);
};

function isoDate(raw: unknown): FieldParse {
  if (typeof raw !== 'string') return WRONG_KIND;
  const value = raw.trim();
  return isRealDate(value) ? accept(value) : reject('must be a calendar date written YYYY-MM-DD');
}

/** "$1,200,000", "CA$350,000", "EUR 40,000 per year", "1.2 million dollars"; a percentage where only a rate was stated. */
const MONEY = /^(?:(?:CA|C|US|AU|A|NZ|HK|S|MX)?\$\s?|[€£¥]\s?|(?:USD|EUR|GBP|CAD|AUD|NZD|HKD|SGD|JPY|CHF|INR|CNY|MXN|SEK|NOK|DKK|ZAR)\s)?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|thousand|million|billion))?(?:\s(?:dollars|euros|pounds|USD|EUR|GBP))?(?:\s(?:per|a|an)\s\w+)?$/i;
const PERCENT = /^-?\d+(?:\.\d+)?\s?(?:%|percent)$/i;

function money(raw: unknown): FieldParse {
  let value: string;
  if (isNumber(raw)) {
    if (raw < 0) return reject('must not be negative');
    value = `$${raw.toLocaleString('en-US')}`;
  } else if (typeof raw === 'string') value = raw.trim();
  else return WRONG_KIND;
  return MONEY.test(value) || PERCENT.test(value) ? accept(value) : reject('must be an amount such as "$250,000", "CA$250,000" or "EUR 40,000 per year" (or a percentage such as "12%")');
}

/** 35 and "35 percent" are written "35%"; null when the value is neither a number nor text. */
function asPercentText(raw: unknown): string | null {
  if (isNumber(raw)) return `${raw}%`;
  return typeof raw === 'string' ? raw.trim().replace(/\s?percent$/i, '%') : null;
}

function percentage(raw: unknown): FieldParse {
  const value = asPercentText(raw);
  if (value === null) return WRONG_KIND;
  return PERCENT.test(value) ? accept(value) : reject('must be a percentage such as "35%"');
}

/** "from 42 days to 27 days (36% less time)": the time a process took before and after, with the share saved; or "five hours a week saved". */
const TIME_CHANGE = /^from \S.{0,60} to \S.{0,60}?(?: \(\d+% less time\))?$|^\S.{0,40} (?:a|an|per|each|every) \w+ saved$/i;

function efficiency(raw: unknown): FieldParse {
  const value = asPercentText(raw);
  if (value === null) return WRONG_KIND;
  return PERCENT.test(value) || TIME_CHANGE.test(value)
    ? accept(value)
    : reject('must be a percentage such as "35%", a time before and after such as "from 42 days to 27 days", or a time saved such as "five hours a week saved"');
}

/** A count: a number, or digits with thousands commas ("1,200"). */
function integer(raw: unknown): FieldParse {
  let value: number;
  if (isNumber(raw)) value = raw;
  else if (typeof raw === 'string' && /^\d[\d,]*$/.test(raw.trim())) value = Number(raw.trim().replace(/,/g, ''));
  else return WRONG_KIND;
  if (!Number.isSafeInteger(value)) return reject('must be a whole number');
  if (value < 0) return reject('must not be negative');
  return value > 1e9 ? reject('is implausibly large') : accept(value);
}

/** The e-mail addresses people type: dot-separated local parts, a dotted domain ending in letters. */
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

function email(raw: unknown): FieldParse {
  if (typeof raw !== 'string') return WRONG_KIND;
  const value = raw.trim().toLowerCase();
  return EMAIL.test(value) ? accept(value) : reject('must be an e-mail address such as "name@example.com"');
}

function field(name: FieldName, label: string, type: FieldType, description: string, example: FieldValue, parse: (raw: unknown) => FieldParse): FieldSpec {
  return { name, label, type, description, example, parse };
}

export const FIELDS: Readonly<Record<FieldName, FieldSpec>> = {
  company_name: field('company_name', 'Company', 'string', 'The customer organisation the snapshot is about (not the vendor).', 'Northwind Freight', text(120)),
  industry: field('industry', 'Industry', 'string', "The customer's industry or line of business, in the customer's words where possible.", 'Freight and logistics', text(120)),
  location: field('location', 'Location', 'string', "Where the customer is headquartered or based.", 'Savannah, Georgia', text(160)),
  primary_contact: field('primary_contact', 'Primary contact', 'string', "The customer's main person for this engagement.", 'Nora Vance', text(120)),
  contact_position: field('contact_position', 'Contact position', 'string', "The primary contact's job title.", 'VP of Operations', text(120)),
  contact_email: field('contact_email', 'Contact e-mail', 'email', "The primary contact's e-mail address, only when the call states it.", 'dana@example.com', email),
  start_date: field('start_date', 'Start date', 'date', 'When the engagement or project started or kicked off (YYYY-MM-DD).', '2025-01-13', isoDate),
  completion_date: field('completion_date', 'Completion date', 'date', 'When the engagement ended, went live or is due to end (YYYY-MM-DD).', '2025-03-03', isoDate),
  product_name: field('product_name', 'Product', 'string', "The vendor's product or service the customer uses.", 'Lanefield Dispatch', text(120)),
  cost_savings: field('cost_savings', 'Cost savings', 'money', 'Money the customer saved, as stated (an amount, or a percentage when only a rate was given).', '$1,400,000 per year', money),
  revenue_increase: field('revenue_increase', 'Revenue increase', 'money', 'Additional revenue the customer attributes to the solution (an amount, or a growth percentage).', '$2,300,000', money),
  roi_percentage: field('roi_percentage', 'ROI', 'percentage', 'Return on investment the customer reports, as a percentage.', '240%', percentage),
  user_count: field('user_count', 'Users', 'integer', 'How many people use the product (users, seats, licences).', 420, integer),
  adoption_rate: field('adoption_rate', 'Adoption rate', 'percentage', 'Share of the intended users actively using the product.', '92%', percentage),
  efficiency_improvement: field(
    'efficiency_improvement',
    'Efficiency improvement',
    'percentage',
    'How much faster or less effortful a process became: a percentage, the time it took before and after with the share saved ("from 42 days to 27 days (36% less time)"), or a time saved at a rate ("five hours a week saved").',
    '70%',
    efficiency,
  ),
};

/** Older name of `FIELDS`, still imported by the renderers. */
export const FIELD_CATALOGUE = FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

function section(
  slug: SectionSlug,
  title: string,
  description: string,
  vocabulary: string,
  cues: RegExp,
  requiredFields: FieldName[],
  valuableFields: FieldName[],
): SectionSpec {
  return { slug, title, description, vocabulary: vocabulary.trim().split(/\s+/).filter(Boolean), cues, requiredFields, valuableFields };
}

/** The sections, in the order a snapshot presents them. */
export const SECTIONS: readonly SectionSpec[] = [
  section(
    'customer_information',
    'Customer Information',
    'Who the customer is: company name, industry, location, the primary contact and their role, and contact details.',
    // Not "based": alone it is "cloud-based" or "based on"; the cue below takes "based in".
    'company industry headquarters headquartered located office name title role contact email organization business founded employees',
    /\b(?:headquartered|headquarters|based (?:in|out of)|located in|company name|we(?:'re| are) an? \w+|my (?:job )?title|my role|parent (?:company|group)|subsidiary|owned by|part of (?:the|a) [\w ]{0,30}group|holding|(?:every|each|all) (?:\w+ )?compan(?:y|ies) in the group|(?:out of )?our own budget|signed the contract)\b/gi,
    ['company_name', 'industry'],
    ['location', 'primary_contact', 'contact_position', 'contact_email'],
  ),
  section(
    'background',
    'Background',
    'The situation before the engagement: the challenges, pain points and goals that led the customer to act.',
    'challenge problem struggle struggling issue pain manual spreadsheet spreadsheets before previously legacy difficult slow goal goals need needed why reason lacking gap',
    /\bstruggl\w*|\bproblems?\b|\bchallenges?\b|\bpain\b|\bmanual(?:ly)?\b|\bspreadsheets?\b|\bused to\b|\bbefore (?:we (?:had|used|started|switched|got|implemented|rolled)|using|switching|implementing|adopting)\b|\bprevious(?:ly)?\b|\bhistorically\b|\bold (?:system|process|way|tool)s?\b|\b(?:was|were) (?:hovering|stuck|running) (?:around|at)\b|\b(?:wasn't|isn't|doesn't|didn't|don't) work\w*|\bhard to\b|\bno (?:live |real )?(?:view|way|visibility)\b|\bcouldn't\b|\bkilling us\b|\bbreaking point\b|\bwhiteboard\b|\bby hand\b|\bby phone\b|\bon paper\b|\bpaper (?:forms?|sign-?up|sheets?|binders?|logs?)\b|\bnot unified\b|\bdifferent places\b|\ba mess\b|\bchao(?:s|tic)\b|\bits own (?:way|process|system|tool)\b|\bno (?:idea|data)\b|\bshared (?:mailbox|inbox|calendar|drive)\b|^before\b|\bbefore that\b|\bwe were (?:on|using|running)\b|\blegacy\b|\breplac(?:e|ed|ing)\b|\bswitch(?:ed)? (?:off|from)\b|\bmoved (?:off|away from)\b|\bfell over\b|\bthat's when\b|\bwhat (?:made|got) (?:you|us)\b|\b(?:event|storm|outage|incident|crisis|surge|spike|audit|acquisition|merger|breach|recall|backlog|wake-up call|last straw)\b/gi,
    ['company_name'],
    [],
  ),
  section(
    'solution',
    'Solution',
    'What was implemented: the product, platform, components, deliverables and how they address the challenges.',
    'solution product platform implement implemented implementation deliver deliverable deliverables dashboard connector integration integrate tool module feature build built deploy deployed configure rollout license licensed cloud application',
    /\b(?:implement\w*|deploy\w*|rolled out|roll out|integrat\w+|connector|built|build|configur\w+|set up|licensed|platform|module|deliverables?|dashboards?|chose|selected|proof of concept|data catalog\w*|training materials?)\b/gi,
    ['product_name'],
    ['company_name'],
  ),
  section(
    'engagement_details',
    'Engagement Details',
    'How the engagement runs: timeline, start and completion dates, budget or hours, phases, milestones and the team members on both sides with their roles.',
    'timeline date start end kickoff phase phases milestone milestones deadline week weeks hours billable budget block plan schedule team member members sponsor manager director stakeholder pilot review roadmap duration',
    /\b(?:kick(?:ed)?[- ]?off|phases?|milestones?|timeline|deadlines?|budget\w*|billable|block|pilot|work ?plan|sponsor|stakeholders?|go-live|weeks?|daily (?:meeting|sync|standup))\b/gi,
    ['start_date'],
    ['completion_date', 'primary_contact'],
  ),
  section(
    'results_achievements',
    'Results and Achievements',
    'Measurable outcomes and achievements: improvements over the previous state, quantified where the call gives figures.',
    'result results achieve achieved achievement improvement improved improve measurable outcome reduced reduction increase increased faster drop dropped down better resolved percent',
    /\b(?:went from|dropped|fell|(?:down|up) (?:by|to|from)|reduced|improv\w+|saved|faster|now (?:takes|it's|we|they)|results?|achiev\w+|measurable|outcomes?|fixed|resolved|no longer|since (?:go-live|we went live|launch|we launched))\b/gi,
    [],
    ['efficiency_improvement', 'cost_savings', 'revenue_increase', 'roi_percentage', 'adoption_rate'],
  ),
  section(
    'adoption_usage',
    'Adoption and Usage',
    'How widely and how well the product is used: user counts, adoption rates, usage monitoring, onboarding and training.',
    'adoption adopt adopted usage use using users user active login logins onboard onboarding training trained rollout seats licenses monitoring engagement daily weekly',
    /\b(?:users?|adopt\w*|usage|log(?:s|ged)? in|logins?|active|onboard\w*|training|trained|rollout|rolled (?:it )?out to|seats?|licen[cs]es|monitor\w*|holdouts?|refresher)\b/gi,
    [],
    ['user_count', 'adoption_rate'],
  ),
  section(
    'financial_impact',
    'Financial Impact',
    'Money: cost savings, revenue increase, return on investment and time savings that translate into money.',
    'cost costs saving savings save saved revenue roi return investment financial dollar dollars money budget spend expense profit margin time saver saving overtime',
    /[$€£]|\b(?:dollars?|euros?|pounds|costs?|savings?|saver|ROI|return on investment|revenue|budget|spend\w*|spent|overtime|expenses?|money|time sav\w*|pricing|prices?|fuel|payback|paid (?:for itself|back)|working capital|premiums?|fees|(?:not|haven't|never) (?:been )?(?:measured|calculated|quantified)|too early)\b/gi,
    [],
    ['cost_savings', 'revenue_increase', 'roi_percentage'],
  ),
  section(
    'long_term_impact',
    'Long-Term Impact',
    'Where this leads: strategic value, scaling and expansion plans, future use and lasting changes for the customer.',
    'future next scale scaling expand expansion grow growth strategic roadmap wider broader eventually year years sustain self-service vision later renewal continue',
    /\b(?:long[- ]term|longer term|future|next year|roadmap|scal(?:e|ing)|expan\w+|wider|broader|eventually|bigger (?:win|teams|picture)|vision|self[- ]service|propagate|across the (?:network|company|organi[sz]ation|business)|next steps?|going forward|(?:we're|we are) looking at|we want to (?:bring|add|extend|connect|roll)|next (?:phase|wave|waves|module)|phase (?:two|2|three|3)|(?:two|three|next) waves|renew\w*|extension|extend(?:ing)? (?:it|this|the)|roll(?:ing)? (?:it |this )?out to|on (?:the|our) (?:plan|roadmap) for|considering|thinking about|looking into|interested in|down the road|at some point|add-?on)\b/gi,
    [],
    [],
  ),
  section(
    'visuals',
    'Visuals',
    'Visual material for the snapshot: charts, screenshots, dashboards or slides mentioned or shown in the call, or that none is available yet.',
    'visual visuals chart charts graph screenshot screenshots screen slide slides deck diagram image picture dashboard video share showing',
    /\b(?:screenshots?|charts?|graphs?|slides?|deck|diagrams?|images?|pictures?|visuali[sz]ations?|share (?:my|your) screen)\b/gi,
    [],
    [],
  ),
  section(
    'additional_commentary',
    'Additional Commentary',
    'Other notable remarks: quotes worth keeping, open issues, risks, advice and follow-ups not covered elsewhere.',
    'advice recommend concern risk issue follow-up quote excited happy appreciate important note feedback lesson worry',
    /\b(?:advice|recommend\w*|lessons?|would tell|concerns?|risks?|worr\w+|excited|happy|love|appreciate|hard sell|offline|escalat\w+|requests?|thank you|feedback|(?:the )?biggest (?:thing|difference|change|win)|best (?:part|thing)|game[- ]changer|night and day|wouldn't go back|(?:didn't|don't) trust|workaround|bugs?|glitch\w*|getting in the way|-ish|still (?:a few|a couple|some) (?:issues|problems|weird ones|bugs))\b/gi,
    [],
    [],
  ),
  section(
    'executive_summary',
    'Executive Summary',
    'A short overview drawn only from the other sections: who the customer is, what was done and the main outcomes.',
    '',
    /(?!)/g,
    ['company_name'],
    ['product_name', 'cost_savings', 'revenue_increase', 'roi_percentage', 'efficiency_improvement', 'user_count', 'adoption_rate'],
  ),
];

export const SECTION_SLUGS: readonly SectionSlug[] = SECTIONS.map((spec) => spec.slug);

const SECTIONS_BY_SLUG = new Map(SECTIONS.map((spec) => [spec.slug, spec]));

export function sectionSpec(slug: SectionSlug): SectionSpec {
  const spec = SECTIONS_BY_SLUG.get(slug);
  if (!spec) throw new InputError('INVALID_ARGUMENT', `Unknown section "${slug}".`);
  return spec;
}

/** Sections whose content changes when `field` changes; the executive summary always does. */
export function sectionsUsingField(field: FieldName): SectionSlug[] {
  return SECTIONS.filter(
    (spec) => spec.slug === 'executive_summary' || spec.requiredFields.includes(field) || spec.valuableFields.includes(field),
  ).map((spec) => spec.slug);
}

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELDS, name);
}

/**
 * Checks and normalises a value a person gives for a field (the
 * `update_snapshot_field` tool): trims text, writes percentages as "35%",
 * turns "1,200" into 1200 for counts, lower-cases e-mails.
 * @throws InputError FIELD_INVALID naming the field and what is expected.
 */
export function validateFieldValue(name: string, raw: unknown): FieldValue {
  if (!isFieldName(name)) {
    throw new InputError('FIELD_INVALID', `Unknown field "${name}". Fields: ${FIELD_NAMES.join(', ')}.`);
  }
  const spec = FIELDS[name];
  const parsed = spec.parse(raw);
  if (!parsed.ok) {
    throw new InputError('FIELD_INVALID', `${spec.label} (${name}) ${parsed.reason ?? `must be a ${spec.type} value, e.g. ${JSON.stringify(spec.example)}`}.`);
  }
  return parsed.value;
}

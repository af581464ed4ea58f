/**
 * Ranks the sentences of a call for each section and picks a few, diverse
 * ones. A sentence scores by the section's vocabulary (stemmed like the search
 * index, weighted by rarity), by holding the evidence of one of the section's
 * fields, by answering a question about the section, and by who says it (the
 * customer's account of results outranks the vendor's). Picks are spread out:
 * at most two per turn in a section, near-duplicates skipped, and a sentence
 * already used by an earlier section is taken again only if nothing else fits.
 * Scoring is lazy, for long calls: every sentence gets a cheap upper bound,
 * and only those whose bound could still beat the picks are scored in full,
 * which picks exactly what scoring them all would.
 */

import { distinctTerms } from '../search/analyze.js';
import type { AnalysedSentence, CallAnalysis } from './analysis.js';
import { SECTION_SLUGS, sectionSpec } from './catalogue.js';
import { isGenericClaim, isHypothetical, isSmallTalk } from './statements.js';
import type { FieldName, SectionSlug } from './types.js';

export interface RankedSentence {
  sentence: AnalysedSentence;
  score: number;
}

export interface RankingContext {
  analysis: CallAnalysis;
  /** sentence id -> fields whose chosen value it supports. */
  fieldSupport: ReadonlyMap<number, FieldName[]>;
  /** Inverse document frequency of each term over the call's sentences. */
  idf: ReadonlyMap<string, number>;
  /** Sentence ids already shown, with how many sections show them. */
  used: Map<number, number>;
}

/** What lowers a sentence whatever the section, worked out once per sentence and call. */
interface SentenceTraits {
  metaTalk: boolean;
  leansOnContext: boolean;
  statesRole: boolean;
  generic: boolean;
  hypothetical: boolean;
  agenda: boolean;
  /** Thanks, greetings, "see you next week": nothing a section could use. */
  smallTalk: boolean;
  /** "We haven't measured the savings", "too early to tell": what money the call could not state. */
  unmeasured: boolean;
  /** Something still to decide or deliver: a renewal before a board, an extension, a recovery plan, a module under consideration. */
  openItem: boolean;
  /** The event that set the project off. */
  trigger: boolean;
  /** A partner who did part of the work. */
  partner: boolean;
  /** Errors, false alarms, latency, idle time, trust, with a figure: how well the work is done. */
  qualityMeasure: boolean;
  /** What went wrong and why a date slipped: "the data was in a much worse state than we had assumed". */
  setback: boolean;
  /** "It's working capital, not savings", "that was a one-off": what kind of money a figure is. */
  moneyKind: boolean;
}

/** The traits of a call's sentences, worked out when a sentence is first scored. */
interface CallTraits {
  roleStatements: ReadonlySet<number>;
  byPosition: Array<SentenceTraits | undefined>;
}

const traitCache = new WeakMap<CallAnalysis, CallTraits>();

/** The traits of the sentence at `position` in `analysis.sentences`. */
function traitsAt(analysis: CallAnalysis, position: number): SentenceTraits {
  let call = traitCache.get(analysis);
  if (!call) {
    call = { roleStatements: new Set(analysis.people.flatMap((person) => person.roleSentenceIds)), byPosition: new Array(analysis.sentences.length) };
    traitCache.set(analysis, call);
  }
  let traits = call.byPosition[position];
  if (!traits) {
    const sentence = analysis.sentences[position]!;
    traits = {
      metaTalk: META_TALK.test(sentence.text),
      leansOnContext: sentence.wordCount < 14 && LEANS_ON_CONTEXT.test(sentence.text),
      statesRole: call.roleStatements.has(sentence.id),
      generic: isGenericClaim(sentence.text),
      hypothetical: isHypothetical(sentence.text, { start: 0, end: 0 }) || sentence.figures.some((figure) => isHypothetical(sentence.text, figure)),
      agenda: sentence.figures.length === 0 && AGENDA_TOPIC.test(sentence.text) && AGENDA_ORDER.test(sentence.text),
      // An amount or a share said in passing ("thanks for the time, we saved 12 percent") is content after all.
      smallTalk: sentence.wordCount <= 25 && !sentence.figures.some((figure) => figure.kind === 'money' || figure.kind === 'percentage') && isSmallTalk(sentence.text),
      unmeasured: !sentence.isQuestion && UNMEASURED.test(sentence.text),
      openItem: !sentence.isQuestion && (OPEN_DECISION.test(sentence.text) || GOVERNANCE_BODY.test(sentence.text)),
      trigger: TRIGGER.test(sentence.text),
      partner: PARTNER.test(sentence.text),
      qualityMeasure: !sentence.isQuestion && sentence.figures.length > 0 && QUALITY_MEASURE.test(sentence.text),
      setback: !sentence.isQuestion && SETBACK.test(sentence.text),
      moneyKind: !sentence.isQuestion && MONEY_KIND.test(sentence.text),
    };
    call.byPosition[position] = traits;
  }
  return traits;
}

/**
 * The traits that give a section's highest score: none that lowers it, and
 * "hypothetical" only where it raises it (the long-term outlook). Bounds use
 * them, so a sentence's traits are worked out only if it is scored.
 */
function mostFavourableTraits(slug: SectionSlug): SentenceTraits {
  return {
    metaTalk: false,
    leansOnContext: false,
    statesRole: false,
    generic: false,
    hypothetical: slug === 'long_term_impact',
    agenda: false,
    smallTalk: false,
    unmeasured: slug === 'financial_impact',
    openItem: OPEN_ITEM_SECTIONS.has(slug),
    trigger: slug === 'background',
    partner: slug === 'solution' || slug === 'engagement_details',
    qualityMeasure: slug === 'results_achievements' || slug === 'background',
    setback: SETBACK_SECTIONS.has(slug),
    moneyKind: slug === 'financial_impact',
  };
}

/** Counted people and vehicles that say how big an organisation is, when there are many ("340 employees", "a fleet of 176 vehicles"). */
const HEADCOUNT = /(?:^|\s)(?:employees|people|staff|members|students|faculty|beds|drivers|families|vehicles|trucks|vans)$/i;
const SIZEABLE_HEADCOUNT = 50;
/** "Two sites" is as often a detail of a story as the organisation's size. */
const SEVERAL_PREMISES = 3;
/** Counted places an organisation runs: a few already say how big it is ("four hospitals", "fourteen plants"). */
const PREMISES =
  /(?:^|\s)(?:stores|shops|plants|factories|sites|hospitals|clinics|locations|branches|offices|states|countries|depots|schools|campuses|restaurants|hotels|warehouses|facilities)$/i;

/** "Four pilot clinics", "the other 19 clinics", "forty more vehicles": a part of the organisation, not its size. */
const PART_OF_WHOLE = /\b(?:pilot|trial|test|new|other|more|additional|extra|first|remaining)\b/i;

function statesOrganisationSize(sentence: AnalysedSentence): boolean {
  return sentence.figures.some((figure) => {
    if (figure.kind !== 'count' || figure.unit === undefined || PART_OF_WHOLE.test(figure.unit)) return false;
    if (PART_OF_WHOLE.test(sentence.text.slice(Math.max(0, figure.start - 12), figure.start))) return false;
    return PREMISES.test(figure.unit) ? figure.value >= SEVERAL_PREMISES : HEADCOUNT.test(figure.unit) && figure.value >= SIZEABLE_HEADCOUNT;
  });
}
/** Words that put a named system before the product: the old one, the one replaced. */
const OLD_SYSTEM = /\b(?:before|legacy|old|previous(?:ly)?|used to|replac\w+|retired|switched off|moved off|were on|ran on|had been)\b/i;
/** An old system with no name worth a capital: "a system we built ourselves in the nineties", "our in-house rules engine". */
const HOME_GROWN = /\b(?:(?:built|wrote|developed) (?:it )?(?:ourselves|in-house)|home-?grown|in-house (?:system|tool|software|rules engine|solution)|legacy (?:system|tool|software|platform))\b/i;
/** Words that connect the product to other systems, or name what it does. */
const CONNECTS = /\b(?:integrat\w+|interface|connector|connects?|sync\w*|feeds?|API|plugs? into|talks to|pulls?|pushes|writes? back|admin system|system of record)\b/i;

/** Plans for later, not what is in place: "the programme we're building next year", "we want to move them onto the service module". */
const FUTURE =
  /\b(?:next (?:year|quarter|month|phase|wave)|later this year|we(?:'re| are) (?:building|planning|looking at)|on (?:the|our) roadmap|if we (?:added|add|bought|buy|rolled|roll|extended|extend)|we (?:want|plan|hope|intend) to (?:move|add|extend|expand|bring|roll))\b/i;

/** Words of a change in a measure. */
const CHANGE_WORDS = /\b(?:from|down|up|fewer|less|more|lower|higher|dropped|fell|rose|cut|increased|decreased|reduced|improved|went|now)\b|\b(?:\d[\d,.]*|[a-z]+ty(?:-[a-z]+)?)\s*(?:%|percent)?\s+to\s+(?:\d|[a-z]+ty\b)/i;

/** Sections whose subject is what the customer experienced. */
const CUSTOMER_VOICE: ReadonlySet<SectionSlug> = new Set(['background', 'results_achievements', 'adoption_usage', 'financial_impact', 'long_term_impact', 'additional_commentary']);
const TIME_UNITS = /^(?:(?:billable|working|business|full)\s+)?(?:hours?|days?|weeks?|months?|sprints?|phases?|blocks?)$/i;
const BUDGET_WORDS = /\b(?:budget\w*|contract|fees?|pric(?:e|ing)|invest\w*|billable|cost of)\b/i;
/** Sections that report what happened; hypotheticals and vendor generalities do not belong. */
const RESULT_SECTIONS: ReadonlySet<SectionSlug> = new Set(['results_achievements', 'financial_impact', 'adoption_usage']);
/** Talk about the snapshot questionnaire itself ("the 'Visuals' question") is not content. */
const META_TALK = /\b(?:question|questions|answer|answers|answering)\b/i;

/** An agenda: a topic to come, in order ("First, the numbers", "then we'll walk through the results"). */
const AGENDA_TOPIC = /\b(?:talk about|go (?:through|over)|walk (?:you )?through|cover|look at|get (?:into|to)|finish with|start with)\b/i;
const AGENDA_ORDER = /\b(?:first|second|third|fourth|fifth|then|after that|finally|today|agenda|we'll|let's|I'd (?:like|love) (?:to|for you to)|I want to)\b/i;

const LEANS_ON_CONTEXT = /^(?:(?:and|so|but|yes|yeah|okay)[,.]?\s+)*(?:that|this|it|these|those|which)\b/i;

/** "We haven't measured the savings", "nobody has quantified it", "it's too early to tell", "there's no baseline". */
const UNMEASURED =
  /\b(?:(?:haven't|have not|hasn't|has not|never|not|didn't|did not|nobody has|no one has|nobody's)\s+(?:yet\s+|really\s+|actually\s+|formally\s+|properly\s+)?(?:been\s+)?(?:measured|calculated|quantified|tracked|costed)|no (?:real )?baseline|too (?:early|soon) to (?:tell|say|know|measure)|(?:can't|cannot) (?:give you|put) (?:a|an|any) (?:[\w-]+ ){0,2}(?:number|figure))\b/i;

/** Decisions still open and plans still to deliver: "the renewal has to go to the board", "a short extension", "a ninety-day get-well plan", "that's a maybe". */
const OPEN_DECISION =
  /\b(?:renewal (?:has to|needs to|is (?:due|pending|up)|decision)|up for renewal|(?:not|isn't|hasn't been|haven't) (?:yet )?(?:signed|decided|approved)|not deciding|(?:that's|it's) a maybe|if (?:the )?budget allows|pending (?:approval|sign-?off|a vote)|(?:vote|votes|voting|decide|decides) on (?:it|the|this|that)|extensions?|(?:get-well|recovery|remediation|turnaround|rescue|action|success) plan|under consideration|(?:we're|we are|they're|they are) (?:considering|weighing|evaluating))\b/i;
/** Bodies that approve or object: a board, a council, a senate, a committee, a union, a regulator. */
const GOVERNANCE_BODY = /\b(?:(?<!on |on the )board|senate|(?:works |city |county |town |student )?council|committee|trade union|unions?|regulators?|ombuds\w*)\b/i;
/** Sections where open items and who must approve them belong. */
const OPEN_ITEM_SECTIONS: ReadonlySet<SectionSlug> = new Set(['long_term_impact', 'additional_commentary']);

/** The event that set the project off: "after the outage in March", "the hail event last July", "that's when we started looking". */
const TRIGGER =
  /\b(?:after|when|since|following) (?:the|a|an|our|that|this) (?:[\w-]+ ){0,3}(?:event|storm|outage|incident|crisis|surge|spike|audit|acquisition|merger|breach|recall|fire|flood|hurricane|pandemic|lawsuit|failure|crash|strike|shutdown|attack|hack|inspection)s?\b|\b(?:event|storm|outage|incident|audit|breach|recall|fire|flood|failure|crash|attack|merger|acquisition) (?:last|this|in|back in) (?:year|month|week|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b|\b(?:started|began|start) (?:looking|shopping|searching) (?:for|at|around)\b|\b(?:last straw|wake-up call|breaking point)\b/i;

/** A partner who did part of the work: "your partner did the installs", "our implementation partner", "a local firm ran the migration". */
const PARTNER =
  /\b(?:(?:implementation|integration|install(?:ation)?|delivery|consulting|services|channel|certified|local) partners?|(?:one of )?your partners?|(?:a|an|the) (?:local )?(?:outfit|integrator|consultanc(?:y|ies)|contractor|systems integrator)|(?:did|do|does|handled|ran) the (?:installs?|installation|implementation|integration|migration|data migration))\b/i;

/** A state of the past: "was", "were", "used to". */
const SAID_OF_THE_PAST = /\b(?:was|were|used to)\b/i;

/** How well the work is done, in words a case study reports: errors, false alarms, latency, idle time, trust. */
const QUALITY_MEASURE =
  /\b(?:false (?:positives?|negatives?|alarms?|declines?|alerts?)|latency|response times?|error rates?|errors|accuracy|downtime|uptime|idle time|idling|defects?|rework|no-shows?|complaints?|(?:didn't|did not|don't|do not|wouldn't) trust|trusted it)\b/i;

/**
 * What went wrong in the engagement and why a date slipped: "the records were in a far messier state than we had
 * expected", "the main reason was the interfaces", "that's why we pushed the go-live", "we underestimated the
 * second site".
 */
const SETBACK =
  /\b(?:(?:much |far |a lot |way )?(?:worse|messier|bigger|harder|longer|slower|more (?:complex|complicated|difficult|work))(?: (?:state|shape|condition|job|effort|task))? than (?:we|I|anyone|everyone|everybody) (?:had )?(?:assumed|expected|thought|planned|anticipated|estimated)|the (?:main |real |root |only )?(?:reason|cause) (?:was|for the (?:delay|slip))|that's why we (?:moved|pushed|delayed|postponed)|(?:go-live|launch|cutover|the (?:date|deadline|rollout|project)) (?:slipped|was (?:delayed|pushed|postponed|moved))|we underestimated)\b/i;
/**
 * What kind of money a figure is, which a case study must not mix up: "it's working capital, not savings", "that
 * was a one-off", "it's cost avoidance", "it hits the P and L", "that's capex".
 */
const MONEY_KIND =
  /\b(?:working capital|cash ?flow|balance sheet|P ?(?:and|&) ?L|profit and loss|one-?off|one-?time (?:cost|saving|savings|gain|payment)|recurring (?:cost|saving|savings|revenue)|cost avoidance|capex|opex|capital expenditure|operating (?:expense|expenditure)|not (?:a |real )?(?:saving|savings|revenue|profit))\b/i;
/** Sections where the setbacks of an engagement are told. */
const SETBACK_SECTIONS: ReadonlySet<SectionSlug> = new Set(['engagement_details', 'additional_commentary']);

const sectionTermCache = new Map<SectionSlug, ReadonlySet<string>>();

function sectionTerms(slug: SectionSlug): ReadonlySet<string> {
  let terms = sectionTermCache.get(slug);
  if (!terms) {
    terms = new Set(distinctTerms(sectionSpec(slug).vocabulary.join(' ')));
    sectionTermCache.set(slug, terms);
  }
  return terms;
}

export function inverseDocumentFrequency(sentences: readonly AnalysedSentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const term of sentence.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const total = Math.max(1, sentences.length);
  const idf = new Map<string, number>();
  for (const [term, count] of counts) idf.set(term, Math.log(1 + total / count));
  return idf;
}

const vocabularyCache = new WeakMap<RankingContext, ReadonlyMap<SectionSlug, Float64Array>>();

/**
 * Each section's vocabulary score of each sentence (by position): the rarity
 * of the section's terms the sentence holds, over the square root of its
 * length. Worked out for every section in one pass over the call's terms, as a
 * long call's sentences are read by every section.
 */
function vocabularyScores(context: RankingContext): ReadonlyMap<SectionSlug, Float64Array> {
  let scores = vocabularyCache.get(context);
  if (!scores) {
    const sentences = context.analysis.sentences;
    const bySection = SECTION_SLUGS.map(() => new Float64Array(sentences.length));
    const sectionsOfTerm = new Map<string, number[]>();
    SECTION_SLUGS.forEach((slug, section) => {
      for (const term of sectionTerms(slug)) sectionsOfTerm.set(term, [...(sectionsOfTerm.get(term) ?? []), section]);
    });
    sentences.forEach((sentence, position) => {
      for (const term of sentence.terms) {
        const sections = sectionsOfTerm.get(term);
        if (!sections) continue;
        const weight = context.idf.get(term) ?? 0;
        for (const section of sections) bySection[section]![position]! += weight;
      }
      const length = Math.sqrt(Math.max(8, sentence.wordCount));
      for (const section of bySection) section[position]! /= length;
    });
    scores = new Map(SECTION_SLUGS.map((slug, section) => [slug, bySection[section]!]));
    vocabularyCache.set(context, scores);
  }
  return scores;
}

const NO_FIELDS: readonly FieldName[] = [];

/** How much more a sentence with a figure, a date or a name counts than vague talk. */
const CONCRETE = 1.2;

const personWordCache = new WeakMap<CallAnalysis, ReadonlySet<string>>();

/** The words of the call's people's names: a capitalised run starting with one names a person, not a system. */
function personWordsOf(analysis: CallAnalysis): ReadonlySet<string> {
  let words = personWordCache.get(analysis);
  if (!words) {
    words = new Set(analysis.people.flatMap((person) => person.name.split(' ')));
    personWordCache.set(analysis, words);
  }
  return words;
}

/** How much a question about life before the vendor's product counts as a background question. */
const ASKS_BEFORE_RELEVANCE = 0.5;

/**
 * The sentences a section may pick from, scored lazily: `bounds` are cheap and
 * never below the scores, and `exact` works a score out (its dearest part, the
 * section's cue expression, is left out of the bound). Picking then scores only
 * the sentences whose bound could still beat what has been picked, a few
 * hundred of a long call's tens of thousands, with the same result as scoring
 * them all.
 */
export interface SentencePool {
  /** In call order: ties in score go to the earlier sentence. */
  sentences: readonly AnalysedSentence[];
  /** An upper bound of each sentence's score; 0 or less: never a candidate. */
  bounds: ArrayLike<number>;
  /** A tighter bound, dearer than `bounds` and cheaper than `exact`; never above the first nor below the second. */
  refine?(index: number): number;
  /** The sentence's score; 0 or less: not a candidate after all. */
  exact(index: number): number;
}

/** A pool of sentences whose scores are already known. */
export function poolOf(ranked: readonly RankedSentence[]): SentencePool {
  const inCallOrder = [...ranked].sort((a, b) => a.sentence.id - b.sentence.id);
  const bounds = inCallOrder.map((entry) => entry.score);
  return { sentences: inCallOrder.map((entry) => entry.sentence), bounds, exact: (index) => bounds[index]! };
}

/** The largest cue bonus a sentence can get: three different cues. */
const MAX_CUE_COUNT = 3;

function cueBonus(cueCount: number): number {
  return 0.9 + 0.3 * Math.min(2, cueCount - 1);
}

/** How strongly each sentence of the call speaks to a section, before diversity. */
export function scoreSentences(slug: SectionSlug, context: RankingContext): SentencePool {
  const { analysis, fieldSupport } = context;
  const spec = sectionSpec(slug);
  const vocabulary = vocabularyScores(context).get(slug)!;
  const sectionFields = new Set<FieldName>([...spec.requiredFields, ...spec.valuableFields]);
  const sentences = analysis.sentences;
  const favourable = mostFavourableTraits(slug);
  const personWords = personWordsOf(analysis);
  const vendor = analysis.parties.vendor?.name;
  const beforeVendor = vendor ? new RegExp(`\\b(?:before|prior to|until) (?:we (?:had|got|bought|used) )?${vendor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i') : null;
  // A question turn about the section makes the next turn's sentences its answer. "What was it
  // like before Acme?" asks for the background though its words ("before") are too common to score.
  const questionRelevance = new Map<number, number>();
  sentences.forEach((sentence, position) => {
    if (!sentence.isQuestion) return;
    const asksBefore = slug === 'background' && beforeVendor !== null && beforeVendor.test(sentence.text) ? ASKS_BEFORE_RELEVANCE : 0;
    questionRelevance.set(sentence.turnIndex, Math.max(questionRelevance.get(sentence.turnIndex) ?? 0, vocabulary[position]!, asksBefore));
  });

  /**
   * The score of the sentence at `position` given its cue bonus (0 without a
   * cue), whether it speaks of life before the vendor, and its traits. Every
   * step adds or multiplies by a positive number, so larger inputs and more
   * favourable traits never give a lower score.
   */
  const scoreWith = (position: number, cues: number, speaksOfBefore: boolean, trait: SentenceTraits): number => {
    const sentence = sentences[position]!;
    if (sentence.wordCount < 4 || (slug === 'additional_commentary' && sentence.wordCount < 7)) return 0;
    let score = vocabulary[position]!;
    if (cues > 0) score += cues;
    const supports = fieldSupport.get(sentence.id) ?? NO_FIELDS;
    // A capitalised run inside the sentence that does not start with a person's name: a system, a partner, a place.
    const namesAThing = sentence.runs.some((run) => run.start > 0 && !personWords.has(run.words[0]!));
    // Background tells the story before the product: naming the company supports its required field but says nothing of it.
    if (slug !== 'background' && supports.some((field) => sectionFields.has(field))) score += 1.2;
    const resultFigures = sentence.figures.length > 0 && supports.length > 0;
    if (resultFigures && (slug === 'results_achievements' || slug === 'financial_impact' || slug === 'adoption_usage')) score += 0.4;
    if (slug === 'engagement_details') {
      if (sentence.figures.some((figure) => figure.kind === 'count' && figure.unit !== undefined && TIME_UNITS.test(figure.unit))) score += 0.9;
      if (sentence.figures.some((figure) => figure.kind === 'money') && BUDGET_WORDS.test(sentence.text)) score += 0.4;
      if (sentence.dates.length > 0) score += 1;
    }
    // "We have 1,150 employees across two plants", "a four-hospital system": how big the customer is.
    if (slug === 'customer_information' && !sentence.isQuestion && statesOrganisationSize(sentence)) score += 1.8;
    if (slug === 'background' && trait.trigger) score += 0.8;
    // A named partner who did part of the work belongs with the solution and the engagement.
    if ((slug === 'solution' || slug === 'engagement_details') && trait.partner && namesAThing) score += 1.2;
    // "Idle time was 22 percent" is the problem before; "we're at 85 milliseconds" is the result.
    if (trait.qualityMeasure && (slug === 'results_achievements' || slug === 'background') && (slug === 'background') === SAID_OF_THE_PAST.test(sentence.text)) score += 0.9;
    if (OPEN_ITEM_SECTIONS.has(slug) && trait.openItem) score += 1.2;
    if (SETBACK_SECTIONS.has(slug) && trait.setback) score += 2.4;
    // "Rehandles went from 31 to 22 percent", "chargebacks are down to 780 a month": a result with its baseline or its change.
    // "Before, the planning run in Tabulon ran overnight", "the Ledgerly interface took six weeks": a named
    // system next to the section's own words is what a case-study writer needs (the old system, what it connects to).
    if ((slug === 'background' || slug === 'solution') && namesAThing) {
      if (slug === 'background' ? OLD_SYSTEM.test(sentence.text) : CONNECTS.test(sentence.text)) score += 0.7;
    } else if (slug === 'background' && HOME_GROWN.test(sentence.text)) score += 0.7;
    // Financial impact is told in money: an amount ranks first, talk without one last, but for saying that none was measured.
    if (slug === 'financial_impact') {
      if (sentence.figures.some((figure) => figure.kind === 'money')) score += 1;
      else if (trait.unmeasured) score += 1.5;
      // "It's working capital, not savings": the figure said before it, classified, is money talk too.
      else if (trait.moneyKind) score += 1;
      else if (sentence.figures.length === 0) score *= 0.7;
    }
    // Adoption is told in people and shares of them: "24,000 students never log in", "84 percent log in weekly".
    if (slug === 'adoption_usage' && sentence.figures.some((figure) => figure.kind === 'percentage' || (figure.kind === 'count' && figure.unit !== undefined))) score += 0.8;
    // A results section without a figure is an agenda ("let's walk through the results"): figures come first.
    if (slug === 'results_achievements') {
      if (sentence.figures.length === 0) score *= 0.6;
      else if (!sentence.isQuestion && CHANGE_WORDS.test(sentence.text)) score += sentence.figures.length > 1 ? 1.8 : 0.8;
    }
    if (RESULT_SECTIONS.has(slug)) {
      if (trait.generic) score *= 0.3;
      else if (trait.hypothetical) score *= 0.5;
      else if (slug === 'results_achievements' && sentence.side !== 'vendor' && sentence.figures.some((figure) => figure.kind !== 'count')) score += 0.6;
    }
    if (slug === 'long_term_impact' && trait.hypothetical && sentence.side !== 'vendor') score += 0.4;
    // The solution is what was put in; "if we added the volunteer module", "the programme we're building next year" is the outlook.
    if (slug === 'solution' && FUTURE.test(sentence.text)) return 0;
    const previousTurn = sentence.turnIndex - 1;
    const asked = questionRelevance.get(previousTurn) ?? 0;
    if (!sentence.isQuestion && asked > 0) score += 0.3 + 0.8 * asked;
    if (sentence.isQuestion) score *= 0.35;
    // "That's another measurable achievement": a pointer to something said before, not content.
    if (trait.leansOnContext) score *= 0.55;
    // Who holds which role is listed with the team; the sentence saying so is not content elsewhere.
    if (trait.statesRole && slug !== 'customer_information') score *= 0.4;
    if (slug === 'background') {
      // "Before Fabrikam, we…": life before the vendor's product.
      if (speaksOfBefore) score += 0.9;
      score *= 1.15 - 0.3 * (sentence.id / Math.max(1, sentences.length));
    }
    if (sentence.wordCount < 7) score *= 0.5;
    // Concrete beats vague: a figure, a date or a named thing is what a case-study writer can use.
    if (sentence.figures.length > 0 || sentence.dates.length > 0 || namesAThing) score *= CONCRETE;
    if (trait.metaTalk) score *= 0.6;
    // "Then, fourth, talk about the renewal": the agenda names a topic, the rest of the call says something about it.
    if (trait.agenda) score *= 0.3;
    if (trait.smallTalk) score *= 0.15;
    // "We haven't measured the savings" is for the money section to say; elsewhere it is no result and no story.
    if (trait.unmeasured && slug !== 'financial_impact') score *= 0.4;
    if (CUSTOMER_VOICE.has(slug)) score *= sentence.side === 'customer' ? 1.2 : sentence.side === 'vendor' ? 0.75 : 1;
    return score;
  };

  const mayBeBefore = slug === 'background' && beforeVendor !== null;
  const bounds = new Float64Array(sentences.length);
  for (let position = 0; position < sentences.length; position++) bounds[position] = scoreWith(position, cueBonus(MAX_CUE_COUNT), mayBeBefore, favourable);
  // The cue bonus and "before the vendor" of each sentence, read once (-1: not read yet).
  const cues = new Float64Array(sentences.length).fill(-1);
  const speaksOfBefore = new Uint8Array(sentences.length);
  const readCues = (position: number) => {
    if (cues[position]! >= 0) return;
    const text = sentences[position]!.text;
    const matches = text.match(spec.cues);
    const cueCount = matches === null ? 0 : matches.length === 1 ? 1 : new Set(matches.map((match) => match.toLowerCase())).size;
    cues[position] = cueCount === 0 ? 0 : cueBonus(cueCount);
    speaksOfBefore[position] = slug === 'background' && beforeVendor !== null && beforeVendor.test(text) ? 1 : 0;
  };
  return {
    sentences,
    bounds,
    refine: (position) => {
      readCues(position);
      return scoreWith(position, cues[position]!, speaksOfBefore[position] === 1, favourable);
    },
    exact: (position) => {
      readCues(position);
      return scoreWith(position, cues[position]!, speaksOfBefore[position] === 1, traitsAt(analysis, position));
    },
  };
}

/** The pool without the sentences of `ids`: they are never candidates. */
export function withoutSentences(pool: SentencePool, ids: ReadonlySet<number>): SentencePool {
  const bounds = Float64Array.from(pool.bounds as ArrayLike<number>, (bound, index) => (ids.has(pool.sentences[index]!.id) ? 0 : bound));
  return { ...pool, bounds };
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.min(a.size, b.size);
}

export interface PickOptions {
  limit: number;
  /** Scores below this fraction of the best are not picked. */
  floor?: number;
  /** Absolute minimum score. */
  minimum?: number;
}

/** How far a sentence of a pool has been scored. */
const BOUNDED = 0;
const REFINED = 1;
const SCORED = 2;

/**
 * Picks up to `limit` sentences: best first, two per turn at most, no
 * near-duplicates, sentences used by earlier sections discounted. Marks the
 * picks as used and returns them in call order.
 */
export function pickSentences(pool: SentencePool, context: RankingContext, options: PickOptions): RankedSentence[] {
  const { sentences } = pool;
  const discounts = new Float64Array(sentences.length);
  const keys = new Float64Array(sentences.length);
  const candidates: number[] = [];
  for (let index = 0; index < sentences.length; index++) {
    discounts[index] = context.used.has(sentences[index]!.id) ? 0.35 : 1;
    keys[index] = pool.bounds[index]! * discounts[index]!;
    if (pool.bounds[index]! > 0) candidates.push(index);
  }
  // Each sentence is keyed by its bound until its score is worked out. The top of the heap is
  // then either a bound, which gets refined or scored, or a score that no other sentence can
  // beat: the sentences come off best first, ties in call order, exactly as from a full sort.
  const queue = new KeyedHeap(candidates, keys);
  const stage = new Uint8Array(sentences.length);
  let floor: number | null = null;
  const minimum = options.minimum ?? 0.15;
  const picked: RankedSentence[] = [];
  const perTurn = new Map<number, number>();
  while (picked.length < options.limit && queue.size > 0) {
    const index = queue.top();
    if (stage[index] !== SCORED) {
      const refining = stage[index] === BOUNDED && pool.refine !== undefined;
      stage[index] = refining ? REFINED : SCORED;
      const value = refining ? pool.refine!(index) : pool.exact(index);
      if (value > 0) {
        keys[index] = value * discounts[index]!;
        queue.topKeyLowered();
      } else {
        queue.pop();
      }
      continue;
    }
    queue.pop();
    const score = keys[index]!;
    // Relative to the best, but a sentence that matched a section cue (>= 0.9) always stays eligible.
    floor ??= Math.min(score * (options.floor ?? 0.4), 0.9);
    if (score < floor || score < minimum) break;
    const sentence = sentences[index]!;
    const turnCount = perTurn.get(sentence.turnIndex) ?? 0;
    if (turnCount >= 2) continue;
    if (picked.some((other) => overlap(other.sentence.terms, sentence.terms) > 0.6)) continue;
    if (restatesPick(sentence, picked, context.fieldSupport)) continue;
    picked.push({ sentence, score });
    perTurn.set(sentence.turnIndex, turnCount + 1);
  }
  for (const entry of picked) context.used.set(entry.sentence.id, (context.used.get(entry.sentence.id) ?? 0) + 1);
  return picked.sort((a, b) => a.sentence.id - b.sentence.id);
}

/**
 * "…fraud losses are down 1.4 million. I double-checked that, so 1.4 million is the number": a
 * sentence of a picked sentence's turn that supports no field value the pick does not already
 * show repeats it, and its slot is better spent on another statement.
 */
function restatesPick(sentence: AnalysedSentence, picked: readonly RankedSentence[], fieldSupport: ReadonlyMap<number, FieldName[]>): boolean {
  const supports = fieldSupport.get(sentence.id);
  if (!supports || supports.length === 0) return false;
  return picked.some((other) => {
    if (other.sentence.turnIndex !== sentence.turnIndex) return false;
    const shown = fieldSupport.get(other.sentence.id);
    return shown !== undefined && supports.every((field) => shown.includes(field));
  });
}

/**
 * A binary heap of a pool's indexes: the highest key first and, among equal
 * keys, the lowest index (the earlier sentence, as pools are in call order).
 */
class KeyedHeap {
  private readonly items: Int32Array;
  private count: number;

  constructor(
    indexes: readonly number[],
    private readonly keys: Float64Array,
  ) {
    this.items = Int32Array.from(indexes);
    this.count = indexes.length;
    for (let at = (this.count >> 1) - 1; at >= 0; at--) this.siftDown(at);
  }

  get size(): number {
    return this.count;
  }

  top(): number {
    return this.items[0]!;
  }

  pop(): number {
    const top = this.items[0]!;
    this.count--;
    if (this.count > 0) {
      this.items[0] = this.items[this.count]!;
      this.siftDown(0);
    }
    return top;
  }

  /** The top's key went down (its bound became its score): moves it to its place. */
  topKeyLowered(): void {
    this.siftDown(0);
  }

  private before(a: number, b: number): boolean {
    const keyA = this.keys[a]!;
    const keyB = this.keys[b]!;
    return keyA > keyB || (keyA === keyB && a < b);
  }

  private siftDown(from: number): void {
    const items = this.items;
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let first = at;
      if (left < this.count && this.before(items[left]!, items[first]!)) first = left;
      if (right < this.count && this.before(items[right]!, items[first]!)) first = right;
      if (first === at) return;
      const item = items[at]!;
      items[at] = items[first]!;
      items[first] = item;
      at = first;
    }
  }
}

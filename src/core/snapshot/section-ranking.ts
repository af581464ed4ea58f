/**
 * Ranks the sentences of a call for each section and picks a few, diverse
 * ones. A sentence scores by the section's vocabulary (stemmed like the search
 * index, weighted by rarity), by holding the evidence of one of the section's
 * fields, by answering a question about the section, and by who says it (the
 * customer's account of results outranks the vendor's). Picks are spread out:
 * at most two per turn in a section, near-duplicates skipped, and a sentence
 * already used by an earlier section is taken again only if nothing else fits.
 */

import { distinctTerms } from '../search/analyze.js';
import type { AnalysedSentence, CallAnalysis } from './analysis.js';
import { SECTION_SLUGS, sectionSpec } from './catalogue.js';
import { isGenericClaim, isHypothetical } from './statements.js';
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

/** What lowers a sentence whatever the section, worked out once per call. */
interface SentenceTraits {
  metaTalk: boolean;
  leansOnContext: boolean;
  statesRole: boolean;
  generic: boolean;
  hypothetical: boolean;
}

const traitCache = new WeakMap<CallAnalysis, SentenceTraits[]>();

/** The traits of each sentence, by its position in `analysis.sentences`. */
function traitsOf(analysis: CallAnalysis): SentenceTraits[] {
  let traits = traitCache.get(analysis);
  if (!traits) {
    const roleStatements = new Set(analysis.people.flatMap((person) => person.roleSentenceIds));
    traits = analysis.sentences.map((sentence) => ({
      metaTalk: META_TALK.test(sentence.text),
      leansOnContext: sentence.wordCount < 14 && LEANS_ON_CONTEXT.test(sentence.text),
      statesRole: roleStatements.has(sentence.id),
      generic: isGenericClaim(sentence.text),
      hypothetical: isHypothetical(sentence.text, { start: 0, end: 0 }) || sentence.figures.some((figure) => isHypothetical(sentence.text, figure)),
    }));
    traitCache.set(analysis, traits);
  }
  return traits;
}

/** Sections whose subject is what the customer experienced. */
const CUSTOMER_VOICE: ReadonlySet<SectionSlug> = new Set(['background', 'results_achievements', 'adoption_usage', 'financial_impact', 'long_term_impact', 'additional_commentary']);
const TIME_UNITS = /^(?:(?:billable|working|business|full)\s+)?(?:hours?|days?|weeks?|months?|sprints?|phases?|blocks?)$/i;
const BUDGET_WORDS = /\b(?:budget\w*|contract|fees?|pric(?:e|ing)|invest\w*|billable|cost of)\b/i;
/** Sections that report what happened; hypotheticals and vendor generalities do not belong. */
const RESULT_SECTIONS: ReadonlySet<SectionSlug> = new Set(['results_achievements', 'financial_impact', 'adoption_usage']);
/** Talk about the snapshot questionnaire itself ("the 'Visuals' question") is not content. */
const META_TALK = /\b(?:question|questions|answer|answers|answering)\b/i;

const LEANS_ON_CONTEXT = /^(?:(?:and|so|but|yes|yeah|okay)[,.]?\s+)*(?:that|this|it|these|those|which|then)\b/i;

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

/** How strongly each sentence speaks to a section, before diversity; in call order (`pickSentences` ranks them). */
export function scoreSentences(slug: SectionSlug, context: RankingContext): RankedSentence[] {
  const { analysis, fieldSupport } = context;
  const spec = sectionSpec(slug);
  const vocabulary = vocabularyScores(context).get(slug)!;
  const sectionFields = new Set<FieldName>([...spec.requiredFields, ...spec.valuableFields]);
  const sentences = analysis.sentences;
  // A question turn about the section makes the next turn's sentences its answer.
  const questionRelevance = new Map<number, number>();
  sentences.forEach((sentence, position) => {
    if (!sentence.isQuestion) return;
    questionRelevance.set(sentence.turnIndex, Math.max(questionRelevance.get(sentence.turnIndex) ?? 0, vocabulary[position]!));
  });
  const traits = traitsOf(analysis);
  const vendor = analysis.parties.vendor?.name;
  const beforeVendor = vendor ? new RegExp(`\\b(?:before|prior to|until) (?:we (?:had|got|bought|used) )?${vendor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i') : null;
  const ranked: RankedSentence[] = [];
  for (let position = 0; position < sentences.length; position++) {
    const sentence = sentences[position]!;
    if (sentence.wordCount < 4 || (slug === 'additional_commentary' && sentence.wordCount < 7)) continue;
    let score = vocabulary[position]!;
    const cues = sentence.text.match(spec.cues);
    if (cues) {
      const cueCount = cues.length === 1 ? 1 : new Set(cues.map((match) => match.toLowerCase())).size;
      score += 0.9 + 0.3 * Math.min(2, cueCount - 1);
    }
    const trait = traits[position]!;
    const supports = fieldSupport.get(sentence.id) ?? NO_FIELDS;
    if (supports.some((field) => sectionFields.has(field))) score += 1.2;
    const resultFigures = sentence.figures.length > 0 && supports.length > 0;
    if (resultFigures && (slug === 'results_achievements' || slug === 'financial_impact' || slug === 'adoption_usage')) score += 0.4;
    if (slug === 'engagement_details') {
      if (sentence.figures.some((figure) => figure.kind === 'count' && figure.unit !== undefined && TIME_UNITS.test(figure.unit))) score += 0.9;
      if (sentence.figures.some((figure) => figure.kind === 'money') && BUDGET_WORDS.test(sentence.text)) score += 0.4;
      if (sentence.dates.length > 0) score += 0.6;
    }
    if (RESULT_SECTIONS.has(slug)) {
      if (trait.generic) score *= 0.3;
      else if (trait.hypothetical) score *= 0.5;
      else if (slug === 'results_achievements' && sentence.side !== 'vendor' && sentence.figures.some((figure) => figure.kind !== 'count')) score += 0.6;
    }
    if (slug === 'long_term_impact' && trait.hypothetical && sentence.side !== 'vendor') score += 0.4;
    const previousTurn = sentence.turnIndex - 1;
    const asked = questionRelevance.get(previousTurn) ?? 0;
    if (!sentence.isQuestion && asked > 0) score += 0.3 + 0.8 * asked;
    if (sentence.isQuestion) score *= 0.35;
    // "That's another measurable achievement": a pointer to something said before, not content.
    if (trait.leansOnContext) score *= 0.55;
    // Who holds which role is listed with the team; the sentence saying so is not content elsewhere.
    if (trait.statesRole && slug !== 'customer_information') score *= 0.4;
    if (slug === 'background') {
      // "Before Routewise, we…": life before the vendor's product.
      if (beforeVendor && beforeVendor.test(sentence.text)) score += 0.9;
      score *= 1.15 - 0.3 * (sentence.id / Math.max(1, sentences.length));
    }
    if (sentence.wordCount < 7) score *= 0.5;
    if (trait.metaTalk) score *= 0.6;
    if (CUSTOMER_VOICE.has(slug)) score *= sentence.side === 'customer' ? 1.2 : sentence.side === 'vendor' ? 0.75 : 1;
    if (score > 0) ranked.push({ sentence, score });
  }
  return ranked;
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

/**
 * Picks up to `limit` sentences: best first, two per turn at most, no
 * near-duplicates, sentences used by earlier sections discounted. Marks the
 * picks as used and returns them in call order.
 */
export function pickSentences(ranked: readonly RankedSentence[], context: RankingContext, options: PickOptions): RankedSentence[] {
  const scores = Float64Array.from(ranked, (entry) => entry.score * (context.used.has(entry.sentence.id) ? 0.35 : 1));
  let best = ranked.length === 0 ? 0 : -Infinity;
  for (const score of scores) best = Math.max(best, score);
  // Relative to the best, but a sentence that matched a section cue (>= 0.9) always stays eligible.
  const floor = Math.min(best * (options.floor ?? 0.4), 0.9);
  const minimum = options.minimum ?? 0.15;
  const eligible: number[] = [];
  for (let index = 0; index < ranked.length; index++) if (scores[index]! >= floor && scores[index]! >= minimum) eligible.push(index);
  // Best first, ties in call order. A long call has tens of thousands of eligible sentences and
  // only the first few are taken, so they come off a heap rather than out of a full sort.
  const queue = new IndexHeap(eligible, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && ranked[a]!.sentence.id < ranked[b]!.sentence.id));
  const picked: RankedSentence[] = [];
  const perTurn = new Map<number, number>();
  while (picked.length < options.limit && queue.size > 0) {
    const index = queue.pop();
    const entry: RankedSentence = { ...ranked[index]!, score: scores[index]! };
    const turnCount = perTurn.get(entry.sentence.turnIndex) ?? 0;
    if (turnCount >= 2) continue;
    if (picked.some((other) => overlap(other.sentence.terms, entry.sentence.terms) > 0.6)) continue;
    picked.push(entry);
    perTurn.set(entry.sentence.turnIndex, turnCount + 1);
  }
  for (const entry of picked) context.used.set(entry.sentence.id, (context.used.get(entry.sentence.id) ?? 0) + 1);
  return picked.sort((a, b) => a.sentence.id - b.sentence.id);
}

/** A binary heap of indexes; `before(a, b)` says a comes out first. */
class IndexHeap {
  private readonly items: number[];

  constructor(items: number[], private readonly before: (a: number, b: number) => boolean) {
    this.items = items;
    for (let index = (items.length >> 1) - 1; index >= 0; index--) this.siftDown(index);
  }

  get size(): number {
    return this.items.length;
  }

  pop(): number {
    const top = this.items[0]!;
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(from: number): void {
    const items = this.items;
    let index = from;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let first = index;
      if (left < items.length && this.before(items[left]!, items[first]!)) first = left;
      if (right < items.length && this.before(items[right]!, items[first]!)) first = right;
      if (first === index) return;
      [items[index], items[first]] = [items[first]!, items[index]!];
      index = first;
    }
  }
}

/**
 * Small tables of how business calls say the same thing in other words, used
 * to widen a query, never the index:
 *
 * - everyday synonyms, one word each: someone asking "which system holds the
 *   data" should meet the turn that says "Salesforce contains the data";
 * - forms of one word the stemmer cannot join: irregular verbs ("went" and
 *   "gone" are "go") and nouns of verbs ("decision" is "decide");
 * - phrases and abbreviations ("went live" is "launched" is "rolled out";
 *   "ROI" is "return on investment"): an entry of several words matches a
 *   turn holding all of its words.
 *
 * Everything is general English (no product or company words) and matched
 * after stemming, so "holds", "held" and "holding" all reach the group of
 * "hold". An expanded term scores at a fraction of the word the user typed
 * (see query.ts).
 */

import { distinctTerms } from './analyze.js';

const SYNONYM_GROUPS: readonly string[] = [
  'contain hold store keep',
  'slow delay slip postpone lag stall bottleneck blocker',
  'start begin kickoff launch commence',
  'finish end complete conclude wrap',
  'cost price budget spend expense fee',
  'meeting call sync standup',
  'problem issue bug error trouble challenge',
  'based located headquartered',
  'goal objective aim target',
  'deadline due',
  'customer client',
  'manager boss supervisor',
  'email mail',
  'hire recruit',
  'buy purchase procure',
  'help support assist',
  'fast quick rapid',
  'big large huge',
  'small little tiny',
  'show demo demonstrate',
  'plan roadmap',
  'risk concern worry',
  'agree approve',
  'system platform tool software product',
  'competitor competition compete rival',
];

/** Forms of one word the stemmer leaves apart; the first is the base. */
const IRREGULAR_FORMS: readonly string[] = [
  'analyze analysis analyse',
  'decide decision',
  'deliver delivery',
  'expand expansion',
  'fail failure',
  'reduce reduction',
  'retain retention',
  'succeed success',
  'agree agreement',
  'advise advice',
  'assume assumption',
  'believe belief',
  'compare comparison',
  'complain complaint',
  'conclude conclusion',
  'consider consideration',
  'criticise criticize criticism',
  'define definition',
  'deny denial',
  'describe description',
  'explain explanation',
  'introduce introduction',
  'oppose opposition',
  'prove proof',
  'respond response',
  'solve solution',
  'threaten threat',
  'go went gone goes',
  'begin began begun',
  'bring brought',
  'build built',
  'buy bought',
  'choose chose chosen choice',
  'come came',
  'drive drove driven',
  'fall fell fallen',
  'find found',
  'give gave given',
  'grow grew grown growth',
  'hold held',
  'keep kept',
  'know knew known knowledge',
  'lead led',
  'lose lost loss',
  'make made',
  'meet met',
  'pay paid payment',
  'run ran',
  'say said',
  'see saw seen',
  'sell sold',
  'send sent',
  'speak spoke spoken speech',
  'spend spent',
  'take took taken',
  'teach taught',
  'tell told',
  'think thought',
  'win won',
  'write wrote written',
];

/**
 * Phrases and abbreviations with the same meaning in a call, separated by
 * commas. Each entry's irregular forms are matched too ("go live" also finds
 * "went live").
 */
const PHRASE_GROUPS: readonly string[] = [
  'go live, launch, roll out, rollout, cutover',
  'roi, return on investment, payback',
  'headcount, employees, staff, workforce',
  'savings, save, cut costs, reduce costs, lower costs',
  'users, seats, licences, licenses, logins',
  'switch off, shut down, decommission, sunset, retire',
  'outage, downtime, incident, degradation',
  'go wrong, problem, failure, fail',
  'kpi, key performance indicator, metric',
  'sla, service level agreement',
  'crm, customer relationship management',
  'erp, enterprise resource planning',
  'qbr, quarterly business review',
  'ebr, executive business review',
  'poc, proof of concept, pilot',
  'sso, single sign on',
  'arr, annual recurring revenue',
  'mrr, monthly recurring revenue',
  'nps, net promoter score',
  'csm, customer success manager',
  'hr, human resources',
  'vp, vice president',
  'ceo, chief executive',
  'cfo, chief financial officer, finance director',
  'cto, chief technology officer',
  'cio, chief information officer',
];

function groupsOfTerms(groups: readonly string[]): string[][] {
  return groups.map((group) => distinctTerms(group));
}

/** Stemmed term -> the other stemmed terms of its groups. */
function pairUp(groups: readonly string[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const stems of groups) {
    for (const term of stems) {
      const others = stems.filter((other) => other !== term);
      map.set(term, [...new Set([...(map.get(term) ?? []), ...others])]);
    }
  }
  return map;
}

const SYNONYMS: ReadonlyMap<string, readonly string[]> = pairUp(groupsOfTerms(SYNONYM_GROUPS));
const IRREGULAR: ReadonlyMap<string, readonly string[]> = pairUp(groupsOfTerms(IRREGULAR_FORMS));

/** The base of each irregular form ("went" -> "go"). */
const BASE_FORM: ReadonlyMap<string, string> = new Map(
  groupsOfTerms(IRREGULAR_FORMS).flatMap((forms) => forms.map((form): [string, string] => [form, forms[0]!])),
);

/** Each phrase of a group as its terms, once ("savings" and "save" are one). */
const PHRASES: readonly string[][][] = PHRASE_GROUPS.map((group) => {
  const phrases = new Map(group.split(',').map((phrase) => phraseTerms(phrase)).map((terms) => [terms.join(' '), terms]));
  return [...phrases.values()];
});

/** Every phrase with its group, longest first: a longer phrase wins over one it contains. */
const PHRASES_LONGEST_FIRST = PHRASES.flatMap((group) => group.map((phrase) => ({ phrase, group }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/** A phrase's terms, one per word: hyphens and compounds are left to the analyser of the text. */
function phraseTerms(phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((word) => distinctTerms(word).slice(0, 1));
}

/** The synonyms of a stemmed term (empty when it has none). */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}

/** The other forms of an irregular verb ("go" -> "went", "gone", "goe"); empty for other terms. */
export function otherFormsOf(term: string): readonly string[] {
  return IRREGULAR.get(term) ?? [];
}

function baseOf(term: string): string {
  return BASE_FORM.get(term) ?? term;
}

/** Every way of writing `terms` with irregular forms swapped in, `terms` itself first. */
export function formsOfPhrase(terms: readonly string[]): string[][] {
  let forms: string[][] = [[]];
  for (const term of terms) {
    const choices = [term, ...otherFormsOf(term)];
    forms = forms.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
  }
  return forms;
}

export interface PhraseMatch {
  /** Index of the first and one past the last word of `words` the phrase covers. */
  from: number;
  to: number;
  /** The other phrases of its group, each as its terms (a turn matches one by holding all of them). */
  alternatives: string[][];
}

/**
 * Finds phrases of the tables in a query, given as its words (the terms of
 * each), longest first and without overlaps.
 */
export function findPhrases(words: ReadonlyArray<readonly string[]>): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  for (const { phrase, group } of PHRASES_LONGEST_FIRST) {
    for (let from = 0; from + phrase.length <= words.length; from++) {
      const covers = phrase.every((term, k) => !taken[from + k] && words[from + k]!.some((word) => baseOf(word) === baseOf(term)));
      if (!covers) continue;
      for (let k = 0; k < phrase.length; k++) taken[from + k] = true;
      found.push({ from, to: from + phrase.length, alternatives: group.filter((other) => other !== phrase) });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

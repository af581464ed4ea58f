/**
 * What kind of answer a question asks for, and whether a turn carries one.
 *
 * "How many stores…" wants a count, "When did…" a date, "Who…" a person, title
 * or team, "Where…" a place, "Why…" a reason, "What went wrong…" a problem,
 * "What system…" a named product. The question words are stop words, so the
 * intent is read from the raw query; a plain keyword query has none and ranks
 * as before. A turn's answer words are known from the index: every term has
 * kinds (a number, a date word, a name the meeting only ever capitalises, a
 * job title or team word), and reasons and problems are read from the turn's
 * own words, which the index drops as stop words ("because", "didn't").
 */

import { distinctTerms } from './analyze.js';

export type IntentKind = 'quantity' | 'time' | 'person' | 'place' | 'reason' | 'problem' | 'system';

/** Kinds of an indexed term, as bits. */
export const TERM_NUMBER = 1;
export const TERM_DATE = 2;
/** Set by the segment: the term is only ever written capitalised, mid-sentence at least once. */
export const TERM_NAME = 4;
export const TERM_ROLE = 8;

/** Which term kinds answer each intent read from the index (reasons and problems are read from the text). */
export const ANSWER_KINDS: Readonly<Record<IntentKind, number>> = {
  quantity: TERM_NUMBER,
  time: TERM_DATE,
  person: TERM_NAME | TERM_ROLE,
  place: TERM_NAME,
  system: TERM_NAME,
  reason: 0,
  problem: 0,
};

/**
 * "When", "where", "who" and "why" ask only as the question's first word
 * ("…when talking about the budget" asks no time); the others ask anywhere.
 */
const ASKS = String.raw`^\W*(?:(?:and|so|but|then|ok|okay)\W+)?`;

/** First match wins: "why did it slip" is a reason however it goes on. */
const INTENT_PATTERNS: ReadonlyArray<[IntentKind, RegExp]> = [
  ['reason', new RegExp(String.raw`${ASKS}(?:why|how come)\b|\b(?:what (?:was |is )?the reason|what caused|what causes|what led to)\b`, 'i')],
  ['problem', /\bwhat(?:'s| is| was| went| goes| has gone)? (?:wrong|broke|failed)\b|\bwhat (?:was|were|is|are) the (?:problems?|issues?)\b/i],
  ['time', new RegExp(String.raw`${ASKS}when\b|\b(?:how soon|by what date|what (?:date|day|time|month|year|week|quarter))\b`, 'i')],
  ['quantity', /\bhow (many|much|long|often|quickly|fast|big|large|far)\b/i],
  [
    'quantity',
    /\b(?:what|which)(?:'s| is| was| are| were)?(?: the| a| an| their| our| your)? (?:\w+ )?(?:number|percentage|percent|amount|rate|count|size|price|cost|roi|budget|total|figure|savings|revenue|spend|fee|discount|score|headcount)s?\b/i,
  ],
  ['place', new RegExp(String.raw`${ASKS}where\b|\bwhich (?:city|country|state|region|office|site|location|town)\b`, 'i')],
  ['system', /\b(?:what|which)(?:'s| is| was| are| were)? (?:the )?(?:\w+ )?(?:system|tool|platform|software|product|solution|app|application|crm|erp|provider|vendor)s?\b/i],
  ['person', new RegExp(String.raw`${ASKS}(?:who|whom|whose)\b|\b(?:which (?:person|people|team|partner|company|firm|agency|consultant)|what (?:team|partner|company|firm|agency))\b`, 'i')],
];

/** The kind of answer `query` asks for, or null for keywords and open questions. */
export function readIntent(query: string): IntentKind | null {
  for (const [kind, pattern] of INTENT_PATTERNS) if (pattern.test(query)) return kind;
  return null;
}

/**
 * The index's name for turns where the speaker says who they are or what they
 * do ("I'm Dana and I'm the project manager", "my role is…"); the analyser
 * never yields a term with brackets, so it meets no word of any text.
 */
export const SELF_INTRODUCTION = '(self-introduction)';

/**
 * Where a speaker may say who they are: an "I'm" or "I am" (a name or a title
 * must follow), or a phrase that says it outright ("my role", "I work as").
 * Case-sensitive "I" keeps the scan of every turn cheap.
 */
const SELF_REFERENCE =
  /\bI(?:\s?['’]m| am)\s+|\b[Mm]y (?:name(?:['’]s| is)|role|job|title|position)\b|\bI work (?:as|in|for)\b|\bI(?:['’]ll| will) be (?:handling|leading|running|managing|looking after)\b/gu;
/** After "I'm": a capitalised word, a name ("I'm Dana"); "I" itself and abbreviations ("I'm OK") are not. */
const NAME_NEXT = /\p{Lu}\p{Ll}+\b/uy;
/**
 * After "I'm": a job title, after filler words and two more at most ("I'm supposed
 * to be an industrial designer"), neither a "not" nor a verb ("I'm asking the
 * minister"); or a responsibility ("I'm responsible for").
 */
const TITLE_NEXT = new RegExp(
  String.raw`(?:responsible for|in charge of)\b|(?:(?:the|a|an|our|your|also|now|just|uh|um|basically|supposed to be|meant to be|going to be|gonna be|here as)\s+)*(?:(?!not\b|no\b|\p{L}+ing\b)[\p{L}-]+\s+){0,2}(?:manager|designer|engineer|developer|director|officer|analyst|consultant|specialist|coordinator|administrator|expert|architect|researcher|scientist|student|professor|intern|assistant|founder|president|chair|representative|executive|secretary|minister|supervisor|chief|ceo|cfo|cto|coo|cio|vp)s?\b`,
  'iuy',
);

/** Whether the speaker of `text` says who they are or what their job is. */
export function introducesSelf(text: string): boolean {
  SELF_REFERENCE.lastIndex = 0;
  for (let found = SELF_REFERENCE.exec(text); found !== null; found = SELF_REFERENCE.exec(text)) {
    // Only the "I'm" alternative ends in a space: the others say it outright.
    if (!/\s$/u.test(found[0])) return true;
    const after = found.index + found[0].length;
    NAME_NEXT.lastIndex = after;
    TITLE_NEXT.lastIndex = after;
    if (NAME_NEXT.test(text) || TITLE_NEXT.test(text)) return true;
  }
  return false;
}

/** Words that ask what someone's job is. */
export const ROLE_QUESTION_TERMS: ReadonlySet<string> = new Set(distinctTerms('role job responsibility duty occupation profession introduction introduce'));
/** Words that put the question to every participant ("for each groupmate", "the team members"). */
const EVERY_PARTICIPANT =
  /\b(?:each|every|everyone|everybody|members?|participants?|attendees|groupmates?|teammates?|colleagues?|themselves|yourselves)\b/i;

/**
 * Whether `query` asks what each participant's job is ("Summarize the job role
 * for each groupmate", "What are the roles of the team members?"): it is
 * answered where people introduce themselves, whatever words they use.
 */
export function asksParticipantRoles(query: string): boolean {
  return EVERY_PARTICIPANT.test(query) && distinctTerms(query).some((term) => ROLE_QUESTION_TERMS.has(term));
}

/** Words that give a reason; most are stop words, so they are looked for in the turn's text. */
const REASON_WORDS =
  /\b(because|'cause|cause[sd]?|due to|so that|reasons?|that's why|which is why|turned out|root cause|as a result|led to|thanks to|since (?:the|we|they|our|it)|the (?:problem|issue) (?:was|is))\b/i;

/** Words that say something went wrong. */
const PROBLEM_WORDS =
  /\b(didn't|did not|wasn't|was not|weren't|couldn't|could not|can't|cannot|failed|fail(?:s|ing|ure)?|broke|broken|wrong|missing|errors?|lost|stuck|outage|bugs?|crash(?:ed)?|problems?|issues?)\b/i;

/** A plain "not": an explanation often says what something does not do ("it sends the type but not the duration"). */
const NEGATION = /\bnot\b|n't\b/i;

/** How well `text` gives a reason (1) or, less surely, a problem or a "not" that may be one (0.5); or says what went wrong (1). */
export function textEvidence(kind: 'reason' | 'problem', text: string): number {
  if (kind === 'problem') return PROBLEM_WORDS.test(text) ? 1 : 0;
  return REASON_WORDS.test(text) ? 1 : PROBLEM_WORDS.test(text) || NEGATION.test(text) ? 0.5 : 0;
}

/** Months and days; "may" is left out, as it is far more often a verb. */
const DATE_TERMS: ReadonlySet<string> = new Set(
  distinctTerms(
    'january february march april june july august september october november december ' +
      'jan feb mar apr jun jul aug sep sept oct nov dec ' +
      'monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight ' +
      'week weekend month quarter year spring summer autumn winter q1 q2 q3 q4 h1 h2 midnight noon',
  ),
);

const ROLE_TERMS: ReadonlySet<string> = new Set(
  distinctTerms(
    'ceo cfo cto coo cio ciso vp president director manager head lead owner partner consultant consultancy analyst ' +
      'engineer administrator admin champion sponsor coordinator officer chief chair team department agency firm ' +
      'contractor integrator specialist supervisor founder advisor advisory',
  ),
);

const NUMBER_TERM = /^\d/;
const CLOCK_OR_ORDINAL_OR_YEAR = /^\d{1,2}:\d\d|^\d{1,2}(?:st|nd|rd|th)$|^(?:19|20)\d\d$/;
const NUMBER_WORDS: ReadonlySet<string> = new Set(distinctTerms('dozen thousand million billion half'));

/** The kinds an indexed term has by its spelling alone (TERM_NAME depends on the meeting). */
export function kindsOfTerm(term: string): number {
  let kinds = 0;
  if (NUMBER_TERM.test(term) || NUMBER_WORDS.has(term)) kinds |= TERM_NUMBER;
  if (DATE_TERMS.has(term) || CLOCK_OR_ORDINAL_OR_YEAR.test(term)) kinds |= TERM_DATE;
  if (ROLE_TERMS.has(term)) kinds |= TERM_ROLE;
  return kinds;
}

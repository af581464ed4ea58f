/**
 * Reads a search query as concepts and weighs them against the transcripts the
 * caller may see. A concept is one word the user typed (all the terms one word
 * gives, e.g. `9:00am` and `9:00` for "9am"), or a phrase of the tables in
 * synonyms.ts ("went live"), with the other ways of saying it as alternatives:
 * irregular forms at nearly full weight, synonyms and same-meaning phrases at
 * a lower one. A question about every participant's job also matches the
 * turns where people introduce themselves. Statistics are taken over the
 * visible segments only, so one user's transcripts never shift the ranking of
 * another's.
 *
 * Two kinds of words are worth less than their rarity says, when the query has
 * other words to go on:
 * - a name the meeting keeps using (the customer, the vendor, their product:
 *   a term only ever capitalised, said in several turns) says which meeting,
 *   not what is asked: "How many stores does Acme have?" is about stores, and
 *   the name weighs no more than the query's strongest other word;
 * - words about the conversation itself ("what did they discuss about…",
 *   "what did she think about…", and the committee or team that did) say
 *   nothing about where the answer is.
 * And a typed word matching, by its stem only, a name written in another form
 * ("housing", "the House") earns a fraction of a match (`otherNameTurns`).
 */

import { analyze, distinctTerms, foldCase } from './analyze.js';
import { asksParticipantRoles, readIntent, ROLE_QUESTION_TERMS, SELF_INTRODUCTION, TERM_NAME, type IntentKind } from './intent.js';
import { labelWords, postingOfAll, type Posting, type Segment } from './segment.js';
import { findPhrases, formsOfPhrase, otherFormsOf, synonymsOf } from './synonyms.js';

/** Where an alternative comes from: the words typed, another form of them ("went" for "go"), or a synonym. */
export type AlternativeSource = 'typed' | 'form' | 'synonym';

export interface Alternative {
  /** A turn matches when it holds every one of these terms. */
  terms: readonly string[];
  source: AlternativeSource;
}

export interface Concept {
  /** The query words it stands for, as typed (for explanations). */
  label: string;
  alternatives: Alternative[];
  /** The terms the user typed (no synonyms). */
  typed: string[];
  /** The words as typed, unstemmed (`labelWords`): only these are matched against speaker labels. */
  words: string[];
  /** A word about the conversation rather than its content. */
  framing: boolean;
  /** The word as typed, lowercased, when it is one word not typed as a name ("housing"); else null. */
  written: string | null;
}

export interface ReadQuery {
  concepts: Concept[];
  /** The kind of answer asked for, or null for keywords. */
  intent: IntentKind | null;
  /** The query's words as typed (`labelWords`), where a speaker's whole label is looked for. */
  words: string[];
}

/** What a match is worth next to the words typed: another form nearly as much, a synonym or same-meaning phrase half. */
const SOURCE_WEIGHT: Readonly<Record<AlternativeSource, number>> = { typed: 1, form: 0.9, synonym: 0.5 };
/**
 * A concept that names the turn's speaker earns this times the name's idf:
 * half of what one mention in an average-length turn earns (1.5 × idf).
 */
const SPEAKER_WEIGHT = 0.75;
/** A synonym or other form worth less than this share of its concept's best alternative is not scored. */
const MIN_SYNONYM_SHARE = 0.3;
/** Concepts are tracked as bits of a 32-bit integer. */
const MAX_CONCEPTS = 31;
/** A name said in at least this many turns of a meeting is one the meeting keeps using. */
const MEETING_NAME_TURNS = 3;
/** The meeting's names together weigh at most this share of the query's strongest other word. */
const MEETING_NAME_SHARE = 1;
/** A framing word keeps this share of its weight. */
const FRAMING_SHARE = 0.3;

/** Words about the conversation: "what did they discuss / say / think about…". */
const FRAMING_TERMS: ReadonlySet<string> = new Set(
  distinctTerms(
    'discuss discussion talk talked talking say said mention mentioned think thought opinion opinions view views ' +
      'summarize summarise summary conclusion conclude idea ideas attitude consider considerations explain describe feel felt',
  ),
);

/** The meeting's own people, as the subject of a framing word: "what did the committee say…", "the group discussed…". */
const PARTICIPANT_TERMS: ReadonlySet<string> = new Set(
  distinctTerms('team group committee meeting panel participants members attendees speakers everyone everybody'),
);
/** How many words after a participant word a framing word may come ("the team then discussed"). */
const PARTICIPANT_REACH = 2;

interface Word {
  start: number;
  end: number;
  terms: string[];
  /** Capitalised after the first word ("Acme Pay"): a name, matched only as typed. */
  name: boolean;
}

/** Runs of two or more capitalised words next to each other ("Acme Pay"), as [from, to) indices of `words`. */
function nameRuns(query: string, words: readonly Word[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let from = 0;
  for (let k = 1; k <= words.length; k++) {
    const joined = k < words.length && words[k]!.name && words[k - 1]!.name && query.slice(words[k - 1]!.end, words[k]!.start).trim() === '';
    if (joined) continue;
    if (k - from >= 2) runs.push([from, k]);
    from = k;
  }
  return runs;
}

/** Capitalised, not all capitals: "ROI" and "ERP" are abbreviations with synonyms, "Pay" in "Acme Pay" is a name. */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{N}'’-]/u;

/** The query's words with their terms, in order; a hyphenated word's joined form ("goliv") stays its own word. */
function wordsOf(query: string): Word[] {
  const words = new Map<string, Word>();
  const firstWord = /[\p{L}\p{N}]/u.exec(query)?.index ?? 0;
  for (const { term, start, end } of analyze(query)) {
    const span = `${start}-${end}`;
    const word = words.get(span) ?? { start, end, terms: [], name: start > firstWord && CAPITALISED.test(query.slice(start, end)) };
    if (!word.terms.includes(term)) word.terms.push(term);
    words.set(span, word);
  }
  return [...words.values()];
}

/** Adds `alternative` unless the same terms are already there (the first source wins: typed, then forms, then synonyms). */
function addAlternative(alternatives: Alternative[], alternative: Alternative): void {
  const key = alternative.terms.join(' ');
  if (!alternatives.some((existing) => existing.terms.join(' ') === key)) alternatives.push(alternative);
}

/** The alternatives of one word: its terms, their other forms and synonyms (except words typed elsewhere in the query). */
function wordAlternatives({ terms, name }: Word, typedAnywhere: ReadonlySet<string>): Alternative[] {
  const alternatives: Alternative[] = [];
  for (const term of terms) addAlternative(alternatives, { terms: [term], source: 'typed' });
  if (name) return alternatives;
  for (const term of terms) {
    for (const form of otherFormsOf(term)) if (!typedAnywhere.has(form)) addAlternative(alternatives, { terms: [form], source: 'form' });
    for (const synonym of synonymsOf(term)) if (!typedAnywhere.has(synonym)) addAlternative(alternatives, { terms: [synonym], source: 'synonym' });
  }
  return alternatives;
}

/** The query's concepts in typed order (empty when it holds only stop words), and its intent. */
export function readQuery(query: string): ReadQuery {
  const words = wordsOf(query);
  const typedAnywhere = new Set(words.flatMap((word) => word.terms));
  // Phrases are found on plain words; a hyphenated word's joined form rides along with the phrase covering it.
  const isJoined = (word: Word) => words.some((other) => other !== word && other.start >= word.start && other.end <= word.end);
  const plain = words.filter((word) => !isJoined(word));
  const phrases = findPhrases(plain.map((word) => (word.name ? [] : word.terms)));
  const covered = new Set<Word>();
  /** Each concept with where it starts in the query, to keep typed order. */
  const concepts: Array<[start: number, concept: Concept]> = [];
  const wordsBetween = (first: Word, last: Word) => words.filter((word) => word.start >= first.start && word.end <= last.end);

  // A name of several words is one concept: it counts once, whichever of its words a turn says, most when it says them all.
  for (const [from, to] of nameRuns(query, plain)) {
    const inside = wordsBetween(plain[from]!, plain[to - 1]!);
    for (const word of inside) covered.add(word);
    const typed = inside.flatMap((word) => word.terms);
    const alternatives: Alternative[] = [{ terms: plain.slice(from, to).map((word) => word.terms[0]!), source: 'typed' }];
    for (const term of typed) addAlternative(alternatives, { terms: [term], source: 'typed' });
    const label = query.slice(plain[from]!.start, plain[to - 1]!.end);
    concepts.push([plain[from]!.start, { label, alternatives, typed, words: labelWords(label), framing: false, written: null }]);
  }

  for (const phrase of phrases) {
    const first = plain[phrase.from]!;
    const last = plain[phrase.to - 1]!;
    const inside = wordsBetween(first, last);
    for (const word of inside) covered.add(word);
    const typedTerms = plain.slice(phrase.from, phrase.to).map((word) => word.terms[0]!);
    const alternatives: Alternative[] = [];
    formsOfPhrase(typedTerms).forEach((terms, k) => addAlternative(alternatives, { terms, source: k === 0 ? 'typed' : 'form' }));
    for (const word of inside) if (isJoined(word)) for (const term of word.terms) addAlternative(alternatives, { terms: [term], source: 'typed' });
    if (typedTerms.length === 1) for (const alternative of wordAlternatives(first, typedAnywhere)) addAlternative(alternatives, alternative);
    for (const other of phrase.alternatives) for (const terms of formsOfPhrase(other)) addAlternative(alternatives, { terms, source: 'synonym' });
    const typed = inside.flatMap((word) => word.terms);
    const label = query.slice(first.start, last.end);
    concepts.push([first.start, { label, alternatives, typed, words: labelWords(label), framing: false, written: null }]);
  }
  const isFramingWord = (word: Word) => word.terms.every((term) => FRAMING_TERMS.has(term));
  const isFraming = (k: number) =>
    isFramingWord(words[k]!) ||
    (words[k]!.terms.every((term) => PARTICIPANT_TERMS.has(term)) && words.slice(k + 1, k + 1 + PARTICIPANT_REACH).some(isFramingWord));
  for (const [k, word] of words.entries()) {
    if (covered.has(word)) continue;
    const label = query.slice(word.start, word.end);
    concepts.push([
      word.start,
      {
        label,
        alternatives: wordAlternatives(word, typedAnywhere),
        typed: word.terms,
        words: labelWords(label),
        framing: isFraming(k),
        written: word.name ? null : foldCase(label),
      },
    ]);
  }

  const unique = new Map<string, Concept>();
  for (const [, concept] of concepts.sort((a, b) => a[0] - b[0])) {
    const key = concept.typed.join(' ');
    if (!unique.has(key)) unique.set(key, concept);
  }
  // "What is each member's role?" is answered where people say who they are, in whatever words.
  if (asksParticipantRoles(query)) {
    for (const concept of unique.values()) {
      if (concept.typed.some((term) => ROLE_QUESTION_TERMS.has(term))) addAlternative(concept.alternatives, { terms: [SELF_INTRODUCTION], source: 'synonym' });
    }
  }
  return { concepts: [...unique.values()].slice(0, MAX_CONCEPTS), intent: readIntent(query), words: labelWords(query) };
}

/** Per concept: the turns of one segment whose speaker it names, ascending, or undefined when it names none. */
export type SpeakerTurns = Array<readonly number[] | undefined>;

/** A label word that names a speaker on its own: not a one-letter code ("D" of "Grad D", "2" of "Speaker 2"). */
function isNamingWord(word: string): boolean {
  return word.length > 1;
}

/** Whether `words` hold all of `label`, in order, next to each other; never a label made only of a code. */
function holdsLabel(words: readonly string[], label: readonly string[]): boolean {
  if (!label.some(isNamingWord)) return false;
  outer: for (let k = 0; k + label.length <= words.length; k++) {
    for (let l = 0; l < label.length; l++) if (words[k + l] !== label[l]) continue outer;
    return true;
  }
  return false;
}

/**
 * Which speakers of `segment` each concept names: those with a label word it
 * was typed as ("Dana" names "Dana Novak"). When the query holds a speaker's
 * whole label, code included ("Grad D", "Speaker 2"), that speaker alone gets
 * the credit of the words it shares with others ("Grad C").
 */
export function speakerTurnsOf(segment: Segment, concepts: readonly Concept[], queryWords: readonly string[]): SpeakerTurns {
  const { speakerWords, turnsOfSpeaker } = segment;
  const named = speakerWords.map((label) => holdsLabel(queryWords, label));
  return concepts.map((concept) => {
    const words = concept.words.filter(isNamingWord);
    let speakers = speakerWords.flatMap((label, s) => (label.some((word) => words.includes(word)) ? [s] : []));
    if (speakers.some((s) => named[s])) speakers = speakers.filter((s) => named[s]);
    if (speakers.length === 0) return undefined;
    if (speakers.length === 1) return turnsOfSpeaker[speakers[0]!];
    return speakers.flatMap((s) => turnsOfSpeaker[s]!).sort((a, b) => a - b);
  });
}

/**
 * The turns of `segment` where the typed word of `concept` only matches, by
 * its stem, a word the meeting writes capitalised mid-sentence in another
 * form: "housing" meeting "the House of Commons". A name is not its common
 * noun's stem, so these matches count for less (NAME_FORM_SHARE);
 * the same word typed ("house") still matches in full.
 */
export function otherNameTurns(segment: Segment, concept: Concept, alternative: Alternative): Uint32Array | undefined {
  if (concept.written === null || alternative.source !== 'typed' || alternative.terms.length !== 1) return undefined;
  const id = segment.termIds.get(alternative.terms[0]!);
  const uses = id === undefined ? undefined : segment.capitalised.get(id);
  if (uses === undefined) return undefined;
  const written = concept.written;
  const turns = uses.turns.filter((_, k) => !uses.words[k]!.has(written));
  return turns.length === 0 ? undefined : turns;
}

/** Per concept, per alternative: the turns of one segment holding it. */
export type SegmentMatches = Array<Array<Posting | undefined>>;

export function matchConcepts(segment: Segment, concepts: readonly Concept[]): SegmentMatches {
  return concepts.map((concept) => concept.alternatives.map((alternative) => postingOfAll(segment, alternative.terms)));
}

/** Why a concept, or one match of it ('name form': see `otherNameTurns`), weighs less than its rarity says. */
export type Discount = 'meeting name' | 'framing' | 'name form';
/** What a match of a typed word with a name of another form earns, as a share of a full match. */
export const NAME_FORM_SHARE = 0.3;

/** Collection statistics of the visible segments for one query. */
export interface QueryStats {
  averageLength: number;
  /** Per concept, per alternative: what one match is worth (weight × idf, after any discount). */
  alternativeWeights: number[][];
  /** Per concept: what a turn earns when the concept names its speaker. */
  speakerCredit: number[];
  /** What each concept is worth: its best alternative or speaker credit, 0 when found nowhere. */
  conceptWeights: number[];
  discounts: Array<Discount | null>;
  totalWeight: number;
}

/** BM25's idf, floored at 0 for terms found nowhere. */
function idf(documents: number, frequency: number): number {
  return frequency === 0 ? 0 : Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/**
 * A name the visible meetings keep using: only ever capitalised wherever it is
 * said, and said in several turns. One such word makes a name of several words
 * one ("Acme" of "Acme Pay").
 */
function isMeetingName(segments: readonly Segment[], terms: readonly string[]): boolean {
  return terms.some((term) => {
    let turns = 0;
    for (const segment of segments) {
      const id = segment.termIds.get(term);
      if (id === undefined) continue;
      if ((segment.termKinds[id]! & TERM_NAME) === 0) return false;
      turns += segment.postings[id]!.turns.length;
    }
    return turns >= MEETING_NAME_TURNS;
  });
}

/** Whether `concept` is only the code of a speaker label the query holds whole ("B" of "PhD B"): it says who spoke, not what. */
function isLabelCode(segments: readonly Segment[], concept: Concept, queryWords: readonly string[]): boolean {
  if (concept.words.some(isNamingWord)) return false;
  return segments.some((segment) =>
    segment.speakerWords.some((label) => concept.words.every((word) => label.includes(word)) && holdsLabel(queryWords, label)),
  );
}

export function queryStats(
  segments: readonly Segment[],
  { concepts, words }: ReadQuery,
  matches: ReadonlyMap<Segment, SegmentMatches>,
  speakers: ReadonlyMap<Segment, SpeakerTurns>,
): QueryStats {
  let documents = 0;
  let totalTokens = 0;
  for (const segment of segments) {
    documents += segment.turns.length;
    totalTokens += segment.totalTokens;
  }
  const alternativeWeights = concepts.map((concept, c) => {
    if (isLabelCode(segments, concept, words)) return concept.alternatives.map(() => 0);
    const weights = concept.alternatives.map((alternative, a) => {
      let frequency = 0;
      for (const segment of segments) frequency += matches.get(segment)![c]![a]?.turns.length ?? 0;
      return SOURCE_WEIGHT[alternative.source] * idf(documents, frequency);
    });
    // A synonym far commoner than the word typed adds little and costs a scan of its long posting list: left out.
    const floor = MIN_SYNONYM_SHARE * Math.max(0, ...weights);
    return weights.map((weight, a) => (concept.alternatives[a]!.source === 'typed' || weight >= floor ? weight : 0));
  });
  const speakerCredit = concepts.map((concept, c) => {
    let frequency = 0;
    for (const segment of segments) frequency += speakers.get(segment)![c]?.length ?? 0;
    if (frequency === 0) return 0;
    const typedWeight = Math.max(0, ...concept.alternatives.map((alternative, a) => (alternative.source === 'typed' ? alternativeWeights[c]![a]! : 0)));
    // A name people rarely say aloud is still a precise pointer at who said it, so the rarer measure wins.
    return SPEAKER_WEIGHT * Math.max(idf(documents, frequency), typedWeight);
  });

  const discounts = discountsOf(segments, concepts, alternativeWeights);
  const conceptWeights = concepts.map((_, c) => Math.max(0, ...alternativeWeights[c]!, speakerCredit[c]!));
  return {
    averageLength: Math.max(1, totalTokens / Math.max(1, documents)),
    alternativeWeights,
    speakerCredit,
    conceptWeights,
    discounts,
    totalWeight: conceptWeights.reduce((sum, weight) => sum + weight, 0),
  };
}

/** Lowers, in place, the weights of meeting names and framing words when the query has other words found in the text. */
function discountsOf(segments: readonly Segment[], concepts: readonly Concept[], alternativeWeights: number[][]): Array<Discount | null> {
  const discounts: Array<Discount | null> = concepts.map((concept) =>
    concept.framing ? 'framing' : isMeetingName(segments, concept.typed) ? 'meeting name' : null,
  );
  const best = (c: number) => Math.max(0, ...alternativeWeights[c]!);
  const content = concepts.map((_, c) => c).filter((c) => discounts[c] === null && best(c) > 0);
  if (content.length === 0) return concepts.map(() => null);
  const nameCap = MEETING_NAME_SHARE * Math.max(...content.map(best));
  const nameWeight = concepts.reduce((sum, _, c) => sum + (discounts[c] === 'meeting name' ? best(c) : 0), 0);
  const nameScale = Math.min(1, nameCap / Math.max(nameWeight, Number.MIN_VALUE));
  discounts.forEach((discount, c) => {
    if (discount === null) return;
    const scale = discount === 'framing' ? FRAMING_SHARE : nameScale;
    if (scale === 1 || best(c) === 0) discounts[c] = null;
    else alternativeWeights[c] = alternativeWeights[c]!.map((value) => value * scale);
  });
  return discounts;
}

/**
 * One pass over a transcript that everything else reads: its sentences with
 * their search terms, dates and figures, the meeting date, the people, and who
 * is the customer and who the vendor. Built once per snapshot (and again, from
 * the same transcript, when a field is updated), so it is deterministic and
 * cheap.
 */

import { forEachTerm } from '../search/analyze.js';
import type { Transcript } from '../transcript/types.js';
import { findDatesInCall, inferMeetingDate, type DateMention } from './dates.js';
import { findFigures, type Figure } from './figures.js';
import { assessCustomerCall, type CallGate } from './gate.js';
import { capitalRuns, lowercaseVocabulary, type NamedSentence } from './names.js';
import { inferParties, type Parties, type Side } from './parties.js';
import { findPeople, type Person } from './people.js';
import { sentencesOfTranscript } from './sentences.js';
import type { VendorProfile } from './types.js';

export interface AnalysedSentence extends NamedSentence {
  side: Side;
  /** Distinct search terms (stems), as the search index makes them. */
  terms: ReadonlySet<string>;
  dates: DateMention[];
  figures: Figure[];
  wordCount: number;
}

/** Cheap gate before the number grammar: a digit or a number word ("one" alone is nearly always a pronoun). */
const MAY_HOLD_NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)|\bone (?:point|hundred|thousand|million|billion)\b|\b(?:a|one)[\s-](?:half|third|quarter|fifth)\b|\bhalf of\b/i;
/**
 * What a number can start with in the grammar of spoken-numbers.ts: a digit, a
 * whole small number word, or "a"/"an" before a scale. A scale word alone
 * ("hundreds of tickets", "thousand" in a long call) or a word that merely
 * begins like one ("tension") starts none, so the grammar need not read it.
 */
const MAY_START_NUMBER =
  /\d|(?<![A-Za-z])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|an?[\s-]{1,2}(?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fifth)|half)(?![A-Za-z])/i;

function mayHoldFigure(text: string): boolean {
  return MAY_HOLD_NUMBER.test(text) && MAY_START_NUMBER.test(text);
}

function isWhitespace(code: number, text: string, at: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(text[at]!);
}

/** `text.split(/\s+/).length` without building the array: one more than the runs of whitespace. */
function countWords(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let at = 0; at < text.length; at++) {
    const space = isWhitespace(text.charCodeAt(at), text, at);
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}

function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  forEachTerm(text, (term) => terms.add(term));
  return terms;
}

/**
 * Labels that are another speaker's first name in capitals ("NADIA" after
 * "Nadia Brook" introduced herself): the same person, label -> full name.
 */
function aliasesOf(speakerNames: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const label of speakerNames) {
    if (!/^\p{Lu}{2,}$/u.test(label)) continue;
    const full = speakerNames.filter((name) => name.includes(' ') && name.split(' ')[0]!.toUpperCase() === label);
    if (full.length === 1) aliases.set(label, full[0]!);
  }
  return aliases;
}

function canonicalSpeakers(sentences: readonly NamedSentence[], aliases: ReadonlyMap<string, string>): readonly NamedSentence[] {
  if (aliases.size === 0) return sentences;
  return sentences.map((sentence) => (sentence.speaker !== null && aliases.has(sentence.speaker) ? { ...sentence, speaker: aliases.get(sentence.speaker)! } : sentence));
}

/** An alias takes the side of the person it names. */
function withAliases(parties: Parties, aliases: ReadonlyMap<string, string>): Parties {
  if (aliases.size === 0) return parties;
  const sideOf = new Map(parties.sideOf);
  for (const [label, full] of aliases) sideOf.set(label, sideOf.get(full) ?? 'unknown');
  return { ...parties, sideOf };
}

/** Per organisation, the speakers of the sentences that tie it to someone ("I'm … at X"). */
function affiliationsOf(parties: Parties, sentenceById: ReadonlyMap<number, NamedSentence>): Array<Set<string>> {
  return parties.organisations.map((org) => new Set(org.anchorIds.map((id) => sentenceById.get(id)?.speaker).filter((speaker): speaker is string => typeof speaker === 'string')));
}

export interface CallAnalysis {
  transcript: Transcript;
  sentences: AnalysedSentence[];
  /** The same sentences by id (ids skip the sentences of excluded turns). */
  sentenceById: ReadonlyMap<number, AnalysedSentence>;
  meetingDate?: string;
  vocabulary: ReadonlySet<string>;
  people: Person[];
  parties: Parties;
  /** Whether this is a customer talking with its vendor; when not, no customer field may be stated. */
  gate: CallGate;
  /** Speaker labels that are another speaker's first name in capitals, label -> full name. */
  speakerAliases: ReadonlyMap<string, string>;
  /** The user's own organisation, when given: its names are never the customer, its products are the product candidates. */
  vendor?: VendorProfile;
}

/**
 * @param excludedTurns turns to leave out entirely (suspicious content): no
 *   field, person or section can come from them.
 */
export function analyseTranscript(transcript: Transcript, excludedTurns: ReadonlySet<number> = new Set(), vendor?: VendorProfile): CallAnalysis {
  const base = sentencesOfTranscript(transcript)
    .filter((sentence) => !excludedTurns.has(sentence.turnIndex))
    .map((sentence): NamedSentence => ({ ...sentence, runs: capitalRuns(sentence.text) }));
  const vocabulary = lowercaseVocabulary(base.map((sentence) => sentence.text));
  const meetingDate = inferMeetingDate(base, [transcript.source.name, transcript.title]);
  const speakerNames = transcript.speakers.map((speaker) => speaker.name);
  const people = findPeople(base, speakerNames, vocabulary);
  const personWords = new Set(people.flatMap((person) => person.name.split(' ')));
  const speakerAliases = aliasesOf(speakerNames);
  const parties = withAliases(inferParties(canonicalSpeakers(base, speakerAliases), transcript.speakers.filter((speaker) => !speakerAliases.has(speaker.name)), vocabulary, personWords, vendor), speakerAliases);
  const datesOf = findDatesInCall(base.map((sentence) => sentence.text), meetingDate);
  const sentences = base.map((sentence, position): AnalysedSentence => {
    const dates = datesOf[position]!;
    return {
      ...sentence,
      side: sentence.speaker === null ? 'unknown' : parties.sideOf.get(sentence.speaker) ?? 'unknown',
      terms: termsOf(sentence.text),
      dates,
      figures: mayHoldFigure(sentence.text) ? findFigures(sentence.text, dates) : [],
      wordCount: countWords(sentence.text),
    };
  });
  const sentenceById = new Map(sentences.map((sentence) => [sentence.id, sentence]));
  const gate = assessCustomerCall(base, transcript.speakers, affiliationsOf(parties, sentenceById), parties.profileVendorSpeakers.size);
  return { transcript, sentences, sentenceById, ...(meetingDate ? { meetingDate } : {}), vocabulary, people, parties, gate, speakerAliases, ...(vendor ? { vendor } : {}) };
}

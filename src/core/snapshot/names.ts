/**
 * Proper names in a transcript without a name dictionary: runs of capitalised
 * words ("Ostwick Freight", "Rowan & Pike", "Senior Business Systems
 * Analyst"), told apart from ordinary words by the call itself. A word the call
 * also uses in lower case ("data", "booking", "team") is an ordinary word;
 * one it only ever capitalises ("Northwind", "Novak") is name-like. Also
 * reads job titles, capitalised ("VP of Operations", "Chief Nursing Officer")
 * or said in lower case ("revenue analyst", "head of procurement").
 */

import type { Sentence } from './sentences.js';

export interface CapitalRun {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  /** The words of the run, possessive "'s" and trailing periods removed. */
  words: string[];
  /** The words joined by single spaces, as names are compared and counted. */
  name: string;
}

/** A sentence with its capitalised runs, read once per analysis. */
export interface NamedSentence extends Sentence {
  runs: readonly CapitalRun[];
}

/** Capitalised words that open or fill sentences and never name anything. */
const COMMON_CAPITALISED = new Set(
  (
    'i i\'m i\'ve i\'ll i\'d the a an and but or so then also here there our my your his her their its we it what why how ' +
    'when where who which yes no ok okay well now today tomorrow yesterday please thanks thank hi hello hey dear as if for ' +
    'in on at by from with about after before because however first second third finally all both each every some any ' +
    'one two three other another this that these those yeah yep sure right great good perfect alright absolutely exactly ' +
    'oh um uh hmm mm wow love fair understood agreed correct excellent awesome cool sounds let let\'s maybe just actually ' +
    'honestly basically obviously again also not is are was were be do does did can could would should will shall may might you they he she ' +
    'must if once since while until though although whether over under into onto out up down off through across between ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december mr mrs ms dr ' +
    // Greetings of other languages open sentences the same way ("Bonjour Sam", "Hola Ben").
    'hola buenos buenas bonjour salut merci gracias ciao hallo danke servus adios adiós hasta ola obrigado obrigada'
  ).split(' '),
);

const CONTRACTION = /^[A-Za-z]+['’](?:re|ve|ll|d|m|t)$/;

/** Tail words that make a capitalised run an organisation ("… Freight", "… Health", "… Inc"). */
/** A courtesy title before a speaker's label ("Dr. Ilse Quennell:"), which people leave out when they say their own name. */
const LABEL_HONORIFIC = /^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)+/;

/** A speaker's label as its owner says it: "Dr. Ilse Quennell" -> "Ilse Quennell". */
export function withoutHonorific(label: string): string {
  return label.replace(LABEL_HONORIFIC, '');
}

export const ORG_SUFFIXES = new Set(
  (
    'inc inc. corp corp. corporation llc ltd ltd. limited plc gmbh co co. company group holdings enterprises industries ' +
    'partners associates systems solutions technologies technology labs software analytics health healthcare hospital ' +
    'medical clinic clinics bank financial insurance logistics freight transport shipping airlines foods retail stores ' +
    'brands motors energy pharma pharmaceuticals university college school network networks media studios consulting ' +
    'services capital ventures trust manufacturing'
  ).split(' '),
);

/** Letters of Latin-1 and Latin Extended-A/B ("Muñoz", "Łukasz", "Dénia"), without × and ÷. */
function isAccentedLetter(code: number): boolean {
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

/** ASCII letters and digits, and the accented letters of European names. */
function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || isAccentedLetter(code);
}

/** Characters that may continue a word once it has started: letters, digits, apostrophes, periods, hyphens. */
function continuesWord(code: number): boolean {
  return isLetterOrDigit(code) || code === 39 || code === 0x2019 || code === 46 || code === 45;
}

/** Where the word starting at `start` (a letter, digit or "&") ends: after its last letter or digit. */
function wordEnd(sentence: string, start: number): number {
  if (sentence.charCodeAt(start) === 38) return start + 1;
  let last = start;
  for (let cursor = start + 1; cursor < sentence.length; cursor++) {
    const code = sentence.charCodeAt(cursor);
    if (!continuesWord(code)) break;
    if (isLetterOrDigit(code)) last = cursor;
  }
  return last + 1;
}

/** Where the next word starts at or after `from` (which is not inside a word), or -1. */
function nextWordStart(sentence: string, from: number): number {
  for (let at = from; at < sentence.length; at++) {
    const code = sentence.charCodeAt(at);
    if (isLetterOrDigit(code) || code === 38) return at;
  }
  return -1;
}

/** A word starts at `at` unless a letter or digit before it, joined by word characters, already started one ("x.Y", "O'Neil"). */
function startsWord(sentence: string, at: number): boolean {
  for (let back = at - 1; back >= 0; back--) {
    const code = sentence.charCodeAt(back);
    if (!continuesWord(code)) return true;
    if (isLetterOrDigit(code)) return false;
  }
  return true;
}

function startsCapitalised(sentence: string, at: number): boolean {
  const code = sentence.charCodeAt(at);
  if (code >= 65 && code <= 90) return true;
  return isAccentedLetter(code) && sentence[at] !== sentence[at]!.toLowerCase();
}

function isConnector(sentence: string, start: number, end: number): boolean {
  return (end - start === 1 && sentence.charCodeAt(start) === 38) || (end - start === 2 && sentence.startsWith('of', start));
}

/** Ends in a possessive, which closes a name ("Acme's Finance team"). */
function endsPossessive(sentence: string, start: number, end: number): boolean {
  const apostrophe = sentence.charCodeAt(end - 2);
  return end - start >= 2 && sentence.charCodeAt(end - 1) === 115 && (apostrophe === 39 || apostrophe === 0x2019);
}

/** The word without a possessive "'s" and then a trailing period (what `/['’]s$/` and `/\.$/` would remove). */
function cleanWord(word: string): string {
  let clean = word;
  if (clean.length >= 2 && clean.endsWith('s') && (clean[clean.length - 2] === "'" || clean[clean.length - 2] === '’')) clean = clean.slice(0, -2);
  return clean.endsWith('.') ? clean.slice(0, -1) : clean;
}

/** Adds the run of the words `bounds` (flat start/end pairs) without connectors at its end or common words at its start. */
function pushRun(sentence: string, bounds: number[], runs: CapitalRun[]): void {
  let first = 0;
  let last = bounds.length / 2 - 1;
  while (last >= first && isConnector(sentence, bounds[2 * last]!, bounds[2 * last + 1]!)) last--;
  while (first <= last && COMMON_CAPITALISED.has(cleanWord(sentence.slice(bounds[2 * first], bounds[2 * first + 1])).toLowerCase())) first++;
  if (first > last) return;
  const words: string[] = [];
  for (let word = first; word <= last; word++) words.push(cleanWord(sentence.slice(bounds[2 * word], bounds[2 * word + 1])));
  runs.push({ start: bounds[2 * first]!, end: bounds[2 * last + 1]!, words, name: words.join(' ') });
}

/**
 * Reads the runs that begin with the capitalised word at `start`, up to the
 * first word that neither extends nor opens one; returns where that word
 * ends. A capitalised word not joined to the run before it by one space opens
 * a new run.
 */
function readRuns(sentence: string, start: number, runs: CapitalRun[]): number {
  let bounds = [start, wordEnd(sentence, start)];
  for (;;) {
    const previousStart = bounds[bounds.length - 2]!;
    const previousEnd = bounds[bounds.length - 1]!;
    const wordStart = nextWordStart(sentence, previousEnd);
    if (wordStart < 0) {
      pushRun(sentence, bounds, runs);
      return sentence.length;
    }
    const end = wordEnd(sentence, wordStart);
    const joined = wordStart === previousEnd + 1 && sentence.charCodeAt(previousEnd) === 32 && !endsPossessive(sentence, previousStart, previousEnd);
    if (startsCapitalised(sentence, wordStart)) {
      if (!joined) {
        pushRun(sentence, bounds, runs);
        bounds = [];
      }
      bounds.push(wordStart, end);
      continue;
    }
    if (joined && isConnector(sentence, wordStart, end)) {
      const after = nextWordStart(sentence, end);
      if (after >= 0 && (startsCapitalised(sentence, after) || sentence.charCodeAt(after) === 38)) {
        bounds.push(wordStart, end);
        continue;
      }
    }
    pushRun(sentence, bounds, runs);
    return end;
  }
}

/**
 * The capitalised runs of a sentence. "&" and "of" may join two capitalised
 * words ("Rowan & Pike", "Bank of Ireland"); an opening word that is common
 * ("So", "Yes", "Our") is dropped. Words are letters (accented ones too) and digits
 * joined by `'’.-` ("O'Neil", "U.S", "Mary-Kate", "Muñoz"), cut by hand and only around
 * capitals, as this runs on every sentence of the call.
 */
export function capitalRuns(sentence: string): CapitalRun[] {
  const runs: CapitalRun[] = [];
  let from = 0;
  while (from < sentence.length) {
    let capital = from;
    while (capital < sentence.length && !startsCapitalised(sentence, capital)) capital++;
    if (capital === sentence.length) break;
    from = startsWord(sentence, capital) ? readRuns(sentence, capital, runs) : capital + 1;
  }
  return runs;
}

/** E-mail addresses and links spell names in lower case, written or spoken ("at acme dot example"); they are not ordinary words. */
const LINK = /\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+|\bat,?\s+(?:[a-z][\w-]*,?\s+){1,3}(?:dot\s+[a-z]+\b,?\s*)+/g;
const LOWERCASE_WORD = /\b[a-z][a-z'’-]*\b/g;

/** Lower-case words of the whole call, to tell ordinary words from names. */
export function lowercaseVocabulary(texts: Iterable<string>): Set<string> {
  // Raw words first: a long call repeats a few thousand words, so the possessive is stripped once per word, not per use.
  const words = new Set<string>();
  for (const text of texts) {
    const mayHoldLink = text.includes('@') || text.includes('http') || text.includes('www.') || text.includes(' dot ');
    const prose = mayHoldLink ? text.replace(LINK, ' ') : text;
    for (const word of prose.match(LOWERCASE_WORD) ?? []) words.add(word);
  }
  const vocabulary = new Set<string>();
  for (const word of words) vocabulary.add(word.replace(/['’]s$/, ''));
  return vocabulary;
}

/** A word the call never writes in lower case, and that is not a common opener. */
export function isNameLike(word: string, vocabulary: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{Lu}/u.test(word) || COMMON_CAPITALISED.has(lower)) return false;
  if (/^[A-Z]{2,}$/.test(word)) return false; // acronyms: TMS, EHR, ROI
  // "We're", "They've", "That's": contractions open sentences; a name takes at most a possessive 's.
  if (CONTRACTION.test(word)) return false;
  const possessive = /^(.+)['’]s$/.exec(lower);
  if (possessive && COMMON_CAPITALISED.has(possessive[1]!)) return false;
  return !vocabulary.has(lower);
}

/** Heads of job titles: a title phrase ends with one of these. */
export const TITLE_HEADS = new Set(
  (
    'analyst manager director officer head lead leader vp svp evp avp president sponsor engineer architect administrator ' +
    'admin specialist coordinator consultant cfo ceo cto cio coo cmo cno cso cro ciso owner founder co-founder supervisor planner buyer ' +
    'developer scientist nurse physician doctor controller accountant executive partner representative rep associate ' +
    'assistant principal advisor steward chair chairman superintendent strategist designer researcher counsel secretary ' +
    'treasurer dean provost chief'
  ).split(' '),
);

/** Words that may stand inside a title before its head ("Senior Business Systems Analyst"). */
const TITLE_WORD = /^(?:[A-Z][A-Za-z&/-]*|senior|junior|lead|principal|chief|deputy|assistant|associate|executive|general|regional|global|national|head|vice|staff|managing|operations|product|project|program|customer|success|account|sales|marketing|finance|financial|business|systems|data|it|technical|clinical|nursing|medical)$/;
const TITLE_TAIL = /^(?:of|for)$/i;
/** Heads that also qualify another noun: "the chief estimator", "the lead auditor", "the head chef". */
const QUALIFYING_HEADS: ReadonlySet<string> = new Set(['chief', 'lead', 'head', 'principal']);

/**
 * Reads a job title at the start of `text`: "VP of Operations, so …" ->
 * "VP of Operations"; "Chief Nursing Officer" -> itself; "the planning team" -> null.
 */
export function readTitle(text: string): string | null {
  const words = text.trim().split(/\s+/).slice(0, 10);
  let end = -1;
  let index = 0;
  for (; index < words.length; index++) {
    const raw = words[index]!;
    const word = raw.replace(/[,.;:!?)]+$/, '');
    if (!TITLE_WORD.test(word) && !TITLE_HEADS.has(word.toLowerCase())) break;
    if (TITLE_HEADS.has(word.toLowerCase())) end = index;
    if (word !== raw) break;
  }
  if (end < 0) return null;
  // "chief estimator", "head chef": a head that also qualifies takes the one lower-case noun after it, when the title ends there.
  const qualified = words[end]!;
  const noun = words[end + 1];
  if (QUALIFYING_HEADS.has(qualified.toLowerCase()) && noun !== undefined && /^[a-z][a-z-]+[,.;:!?]*$/.test(noun)) {
    const bare = noun.replace(/[,.;:!?]+$/, '');
    const next = words[end + 2]?.replace(/[,.;:!?)]+$/, '').toLowerCase();
    const endsThere = bare !== noun || next === undefined || CLAUSE_WORDS.has(next) || TITLE_CLOSER.test(next);
    if (!CLAUSE_WORDS.has(bare) && !TITLE_CLOSER.test(bare) && endsThere) end++;
  }
  // "Director of Merchandising", "Head of Supply Chain": a head followed by "of" and capitalised words.
  let tailEnd = end;
  const afterHead = words[end + 1];
  if (afterHead && TITLE_TAIL.test(afterHead) && words[end]!.replace(/[,.;:!?]+$/, '') === words[end]) {
    let cursor = end + 2;
    while (cursor < words.length && cursor <= end + 4) {
      const raw = words[cursor]!;
      const word = raw.replace(/[,.;:!?)]+$/, '');
      if (!/^[A-Z&]/.test(word)) break;
      tailEnd = cursor;
      if (word !== raw) break;
      cursor++;
    }
  }
  const title = words.slice(0, tailEnd + 1).join(' ').replace(/[,.;:!?)]+$/, '');
  return title.length >= 2 ? title : null;
}

/** Words that open or carry a clause, never a title: "and I think", "happy to be here", "just joining". */
const CLAUSE_WORDS = new Set(
  (
    'and but so or nor to the a an i me my we us you your it its this that these those is am are was were be been being ' +
    'have has had do does did will would can could should just really very not no yes here there happy glad sorry late ' +
    'still also now then going trying sure back today with at for from of in on by as who which what when where how ' +
    'one ones thing things guy person someone'
  ).split(' '),
);
/** Words that may follow a spoken title and close it: "analyst at X", "lead here", "manager for the app". */
const TITLE_CLOSER = /^(?:at|for|with|from|on|in|here|there|over|across|and|but|so|who|since|based)$/;
const TRAILING_PUNCTUATION = /[,.;:!?)\u2014\u2013]+$/;
/** Lower-case words and short acronyms ("IT manager", "QA lead") may stand before the head. */
const SPOKEN_TITLE_WORD = /^(?:[a-z][a-z&/-]*|[A-Z]{2,4})$/;
const TITLE_ARTICLE = /^(?:a|an|the|our|your|my|their)$/i;

/**
 * Reads a job title said in lower case at the start of `text`: up to four
 * modifiers and a head from TITLE_HEADS, then a pause, the end, or a word that
 * closes it ("at", "for", "here"); a head may take "of" and one to three words
 * ("head of procurement"). "revenue analyst at Contoso." -> "revenue analyst";
 * "the operations lead here" -> "operations lead"; "happy to be here" -> null.
 */
export function readSpokenTitle(text: string): string | null {
  const words = text.trim().split(/\s+/).slice(0, 12);
  const start = words[0] !== undefined && TITLE_ARTICLE.test(words[0]) ? 1 : 0;
  for (let index = start; index < words.length && index <= start + 4; index++) {
    const raw = words[index]!;
    const word = raw.replace(TRAILING_PUNCTUATION, '');
    if (!SPOKEN_TITLE_WORD.test(word) || CLAUSE_WORDS.has(word)) return null;
    const paused = word !== raw;
    const next = words[index + 1];
    if (TITLE_HEADS.has(word)) {
      const title = words.slice(start, index + 1).join(' ').replace(TRAILING_PUNCTUATION, '');
      if (paused || next === undefined || TITLE_CLOSER.test(next)) return title;
      if (next === 'of') return titleTail(words, index + 2, title);
    }
    if (paused) return null;
  }
  return null;
}

/** "head" + "of procurement." -> "head of procurement": one to three plain words, then a pause, the end or a closer. */
function titleTail(words: readonly string[], from: number, head: string): string | null {
  for (let index = from; index < words.length && index < from + 3; index++) {
    const raw = words[index]!;
    const word = raw.replace(TRAILING_PUNCTUATION, '');
    if (!/^[A-Za-z][\w&/-]*$/.test(word) || CLAUSE_WORDS.has(word.toLowerCase())) return null;
    const next = words[index + 1];
    if (word !== raw || next === undefined || TITLE_CLOSER.test(next)) return `${head} of ${words.slice(from, index + 1).join(' ').replace(TRAILING_PUNCTUATION, '')}`;
  }
  return null;
}

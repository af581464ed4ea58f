/**
 * Local verification of what a model wrote, without a model: a cited turn
 * must exist (and must not be one withheld from the model), a quote must be
 * in that turn (compared ignoring case, typographic quotes and spacing, then
 * replaced by the turn's own characters, so evidence is always verbatim),
 * every figure, e-mail address and link a claim states must be said in a
 * turn it cites, a claim that reads as instructions to a model is dropped
 * whatever it cites (a real quote does not make an invented sentence true),
 * and a claim left without evidence is dropped. Every drop is counted by
 * reason so the snapshot can say what was removed, and gaps can be repaired.
 */

import { uniqueEvidence } from '../snapshot/evidence.js';
import { SPOKEN_SEPARATORS } from '../snapshot/spoken-addresses.js';
import { findNumbers } from '../snapshot/spoken-numbers.js';
import { suspiciousKind } from '../snapshot/validate.js';
import type { Evidence } from '../snapshot/types.js';
import type { Transcript } from '../transcript/types.js';
import type { ClaimOutput } from './schemas.js';

export type DropReason =
  | 'turn_missing'
  | 'turn_withheld'
  | 'quote_not_in_turn'
  | 'figure_not_in_evidence'
  | 'address_not_in_evidence'
  | 'reads_as_instructions'
  | 'value_not_in_evidence'
  | 'invalid_value'
  | 'wrong_kind'
  | 'no_evidence'
  | 'figure_not_elsewhere'
  | 'schema';

export type DropTally = Partial<Record<DropReason, number>>;

export function countDrop(tally: DropTally, reason: DropReason, by = 1): void {
  tally[reason] = (tally[reason] ?? 0) + by;
}

export function totalDrops(tally: DropTally): number {
  return Object.values(tally).reduce((sum, n) => sum + (n ?? 0), 0);
}

const DROP_WORDS: Readonly<Record<DropReason, string>> = {
  turn_missing: 'cited a turn that does not exist',
  turn_withheld: 'cited a turn withheld as suspicious',
  quote_not_in_turn: 'quoted words that are not in the cited turn',
  figure_not_in_evidence: 'stated a figure that no cited turn says',
  address_not_in_evidence: 'gave an e-mail address or link that no cited turn says',
  reads_as_instructions: 'read like instructions to an AI model',
  value_not_in_evidence: 'gave a value that its cited turn does not say',
  invalid_value: 'gave a value of the wrong form',
  wrong_kind: "gave a value that is not the kind its field holds (such as a speaker label as a contact or a filler as a product)",
  no_evidence: 'had no evidence left',
  figure_not_elsewhere: 'stated a figure no other section or field states',
  schema: 'did not fit the answer format',
};

/** What one drop reason means, as the end of a sentence: "quoted words that are not in the cited turn". */
export function describeDrop(reason: DropReason): string {
  return DROP_WORDS[reason];
}

/** "2 quoted words that are not in the cited turn; 1 stated a figure that no cited turn says". */
export function describeDrops(tally: DropTally): string[] {
  return (Object.keys(DROP_WORDS) as DropReason[]).filter((reason) => (tally[reason] ?? 0) > 0).map((reason) => `${tally[reason]} ${DROP_WORDS[reason]}`);
}

const MAX_QUOTE_LENGTH = 300;

const FOLD: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...' };

/** Lower case, typographic quotes and dashes folded, whitespace runs as one space; `map[i]` is the original offset of `norm[i]`. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      if (norm.length > 0 && !norm.endsWith(' ')) {
        norm += ' ';
        map.push(i);
      }
      continue;
    }
    const folded = (FOLD[char] ?? char).toLowerCase();
    for (const piece of folded) {
      norm += piece;
      map.push(i);
    }
  }
  return { norm, map };
}

/** Cuts a long quote at a word boundary; still a substring of the turn. */
function capQuote(quote: string): string {
  if (quote.length <= MAX_QUOTE_LENGTH) return quote;
  const space = quote.lastIndexOf(' ', MAX_QUOTE_LENGTH);
  return quote.slice(0, space > 0 ? space : MAX_QUOTE_LENGTH).replace(/[\s,;:]+$/, '');
}

/**
 * The turn's own characters for a model's quote, or null when the quote is
 * not in the turn. Surrounding quote marks and a final full stop the model
 * added are ignored.
 * @example locateQuote('We saved “40%” on fuel.', 'we saved "40%" on fuel') // 'We saved “40%” on fuel'
 */
export function locateQuote(turnText: string, quote: string): string | null {
  const trimmed = quote.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  if (trimmed.length === 0) return null;
  if (turnText.includes(trimmed)) return capQuote(trimmed);
  const wanted = normalise(trimmed.replace(/[.,;:!?]+$/, '')).norm;
  if (wanted.length === 0) return null;
  const { norm, map } = normalise(turnText);
  const at = norm.indexOf(wanted);
  if (at < 0) return null;
  const start = map[at] as number;
  const end = (map[at + wanted.length - 1] as number) + 1;
  return capQuote(turnText.slice(start, end));
}

/** Checks citations against one transcript; turns withheld from the model cannot be cited. */
export class Grounder {
  constructor(
    readonly transcript: Transcript,
    private readonly withheld: ReadonlySet<number>,
  ) {}

  /** Verbatim evidence for a citation, or why it fails. */
  ground(turnIndex: number, quote: string): Evidence | DropReason {
    const turn = this.transcript.turns[turnIndex];
    if (!turn) return 'turn_missing';
    if (this.withheld.has(turnIndex)) return 'turn_withheld';
    const located = locateQuote(turn.text, quote);
    if (located === null) return 'quote_not_in_turn';
    return { turn_index: turn.index, start_ms: turn.startMs, speaker: turn.speaker, quote: located };
  }

  turnText(turnIndex: number): string {
    return this.transcript.turns[turnIndex]?.text ?? '';
  }
}

/** Re-exported for the merge and assembly steps, which dedupe evidence the same way the offline engine does. */
export { uniqueEvidence };

export function isEvidence(value: Evidence | DropReason): value is Evidence {
  return typeof value === 'object';
}

const CITATION_LIKE = /\[(?:\d{1,3}:)?\d{1,2}:\d{2}\]|\[turn \d+\]|\(?\bT\d+\b\)?|\[\d+\]/g;

/** A script or style element with its contents; one left open runs to the end, as a browser would read it. */
const SCRIPT_OR_STYLE = /<\s*(script|style)\b[^>]*>[\s\S]*?(?:<\s*\/\s*\1\s*>|$)/gi;

/**
 * Claim text as prose: no citations of the model's own (ours are added), no
 * markup that could smuggle links or HTML, and no script or style contents
 * (their text is code, not something the call said).
 */
export function cleanProse(text: string): string {
  return text
    .replace(SCRIPT_OR_STYLE, ' ')
    .replace(CITATION_LIKE, '')
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/[<>]/g, '')
    .replace(/^\s*(?:[-*•]|\d+\.)\s+/, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Figures written in digits ("40%", "$1.2 million", "2,500"): what a claim asserts. */
export function statedFigures(text: string): number[] {
  return findNumbers(text)
    .filter((mention) => !mention.spoken)
    .map((mention) => mention.value);
}

/** Every number said in the texts, in digits or in words. */
export function saidNumbers(texts: Iterable<string>): Set<number> {
  const values = new Set<number>();
  for (const text of texts) for (const mention of findNumbers(text)) values.add(mention.value);
  return values;
}

/** E-mail addresses, links with a scheme, and `www.` hosts; trailing sentence punctuation is not part of them. */
const ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;

/** Letters and digits, lower case, one run per word, separator words left out (on both sides, so "data@at.example" still matches itself). */
function addressWordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !SPOKEN_SEPARATORS.has(word));
}

/** The e-mail addresses and links a text states. */
export function statedAddresses(text: string): string[] {
  return [...text.matchAll(ADDRESS)].map((match) => match[0].replace(/[.,;:!?)\]]+$/, ''));
}

/**
 * Whether a turn says an address, written or spoken: the address's letters
 * and digits (without `scheme://` or `www.`) must be whole words of the turn
 * in a row once separator words are set aside, so "ana.ruiz@acme.com" is said
 * by "ana.ruiz@acme.com" and by "ana ruiz at acme dot com", never by a turn
 * that only contains its letters inside longer words.
 */
export function turnSaysAddress(turnText: string, address: string): boolean {
  const wanted = addressWordsOf(address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '')).join('');
  if (wanted.length === 0) return true;
  const words = addressWordsOf(turnText);
  const joined = words.join('');
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of words) {
    offset += word.length;
    boundaries.add(offset);
  }
  for (let at = joined.indexOf(wanted); at >= 0; at = joined.indexOf(wanted, at + 1)) {
    if (boundaries.has(at) && boundaries.has(at + wanted.length)) return true;
  }
  return false;
}

/**
 * What a claim states that its cited turns do not say: a figure, or an e-mail
 * address or link; null when they say it all. Figures are those written in
 * digits, or with `figuresInWords` also those spelled out ("ten million").
 */
export function unsaidInCitedTurns(text: string, citedTexts: readonly string[], figuresInWords = false): 'figure_not_in_evidence' | 'address_not_in_evidence' | null {
  const said = saidNumbers(citedTexts);
  const figures = figuresInWords ? [...saidNumbers([text])] : statedFigures(text);
  if (figures.some((value) => !said.has(value))) return 'figure_not_in_evidence';
  if (statedAddresses(text).some((address) => !citedTexts.some((turnText) => turnSaysAddress(turnText, address)))) return 'address_not_in_evidence';
  return null;
}

export interface VerifiedClaim {
  text: string;
  startsParagraph: boolean;
  evidence: Evidence[];
}

/**
 * Keeps the claims whose citations hold and whose figures, e-mail addresses
 * and links the cited turns state, and which do not read as instructions to
 * a model; counts the rest by reason in `tally`. Names are not checked: a
 * claim may rightly name a speaker or company that another turn introduced.
 */
export function verifyClaims(claims: readonly ClaimOutput[], grounder: Grounder, tally: DropTally): VerifiedClaim[] {
  const kept: VerifiedClaim[] = [];
  for (const claim of claims) {
    const text = cleanProse(claim.text);
    if (suspiciousKind(text) !== null) {
      countDrop(tally, 'reads_as_instructions');
      continue;
    }
    const evidence: Evidence[] = [];
    let lastFailure: DropReason = 'no_evidence';
    for (const citation of claim.evidence.slice(0, 3)) {
      const grounded = grounder.ground(citation.turn, citation.quote);
      if (isEvidence(grounded)) {
        evidence.push(grounded);
      } else {
        lastFailure = grounded;
      }
    }
    const distinct = uniqueEvidence(evidence);
    if (text.length === 0 || distinct.length === 0) {
      countDrop(tally, text.length === 0 ? 'schema' : lastFailure);
      continue;
    }
    const unsaid = unsaidInCitedTurns(text, distinct.map((item) => grounder.turnText(item.turn_index)));
    if (unsaid !== null) {
      countDrop(tally, unsaid);
      continue;
    }
    kept.push({ text, startsParagraph: claim.starts_paragraph, evidence: distinct });
  }
  return kept;
}

/**
 * E-mail addresses said aloud: "jolene dot marchetti at pinecone vet dot
 * example" is jolene.marchetti@pineconevet.example. Speech-to-text rarely
 * writes the "@", so a snapshot reads the spoken form as a small grammar: a
 * local part of words joined by "dot", "underscore" or "dash", then "at",
 * then labels of one to three words (said apart, written together) joined by
 * "dot", the last one word.
 */

/** Words a speaker (or a speech recogniser) uses for an address's punctuation: "ana at acme dot com". */
export const SPOKEN_SEPARATORS: ReadonlySet<string> = new Set(['at', 'dot', 'slash', 'colon', 'dash', 'hyphen', 'underscore']);

export interface SpokenAddress {
  address: string;
  /** Offsets into the scanned text, from the local part's first word to the last label. */
  start: number;
  end: number;
}

const LOCAL_JOINERS: Readonly<Record<string, string>> = { dot: '.', underscore: '_', dash: '-', hyphen: '-' };
/** Words before "at" that are never the local part of an address: "I'm at", "we are at", "just at". */
const NOT_LOCAL = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'just', 'here', 'there', 'me', 'us', 'them', 'look', 'looking', 'based', 'only', 'still', 'and', 'or', 'but', 'that', 'this', 'all', 'even', 'right', 'back']);
/** A single-word local part needs the sentence to be about an address; a dotted one is an address on its own. */
const ADDRESS_TALK = /\b(?:e-?mail|address|reach me|copy me|cc me|send (?:it|that|them|this) to|write to|it's|it is)\b/i;
const MAX_LABEL_WORDS = 3;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Whether only spaces or commas stand between two words: a spoken address does not cross a sentence. */
function adjacent(text: string, left: Word, right: Word): boolean {
  return /^[\s,]*$/.test(text.slice(left.end, right.start));
}

/** A word that may be (part of) a domain label: letters or digits, not a spoken separator. */
function isLabelWord(word: string): boolean {
  return /^[a-z0-9]+$/.test(word) && !SPOKEN_SEPARATORS.has(word);
}

/** The spoken e-mail addresses in a text, in lower case. */
export function findSpokenAddresses(text: string): SpokenAddress[] {
  const words: Word[] = [...text.matchAll(/[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g)].map((match) => ({ text: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length }));
  const found: SpokenAddress[] = [];
  for (const [at, word] of words.entries()) {
    if (word.text !== 'at' || at === 0) continue;
    // The local part, read backwards: "jolene dot marchetti".
    let first = at - 1;
    // A spelled-out word ("P-O-R-T-E-R") ends in a single letter, "we're at" is speech: no address is read from them.
    if (!/^[a-z0-9]{2,}$/.test(words[first]!.text) || SPOKEN_SEPARATORS.has(words[first]!.text) || NOT_LOCAL.has(words[first]!.text) || !adjacent(text, words[first]!, word)) continue;
    let local = words[first]!.text;
    while (first >= 2 && words[first - 1]!.text in LOCAL_JOINERS && !SPOKEN_SEPARATORS.has(words[first - 2]!.text) && adjacent(text, words[first - 2]!, words[first - 1]!) && adjacent(text, words[first - 1]!, words[first]!)) {
      local = `${words[first - 2]!.text}${LOCAL_JOINERS[words[first - 1]!.text]}${local}`;
      first -= 2;
    }
    // "e porter at …": an initial said before the local part joins it (an article or "I" does not), and marks an address.
    const initial = first >= 1 ? words[first - 1]! : undefined;
    const withInitial = initial !== undefined && /^[b-hj-z]$/.test(initial.text) && /^\s+$/.test(text.slice(initial.end, words[first]!.start));
    if (withInitial) {
      local = `${initial.text}${local}`;
      first -= 1;
    }
    // The domain: labels of a few words each, joined by "dot".
    const labels: string[] = [];
    let next = at + 1;
    let last = word;
    for (;;) {
      let label = '';
      let count = 0;
      while (count < MAX_LABEL_WORDS && next < words.length && isLabelWord(words[next]!.text) && adjacent(text, last, words[next]!)) {
        label += words[next]!.text;
        last = words[next]!;
        next++;
        count++;
        // "saltmarsh dash ceramics": a hyphen between two words of the first label (a top-level label has none).
        const joiner = words[next];
        const following = words[next + 1];
        if (labels.length === 0 && count < MAX_LABEL_WORDS && joiner && following && LOCAL_JOINERS[joiner.text] === '-' && isLabelWord(following.text) && /^\s+$/.test(text.slice(last.end, joiner.start) + text.slice(joiner.end, following.start))) {
          label += '-';
          last = joiner;
          next++;
          continue;
        }
        // The top-level label is one word; the sentence goes on after it.
        if (labels.length > 0 && words[next]?.text !== 'dot') break;
      }
      if (count === 0) break;
      labels.push(label);
      if (words[next]?.text !== 'dot' || !adjacent(text, last, words[next]!)) break;
      last = words[next++]!;
    }
    const topLevel = labels[labels.length - 1] ?? '';
    if (labels.length < 2 || !/^[a-z]{2,24}$/.test(topLevel)) continue;
    if (local === words[at - 1]!.text && !ADDRESS_TALK.test(text)) continue;
    found.push({ address: `${local}@${labels.join('.')}`, start: words[first]!.start, end: last.end });
  }
  return found;
}

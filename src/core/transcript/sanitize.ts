/**
 * Cue text cleaning in one linear scan: control characters and invisible
 * Unicode (zero-width characters, bidi overrides and isolates, tag characters,
 * soft hyphens, stray BOMs) are removed and counted, every run of whitespace
 * becomes one space, and the ends are trimmed. With `markup` on, WebVTT/SRT
 * tags are stripped (the first `<v Name>` voice is kept) and character
 * references decoded, so `&lrm;` becomes a mark that is then removed like any
 * other invisible. Ordinary text, including accented letters, CJK and emoji,
 * is copied in slices between the characters that need work, found with one
 * regex that jumps ahead natively; text that needs no work is returned as is.
 */

import { decodeEntities, decodeEntityAt, readTagAt } from './markup.js';

export interface CleanText {
  text: string;
  /** Speaker from the first `<v Name>` tag, when markup was on and one was present. */
  voice: string | null;
  /** How many invisible or control characters were removed. */
  removed: number;
  /** Words in `text`. */
  words: number;
}

/**
 * The characters that need work: controls (tab and line breaks included, as
 * spacing), C1 controls, no-break and typographic spaces, invisible format
 * characters, and U+DB40 (the high half of tag characters). Keep in step with
 * `isRemovableChar` and `isSpaceChar`.
 */
const WORK_CLASS = '\\0-\\x1f\\x7f-\\xa0\\xad\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff\\udb40';
const NEEDS_WORK = new RegExp(`[${WORK_CLASS}]`);
const NEEDS_WORK_MARKUP = new RegExp(`[${WORK_CLASS}<&]`);
const NEXT_WORK = new RegExp(`[${WORK_CLASS}]| {2}`, 'g');
const NEXT_WORK_MARKUP = new RegExp(`[${WORK_CLASS}<&]| {2}`, 'g');

/**
 * The word count of a text that is already clean (nothing to remove or
 * decode, single inner spaces, no spaces at the ends), or -1 when it needs
 * cleaning. One character-class regex, then one walk over the spaces that
 * both counts words and spots double spaces. Most cues of most files pass.
 */
export function wordsIfClean(raw: string, markup: boolean): number {
  if (raw.length === 0) return 0;
  if (raw.charCodeAt(0) === 0x20 || raw.charCodeAt(raw.length - 1) === 0x20) return -1;
  if ((markup ? NEEDS_WORK_MARKUP : NEEDS_WORK).test(raw)) return -1;
  let words = 1;
  let space = raw.indexOf(' ');
  while (space >= 0) {
    if (raw.charCodeAt(space + 1) === 0x20) return -1;
    words++;
    space = raw.indexOf(' ', space + 2);
  }
  return words;
}

/** Control characters (except tab and line breaks, which are spacing) and invisible format characters. */
export function isRemovableChar(code: number): boolean {
  if (code < 0x20) return code < 0x09 || code > 0x0d;
  if (code < 0x7f) return false;
  if (code <= 0x9f) return true;
  return (
    code === 0xad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

/** Whitespace that collapses to one space (ASCII spacing, no-break and typographic spaces, line separators). */
export function isSpaceChar(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Unicode tag characters U+E0000–U+E007F are U+DB40 followed by U+DC00–U+DC7F. */
function isTagCharAt(text: string, i: number): boolean {
  const low = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 0xdb40 && low >= 0xdc00 && low <= 0xdc7f;
}

/**
 * Cleans cue or line text.
 * @example cleanText('<v.loud Ana Silva>Hi&nbsp; <i>there</i>', true) // { text: 'Hi there', voice: 'Ana Silva', removed: 0, words: 2 }
 */
export function cleanText(raw: string, markup: boolean): CleanText {
  const words = wordsIfClean(raw, markup);
  if (words >= 0) return { text: raw, voice: null, removed: 0, words };
  if (markup) {
    const voiced = readVoicedCleanText(raw);
    if (voiced !== null) return voiced;
  }
  const cleaned = scanText(raw, markup);
  if (cleaned.voice === null) return cleaned;
  // The voice annotation is plain text with references; cleaning it cannot meet another tag.
  const name = scanText(decodeEntities(cleaned.voice), false);
  return { ...cleaned, voice: name.text || null, removed: cleaned.removed + name.removed };
}

/**
 * Teams writes nearly every cue as `<v Name>words</v>`: when the name and the
 * words need no cleaning, take them as they are instead of scanning.
 */
function readVoicedCleanText(raw: string): CleanText | null {
  if (raw.charCodeAt(0) !== 0x3c || raw.charCodeAt(1) !== 0x76 || raw.charCodeAt(2) !== 0x20) return null;
  const close = raw.indexOf('>', 3);
  if (close < 0) return null;
  const end = raw.endsWith('</v>') ? raw.length - 4 : raw.length;
  const voice = raw.slice(3, close);
  const text = raw.slice(close + 1, end);
  const words = wordsIfClean(text, true);
  if (words <= 0 || wordsIfClean(voice, true) <= 0) return null;
  return { text, voice, removed: 0, words };
}

/**
 * The slow path of `cleanText`; `voice` is the raw annotation of the first
 * voice tag. Kept text keeps its single spaces; where pieces meet, one space
 * stands for any whitespace between them.
 */
function scanText(raw: string, markup: boolean): CleanText {
  const nextWork = markup ? NEXT_WORK_MARKUP : NEXT_WORK;
  const length = raw.length;
  let out = '';
  let voice: string | null = null;
  let removed = 0;
  let pendingSpace = false;
  // Tracked rather than read back: `out` is a rope while it grows, and reading its last character would flatten it each time.
  let outEndsWithSpace = true;
  let nextClose = -2;

  const append = (piece: string): void => {
    let added = piece;
    if (piece.charCodeAt(0) === 0x20) {
      if (outEndsWithSpace) added = piece.slice(1);
    } else if (pendingSpace && !outEndsWithSpace) {
      added = ` ${piece}`;
    }
    pendingSpace = false;
    if (added.length === 0) return;
    out += added;
    outEndsWithSpace = added.charCodeAt(added.length - 1) === 0x20;
  };

  let i = 0;
  while (i < length) {
    nextWork.lastIndex = i;
    const match = nextWork.exec(raw);
    const at = match === null ? length : match.index;
    if (at > i) append(raw.slice(i, at));
    if (match === null) break;
    i = at;
    const code = raw.charCodeAt(i);
    if (isSpaceChar(code)) {
      pendingSpace = true;
      i++;
      while (i < length && isSpaceChar(raw.charCodeAt(i))) i++;
    } else if (isRemovableChar(code)) {
      removed++;
      i++;
    } else if (code === 0xdb40) {
      const low = raw.charCodeAt(i + 1);
      if (low > 0xdc7f && low <= 0xdfff) {
        // Other plane-14 characters (variation selectors) stay.
        append(raw.slice(i, i + 2));
        i += 2;
      } else {
        // A tag character, or a lone high half: kept, it would pair with a low half that
        // follows once the invisibles between them are gone, making a tag character after all.
        removed++;
        i += isTagCharAt(raw, i) ? 2 : 1;
      }
    } else if (code === 0x3c) {
      // The next `>` only moves forward, so many `<` without one stay linear.
      if (nextClose !== -1 && nextClose < i) nextClose = raw.indexOf('>', i);
      const tag = readTagAt(raw, i, nextClose);
      if (tag === null) {
        append('<');
        i++;
      } else {
        if (voice === null) voice = tag.voice;
        i = tag.end;
      }
    } else {
      const entity = decodeEntityAt(raw, i);
      if (entity === null) {
        append('&');
        i++;
      } else {
        const decoded = entity.char.charCodeAt(0);
        if (isSpaceChar(decoded)) pendingSpace = true;
        else if (isRemovableChar(decoded) || isTagCharAt(entity.char, 0)) removed++;
        else append(entity.char);
        i = entity.end;
      }
    }
  }
  if (outEndsWithSpace && out.length > 0) out = out.slice(0, -1);
  return { text: out, voice, removed, words: countWords(out) };
}

/** Words in a cleaned text: with single inner spaces and trimmed ends, that is spaces plus one. */
export function countWords(text: string): number {
  if (text.length === 0) return 0;
  let words = 1;
  let space = text.indexOf(' ');
  while (space >= 0) {
    words++;
    space = text.indexOf(' ', space + 1);
  }
  return words;
}

/** Plain-text cleaning (no markup): invisibles removed and counted, whitespace collapsed. */
export function sanitizeText(raw: string): { text: string; removed: number } {
  const { text, removed } = cleanText(raw, false);
  return { text, removed };
}

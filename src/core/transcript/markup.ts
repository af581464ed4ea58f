/**
 * WebVTT/SRT cue markup, read one token at a time for the text cleaner:
 * tags (`<i>`, `<c.x>`, `<v.loud Name>`, `</v>`, `<lang en>`, `<ruby>`,
 * inline timestamps `<00:00:01.000>`) and character references (`&amp;`,
 * `&nbsp;`, `&lrm;`, `&#39;`, `&#x27;`). Each reader looks at one position and
 * reports where the token ends, so the caller's scan stays linear however
 * deeply tags are nested. A `<` that does not open a plausible tag ("revenue
 * <5% and margin >3%") and an unknown `&name;` are left as literal text.
 */

/** Longest tag we accept; anything longer is literal text, not markup. */
const MAX_TAG_LENGTH = 256;
const MAX_ENTITY_LENGTH = 10;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '\u2026',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  euro: '\u20ac',
  pound: '\u00a3',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
};

export interface TagToken {
  /** Index just past the closing `>`. */
  end: number;
  /** Raw annotation of a `<v …>` tag (the speaker); null for any other tag. */
  voice: string | null;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Reads the tag opening at `start` (a `<`), given the index of the next `>`
 * at or after it (`closeIndex`, -1 when there is none; the caller caches it
 * so repeated `<` without `>` stay linear). Returns null when this `<` is text.
 */
export function readTagAt(raw: string, start: number, closeIndex: number): TagToken | null {
  if (closeIndex < 0 || closeIndex - start > MAX_TAG_LENGTH) return null;
  const first = raw.charCodeAt(start + 1);
  if (isDigit(first)) {
    // Inline timestamp: digits, colons and a dot only.
    for (let i = start + 2; i < closeIndex; i++) {
      const code = raw.charCodeAt(i);
      if (!isDigit(code) && code !== 0x3a && code !== 0x2e) return null;
    }
    return { end: closeIndex + 1, voice: null };
  }
  const nameStart = first === 0x2f ? start + 2 : start + 1;
  if (!isAsciiLetter(raw.charCodeAt(nameStart))) return null;
  for (let i = nameStart + 1; i < closeIndex; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x3c || code === 0x0a || code === 0x0d) return null;
  }
  let voice: string | null = null;
  const nameCode = raw.charCodeAt(nameStart);
  if (first !== 0x2f && (nameCode === 0x76 || nameCode === 0x56)) {
    const after = raw.charCodeAt(nameStart + 1);
    if (after === 0x20 || after === 0x09 || after === 0x2e) {
      // `<v.class.other Name>`: the annotation follows the first whitespace.
      let space = nameStart + 1;
      while (space < closeIndex && raw.charCodeAt(space) !== 0x20 && raw.charCodeAt(space) !== 0x09) space++;
      voice = space < closeIndex ? raw.slice(space + 1, closeIndex) : null;
    }
  }
  return { end: closeIndex + 1, voice };
}

/** Decodes the character reference starting at `start` (an `&`); null when it is not one we know. */
export function decodeEntityAt(raw: string, start: number): { char: string; end: number } | null {
  // Bounded search: a stray `&` must not scan the rest of the text.
  let semicolon = -1;
  const limit = Math.min(raw.length, start + MAX_ENTITY_LENGTH + 2);
  for (let i = start + 1; i < limit; i++) {
    if (raw.charCodeAt(i) === 0x3b) {
      semicolon = i;
      break;
    }
  }
  if (semicolon < 0) return null;
  const body = raw.slice(start + 1, semicolon);
  let char: string | undefined;
  if (body.charCodeAt(0) === 0x23) {
    const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
    const digits = body.slice(hex ? 2 : 1);
    if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
    const codePoint = Number.parseInt(digits, hex ? 16 : 10);
    const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    char = valid ? String.fromCodePoint(codePoint) : '\ufffd';
  } else {
    char = NAMED_ENTITIES[body];
  }
  return char === undefined ? null : { char, end: semicolon + 1 };
}

/** Decodes every known character reference in a short string (a voice tag's speaker name). */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let segmentStart = 0;
  let at = raw.indexOf('&');
  while (at >= 0) {
    const entity = decodeEntityAt(raw, at);
    if (entity !== null) {
      out += raw.slice(segmentStart, at) + entity.char;
      segmentStart = entity.end;
    }
    at = raw.indexOf('&', entity === null ? at + 1 : entity.end);
  }
  return out + raw.slice(segmentStart);
}

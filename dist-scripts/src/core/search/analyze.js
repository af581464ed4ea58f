/**
 * Turns text into search terms, the same way for turns being indexed and for
 * queries: lowercase, accents folded, stop words dropped, Porter stems. A few
 * spoken-transcript shapes get their own rules so that people find them however
 * they type them: clock times ("9:00 a.m.", "9am" and "9 AM" all give `9:00am`
 * plus `9:00`), numbers with separators ("1,500" gives `1500`), spelled-out
 * numbers ("forty" gives `40`), possessives ("team's" gives `team`) and
 * hyphenated words ("on-boarding" gives `board` and `onboard`, so it meets
 * "onboarding"). Each term keeps the character span it came from so snippets
 * can be cut around matches.
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';
/** A word: letters and digits, possibly joined by hyphens or apostrophes (then group 1 is set). */
const WORD = /[\p{L}\p{N}]+((?:[-'’][\p{L}\p{N}]+)+)?/gu;
/** Tried where a word starts with a digit: a clock time with am/pm, or a bare clock time. */
const CLOCK_TIME = /(\d{1,2})(?::([0-5]\d))?\s?([ap])\.?m\b\.?|(\d{1,2}):([0-5]\d)(?!\d)/iy;
/** Otherwise the whole number: internal `.`/`,` allowed, letter suffix as in "40k" or "2nd". */
const NUMBER = /\p{N}+(?:[.,]\p{N}+)*\p{L}*/uy;
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const HAS_DIGIT = /\d/;
/**
 * Spelled-out numbers people also write as digits ("forty hours", "40 hours").
 * "one" is left out: it is far more often a pronoun ("no one", "this one").
 */
const NUMBER_WORDS = new Map(Object.entries({
    two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
    eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
    seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40',
    fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
}));
/**
 * Word as written -> its term, or null for a stop word. Stemming dominates the
 * cost of indexing and speech reuses few words, so memoising pays; the cache is
 * emptied rather than grown without bound.
 */
const TERM_CACHE = new Map();
const TERM_CACHE_LIMIT = 200_000;
function foldCase(word) {
    const lower = word.toLowerCase();
    return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower;
}
/** The term of one plain word (no hyphen or apostrophe), or null for a stop word. */
function termOf(word) {
    let term = TERM_CACHE.get(word);
    if (term === undefined) {
        const folded = foldCase(word);
        if (folded.length === 0 || STOP_WORDS.has(folded))
            term = null;
        else
            term = NUMBER_WORDS.get(folded) ?? (HAS_DIGIT.test(folded) ? folded : stemmer(folded));
        if (TERM_CACHE.size >= TERM_CACHE_LIMIT)
            TERM_CACHE.clear();
        TERM_CACHE.set(word, term);
    }
    return term;
}
function isAsciiDigit(code) {
    return code >= 48 && code <= 57;
}
/** Calls `visit` for every search term of `text`, in order. */
export function forEachTerm(text, visit) {
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
        const start = match.index;
        if (isAsciiDigit(text.charCodeAt(start))) {
            WORD.lastIndex = emitNumber(text, start, visit);
            continue;
        }
        const word = match[0];
        const end = start + word.length;
        if (match[1] !== undefined) {
            emitCompound(word, start, visit);
            continue;
        }
        const term = termOf(word);
        if (term !== null)
            visit(term, start, end);
    }
}
/** Emits the clock time or number starting at `start`; returns where it ends. */
function emitNumber(text, start, visit) {
    CLOCK_TIME.lastIndex = start;
    const time = CLOCK_TIME.exec(text);
    if (time) {
        const [whole, hour12, minutes12, meridiem, hour24, minutes24] = time;
        const end = start + whole.length;
        if (hour12 !== undefined) {
            const clock = `${Number(hour12)}:${minutes12 ?? '00'}`;
            visit(`${clock}${meridiem.toLowerCase()}m`, start, end);
            visit(clock, start, end);
        }
        else {
            visit(`${Number(hour24)}:${minutes24}`, start, end);
        }
        return end;
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text)[0];
    visit(foldCase(number.replace(/,(?=\p{N})/gu, '')), start, start + number.length);
    return start + number.length;
}
/** Splits apostrophes and hyphens; a short hyphenated word also counts as one word. */
function emitCompound(word, start, visit) {
    const withoutPossessive = word.replace(/['’][sS]$/, '');
    const parts = withoutPossessive.split(/[-'’]/);
    let partStart = start;
    for (const part of parts) {
        const term = termOf(part);
        if (term !== null)
            visit(term, partStart, partStart + part.length);
        partStart += part.length + 1;
    }
    if (withoutPossessive.includes('-') && parts.length <= 3 && parts.every((part) => /^\p{L}+$/u.test(part))) {
        const term = termOf(parts.join(''));
        if (term !== null)
            visit(term, start, start + word.length);
    }
}
/** The terms of `text` with their source spans. */
export function analyze(text) {
    const terms = [];
    forEachTerm(text, (term, start, end) => terms.push({ term, start, end }));
    return terms;
}
/** The distinct terms of `text`, in first-seen order. */
export function distinctTerms(text) {
    const seen = new Set();
    forEachTerm(text, (term) => seen.add(term));
    return [...seen];
}

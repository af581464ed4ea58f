/**
 * Finds numbers in transcript text, written or spoken: "4,500", "1.2M",
 * "2.5 million", "two hundred twelve", "three point five million",
 * "forty-five hundred", "twelve and a half", "eighteen fifty" (said for 1850).
 * Speech-to-text writes numbers either way, often both in one call, and a
 * figure only counts if we can read it, so this is a small grammar rather than
 * a lookup. Chosen over the NLP libraries measured (compromise read "three
 * point five million" as 3 and took 1.5 s on a 68-minute call).
 */
const UNITS = {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS = {
    ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS = {
    twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const DIGIT_SUFFIX_SCALES = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };
const TOKEN = /\d+(?:,\d{3})*(?:\.\d+)?(?:[kKmMbB][nNmM]?\b)?|[A-Za-z]+(?:-[A-Za-z]+)*|[^\sA-Za-z\d]/g;
/** Number words and the little words of spoken numbers, by lower-case spelling. */
const WORDS = new Map([
    ...Object.entries(UNITS).map(([word, value]) => [word, { kind: 'unit', value }]),
    ...Object.entries(TEENS).map(([word, value]) => [word, { kind: 'teen', value }]),
    ...Object.entries(TENS).map(([word, value]) => [word, { kind: 'tens', value }]),
    ...Object.entries(SCALES).map(([word, value]) => [word, { kind: 'scale', value }]),
    ['hundred', { kind: 'hundred', value: 100 }],
    ['and', { kind: 'and', value: 0 }],
    ['a', { kind: 'a', value: 1 }],
    ['an', { kind: 'a', value: 1 }],
    ['point', { kind: 'point', value: 0 }],
    ['half', { kind: 'half', value: 0.5 }],
    ['dozen', { kind: 'dozen', value: 12 }],
]);
function classify(text, start) {
    const lower = text.toLowerCase();
    const token = { text, lower, start, end: start + text.length, kind: 'other', value: 0, compound: false };
    const code = lower.charCodeAt(0);
    if (code >= 48 && code <= 57) {
        const match = /^([\d,]+(?:\.\d+)?)([a-z]*)$/.exec(lower);
        token.kind = 'digits';
        token.value = Number(match[1].replace(/,/g, '')) * (DIGIT_SUFFIX_SCALES[match[2]] ?? 1);
        return token;
    }
    const word = WORDS.get(lower);
    if (word) {
        token.kind = word.kind;
        token.value = word.value;
        return token;
    }
    const dash = lower.indexOf('-');
    if (dash > 0) {
        // "forty-five": a tens-unit compound is one token.
        const tens = WORDS.get(lower.slice(0, dash));
        const unit = WORDS.get(lower.slice(dash + 1));
        if (tens?.kind === 'tens' && unit?.kind === 'unit' && unit.value > 0) {
            token.kind = 'tens';
            token.value = tens.value + unit.value;
            token.compound = true;
        }
    }
    return token;
}
function tokenize(text) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text))
        tokens.push(classify(match[0], match.index));
    return tokens;
}
const isSmall = (token) => token !== undefined && (token.kind === 'unit' || token.kind === 'teen' || token.kind === 'tens');
/**
 * Reads one number starting at `tokens[at]`; returns the mention and the index
 * after it, or null when no number starts there.
 */
function readNumber(tokens, at, text) {
    const first = tokens[at];
    let i = at;
    let total = 0;
    /** Value of the group below the current scale ("three hundred twelve" before "thousand"). */
    let group = 0;
    let spoken = false;
    let last = null;
    let lastCompound = false;
    let groupHasHundred = false;
    if (first.kind === 'digits') {
        if (isPartOfClockOrCode(text, first))
            return null;
        group = first.value;
        last = 'digits';
        i++;
    }
    else if (first.kind === 'a') {
        // "a hundred", "a million", "a dozen"; never "a" alone.
        const after = tokens[i + 1];
        if (!after || (after.kind !== 'hundred' && after.kind !== 'scale' && after.kind !== 'dozen') || !adjacent(text, first, after))
            return null;
        group = 1;
        last = 'unit';
        spoken = true;
        i++;
    }
    else if (isSmall(first)) {
        // A lone "one" is nearly always a pronoun ("no one", "this one").
        if (first.lower === 'one' && !['hundred', 'scale', 'point'].includes(tokens[i + 1]?.kind ?? ''))
            return null;
        group = first.value;
        last = first.kind;
        lastCompound = first.compound;
        spoken = true;
        i++;
    }
    else {
        return null;
    }
    for (; i < tokens.length; i++) {
        const token = tokens[i];
        const previous = tokens[i - 1];
        if (!adjacent(text, previous, token))
            break;
        if (token.kind === 'hundred' && last !== 'hundred' && last !== 'scale' && !groupHasHundred) {
            group = (group || 1) * 100;
            groupHasHundred = true;
        }
        else if (token.kind === 'scale' && last !== 'scale' && last !== null) {
            total += (group || 1) * token.value;
            group = 0;
            groupHasHundred = false;
        }
        else if (token.kind === 'dozen' && (last === 'unit' || last === 'digits')) {
            group *= 12;
        }
        else if (token.kind === 'and' && (last === 'hundred' || last === 'scale') && isSmall(tokens[i + 1])) {
            continue;
        }
        else if (token.kind === 'and' && tokens[i + 1]?.kind === 'a' && tokens[i + 2]?.kind === 'half') {
            group += 0.5;
            i += 2;
            last = 'half';
            spoken = true;
            continue;
        }
        else if (token.kind === 'point' && last !== 'scale' && last !== 'hundred' && tokens[i + 1]?.kind === 'unit') {
            // "three point five", "one point two five": digit words after "point" are decimals.
            let decimals = '';
            while (tokens[i + 1]?.kind === 'unit' && adjacent(text, tokens[i], tokens[i + 1])) {
                decimals += String(tokens[i + 1].value);
                i++;
            }
            group = Number(`${Math.trunc(group)}.${decimals}`);
            last = 'point';
            spoken = true;
            continue;
        }
        else if (last === 'tens' && !lastCompound && token.kind === 'unit' && token.value > 0 && group % 10 === 0) {
            group += token.value;
        }
        else if ((last === 'hundred' || last === 'scale' || last === 'and') && isSmall(token)) {
            group += token.value;
        }
        else if ((last === 'teen' || (last === 'tens' && group >= 20)) &&
            total === 0 && !groupHasHundred && group < 100 &&
            (token.kind === 'tens' || token.kind === 'teen')) {
            // "eighteen fifty", "twenty twenty-four": said for 1850 and 2024.
            group = group * 100 + token.value;
            groupHasHundred = true;
        }
        else {
            break;
        }
        if (token.kind !== 'and') {
            spoken = spoken || token.kind !== 'digits';
            last = token.kind;
            lastCompound = token.compound;
        }
    }
    const lastToken = tokens[i - 1];
    const end = lastToken.kind === 'and' ? tokens[i - 2].end : lastToken.end;
    return { mention: { start: first.start, end, value: round(total + group), spoken }, next: i };
}
function round(value) {
    return Math.round(value * 1e6) / 1e6;
}
/** Tokens separated by nothing but spaces or a hyphen ("forty-five", "two hundred"). */
function adjacent(text, left, right) {
    return /^[\s-]*$/.test(text.slice(left.end, right.start)) && right.start - left.end <= 2;
}
/** "9:30", "v2.1", "COVID-19", "Q3": digits that are not quantities. */
function isPartOfClockOrCode(text, token) {
    const before = text[token.start - 1] ?? ' ';
    const after = text[token.end] ?? ' ';
    return before === ':' || after === ':' || /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) || (before === '-' && /[A-Za-z]/.test(text[token.start - 2] ?? ''));
}
/** Every number in `text`, in order of appearance. */
export function findNumbers(text) {
    const tokens = tokenize(text);
    const mentions = [];
    for (let i = 0; i < tokens.length;) {
        const read = readNumber(tokens, i, text);
        if (read) {
            mentions.push(read.mention);
            i = read.next;
        }
        else {
            i++;
        }
    }
    return mentions;
}

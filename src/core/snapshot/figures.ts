/**
 * Turns the numbers of a sentence into figures a snapshot can use: money with
 * its currency and period ("$1,400,000 per year"), percentages ("92%"), and
 * counts with the noun they count ("420 drivers"). Numbers that are parts of
 * dates, clock times or version codes are left out by the caller passing the
 * spans to skip.
 */

import { findNumbers, type NumberMention } from './spoken-numbers.js';

export type FigureKind = 'money' | 'percentage' | 'count';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** Offsets into the sentence of the whole figure, currency and unit words included. */
  start: number;
  end: number;
  /** For money: "$", "€", "£", "¥", a prefixed dollar ("CA$", "US$", "A$") or an ISO code ("CAD"). */
  currency?: string;
  /** For money: "year", "month", "week" when the amount is a rate. */
  period?: string;
  /** For counts: the noun counted, lower case ("users", "billable hours"). */
  unit?: string;
}

/**
 * A currency sign just before an amount: "€40,000", or a dollar with its country prefix
 * ("CA$350,000", "US$ 2 million", "NZ$"), which is kept since "$" alone would say US dollars.
 */
const CURRENCY_SIGN = /(?:\b(?:CA|C|US|AU|A|NZ|HK|S|MX)\$|[$€£¥])\s?$/;
/** ISO codes said before or after an amount: "CAD 350,000", "350,000 CAD". */
const ISO_CODES = 'USD|EUR|GBP|CAD|AUD|NZD|HKD|SGD|JPY|CHF|INR|CNY|MXN|SEK|NOK|DKK|ZAR';
const CODE_BEFORE = new RegExp(`\\b(${ISO_CODES})\\s$`, 'i');
const WORD_CURRENCY: Record<string, string> = {
  dollar: '$', dollars: '$', bucks: '$', usd: '$', euro: '€', euros: '€', eur: '€', pound: '£', pounds: '£', gbp: '£', yen: '¥',
  rupees: 'INR',
  ...Object.fromEntries(ISO_CODES.split('|').filter((code) => !['USD', 'EUR', 'GBP'].includes(code)).map((code) => [code.toLowerCase(), code])),
};
const PERIODS: Record<string, string> = {
  year: 'year', annually: 'year', annual: 'year', yearly: 'year', month: 'month', monthly: 'month', week: 'week', weekly: 'week', quarter: 'quarter', quarterly: 'quarter', day: 'day',
};

/** Words allowed between a count and its noun ("420 active users", "80 billable hours"). */
const UNIT_MODIFIERS = new Set(
  'active new more additional extra total licensed paying daily weekly monthly billable full-time part-time named concurrent unique registered internal external other of our the'.split(' '),
);
const NOT_UNITS = new Set('percent per of to and or the a an in on at for by with from than as is are was were it that this its across into over under plus this these those has was we i you they he she our my their out'.split(' '));

interface Span {
  start: number;
  end: number;
}

function overlaps(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => span.start < other.end && other.start < span.end);
}

/**
 * The figures of one sentence.
 * @param skip spans (dates, times) whose numbers are not figures.
 */
export function findFigures(sentence: string, skip: readonly Span[] = []): Figure[] {
  const numbers = findNumbers(sentence).filter((mention) => !overlaps(mention, skip));
  const shares = spokenShares(sentence, numbers);
  const figures: Figure[] = [...shares];
  numbers.forEach((mention, index) => {
    if (overlaps(mention, shares)) return;
    const figure = classifyNumber(sentence, mention, numbers[index + 1]);
    if (figure && !isYear(sentence, figure)) figures.push(figure);
  });
  return withSharedCurrency(withReferredUnits(sentence, figures.sort((a, b) => a.start - b.start)));
}

/**
 * "3,000 employees and about 400 of them use it": a count "of them" counts the noun of the count before it;
 * "310 of our 420 paralegals": a count of a part counts the noun of the whole after it.
 */
function withReferredUnits(sentence: string, figures: Figure[]): Figure[] {
  return figures.map((figure, index) => {
    if (figure.kind !== 'count' || figure.unit !== undefined) return figure;
    const before = figures[index - 1];
    if (before?.unit && /^\s+of\s+(?:them|those|these)\b/i.test(sentence.slice(figure.end))) return { ...figure, unit: before.unit };
    const whole = figures[index + 1];
    if (whole?.kind === 'count' && whole.unit && PART_OF.test(sentence.slice(figure.end, whole.start))) return { ...figure, unit: whole.unit };
    return figure;
  });
}

/** Between a part and its whole: "310 of our 420", "12 out of the 15". */
export const PART_OF = /^\s+(?:out\s+)?of\s+(?:our|the|your|their|its|all|all of our|all of the)\s+$/i;

/** "In 2024 we spent…", "for 2025": a bare four-digit year is a date, not a count or an amount. */
function isYear(sentence: string, figure: Figure): boolean {
  return figure.kind === 'count' && figure.unit === undefined && Number.isInteger(figure.value) && figure.value >= 1950 && figure.value <= 2100 && /^\d{4}$/.test(sentence.slice(figure.start, figure.end).trim());
}

const FRACTIONS: Record<string, number> = { half: 50, halves: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20 };
const FRACTION_COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4 };
/**
 * A share said as a fraction: "about two-thirds of our faculty", "cut it by a third", "maybe two thirds." — not
 * "half a day" or "a third team", where the fraction is part of something else.
 */
const SPOKEN_FRACTION = /\b(a|one|two|three|four)[\s-](half|thirds?|quarters?|fifths?)\b(?=\s+of\b|\s*[,.;!?]|\s*$|\s+(?:faster|less|more|fewer|lower|higher|shorter|quicker|are|were|have|use|log)\b)|\bhalf(?=\s+of\s+(?:the|our|their|all|them|those|my)\b)/gi;
/** "two out of three people", "nine out of ten". */
const OUT_OF = /^\s+out\s+of\s+(?:every\s+)?$/i;

/** Shares said in words ("two-thirds", "two out of three"), as percentages rounded to whole numbers. */
function spokenShares(sentence: string, numbers: readonly NumberMention[]): Figure[] {
  const shares: Figure[] = [];
  for (const match of sentence.matchAll(SPOKEN_FRACTION)) {
    const part = match[2] ? FRACTIONS[match[2].toLowerCase()]! * (match[2].endsWith('s') || match[2] === 'half' ? FRACTION_COUNTS[match[1]!.toLowerCase()]! : 1) : 50;
    if (part >= 100) continue;
    shares.push({ kind: 'percentage', value: Math.round(part), start: match.index, end: match.index + match[0].length });
  }
  numbers.forEach((part, index) => {
    const whole = numbers[index + 1];
    if (!whole || !OUT_OF.test(sentence.slice(part.end, whole.start)) || !(part.value < whole.value) || whole.value > 1000) return;
    shares.push({ kind: 'percentage', value: Math.round((part.value / whole.value) * 100), start: part.start, end: whole.end });
  });
  return shares;
}

/**
 * "1.2 million dollars, sorry, not 1.2 million, 1.4 million": in a sentence
 * that states an amount of money, a bare amount of a thousand or more with no
 * noun of its own repeats that currency.
 */
function withSharedCurrency(figures: Figure[]): Figure[] {
  const money = figures.find((figure) => figure.kind === 'money');
  if (!money) return figures;
  return figures.map((figure) =>
    figure.kind === 'count' && figure.unit === undefined && figure.value >= 1000
      ? { kind: 'money', value: figure.value, start: figure.start, end: figure.end, currency: money.currency!, ...(money.period ? { period: money.period } : {}) }
      : figure,
  );
}

function classifyNumber(sentence: string, mention: NumberMention, next: NumberMention | undefined): Figure | null {
  const before = sentence.slice(Math.max(0, mention.start - 6), mention.start);
  const after = sentence.slice(mention.end);
  const symbol = CURRENCY_SIGN.exec(before);
  const code = CODE_BEFORE.exec(before);
  const start = mention.start - (symbol ? symbol[0].length : code ? code[0].length : 0);

  const percent = /^\s?(%|\s?per\s?cent\b|\s?percent(?:age points?)?\b)/i.exec(after);
  if (percent) return { kind: 'percentage', value: mention.value, start, end: mention.end + percent[0].length };
  // "ten to fifteen percent": the first end of a range takes the unit of the second.
  const range = /^\s?(?:to|-|–|or)\s?$/i;
  if (next && range.test(sentence.slice(mention.end, next.start)) && /^\s?(%|\s?percent\b)/i.test(sentence.slice(next.end))) {
    return { kind: 'percentage', value: mention.value, start, end: mention.end };
  }

  const currencyWord = /^\s?([a-z]+)\b/i.exec(after);
  const wordCurrency = currencyWord ? WORD_CURRENCY[currencyWord[1]!.toLowerCase()] : undefined;
  const currency = symbol ? symbol[0].trim() : code ? WORD_CURRENCY[code[1]!.toLowerCase()] : wordCurrency;
  if (currency) {
    return moneyFigure(sentence, mention.value, start, mention.end + (wordCurrency && !symbol && !code ? currencyWord![0].length : 0), currency);
  }

  const unit = countedNoun(after);
  return { kind: 'count', value: mention.value, start, end: mention.end + (unit ? unit.length : 0), ...(unit ? { unit: unit.noun } : {}) };
}

/** An amount ending at `end`, with the rate said within the next few words: "$52,000 per quarter", "$45,000 saved on overtime per quarter". */
function moneyFigure(sentence: string, value: number, start: number, end: number, currency: string): Figure {
  const periodMatch = /^[^,;.]{0,30}?\b(?:(?:a|an|per|each|every)\s(year|month|week|quarter|day)|(annually|yearly|monthly|weekly|quarterly))\b/i.exec(sentence.slice(end));
  const period = periodMatch ? PERIODS[(periodMatch[1] ?? periodMatch[2])!.toLowerCase()] : undefined;
  if (periodMatch && periodMatch.index === 0 && /^\s?(?:a|an|per|each|every|annually|yearly|monthly|weekly|quarterly)\b/i.test(sentence.slice(end))) end += periodMatch[0].length;
  return { kind: 'money', value, start, end, currency, ...(period ? { period } : {}) };
}

/**
 * "It's closer to one point three million a year", said to correct "$1.1 million a year": a bare
 * amount that corrects an amount of money is money in the same currency, and at the same rate
 * unless it states its own.
 */
export function amountLike(sentence: string, figure: Figure, corrected: Figure): Figure {
  const amount = moneyFigure(sentence, figure.value, figure.start, figure.end, corrected.currency ?? '$');
  return amount.period || !corrected.period ? amount : { ...amount, period: corrected.period };
}

/** The noun right after a count, skipping a couple of modifiers: " active users" -> "active users". */
function countedNoun(after: string): { noun: string; length: number } | null {
  // "80 billable hours", "a 40-hour block"
  const words = /^((?:[\s-][A-Za-z][\w-]*){1,3})/.exec(after);
  if (!words) return null;
  const parts = words[1]!.replace(/^-/, ' ').trim().split(/\s+/);
  const kept: string[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (NOT_UNITS.has(lower)) break;
    kept.push(lower);
    if (!UNIT_MODIFIERS.has(lower)) break;
  }
  if (kept.length === 0 || UNIT_MODIFIERS.has(kept[kept.length - 1]!)) return null;
  // "ninety store managers", "900 council staff": a singular noun used as a modifier of the plural or collective noun that follows.
  const next = parts[kept.length]?.toLowerCase();
  const last = kept[kept.length - 1]!;
  if (next && (/^[a-z]+s$/.test(next) || /^(?:staff|people|personnel)$/.test(next)) && !NOT_UNITS.has(next) && !last.endsWith('s')) kept.push(next);
  const noun = kept.join(' ');
  const length = after.indexOf(parts[kept.length - 1]!) + parts[kept.length - 1]!.length;
  return { noun, length };
}

// Built on the first amount: ICU's number data costs a cold snapshot of a call without one about 5 % of its start.
let moneyFormat: Intl.NumberFormat | undefined;

/** "$1,400,000 per year", "CA$350,000", "CAD 350,000", "92%", "420". */
export function formatFigure(figure: Figure): string | number {
  if (figure.kind === 'percentage') return `${figure.value}%`;
  if (figure.kind === 'count') return figure.value;
  moneyFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const amount = moneyFormat.format(figure.value);
  const currency = figure.currency ?? '$';
  // A sign touches the amount ("CA$350,000"); a code stands apart ("CAD 350,000").
  const money = /[$€£¥]$/.test(currency) ? `${currency}${amount}` : `${currency} ${amount}`;
  return figure.period ? `${money} per ${figure.period}` : money;
}

/** A length of time said in a sentence: "42 days", "two and a half hours", "half a day", "eleven working days". */
export interface Duration {
  start: number;
  end: number;
  /** As said, without hedges: "two and a half hours", "half a day". */
  text: string;
  /** In hours, to compare durations said in different units. */
  hours: number;
}

const UNIT_HOURS: ReadonlyArray<[RegExp, number]> = [
  [/^s(?:ec(?:ond)?s?)?$/, 1 / 3600],
  [/^min(?:ute)?s?$/, 1 / 60],
  [/^(?:hours?|hrs?)$/, 1],
  [/^days?$/, 24],
  [/^weeks?$/, 24 * 7],
  [/^months?$/, 24 * 30],
];
const DURATION_UNIT = '(?:(working|business|calendar|full|school)\\s+)?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\b';
const UNIT_AFTER = new RegExp(`^\\s?-?\\s?${DURATION_UNIT}`, 'i');
const HALF_A = new RegExp(`\\bhalf (?:an?\\s+)${DURATION_UNIT}`, 'gi');

/** Cheap gate before the number grammar. */
const MAY_HOLD_DURATION = /\b(?:sec|min|hour|hr|day|week|month)/i;

function hoursOf(unit: string): number {
  const lower = unit.toLowerCase();
  return UNIT_HOURS.find(([pattern]) => pattern.test(lower))?.[1] ?? 0;
}

/** The durations of a sentence, in order. */
export function findDurations(sentence: string): Duration[] {
  if (!MAY_HOLD_DURATION.test(sentence)) return [];
  const durations: Duration[] = [];
  for (const mention of findNumbers(sentence)) {
    const unit = UNIT_AFTER.exec(sentence.slice(mention.end));
    if (!unit) continue;
    const end = mention.end + unit[0].length;
    durations.push({ start: mention.start, end, text: sentence.slice(mention.start, end), hours: mention.value * hoursOf(unit[2]!) });
  }
  for (const match of sentence.matchAll(HALF_A)) {
    if (durations.some((duration) => duration.start <= match.index && match.index < duration.end)) continue;
    durations.push({ start: match.index, end: match.index + match[0].length, text: match[0], hours: 0.5 * hoursOf(match[2]!) });
  }
  return durations.sort((a, b) => a.start - b.start);
}

/** "six" after "eleven working days" is six working days: a bare number takes the unit of the duration it follows. */
export function durationLike(sentence: string, mention: NumberMention, like: Duration): Duration {
  const unit = like.text.replace(/^.*?\b((?:(?:working|business|calendar|full|school)\s+)?[a-z]+)$/i, '$1');
  return { start: mention.start, end: mention.end, text: `${sentence.slice(mention.start, mention.end)} ${unit}`, hours: mention.value * (like.hours / Math.max(1e-9, durationValue(like))) };
}

function durationValue(duration: Duration): number {
  return findNumbers(duration.text)[0]?.value ?? 0.5;
}

/** "from 42 days to 27 days (36% less)": a fall in the time something takes, with the share saved. */
export function formatTimeChange(before: Duration, after: Duration): string {
  const saved = Math.round(((before.hours - after.hours) / before.hours) * 100);
  return `from ${before.text} to ${after.text} (${saved}% less time)`;
}

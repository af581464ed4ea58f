/**
 * Calendar dates in transcript sentences, normalised to ISO `YYYY-MM-DD` with
 * chrono-node's strict parser ("Monday, July 14, 2024", "March 3rd, 2025",
 * "the 14th of February", "3/15/2025"). A date without a year is resolved
 * against the meeting date when the call states one; otherwise it is dropped,
 * because a year we would have to guess is not a figure from the transcript.
 * Relative words ("tomorrow", "next Friday", "three weeks ago", "two weeks
 * after July 14th") are not dates of record either: they are counted from a
 * day the call may not state, so chrono's relative parsers are left out.
 */

import { createRequire } from 'node:module';
import type { ParsedComponents } from 'chrono-node';
// The English parsers only: the package's root loads every locale (five times the modules, for the same 'strict').
import type * as ChronoEnglish from 'chrono-node/en';
import type { Sentence } from './sentences.js';

export interface DateMention {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  iso: string;
  yearStated: boolean;
}

/** Cheap gate so chrono only sees sentences that can hold a calendar date. */
const MAY_HOLD_DATE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/i;

/**
 * chrono-node, loaded when the first sentence that can hold a date is read
 * rather than at start-up: the server's start and most commands never parse
 * one, and its fifty modules take about 25 ms to load. `require`, because
 * the engine is synchronous; the package ships CommonJS beside its ES modules,
 * and only this module loads it, so there is one copy.
 */
let calendarParser: ChronoEnglish.Chrono | undefined;

/**
 * chrono's strict parser without the parsers whose only results are counted
 * from the reference day ("in 3 days", "3 weeks ago", "2 weeks later") and
 * the refiners that join those to a date. Left in, "we went live 3 weeks
 * ago" became a go-live date three weeks before the reference, and their
 * patterns were half of chrono's cost on a cold start.
 */
const RELATIVE_PARSERS: ReadonlySet<string> = new Set(['ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']);
const RELATIVE_REFINERS: ReadonlySet<string> = new Set(['ENMergeRelativeAfterDateRefiner', 'ENMergeRelativeFollowByDateRefiner']);

function calendarChrono(): ChronoEnglish.Chrono {
  if (!calendarParser) {
    const { strict } = createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEnglish;
    calendarParser = strict.clone();
    calendarParser.parsers = calendarParser.parsers.filter((parser) => !RELATIVE_PARSERS.has(parser.constructor.name));
    calendarParser.refiners = calendarParser.refiners.filter((refiner) => !RELATIVE_REFINERS.has(refiner.constructor.name));
  }
  return calendarParser;
}

/** A date said as the far end of a stretch of time ("two weeks after", "3 days before", "a month from"): the day meant is another one. */
const COUNTED_FROM = /\b(?:days?|weeks?|months?|quarters?|years?)\s+(?:after|before|from|since|following|prior\s+to)\s+(?:the\s+)?$/i;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoOf(components: ParsedComponents): string {
  return `${components.get('year')}-${pad(components.get('month') ?? 1)}-${pad(components.get('day') ?? 1)}`;
}

/** Noon UTC of an ISO date: a reference that no time zone shifts to another day. */
function referenceDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/**
 * Dates with a stated day in `text`.
 * @param meetingDate ISO date of the call, used for dates said without a year.
 */
export function findDates(text: string, meetingDate?: string): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const reference = meetingDate ? { instant: referenceDate(meetingDate), timezone: 0 } : { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const mentions: DateMention[] = [];
  for (const result of calendarChrono().parse(text, reference)) {
    const { start } = result;
    if (!start.isCertain('day') || !start.isCertain('month')) continue;
    if (COUNTED_FROM.test(text.slice(Math.max(0, result.index - 40), result.index))) continue;
    const yearStated = start.isCertain('year');
    if (!yearStated && !meetingDate) continue;
    mentions.push({ start: result.index, end: result.index + result.text.length, iso: isoOf(start), yearStated });
  }
  return mentions;
}

/** How many sentences after a date said with its year a date said without one may borrow that year. */
const YEAR_REACH = 40;

/**
 * How far (in days) a date said without its year may fall from the date it borrows the year from. Further,
 * the year before and the year after are both near: "signed November 20, 2024 … went live on May 26th" may
 * be either May.
 */
const YEAR_CLEAR_DAYS = 120;

function daysApart(a: string, b: string): number {
  return Math.abs(referenceDate(a).getTime() - referenceDate(b).getTime()) / 86_400_000;
}

/**
 * The dates of a call's sentences, in order. Without a meeting date, a date
 * said without its year ("we went live on April 14th") takes its year from the
 * latest date said with one a little before it ("we kicked off on February
 * 3rd, 2025"), as a listener would, or else from the latest date of the
 * story told since ("signed on November 20, 2024 … kicked off on February 17th …
 * went live on May 26th"); when neither lies within a few months of it, or
 * nothing anchors it, it is dropped.
 */
export function findDatesInCall(texts: readonly string[], meetingDate?: string): DateMention[][] {
  if (meetingDate) return texts.map((text) => findDates(text, meetingDate));
  let anchor: { iso: string; position: number } | undefined;
  let latest: string | undefined;
  return texts.map((text, position) => {
    const reference = anchor && position - anchor.position <= YEAR_REACH ? anchor.iso : undefined;
    const found = findDates(text, reference);
    // The year unclear from the anchor: read the sentence again against a month said with its year in it
    // ("live by the end of July 2025, July 28th"), then against the latest date told.
    const rereadings = new Map<string, DateMention[]>();
    const dates = found.flatMap((date) => {
      if (date.yearStated || daysApart(date.iso, reference!) <= YEAR_CLEAR_DAYS) return [date];
      for (const other of [monthWithYearIn(text), latest]) {
        if (!other || other === reference) continue;
        if (!rereadings.has(other)) rereadings.set(other, findDates(text, other));
        const reread = rereadings.get(other)!.find((mention) => mention.start === date.start);
        if (reread && daysApart(reread.iso, other) <= YEAR_CLEAR_DAYS) return [reread];
      }
      return [];
    });
    const stated = dates.filter((date) => date.yearStated).pop();
    if (stated) anchor = { iso: stated.iso, position };
    if (dates.length > 0) latest = dates.at(-1)!.iso;
    return dates;
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WITH_YEAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:of\s+)?((?:19|20)\d{2})\b/gi;

/** The first day of the last month said with its year and no day ("by the end of July 2025"), as an ISO date. */
function monthWithYearIn(text: string): string | undefined {
  const said = [...text.matchAll(MONTH_WITH_YEAR)].pop();
  return said ? `${said[2]}-${pad(MONTHS.indexOf(said[1]!.toLowerCase()) + 1)}-01` : undefined;
}

const TODAY = /\b(?:today(?:'s date)?|this morning)\b/i;
const FILE_DATE = /(?:^|[^\d])(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/;

/**
 * The meeting's date when the call or its file name states it: "today is
 * Thursday, June 12, 2025", "today's date, Monday, July 14, 2024", or a Zoom
 * file name such as `GMT20240714-150102_Recording`.
 */
export function inferMeetingDate(sentences: readonly Sentence[], sourceNames: ReadonlyArray<string | null>): string | undefined {
  for (const sentence of sentences) {
    const today = TODAY.exec(sentence.text);
    if (!today) continue;
    const nearest = findDates(sentence.text)
      .filter((mention) => mention.yearStated)
      .sort((a, b) => Math.abs(a.start - today.index) - Math.abs(b.start - today.index))[0];
    if (nearest && Math.abs(nearest.start - today.index) <= 40) return nearest.iso;
  }
  for (const name of sourceNames) {
    const match = name ? FILE_DATE.exec(name) : null;
    if (match) {
      const iso = `${match[1]}-${match[2]}-${match[3]}`;
      if (!Number.isNaN(Date.parse(iso))) return iso;
    }
  }
  return undefined;
}

/**
 * Calendar days (YYYY-MM-DD, UTC, as Zoom's `from`/`to` take them) and the
 * month windows a listing is walked in: Zoom answers at most one month per
 * request, so a range is cut at calendar-month boundaries
 * (2024-01-15..2024-03-10 -> Jan 15-31, Feb 1-29, Mar 1-10).
 */

import { InputError } from '../../core/errors.js';

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A year of month windows per listing keeps one call within Zoom's rate limits. */
export const MAX_RANGE_DAYS = 366;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayToMs(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 2024-02-30 over to March; a real day survives the round trip.
  return msToDay(ms) === day ? ms : null;
}

function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC day `nowMs` falls on. */
export function utcDay(nowMs: number): string {
  return msToDay(nowMs);
}

/** `day` moved by `days`; a string that is not a day comes back unchanged for validateRange to report. */
export function shiftDay(day: string, days: number): string {
  const ms = dayToMs(day);
  return ms === null ? day : msToDay(ms + days * DAY_MS);
}

/**
 * Checks a caller's range: real days, `from` not after `to`, at most MAX_RANGE_DAYS long.
 * @throws InputError INVALID_ARGUMENT naming the field.
 */
export function validateRange(range: DayRange): DayRange {
  const to = dayToMs(range.to);
  const from = dayToMs(range.from);
  // `to` first: a bad `to` also makes the default `from` unusable.
  if (to === null) throw new InputError('INVALID_ARGUMENT', '`to` must be a date as YYYY-MM-DD.');
  if (from === null) throw new InputError('INVALID_ARGUMENT', '`from` must be a date as YYYY-MM-DD.');
  if (from > to) throw new InputError('INVALID_ARGUMENT', '`from` must not be after `to`.');
  if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    throw new InputError('INVALID_ARGUMENT', `A listing covers at most ${MAX_RANGE_DAYS} days; narrow \`from\` and \`to\`.`);
  }
  return range;
}

/**
 * The range cut into calendar-month windows, oldest first. Expects a validated range.
 * @example monthWindows({ from: '2024-01-30', to: '2024-02-02' }) // [{ from: '2024-01-30', to: '2024-01-31' }, { from: '2024-02-01', to: '2024-02-02' }]
 */
export function monthWindows(range: DayRange): DayRange[] {
  const windows: DayRange[] = [];
  let start = range.from;
  while (start <= range.to) {
    const startDate = new Date(`${start}T00:00:00Z`);
    const monthEnd = msToDay(Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + 1, 0));
    const end = monthEnd < range.to ? monthEnd : range.to;
    windows.push({ from: start, to: end });
    start = msToDay(new Date(`${end}T00:00:00Z`).getTime() + DAY_MS);
  }
  return windows;
}

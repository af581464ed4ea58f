/**
 * Time formatting and parsing for people: `hh:mm:ss` clocks in transcript
 * listings, `[mm:ss]` citations in snapshots, and the `start`/`end` arguments
 * users type (plain seconds or `[hh:]mm:ss[.fff]`).
 */

import { InputError } from '../errors.js';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 3723000 -> "01:02:03". Null (no timestamps) -> "--:--:--". */
export function formatClock(ms: number | null): string {
  if (ms === null) return '--:--:--';
  const total = Math.floor(ms / 1000);
  return `${pad2(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}

/** Citation form: "[04:49]" under an hour, "[1:02:03]" past it; "[turn 12]" without timestamps. */
export function formatCitation(ms: number | null, turnIndex?: number): string {
  if (ms === null) return turnIndex === undefined ? '[--:--]' : `[turn ${turnIndex}]`;
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `[${hours}:${pad2(minutes)}:${pad2(seconds)}]` : `[${pad2(minutes)}:${pad2(seconds)}]`;
}

const CLOCK = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:\.(\d{1,3}))?$/;

/**
 * Parses a user-supplied offset: `"90"`, `"90.5"`, `"01:30"`, `"1:02:03"`.
 * @throws InputError INVALID_ARGUMENT naming the argument.
 */
export function parseUserOffset(value: string | number, argument: string): number {
  // Seconds so large that their milliseconds overflow to Infinity are unreadable, not "the end".
  const fromSeconds = (seconds: number): number | null => {
    const ms = Math.round(seconds * 1000);
    return seconds >= 0 && Number.isFinite(ms) ? ms : null;
  };
  if (typeof value === 'number') {
    const ms = fromSeconds(value);
    if (ms !== null) return ms;
  } else {
    const trimmed = value.trim();
    const ms = /^\d+(?:\.\d+)?$/.test(trimmed) ? fromSeconds(Number(trimmed)) : null;
    if (ms !== null) return ms;
    const match = CLOCK.exec(trimmed);
    if (match) {
      const [, h, m, s, frac] = match;
      const millis = frac ? Number(frac.padEnd(3, '0')) : 0;
      return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + millis;
    }
  }
  throw new InputError('INVALID_ARGUMENT', `${argument} must be seconds or hh:mm:ss (got an unreadable value).`);
}

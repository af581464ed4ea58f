import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/support/errors.js';
import { formatCitation, formatClock, parseUserOffset } from './timecode.js';

describe('formatClock and formatCitation', () => {
  it('write clocks and citations, with placeholders without timestamps', () => {
    expect(formatClock(3_723_000)).toBe('01:02:03');
    expect(formatClock(null)).toBe('--:--:--');
    expect(formatCitation(289_000)).toBe('[04:49]');
    expect(formatCitation(3_723_000)).toBe('[1:02:03]');
    expect(formatCitation(null, 12)).toBe('[turn 12]');
  });
});

describe('parseUserOffset', () => {
  it.each([
    ['90', 90_000],
    ['90.5', 90_500],
    ['01:30', 90_000],
    ['1:02:03', 3_723_000],
    ['00:00:01.25', 1_250],
    [42, 42_000],
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseUserOffset(value, 'start')).toBe(expected);
  });

  it.each([
    ['seconds too large to hold in milliseconds', '9'.repeat(400)],
    ['a number too large to hold in milliseconds', Number.MAX_VALUE],
    ['a negative number', -1],
    ['text', 'soon'],
  ])('refuses %s as INVALID_ARGUMENT naming the argument', (_kind, value) => {
    const error = errorOf(() => parseUserOffset(value, 'end'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('end');
  });
});

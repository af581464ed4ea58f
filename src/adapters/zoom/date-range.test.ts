import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { MAX_RANGE_DAYS, monthWindows, shiftDay, utcDay, validateRange } from './date-range.js';

describe('monthWindows', () => {
  it('keeps a range inside one month as one window', () => {
    expect(monthWindows({ from: '2024-03-05', to: '2024-03-20' })).toEqual([{ from: '2024-03-05', to: '2024-03-20' }]);
  });

  it('cuts a three-month range at calendar-month boundaries, leap day included', () => {
    expect(monthWindows({ from: '2024-01-15', to: '2024-03-10' })).toEqual([
      { from: '2024-01-15', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-10' },
    ]);
  });

  it('crosses a year boundary', () => {
    expect(monthWindows({ from: '2023-12-31', to: '2024-01-01' })).toEqual([
      { from: '2023-12-31', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-01-01' },
    ]);
  });

  it('covers every day exactly once for a full year', () => {
    const windows = monthWindows({ from: '2023-05-01', to: '2024-04-30' });
    expect(windows).toHaveLength(12);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.from).toBe(shiftDay(windows[i - 1]!.to, 1));
  });
});

describe('validateRange', () => {
  it.each([
    [{ from: '2024-02-30', to: '2024-03-01' }, '`from`'],
    [{ from: '2024-03-01', to: '03/05/2024' }, '`to`'],
    [{ from: '2024-03-05', to: '2024-03-01' }, 'after'],
    [{ from: '2023-01-01', to: '2024-03-01' }, `${MAX_RANGE_DAYS} days`],
  ])('refuses %o', (range, fragment) => {
    let caught: unknown;
    try {
      validateRange(range);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe('INVALID_ARGUMENT');
    expect((caught as InputError).message).toContain(fragment);
  });

  it('accepts a single day and a full leap year', () => {
    expect(validateRange({ from: '2024-01-01', to: '2024-01-01' })).toEqual({ from: '2024-01-01', to: '2024-01-01' });
    expect(validateRange({ from: '2024-01-01', to: '2024-12-31' }).to).toBe('2024-12-31');
  });
});

describe('day helpers', () => {
  it('reads the UTC day and shifts days across months', () => {
    expect(utcDay(Date.UTC(2024, 2, 1, 23, 59))).toBe('2024-03-01');
    expect(shiftDay('2024-03-01', -30)).toBe('2024-01-31');
    expect(shiftDay('not a day', -30)).toBe('not a day');
  });
});

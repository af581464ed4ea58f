import { describe, expect, it } from 'vitest';
import { analyze, distinctTerms } from './analyze.js';

const terms = (text: string): string[] => analyze(text).map(({ term }) => term);

describe('analyze', () => {
  it('lowercases, drops stop and question words, and stems', () => {
    expect(terms('What slowed down the Onboarding?')).toEqual(['slow', 'onboard']);
    expect(terms('Where is the team based?')).toEqual(['team', 'base']);
  });

  it('keeps "May" as a month', () => {
    expect(terms('The renewal is due in May')).toEqual(['renew', 'due', 'mai']);
  });

  it('drops spoken fillers', () => {
    expect(terms('Yeah, um, okay so the renewal')).toEqual(['renew']);
  });

  it('reads clock times the same however they are written', () => {
    for (const written of ['9:00 a.m. ET', '9am', '9 AM', '9:00AM']) {
      expect(terms(written)).toEqual(expect.arrayContaining(['9:00am', '9:00']));
    }
    expect(terms('at 14:30 sharp')).toEqual(['14:30', 'sharp']);
    expect(terms('2 apples')).toEqual(['2', 'appl']);
  });

  it('normalises numbers and spelled-out numbers', () => {
    expect(terms('1,500 users, forty hours, 3.5 percent, 40k')).toEqual(['1500', 'user', '40', 'hour', '3.5', 'percent', '40k']);
  });

  it('splits possessives, apostrophes and hyphens, and joins short hyphenated words', () => {
    expect(terms("the team's on-boarding doesn't start")).toEqual(['team', 'board', 'onboard', 'start']);
    expect(terms('go-live')).toEqual(['go', 'live', 'goliv']);
  });

  it('reads words next to accents, digits, curly apostrophes and dashes', () => {
    expect(terms('Café-bar, O’Brien’s e-mail to x9 was naïve—really')).toEqual(['cafe', 'bar', 'cafebar', 'o', 'brien', 'e', 'mail', 'email', 'x9', 'naiv']);
  });

  it('folds accents', () => {
    expect(terms('José Müller')).toEqual(['jose', 'muller']);
  });

  it('keeps the character span of each word', () => {
    const text = 'Budget: 9 a.m. review';
    expect(analyze(text).map(({ term, start, end }) => [term, text.slice(start, end)])).toEqual([
      ['budget', 'Budget'],
      ['9:00am', '9 a.m.'],
      ['9:00', '9 a.m.'],
      ['review', 'review'],
    ]);
  });

  it('lists distinct terms once, in first-seen order', () => {
    expect(distinctTerms('Reports, reporting and the report')).toEqual(['report']);
  });
});

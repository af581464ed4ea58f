import { describe, expect, it } from 'vitest';
import { findDates, inferMeetingDate } from './dates.js';
import { findFigures, formatFigure } from './figures.js';
import { readTitle } from './names.js';
import { splitSentenceSpans, type Sentence } from './sentences.js';
import { findNumbers } from './spoken-numbers.js';
import { correctionCueEnd, isGenericClaim, isHypothetical } from './statements.js';

const values = (text: string) => findNumbers(text).map((mention) => mention.value);
const figures = (text: string) => findFigures(text).map(formatFigure);

describe('spoken and written numbers', () => {
  it.each([
    ['two hundred twelve active users', [212]],
    ['three point five million dollars', [3_500_000]],
    ['one point four million', [1_400_000]],
    ['forty-five hundred drivers', [4500]],
    ['eighteen hundred and fifty users', [1850]],
    ['four hundred and twenty drivers', [420]],
    ['three hundred ten thousand dollars', [310_000]],
    ['twelve and a half percent', [12.5]],
    ['a hundred seats and a dozen admins', [100, 12]],
    ['$1.2M and 4,500 hours and 2.5 million', [1_200_000, 4500, 2_500_000]],
    ['he said eighteen fifty', [1850]],
  ])('reads "%s"', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('keeps the offsets of each number in the text', () => {
    const text = 'We have two hundred twelve users.';
    const [mention] = findNumbers(text);
    expect(text.slice(mention!.start, mention!.end)).toBe('two hundred twelve');
  });

  it('ignores words that only look like numbers', () => {
    expect(values('no one else, this one, one of them')).toEqual([]);
    expect(values('we cut costs by a third')).toEqual([]);
    expect(values('the 9:30 call on COVID-19 and Q3')).toEqual([]);
  });
});

describe('figures', () => {
  it('tells money, percentages and counts apart', () => {
    expect(figures('That saved us three point five million dollars last year.')).toEqual(['$3,500,000']);
    expect(figures('Adoption is at sixty percent across the clinics.')).toEqual(['60%']);
    expect(figures('We now have two hundred twelve active users.')).toEqual([212]);
    expect(figures('It came to €40k, or EUR 2,500 a month.')).toEqual(['€40,000', '€2,500 per month']);
    expect(figures('one point four million dollars a year')).toEqual(['$1,400,000 per year']);
  });

  it('gives counts the noun they count, and ranges the unit of their upper end', () => {
    const [count] = findFigures('a set block of eighty billable hours');
    expect(count).toMatchObject({ kind: 'count', value: 80, unit: 'billable hours' });
    expect(findFigures('a 40-hour block')[0]).toMatchObject({ value: 40, unit: 'hour' });
    expect(figures('a ten to fifteen percent lift')).toEqual(['10%', '15%']);
  });

  it('leaves out numbers inside spans it is told to skip (dates)', () => {
    const text = 'We went live on March 3, 2025 with 420 drivers.';
    const dates = findDates(text);
    expect(figures(text)).toContain(3);
    expect(findFigures(text, dates).map(formatFigure)).toEqual([420]);
  });
});

describe('dates', () => {
  it('normalises weekday, month, day and year forms to ISO', () => {
    expect(findDates("today's date, Monday, July 14, 2024 will be the answer").map((date) => date.iso)).toEqual(['2024-07-14']);
    expect(findDates('the End Date will be Friday, July 26, 2024.').map((date) => date.iso)).toEqual(['2024-07-26']);
    expect(findDates('we kicked off on the 14th of February, 2025').map((date) => date.iso)).toEqual(['2025-02-14']);
    expect(findDates('signed on 3/15/2025').map((date) => date.iso)).toEqual(['2025-03-15']);
  });

  it('resolves a date without a year against the meeting date, and drops it without one', () => {
    expect(findDates('we went live on March 3rd')).toEqual([]);
    expect(findDates('we went live on March 3rd', '2025-06-12').map((date) => date.iso)).toEqual(['2025-03-03']);
  });

  it('ignores months without a day and relative words', () => {
    expect(findDates('we kicked off in March 2023, next Friday, tomorrow')).toEqual([]);
  });

  it('never counts a date from another day: "3 weeks ago", "within 3 days", "two weeks after July 14th"', () => {
    for (const meetingDate of [undefined, '2024-09-02']) {
      expect(findDates('we went live 3 weeks ago, so we may still see teething problems', meetingDate)).toEqual([]);
      expect(findDates('in May we said it would be done within 3 days', meetingDate)).toEqual([]);
      expect(findDates('it may land 2 weeks later', meetingDate)).toEqual([]);
      expect(findDates('we went live two weeks after July 14th, 2024', meetingDate)).toEqual([]);
      expect(findDates('the review is 10 days before the 3rd of May, 2024', meetingDate)).toEqual([]);
    }
    expect(findDates('we went live on July 14th, 2024, two weeks after training').map((date) => date.iso)).toEqual(['2024-07-14']);
  });

  it('reads the meeting date from "today is …" or from a Zoom file name', () => {
    const sentence = (text: string): Sentence => ({ id: 0, turnIndex: 0, start: 0, end: text.length, text, speaker: null, startMs: 0, isQuestion: false });
    expect(inferMeetingDate([sentence('Today is Thursday, June 12, 2025, so this covers the quarter.')], [])).toBe('2025-06-12');
    expect(inferMeetingDate([sentence('Hello all.')], ['GMT20240714-150102_Recording.vtt'])).toBe('2024-07-14');
    expect(inferMeetingDate([sentence('We met on June 12, 2025.')], ['call.vtt'])).toBeUndefined();
  });
});

describe('statements', () => {
  it('marks hypotheticals and plans, but not results said after a conditional aside', () => {
    const text = 'If we rolled it out there too, that could mean another 2,000 seats.';
    expect(isHypothetical(text, { start: text.indexOf('2,000'), end: text.indexOf('2,000') + 5 })).toBe(true);
    const cut = 'if we cut costs by a third';
    expect(isHypothetical(cut, { start: 20, end: 26 })).toBe(true);
    const result = 'If you look at the numbers, we saved $400,000.';
    expect(isHypothetical(result, { start: result.indexOf('$'), end: result.length - 1 })).toBe(false);
    // An opening "if" governs every clause after it, not only the next one.
    const offer = 'If you sign for two years, we can take 10 percent off, which saves you about $18,000 a year.';
    expect(isHypothetical(offer, { start: offer.indexOf('$'), end: offer.indexOf('$') + 7 })).toBe(true);
    const measured = 'If I look back, we rolled it out in May, and it saved us $18,000 last year.';
    expect(isHypothetical(measured, { start: measured.indexOf('$'), end: measured.indexOf('$') + 7 })).toBe(false);
  });

  it("recognises a vendor's claim about customers in general", () => {
    expect(isGenericClaim('Our customers typically see 40% faster closes.')).toBe(true);
    expect(isGenericClaim('In 99% of my experiences, nobody is this clear.')).toBe(true);
    expect(isGenericClaim('We closed 40% faster this quarter.')).toBe(false);
    expect(isGenericClaim('Companies that move to our platform usually halve their close time.')).toBe(true);
  });

  it('finds where a correction starts', () => {
    const text = "I said 120 seats last time, it's actually 210.";
    expect(correctionCueEnd(text)).toBeGreaterThan(text.indexOf('120'));
    expect(correctionCueEnd(text)).toBeLessThan(text.indexOf('210'));
    expect(correctionCueEnd('We have 210 seats.')).toBe(-1);
  });
});

describe('sentences and titles', () => {
  it('splits a long turn into verbatim sentences, keeping abbreviations inside', () => {
    const text = 'Every weekday at 9:00 a.m. ET works for me. Dr. Lee joins too! Is that okay?';
    expect(splitSentenceSpans(text).map(([start, end]) => text.slice(start, end))).toEqual([
      'Every weekday at 9:00 a.m. ET works for me.',
      'Dr. Lee joins too!',
      'Is that okay?',
    ]);
  });

  it('reads job titles and stops where the title ends', () => {
    expect(readTitle('Senior Business Systems Analyst, and my title should be listed')).toBe('Senior Business Systems Analyst');
    expect(readTitle('VP of Operations, so dispatch rolls up to me')).toBe('VP of Operations');
    expect(readTitle('Director of Merchandising at Maple & Finch')).toBe('Director of Merchandising');
    expect(readTitle('going to be there')).toBeNull();
    // A head that qualifies a noun of its trade keeps it; one that ends the title does not take the next word.
    expect(readTitle('chief estimator, so I live in it every day')).toBe('chief estimator');
    expect(readTitle('head chef at the Lantern Inn')).toBe('head chef');
    expect(readTitle('lead on this project')).toBe('lead');
    expect(readTitle('chief, so to speak')).toBe('chief');
    expect(readTitle('lead surveyor and I run the survey team')).toBe('lead surveyor');
    expect(readTitle('lead today because Sam is out')).toBe('lead');
  });
});

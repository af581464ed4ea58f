import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentenceSpans } from './sentences.js';

/** What the splitter must give: ICU's sentence segments over the whole text, mended after abbreviations. */
function icuSpans(text: string): Array<[number, number]> {
  const abbreviation =
    /(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|dept|est|inc|ltd|co|corp|llc|dr|mr|mrs|ms|prof|sr|jr|st|mt|ft|u\.s|u\.k|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.\s*$/i;
  const spans: Array<[number, number]> = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push([start, end]);
  };
  let pending: number | null = null;
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    const start: number = pending ?? index;
    const end = index + segment.length;
    if (abbreviation.test(segment) && end < text.length && !/[!?]\s*$/.test(segment)) {
      pending = start;
      continue;
    }
    pending = null;
    push(start, end);
  }
  if (pending !== null) push(pending, text.length);
  return spans;
}

const PIECES = [
  'We went live', 'in May', 'Dr.', 'Mr. Lee', 'at 9:00 a.m. ET', 'e.g. the', 'the U.S. team', 'Acme Inc.', 'approx.', '3.5', '$1,400',
  'yes', 'No', 'Really', '.', '!', '?', '?!', '...', '"', "'", '’', '“', '”', '(', ')', '—', '–', ',', ';', ':', '-', 'é', 'Über', 'ÉCOLE', 'straße', 'Zürich', '×', '÷', '£40', '€12', '¥9', 'ÿ', 'Þ', '…', ' ', '\u00a0', 'no\u00a0break', '  ',
];

describe('splitSentenceSpans', () => {
  it('breaks exactly where the ICU sentence breaker does, abbreviations mended', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(' ').replace(/ {3,}/g, '  '));
    fc.assert(
      fc.property(text, (sample) => {
        expect(splitSentenceSpans(sample)).toEqual(icuSpans(sample));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps typographic quotes and dashes with their sentence', () => {
    const text = '“We’re live,” she said. Then — finally — the results came in! They’re good.';
    const sentences = splitSentenceSpans(text).map(([start, end]) => text.slice(start, end));
    expect(sentences).toEqual(['“We’re live,” she said.', 'Then — finally — the results came in!', 'They’re good.']);
  });

  it('splits a long monologue as ICU splits it whole, with or without accented text', () => {
    const sentence = (index: number) => `Sentence ${index} is about the rollout, e.g. the dashboards in Dr. Okafor's region. `;
    const plain = Array.from({ length: 400 }, (_, index) => sentence(index)).join('');
    const accented = plain.replace(/region/g, 'région');
    for (const text of [plain, accented]) {
      const spans = splitSentenceSpans(text);
      expect(spans).toHaveLength(400);
      expect(spans).toEqual(icuSpans(text));
    }
  });
});

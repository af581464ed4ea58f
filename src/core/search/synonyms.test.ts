import { describe, expect, it } from 'vitest';
import { distinctTerms } from './analyze.js';
import { findPhrases, formsOfPhrase, otherFormsOf, synonymsOf } from './synonyms.js';

/** The query as the reader sees it: one list of terms per word, stop words gone. */
const words = (query: string): string[][] => query.split(/\s+/).map((word) => distinctTerms(word)).filter((terms) => terms.length > 0);
const phrasesOf = (query: string) => findPhrases(words(query)).map(({ from, to, alternatives }) => ({ from, to, alternatives: alternatives.map((terms) => terms.join(' ')) }));

describe('synonym tables', () => {
  it('widens a word to its everyday synonyms, after stemming', () => {
    expect(synonymsOf('hold')).toEqual(expect.arrayContaining(['contain', 'store']));
    expect(synonymsOf('slip')).toContain('delai');
    expect(synonymsOf('zebra')).toEqual([]);
  });

  it('knows the irregular forms the stemmer cannot join', () => {
    expect(otherFormsOf('go')).toEqual(expect.arrayContaining(['went', 'gone']));
    expect(otherFormsOf('went')).toContain('go');
    expect(otherFormsOf('bought')).toEqual(['bui']);
    expect(otherFormsOf('launch')).toEqual([]);
  });

  it('joins nouns to their verbs where the stemmer does not', () => {
    expect(otherFormsOf('decis')).toEqual(['decid']);
    expect(otherFormsOf('failur')).toContain('fail');
    expect(otherFormsOf('explan')).toEqual(['explain']);
    expect(otherFormsOf('conclud')).toEqual(['conclus']);
    expect(otherFormsOf('loss')).toEqual(expect.arrayContaining(['lose', 'lost']));
    expect(synonymsOf('competitor')).toEqual(expect.arrayContaining(['competit', 'compet', 'rival']));
  });

  it('writes a phrase every way its irregular forms allow, as typed first', () => {
    expect(formsOfPhrase(['go', 'live']).map((terms) => terms.join(' '))).toEqual(['go live', 'went live', 'gone live', 'goe live']);
  });

  it.each([
    ['went live', ['launch', 'roll', 'cutov']],
    ['go live', ['launch', 'roll']],
    ['rolled out', ['go live', 'launch']],
    ['ROI', ['return invest', 'payback']],
    ['return on investment', ['roi', 'payback']],
    ['headcount', ['employe', 'staff']],
    ['cut costs', ['save', 'reduc cost']],
    ['SSO', ['singl sign']],
  ])('reads %j as a phrase with the same meaning as %j', (query, expected) => {
    const [match] = phrasesOf(query);
    expect(match).toMatchObject({ from: 0, to: words(query).length });
    expect(match!.alternatives).toEqual(expect.arrayContaining(expected));
  });

  it('finds phrases inside a question, longest first, without overlaps', () => {
    expect(phrasesOf('when did the platform go live')).toEqual([expect.objectContaining({ from: 1, to: 3 })]);
    expect(phrasesOf('what was the return on investment for payback').map(({ from, to }) => [from, to])).toEqual([[0, 2], [2, 3]]);
    expect(phrasesOf('live music')).toEqual([]);
  });
});

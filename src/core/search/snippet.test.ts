import { describe, expect, it } from 'vitest';
import { cutSnippet, type SnippetTerm } from './snippet.js';

const query = (entries: Array<[term: string, concept: number, weight: number]>): Map<string, SnippetTerm> =>
  new Map(entries.map(([term, concept, weight]) => [term, { concept, weight }]));

const FILLER = 'We went over the agenda and the action items from the last call. ';

describe('cutSnippet', () => {
  it('returns text that fits unchanged', () => {
    expect(cutSnippet('Short and sweet.', query([['sweet', 0, 1]]))).toBe('Short and sweet.');
  });

  it('cuts around the match, from a sentence start, with room after the match and … on both sides', () => {
    const text = `${FILLER.repeat(8)}The sponsor is Dana Whitaker, who signs off on scope. ${FILLER.repeat(8)}`;
    const snippet = cutSnippet(text, query([['sponsor', 0, 3]]));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('The sponsor is Dana Whitaker, who signs off on scope.');
    expect(snippet.length).toBeLessThanOrEqual(302);
    expect(snippet.slice(1)).toMatch(/^[A-Z]/);
  });

  it('prefers the window holding more query weight', () => {
    const text = `Budget came up early. ${FILLER.repeat(8)}The budget was approved by the board in March. ${FILLER.repeat(4)}`;
    const snippet = cutSnippet(text, query([['budget', 0, 1], ['approv', 1, 2], ['board', 2, 2]]));
    expect(snippet).toContain('The budget was approved by the board in March.');
  });

  it('never splits a word at either end', () => {
    const text = `${'abcdefgh '.repeat(60)}target ${'ijklmnop '.repeat(60)}`;
    const snippet = cutSnippet(text, query([['target', 0, 1]]), 100);
    expect(snippet).toMatch(/^…(abcdefgh )+target( ijklmnop)+…$/);
  });

  it('starts at the beginning when nothing matches', () => {
    const snippet = cutSnippet(FILLER.repeat(10), query([]));
    expect(snippet.startsWith('We went over the agenda')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });
});

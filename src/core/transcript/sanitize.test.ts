import { describe, expect, it } from 'vitest';
import { cleanText, sanitizeText } from './sanitize.js';

describe('sanitizeText', () => {
  it('returns clean text unchanged', () => {
    expect(sanitizeText('Plain words, 42% and $1,200.')).toEqual({ text: 'Plain words, 42% and $1,200.', removed: 0 });
  });

  it('collapses every kind of whitespace to one space and trims', () => {
    expect(sanitizeText('  a\t\tb\nc\u00a0\u00a0d\u2003e\u3000f  ').text).toBe('a b c d e f');
  });

  it.each([
    ['zero-width space', 'pay\u200bment'],
    ['zero-width non-joiner', 'pay\u200cment'],
    ['zero-width joiner', 'pay\u200dment'],
    ['word joiner', 'pay\u2060ment'],
    ['BOM inside text', 'pay\ufeffment'],
    ['right-to-left override', 'pay\u202ement'],
    ['left-to-right embedding', 'pay\u202ament'],
    ['first strong isolate', 'pay\u2068ment'],
    ['pop directional isolate', 'pay\u2069ment'],
    ['left-to-right mark', 'pay\u200ement'],
    ['soft hyphen', 'pay\u00adment'],
    ['tag character', 'pay\u{E0041}ment'],
    ['bell control character', 'pay\u0007ment'],
    ['C1 control character', 'pay\u0085ment'],
    ['delete', 'pay\u007fment'],
  ])('removes a %s and counts it', (_kind, text) => {
    expect(sanitizeText(text)).toEqual({ text: 'payment', removed: 1 });
  });

  it('keeps accented letters, CJK, emoji and variation selectors', () => {
    const text = 'Élodie señor 東京 👍🏽 葛\u{E0100}';
    expect(sanitizeText(text)).toEqual({ text, removed: 0 });
  });

  it('removes a lone high half of a tag character without letting it hide the next character', () => {
    expect(sanitizeText('a\udb40\u0007b')).toEqual({ text: 'ab', removed: 2 });
    // Removing the zero-width space must not join the halves into an invisible tag character.
    expect(sanitizeText('\udb40\u200b\udc41')).toEqual({ text: '\udc41', removed: 2 });
  });

  it('leaves markup alone when markup is off', () => {
    expect(sanitizeText('a <b> &amp; c').text).toBe('a <b> &amp; c');
  });
});

describe('cleanText with markup', () => {
  it('counts the words of the cleaned text on every path', () => {
    expect(cleanText('plain words here', true).words).toBe(3);
    expect(cleanText('<v Ana Ruiz>voiced words</v>', true).words).toBe(2);
    expect(cleanText('<i>tagged</i>  and\nwrapped', true).words).toBe(3);
    expect(cleanText('', true).words).toBe(0);
  });

  it('joins the words around removed tags with single spaces', () => {
    expect(cleanText('one <i> two </i> three', true).text).toBe('one two three');
    expect(cleanText('<i>one</i><b>two</b>', true).text).toBe('onetwo');
    expect(cleanText(' <i> </i> ', true).text).toBe('');
  });

  it('keeps the first voice, decoding references and removing invisibles in the name', () => {
    expect(cleanText('<v Ana &amp; Co>Hi <v Kwame>there', true)).toEqual({ text: 'Hi there', voice: 'Ana & Co', removed: 0, words: 2 });
    expect(cleanText('<v Ana\u200b Ruiz>Hi', true)).toEqual({ text: 'Hi', voice: 'Ana Ruiz', removed: 1, words: 1 });
  });

  it('treats a <v> tag without a name as no voice', () => {
    expect(cleanText('<v>Hi', true)).toEqual({ text: 'Hi', voice: null, removed: 0, words: 1 });
  });

  it('decodes references that stand for spaces and removes those that stand for invisibles', () => {
    expect(cleanText('a&nbsp;&nbsp;b&#8203;c&#xE0041;d', true)).toEqual({ text: 'a bcd', voice: null, removed: 2, words: 2 });
  });

  it('turns out-of-range numeric references into the replacement character', () => {
    expect(cleanText('a&#xD800;b&#1114112;c', true).text).toBe('a\ufffdb\ufffdc');
  });
});

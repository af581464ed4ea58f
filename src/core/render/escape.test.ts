import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeMarkdownCell, escapeMarkdownLine } from './escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag, an entity or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;',
    );
  });

  it('escapes an existing entity again so it shows literally', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('escapeMarkdown', () => {
  it('turns raw HTML and autolinks into entities', () => {
    expect(escapeMarkdown('<script>x</script> <javascript:alert(1)> A&B')).toBe(
      '&lt;script&gt;x&lt;/script&gt; &lt;javascript:alert(1)&gt; A&amp;B',
    );
  });

  it('keeps the Markdown the engine writes', () => {
    const markdown = '**Bold** claim [04:49]\n\n- item [1:02:03]';
    expect(escapeMarkdown(markdown)).toBe(markdown);
  });

  it('breaks inline links and images so a javascript: URL cannot become a link', () => {
    expect(escapeMarkdown('[click](javascript:alert(1)) ![x](data:evil)')).toBe(
      '[click]\\(javascript:alert(1)) ![x]\\(data:evil)',
    );
  });

  it('breaks link reference definitions at the start of a line', () => {
    expect(escapeMarkdown('see [x][ref]\n  [ref]: javascript:alert(1)')).toBe(
      'see [x][ref]\n  \\[ref]: javascript:alert(1)',
    );
  });
});

describe('escapeMarkdownLine and escapeMarkdownCell', () => {
  it('folds line breaks so the text cannot start a new block', () => {
    expect(escapeMarkdownLine('first\n\n# not a heading')).toBe('first # not a heading');
  });

  it('escapes pipes inside a table cell', () => {
    expect(escapeMarkdownCell('A | B\nC')).toBe('A \\| B C');
  });
});

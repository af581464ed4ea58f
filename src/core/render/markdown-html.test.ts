import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown-html.js';

describe('markdownToHtml', () => {
  it('splits paragraphs on blank lines and joins the lines of one paragraph', () => {
    expect(markdownToHtml('First line\nstill first.\n\nSecond.')).toBe('<p>First line still first.</p>\n<p>Second.</p>');
  });

  it('renders - and * bullets as one list and numbered items as an ordered list', () => {
    expect(markdownToHtml('Intro:\n- one\n* two\n\n1. first\n2) second')).toBe(
      '<p>Intro:</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
  });

  it('continues a list item on an indented line and ends the list on a flush one', () => {
    expect(markdownToHtml('- one\n  more\nafter')).toBe('<ul><li>one more</li></ul>\n<p>after</p>');
  });

  it('renders headings one level under the section title', () => {
    expect(markdownToHtml('## Highlights\ntext')).toBe('<h3>Highlights</h3>\n<p>text</p>');
  });

  it('renders bold and every citation form as a badge', () => {
    expect(markdownToHtml('**Key** point [04:49] [1:02:03] [turn 12] [--:--]')).toBe(
      '<p><strong>Key</strong> point <span class="cite">[04:49]</span> <span class="cite">[1:02:03]</span> ' +
        '<span class="cite">[turn 12]</span> <span class="cite">[--:--]</span></p>',
    );
  });

  it('leaves brackets that are not citations as text', () => {
    expect(markdownToHtml('[draft] [4:9]')).toBe('<p>[draft] [4:9]</p>');
  });

  it('escapes everything before applying markup, so no tag, attribute or link can be injected', () => {
    const html = markdownToHtml(
      '**<b onclick="x">hi</b>** <script>alert(1)</script>\n- "><img src=x onerror=alert(1)> [a](javascript:alert(1))',
    );
    expect(html).toBe(
      '<p><strong>&lt;b onclick=&quot;x&quot;&gt;hi&lt;/b&gt;</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n' +
        '<ul><li>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; [a](javascript:alert(1))</li></ul>',
    );
  });

  it('renders nothing for empty or blank content', () => {
    expect(markdownToHtml(' \n\n ')).toBe('');
  });
});

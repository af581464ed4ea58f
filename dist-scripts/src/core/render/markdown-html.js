/**
 * A deliberately small Markdown-to-HTML converter for section content, which
 * is engine prose mixed with transcript quotes and therefore untrusted. It
 * knows only what the engines write: paragraphs, `-`/`*` and `1.` lists,
 * `#` headings, `**bold**` and citations (`[mm:ss]`, `[h:mm:ss]`, `[turn N]`).
 * Every line is HTML-escaped first and only then are those constructs turned
 * into the few tags below, so no input can produce any other tag, attribute
 * or link; anything else shows as the literal text it is.
 */
import { escapeHtml } from './escape.js';
const LIST_ITEM = /^\s*([-*+]|\d{1,3}[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const BOLD = /\*\*(?=\S)(.+?)\*\*/g;
const CITATION = /\[(\d{1,3}:\d{2}(?::\d{2})?|turn \d+|--:--)\]/g;
/** Inline markup on one escaped line: bold and citation badges. */
export function renderInline(text) {
    return escapeHtml(text)
        .replace(BOLD, '<strong>$1</strong>')
        .replace(CITATION, '<span class="cite">[$1]</span>');
}
export function markdownToHtml(markdown) {
    return parseBlocks(markdown).map(renderBlock).join('\n');
}
function parseBlocks(markdown) {
    const blocks = [];
    // At most one of these is open: the block the next plain line would continue.
    let paragraph = null;
    let list = null;
    for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
        const heading = HEADING.exec(line);
        const item = LIST_ITEM.exec(line);
        if (line.trim() === '' || heading) {
            paragraph = null;
            list = null;
            if (heading)
                blocks.push({ kind: 'h', text: heading[1] ?? '' });
        }
        else if (item) {
            const kind = /\d/.test(item[1] ?? '') ? 'ol' : 'ul';
            if (!list || list.kind !== kind) {
                list = { kind, items: [] };
                blocks.push(list);
            }
            list.items.push(item[2] ?? '');
            paragraph = null;
        }
        else if (list && /^\s/.test(line)) {
            // An indented line continues the list item above it.
            const last = list.items.length - 1;
            list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
        }
        else if (paragraph) {
            paragraph.lines.push(line.trim());
        }
        else {
            paragraph = { kind: 'p', lines: [line.trim()] };
            blocks.push(paragraph);
            list = null;
        }
    }
    return blocks;
}
function renderBlock(block) {
    switch (block.kind) {
        case 'h':
            return `<h3>${renderInline(block.text)}</h3>`;
        case 'p':
            return `<p>${renderInline(block.lines.join(' '))}</p>`;
        case 'ul':
        case 'ol':
            return `<${block.kind}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${block.kind}>`;
    }
}

/**
 * Escaping for everything a transcript can put into a rendered snapshot. Both
 * renderers treat transcript-derived text (names, quotes, values, engine prose)
 * as hostile: the HTML report escapes it before any markup is added, and the
 * Markdown document escapes it so that a client rendering the Markdown never
 * turns it into a live tag or a link.
 */
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}
/**
 * Makes text safe inside Markdown while keeping the Markdown the engine writes
 * (bold, bullets, `[mm:ss]` citations): `&`, `<` and `>` become entities, so no
 * raw HTML or autolink survives, and inline links `[x](url)` and link
 * definitions `[x]: url` are broken so `javascript:` URLs cannot become links.
 */
export function escapeMarkdown(text) {
    return text
        .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)
        .replace(/\]\(/g, ']\\(')
        .replace(/^(\s*)\[([^\]\n]*)\]:/gm, '$1\\[$2]:');
}
/** Like {@link escapeMarkdown}, for text that must stay on one line (a heading, a list item). */
export function escapeMarkdownLine(text) {
    return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));
}
/** Like {@link escapeMarkdownLine}, for a table cell, where a pipe would end the cell. */
export function escapeMarkdownCell(text) {
    return escapeMarkdownLine(text).replace(/\|/g, '\\|');
}

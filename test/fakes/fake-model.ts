/**
 * The fake model behind the fake provider servers: it answers from what it
 * was sent, so tests see real turn numbers and quotes. It reads the task, the
 * nonce and the data blocks of our prompts; for `extract` it turns sentences
 * with section words into facts (quoting the turn verbatim) and finds e-mails,
 * user counts and percentages as field candidates; for `write` and `repair`
 * it turns the facts or turns it was given into claims citing them. Options
 * make it misbehave on purpose (a fabricated quote, an invented figure).
 */

import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

export interface FakeModelOptions {
  /** Adds a fact and a claim quoting words that are in no turn. */
  fabricateQuote?: boolean;
  /** Adds a claim that states a figure no turn says. */
  inventFigure?: boolean;
  /** Leaves out every section's claims, so verification finds gaps and repair runs. */
  writeNothing?: boolean;
}

export const FABRICATED_QUOTE = 'we tripled revenue in a single week with no effort';
export const INVENTED_FIGURE_CLAIM = 'The customer saved 987,654 dollars in the first month.';

export interface PromptLine {
  turn: number;
  speaker: string;
  text: string;
}

interface FactLine {
  section: string;
  turn: number;
  fact: string;
  quote: string;
}

const SECTION_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['financial_impact', /\b(?:cost|costs|budget|saving|savings|revenue|dollars?|price|pricing|roi)\b/i],
  ['results_achievements', /\b(?:improved|faster|reduced|result|results|fixed|resolved|better)\b/i],
  ['adoption_usage', /\b(?:users?|adoption|training|onboarding|seats|licen[cs]es?|usage)\b/i],
  ['engagement_details', /\b(?:timeline|weeks?|hours|phase|milestone|kickoff|deadline|schedule|plan)\b/i],
  ['solution', /\b(?:dashboard|platform|integration|connector|implement\w*|deploy\w*|pipeline|migration)\b/i],
  ['background', /\b(?:problem|challenge|manual|spreadsheet|struggl\w*|issue|before)\b/i],
  ['long_term_impact', /\b(?:future|next year|roadmap|expand\w*|scale|growth|long[- ]term)\b/i],
  ['visuals', /\b(?:screen|slide|chart|screenshot|diagram)\b/i],
  ['customer_information', /\b(?:headquarter\w*|based in|located|industry|company name|my title)\b/i],
  ['additional_commentary', /\b(?:thank|appreciate|concern|risk|recommend|feedback)\b/i],
];

const MAX_FACTS_PER_CALL = 40;

function between(text: string, open: string, close: string): string[] {
  const start = text.indexOf(open);
  const end = text.indexOf(close, start + open.length);
  if (start < 0 || end < 0) return [];
  return text
    .slice(start + open.length, end)
    .split('\n')
    .filter((line) => line.length > 0);
}

export function headerValue(user: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(user)?.[1]?.trim() ?? '';
}

/** The transcript lines of the prompt's transcript data block (parts of cut turns included). */
export function transcriptLines(user: string): PromptLine[] {
  const nonce = headerValue(user, 'Nonce');
  return between(user, `<<<TRANSCRIPT DATA ${nonce}>>>`, `<<<END TRANSCRIPT DATA ${nonce}>>>`).flatMap((line) => {
    const match = /^T(\d+)(?: \(part \d+\/\d+\))? \[[^\]]*\] (.+?): (.*)$/.exec(line);
    return match ? [{ turn: Number(match[1]), speaker: match[2] as string, text: match[3] as string }] : [];
  });
}

function factLines(user: string): FactLine[] {
  const nonce = headerValue(user, 'Nonce');
  return between(user, `<<<FACTS DATA ${nonce}>>>`, `<<<END FACTS DATA ${nonce}>>>`).flatMap((line) => {
    const value = JSON.parse(line) as Partial<FactLine>;
    return typeof value.section === 'string' && typeof value.quote === 'string' ? [value as FactLine] : [];
  });
}

function firstWords(text: string, count: number): string {
  return text.split(' ').slice(0, count).join(' ');
}

/** The longest sentence of a line with at least six words, cut to 25 words: still a substring of the turn. */
function quotable(text: string): string | null {
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  const best = sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence.split(' ').length >= 6).sort((a, b) => b.length - a.length)[0];
  return best ? firstWords(best, 25) : null;
}

/** A fact for every quotable line; `section` decides which section, or null to skip the line. */
function factsOf(lines: readonly PromptLine[], section: (quote: string) => string | null): FactLine[] {
  return lines.flatMap((line) => {
    const quote = quotable(line.text);
    const slug = quote ? section(quote) : null;
    return quote && slug ? [{ section: slug, turn: line.turn, fact: `${line.speaker} said: ${firstWords(quote, 14)}`, quote }] : [];
  });
}

function extractFacts(lines: readonly PromptLine[]): FactLine[] {
  const facts = factsOf(lines, (quote) => SECTION_WORDS.find(([, words]) => words.test(quote))?.[0] ?? null);
  if (facts.length <= MAX_FACTS_PER_CALL) return facts;
  return Array.from({ length: MAX_FACTS_PER_CALL }, (_, i) => facts[Math.floor((i * facts.length) / MAX_FACTS_PER_CALL)] as FactLine);
}

function extractFields(lines: readonly PromptLine[]): Array<Record<string, unknown>> {
  const fields: Array<Record<string, unknown>> = [];
  for (const line of lines) {
    const email = /[\w.+-]+@[\w-]+\.[\w.]+\w/.exec(line.text);
    if (email) fields.push({ field: 'contact_email', value: email[0], status: 'stated', turn: line.turn, quote: email[0] });
    const users = /(\d[\d,]*) (?:users|seats)/.exec(line.text);
    if (users) fields.push({ field: 'user_count', value: users[1], status: /\bactually\b/i.test(line.text) ? 'corrected' : 'stated', turn: line.turn, quote: users[0] });
    const percent = /(\d+(?:\.\d+)?) ?(?:%|percent)/.exec(line.text);
    if (percent && /faster|time|efficien/i.test(line.text)) fields.push({ field: 'efficiency_improvement', value: `${percent[1]}%`, status: 'stated', turn: line.turn, quote: percent[0] });
  }
  return fields;
}

function claimsFrom(facts: readonly FactLine[], limit: number): Array<Record<string, unknown>> {
  return facts.slice(0, limit).map((fact, i) => ({ text: fact.fact, starts_paragraph: i === 0, evidence: [{ turn: fact.turn, quote: fact.quote }] }));
}

function sectionsFrom(slugs: readonly string[], facts: readonly FactLine[], options: FakeModelOptions): Array<Record<string, unknown>> {
  return slugs.map((slug, index) => {
    if (options.writeNothing) return { slug, claims: [] };
    const own = slug === 'executive_summary' ? facts.slice(0, 4) : facts.filter((fact) => fact.section === slug);
    const claims = claimsFrom(own, 4);
    const anchor = own[0] ?? facts[0];
    if (index === 0 && anchor) {
      if (options.fabricateQuote) claims.push({ text: 'The customer tripled revenue in a week.', starts_paragraph: false, evidence: [{ turn: anchor.turn, quote: FABRICATED_QUOTE }] });
      if (options.inventFigure) claims.push({ text: INVENTED_FIGURE_CLAIM, starts_paragraph: false, evidence: [{ turn: anchor.turn, quote: anchor.quote }] });
    }
    return { slug, claims };
  });
}

/** The JSON text the fake model answers a prompt with. */
export function answerPrompt(user: string, options: FakeModelOptions = {}): string {
  const task = headerValue(user, 'TASK');
  const slugs = headerValue(user, 'SECTIONS').split(',').map((slug) => slug.trim()).filter(Boolean);
  const lines = transcriptLines(user);
  if (task === 'extract') {
    const facts = extractFacts(lines);
    if (options.fabricateQuote && lines[0]) facts.push({ section: 'results_achievements', turn: lines[0].turn, fact: 'Revenue tripled.', quote: FABRICATED_QUOTE });
    return JSON.stringify({ fields: extractFields(lines), facts });
  }
  if (task === 'extract_and_write') {
    return JSON.stringify({ fields: extractFields(lines), sections: sectionsFrom(slugs, extractFacts(lines), options) });
  }
  if (task === 'write') return JSON.stringify({ sections: sectionsFrom(slugs, factLines(user), options) });
  if (task === 'repair') {
    const slug = slugs[0] ?? '';
    return JSON.stringify({ sections: sectionsFrom([slug], factsOf(lines, () => slug), {}) });
  }
  return JSON.stringify({ error: 'unknown task' });
}

export function tokensOf(...texts: string[]): number {
  return texts.reduce((sum, text) => sum + countTokens(text), 0);
}

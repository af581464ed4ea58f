/**
 * A guard against tuning the engine to its answer keys (issue 12, item 5):
 * no source file of the engine (src/core, tests aside) may name a company,
 * product or person that an answer key gives (company_name, product_name,
 * primary_contact, in `any` or `none`), the key's vendor (company and
 * products), or a speaker of a key's transcript. Rules are about language,
 * never about our examples.
 *
 * How a name is matched, case-sensitively and as whole words:
 * - Places are world knowledge: the keys' location values are exempt, and so
 *   are their words inside other names.
 * - A word is distinctive when it is capitalised, at least four letters,
 *   not an acronym, and never said in lower case in any of the keys'
 *   transcripts (about a million characters of speech): "Kestrel" and
 *   "TalentFlow" are, "Quest", "Pulse" and "Mercy" are not.
 * - Companies and products: the whole name when it has several words (even
 *   ordinary ones: "Quest Enterprises"), and each distinctive word.
 * - People: the name without a role in brackets, an honorific ("Hon.",
 *   "Dr.") or letters after it ("AM"); only names of two words or more with
 *   a distinctive one, so role and code labels such as "Project Manager",
 *   "Grad B" or "Speaker 2" never count; then the full name and a
 *   distinctive surname, unless it is someone's first name in the keys. A
 *   first name alone is not checked: first names are ordinary words or
 *   belong in a lexicon of names.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverKeys, loadTranscript, REPO_ROOT } from '../../scripts/eval-run.js';

const CORE = join(REPO_ROOT, 'src/core');
const entries = discoverKeys();
const transcripts = entries.map((entry) => ({ entry, transcript: loadTranscript(entry.transcriptPath) }));

// E-mail addresses and web addresses spell names in lower case; they are not speech.
const speech = transcripts
  .map(({ transcript }) => transcript.cues.map((cue) => cue.text).join('\n'))
  .join('\n')
  .replace(/\S*(?:@|\w\.\w)\S*/g, ' ');
const lowerCaseWords = new Set(speech.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
const places = new Set(entries.flatMap((entry) => (entry.key.fields.location?.any ?? []).flatMap((place) => [place, ...words(place)])));

function words(name: string): string[] {
  return name.match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? [];
}

function isDistinctive(word: string): boolean {
  return word.length >= 4 && /^\p{Lu}.*\p{Ll}/u.test(word) && !lowerCaseWords.has(word.toLowerCase()) && !places.has(word);
}

/** The strings that give a name away, each with where the name comes from. */
const forbidden = new Map<string, Set<string>>();
function forbid(text: string, origin: string): void {
  if (places.has(text)) return;
  const origins = forbidden.get(text) ?? new Set<string>();
  origins.add(origin);
  forbidden.set(text, origins);
}

function addOrganisation(name: string, origin: string): void {
  const parts = words(name);
  if (parts.length > 1) forbid(name.trim(), origin);
  for (const word of parts.filter(isDistinctive)) forbid(word, origin);
}

/** "Hon. Ahmed Hussen (Minister of ...)", "Dawn Bowden AM": the name without its role, honorific or letters after it. */
function personName(label: string): { name: string; parts: string[] } | null {
  if (/^\s*The\s/.test(label)) return null; // "The Acting Chair": a role
  const name = label
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/^\s*(?:(?:Right|Hon|Dr|Mr|Mrs|Ms|Prof)\.?\s+)+/, '')
    .trim();
  // Initials, post-nominals and numbers are no part of a name; "Grad B" and "Speaker 2" keep one word, so are codes.
  const parts = words(name).filter((word) => !/^(?:\p{Lu}{1,3}|\p{N}+)$/u.test(word));
  return parts.length < 2 || !parts.some(isDistinctive) ? null : { name, parts };
}

const people: Array<{ label: string; origin: string }> = [];
for (const { entry, transcript } of transcripts) {
  const values = (field: 'company_name' | 'product_name' | 'primary_contact') => [...(entry.key.fields[field]?.any ?? []), ...(entry.key.fields[field]?.none ?? [])];
  for (const name of [...values('company_name'), ...values('product_name')]) addOrganisation(name, `${entry.name} (field value)`);
  if (entry.key.vendor) for (const name of [entry.key.vendor.company, ...(entry.key.vendor.products ?? [])]) addOrganisation(name, `${entry.name} (vendor)`);
  people.push(...values('primary_contact').map((label) => ({ label, origin: `${entry.name} (primary_contact)` })));
  people.push(...transcript.speakers.map((speaker) => ({ label: speaker.name, origin: `${entry.name} (speaker)` })));
}
const names = people.flatMap(({ label, origin }) => {
  const person = personName(label);
  return person ? [{ ...person, origin }] : [];
});
// A surname that is someone's first name here ("Hefin David", "David Sweet") is checked only within the full name.
const firstNames = new Set(names.map(({ parts }) => parts[0]!));
for (const { name, parts, origin } of names) {
  forbid(name, origin);
  const surname = parts.at(-1)!;
  if (isDistinctive(surname) && !firstNames.has(surname)) forbid(surname, origin);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...forbidden.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');

function engineSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const path = join(folder, item.name);
    if (item.isDirectory()) return engineSources(path);
    return item.name.endsWith('.ts') && !item.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('guard against tuning to the answer keys', () => {
  it('knows the names of every key', () => {
    // One distinctive name per kind of source, so a broken collection cannot pass quietly.
    expect(forbidden.get('TalentFlow Hire')).toContain('kestrel-hr-qbr-zoom.gold.json (vendor)');
    expect(forbidden.get('Whitfield')).toBeDefined();
    expect(forbidden.get('Quest Enterprises')).toBeDefined();
    expect(forbidden.has('Project Manager')).toBe(false);
    expect(forbidden.has('Grad B')).toBe(false);
    expect(forbidden.has('Canada')).toBe(false);
    expect(forbidden.has('David')).toBe(false);
    expect(forbidden.has('Mansfield')).toBe(false);
  });

  it('finds none of them in the engine (src/core, tests aside)', () => {
    const hits = engineSources(CORE).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => [...line.matchAll(pattern)].map((match) => `${relative(REPO_ROOT, path)}:${index + 1} "${match[0]}" from ${[...forbidden.get(match[0])!].slice(0, 2).join(', ')}`)),
    );
    expect(hits).toEqual([]);
  });
});

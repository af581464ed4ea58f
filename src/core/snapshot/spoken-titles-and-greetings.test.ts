/**
 * Rules of a fifth round: job titles said in lower case right after one's own
 * name ("I'm Jordi Puig, revenue analyst") or as "I'm the operations lead",
 * the sentence a team line cites (an introduction, never a greeting such as
 * "Hola Ben." when a better one exists), greetings of other languages that
 * name nobody, and "X, and Y, who led your implementation" making Y, not X,
 * the partner. Each rule is shown from both sides.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import { capitalRuns, readSpokenTitle } from './names.js';
import type { Snapshot } from './types.js';

const section = (snapshot: Snapshot, slug: string) => snapshot.sections.find((candidate) => candidate.slug === slug)!;
/** The entry of `name` in the team lines of the engagement details, up to its citation. */
const entryOf = (snapshot: Snapshot, name: string) => /- \*\*[^*]+:\*\* (.*)/.exec(section(snapshot, 'engagement_details').content.split('\n').find((line) => line.includes(name)) ?? '')?.[1]?.split('; ').find((entry) => entry.startsWith(name)) ?? '';
const teamQuotes = (snapshot: Snapshot) => section(snapshot, 'engagement_details').evidence.map((evidence) => evidence.quote);

/** A review where the customer's people introduce themselves in `introductions`. */
function review(introductions: readonly string[]): Snapshot {
  return snapshotOf([
    "Ana Ruiz (Account Manager): Thanks for joining. I'm Ana Ruiz, account manager at StayMetric.",
    ...introductions,
    'Ana Ruiz (Account Manager): How is StayMetric working for the hotels?',
    'Jordi Puig (Customer): Pricing used to take me two days a week, now it takes half a day at Almendro Hotels.',
    'Dana Okafor (Customer): Almendro Hotels signed the renewal for three more years.',
  ]);
}

describe('titles said in lower case', () => {
  it('reads a title after a pause: modifiers and a head, "head of …", closed by a pause, the end or "at/for/here"', () => {
    expect(readSpokenTitle('revenue analyst at Almendro Hotels.')).toBe('revenue analyst');
    expect(readSpokenTitle('head of procurement.')).toBe('head of procurement');
    expect(readSpokenTitle('the operations lead here')).toBe('operations lead');
    expect(readSpokenTitle('your senior IT manager, and I look after the servers')).toBe('senior IT manager');
  });

  it('reads no clause as a title', () => {
    expect(readSpokenTitle('and I think the manager will join later')).toBeNull();
    expect(readSpokenTitle('happy to be here')).toBeNull();
    expect(readSpokenTitle("sorry I'm late")).toBeNull();
    expect(readSpokenTitle('the owner of that problem now')).toBeNull();
    expect(readSpokenTitle('a big fan of the dashboards')).toBeNull();
  });

  it('gives a speaker the title said right after their own name, and the main contact their position', () => {
    const snapshot = review([
      "Jordi Puig (Customer): I'm Jordi Puig, revenue analyst at Almendro Hotels. I do the pricing.",
      'Dana Okafor (Customer): This is Dana, head of procurement.',
    ]);
    expect(entryOf(snapshot, 'Jordi Puig')).toMatch(/^Jordi Puig \(revenue analyst\) \[/);
    expect(entryOf(snapshot, 'Dana Okafor')).toMatch(/^Dana Okafor \(head of procurement\) \[/);
    expect(value(snapshot, 'primary_contact')).toBe('Jordi Puig');
    expect(value(snapshot, 'contact_position')).toBe('revenue analyst');
  });

  it('reads "I\'m the operations lead here" as the speaker\'s role', () => {
    const snapshot = review(["Dana Okafor (Customer): Hi. I'm the operations lead here.", "Jordi Puig (Customer): I'm Jordi Puig from Almendro Hotels."]);
    expect(entryOf(snapshot, 'Dana Okafor')).toMatch(/^Dana Okafor \(operations lead\) \[/);
  });

  it('gives no role for an ordinary clause after the name', () => {
    for (const intro of ["I'm Dana, and I think we should start.", "I'm Dana, happy to be here.", "This is Dana, sorry I'm late."]) {
      const snapshot = review([`Dana Okafor (Customer): ${intro}`, "Jordi Puig (Customer): I'm Jordi Puig from Almendro Hotels."]);
      expect(entryOf(snapshot, 'Dana Okafor')).toMatch(/^Dana Okafor \[/);
    }
  });
});

describe('the sentence a team line cites', () => {
  const greeted = [
    'Ben Carter: Hola Marta, hola Jordi!',
    'Jordi Puig: Hola Ben.',
    "Ben Carter: I'm Ben Carter, your account manager at StayMetric.",
    "Marta Ibanez: I'm Marta Ibanez, Director of Revenue at Almendro Hotels.",
  ];

  it("cites a speaker's introduction, not the greeting that first names them", () => {
    const snapshot = snapshotOf([...greeted, 'Jordi Puig: And I am Jordi Puig. I do the day-to-day pricing in the tool.']);
    expect(teamQuotes(snapshot)).toContain('And I am Jordi Puig.');
    expect(teamQuotes(snapshot)).not.toContain('Hola Marta, hola Jordi!');
    expect(teamQuotes(snapshot)).not.toContain('Hola Ben.');
  });

  it('cites their own words when they never introduce themselves, and a greeting only when nothing else is left', () => {
    const worded = snapshotOf([...greeted, 'Jordi Puig: Pricing takes half a day now.']);
    expect(teamQuotes(worded)).toContain('Pricing takes half a day now.');
    expect(teamQuotes(worded)).not.toContain('Hola Marta, hola Jordi!');
    const onlyGreets = snapshotOf(greeted);
    expect(entryOf(onlyGreets, 'Jordi Puig')).toMatch(/^Jordi Puig \[/);
    expect(teamQuotes(onlyGreets)).toContain('Hola Marta, hola Jordi!');
  });

  it('reads a greeting of another language as no name: "Bonjour Sam" names Sam only', () => {
    expect(capitalRuns('Bonjour Sam, thanks for making the time.').map((run) => run.name)).toEqual(['Sam']);
    expect(capitalRuns('Bonjour Bakery opened in May.').map((run) => run.name)).toEqual(['Bakery']);
  });
});

describe('who led your implementation', () => {
  it('makes the person named last before "who led" the partner, not the firm listed before them with "and"', () => {
    const snapshot = snapshotOf([
      "Marcus Webb (CSM): I'm Marcus Webb, your customer success manager at Campusly, and Sara Lindqvist, who led your implementation, is on as well.",
      "Angela Ruiz (Customer): I'm Angela Ruiz, Associate Provost at Ridgemont State University.",
      'Marcus Webb (CSM): How is AdviseHub going? Is AdviseHub used by your advisors?',
      'Angela Ruiz (Customer): Our advisors book every appointment in AdviseHub now.',
      'Sara Lindqvist (Implementation): We configured the appointment types in December.',
    ]);
    expect(section(snapshot, 'solution').content).toContain('**Vendor:** Campusly');
    expect(section(snapshot, 'engagement_details').content).toMatch(/Campusly team:\*\*[^\n]*Sara Lindqvist/);
  });
});

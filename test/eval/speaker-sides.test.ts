/**
 * Who is who per speaker on every call of the shared corpus: the issue's
 * target is that the customer and the vendor are right on every call, and a
 * vendor's person listed as "(customer)" lets their claims reach Results.
 * The keys say who is who only in their `about` prose, so the sides are
 * written out here from it (the vendor's implementation partner sits on the
 * vendor's side, a parent group's director on the customer's).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranscript, SHARED_ROOT } from '../../scripts/eval-run.js';
import { analyseTranscript } from '../../src/core/snapshot/analysis.js';

const CORPUS = join(SHARED_ROOT, 'eval/corpus');

const SIDES: Record<string, { vendor: string[]; customer: string[] }> = {
  'aurora-subsidiary-srt.srt': { vendor: ['Dominic Farrow'], customer: ['Helena Varga', 'Tobias Renner', 'Neil Abernathy'] },
  'harbor-donor-crm-bracket.txt': { vendor: ['Grace Okafor'], customer: ['Beth Callahan', 'Sam Reyes'] },
  'kestrel-hr-qbr-zoom.vtt': { vendor: ['Priya Raman', 'Marcus Feld'], customer: ['Dana Whitfield', 'Tom Kowalczyk'] },
  'lakemont-learning-roles.vtt': { vendor: ['Hannah Whitfield', 'Raj Mehta'], customer: ['Elaine Porter', 'Marcus Lindqvist'] },
  'mercy-sched-renewal-teams.vtt': { vendor: ['Brian Castellano', 'Sofia Lindqvist'], customer: ['Angela Morrow', 'Kevin Osei'] },
  'northpeak-retail-kickoff.srt': { vendor: ['Ethan Moss', 'Hannah Cole'], customer: ['Rachel Kim', 'Jamal Hughes', 'Olivia Brandt'] },
  'ortiz-telematics-interview.txt': { vendor: ['Priya Natarajan', 'PRIYA'], customer: ['Marisol Ortiz', 'MARISOL', 'Darnell Hayes', 'DARNELL'] },
  'pinecone-six-speakers-zoom.vtt': {
    vendor: ['Beth Calloway', 'Theo Brandt', 'Gloria Achebe'],
    customer: ['Jolene Marchetti', 'Amir Haddad', 'Kasey Lindgren', 'Marcus Bell'],
  },
  'quayside-customer-hosted-teams.vtt': { vendor: ['Tobias Lindqvist', 'Hana Okafor'], customer: ['Niamh Gallagher', 'Declan Furey', 'Orla Keenan'] },
  'steinhoff-erp-postmortem-teams.vtt': { vendor: ['Sophie Laurent', 'Felix Wagner'], customer: ['Katrin Vogel', 'Jonas Albrecht', 'Aylin Demir'] },
  'tidewater-short-bracket.txt': { vendor: ['Anouk Brandt'], customer: ['Wendell Pryce'] },
  'velden-fraud-ebr-otter.txt': { vendor: ['Oliver Grant', 'Leila Haddad'], customer: ['Sanne Bakker', 'Joris Visser', 'Maarten de Vries'] },
};

describe.skipIf(!existsSync(CORPUS))('speaker sides on the shared corpus, inferred from the call alone', () => {
  it.each(Object.keys(SIDES))('%s', (file) => {
    // The side every part of the snapshot uses (a caption role such as "Associate Provost" is shown instead of it).
    const sides = Object.fromEntries(analyseTranscript(loadTranscript(join(CORPUS, file))).parties.sideOf);
    const expected = Object.fromEntries(Object.entries(SIDES[file]!).flatMap(([side, names]) => names.map((name) => [name, side])));
    expect(sides).toEqual(expected);
  });
});

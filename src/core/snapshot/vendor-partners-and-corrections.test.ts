/**
 * Rules found on hand-written calls of a fourth round: a vendor's delivery
 * partner on the vendor side, people named with their role at the start of a
 * sentence or through an honorific, accented names, a correction said across
 * two sentences, adoption said as "N percent of <people> use", and the
 * background a question about life before the product asks for. Each rule is
 * shown from both sides (the case it catches and the look-alike it leaves).
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import { amountLike, findFigures, formatFigure } from './figures.js';
import { capitalRuns } from './names.js';
import type { Snapshot } from './types.js';

const section = (snapshot: Snapshot, slug: string) => snapshot.sections.find((candidate) => candidate.slug === slug)!.content;
/** The team line of the engagement details that lists `name`. */
const teamOf = (snapshot: Snapshot, name: string) => section(snapshot, 'engagement_details').split('\n').find((line) => line.includes(name)) ?? '';

const CHECK_IN = [
  "Nina Park: Morning all. I've got Ravi Menon from Northbeam Consulting with us, who led your implementation.",
  'Teresa Alvarado: Morning, Nina. Hi Ravi.',
  'Ravi Menon: Good morning, everyone.',
  'Nina Park: Could you introduce yourselves?',
  "Teresa Alvarado: I'm Teresa Alvarado, Director of Operations at Eastbrook Water District. We're a public water utility.",
  'Ravi Menon: Ravi Menon, principal consultant at Northbeam Consulting.',
  "Nina Park: And I'm Nina Park, customer success manager at Hydrolynx. How did the rollout go?",
  'Ravi Menon: We configured the work orders in the first month.',
  'Teresa Alvarado: It went well. Our crews use Hydrolynx Field every day now.',
  'Nina Park: What changed?',
  'Ravi Menon: The crews close work orders faster.',
  'Teresa Alvarado: Crews close work orders 35 percent faster.',
];

describe("the vendor's delivery partner", () => {
  it('puts a consultant "who led your implementation" and their firm on the vendor side', () => {
    const snapshot = snapshotOf(CHECK_IN);
    expect(value(snapshot, 'company_name')).toBe('Eastbrook Water District');
    expect(value(snapshot, 'primary_contact')).toBe('Teresa Alvarado');
    expect(teamOf(snapshot, 'Ravi Menon')).toMatch(/^- \*\*Hydrolynx team:/);
    expect(section(snapshot, 'solution')).toContain('**Vendor:** Hydrolynx');
  });

  it('reads "our implementation partner, X" and "we\'re a … partner" the same way', () => {
    const snapshot = snapshotOf([
      "Nina Park: I'm Nina Park, account manager at Hydrolynx, and Ravi is here from our implementation partner, Northbeam Consulting.",
      "Ravi Menon: Hi all. I'm Ravi Menon at Northbeam Consulting.",
      "Teresa Alvarado: I'm Teresa Alvarado, Director of Operations at Eastbrook Water District.",
      'Nina Park: How are the crews finding it? Is the tablet app working for them?',
      'Teresa Alvarado: They like it. The tablets took a week to get used to.',
      'Nina Park: And the office? Any trouble with the maps?',
      'Teresa Alvarado: The maps are right now, which is new for us.',
      'Ravi Menon: And Northbeam Consulting will help with the next phase.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Eastbrook Water District');
    expect(teamOf(snapshot, 'Ravi Menon')).toMatch(/^- \*\*Hydrolynx team:/);
    const selfDescribed = snapshotOf([
      'Nina Park: Thanks for joining. How are the crews finding it? Is the tablet app working for them?',
      "Ravi Menon: Hi all, Ravi here, we're a certified Hydrolynx partner and did the setup.",
      "Teresa Alvarado: I'm Teresa Alvarado, Director of Operations at Eastbrook Water District. They like it.",
      'Nina Park: And the office? Any trouble with the maps?',
      'Teresa Alvarado: The maps are right now, which is new for us.',
    ]);
    expect(teamOf(selfDescribed, 'Ravi Menon')).not.toMatch(/Eastbrook Water District team:/);
  });

  it('leaves the customer\'s own person who led "the" rollout on the customer side', () => {
    const snapshot = snapshotOf([
      "Nina Park: I'm Nina Park, customer success manager at Hydrolynx. I've got Owen Pryce with us, who led the rollout on your side.",
      "Teresa Alvarado: I'm Teresa Alvarado, Director of Operations at Eastbrook Water District.",
      'Owen Pryce: Hi. Our crews use it every day now.',
      'Nina Park: How are the crews finding it?',
      'Owen Pryce: Our crews like it, and our dispatchers too.',
    ]);
    expect(teamOf(snapshot, 'Owen Pryce')).toMatch(/^- \*\*Eastbrook Water District team:/);
  });

  it("keeps whose consultant a person is: \"Acme's consultant, X\" joins the vendor's team", () => {
    const snapshot = snapshotOf([
      'Liam Hart: Thanks for doing this. What did you do first?',
      "Kara Voss: I'm Kara Voss, VP of Operations at Ostrander Tooling. Our team and Pressline's consultant, Mira Schott, filmed every changeover.",
      'Liam Hart: Why did you choose Pressline?',
      'Kara Voss: Pressline was the one our setters could use on a tablet.',
      'Liam Hart: Who else helped?',
      'Kara Voss: Our CFO, Dr. Petra Hahn, sponsored the project, and Felix Wagner from our IT team did the integration.',
    ]);
    const team = section(snapshot, 'engagement_details');
    expect(team).toMatch(/Pressline team:\*\*[^\n]*Mira Schott \(Pressline's consultant\)/);
    expect(team).toMatch(/Ostrander Tooling team:\*\*[^\n]*Petra Hahn \(CFO\)[^\n]*Felix Wagner \(from our IT team\)/);
  });
});

describe('names', () => {
  it('reads accented names whole, and only capitalised ones as names', () => {
    expect(capitalRuns("I'm Marta Ibáñez, from Dénia.").map((run) => run.name)).toEqual(['Marta Ibáñez', 'Dénia']);
    // A greeting of another language opens the sentence like "Hello" and names nobody.
    expect(capitalRuns('Buenos días a todos, Élodie.').map((run) => run.name)).toEqual(['Élodie']);
  });
});

describe('corrections and adoption', () => {
  it('makes a bare amount that corrects money the same money, at the stated or the corrected rate', () => {
    const [corrected] = findFigures('we save one point one million dollars a year');
    const [bare] = findFigures("It's closer to one point three million.");
    expect(formatFigure(amountLike("It's closer to one point three million.", bare!, corrected!))).toBe('$1,300,000 per year');
    const [monthly] = findFigures("It's closer to 90,000 a month.");
    expect(formatFigure(amountLike("It's closer to 90,000 a month.", monthly!, corrected!))).toBe('$90,000 per month');
  });

  it('takes the correction said in the next sentence after "I re-ran that", not a figure merely said "actually"', () => {
    const corrected = snapshotOf([
      'Ana Ruiz (Account Manager): What did it save you?',
      "Jamal Reed (Customer): We're saving about one point one million dollars a year in agent time.",
      'Hana Cho (Customer): Actually, Jamal, I re-ran that last week. It is closer to one point three million a year.',
    ]);
    expect(value(corrected, 'cost_savings')).toBe('$1,300,000 per year');
    const emphatic = snapshotOf([
      'Ana Ruiz (Account Manager): What did it save you?',
      "Jamal Reed (Customer): We're saving about $300,000 a year in agent time.",
      'Hana Cho (Customer): Actually, the crews love it. About 400,000 calls went through it.',
    ]);
    expect(value(emphatic, 'cost_savings')).toBe('$300,000 per year');
  });

  it('reads "N percent of agents use …" as the adoption rate, but not a share of agents doing something else', () => {
    const lines = (text: string) => ['Ana Ruiz (Account Manager): How is it going on the floor?', `Hana Cho (Customer): ${text}`];
    expect(value(snapshotOf(lines('Ninety-one percent of agents use the suggested answers on most calls.')), 'adoption_rate')).toBe('91%');
    expect(value(snapshotOf(lines('Forty percent of our agents left last year.')), 'adoption_rate')).toBeNull();
  });
});

describe('background', () => {
  it('answers "what was it like before <product>?" with the answer, not with sentences that merely name the company', () => {
    const snapshot = snapshotOf([
      'Ana Ruiz (Account Manager): Today is the post-launch review for Cascade Mobile.',
      "Jamal Reed (Customer): I'm Jamal Reed, VP of Customer Care at Cascade Mobile.",
      'Ana Ruiz (Account Manager): And what was the situation before Threadline?',
      'Jamal Reed (Customer): Our agents had six different screens open for every call.',
      'Ana Ruiz (Account Manager): How many agents use Threadline now?',
      'Jamal Reed (Customer): All twelve hundred seats.',
    ]);
    const background = section(snapshot, 'background');
    expect(background).toContain('six different screens');
    expect(background).not.toContain('post-launch review');
  });
});

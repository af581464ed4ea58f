/**
 * Rules of a sixth round: places with accents said as "based in Lyon,
 * Auvergne-Rhône-Alpes" are the customer's location and never an
 * organisation; a product said as "the X renewal" or "on X since" is the
 * product; a dollar keeps its country prefix ("CA$", "NZ$") and an ISO code
 * stays a code; "used by all 160 store managers" is a user count, "the
 * forecasting" a feature rather than a projection; a fall in waste is a
 * result, not efficiency. Each rule is shown from both sides.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import { validateFieldValue } from './catalogue.js';
import { findFigures, formatFigure } from './figures.js';

const amounts = (text: string) => findFigures(text).map(formatFigure);

/** A renewal review with a vendor who asks; `lines` are the customer's answers and asides. */
function renewal(lines: readonly string[]): ReturnType<typeof snapshotOf> {
  return snapshotOf([
    'Tom Reyes: Thanks for making the time. Can you confirm your title?',
    "Aurélie Fontaine: I'm the Head of Operations at Fromagerie Dufresne Group.",
    ...lines,
    'Tom Reyes: What were the results this year? How is your staff finding it?',
    'Aurélie Fontaine: Our staff like your product. Merci, Tom.',
    'Tom Reyes: Anything else for your side? Any questions?',
    'Aurélie Fontaine: No, that is all.',
  ]);
}

describe('places with accents', () => {
  it('reads "a … chain based in Sète, Occitanie" and "a crémerie chain in Nîmes" as the location, and the place as no organisation', () => {
    const snapshot = renewal([
      "Aurélie Fontaine: We're a cheese and crémerie chain based in Sète, Occitanie, with 30 shops.",
      'Aurélie Fontaine: Our Sète shops opened first.',
      'Tom Reyes: And you have been on PantryPilot since 2022.',
      'Aurélie Fontaine: I want to talk about the PantryPilot renewal.',
    ]);
    expect(value(snapshot, 'location')).toBe('Sète, Occitanie');
    expect(value(snapshot, 'product_name')).toBe('PantryPilot');
    expect(value(renewal(["Aurélie Fontaine: We're a crémerie chain in Nîmes."]), 'location')).toBe('Nîmes');
  });

  it('keeps a company named after "at" as the company: only "based in/out of" marks a place', () => {
    const snapshot = renewal(["Aurélie Fontaine: Our team is based at Fromagerie Dufresne Group in Sète, and we're happy."]);
    expect(value(snapshot, 'company_name')).toBe('Fromagerie Dufresne Group');
  });
});

describe('a product named by its renewal or its use since a date', () => {
  it('makes the name before "renewal" or after "on … since" the product and its maker the vendor, rather than another name said as often', () => {
    const snapshot = renewal([
      'Aurélie Fontaine: The Atlas trucks came twice. The Atlas drivers were late.',
      'Aurélie Fontaine: I want to talk about the PantryPilot renewal.',
      "Aurélie Fontaine: We've been on PantryPilot since the spring.",
    ]);
    expect(value(snapshot, 'product_name')).toBe('PantryPilot');
    expect(snapshot.sections.find((section) => section.slug === 'solution')!.content).toContain('**Vendor:** PantryPilot');
  });

  it('takes the name the vendor asks about ("how are things going with X Inbox over at …") as the product, but not a colleague asked after', () => {
    const checkIn = (question: string) =>
      snapshotOf([
        `Ada Fenn: So this is just the regular check-in. ${question}`,
        "Rui Osei: Good. We're at 38 people in it now, and our team likes it.",
        'Ada Fenn: Great. I can get someone on our side to look at the tagging rules.',
        'Rui Osei: Thanks. Is shared replies on your roadmap?',
        'Ada Fenn: It is on our roadmap. Most of our customers ask for it.',
      ]);
    expect(value(checkIn('How are things going with Harbin Inbox over at Marrow Tiles?'), 'product_name')).toBe('Harbin Inbox');
    expect(value(checkIn('How are things going with Petra over at Marrow Tiles?'), 'product_name')).toBeNull();
  });

  it('names no product when the only name said twice is a place', () => {
    const snapshot = renewal(["Aurélie Fontaine: We're a chain based in Trois-Rivières, Québec.", 'Aurélie Fontaine: The Trois-Rivières shop is our biggest.']);
    expect(value(snapshot, 'product_name')).toBeNull();
    expect(value(snapshot, 'location')).toBe('Trois-Rivières, Québec');
  });
});

describe('currencies', () => {
  it('keeps the country prefix of a dollar and writes the sign against the amount', () => {
    expect(amounts('we saved about CA$350,000 this year')).toEqual(['CA$350,000']);
    expect(amounts('roughly NZ$ 40,000 and US$2 million')).toEqual(['NZ$40,000', 'US$2,000,000']);
    expect(amounts('a C$90,000 budget, A$15,000 and HK$8,000')).toEqual(['C$90,000', 'A$15,000', 'HK$8,000']);
    expect(amounts('we saved €40,000 and £12,000')).toEqual(['€40,000', '£12,000']);
  });

  it('writes an ISO code apart, said before or after the amount, and a bare "$" stays a dollar', () => {
    expect(amounts('we saved CAD 350,000')).toEqual(['CAD 350,000']);
    expect(amounts('we saved 350,000 CAD')).toEqual(['CAD 350,000']);
    expect(amounts('about 12,000 NZD a year')).toEqual(['NZD 12,000 per year']);
    expect(amounts('we saved $350,000')).toEqual(['$350,000']);
    expect(amounts('we added 350 CA stores')).toEqual([350]);
  });

  it('accepts a prefixed dollar typed by a person, and rejects an unknown prefix', () => {
    expect(validateFieldValue('cost_savings', 'CA$350,000')).toBe('CA$350,000');
    expect(validateFieldValue('cost_savings', 'SEK 40,000')).toBe('SEK 40,000');
    expect(() => validateFieldValue('cost_savings', 'ZZ$350,000')).toThrow(/Cost savings/);
  });

  it('gives the cost savings of a call in its stated currency', () => {
    const snapshot = renewal(['Aurélie Fontaine: Our finance team says we saved about CA$120,000 over the last twelve months.']);
    expect(value(snapshot, 'cost_savings')).toBe('CA$120,000');
  });
});

describe('"used by all N people"', () => {
  it('reads the count of people something is used by as the user count, even when the thing is "the forecasting"', () => {
    expect(value(renewal(['Aurélie Fontaine: The forecasting is used by all 85 shop managers to plan the day.']), 'user_count')).toBe(85);
    expect(value(renewal(['Aurélie Fontaine: The app is used by 40 buyers.']), 'user_count')).toBe(40);
  });

  it('reads no user count from "used to", a plan, or a forecast of users', () => {
    expect(value(renewal(['Aurélie Fontaine: We used to have 85 shop managers.']), 'user_count')).toBeNull();
    expect(value(renewal(['Aurélie Fontaine: It will be used by all 85 shop managers next year.']), 'user_count')).toBeNull();
    expect(value(renewal(["Aurélie Fontaine: We're forecasting 85 shop managers using it."]), 'user_count')).toBeNull();
  });
});

describe('waste is a result, not efficiency', () => {
  it('leaves "food waste is down 31%" out of the efficiency improvement, which is time or effort saved', () => {
    expect(value(renewal(['Aurélie Fontaine: Food waste is down 31% compared with last year.']), 'efficiency_improvement')).toBeNull();
    expect(value(renewal(['Aurélie Fontaine: Ordering takes 31% less time than last year.']), 'efficiency_improvement')).toBe('31%');
  });
});

describe('the headquarters among several sites', () => {
  const lines = (site: string) => [
    'Ada Fenn (Account Manager): How many plants do you run now?',
    `Rui Osei (Customer): Two plants. ${site}`,
    "Rui Osei (Customer): We've been using your platform in both since March.",
  ];

  it('takes the place said before "which is also headquarters", not the other site after it', () => {
    const snapshot = snapshotOf(lines('One here in Lorwick, Ohio, which is also headquarters, and one in Dunmere, about a half hour west of us.'));
    expect(value(snapshot, 'location')).toBe('Lorwick, Ohio');
  });

  it('never takes a site in the clause after "headquarters" for the headquarters', () => {
    const snapshot = snapshotOf(lines('Our headquarters, and one plant in Dunmere, are both busy.'));
    expect(value(snapshot, 'location')).not.toBe('Dunmere');
  });
});

/**
 * Rules that make the offline engine hold on calls it was not tuned on: plain
 * `Name: text` calls of a few lines, each rule shown from both sides (the case
 * it catches and the look-alike it must leave alone).
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import { findFigures, formatFigure } from './figures.js';
import { isNameLike } from './names.js';
import { isGenericClaim, isRetracted } from './statements.js';
import type { Snapshot } from './types.js';

const confidenceOf = (snapshot: Snapshot, slug: string) => snapshot.sections.find((section) => section.slug === slug)!.confidence;

const INTERVIEW = [
  'Liam Hart: Thanks for doing this customer story. Can you introduce yourself?',
  "Kara Voss: Sure. I'm Kara Voss, VP of Operations at Ostrander Tooling. We're a family-owned metal stamping company, headquartered in Dayton.",
  'Liam Hart: What did changeovers look like before Pressline?',
  'Kara Voss: Our customers keep ordering smaller batches, and every setter had his own way of doing it.',
  'Liam Hart: Why did you choose Pressline?',
  'Kara Voss: Pressline was the one our setters could use on a tablet. We cut changeover time from 45 to 30 minutes.',
  'Liam Hart: How many people use Pressline day to day?',
  'Kara Voss: About sixty setters and shift leads.',
  'Liam Hart: How many shifts do you run?',
  'Kara Voss: Three shifts, every day.',
];

describe('who is the customer', () => {
  it('never takes a contraction that opens a sentence for a name', () => {
    expect(isNameLike("We're", new Set())).toBe(false);
    expect(isNameLike("That's", new Set())).toBe(false);
    expect(isNameLike('Ledgerline', new Set())).toBe(true);
  });

  it('puts whoever answers the interviewer on the customer side, even when they talk about their own customers', () => {
    const snapshot = snapshotOf(INTERVIEW);
    expect(value(snapshot, 'company_name')).toBe('Ostrander Tooling');
    expect(value(snapshot, 'primary_contact')).toBe('Kara Voss');
    // The interviewer stays the vendor: their organisation is the product, not the customer.
    expect(value(snapshot, 'product_name')).toBe('Pressline');
  });

  it('reads an affiliation through an honorific ("I\'m Dr. …, … at X")', () => {
    const snapshot = snapshotOf([
      'Marcus Webb (Account Manager): Could you introduce yourself for the notes?',
      "Angela Ruiz (Customer): I'm Dr. Angela Ruiz, Associate Provost at Northgate State University.",
      'Marcus Webb (Account Manager): And how is it going?',
      'Angela Ruiz (Customer): Well. Our advisors like it.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Northgate State University');
    expect(value(snapshot, 'contact_position')).toBe('Associate Provost');
  });

  it('keeps the full name said once in an introduction over the short form used later, and a product said once in full', () => {
    const snapshot = snapshotOf([
      'Priya Shah (Account Executive): Thanks for joining. Where were you before Ledgerline?',
      "Monica Reyes (Customer): I'm Monica Reyes, Chief Risk Officer at Tallow Credit Union. We had a rules engine.",
      'Priya Shah (Account Executive): And then?',
      'Monica Reyes (Customer): We deployed Ledgerline Fraud Shield in April, and Tallow has been happier since.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Tallow Credit Union');
    expect(value(snapshot, 'product_name')).toBe('Ledgerline Fraud Shield');
  });
});

describe('introductions', () => {
  const review = 'Sofia Marquez (CSM): This is the quarterly review for Cedar Ridge Partners and CarePath.';
  it('takes "Name, Title for X" as the speaker\'s own affiliation', () => {
    const snapshot = snapshotOf([review, 'Denise Holloway (Customer): Denise Holloway, Director of Technology for Cedar Ridge Partners. Glad to be here.']);
    expect(value(snapshot, 'company_name')).toBe('Cedar Ridge Partners');
  });

  it('does not tie the host to the organisation a meeting is "for"', () => {
    const snapshot = snapshotOf([
      review,
      "Renee Alvarez (Customer): For anyone new, I'm Dr. Renee Alvarez, Chief Medical Officer at Cedar Ridge Partners.",
    ]);
    expect(value(snapshot, 'company_name')).toBe('Cedar Ridge Partners');
    expect(value(snapshot, 'primary_contact')).toBe('Renee Alvarez');
  });

  it('keeps accented place names whole', () => {
    const snapshot = snapshotOf([
      'Sam Okoye (Account Manager): How are the stores?',
      "Élodie Tremblay (Customer): I'm the COO at Maison Lune Bakeries. We're a bakery chain based in Montréal, Québec, with 42 stores.",
    ]);
    expect(value(snapshot, 'location')).toBe('Montréal, Québec');
    expect(value(snapshot, 'industry')).toMatch(/bakery/i);
  });
});

describe('the primary contact', () => {
  const talker = 'Darnell Price (Customer): I manage fraud operations. My team works the queue every day, all day, and we see everything that comes in, every alert, every call.';
  it('prefers the customer who gives a senior title and their own address to the one who talks most', () => {
    const snapshot = snapshotOf([
      'Priya Shah (Account Executive): Could you both introduce yourselves?',
      "Monica Reyes (Customer): I'm Monica Reyes, Chief Risk Officer at Tallow Credit Union.",
      talker,
      'Monica Reyes (Customer): Send the draft to monica.reyes@tallow.org and I will approve it.',
    ]);
    expect(value(snapshot, 'primary_contact')).toBe('Monica Reyes');
  });

  it('otherwise takes the customer who speaks most', () => {
    const snapshot = snapshotOf([
      'Priya Shah (Account Executive): Could you both introduce yourselves?',
      'Monica Reyes (Customer): Hi, Monica here.',
      talker,
    ]);
    expect(value(snapshot, 'primary_contact')).toBe('Darnell Price');
  });

  it('prefers the customer who owned the project on their side to an equally senior colleague who talks more', () => {
    const owner = "Ines Falk (Customer): Ines Falk, I'm Head of IT, and I was the programme owner on our side for the ERP project.";
    const colleague = [
      'Priya Shah (Account Executive): Could you both introduce yourselves?',
      "Omar Lind (Customer): Omar Lind, I'm Head of Controlling. I was responsible for the finance workstream and I watch the budget, every month, every line, every invoice.",
    ];
    expect(value(snapshotOf([...colleague, owner]), 'primary_contact')).toBe('Ines Falk');
    const notOwner = owner.replace('I was the programme owner on our side for', 'I sat in on');
    expect(value(snapshotOf([...colleague, notOwner]), 'primary_contact')).toBe('Omar Lind');
  });

  it('words a title from "I lead X at Y" when no title is given, but prefers a stated one', () => {
    const lead = ['Sam Reed (Account Manager): Tell us about yourself?', 'Nora Quinn (Customer): I lead customer operations at Larkspur Dental Group, a chain of forty clinics in Denver.'];
    const unstated = snapshotOf(lead);
    expect(value(unstated, 'contact_position')).toBe('Head of customer operations');
    const headsUp = snapshotOf([lead[0]!, lead[1]!.replace('I lead', 'I head up')]);
    expect(value(headsUp, 'contact_position')).toBe('Head of customer operations');
    expect(value(unstated, 'location')).toBe('Denver');
    expect(String(value(unstated, 'industry'))).toMatch(/dental/i);
    const stated = snapshotOf([...lead, 'Nora Quinn (Customer): My title is Director of Operations, if you need it.']);
    expect(value(stated, 'contact_position')).toBe('Director of Operations');
  });
});

describe('company profile', () => {
  it('reads "we\'re a landscaping contractor in Tulsa" as the industry and the place', () => {
    const snapshot = snapshotOf([
      'Marcus Webb (Account Manager): Could you describe the business?',
      "Rosa Lind (Customer): I'm Rosa Lind, operations manager at Greenvale Grounds. We're a landscaping contractor in Tulsa with about 200 crew members.",
    ]);
    expect(value(snapshot, 'industry')).toBe('Landscaping contractor');
    expect(value(snapshot, 'location')).toBe('Tulsa');
  });

  it('reads the location and industry from "we\'re a public university in Boise"', () => {
    const snapshot = snapshotOf([
      'Marcus Webb (Account Manager): Could you describe the university?',
      "Angela Ruiz (Customer): I'm Angela Ruiz, provost at Northgate State University. We're a public university in Boise, Idaho, with 24,000 students.",
    ]);
    expect(value(snapshot, 'location')).toBe('Boise, Idaho');
    expect(value(snapshot, 'industry')).toBe('Education');
  });

  it('takes neither from the vendor describing itself, nor an industry from a bare "company"', () => {
    const snapshot = snapshotOf([
      "Marcus Webb (Account Manager): I'm Marcus Webb from Campusly. Campusly is a software company in Austin. Could you describe your side?",
      "Angela Ruiz (Customer): I'm Angela Ruiz at Northgate Learning. We're a small company.",
    ]);
    expect(value(snapshot, 'location')).toBeNull();
    expect(value(snapshot, 'industry')).toBeNull();
  });
});

describe('figures', () => {
  it('gives a bare amount the currency of the money said in the same sentence, and only then', () => {
    expect(findFigures('down by 1.2 million dollars, sorry, not 1.2 million, 1.4 million in savings').map(formatFigure)).toEqual(['$1,200,000', '$1,200,000', '$1,400,000']);
    expect(findFigures('We saved $5,000 across 1200 stores.').map(formatFigure)).toEqual(['$5,000', 1200]);
    expect(findFigures('so 1.4 million is the number').map(formatFigure)).toEqual([1_400_000]);
  });

  it('tells the figure taken back ("not X") from the one that replaces it', () => {
    const text = 'sorry, not 1.2 million, 1.4 million';
    expect(isRetracted(text, { start: text.indexOf('1.2'), end: text.indexOf('1.2') + 11 })).toBe(true);
    expect(isRetracted(text, { start: text.indexOf('1.4'), end: text.length })).toBe(false);
  });

  it('counts "on average" as generic only when nobody measures their own', () => {
    expect(isGenericClaim('On average that cuts review time by 40%.')).toBe(true);
    expect(isGenericClaim('We cut changeover time from 45 to 30 minutes on average.')).toBe(false);
  });

  it('keeps the corrected savings, not the figure taken back, and never makes the correction a user count', () => {
    const snapshot = snapshotOf([
      'Priya Shah (Account Executive): What did it save?',
      'Wen Liu (Customer): Fraud losses are down by 1.2 million dollars, sorry, not 1.2 million, 1.4 million in savings.',
      'Wen Liu (Customer): I checked it twice, so 1.4 million is the number.',
      'Priya Shah (Account Executive): How many people are in the tool?',
      'Wen Liu (Customer): 112 users.',
    ]);
    expect(value(snapshot, 'cost_savings')).toBe('$1,400,000');
    expect(value(snapshot, 'user_count')).toBe(112);
  });

  it('takes the count answering "how many people use it" as the user count, but not the answer to another "how many"', () => {
    const snapshot = snapshotOf(INTERVIEW);
    expect(value(snapshot, 'user_count')).toBe(60);
    const shiftsOnly = snapshotOf([...INTERVIEW.slice(0, 6), ...INTERVIEW.slice(8)]);
    expect(value(shiftsOnly, 'user_count')).toBeNull();
  });

  it('turns a time that fell into an efficiency gain, but not a time that grew', () => {
    expect(value(snapshotOf(INTERVIEW), 'efficiency_improvement')).toBe('from 45 minutes to 30 minutes (33% less time)');
    const longer = snapshotOf(['Sam Reed (Account Manager): How are meetings?', 'Nora Quinn (Customer): Our meetings went from 30 to 45 minutes.']);
    expect(value(longer, 'efficiency_improvement')).toBeNull();
  });

  it('does not read an outcome rate as efficiency because a time is named in the next clause', () => {
    const mixed = snapshotOf(['Sam Reed (Account Manager): How has it worked?', 'Nora Quinn (Customer): No-shows dropped by 18% and our front desks save about 12 hours a week.']);
    // The time saved is the efficiency gain; the fall in no-shows is not.
    expect(value(mixed, 'efficiency_improvement')).toBe('12 hours a week saved');
    const direct = snapshotOf(['Sam Reed (Account Manager): How has it worked?', 'Nora Quinn (Customer): Scheduling takes 30% less time now.']);
    expect(value(direct, 'efficiency_improvement')).toBe('30%');
  });
});

describe('dates', () => {
  it('uses the go-live as the start date when no earlier start is stated', () => {
    const snapshot = snapshotOf(['Sam Reed (Account Manager): When did you start?', 'Nora Quinn (Customer): We went live on the third of February 2025.']);
    expect(value(snapshot, 'start_date')).toBe('2025-02-03');
  });

  it('keeps a stated kickoff as the start and reads "running on it by" as the completion', () => {
    const snapshot = snapshotOf([
      'Sam Reed (Account Manager): How did the rollout go?',
      'Nora Quinn (Customer): We kicked off on 15 January 2024 with one line.',
      'Nora Quinn (Customer): All fourteen lines were running on it by the 28th of June 2024.',
    ]);
    expect(value(snapshot, 'start_date')).toBe('2024-01-15');
    expect(value(snapshot, 'completion_date')).toBe('2024-06-28');
  });

  it('takes no date counted back from the day of the call ("3 weeks ago"), with or without one stated', () => {
    const lines = [
      'Sam Reed (Account Manager): How did the rollout go?',
      'Nora Quinn (Customer): We kicked off the project 10 weeks ago and we went live 3 weeks ago, so we may still see teething problems.',
    ];
    for (const call of [lines, ['Sam Reed (Account Manager): Today is Monday, September 2, 2024.', ...lines]]) {
      const snapshot = snapshotOf(call);
      expect(value(snapshot, 'start_date')).toBeNull();
      expect(value(snapshot, 'completion_date')).toBeNull();
    }
  });
});

describe('a product named apart from its vendor', () => {
  const lines = [
    "Marcus Webb: I'm Marcus Webb, your customer success manager at Campusly. Where were you before AdviseHub?",
    "Angela Ruiz: I'm Angela Ruiz, provost at Northgate State University. Students booked on paper.",
  ];
  it('is the product when it is used at least twice', () => {
    const snapshot = snapshotOf([...lines, 'Angela Ruiz: Now 64 percent book through AdviseHub.']);
    expect(value(snapshot, 'product_name')).toBe('AdviseHub');
  });

  it('is not when it is only named once', () => {
    expect(value(snapshotOf(lines), 'product_name')).not.toBe('AdviseHub');
  });

  it('carries its maker\'s name when the call says it in full, and keeps the short name otherwise', () => {
    const snapshot = snapshotOf([...lines, 'Angela Ruiz: Now 64 percent book through AdviseHub.', 'Marcus Webb: The Campusly AdviseHub integration went live in May.']);
    expect(value(snapshot, 'product_name')).toBe('Campusly AdviseHub');
    const short = snapshotOf([...lines, 'Angela Ruiz: Now 64 percent book through AdviseHub.', 'Marcus Webb: The Campusly integration went live in May.']);
    expect(value(short, 'product_name')).toBe('AdviseHub');
  });
});

describe('section confidence', () => {
  it('stays below one half for a section whose fields the call never states, and rises when it states them', () => {
    const none = snapshotOf(['Sam Reed (Account Manager): How has it worked?', 'Nora Quinn (Customer): Our staff like it and the patients are happier.']);
    expect(confidenceOf(none, 'financial_impact')).toBeLessThan(0.5);
    const stated = snapshotOf([
      'Sam Reed (Account Manager): How has it worked?',
      'Nora Quinn (Customer): We saved $250,000 a year on overtime, and our ROI was 180 percent in the first year.',
      'Nora Quinn (Customer): The savings came mostly from overtime, which fell sharply.',
    ]);
    expect(confidenceOf(stated, 'financial_impact')).toBeGreaterThan(confidenceOf(none, 'financial_impact'));
  });
});

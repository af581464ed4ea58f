/**
 * Names that look like the customer's company, industry, place or product but
 * belong to something else: a person, a parent group, a city or an
 * interjection said twice; a name the customer denies; a phrase about the
 * customer's own clients; a place of another organisation. Each rule is shown
 * from both sides (the wrong value it drops and the look-alike it keeps).
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, snapshotOf, value } from '../../../test/support/plain-call.js';

describe('a name said twice is no product unless it is talked of as used', () => {
  const call = (mentions: readonly string[]) =>
    customerCallSnapshotOf([
      'Tobias Wren: Thanks for joining, Ines. This is for the customer story, so thanks for doing it.',
      'Ines Halvorsen: Sure. Your platform has carried our whole migration.',
      "Ines Halvorsen: I'm a scheduling lead at Corbel Dental Partners.",
      ...mentions,
      'Tobias Wren: How many schedulers use it today?',
      'Ines Halvorsen: Eighteen schedulers, across nine practices.',
    ]);

  it.each([
    [
      'a person',
      [
        "Ines Halvorsen: My manager is Desmond Achterberg, he's the Chief Operating Officer, and he approved the budget.",
        'Tobias Wren: And Desmond is still the sponsor?',
        'Ines Halvorsen: Yes. Desmond reads the weekly reports.',
      ],
    ],
    ['a title', ["Ines Halvorsen: My manager is the Chief Operating Officer and he approved the budget.", 'Ines Halvorsen: As the Chief Operating Officer said, the reports matter most.']],
    ['a parent group', ['Ines Halvorsen: We belong to the Ostler Holdings group.', 'Ines Halvorsen: Ostler Holdings does its own finance, though.']],
    ['a city', ['Ines Halvorsen: Our biggest practice is in Valparaiso.', 'Ines Halvorsen: So I mostly live in Valparaiso these days.']],
    ['an interjection', ['Tobias Wren: Could you tell us about the team?', 'Ines Halvorsen: Gladly. The team is small.', 'Tobias Wren: And the practices?', 'Ines Halvorsen: Gladly. There are nine.']],
  ])('leaves the product missing when the name said twice is %s', (_kind, mentions) => {
    const snapshot = call(mentions);
    expect(value(snapshot, 'company_name')).toBe('Corbel Dental Partners');
    expect(value(snapshot, 'product_name')).toBeNull();
  });

  it('still takes a name said twice as the product when the customer works in it', () => {
    const snapshot = call(['Ines Halvorsen: Before Chairbook, every booking was on paper.', 'Ines Halvorsen: Now every booking lives in Chairbook.']);
    expect(value(snapshot, 'product_name')).toBe('Chairbook');
    const asked = call(['Tobias Wren: A bit about us first: Chairbook is based out of Galway.', 'Tobias Wren: How has Chairbook Recall been for your front desk?', 'Ines Halvorsen: Good, the front desk uses it all day.']);
    expect(value(asked, 'product_name')).toBe('Chairbook Recall');
    const daily = call(['Tobias Wren: Tobias from Chairbook, by the way.', "Ines Halvorsen: I'm in Chairbook Recall every single day, booking all nine practices."]);
    expect(value(daily, 'product_name')).toBe('Chairbook Recall');
  });
});

describe('a company name the customer denies', () => {
  const call = (answer: readonly string[]) =>
    customerCallSnapshotOf([
      'Priya Lund: Thanks for joining, Oren. This is for the customer story. I have you listed as Marlow Textiles?',
      ...answer,
      'Priya Lund: Noted. And your team is on the planning module now?',
      "Oren Castellan: Yes, we've been using your platform for two seasons. I'm the production manager.",
      'Priya Lund: And where are you based?',
      "Oren Castellan: We're based in Bradford. We weave upholstery fabric.",
    ]);

  it('is never the company, nor are its place and kind; the name corrected to is taken', () => {
    const snapshot = call(["Oren Castellan: Almost, it's Marlow Weaving. Marlow Textiles is a different company in Leeds, we get their parcels all the time."]);
    expect(value(snapshot, 'company_name')).toBe('Marlow Weaving');
    expect(value(snapshot, 'location')).toBe('Bradford');
    expect(String(value(snapshot, 'industry'))).not.toMatch(/different/i);
    expect(call(["Oren Castellan: Almost, it's Marlow Weaving, not Marlow Textiles."]).fields.company_name.value).toBe('Marlow Weaving');
  });

  it('takes no name as corrected to when the turn only contrasts two products', () => {
    const snapshot = call(["Oren Castellan: It's not Loomwise, it's Threadcount Cloud that schedules the looms now."]);
    expect(value(snapshot, 'company_name')).not.toBe('Threadcount Cloud');
  });

  it('still takes a company described as "a <kind> company" by its own people', () => {
    const snapshot = customerCallSnapshotOf([
      'Priya Lund: Thanks for joining, Oren. This is for the customer story, so tell me about the business.',
      "Oren Castellan: Sure. Marlow Weaving is a family company in Bradford, and we've been using your platform for two seasons.",
      'Priya Lund: How many planners use it?',
      'Oren Castellan: Fourteen planners.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Marlow Weaving');
    expect(value(snapshot, 'location')).toBe('Bradford');
  });
});

describe("another organisation's place", () => {
  const call = (lines: readonly string[]) =>
    customerCallSnapshotOf([
      'Priya Lund: Thanks for joining, Oren. This is for the customer story, so tell me about the business.',
      "Oren Castellan: Sure. I'm the production manager at Marlow Weaving. Your platform runs our whole dye house now.",
      ...lines,
      'Priya Lund: How many planners use it?',
      'Oren Castellan: Fourteen planners.',
    ]);

  it('is not the customer\'s location when it follows a supplier or client named just before', () => {
    expect(value(call(["Oren Castellan: We buy most of our yarn from Pellan Mills, they're based in Lahore, and their orders come through it now."]), 'location')).toBeNull();
    expect(value(call(['Oren Castellan: Most of our orders are for Tessaly Home, which is headquartered in Oslo.']), 'location')).toBeNull();
    const both = call(['Oren Castellan: Most of our orders are for Tessaly Home, which is headquartered in Oslo.', 'Oren Castellan: We are based in Bradford, with one mill.']);
    expect(value(both, 'location')).toBe('Bradford');
  });

  it("still reads the customer's own headquarters, said after its name or with a place before it", () => {
    expect(value(call(['Oren Castellan: Marlow Weaving, which is headquartered in Bradford, has one mill.']), 'location')).toBe('Bradford');
    expect(value(call(["Oren Castellan: We're a weaving company with three mills in northern England, headquartered in Bradford."]), 'location')).toBe('Bradford');
  });
});

describe('industry phrases that are not the industry', () => {
  const call = (lines: readonly string[]) =>
    customerCallSnapshotOf([
      'Priya Lund: Thanks for joining, Oren. This is for the customer story, so tell me about the business.',
      "Oren Castellan: Sure. I'm the operations lead at Marlow Weaving. Your platform runs our whole dye house now.",
      ...lines,
      'Priya Lund: How many planners use it?',
      'Oren Castellan: Fourteen planners.',
    ]);

  it.each([
    ["We're a subsidiary of the Ostler Holdings group, and we run our own mills.", null],
    ['Most of our buyers are in the hotel industry, so fire safety is huge for us.', null],
    ['The hotel industry is where most of our buyers are.', null],
    ["We're not in the fashion industry, we make fabric for sofas.", 'Fabric manufacturer'],
    ["People think we're in the fashion industry, but it's all furniture.", null],
  ])('is not a parent company, the clients\' industry or one the customer denies: "%s"', (line, industry) => {
    expect(value(call([`Oren Castellan: ${line}`]), 'industry')).toBe(industry);
  });

  it('still reads the industry the customer says it is in', () => {
    expect(value(call(["Oren Castellan: We're in the textile industry, mostly upholstery."]), 'industry')).toBe('Textile');
    expect(value(call(["Oren Castellan: Our industry is textiles, and it's been a hard year."]), 'industry')).toBe('Textiles');
    expect(value(call(["Oren Castellan: We're a regional textile manufacturer."]), 'industry')).toBe('Textile manufacturer');
  });

  it('leaves the place out of what the customer makes', () => {
    expect(value(call(['Oren Castellan: We make upholstery fabric here in Bradford.']), 'industry')).toBe('Upholstery fabric manufacturer');
    expect(value(call(['Oren Castellan: We make upholstery fabric for furniture brands.']), 'industry')).toBe('Upholstery fabric manufacturer');
  });
});

describe('the company said only by the vendor', () => {
  const call = (lines: readonly string[]) =>
    customerCallSnapshotOf([
      'Priya Lund: Thanks for joining. This is for the customer story, so tell me about the rollout.',
      "Oren Castellan: Sure. We've been using your platform for two seasons, and the dye house runs on it now.",
      ...lines,
      'Priya Lund: How many planners use it?',
      'Oren Castellan: Fourteen planners.',
    ]);

  it.each([
    ["Priya Lund: Oren, you're the production manager at Marlow Weaving, right?", "Oren Castellan: That's right."],
    ["Priya Lund: And remind me, where's Marlow Weaving based?", 'Oren Castellan: Bradford, one mill.'],
    ['Priya Lund: How is Loomwise Dyeplan working at Marlow Weaving?', 'Oren Castellan: Very well.'],
    ["Priya Lund: Today I'm here with Oren from Marlow Weaving.", 'Oren Castellan: Hi all.'],
  ])('is the customer when the vendor says "%s"', (question, answer) => {
    expect(value(call([question, answer]), 'company_name')).toBe('Marlow Weaving');
  });

  it('gives the place the customer says "the company" is headquartered in', () => {
    const snapshot = call(["Priya Lund: Oren, you're the production manager at Marlow Weaving, right?", "Oren Castellan: That's right. I work remotely. The company is headquartered in Bradford."]);
    expect(value(snapshot, 'location')).toBe('Bradford');
  });

  it("is not the customer's when the customer asks it of the vendor", () => {
    const snapshot = call(["Oren Castellan: And Priya, you're the account manager at Loomwise Cloud, right?", "Priya Lund: That's right."]);
    expect(value(snapshot, 'company_name')).toBeNull();
  });
});

describe('a company introduced once: "at the X", "here at X"', () => {
  const call = (intro: string) =>
    customerCallSnapshotOf([
      'Priya Lund: Thanks for joining. This is for the customer story, so tell me about the rollout.',
      `Oren Castellan: Sure. ${intro} Your platform runs our whole lending desk now.`,
      'Priya Lund: How many staff use it?',
      'Oren Castellan: Fourteen staff, across both branches.',
    ]);

  it('is the customer when the name ends the introduction: "I\'m the <title> at the X."', () => {
    expect(value(call("I'm the collections manager at the Harwick Library Trust."), 'company_name')).toBe('Harwick Library Trust');
  });

  it('is the customer when named after what it is: "I\'m the <title> for the group, X."', () => {
    expect(value(call("I'm the collections manager for the trust, Harwick Library Trust."), 'company_name')).toBe('Harwick Library Trust');
  });

  it('is the customer when said once as "here at X we…"', () => {
    expect(value(call("Here at Harwick Library Trust we've been busy."), 'company_name')).toBe('Harwick Library Trust');
  });

  it('is no company when a noun follows: "I work at the <place> office"', () => {
    expect(value(call('I work at the Harwick office most days.'), 'company_name')).toBeNull();
  });
});

describe('the vendor named only in its caption', () => {
  const call = (mention: string, caption = 'Account Manager, Loomwise') =>
    snapshotOf([
      `Priya Lund (${caption}): Thanks for joining, Oren. This is for the customer story.`,
      "Oren Castellan: Sure. I'm the production manager at Marlow Weaving. Your platform has been a big part of our year.",
      mention,
      `Priya Lund (${caption}): How did the rollout go for your team?`,
      'Oren Castellan: Our rollout finished in March, and we renewed the contract last week.',
      `Priya Lund (${caption}): How many planners use it?`,
      'Oren Castellan: Fourteen planners.',
    ]);

  it.each(['Account Manager, Loomwise', 'Sales Engineer, Loomwise', 'Loomwise CSM'])(
    "makes a product of its name said once with another word, the caption's company being the maker (%s)",
    (caption) => {
      expect(value(call('Oren Castellan: Loomwise Dyeplan is now the system of record for every batch.', caption), 'product_name')).toBe('Loomwise Dyeplan');
    },
  );

  it('makes no product of an event the vendor holds', () => {
    expect(value(call("Oren Castellan: I'm calling from a hotel, we're at the Loomwise Summit all week."), 'product_name')).toBeNull();
  });
});

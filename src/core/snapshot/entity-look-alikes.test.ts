/**
 * Names that look like the customer's company, industry, place or product but
 * belong to something else: a person, a parent group, a city or an
 * interjection said twice; a name the customer denies; a phrase about the
 * customer's own clients; a place of another organisation. Each rule is shown
 * from both sides (the wrong value it drops and the look-alike it keeps).
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

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
  });
});

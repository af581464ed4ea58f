/**
 * The contact's e-mail is an address the contact gives as their own or one
 * that spells their name: a colleague's address, a shared mailbox or any
 * other address on the customer's domain is not it.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

const OPENING = [
  'Ines Carvalho: Thanks for making time, Wendell. This is for the customer story, so thanks again for doing it.',
  "Wendell Asante: Happy to. Your platform has been a big part of our rollout. I'm the plant manager at Saltmarsh Ceramics.",
  'Ines Carvalho: How has the kiln scheduler been for the team?',
];

describe("the contact's e-mail", () => {
  it("never takes a colleague's address the contact passes on", () => {
    for (const passedOn of [
      "Wendell Asante: Good. For the draft, please cc my colleague Priya, she's at priya.nandakumar@saltmarshceramics.com, she signs off our press.",
      'Wendell Asante: Good. For the draft, loop in priya.nandakumar@saltmarshceramics.com as well.',
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, passedOn]), 'contact_email'), passedOn).toBeNull();
    }
    const own = customerCallSnapshotOf([...OPENING, 'Wendell Asante: Good. For the draft, you can reach me at w.asante@saltmarshceramics.com.']);
    expect(value(own, 'contact_email')).toBe('w.asante@saltmarshceramics.com');
  });

  it('never takes a shared mailbox or an address on the customer domain nobody claims', () => {
    for (const shared of [
      'Wendell Asante: Good. Send the draft to our press inbox, press@saltmarshceramics.com.',
      'Wendell Asante: Good. The draft can go to press@saltmarshceramics.com, I check it every day.',
      'Wendell Asante: Good. The approvals address is kilnroom.approvals@saltmarshceramics.com.',
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, shared]), 'contact_email'), shared).toBeNull();
    }
    const spelled = customerCallSnapshotOf([...OPENING, 'Wendell Asante: Good. The draft can go to wendell.asante@saltmarshceramics.com.']);
    expect(value(spelled, 'contact_email')).toBe('wendell.asante@saltmarshceramics.com');
  });

  it('reads a hyphen said inside a spoken domain', () => {
    const call = customerCallSnapshotOf([...OPENING, 'Wendell Asante: Good. For approvals you can reach me at w dot asante at saltmarsh dash ceramics dot com.']);
    expect(value(call, 'contact_email')).toBe('w.asante@saltmarsh-ceramics.com');
    const after = customerCallSnapshotOf([...OPENING, 'Wendell Asante: Good. The address is w dot asante at saltmarshceramics dot com, dash it off whenever.']);
    expect(value(after, 'contact_email')).toBe('w.asante@saltmarshceramics.com');
  });

  it('takes the address the contact states over one the vendor only asked about', () => {
    const call = customerCallSnapshotOf([
      ...OPENING,
      'Ines Carvalho: I have your email as w.asante@saltmarshceramics.com, is that right?',
      "Wendell Asante: That one is retired. Use wendell@saltmarsh.pottery now, we moved domains in March.",
    ]);
    expect(value(call, 'contact_email')).toBe('wendell@saltmarsh.pottery');
    const confirmed = customerCallSnapshotOf([...OPENING, 'Ines Carvalho: I have your email as w.asante@saltmarshceramics.com, is that right?', 'Wendell Asante: Yes, that is right.']);
    expect(value(confirmed, 'contact_email')).toBe('w.asante@saltmarshceramics.com');
  });
});

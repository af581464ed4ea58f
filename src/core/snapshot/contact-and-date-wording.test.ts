/**
 * Wording that turns a contact's title or the contact into someone else's: a
 * title phrase that runs on past a verb, a job held before, a reply of "Me."
 * to "who is the contact?". Each rule beside a look-alike that keeps its value.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

const OPENING = [
  'Ravi Menon: Thanks for making time, Tess. This is for the customer story, so thanks for doing it.',
  'Tess Okafor: Happy to. Your scheduling app has been a big part of our year.',
];

describe("the contact's title and the contact", () => {
  it('reads the title right before the name, not a phrase that runs on from "the contact is"', () => {
    for (const designation of [
      'Tess Okafor: The buyer is our COO, Bruno Adeyemi. Please list Bruno as the main contact.',
      'Tess Okafor: The correct person to list as the contact is our COO, Bruno Adeyemi. He signed off on the purchase.',
      'Tess Okafor: Please list our COO, Bruno Adeyemi, as the main contact. He signed off on the purchase.',
    ]) {
      const call = customerCallSnapshotOf([...OPENING, "Tess Okafor: I'm the office manager, I just look after the logins.", designation]);
      expect(value(call, 'primary_contact'), designation).toBe('Bruno Adeyemi');
      expect(value(call, 'contact_position'), designation).toBe('COO');
    }
  });

  it('does not take a title the contact held in an earlier job', () => {
    const earlier = customerCallSnapshotOf([
      ...OPENING,
      'Tess Okafor: Before this job I was at a hospital group in Leeds, as Head of Procurement, and we used your app there too.',
    ]);
    expect(value(earlier, 'contact_position')).toBeNull();
    for (const current of [
      'Tess Okafor: I joined in March, as Head of Procurement, and we rolled your app out to every ward.',
      "Tess Okafor: Before this job I was at a hospital group in Leeds, and now I'm the Head of Procurement here.",
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, current]), 'contact_position'), current).toBe('Head of Procurement');
    }
  });

  it('takes the customer who answers "who should we list as the contact?" with "Me."', () => {
    const lines = [
      ...OPENING,
      "Lars Quist: Quick intro, I'm with Fennick Partners, we set the system up. I'm the project lead on our side and I ran the whole data import, which took most of the spring.",
      'Lars Quist: The shift templates were the hard part, honestly, there were forty of them and every depot had its own.',
    ];
    const answered = customerCallSnapshotOf([...lines, 'Ravi Menon: Who should I list as your main contact?', 'Tess Okafor: Me. tess.okafor@brightwell.example.']);
    expect(value(answered, 'primary_contact')).toBe('Tess Okafor');
    expect(value(answered, 'contact_email')).toBe('tess.okafor@brightwell.example');
    const unanswered = customerCallSnapshotOf([...lines, 'Ravi Menon: Who else joined the rollout?', 'Tess Okafor: Mostly the depot leads.']);
    expect(value(unanswered, 'primary_contact')).toBe('Lars Quist');
  });
});

/**
 * Wording that turns a contact's title, the contact, or a date into someone
 * else's: a title phrase that runs on past a verb, a job held before, a reply
 * of "Me." to "who is the contact?", a negated start with "until", the last
 * site finished after a pilot, and another organisation's dates told by the
 * vendor. Each rule beside a look-alike that keeps its value.
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
    for (const earlier of [
      'Tess Okafor: Before this job I was at a hospital group in Leeds, as Head of Procurement, and we used your app there too.',
      'Tess Okafor: Previously I was at a hospital group, as Head of Procurement.',
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, earlier]), 'contact_position'), earlier).toBeNull();
    }
    for (const current of [
      'Tess Okafor: I joined in March, as Head of Procurement, and we rolled your app out to every ward.',
      "Tess Okafor: Before this job I was at a hospital group in Leeds, and now I'm the Head of Procurement here.",
      "Tess Okafor: As I said previously, I'm the Head of Procurement.",
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, current]), 'contact_position'), current).toBe('Head of Procurement');
    }
  });

  it('takes a title given as the whole answer to "and your role?", not to "what was your title there?"', () => {
    const answered = customerCallSnapshotOf([...OPENING, 'Ravi Menon: And your role these days?', 'Tess Okafor: Director of Depot Operations.']);
    expect(value(answered, 'contact_position')).toBe('Director of Depot Operations');
    const earlier = customerCallSnapshotOf([...OPENING, 'Ravi Menon: And what was your title at the old firm?', 'Tess Okafor: Director of Depot Operations.']);
    expect(value(earlier, 'contact_position')).toBeNull();
    const notATitle = customerCallSnapshotOf([...OPENING, 'Ravi Menon: And your role?', 'Tess Okafor: Mostly the rotas and the depot budgets.']);
    expect(value(notATitle, 'contact_position')).toBeNull();
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

describe('start and completion dates', () => {
  it('reads "we didn\'t kick off until <date>" as the start, over the day the contract was signed', () => {
    const call = customerCallSnapshotOf([
      ...OPENING,
      "Tess Okafor: We signed with you on February 3rd, 2025, but procurement took ages. We didn't actually kick off until March 17th, 2025.",
      "Tess Okafor: And we didn't go live until June 2nd, 2025.",
    ]);
    expect(value(call, 'start_date')).toBe('2025-03-17');
    expect(value(call, 'completion_date')).toBe('2025-06-02');
    const kept = customerCallSnapshotOf([...OPENING, 'Tess Okafor: We started on February 3rd, 2025 and kept the paper rotas until March 17th, 2025.']);
    expect(value(kept, 'start_date')).toBe('2025-02-03');
  });

  it("takes the day the last site was done as the completion, not the pilot's end", () => {
    for (const pilot of ['Tess Okafor: The pilot at one depot wrapped up on April 4th, 2025.', 'Tess Okafor: We finished the pilot on April 4th, 2025.']) {
      const call = customerCallSnapshotOf([...OPENING, pilot, 'Tess Okafor: Then the last of the twelve depots was done on June 20th, 2025.']);
      expect(value(call, 'completion_date'), pilot).toBe('2025-06-20');
    }
    const survey = customerCallSnapshotOf([...OPENING, 'Tess Okafor: The site survey was done on March 1st, 2025.']);
    expect(value(survey, 'completion_date')).toBeNull();
  });

  it("never takes another organisation's dates the vendor tells, named with its town and without 'they'", () => {
    const call = customerCallSnapshotOf([
      'Ravi Menon: Thanks for making time, Tess, this is Ravi from Shiftwise. Before we start, good news: Pellham Dairies in Cork went live on March 3rd, 2025 with the same setup as yours.',
      'Tess Okafor: Oh good, that helps.',
      'Ravi Menon: And Pellham kicked off on January 6th, 2025, so about eight weeks end to end.',
      "Tess Okafor: We're not there yet. Your team is still mapping our depots. Your scheduling app looks good in the sandbox.",
    ]);
    expect(value(call, 'completion_date')).toBeNull();
    expect(value(call, 'start_date')).toBeNull();
    const ours = customerCallSnapshotOf([
      'Ravi Menon: Thanks for making time, Tess. So Brinkvale Haulage went live on March 3rd, 2025, right?',
      'Tess Okafor: Yes, Brinkvale was live across all depots that day. Your scheduling app has been a big part of our year.',
    ]);
    expect(value(ours, 'completion_date')).toBe('2025-03-03');
    const confirmed = customerCallSnapshotOf([
      'Ravi Menon: Thanks for making time, Tess, this is Ravi from Shiftwise. So Brinkvale went live on March 3rd, 2025.',
      'Tess Okafor: Yes, that is right, all twelve depots. Your scheduling app has been a big part of our year.',
    ]);
    expect(value(confirmed, 'completion_date')).toBe('2025-03-03');
  });
});

/**
 * The customer-call gate, from both sides: calls between a customer and its
 * vendor pass; meetings that only talk about clients, design a product among
 * colleagues, broadcast to an audience, interview a candidate or hold a
 * hearing do not, and then no customer field is filled.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../test/support/plain-call.js';
import { renderSnapshotHtml } from '../render/html.js';
import { renderSnapshotMarkdown } from '../render/markdown.js';
import { NOT_A_CUSTOMER_CALL } from './gate.js';
import type { Snapshot } from './types.js';

const gateIssue = (snapshot: Snapshot) => snapshot.validation.issues.find((issue) => issue.code === NOT_A_CUSTOMER_CALL);
const filled = (snapshot: Snapshot) => Object.values(snapshot.fields).filter((field) => field.value !== null).length;

const CHECK_IN = [
  'Ada Fenn: How are things going with Brookdesk over at Marrow Tiles?',
  "Rui Osei: Good. We've been using it since March and our team likes it.",
  'Ada Fenn: Great. I can get someone on our side to look at the tagging rules.',
  'Rui Osei: Thanks. Is shared replies on your roadmap?',
  "Ada Fenn: It is on our roadmap. Most of our customers ask for it. We're at 38 people in it, right?",
  'Rui Osei: Yes, 38 people use it every day.',
];

describe('the customer-call gate', () => {
  it('passes a call where a vendor and its customer talk about what the customer uses', () => {
    const snapshot = snapshotOf(CHECK_IN);
    expect(gateIssue(snapshot)).toBeUndefined();
    expect(snapshot.fields.user_count.value).toBe(38);
  });

  it("passes a plain quarterly review: the vendor asks how its product works for the customer, who counts its own users", () => {
    const snapshot = snapshotOf([
      'Nadia Price: Good morning Oskar, thanks for joining the quarterly review.',
      'Oskar Lind: I run logistics at Bramblewood Foods, the bakery chain in Leeds.',
      'Nadia Price: So how is Shelfwise working for the depots since go-live?',
      'Oskar Lind: We have 140 people using Shelfwise every day now, and we went live on March 3rd, 2025.',
      'Nadia Price: At Tessellate we see that a lot with food distributors.',
      'Oskar Lind: Our waste is down 18 percent, which saved us about $240,000 this year.',
      'Nadia Price: Shall we look at the renewal next?',
    ]);
    expect(gateIssue(snapshot)).toBeUndefined();
    expect(snapshot.fields.company_name.value).toBe('Bramblewood Foods');
    expect(snapshot.fields.user_count.value).toBe(140);
  });

  it('passes a review where the relationship shows in "annual review of X", "our other towns average" and "your permit inspection module"', () => {
    const lines = [
      "Lia Moreau: Thanks for making time for the annual review of Gridway Licensing.",
      'Tomas Eriksen: Happy to. I manage licensing for the Borough of Kelmscott.',
      'Lia Moreau: Our other towns average about 60 percent of renewals online.',
      'Tomas Eriksen: We are at 74 percent now. We signed in 2023, and the counter queue is gone.',
      'Tomas Eriksen: Our council wants your permit inspection module next year.',
    ];
    expect(gateIssue(snapshotOf(lines))).toBeUndefined();
    // Without those three, one "we signed" is not a relationship.
    const plain = [lines[1]!, 'Lia Moreau: We looked at the renewals.', lines[3]!];
    expect(gateIssue(snapshotOf(plain))).toBeDefined();
  });

  it("fires on a customer's colleagues preparing to meet their vendor, though they speak of their own rollout and renewal", () => {
    const prep = [
      "Lena Ortiz: Quick internal sync before we talk to the vendor on Friday. It's just us.",
      "Ben Hale: We've been using Tallyroute since our rollout in May, and our renewal is in August.",
      'Lena Ortiz: Should we look at other vendors first?',
      "Ben Hale: I'd push them on price. About 30 dispatchers log in every day.",
    ];
    const snapshot = snapshotOf(prep);
    expect(gateIssue(snapshot)?.message).toMatch(/internal meeting about its vendor/);
    expect(filled(snapshot)).toBe(0);
    // The same words before the vendor joins a customer-hosted call do not outweigh the call itself.
    const hosted = snapshotOf([
      ...prep,
      "Ivo Marsh: Hi all, I'm Ivo Marsh, your customer success manager at Tallyroute. How is your rollout going?",
      'Ben Hale: Well. Your dispatch app is fast and your support team answers quickly.',
      'Ivo Marsh: Our other customers see the same. Shall we look at your renewal and your users?',
    ]);
    expect(gateIssue(hosted)).toBeUndefined();
  });

  it('passes a short review opened by "customer success at X", where the customer "started with <Product>", and keeps the vendor\'s story of another customer out', () => {
    const snapshot = snapshotOf([
      "Rhea Lund: Hi Ivo, I'm Rhea Lund, customer success at Pelmark. Thanks for the time.",
      'Ivo Brandt: Hi Rhea. Ivo Brandt, controller at Sorrel Mill Bakery, in Duluth.',
      'Rhea Lund: A quick story first. At Quarrybank Foods, they went live on May 6th, 2024, and cut their close from nine days to four.',
      'Ivo Brandt: We started with Pelmark Close on the 3rd of February 2025. Our close went from eight days to six.',
    ]);
    expect(gateIssue(snapshot)).toBeUndefined();
    expect(snapshot.fields.company_name.value).toBe('Sorrel Mill Bakery');
    expect(snapshot.fields.start_date.value).toBe('2025-02-03');
    expect(snapshot.fields.completion_date.value).toBeNull();
  });

  it('hears the vendor in "our clinics usually see …" and in "how many nurses are using <Product>?"', () => {
    const lines = [
      "Noor Adeyemi: Hi, I'm Noor Adeyemi, customer success at Halcyra.",
      'Peter Lund: Peter Lund, director of nursing at Brookhaven Care.',
      'Noor Adeyemi: How many nurses are using Halcyra Rounds now?',
      'Peter Lund: About 140 of them, every shift.',
      'Noor Adeyemi: Our clinics usually see handover time drop by a third.',
    ];
    expect(gateIssue(snapshotOf(lines))).toBeUndefined();
    expect(gateIssue(snapshotOf(lines.slice(0, 2)))).toBeDefined();
  });

  it('fires on colleagues who speak of a client\'s go-live and users in the third person', () => {
    const snapshot = snapshotOf([
      'Gale Moss: Next, the Fennick account. How is the migration going?',
      'Tor Beck: Quiet since go-live. They have 300 people using Shelfwise and the renewal is in August.',
      'Gale Moss: Good. Any tickets from them this week?',
      'Tor Beck: Two, both closed.',
    ]);
    expect(gateIssue(snapshot)).toBeDefined();
    expect(filled(snapshot)).toBe(0);
  });

  it('passes a short call whose captions name a customer and a vendor side', () => {
    const snapshot = snapshotOf(['Ada Fenn (Account Manager): How has it worked?', 'Rui Osei (Customer): Scheduling takes 30% less time now.']);
    expect(gateIssue(snapshot)).toBeUndefined();
  });

  it('fires on a design team talking about "our product" among colleagues, and fills nothing', () => {
    const snapshot = snapshotOf([
      'Project Manager: Okay, so we want our product to be trendy.',
      'Industrial Designer: Mm-hmm. Our product needs fewer buttons.',
      'Marketing: Our product could be yellow. Ah.',
      'User Interface: Maybe a scroll wheel on our product.',
    ]);
    expect(gateIssue(snapshot)).toMatchObject({ severity: 'warning' });
    expect(gateIssue(snapshot)!.message).toMatch(/no customer and vendor/i);
    expect(filled(snapshot)).toBe(0);
    expect(snapshot.meeting.speakers.every((speaker) => speaker.role === null)).toBe(true);
  });

  it("fires on a sales team's review of its own deals, however many clients it names", () => {
    const snapshot = snapshotOf([
      'Gale Moss: Tuesday pipeline. Four deals today, Fennick Foods first.',
      'Tor Beck: Fennick Foods, three plants, about 1,800 hourly workers. Close date is June 27 and it is in commit.',
      "Tor Beck: Champion is Ines Walt, she's VP of Operations. They modeled 1.1 million a year in overtime savings.",
      'Gale Moss: Do they believe the 1.1? What is the forecast call saying?',
    ]);
    expect(gateIssue(snapshot)).toBeDefined();
    expect(filled(snapshot)).toBe(0);
  });

  it('fires on a job interview even when both people talk about customers and products', () => {
    const snapshot = snapshotOf([
      "Lena Roth: Thanks for making the time. I'm the director of customer success here at Quillmark, and you're interviewing for the senior CSM role.",
      'Lena Roth: Our customers are plumbers and electricians. Tell me about yourself.',
      "Pia Nord: I'm at Harbin Data. I manage 38 accounts and our renewal rate was 94%.",
      'Lena Roth: Tell me about a time you turned adoption around. Why are you leaving?',
      'Pia Nord: Can I ask why the role is open? Is the salary range in the posting still right?',
    ]);
    expect(gateIssue(snapshot)!.message).toMatch(/job interview/);
    expect(filled(snapshot)).toBe(0);
  });

  it('fires on a webinar whose audience asks about "your platform"', () => {
    const snapshot = snapshotOf([
      "Rosa Lind: Welcome, and thanks for joining the webinar. Please put questions in the Q&A panel, not in the chat.",
      'Rosa Lind: Attendees from over three hundred companies registered. Our platform now forecasts by store.',
      'Ivo Brand: Does your platform handle promotions?',
      'Rosa Lind: Great question, I see it in the chat too.',
    ]);
    expect(gateIssue(snapshot)!.message).toMatch(/webinar/);
    expect(filled(snapshot)).toBe(0);
  });

  it('says so at the top of the Markdown and HTML reports, and sections stay low', () => {
    const snapshot = snapshotOf(['Professor B: So the recogniser is better now.', 'Grad A: Mm-hmm. We ran it on the new data.']);
    const markdown = renderSnapshotMarkdown(snapshot);
    expect(markdown.indexOf('Not a customer call')).toBeGreaterThan(0);
    expect(markdown.indexOf('Not a customer call')).toBeLessThan(markdown.indexOf('## Key facts'));
    const html = renderSnapshotHtml(snapshot);
    expect(html.indexOf('class="notice"')).toBeLessThan(html.indexOf('</header>'));
    expect(snapshot.sections.every((section) => section.confidence <= 0.3)).toBe(true);
    expect(renderSnapshotMarkdown(snapshotOf(CHECK_IN))).not.toContain('Not a customer call');
  });
});

/**
 * Dates said on a call that are not this customer's start or completion: a
 * release of the product, another customer's go-live, the day of another
 * event, the end of a fiscal year, a year borrowed from too far away. Each
 * rule beside a look-alike whose date is the customer's and stays.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

const OPENING = [
  'Odile Varga: Thanks for joining, Per. This is for the customer story, so thanks again for doing it.',
  "Per Lindqvist: Happy to. Your platform has been a big part of our rollout. I'm the fleet manager at Brackwater Ferries.",
];

describe("dates that are not the customer's project", () => {
  it("never takes the product's release for the customer's go-live", () => {
    for (const release of [
      'Odile Varga: Before we begin, version 4 of the planner launched on April 7th, 2025, so the menus look different.',
      'Odile Varga: Our autumn release went live on October 13th, 2025 with the new charts.',
      'Odile Varga: And the new version goes live on November 17th, 2025 with the map layer.',
    ]) {
      const call = customerCallSnapshotOf([...OPENING, release]);
      expect(value(call, 'completion_date'), release).toBeNull();
      expect(value(call, 'start_date'), release).toBeNull();
    }
    const own = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We went live on April 7th, 2025 on all four routes.']);
    expect(value(own, 'completion_date')).toBe('2025-04-07');
  });

  it('does not read "before we start," as a start', () => {
    const opener = customerCallSnapshotOf([...OPENING, 'Odile Varga: Before we start, the harbour survey was done on March 10th, 2025.']);
    expect(value(opener, 'start_date')).toBeNull();
    const started = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We started on March 10th, 2025 with the two night ferries.']);
    expect(value(started, 'start_date')).toBe('2025-03-10');
  });

  it("never takes another customer's dates told by the vendor", () => {
    for (const other of [
      'Odile Varga: For context, another one of our clients, a bus operator in the south, went live on February 24th, 2025 with the same setup.',
      'Odile Varga: And a shipping customer of ours started on January 6th, 2025 and finished in ten weeks.',
    ]) {
      const call = customerCallSnapshotOf([...OPENING, other]);
      expect(value(call, 'completion_date'), other).toBeNull();
      expect(value(call, 'start_date'), other).toBeNull();
    }
    const named = customerCallSnapshotOf([...OPENING, 'Odile Varga: For context, Greyhaven Coaches went live on February 24th, 2025 with the same setup.']);
    expect(value(named, 'completion_date')).toBeNull();
    const customerNamed = customerCallSnapshotOf([...OPENING, 'Odile Varga: And Brackwater Ferries went live on February 24th, 2025, right?', 'Per Lindqvist: Yes, that is right.']);
    expect(value(customerNamed, 'completion_date')).toBe('2025-02-24');
    const yours = customerCallSnapshotOf([...OPENING, 'Odile Varga: And your crews went live on February 24th, 2025, right?', 'Per Lindqvist: Yes, that is right.']);
    expect(value(yours, 'completion_date')).toBe('2025-02-24');
  });

  it('never takes the day of another event said to place the day meant', () => {
    for (const placed of [
      'Per Lindqvist: We started the Tuesday after our September 8th, 2025 board meeting.',
      'Per Lindqvist: We started right after the September 8th, 2025 inspection.',
      'Per Lindqvist: We started a week after the inspection on September 8th, 2025.',
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, placed]), 'start_date'), placed).toBeNull();
    }
    const before = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We were fully live before the November 3rd, 2025 safety audit.']);
    expect(value(before, 'completion_date')).toBeNull();
    const onTheDay = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We started on September 8th, 2025, right after the inspection.']);
    expect(value(onTheDay, 'start_date')).toBe('2025-09-08');
  });

  it('never takes the end of a fiscal year or a funding cycle for the completion', () => {
    for (const period of [
      'Per Lindqvist: Our financial year ends on March 31st, 2026, so we need the numbers before then.',
      'Per Lindqvist: The funding cycle ends on March 31st, 2026.',
    ]) {
      expect(value(customerCallSnapshotOf([...OPENING, period]), 'completion_date'), period).toBeNull();
    }
    const project = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: The project ends on March 31st, 2026 when the last ferry is fitted.']);
    expect(value(project, 'completion_date')).toBe('2026-03-31');
  });
});

describe('the end of one phase', () => {
  it("takes the go-live over the end of a phase or of one party's part", () => {
    for (const phase of [
      'Per Lindqvist: The crew training finished on March 14th, 2025.',
      'Odile Varga: Our consultants wrapped up their part on March 14th, 2025.',
    ]) {
      const call = customerCallSnapshotOf([...OPENING, phase, 'Per Lindqvist: Then we went live on March 24th, 2025 on every route.']);
      expect(value(call, 'completion_date'), phase).toBe('2025-03-24');
    }
    const project = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: The whole rollout finished on March 14th, 2025.']);
    expect(value(project, 'completion_date')).toBe('2025-03-14');
  });
});

describe('start and completion in order', () => {
  it('never shows a completion before the start', () => {
    const call = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We kicked off on March 3rd, 2025.', 'Per Lindqvist: We went live on February 10th, 2025.']);
    expect(value(call, 'completion_date')).toBeNull();
    expect(call.fields.completion_date.alternatives?.[0]?.reason).toMatch(/before the start date/);
    const inOrder = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We kicked off on February 10th, 2025.', 'Per Lindqvist: We went live on March 3rd, 2025.']);
    expect([value(inOrder, 'start_date'), value(inOrder, 'completion_date')]).toEqual(['2025-02-10', '2025-03-03']);
  });
});

describe('the year of a date said without one', () => {
  it('takes it from the latest date of the story when the year said earlier is months away', () => {
    const call = customerCallSnapshotOf([
      ...OPENING,
      'Per Lindqvist: We signed the contract on November 20, 2024, just before the winter timetable.',
      'Per Lindqvist: We kicked off on February 17th, once the ice had gone.',
      'Per Lindqvist: And we went live on May 26th.',
    ]);
    expect(value(call, 'start_date')).toBe('2025-02-17');
    expect(value(call, 'completion_date')).toBe('2025-05-26');
  });

  it('drops a date whose year could be either when nothing nearer anchors it', () => {
    const call = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We kicked off on January 13, 2025.', 'Per Lindqvist: We went live on July 28th.']);
    expect(value(call, 'start_date')).toBe('2025-01-13');
    expect(value(call, 'completion_date')).toBeNull();
    const monthSaid = customerCallSnapshotOf([
      ...OPENING,
      'Per Lindqvist: We kicked off on January 13, 2025.',
      'Per Lindqvist: All four routes were live by the end of July 2025, July 28th I believe.',
    ]);
    expect(value(monthSaid, 'completion_date')).toBe('2025-07-28');
    const near = customerCallSnapshotOf([...OPENING, 'Per Lindqvist: We kicked off on January 13, 2025.', 'Per Lindqvist: We went live on April 28th.']);
    expect(value(near, 'completion_date')).toBe('2025-04-28');
  });
});

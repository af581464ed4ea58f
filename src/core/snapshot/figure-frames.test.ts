/**
 * The frames that tell a customer's result from everything else a call says
 * with a number in it: goals and targets (also when labelled in the next
 * sentence), business cases, asides that are not conditions, money no longer
 * spent, seats bought against people using it, shares of people against shares
 * of activity, fractions said in words, years that are not amounts, and the
 * time something takes before and after. Each frame is shown from both sides.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf as snapshotOf, value } from '../../../test/support/plain-call.js';
import { findDurations, findFigures, formatFigure } from './figures.js';
import { isGenericClaim, isHypothetical, labelsPlan } from './statements.js';

const spanOf = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const OPENING = ['Lena Thornquist: Thanks for joining. How has the rollout gone?'];

describe('goals, targets and plans', () => {
  it('reads a figure framed by a goal or a target as a plan, across a dash or a comma', () => {
    const target = 'Second, the target is to reduce excess stock — the stuff we mark down — by about $3 million over the first year.';
    expect(isHypothetical(target, spanOf(target, '$3 million'))).toBe(true);
    const goal = 'My goal is that by August, 90 percent of the planners are working in it every week.';
    expect(isHypothetical(goal, spanOf(goal, '90 percent'))).toBe(true);
    const plan = 'The business case said 140 percent ROI over five years.';
    expect(isHypothetical(plan, spanOf(plan, '140 percent'))).toBe(true);
  });

  it('reads a forecast of a figure as a plan, but not the accuracy of a forecasting product', () => {
    const forecast = 'Finance forecast is $225,000 for next year.';
    expect(isHypothetical(forecast, spanOf(forecast, '$225,000'))).toBe(true);
    const accuracy = 'Our forecast accuracy went from 60 percent to 85 percent.';
    expect(isHypothetical(accuracy, spanOf(accuracy, '85 percent'))).toBe(false);
  });

  it('keeps the result said after the goal in a clause of its own', () => {
    const reached = 'Our target was 80 percent; adoption is 92 percent.';
    expect(isHypothetical(reached, spanOf(reached, '80 percent'))).toBe(true);
    expect(isHypothetical(reached, spanOf(reached, '92 percent'))).toBe(false);
    const beat = 'Our goal was 80 percent and we are at 92 percent.';
    expect(isHypothetical(beat, spanOf(beat, '92 percent'))).toBe(false);
  });

  it('reads "May" inside a sentence as the month, and "may" as a possibility', () => {
    const month = 'In the twelve months from May 2024 through April 2025, our fuel spend came down thirteen percent.';
    expect(isHypothetical(month, spanOf(month, 'thirteen percent'))).toBe(false);
    const possibility = 'Our fuel spend may come down thirteen percent.';
    expect(isHypothetical(possibility, spanOf(possibility, 'thirteen percent'))).toBe(true);
  });

  it('takes "if you want me to be precise" as an aside, not a condition', () => {
    const precise = '101% if you want me to be precise.';
    expect(isHypothetical(precise, spanOf(precise, '101%'))).toBe(false);
    const condition = 'If we rolled it out to both plants, 101% is possible.';
    expect(isHypothetical(condition, spanOf(condition, '101%'))).toBe(true);
  });

  it('knows a sentence that labels the one before it a plan', () => {
    expect(labelsPlan("That's a target.")).toBe(true);
    expect(labelsPlan('That one is just a hope, honestly.')).toBe(true);
    expect(labelsPlan('But that is purely hypothetical.')).toBe(true);
    expect(labelsPlan("That's a great result.")).toBe(false);
    expect(labelsPlan('The target group loves it.')).toBe(false);
  });

  it('leaves a kickoff\'s targets out of the results, labelled in the next sentence or framed in their own', () => {
    const kickoff = snapshotOf([
      ...OPENING,
      'Maya Brook: We are just starting. We cut the planners over next month.',
      'Maya Brook: Excess stock is reduced by about $2 million over the first year. That is a target.',
      'Maya Brook: And my goal is that by June, 85 percent of the planners are active in the tool every week.',
      'Maya Brook: We have 40 named users licensed today.',
    ]);
    expect(value(kickoff, 'cost_savings')).toBeNull();
    expect(value(kickoff, 'adoption_rate')).toBeNull();
    expect(value(kickoff, 'user_count')).toBe(40);
    const result = snapshotOf([...OPENING, 'Maya Brook: We reduced excess stock by about $2 million over the first year.']);
    expect(value(result, 'cost_savings')).toBe('$2,000,000');
  });

  it('keeps a claim a claim when it is said again as "the 310 percent"', () => {
    const claim = snapshotOf([...OPENING, 'Ivo Tarrant: Our customers typically see a 310 percent ROI.', 'Maya Brook: So, the 310 percent ROI.']);
    expect(value(claim, 'roi_percentage')).toBeNull();
    const own = snapshotOf([...OPENING, 'Maya Brook: Our finance team put the ROI at 310 percent.', 'Maya Brook: So, the 310 percent ROI.']);
    expect(value(own, 'roi_percentage')).toBe('310%');
  });

  it('reads a study the vendor quotes as a claim about customers in general', () => {
    expect(isGenericClaim('An independent study we commissioned found a three-year ROI of 310 percent.')).toBe(true);
    expect(isGenericClaim('Our customers average three hundred percent ROI.')).toBe(true);
    expect(isGenericClaim('Our finance team found a first-year ROI of 240 percent.')).toBe(false);
  });
});

describe('amounts, counts and shares', () => {
  it('drops a bare year, but not a count of things or an amount', () => {
    expect(findFigures('In 2024 we spent about $410,000 on agency fees.').map(formatFigure)).toEqual(['$410,000']);
    expect(findFigures('That is €420,000 in additional net revenue for 2025.').map(formatFigure)).toEqual(['€420,000']);
    expect(findFigures('We opened 2020 stores.').map(formatFigure)).toEqual([2020]);
  });

  it('reads shares said in words as percentages', () => {
    expect(findFigures('About two-thirds of our faculty are actively using it.').map(formatFigure)).toEqual(['67%']);
    expect(findFigures('About two out of three people have been active.').map(formatFigure)).toEqual(['67%']);
    expect(findFigures('We cut it by a third.').map(formatFigure)).toEqual(['33%']);
    expect(findFigures('It took half a day and a third team joined.').map(formatFigure)).toEqual([]);
  });

  it('counts money no longer spent as a saving', () => {
    const call = snapshotOf([...OPENING, "Maya Brook: So it's $85,000 a year in agency fees we're not paying."]);
    expect(value(call, 'cost_savings')).toBe('$85,000 per year');
    const spend = snapshotOf([...OPENING, 'Maya Brook: In 2024 we paid $85,000 in agency fees.']);
    expect(value(spend, 'cost_savings')).toBeNull();
  });

  it('takes the field of an amount with no cue from the sentence before it in the same turn', () => {
    const carried = snapshotOf([...OPENING, 'Maya Brook: I have been careful with the savings. The number I stand behind is 90,000 pounds a year.']);
    expect(value(carried, 'cost_savings')).toBe('£90,000 per year');
    const unrelated = snapshotOf([...OPENING, 'Maya Brook: The weather was awful. The number I stand behind is 90,000 pounds a year.']);
    expect(value(unrelated, 'cost_savings')).toBeNull();
    const share = snapshotOf([...OPENING, 'Maya Brook: It saves us time. Eighty percent of users are willing to pay more for it.']);
    expect(value(share, 'efficiency_improvement')).toBeNull();
  });

  it('reads a count the customer says it does not want as no count at all', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We have 64 named users today.', "Maya Brook: We don't want 212 new users, we want 212 stores getting better orders."]);
    expect(value(call, 'user_count')).toBe(64);
    expect(isHypothetical("We don't need 40 more seats.", spanOf("We don't need 40 more seats.", '40'))).toBe(true);
    expect(isHypothetical('We need 40 more seats, and 40 people use it.', spanOf('We need 40 more seats, and 40 people use it.', '40 people'))).toBe(false);
  });

  it('prefers everyone using it to the super users who trained them, who are the count when alone', () => {
    const trained = 'Maya Brook: They trained about forty super users, and the super users trained everybody else before go-live.';
    const both = snapshotOf([...OPENING, trained, 'Maya Brook: So, we have 1,850 staff on Rotaplan now.']);
    expect(value(both, 'user_count')).toBe(1850);
    const alone = snapshotOf([...OPENING, 'Maya Brook: We have forty super users on Rotaplan today.']);
    expect(value(alone, 'user_count')).toBe(40);
  });

  it('prefers the people using it to the seats bought', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We licensed seventy-five seats when we signed.', 'Maya Brook: Right now 71 people are actually using it day to day.']);
    expect(value(call, 'user_count')).toBe(71);
    const onProduct = snapshotOf([...OPENING, 'Maya Brook: So, we have 1,850 staff on Rotaplan. That is every nurse across the four hospitals.']);
    expect(value(onProduct, 'user_count')).toBe(1850);
  });

  it("prefers the people using it to the organisation's headcount", () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We have 1,850 users.', 'Maya Brook: And 6,800 employees in total use it.']);
    expect(value(call, 'user_count')).toBe(1850);
    const field = call.fields.user_count;
    expect('alternatives' in field && field.alternatives).toContainEqual(expect.objectContaining({ value: 6800, reason: "the organisation's headcount, not the people using it" }));
    const only = snapshotOf([...OPENING, 'Maya Brook: About 1,850 nurses and techs use it every week.']);
    expect(value(only, 'user_count')).toBe(1850);
  });

  it('gives revenue added or won as a revenue increase', () => {
    const added = snapshotOf([...OPENING, 'Maya Brook: The renewals module added $300,000 in revenue this year.']);
    expect(value(added, 'revenue_increase')).toBe('$300,000');
    const flat = snapshotOf([...OPENING, 'Maya Brook: Our revenue is about $300,000 a month.']);
    expect(value(flat, 'revenue_increase')).toBeNull();
  });

  it('counts "400 of them use it" as the users, not the 3,000 employees before it', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We have 3,000 employees and about 400 of them use it.']);
    expect(value(call, 'user_count')).toBe(400);
    expect(findFigures('We have 3,000 employees and about 400 of them use it.')[1]).toMatchObject({ value: 400, unit: 'employees' });
    expect(findFigures('We have 3,000 employees and about 400 in the tool.')[1]).toMatchObject({ value: 400 });
    expect(findFigures('We have 3,000 employees and about 400 in the tool.')[1]!.unit).not.toBe('employees');
  });

  it("prefers today's users to a pilot's", () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: The pilot was 20 users; now we have 180 users.']);
    expect(value(call, 'user_count')).toBe(180);
    const reversed = snapshotOf([...OPENING, 'Maya Brook: Now we have 180 users; the pilot was 20 users.']);
    expect(value(reversed, 'user_count')).toBe(180);
  });

  it("reads another customer's result as a claim, not this customer's", () => {
    const other = snapshotOf([...OPENING, 'Ivo Tarrant: Another customer of ours, a bank up north, saved $2 million.']);
    expect(value(other, 'cost_savings')).toBeNull();
    const own = snapshotOf([...OPENING, 'Maya Brook: As a customer, we saved $2 million.']);
    expect(value(own, 'cost_savings')).toBe('$2,000,000');
  });

  it('takes the figure a change went to, not the baseline it went from', () => {
    const change = snapshotOf([...OPENING, 'Maya Brook: Adoption went from 40 percent to 85 percent.']);
    expect(value(change, 'adoption_rate')).toBe('85%');
    const pair = snapshotOf([...OPENING, 'Maya Brook: Weekly active users, 40 percent to 85 percent since spring.']);
    expect(value(pair, 'adoption_rate')).toBe('85%');
    const single = snapshotOf([...OPENING, 'Maya Brook: Adoption is at 40 percent, up from last year.']);
    expect(value(single, 'adoption_rate')).toBe('40%');
  });

  it('prefers the amount saved to the rate when both are said', () => {
    const both = snapshotOf([...OPENING, 'Maya Brook: We reduced processing costs by 30 percent, roughly $90,000 a year.']);
    expect(value(both, 'cost_savings')).toBe('$90,000 per year');
    const rate = snapshotOf([...OPENING, 'Maya Brook: We reduced processing costs by 30 percent.']);
    expect(value(rate, 'cost_savings')).toBe('30%');
  });

  it('never gives a figure the cue of another clause ("40 drivers log in every day, and late deliveries are down 12 percent")', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: About 40 drivers log in every day, and late deliveries are down 12 percent.']);
    expect(value(call, 'adoption_rate')).toBeNull();
    const own = snapshotOf([...OPENING, 'Maya Brook: About 40 drivers log in every day, and 85 percent of them are active weekly.']);
    expect(value(own, 'adoption_rate')).toBe('85%');
  });

  it('takes a share of people as adoption, not a share of their activity', () => {
    const people = snapshotOf([...OPENING, 'Maya Brook: About two out of three people have been active in the last thirty days.']);
    expect(value(people, 'adoption_rate')).toBe('67%');
    const activity = snapshotOf([...OPENING, 'Maya Brook: In the usage data, mobile is about seventy percent of the hiring manager activity.']);
    expect(value(activity, 'adoption_rate')).toBeNull();
  });

  it('gives a revenue figure stated as net revenue or as donations', () => {
    const donations = snapshotOf([...OPENING, 'Maya Brook: So donations are up 18% year over year.']);
    expect(value(donations, 'revenue_increase')).toBe('18%');
    const volume = snapshotOf([...OPENING, 'Maya Brook: We processed 18% of the payment volume through it.']);
    expect(value(volume, 'revenue_increase')).toBeNull();
  });
});

describe('time something takes, before and after', () => {
  it('reads durations said in digits and in words', () => {
    expect(findDurations('from two and a half hours to forty minutes, and half a day').map((duration) => [duration.text, duration.hours])).toEqual([
      ['two and a half hours', 2.5],
      ['forty minutes', 40 / 60],
      ['half a day', 12],
    ]);
  });

  it('reads "from A (down) to B" in one sentence, with a bare number taking the other\'s unit', () => {
    const days = snapshotOf([...OPENING, 'Maya Brook: Time-to-hire went from 42 days down to 27 days.']);
    expect(value(days, 'efficiency_improvement')).toBe('from 42 days to 27 days (36% less time)');
    const bare = snapshotOf([...OPENING, 'Maya Brook: So from eleven working days to six.']);
    expect(value(bare, 'efficiency_improvement')).toBe('from eleven working days to six working days (45% less time)');
    const grew = snapshotOf([...OPENING, 'Maya Brook: The close went from six days to eleven days.']);
    expect(value(grew, 'efficiency_improvement')).toBeNull();
  });

  it('reads a time saved at a rate, but not a duration with no saving', () => {
    const saved = snapshotOf([...OPENING, 'Maya Brook: Each rep saves about five hours a week.']);
    expect(value(saved, 'efficiency_improvement')).toBe('five hours a week saved');
    const spent = snapshotOf([...OPENING, 'Maya Brook: Each rep spends about five hours a week in it.']);
    expect(value(spent, 'efficiency_improvement')).toBeNull();
  });

  it('reads "…takes forty minutes. Down from two and a half hours."', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: The morning routing now takes about forty minutes. Down from two and a half hours.']);
    expect(value(call, 'efficiency_improvement')).toBe('from two and a half hours to forty minutes (73% less time)');
  });

  it('pairs what it used to take with what it takes now, said by the same person', () => {
    const call = snapshotOf([
      ...OPENING,
      'Maya Brook: My team used to spend two hours every morning on reminder calls. Two people on the phones.',
      'Maya Brook: Now it is about twenty minutes.',
    ]);
    expect(value(call, 'efficiency_improvement')).toBe('from two hours to twenty minutes (83% less time)');
    const otherSpeaker = snapshotOf([
      ...OPENING,
      'Maya Brook: My team used to spend two hours every morning on reminder calls.',
      'Lena Thornquist: Now it is about twenty minutes for my coffee break.',
    ]);
    expect(value(otherSpeaker, 'efficiency_improvement')).toBeNull();
  });
});

describe('start and completion dates', () => {
  it('gives a date said without its year the year of the date said just before it', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We kicked off on February 3rd, 2025.', 'Maya Brook: And then we went live on April 14th.']);
    expect(value(call, 'start_date')).toBe('2025-02-03');
    expect(value(call, 'completion_date')).toBe('2025-04-14');
    const alone = snapshotOf([...OPENING, 'Maya Brook: We went live on April 14th.']);
    expect(value(alone, 'completion_date')).toBeNull();
  });

  it('gives each date of "we started on A and the last depot went live on B" its own cue', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We started the rollout across our nine depots on the 2nd of February 2025 and the last depot went live on the 14th of April 2025.']);
    expect(value(call, 'start_date')).toBe('2025-02-02');
    expect(value(call, 'completion_date')).toBe('2025-04-14');
  });

  it('never takes a date that holds only on a condition ("if we rolled it out…, we\'d want to be live by X")', () => {
    const wish = snapshotOf([...OPENING, "Maya Brook: If we rolled it out to all nine depots, we'd want to be live by the 1st of March 2026."]);
    expect(value(wish, 'completion_date')).toBeNull();
    const agreed = snapshotOf([...OPENING, 'Maya Brook: We rolled it out to all nine depots and were live by the 1st of March 2025.']);
    expect(value(agreed, 'completion_date')).toBe('2025-03-01');
  });

  it('keeps the go-live over the date a release of the product is due', () => {
    const lines = [...OPENING, 'Maya Brook: We kicked off on February 3rd, 2025.', 'Maya Brook: And we went live in all four depots on April 14th, 2025.'];
    const release = 'Lena Thornquist: The scanner bug is fixed in the next release, due on September 2nd.';
    expect(value(snapshotOf([...lines, release]), 'completion_date')).toBe('2025-04-14');
  });

  it('reads "after kicking off on" as the start, next to the go-live', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We went live on 4/15/2024 after kicking off on 1/8/2024.']);
    expect(value(call, 'start_date')).toBe('2024-01-08');
    expect(value(call, 'completion_date')).toBe('2024-04-15');
  });

  it('reads "kicked the project off on", and "the whole fleet was live on" as the go-live', () => {
    const call = snapshotOf([...OPENING, 'Maya Brook: We kicked the project off on the 3rd of October 2022.', 'Maya Brook: The whole fleet was live, on April 26th, 2023.']);
    expect(value(call, 'start_date')).toBe('2022-10-03');
    expect(value(call, 'completion_date')).toBe('2023-04-26');
  });

  it('prefers the project start to the day the contract was signed, but takes the signature when nothing else is said', () => {
    const both = snapshotOf([...OPENING, 'Maya Brook: The contract was signed on the 19th of December 2022.', 'Maya Brook: The official project start was the 6th of March 2023.']);
    expect(value(both, 'start_date')).toBe('2023-03-06');
    const signedOnly = snapshotOf([...OPENING, 'Maya Brook: The contract was signed on the 19th of December 2022.']);
    expect(value(signedOnly, 'start_date')).toBe('2022-12-19');
  });

  it('reads a recap of "start on X, go-live on Y" pair by pair, and the start of one phase is not the project start', () => {
    const call = snapshotOf([
      ...OPENING,
      'Maya Brook: We started the data migration on the 2nd of February 2024, over a long weekend.',
      'Lena Thornquist: So, project start on the 6th of March 2023, go-live on the 2nd of April 2024.',
    ]);
    expect(value(call, 'start_date')).toBe('2023-03-06');
    expect(value(call, 'completion_date')).toBe('2024-04-02');
  });

  it('reads "once it slipped, …, and we went live on X instead" as the go-live that happened', () => {
    const call = snapshotOf([
      ...OPENING,
      'Maya Brook: Our first go-live date was the 3rd of March 2025.',
      'Maya Brook: Once the data load slipped, March was never going to happen, and we went live on the 14th of April 2025 instead.',
    ]);
    expect(value(call, 'completion_date')).toBe('2025-04-14');
  });

  it('lets a go-live that happened beat the original plan, and never takes a renewal as the completion', () => {
    const slipped = snapshotOf([...OPENING, 'Maya Brook: The original plan was go-live on the 1st of January 2024.', 'Maya Brook: Go-live was the 2nd of April 2024.']);
    expect(value(slipped, 'completion_date')).toBe('2024-04-02');
    const renewal = snapshotOf([...OPENING, 'Maya Brook: Our renewal is due on January 31st, 2026.']);
    expect(value(renewal, 'completion_date')).toBeNull();
  });
});

describe('the figure sections', () => {
  it('quote the sentence that states each figure, and spend their picks on other sentences', () => {
    const call = snapshotOf([
      ...OPENING,
      "Maya Brook: So it's $85,000 a year in agency fees we're not paying.",
      'Maya Brook: Our reviewers trust the queue now, and the backlog is gone.',
    ]);
    const financial = call.sections.find((section) => section.slug === 'financial_impact')!.content;
    expect(financial).toContain(`**Cost savings:** $85,000 per year`);
    expect(financial).toContain(`"So it's $85,000 a year in agency fees we're not paying."`);
    expect(financial.split("agency fees we're not paying").length).toBe(2);
  });
});

describe('targets in the figure sections', () => {
  it('states a kickoff\'s targets as targets when no result was measured, and only then', () => {
    const kickoff = snapshotOf([...OPENING, 'Maya Brook: Our goal is to cut overtime costs by $400,000 in the first year.', 'Maya Brook: The pilot starts next month.']);
    const financial = kickoff.sections.find((section) => section.slug === 'financial_impact')!.content;
    expect(financial).toContain('Stated as a target or a plan, not a result: Our goal is to cut overtime costs by $400,000');
    const measured = snapshotOf([...OPENING, 'Maya Brook: Our goal was $400,000, and we actually cut overtime costs by $450,000 this year.']);
    const results = measured.sections.find((section) => section.slug === 'financial_impact')!.content;
    expect(results).toContain('**Cost savings:** $450,000');
    expect(results).not.toContain('Stated as a target');
  });
});

describe('what the sections pick', () => {
  const sectionOf = (snapshot: ReturnType<typeof snapshotOf>, slug: string) => snapshot.sections.find((section) => section.slug === slug)!.content;
  const CALL = [
    'Lena Thornquist: Thanks for joining. Could you tell me about the company first?',
    'Maya Brook: Sure. We have about 1,150 employees across two plants.',
    'Lena Thornquist: And what did you run before?',
    'Maya Brook: Before, the scheduling ran in Tabulon overnight, and it was a mess.',
    'Maya Brook: The Ledgerly interface took us six weeks to build.',
    'Lena Thornquist: How did the first quarter go?',
    'Maya Brook: Let us walk through the results of the quarter now.',
    'Maya Brook: Rework went from 31 to 22 percent of orders.',
    'Maya Brook: We went live on the 2nd of December, 2024, right before our busiest week.',
    'Maya Brook: The programme we are building next year is built on this.',
  ];

  it('puts company size in Customer Information and the old system in Background', () => {
    const snapshot = snapshotOf(CALL);
    expect(sectionOf(snapshot, 'customer_information')).toContain('1,150 employees across two plants');
    expect(sectionOf(snapshot, 'background')).toContain('Tabulon overnight');
  });

  it('puts an old system without a name ("one we built ourselves") in Background ahead of other complaints, but not any system', () => {
    const lines = (old: string) => [
      ...CALL.slice(0, 2),
      `Maya Brook: ${old}`,
      'Maya Brook: The biggest problem was the manual work every week, with spreadsheets everywhere and nobody trusting them.',
      'Maya Brook: The challenge was that planners struggled with overtime and the manual updates took hours every Friday.',
      'Maya Brook: Every week the problem came back, with errors in the spreadsheets and planners redoing the manual work.',
      'Maya Brook: The pain was real, our supervisors were frustrated and the process kept breaking down at month end.',
      'Maya Brook: We had too many emails and phone calls, and the manual process made every change slow and painful.',
      'Maya Brook: The old way meant paper forms, manual checks and a lot of frustration for the supervisors and planners.',
    ].flatMap((line, index) => (index > 1 ? ['Lena Thornquist: I see.', line] : [line]));
    expect(sectionOf(snapshotOf(lines('Before, we had a scheduling system that we built ourselves in the nineties.')), 'background')).toContain('built ourselves');
    expect(sectionOf(snapshotOf(lines('Before, we had a scheduling system that we bought in the nineties.')), 'background')).not.toContain('in the nineties');
  });

  it('reads "31 to 22" as a change, like "from 31 to 22"', () => {
    const pair = snapshotOf([...CALL.slice(0, 7), 'Maya Brook: Ours is nine points, 31 to 22.', 'Maya Brook: I liked the training sessions a lot.']);
    expect(sectionOf(pair, 'results_achievements')).toContain('31 to 22');
  });

  it('ranks an amount first in Financial Impact and a count of people in Adoption', () => {
    const money = snapshotOf([
      ...OPENING,
      'Maya Brook: We talked about the budget a lot, honestly, and the time it takes.',
      'Maya Brook: The cost conversations were long, and the budget people were careful with the time.',
      'Maya Brook: In 2024 we spent about $410,000 on agency fees.',
      'Maya Brook: About 24,000 students never log in, only the faculty use it.',
    ]);
    expect(sectionOf(money, 'financial_impact')).toContain('$410,000 on agency fees');
    expect(sectionOf(money, 'adoption_usage')).toContain('24,000 students');
  });

  it('leaves an agenda line out of the long-term outlook when the call says something about the topic', () => {
    const call = snapshotOf([
      'Lena Thornquist: Thanks for joining. First, the numbers, then we will talk about the renewal and the roadmap.',
      "Maya Brook: Sure. I'm Maya Brook, operations director at Brindlemoor Creamery.",
      'Lena Thornquist: Where do you stand?',
      'Maya Brook: We can take a six-month extension at the current rate.',
      'Lena Thornquist: And after that?',
      'Maya Brook: Our roadmap for next year includes the scheduling module.',
      'Lena Thornquist: Anything else?',
      'Maya Brook: Long term, the data is finally trusted across the company.',
    ]);
    const outlook = sectionOf(call, 'long_term_impact');
    expect(outlook).toContain('six-month extension');
    expect(outlook).not.toContain('First, the numbers');
  });

  it('ranks a result with its baseline above an agenda line in Results', () => {
    const results = sectionOf(snapshotOf(CALL), 'results_achievements');
    expect(results).toContain('went from 31 to 22 percent');
    const withoutResult = sectionOf(snapshotOf(CALL.filter((line) => !line.includes('31 to 22'))), 'results_achievements');
    expect(withoutResult).not.toContain('31 to 22');
  });

  it('quotes the go-live as said under the timeline, and keeps next year\'s plans out of the Solution', () => {
    const snapshot = snapshotOf(CALL);
    expect(sectionOf(snapshot, 'engagement_details')).toContain('"We went live on the 2nd of December, 2024, right before our busiest week."');
    expect(sectionOf(snapshot, 'solution')).not.toContain('building next year');
  });
});

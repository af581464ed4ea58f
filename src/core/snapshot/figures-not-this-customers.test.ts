/**
 * Figures a call says that are not this customer's result: another
 * organisation's or the vendor's own, a third party's claim repeated, a claim
 * about customers like this one, an offer or a price, a plan, a cost that rose,
 * a result the speaker puts down to something else, a retention rate, the
 * return of an investment fund, counts of a trial or of licences, and a figure
 * taken back in the next sentence. Also the arithmetic of "from $X to $Y" and
 * "$Y, up from $X", and ranges. Each rule is shown from both sides: the look-alike
 * where the figure is the customer's result is still shown.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf as snapshotOf, value } from '../../../test/support/plain-call.js';

/** A vendor's account manager and a customer's operations lead at a regional bakery chain. */
const OPENING = [
  'Odile Fanshawe: Thanks for the time, Tomasz. This is our half-year review of your Crumbline rollout at Larchfield Bakeries.',
  'Tomasz Rendell: Happy to. I run operations at Larchfield Bakeries. We have been on your platform since spring and our renewal is coming up.',
];
const call = (...lines: string[]) => snapshotOf([...OPENING, ...lines, 'Odile Fanshawe: Thanks, that is really useful.']);

describe("another organisation's results and the vendor's own", () => {
  it('leaves out a figure placed at another named organisation or in a case study, with or without "they"', () => {
    expect(value(call('Odile Fanshawe: At Quenby Mills, adoption hit 93 percent within five weeks.'), 'adoption_rate')).toBeNull();
    expect(value(call('Odile Fanshawe: Over at Stourhead Logistics, loading time dropped 41 percent in the first quarter.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Odile Fanshawe: At Quenby Mills we cut proofing time by 33 percent.'), 'efficiency_improvement')).toBeNull();
    expect(value(call("Odile Fanshawe: Quenby Mills' adoption hit 93 percent within five weeks."), 'adoption_rate')).toBeNull();
    expect(value(call('Odile Fanshawe: In the Quenby Mills case study, bakers save about four hours a week each.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Odile Fanshawe: At Quenby Mills, ordering went from 4 days to 6 hours.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Odile Fanshawe: Quenby Mills cut proofing time by 33 percent with the same module.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Odile Fanshawe: Quenby Mills saw adoption hit 93 percent within five weeks.'), 'adoption_rate')).toBeNull();
    // The product as the subject is the customer's result; so are the customer's own site and the customer by name.
    expect(value(call('Odile Fanshawe: Crumbline cut proofing time by 33 percent across your bakeries.'), 'efficiency_improvement')).toBe('33%');
    expect(value(call('Tomasz Rendell: Crumbline has been solid for us.', 'Odile Fanshawe: Crumbline cut proofing time by 33 percent in the first month.'), 'efficiency_improvement')).toBe('33%');
    expect(value(call('Tomasz Rendell: At our Hexham bakery, adoption hit 93 percent within five weeks.'), 'adoption_rate')).toBe('93%');
    expect(value(call('Tomasz Rendell: At Larchfield, adoption hit 93 percent within five weeks.'), 'adoption_rate')).toBe('93%');
    expect(value(call('Tomasz Rendell: Like we said in the case study, we cut packaging costs by 18 percent.'), 'cost_savings')).toBe('18%');
    expect(value(call('Odile Fanshawe: At Hexham, your adoption hit 93 percent within five weeks.'), 'adoption_rate')).toBe('93%');
    expect(value(call('Tomasz Rendell: Ordering went from 4 days to 6 hours.'), 'efficiency_improvement')).toBe('from 4 days to 6 hours (94% less time)');
  });

  it('leaves out a result the vendor sets at an organisation the customer never names as its own', () => {
    const snapshot = snapshotOf([
      'Odile Fanshawe: Thanks for the time, Tomasz. How is Crumbline working for Larchfield Bakeries?',
      'Tomasz Rendell: It is early. We went live in May and your team has been helpful.',
      'Odile Fanshawe: Over at Quenby Mills, adoption hit 93 percent within five weeks.',
      'Tomasz Rendell: We are not there yet.',
      'Odile Fanshawe: At Quenby, proofing time dropped 33 percent in the first month.',
    ]);
    expect(value(snapshot, 'adoption_rate')).toBeNull();
    expect(value(snapshot, 'efficiency_improvement')).toBeNull();
  });

  it("leaves out the vendor's results on its own work", () => {
    expect(value(call('Odile Fanshawe: Internally we run our own billing on our platform, and we cut our billing costs by 22 percent.'), 'cost_savings')).toBeNull();
    expect(value(call('Odile Fanshawe: Our own support agents close tickets 28 percent faster since we switched.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Tomasz Rendell: Our own drivers close deliveries 28 percent faster since we switched.'), 'efficiency_improvement')).toBe('28%');
    expect(value(call('Odile Fanshawe: Our own dashboard shows you saved $61,000 on overtime.'), 'cost_savings')).toBe('$61,000');
  });
});

describe('claims that are not measurements of this customer', () => {
  it('leaves out a level an earlier product never reached', () => {
    expect(value(call('Tomasz Rendell: Marlow Systems never got us past 50 percent adoption.'), 'adoption_rate')).toBeNull();
    expect(value(call('Tomasz Rendell: We got past 50 percent adoption in the first month.'), 'adoption_rate')).toBe('50%');
  });

  it("leaves out a third party's claim the customer repeats", () => {
    expect(value(call('Tomasz Rendell: Their sales rep said 85 percent of bakers use the ordering screen within a week.'), 'adoption_rate')).toBeNull();
    expect(value(call('Tomasz Rendell: Marlow Systems claimed 35 percent savings on ingredient costs in their pitch deck.'), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: We cut ingredient costs by 35 percent this year.'), 'cost_savings')).toBe('35%');
    expect(value(call('Tomasz Rendell: Marta promised the board 20 percent, and we saved 26 percent on packaging costs.'), 'cost_savings')).toBe('26%');
  });

  it('leaves out what customers like this one get, and a calculator or a model', () => {
    expect(value(call('Odile Fanshawe: Bakeries like yours see about 25 percent faster ordering.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Odile Fanshawe: Most chains we work with get adoption above 80 percent.'), 'adoption_rate')).toBeNull();
    expect(value(call('Odile Fanshawe: Our ROI calculator says 350 percent for companies your size.'), 'roi_percentage')).toBeNull();
    expect(value(call('Odile Fanshawe: For a chain of your size the model shows an ROI of 350 percent.'), 'roi_percentage')).toBeNull();
    expect(value(call('Tomasz Rendell: Our finance team worked out an ROI of 350 percent on the first year.'), 'roi_percentage')).toBe('350%');
    expect(value(call('Tomasz Rendell: It works like you said: proofing is 30 percent faster.'), 'efficiency_improvement')).toBe('30%');
  });
});

describe('offers, prices and plans', () => {
  it('leaves out a discount, a waived fee and a price as savings', () => {
    expect(value(call('Odile Fanshawe: On a two-year term there is a 10 percent discount, and that saves you $14,000 a year on the licence.'), 'cost_savings')).toBeNull();
    expect(value(call("Odile Fanshawe: This time you're not paying the $6,500 setup fee."), 'cost_savings')).toBeNull();
    expect(value(call("Odile Fanshawe: You're also not paying the $6,500 setup fee."), 'cost_savings')).toBeNull();
    expect(value(call('Odile Fanshawe: Sign before June and you save 12 percent on renewal costs.'), 'cost_savings')).toBeNull();
    expect(value(call('Odile Fanshawe: You will not pay the training fee again.', 'Odile Fanshawe: All in, the renewal comes to $96,000 a year.'), 'cost_savings')).toBeNull();
    expect(value(call("Tomasz Rendell: We're not paying the $6,500 a year we spent on the old courier contract."), 'cost_savings')).toBe('$6,500 per year');
    expect(value(call('Tomasz Rendell: We got a discount from the mill, and separately we saved $30,000 on flour with the planner.'), 'cost_savings')).toBe('$30,000');
  });

  it('leaves out savings that should, need to or would come', () => {
    expect(value(call('Tomasz Rendell: The second phase should add another $70,000 in savings on flour.'), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: The plan is a 12 percent cut in agency costs by autumn.'), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: This year we need to cut agency costs by 12 percent.'), 'cost_savings')).toBeNull();
    expect(value(call('Odile Fanshawe: Adding the Carlisle bakery means another $55,000 in savings for you.'), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: The first phase saved us $70,000 on flour.'), 'cost_savings')).toBe('$70,000');
    expect(value(call('Tomasz Rendell: The board wanted a 10 percent cut and we delivered 14 percent lower delivery costs.'), 'cost_savings')).toBe('14%');
    expect(value(call('Tomasz Rendell: We should be at about 210 staff using it today.'), 'user_count')).toBe(210);
  });
});

describe('direction and arithmetic', () => {
  it('leaves out a cost that went up', () => {
    expect(value(call("Tomasz Rendell: Our packaging costs went up 6 percent, we didn't save anything there."), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: Our packaging costs went down 6 percent, so we saved there.'), 'cost_savings')).toBe('6%');
    expect(value(call('Tomasz Rendell: Our energy costs went up overall, but we saved $30,000 on packaging waste.'), 'cost_savings')).toBe('$30,000');
  });

  it('shows the difference of an amount said from before to after, not the new level', () => {
    expect(value(call('Tomasz Rendell: We cut van hire from $12,000 a month to $8,500 a month.'), 'cost_savings')).toBe('$3,500 per month');
    expect(value(call('Tomasz Rendell: Total revenue this year was £9 million, up from £7.5 million.'), 'revenue_increase')).toBe('£1,500,000');
    expect(value(call('Tomasz Rendell: Wholesale revenue went up by £400,000 this year.'), 'revenue_increase')).toBe('£400,000');
  });

  it('does not take one end of a range for the result', () => {
    expect(value(call('Tomasz Rendell: Stock counts are somewhere between 20 and 30 percent faster.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Tomasz Rendell: Stock counts are 20 to 30 percent faster.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Tomasz Rendell: Counting is 20 to 30 percent faster.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Tomasz Rendell: Stock counts are 30 percent faster.'), 'efficiency_improvement')).toBe('30%');
  });

  it('gives a saving said with "using" to the cost, not to adoption', () => {
    const saving = call('Tomasz Rendell: We cut delivery costs by 18 percent using the route planner.');
    expect(value(saving, 'adoption_rate')).toBeNull();
    expect(value(saving, 'cost_savings')).toBe('18%');
    expect(value(call('Tomasz Rendell: Waste is down 14 percent since we started using the planner.'), 'adoption_rate')).toBeNull();
    expect(value(call('Tomasz Rendell: About 70 percent of the bakers are using the planner.'), 'adoption_rate')).toBe('70%');
  });
});

describe('results put down to something else', () => {
  it('leaves out a rise the speaker says came from something unrelated', () => {
    expect(value(call('Tomasz Rendell: Café sales grew 19 percent this year, mostly because we opened two new cafés.'), 'revenue_increase')).toBeNull();
    expect(value(call('Tomasz Rendell: Output per shift rose 9 percent, but that is the new oven, not the software.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Tomasz Rendell: Café sales grew 19 percent this year.', 'Tomasz Rendell: Nothing to do with the ordering screens, honestly.'), 'revenue_increase')).toBeNull();
    expect(value(call('Tomasz Rendell: Output per shift rose 9 percent because of the new oven.'), 'efficiency_improvement')).toBeNull();
    const total = call('Tomasz Rendell: We booked an extra £85,000 in cake sales through the pre-order page.', 'Tomasz Rendell: Total revenue was £9 million, up from £7.5 million, but most of that is the new cafés.');
    expect(value(total, 'revenue_increase')).toBe('£85,000');
    // The product, or how the work is now done, as the cause: the result stands.
    expect(value(call('Tomasz Rendell: Café sales grew 19 percent this year, mostly because of the pre-ordering on your platform.'), 'revenue_increase')).toBe('19%');
    expect(value(call('Tomasz Rendell: We cut delivery costs by 12 percent, mostly because drivers wait less at the depot.'), 'cost_savings')).toBe('12%');
    expect(value(call('Tomasz Rendell: We saved $20,000 because we opened fewer overtime shifts.'), 'cost_savings')).toBe('$20,000');
    expect(value(call('Tomasz Rendell: We cut delivery costs by 12 percent, and café sales grew 19 percent because we opened two cafés.'), 'cost_savings')).toBe('12%');
    expect(value(call("Tomasz Rendell: Café sales grew 19 percent, but that's not the whole story."), 'revenue_increase')).toBe('19%');
  });

  it('does not read a retention rate as a revenue increase', () => {
    expect(value(call('Tomasz Rendell: Net revenue retention is up to 108 percent.'), 'revenue_increase')).toBeNull();
    expect(value(call('Tomasz Rendell: Wholesale revenue is up 8 percent.'), 'revenue_increase')).toBe('8%');
    const both = call('Tomasz Rendell: Net revenue retention is up to 108 percent.', 'Tomasz Rendell: We can tie about $60,000 in expansion revenue to the pre-order page.');
    expect(value(both, 'revenue_increase')).toBe('$60,000');
  });

  it("does not read an investment fund's return as the product's ROI", () => {
    expect(value(call('Tomasz Rendell: For the staff pension fund, a return of 6 percent after fees.'), 'roi_percentage')).toBeNull();
    expect(value(call('Tomasz Rendell: The planner paid for itself with a return of 160 percent in the first year.'), 'roi_percentage')).toBe('160%');
  });
});

describe('counts that are not the users', () => {
  it('leaves out a trial count, licences bought and the whole headcount said alone', () => {
    expect(value(call('Tomasz Rendell: During the free trial, 46 users logged in.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: During the free trial last autumn, which was mostly the night shift and two supervisors, 46 users logged in.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: The pilot had 25 users at the Hexham bakery.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: We bought 250 licences in the first contract.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: We have 900 employees in total, and all of them could use it.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: Today 210 staff use it every morning.'), 'user_count')).toBe(210);
    expect(value(call('Tomasz Rendell: We have 900 employees in total and 640 of them use it every day.'), 'user_count')).toBe(640);
    expect(value(call('Tomasz Rendell: Our headcount is 900 people, and all of them can use it.'), 'user_count')).toBeNull();
  });

  it("prefers the adoption across the company to a pilot's", () => {
    const rollout = call(
      'Tomasz Rendell: The pilot had 20 users at the Hexham bakery, and adoption there was 95 percent.',
      'Tomasz Rendell: Then we rolled it out everywhere; adoption across the company is about 71 percent.',
    );
    expect(value(rollout, 'adoption_rate')).toBe('71%');
  });
});

describe('a correction in the next sentence', () => {
  it('takes the figure said after "no" over the one it corrects', () => {
    expect(value(call('Tomasz Rendell: Adoption is at 75 percent. Hmm, no, 64 percent, I had the wrong week open.'), 'adoption_rate')).toBe('64%');
    expect(value(call('Tomasz Rendell: Adoption is at 75 percent. No surprises there.'), 'adoption_rate')).toBe('75%');
  });
});

describe('results said in wordings the rules had no cue for', () => {
  it('reads a count of people by their role, a spend that is less, costs that went down and a time that is lower', () => {
    expect(value(call('Tomasz Rendell: About 45 bookkeepers and clerks use it across the shops.'), 'user_count')).toBe(45);
    expect(value(call('Tomasz Rendell: Around 380 kitchen staff use Crumbline.'), 'user_count')).toBe(380);
    expect(value(call('Tomasz Rendell: We are spending about $9,000 less per month on couriers.'), 'cost_savings')).toBe('$9,000 per month');
    expect(value(call('Tomasz Rendell: Packaging costs went down by about 14 percent.'), 'cost_savings')).toBe('14%');
    expect(value(call('Tomasz Rendell: With the new routing, delivery costs fell by $40,000.'), 'cost_savings')).toBe('$40,000');
    expect(value(call('Tomasz Rendell: Average proofing time is 20 percent lower than before.'), 'efficiency_improvement')).toBe('20%');
    // Look-alikes: a count of places, a spend that is not less, an error rate that is lower.
    expect(value(call('Tomasz Rendell: About 45 shops use it.'), 'user_count')).toBeNull();
    expect(value(call('Tomasz Rendell: We are spending about $9,000 per month on couriers.'), 'cost_savings')).toBeNull();
    expect(value(call('Tomasz Rendell: The error rate is 20 percent lower than before.'), 'efficiency_improvement')).toBeNull();
    const time = call('Tomasz Rendell: Our bakers spend 30 percent less time on stock counts than before.');
    expect(value(time, 'cost_savings')).toBeNull();
    expect(value(time, 'efficiency_improvement')).toBe('30%');
    expect(value(call('Tomasz Rendell: 160 of our 210 bakers log in every week.'), 'user_count')).toBe(160);
    expect(value(call('Odile Fanshawe: And how many bakers are on it?', 'Tomasz Rendell: 190 bakers, all of them, it is how orders come in now.'), 'user_count')).toBe(190);
    expect(value(call('Tomasz Rendell: The weekly stock count takes three hours now instead of eight.'), 'efficiency_improvement')).toBe('from eight hours to three hours (63% less time)');
    expect(value(call('Tomasz Rendell: We could do the count in three hours instead of eight.'), 'efficiency_improvement')).toBeNull();
  });
});

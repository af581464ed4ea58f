/**
 * More figures a call says that are not this customer's result: a mandate or a
 * hurdle someone sets, a gain that waits on something to come, a guess nobody
 * measured, a figure denied in the next sentence, what the customer pays, a
 * growth in use or the share not using it said as adoption, the customer's own
 * audience or tickets sold said as users, and a result credited to something
 * else or said to include other things. Each rule is shown from both sides.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf as snapshotOf, value } from '../../../test/support/plain-call.js';

/** A vendor's customer success manager and a customer's head of operations at a chain of veterinary clinics. */
const OPENING = [
  'Ingrid Vasquez-Holt: Thanks for joining, Rufus. This is the quarterly review of Pawtrail at Brackenfield Vets.',
  'Rufus Okonkwo-Adair: Glad to. I run operations at Brackenfield Vets. Our nine clinics have used your platform since January.',
];
const call = (...lines: string[]) => snapshotOf([...OPENING, ...lines, 'Ingrid Vasquez-Holt: Thanks, that is really helpful.']);

describe('what someone asks of the customer', () => {
  it('leaves out a cut or a return someone wants, requires or expects the customer to reach', () => {
    expect(value(call('Rufus Okonkwo-Adair: The owners want us to cut supply spend 14 percent next year.'), 'cost_savings')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Our finance director requires every system to clear a 45 percent ROI within two years.'), 'roi_percentage')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Our finance director requires a 45 percent ROI from every system.'), 'roi_percentage')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: We cut supply spend 14 percent this year.'), 'cost_savings')).toBe('14%');
    expect(value(call('Rufus Okonkwo-Adair: Our finance director worked out a 45 percent ROI on the first year.'), 'roi_percentage')).toBe('45%');
  });
});

describe("another organisation's result, told to the vendor", () => {
  it('leaves out what another organisation told the speaker it achieved', () => {
    expect(value(call('Ingrid Vasquez-Holt: I visited Marrowdene Kennels last month, and they told us they hit 180 percent ROI in year one.'), 'roi_percentage')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Our finance team told us our ROI hit 180 percent in year one.'), 'roi_percentage')).toBe('180%');
  });
});

describe('a return that is not a return on investment', () => {
  it('leaves out a share of goods sent back', () => {
    expect(value(call('Rufus Okonkwo-Adair: We had a return of about 9 percent of prescriptions last quarter.'), 'roi_percentage')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: We had a return of about 90 percent on the Pawtrail subscription last year.'), 'roi_percentage')).toBe('90%');
  });
});

describe('a level and the one it changed from', () => {
  it('shows the change when the level is said with "now" before "up from"', () => {
    expect(value(call('Rufus Okonkwo-Adair: Grooming sales are $2.6 million a year now, up from $1.9 million before we moved bookings onto your platform.'), 'revenue_increase')).toBe('$700,000 per year');
  });
});

describe('a gain still to come, or a guess nobody measured', () => {
  it('leaves out a gain that waits on a later phase', () => {
    expect(value(call('Rufus Okonkwo-Adair: The practice managers put it at a 35 percent productivity gain once the booking module lands.'), 'efficiency_improvement')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Once the booking module went live, front desk productivity rose 35 percent.'), 'efficiency_improvement')).toBe('35%');
  });

  it('leaves out a figure the speaker says nobody measured', () => {
    expect(value(call("Rufus Okonkwo-Adair: The nurses say triage feels quicker, perhaps 15 percent faster, but that's gut feel, nobody timed it."), 'efficiency_improvement')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Triage is 15 percent faster.', "Rufus Okonkwo-Adair: Honestly we haven't measured it."), 'efficiency_improvement')).toBeNull();
    expect(value(call("Rufus Okonkwo-Adair: Finance pencilled in 15 percent faster triage, but that's their model, not a result."), 'efficiency_improvement')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: We timed it over a month, and triage is 15 percent faster.'), 'efficiency_improvement')).toBe('15%');
  });
});

describe('a figure denied in the next sentence', () => {
  it('leaves out a figure the speaker denies right after it, and takes the one said instead', () => {
    expect(value(call("Rufus Okonkwo-Adair: The owners keep saying we cut medicine costs by 30 percent. We didn't. It's 12 percent on medicine costs."), 'cost_savings')).toBe('12%');
    const denied = call('Rufus Okonkwo-Adair: Everyone says we cut medicine costs by 30 percent. We did not.');
    expect(value(denied, 'cost_savings')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Everyone says we cut medicine costs by 30 percent. They are right.'), 'cost_savings')).toBe('30%');
    expect(value(call('Rufus Okonkwo-Adair: The owners keep saying we cut medicine costs by 30 percent, but actually it is 12 percent on medicine costs.'), 'cost_savings')).toBe('12%');
  });
});

describe('what the customer pays', () => {
  it('leaves out a price after a saving that has not come', () => {
    const paid = call("Rufus Okonkwo-Adair: Pawtrail hasn't saved us anything yet. It costs us $52,000 a year, and the reporting is what we get for it.");
    expect(value(paid, 'cost_savings')).toBeNull();
    expect(value(call("Rufus Okonkwo-Adair: Pawtrail hasn't saved us anything yet. The subscription is $52,000 a year."), 'cost_savings')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Supplies now cost us $52,000 a year less, that is our saving.'), 'cost_savings')).toBe('$52,000 per year');
  });
});

describe('adoption that is not a share of people using it', () => {
  it('leaves out a growth in use', () => {
    expect(value(call('Rufus Okonkwo-Adair: Logins to the portal are up 55 percent since the spring workshop.'), 'adoption_rate')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Weekly logins have grown by 55 percent since the spring workshop.'), 'adoption_rate')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Adoption is up to 85 percent of our vets since the spring workshop.'), 'adoption_rate')).toBe('85%');
  });

  it('leaves out the share still on the old way', () => {
    expect(value(call('Rufus Okonkwo-Adair: Around 35 percent of our staff still use the old paper charts instead of your records module.'), 'adoption_rate')).toBeNull();
    expect(value(call("Rufus Okonkwo-Adair: Around 35 percent of our staff haven't logged in at all."), 'adoption_rate')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Around 65 percent of our staff use your records module instead of the old paper charts.'), 'adoption_rate')).toBe('65%');
  });
});

describe("users who are not the product's", () => {
  it("leaves out the customer's own audience", () => {
    expect(value(call('Rufus Okonkwo-Adair: Our pet-care website gets about 70,000 users a month.'), 'user_count')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: About 140 users across the clinics log in every day.'), 'user_count')).toBe(140);
  });

  it('leaves out seats sold to an audience', () => {
    expect(value(call('Rufus Okonkwo-Adair: We sold 6,500 seats for the charity gala.'), 'user_count')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: All 140 seats are in use across the clinics.'), 'user_count')).toBe(140);
  });
});

describe('a result credited to something else, or said to include other things', () => {
  it('leaves out a result the speaker puts down to one thing named after "but"', () => {
    expect(value(call("Rufus Okonkwo-Adair: Grooming revenue was up 16 percent, but let's be honest, that's the new puppy boom."), 'revenue_increase')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: Grooming revenue was up 16 percent. That is the puppy boom, not the software.'), 'revenue_increase')).toBeNull();
    expect(value(call("Rufus Okonkwo-Adair: Grooming revenue was up 16 percent, but honestly that's the booking module."), 'revenue_increase')).toBe('16%');
    expect(value(call("Rufus Okonkwo-Adair: Grooming revenue was up 16 percent, but that's the whole point."), 'revenue_increase')).toBe('16%');
  });

  it('leaves out a total the speaker says also includes other things', () => {
    expect(value(call('Rufus Okonkwo-Adair: Our owners tell everyone it is $800,000 in savings, but that includes the building sale and the pay freeze.'), 'cost_savings')).toBeNull();
    expect(value(call('Rufus Okonkwo-Adair: We saved $800,000 on supplies across the nine clinics.'), 'cost_savings')).toBe('$800,000');
  });
});

/**
 * Products named apart from their vendor, counts of users the customer
 * corrects, and places said the way people say them: rules written on
 * invented calls, each able to fail.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, snapshotOf, value } from '../../../test/support/plain-call.js';

const VENDOR_INTRO = "Tove Ring: I'm Tove Ring, I lead onboarding at Marlowe Systems. Ivo Lind is the implementation specialist on your account.";
const CUSTOMER_INTRO = "Ana Vell: Hi both. I'm Ana Vell, Director of Operations at Fenwick Dental Group. We've been on your platform since March.";

describe('the product, named apart from its vendor', () => {
  it('takes the product the vendor\'s people run and describe, not the vendor\'s company said once in an introduction', () => {
    const call = snapshotOf([
      VENDOR_INTRO,
      CUSTOMER_INTRO,
      'Ivo Lind: Three practices have been running Quaystone alongside the old ledger since March.',
      'Ana Vell: Our front desks like it. Your product saves us a lot of calls.',
      'Ivo Lind: And Quaystone sends the patient a reminder text the day before.',
    ]);
    expect(value(call, 'product_name')).toBe('Quaystone');
  });

  it('takes the vendor\'s name with a product word ("Marlowe Ledger"), said apart from the company, as the product', () => {
    const call = snapshotOf([
      "Tove Ring: I'm Tove Ring, I look after your account at Marlowe. Ivo Lind is the implementation specialist on your account.",
      CUSTOMER_INTRO,
      'Tove Ring: Thanks for making time for the yearly review of Marlowe Ledger.',
      'Ana Vell: Before Marlowe Ledger, closing the month took us nine days.',
    ]);
    expect(value(call, 'product_name')).toBe('Marlowe Ledger');
  });

  it('takes a product line named with the vendor\'s first word ("Marlowe Ledger" from Marlowe Systems), chosen once and named again', () => {
    const lines = [VENDOR_INTRO, CUSTOMER_INTRO, 'Tove Ring: Remind me why you chose Marlowe Ledger last year?', 'Ana Vell: Marlowe Ledger closed our test month in two days.'];
    expect(value(snapshotOf(lines), 'product_name')).toBe('Marlowe Ledger');
    const otherMaker = [VENDOR_INTRO, CUSTOMER_INTRO, 'Tove Ring: Remind me why you chose Quarry Ledger last year?', 'Ana Vell: Quarry Ledger closed our test month in two days.'];
    expect(value(snapshotOf(otherMaker), 'product_name')).toBeNull();
  });

  it('takes what the customer "went live with", named again, as the product', () => {
    const call = snapshotOf([
      VENDOR_INTRO,
      CUSTOMER_INTRO,
      'Ivo Lind: So we went live with Quillcast for your front desks on the 3rd of March.',
      'Ana Vell: And Quillcast has been steady since.',
    ]);
    expect(value(call, 'product_name')).toBe('Quillcast');
  });

  it('never takes the system the customer ran before as the product', () => {
    const call = snapshotOf([
      VENDOR_INTRO,
      CUSTOMER_INTRO,
      'Ana Vell: Before you, we were running Ledgerly on a server in the back office.',
      'Ana Vell: Ledgerly was slow and nobody trusted the reports.',
      'Ivo Lind: Good to hear the front desks are happier now.',
    ]);
    expect(value(call, 'product_name')).toBeNull();
  });

  it('reads "the X driver app" as the product X', () => {
    const call = snapshotOf([
      VENDOR_INTRO,
      CUSTOMER_INTRO,
      'Ana Vell: Honestly, the Routeloom driver app won us over. The coaching is built in.',
      'Ivo Lind: Great. How do the dispatchers find the Routeloom app?',
      'Ana Vell: They use it all day.',
    ]);
    expect(value(call, 'product_name')).toBe('Routeloom');
  });

  it('gives the product its full name when the call says it in full more than once, not an add-on said once', () => {
    const call = snapshotOf([
      VENDOR_INTRO,
      CUSTOMER_INTRO,
      'Tove Ring: We kicked off the Lumora Recruit implementation in May.',
      'Ana Vell: Lumora is doing well for us. The recruiters use Lumora every day.',
      'Tove Ring: Since go-live you have made 90 hires through Lumora Recruit.',
      'Ivo Lind: If you rolled Lumora Onboard out to both sites, that would be extra.',
      'Ana Vell: Lumora saves the recruiters hours. We log into Lumora first thing.',
    ]);
    expect(value(call, 'product_name')).toBe('Lumora Recruit');
  });
});

describe('the user count', () => {
  it('takes the count the customer corrects the vendor to, a few sentences after "that\'s not right"', () => {
    const call = customerCallSnapshotOf([
      'Mira Sand: Thanks all. How has the rollout gone?',
      'Mira Sand: So, on your account we have 340 named users, and of those—',
      'Owen Tate: Sorry, Mira, that\'s not right. 340 includes the contractor logins from Harwick Electrical. We switched those off in May.',
      "Owen Tate: It's 295.",
      'Mira Sand: Ah, yes, you are right. That export is from April.',
    ]);
    expect(value(call, 'user_count')).toBe(295);
  });

  it('gives no more weight to seats bought when a share of them is said', () => {
    const call = customerCallSnapshotOf([
      'Mira Sand: Thanks all. How has the rollout gone?',
      "Mira Sand: We've got 48 nurses set up and using it across the three wards.",
      'Mira Sand: You bought 60 licenses in phase one.',
      'Mira Sand: So 48 of the 60 are taken, and 12 of the 60 are free.',
    ]);
    expect(value(call, 'user_count')).not.toBe(60);
  });

  it('counts "40 of those 48 logged in" as saying again that 48 people use it, more than the seats bought', () => {
    const call = customerCallSnapshotOf([
      'Mira Sand: Thanks all. How has the rollout gone?',
      "Mira Sand: We've got 48 nurses set up and using it across the three wards.",
      'Owen Tate: Sounds right.',
      "Mira Sand: In the last week, 40 of those 48 logged in, so that's 83%.",
      'Mira Sand: And 44 of the 48 have done the training.',
      "Mira Sand: So you've got 60 seats in phase one, and you're at 48.",
    ]);
    expect(value(call, 'user_count')).toBe(48);
  });

  it('counts the people of a trade who use it ("all 36 pickers use the handhelds"), not the same trade merely counted', () => {
    const using = customerCallSnapshotOf(['Mira Sand: Thanks all. Any news from the depot?', 'Owen Tate: All 36 pickers use the handhelds every shift.']);
    expect(value(using, 'user_count')).toBe(36);
    const counted = customerCallSnapshotOf(['Mira Sand: Thanks all. How is the depot?', 'Owen Tate: We hired 36 pickers for the peak season.']);
    expect(value(counted, 'user_count')).toBeNull();
  });
});

describe('the location, said the way people say it', () => {
  it('reads "I run the night desk for X Health, here in Dayton" as the customer\'s place', () => {
    const call = customerCallSnapshotOf([
      'Mira Sand: Thanks all. How has the rollout gone?',
      'Owen Tate: I run the night desk for Harlow Vale Health, here in Dayton, so every late shift goes through my team.',
      'Owen Tate: Harlow Vale Health has used your product for two years.',
    ]);
    expect(value(call, 'location')).toBe('Dayton');
  });

  it('reads "based here — well, based there, in Lisbon" as based in Lisbon', () => {
    const call = customerCallSnapshotOf([
      'Mira Sand: Quick recap. Tamsin Pay is a fintech, a payment provider based here — well, based there, in Lisbon — for online shops.',
      'Owen Tate: That is right. Tamsin Pay has used your product since March.',
    ]);
    expect(value(call, 'location')).toBe('Lisbon');
  });
});

describe("the contact's title, said by a colleague", () => {
  it('reads "Nora\'s our director of ward operations" as Nora\'s title, but not "Nora\'s our best tester"', () => {
    const call = (title: string) =>
      customerCallSnapshotOf([
        'Mira Sand: Thanks all. How has the rollout gone?',
        "Nora Pell: Well. I'm the main contact for the rollout, and our nurses use your product every day.",
        `Owen Tate: Nora's our ${title}, she signs off on it.`,
        'Nora Pell: We went live in March across the wards.',
      ]);
    expect(value(call('director of ward operations'), 'contact_position')).toBe('director of ward operations');
    expect(value(call('best tester'), 'contact_position')).toBeNull();
  });
});

describe('the industry a company name says', () => {
  it.each([
    ['Harwick Ports', 'Port and terminal operations'],
    ['Selby Dairies', 'Dairy (food)'],
    ['Corran Railways', 'Rail transport'],
  ])('reads %s as %s when the call says no industry, and the vendor "thanks for having us at" it is its guest', (company, industry) => {
    const call = snapshotOf([
      `Sven Ask: I'm Sven Ask, the account director at Morrowline. Thanks for having us at ${company}.`,
      `Lars Eid: I'm Lars Eid, I run operations here at ${company}. We've been on your platform two years.`,
      `Lars Eid: ${company} uses your product every day. Our planners like it.`,
    ]);
    expect(value(call, 'company_name')).toBe(company);
    expect(value(call, 'industry')).toBe(industry);
  });
});

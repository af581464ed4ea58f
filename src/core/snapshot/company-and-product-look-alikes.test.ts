/**
 * Round-two look-alikes of the customer's company, industry, place and product:
 * a person introduced with a title, a reseller on the call, the customer's own
 * client, a previous employer. Each rule is shown from both sides (the wrong
 * value it drops and the look-alike it keeps).
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, snapshotOf, value } from '../../../test/support/plain-call.js';

describe('a person said to hold a title is no company, whatever the clause after it names', () => {
  const call = (aboutHer: string) =>
    customerCallSnapshotOf([
      'Rowan Pike: Thanks for making time. This is for the customer story.',
      'Tamsin Oduya: Happy to. Your scheduling tool has been solid for us.',
      `Tamsin Oduya: ${aboutHer}`,
      'Rowan Pike: Will Marisol join us today?',
      'Tamsin Oduya: No, Marisol is travelling, so you have me.',
      'Rowan Pike: How many planners use the tool?',
      'Tamsin Oduya: Fourteen planners, across three depots.',
    ]);

  it('does not take the person for the company', () => {
    expect(value(call('My sister Marisol is the Finance Director, she runs the business side.'), 'company_name')).toBeNull();
  });

  it('still takes a name said to be a business', () => {
    expect(value(call('Marisol is a family-run removals business, and we have run it for twenty years.'), 'company_name')).toBe('Marisol');
  });
});

describe('a reseller on the call is neither the customer nor the product', () => {
  const call = (resellerLine: string) =>
    snapshotOf([
      'Priya Raman (Holloway Partner Manager): Morning all, thanks for joining.',
      `Priya Raman (Holloway Partner Manager): ${resellerLine}`,
      "Lukas Berg (Brenlow Customer Success): And I'm Lukas, I look after your account on the Brenlow side.",
      'Lukas Berg (Brenlow Customer Success): How has Brenlow Routing been working for you?',
      'Dara Novak: Really well. Your software plans every van route now.',
      'Dara Novak: We used to plan the routes by hand on a whiteboard.',
      'Lukas Berg (Brenlow Customer Success): And how many dispatchers use it?',
      'Dara Novak: Nine dispatchers, every morning.',
      'Priya Raman (Holloway Partner Manager): Holloway is happy to help with the next phase too.',
    ]);

  it('names the vendor product, not the reseller, and no captioned vendor as the customer', () => {
    const snapshot = call("I'm Priya, Holloway Systems is the reseller that sold Brenlow to Dara's team.");
    expect(value(snapshot, 'product_name')).toBe('Brenlow Routing');
    expect(value(snapshot, 'company_name')).toBeNull();
  });
});

describe("a speaker's former employer and the older product they used there", () => {
  const call = (history: string, oldProduct: string) =>
    snapshotOf([
      'Ilse Varga (Brightfold Customer Success): Hi Tomasz, good to see you again.',
      `Tomasz Rybak: ${history}`,
      'Ilse Varga (Brightfold Customer Success): How has Brightfold Ledger been working for you here?',
      'Tomasz Rybak: Very well. We use Brightfold Ledger for every supplier invoice now.',
      `Tomasz Rybak: ${oldProduct}`,
      'Ilse Varga (Brightfold Customer Success): And how many clerks use it?',
      'Tomasz Rybak: Twelve clerks, every day. Your support team has been quick too.',
      'Ilse Varga (Brightfold Customer Success): Good to hear your rollout went smoothly.',
      'Tomasz Rybak: It is a lot smaller than Harvel, which I like.',
    ]);

  it('takes neither the former employer for the customer nor the older product for the product', () => {
    const snapshot = call(
      'Before this job I was at Harvel Insurance in Gdynia, and we used your software there too.',
      'At Harvel we only used Brightfold Archive, the older product.',
    );
    expect(value(snapshot, 'company_name')).toBeNull();
    expect(value(snapshot, 'industry')).toBeNull();
    expect(value(snapshot, 'product_name')).toBe('Brightfold Ledger');
  });

  it('still takes the employer the speaker is at now', () => {
    const snapshot = call('These days I am at Harvel Insurance in Gdynia, and we use your software there.', 'At Harvel we also tried Brightfold Archive for a month.');
    expect(value(snapshot, 'company_name')).toBe('Harvel');
  });
});

describe('an integrator on the call is a partner, not the customer', () => {
  const call = (intro: string) =>
    snapshotOf([
      'Nadia Flores (Pellucid Customer Success Manager): Hi all, thanks for joining. This is for the customer story.',
      `Oren Szabo: ${intro} I ran the data migration.`,
      'Nadia Flores (Pellucid Customer Success Manager): Thanks Oren. Maeve, can you describe Kilbride Transit for me?',
      'Maeve Doyle: Sure. Kilbride Transit is a regional bus operator. We run about two hundred buses.',
      'Nadia Flores (Pellucid Customer Success Manager): How has Pellucid Rostering been working for you?',
      'Maeve Doyle: Really well. Your platform builds every driver roster now, and your support has been quick.',
      'Nadia Flores (Pellucid Customer Success Manager): How many schedulers use it?',
      'Maeve Doyle: Eleven schedulers, every week.',
    ]);

  it.each([
    ["I'm with Tollan Advisory, we're the integrator. I'm the project lead on our side."],
    ["Tollan Advisory is the integrator, that's my firm. If you need me it's oren.szabo@tollanadvisory.com."],
  ])('does not take the integrator for the customer: %s', (intro) => {
    const snapshot = call(intro);
    expect(value(snapshot, 'company_name')).toBe('Kilbride Transit');
    expect(value(snapshot, 'primary_contact')).toBe('Maeve Doyle');
  });

  it('still counts a speaker who claims no partnership for their own organisation', () => {
    expect(value(call("I'm with Tollan Advisory, we're the bus operator's parent group. I'm the project lead on our side."), 'company_name')).toBe('Tollan Advisory');
  });
});

describe("the customer's own client and its place", () => {
  const call = (aboutClient: string) =>
    snapshotOf([
      'Greta Solberg (Inkwell Forms Account Manager): Thanks for joining. This is for the customer story.',
      `Anders Holm: ${aboutClient} Their buyer pushed us to go paperless.`,
      'Greta Solberg (Inkwell Forms Account Manager): How has Inkwell Forms been working for you?',
      'Anders Holm: Your product reads every delivery note for us now, and your support has been quick.',
      'Anders Holm: We have been using it on every Varnel shipment since the spring.',
      'Greta Solberg (Inkwell Forms Account Manager): How many clerks use it?',
      'Anders Holm: Nine clerks, every day. Varnel noticed the difference.',
      'Lena Berg: I run operations. Anders is our key account manager for Varnel.',
    ]);

  it('takes neither the client for the customer nor its place for the location', () => {
    const snapshot = call("Varnel Timber is our biggest client, they're based in Tromso.");
    expect(value(snapshot, 'company_name')).toBeNull();
    expect(value(snapshot, 'location')).toBeNull();
  });

  it('still takes an organisation the speaker says is theirs', () => {
    const snapshot = call("Well, here at Varnel we're based in Tromso.");
    expect(value(snapshot, 'company_name')).toBe('Varnel');
    expect(value(snapshot, 'location')).toBe('Tromso');
  });
});

describe('a description others believe or the speaker takes back is no industry', () => {
  const call = (description: string) =>
    customerCallSnapshotOf([
      'Felix Aune: Thanks for joining. This is for the customer story.',
      `Roisin Kehoe: ${description}`,
      'Felix Aune: How has the platform been working for you?',
      'Roisin Kehoe: Your platform runs every milk collection route now, and your support has been quick.',
      'Felix Aune: How many drivers use it?',
      'Roisin Kehoe: Forty drivers, every morning.',
    ]);

  it('takes the description the speaker holds', () => {
    expect(value(call("People think we're a software company because of the app, but we're not, we're a dairy cooperative."), 'industry')).toBe('Dairy cooperative');
  });

  it('still takes a description said plainly', () => {
    expect(value(call("We're a software company, and the app is our main product."), 'industry')).toBe('Software company');
  });
});

describe("the vendor's company in its longer form is no product", () => {
  const call = (usedLine: string) =>
    snapshotOf([
      "Mira Sand: Hi everyone, thanks for joining. I'm Mira, customer success at Tarnwick Analytics.",
      "Jonas Falk: Hi Mira. I've got Petra with me today.",
      'Mira Sand: Great to meet you Petra. Okay, agenda: the state of your rollout, then the case study.',
      'Jonas Falk: Going forward, Petra will be your main point of contact for Tarnwick.',
      'Mira Sand: Got it. How has Tarnwick Boards been working for your depot teams?',
      `Jonas Falk: ${usedLine}`,
      'Petra Lund: Halden Freight runs parcel depots, and the depot data was all spreadsheets.',
      "Jonas Falk: We're headquartered in Bergen, so that's where we started.",
    ]);

  it('names the product asked about, not the company where the vendor works', () => {
    expect(value(call("Your platform is the first thing the planners open now. We've been using it in all six depots."), 'product_name')).toBe('Tarnwick Boards');
  });

  it('still names the longer form when the customer uses it', () => {
    expect(value(call('Your platform is the first thing the planners open now. We use Tarnwick Analytics in all six depots.'), 'product_name')).toBe('Tarnwick Analytics');
  });
});

describe('the company under the name the call states in full, when it mostly says a short form', () => {
  const call = (statement: string) =>
    customerCallSnapshotOf([
      'Ines Calder: Thanks for joining. Can you tell me a bit about the company first?',
      `Tobias Wren: Sure. ${statement} We run five chilled depots for regional grocers.`,
      'Ines Calder: And how has your dock booking tool been going at Brightwater?',
      'Tobias Wren: Good. Every depot at Brightwater books its docks in your tool now.',
      'Tobias Wren: Brightwater had forty drivers waiting at the gate each morning before.',
      'Ines Calder: How many people at Brightwater use it?',
      'Tobias Wren: Thirty-two planners use it every day.',
    ]);

  it('shows the full name stated as what the customer is ("so we are X")', () => {
    expect(value(call("So we're Brightwater Cold Chain."), 'company_name')).toBe('Brightwater Cold Chain');
  });

  it('keeps the short form when the longer run is not the company stated ("the Brightwater Leeds depot")', () => {
    expect(value(call('The Brightwater Leeds depot is our biggest site.'), 'company_name')).toBe('Brightwater');
  });
});

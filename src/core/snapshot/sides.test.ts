/**
 * Who is the vendor and who the customer, from the titles people give and
 * the organisations they claim, each rule from both sides.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import type { Snapshot } from './types.js';

const sideOf = (snapshot: Snapshot, name: string) => snapshot.meeting.speakers.find((speaker) => speaker.name === name)?.role;

describe('sides from titles and claimed organisations', () => {
  it('puts whoever introduces themself with a vendor title on the vendor side, and their organisation with them', () => {
    const snapshot = snapshotOf([
      'Ola Berg: Thanks for joining. Can everyone see the deck?',
      "Ines Dahl: Yes. So I'm Ines Dahl, I'm the Director of Planning here at Fennick Marine Supply.",
      "Ola Berg: Great. And I'm Ola Berg, I'm the account director at Tarnwell. How is your rollout of Tarnwell Route going?",
      "Ines Dahl: Well. We've been using Tarnwell Route since March and our drivers like it.",
      'Ola Berg: Is anything on your roadmap wish list for us?',
      'Ines Dahl: Better exports in your product, please.',
    ]);
    expect(sideOf(snapshot, 'Ola Berg')).toBe('vendor');
    expect(sideOf(snapshot, 'Ines Dahl')).toBe('customer');
    expect(value(snapshot, 'company_name')).toBe('Fennick Marine Supply');
  });

  it('keeps a host who asks the questions on the customer side when another speaker claims the vendor', () => {
    const snapshot = snapshotOf([
      "Ruth Vane: I'm hosting today. I'm Ruth Vane, I run procurement here at Holm Quay Terminals, in Cork.",
      'Ruth Vane: What will the renewal cost us? Why should we stay on your platform?',
      "Sven Ask: I'm Sven Ask, the account director at Morrowline. Our platform saved your yard a lot last year.",
      'Ruth Vane: How do your other customers use the module? Can you send our contract terms?',
      'Sven Ask: Our customers typically add it in year two.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Holm Quay Terminals');
    expect(sideOf(snapshot, 'Ruth Vane')).toBe('customer');
    expect(sideOf(snapshot, 'Sven Ask')).toBe('vendor');
  });

  it('reads "I\'m the account director for X at Y": X is the customer, Y the vendor', () => {
    const snapshot = snapshotOf([
      "Per Lund: I'm Per Lund, I'm the account director for Baltwick Pay at Orrin. How is your integration going?",
      "Mia Holt: I'm Mia Holt, Head of Risk at Baltwick Pay. We went live on your API in May and our analysts like it.",
      'Per Lund: Great to hear. Our roadmap has more for your team.',
    ]);
    expect(value(snapshot, 'company_name')).toBe('Baltwick Pay');
    expect(sideOf(snapshot, 'Per Lund')).toBe('vendor');
  });

  it('puts a speaker introduced as "your customer success manager" on the vendor side, but not one merely thanked', () => {
    const snapshot = snapshotOf([
      "Tove Ring: I'm Tove Ring, I'm the account director at Morrowline. And Aino Salo is your customer success manager.",
      'Aino Salo: Hi all. I picked up your account in the summer.',
      "Lars Eid: Thanks, Aino. I'm Lars Eid, I run operations here at Holm Quay Terminals. We've been on your platform two years.",
      'Lars Eid: Our planners use your product every day.',
    ]);
    expect(sideOf(snapshot, 'Aino Salo')).toBe('vendor');
    expect(sideOf(snapshot, 'Lars Eid')).toBe('customer');
  });

  it('puts a speaker whom the customer introduces as "our customer success manager at X" at X, the vendor', () => {
    const lines = [
      'Dov Arden: Thanks both for making the time today.',
      "Hela Moor: I'm Hela Moor, Vice President of Claims at Orchard Mutual. Tam is our claims systems lead.",
      'Hela Moor: And Dov is our customer success manager at Quorvex.',
      "Tam Roe: To be clear, that outage wasn't Quorvex's fault, and Quorvex support fixed it the same day.",
      "Hela Moor: We've got Pellbrook Advisory doing an options assessment for us over the summer.",
      'Dov Arden: Understood. We will make sure Pellbrook has everything they need. How is your rollout going since go-live?',
      "Tam Roe: Well. We've been using it every day and your support has been quick.",
      'Hela Moor: I just want Quorvex to understand the size of what we are looking at.',
    ];
    const vendorLine = (snapshot: Snapshot) => /\*\*Vendor:\*\* (\w+)/.exec(snapshot.sections.map((section) => section.content).join('\n'))?.[1];
    const snapshot = snapshotOf(lines);
    expect(sideOf(snapshot, 'Dov Arden')).toBe('vendor');
    expect(vendorLine(snapshot)).toBe('Quorvex');
    expect(value(snapshot, 'company_name')).toBe('Orchard Mutual');
  });

  it('counts a first name in capitals after a full-name introduction as the same person', () => {
    const lines = [
      "Tove Ring: Thanks for doing this customer story. I'm Tove Ring, your account manager at Morrowline.",
      "Lars Eid: Happy to. I'm Lars Eid, Director of Fleet Operations at Holm Couriers.",
      'TOVE: Why did you choose your current routing tool?',
      "LARS: We've been using Morrowline Route since March, and our drivers like your product. Our dispatchers use it daily.",
      'LARS: The morning routing now takes twenty minutes. We rolled it out to every depot.',
      'TOVE: And who else uses it?',
      'LARS: Our planners, mostly.',
      'Ines Dahl: I joined late, sorry. I plan the routes with Lars.',
    ];
    const snapshot = snapshotOf(lines);
    expect(sideOf(snapshot, 'TOVE')).toBe('vendor');
    expect(sideOf(snapshot, 'LARS')).toBe('customer');
    expect(value(snapshot, 'primary_contact')).toBe('Lars Eid');
  });

  it('puts a speaker said to be "on from our side" with the one who says it, and leaves others named in passing alone', () => {
    const snapshot = snapshotOf([
      "Tove Ring: Morning. I'm Tove Ring, the account director at Morrowline, and Aino Salo is on from our side.",
      'Aino Salo: Hi all.',
      "Lars Eid: Hi. I'm Lars Eid, I run operations here at Holm Couriers. We've been on your platform two years.",
      'Lars Eid: Our planners use your product every day. Aino, good to see you.',
      'Aino Salo: Good to see you. How is the rollout to the new depot going?',
    ]);
    expect(sideOf(snapshot, 'Aino Salo')).toBe('vendor');
    expect(sideOf(snapshot, 'Lars Eid')).toBe('customer');
  });

  it('takes the organisation the vendor addresses ("over at X", "on the X side") as the customer, said once or not', () => {
    const over = snapshotOf([
      'Tove Ring: How are things going with Kiln Desk over at Brannock Collective?',
      "Lars Eid: Good. We've been using it since March and our team likes it.",
      'Tove Ring: Great. Exports are on our roadmap. Most of our customers ask for them.',
    ]);
    expect(value(over, 'company_name')).toBe('Brannock Collective');
    const side = snapshotOf([
      "Tove Ring: I'm Tove Ring, your account manager at Morrowline. And on the Fenwick Animal Partners side, Lars, do you want to start?",
      "Lars Eid: Sure. We've been on your platform since March and our clinics like it.",
      'Tove Ring: Great. Fenwick Animal Partners has been a good partner for our roadmap.',
    ]);
    expect(value(side, 'company_name')).toBe('Fenwick Animal Partners');
  });

  it('reads "X Alliance is a nonprofit" as the customer named, and "here at X Outfitters, and I\'m …" as an organisation, not a person', () => {
    const snapshot = snapshotOf([
      "Tove Ring: I'm Tove Ring, your account manager at Morrowline. Can you give me the short version of Calder Hope?",
      'Lars Eid: Sure. Calder Hope Alliance is a nonprofit in Exeter. We run food banks.',
      "Lars Eid: I'm Lars Eid, I'm the director here at Calder Hope, and I'm the sponsor on this. We've been on your platform two years.",
    ]);
    expect(value(snapshot, 'company_name')).toBe('Calder Hope');
    expect(value(snapshot, 'industry')).toBe('Nonprofit');
  });

  it('reads the place right after the customer\'s name and a colleague\'s title after "who\'s our", but not another organisation\'s place', () => {
    const lines = (place: string) => [
      `Ruth Vane: I'm Ruth Vane, I run procurement here at ${place}. With me is Lars Eid, who's our head of yard operations.`,
      'Sven Ask: Thanks. I\'m Sven Ask, the account director at Morrowline, in Dublin. How is your rollout going?',
      "Lars Eid: Well. We've been on your platform two years and I'm your main point of contact. Our planners use your product daily.",
    ];
    const snapshot = snapshotOf(lines('Holm Quay Terminals, in Cork'));
    expect(value(snapshot, 'location')).toBe('Cork');
    expect(value(snapshot, 'primary_contact')).toBe('Lars Eid');
    expect(value(snapshot, 'contact_position')).toBe('head of yard operations');
    expect(value(snapshotOf(lines('Holm Quay Terminals')), 'location')).toBeNull();
  });

  it("reads the industry from the customer's full name when the call mostly uses the short one", () => {
    const lines = (full: string) => [
      `Sven Ask: I'm Sven Ask, the account director at Morrowline. Thanks for having us at ${full}.`,
      "Lars Eid: I'm Lars Eid, I run staffing here at Calder Ridge. We've been on your platform two years.",
      'Lars Eid: Calder Ridge uses your product in every unit. Our nurses like it.',
      'Sven Ask: Great. Calder Ridge is one of our bigger customers on the roadmap board.',
    ];
    expect(value(snapshotOf(lines('Calder Ridge Health')), 'industry')).toBe('Healthcare');
    expect(value(snapshotOf(lines('Calder Ridge')), 'industry')).toBeNull();
  });
});

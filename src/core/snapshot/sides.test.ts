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

describe('the organisation a guest thanks for having them', () => {
  it('takes "thanks for having us at X", said once by the vendor, as the customer when nobody else names one', () => {
    const call = snapshotOf([
      "Sven Ask: I'm Sven Ask, your account manager at Morrowline. Thanks for having us at Tarnby Credit Union.",
      "Lars Eid: I'm Lars Eid, head of member services. We've been on your platform a year.",
      'Sven Ask: How is your rollout going? Our other credit unions usually see shorter queues.',
      'Lars Eid: Our 30 advisers use the console every day.',
    ]);
    expect(value(call, 'company_name')).toBe('Tarnby Credit Union');
    expect(sideOf(call, 'Sven Ask')).toBe('vendor');
  });
});

describe('sides from how each speaker talks about the others', () => {
  it('puts a consultant who says "we were the implementation partner" on the vendor side', () => {
    const lines = (claim: string) => [
      "Mara Quist: Morning all. I'm Mara Quist, the customer success director at Holloway Systems.",
      "Edda Lom: I'm Edda Lom, Head of Finance at Brannigan Mills, and I owned the rollout on our side.",
      `Piet Sorel: Piet Sorel from Tarvik Consulting. ${claim}`,
      'Piet Sorel: The design phase ran until the summer and the cutover was at Easter.',
      'Edda Lom: Our planners use your product every day now.',
      'Mara Quist: Good to hear. How is your team finding the new reports?',
    ];
    expect(sideOf(snapshotOf(lines('We were the implementation partner, and I was the engagement lead.')), 'Piet Sorel')).toBe('vendor');
    expect(sideOf(snapshotOf(lines('I was the engagement lead on the Tarvik side.')), 'Piet Sorel')).not.toBe('vendor');
  });

  it('gives "I\'m here with Oskar Hale, Director of Logistics at X" to Oskar, not to the interviewer, who runs customer marketing', () => {
    const snapshot = snapshotOf([
      'Lena Voss: Thanks for doing this. Today I\'m here with Oskar Hale, Director of Logistics at Corbel Freight. Oskar, thanks for making the time.',
      'Oskar Hale: Happy to. We run forty trucks out of two depots.',
      'Lena Voss: Take me back to before Pellwick. What was the problem?',
      'Oskar Hale: Paper route sheets. Then we went with Pellwick, and our drivers took to your app quickly. We rolled it out to both depots.',
      "Lena Voss: I'm Lena, I run customer marketing at Pellwick, so I love hearing that. What changed for the dispatchers?",
      'Oskar Hale: Routing now takes twenty minutes. It used to take two hours.',
    ]);
    expect(sideOf(snapshot, 'Lena Voss')).toBe('vendor');
    expect(sideOf(snapshot, 'Oskar Hale')).toBe('customer');
    expect(value(snapshot, 'company_name')).toBe('Corbel Freight');
  });

  it('puts the speaker who says "across our school customers, they typically see …" on the vendor side, but not one who speaks of "our clients"', () => {
    const snapshot = snapshotOf([
      "Nell Barrow: Hi all. I'm Nell Barrow, Head of Admissions at Fairlight College.",
      "Ivo Strand: Hi Nell. I've just taken over as your customer success manager at Quillmark.",
      'Jory Pike: Thanks both. I want to hear the concerns first.',
      'Nell Barrow: The timetable export still breaks every Monday. About a third of our clients at the evening campus complain.',
      'Jory Pike: I will say, across our school customers, they typically see absences drop by ten percent.',
      "Nell Barrow: That's your brochure, Jory. That's not us.",
    ]);
    expect(sideOf(snapshot, 'Jory Pike')).toBe('vendor');
    expect(sideOf(snapshot, 'Nell Barrow')).toBe('customer');
  });

  it('puts a speaker another calls "your main partner on the account" on the vendor side', () => {
    const snapshot = snapshotOf([
      'Runa Falk: Hi Cato, good morning.',
      "Cato Brisk: Morning, Runa. Yes, loud and clear.",
      "Runa Falk: Great. Cato, this is Ivar, he's our solutions consultant.",
      "Ivar Holm: Hi. I'm Ivar Holm, a solutions consultant here at Tannery Labs. I'll be your go-to on configuration. Runa stays your main partner on the account.",
      "Cato Brisk: Good to meet you. I'm Cato Brisk, Director of Operations here at Selby Dairies.",
      'Runa Falk: So since go-live you have logged 900 intake runs.',
    ]);
    expect(sideOf(snapshot, 'Runa Falk')).toBe('vendor');
    expect(sideOf(snapshot, 'Cato Brisk')).toBe('customer');
  });
});

describe('speaker labels with a courtesy title', () => {
  const CALL = [
    "Pia Lund: Hi all, I'm Pia Lund, I'm the customer success manager for Tidemark here at Orrel.",
    'Dr. Ilse Quennell: Ilse Quennell, deputy dean for student services at Kessock College. Tomas is with me.',
    'Tomas Berg: Hi, Tomas Berg, admissions manager.',
    'Pia Lund: So this is our yearly review of Tidemark. How many staff use Tidemark now?',
    'Tomas Berg: Thirty advisers use Tidemark every day. Before Tidemark we booked appointments by e-mail.',
    'Dr. Ilse Quennell: Please send the case study draft to iquennell@kessock.example.',
  ];

  it('reads "Ilse Quennell, deputy dean at X" said by "Dr. Ilse Quennell" as her own introduction: X is the customer, she the contact', () => {
    const snapshot = snapshotOf(CALL);
    expect(value(snapshot, 'company_name')).toBe('Kessock College');
    expect(value(snapshot, 'primary_contact')).toBe('Dr. Ilse Quennell');
    expect(value(snapshot, 'contact_position')).toBe('deputy dean');
  });

  it('reads "Hi, Tomas Berg, admissions manager." as Tomas introducing himself with his title', () => {
    const snapshot = snapshotOf(CALL);
    expect(snapshot.meeting.speakers.find((speaker) => speaker.name === 'Tomas Berg')?.role).toBe('customer');
    expect(snapshot.sections.find((section) => section.slug === 'engagement_details')?.content).toContain('Tomas Berg (admissions manager)');
  });
});

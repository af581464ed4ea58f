/**
 * What each section says, judged as a case-study writer would: an invented
 * call (a dental group and its scheduling vendor) where every statement kind
 * the ranker knows has a look-alike nearby, so each rule can be seen to matter.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf } from '../../../test/support/plain-call.js';
import { isSmallTalk } from './statements.js';
import type { Snapshot } from './types.js';

const CALL = [
  'Nadia Brooks: Hi Tom, hi Priya, thanks for making the time today.',
  "Tom Alvarez: Of course. I know it's a busy one for you too, with the budget season and everything.",
  "Nadia Brooks: I've got a hard stop at the top of the hour, by the way.",
  'Tom Alvarez: No problem at all.',
  'Nadia Brooks: Can you tell me a bit about the business and your role?',
  "Tom Alvarez: Sure. I'm Tom Alvarez, operations director at Oakhollow Dental Group, and my office is at the head office in Fresno.",
  "Priya Shah: I'm Priya Shah, I manage the front desk teams, my title is patient access lead.",
  'Priya Shah: Our company name changed when the two founding practices merged, and my email address changed with it.',
  'Priya Shah: The business was founded as a family practice, and the founders are still the owners.',
  'Nadia Brooks: What got you looking at Chairline in the first place?',
  'Tom Alvarez: After the ransomware outage in March 2023, we lost three days of bookings and started looking for something hosted.',
  'Priya Shah: Before that, every clinic kept its own paper diary, and the front desk did everything by phone.',
  'Priya Shah: Honestly it was a mess, the problem was nobody could see the whole week, and it was hard to move patients.',
  "Tom Alvarez: Our old system was slow, previously we used spreadsheets for the rota, and the legacy tool couldn't handle two sites.",
  'Tom Alvarez: The biggest challenge was recalls, the team did them manually, by hand, with paper forms.',
  'Tom Alvarez: Scheduling used to be a manual struggle, and we had no visibility across clinics.',
  "Priya Shah: Our previous vendor's tool was a mess, it was hard to report on anything, and it didn't work offline.",
  "Tom Alvarez: We struggled with double bookings, it was a real pain, and the old process didn't work for part-time dentists.",
  'Nadia Brooks: How many patients come through?',
  'Tom Alvarez: We run twelve clinics across the valley, with about 340 staff.',
  'Nadia Brooks: Who did the installs?',
  'Tom Alvarez: Your partner Quillfield Systems did the installs and the data migration for us.',
  'Nadia Brooks: How did the rollout go?',
  'Tom Alvarez: We rolled out Chairline to four pilot clinics first, then to the rest over the summer.',
  'Tom Alvarez: The platform is configured so each clinic keeps its own templates.',
  'Nadia Brooks: How has it gone since go-live?',
  'Tom Alvarez: No-shows dropped from 14 percent to 6 percent in the first year.',
  'Tom Alvarez: Recall bookings went up 30 percent, and online bookings rose from 10 to 45 percent.',
  'Priya Shah: Phone calls to the front desk fell by 40 percent.',
  'Priya Shah: Dentist utilisation improved from 71 to 83 percent.',
  'Tom Alvarez: Same-day appointments went from 20 to 60 a week.',
  'Priya Shah: Patient satisfaction improved from 4.1 to 4.8 out of 5.',
  'Tom Alvarez: Waitlist fills went up from 15 percent to 70 percent.',
  'Priya Shah: Confirmation latency is about 85 seconds at the slowest clinic, and double bookings are close to zero.',
  'Tom Alvarez: Before go-live, the error rate on patient records was 9 percent.',
  'Priya Shah: The front desk team says the new screens are much easier, they love it.',
  'Nadia Brooks: And on the money side?',
  'Tom Alvarez: The licence is $40,000 a year, and we pay $2,000 a month for the texting add-on.',
  'Tom Alvarez: Each no-show used to cost us about $180 in chair time.',
  'Tom Alvarez: The hardware refresh cost $25,000, out of the IT budget.',
  'Priya Shah: The texting credits cost $600 a month across all clinics.',
  "Tom Alvarez: Honestly, we haven't measured the savings yet, it's too early to tell.",
  'Priya Shah: We spend $12,000 a year on reminder postcards.',
  'Tom Alvarez: Our phone bill was $1,100 a month before, most of it on reminder calls.',
  'Priya Shah: Card fees run about $300 a month at each clinic.',
  'Tom Alvarez: A recall visit brings in about $240 for the practice.',
  'Priya Shah: Every empty chair hour is roughly $400 of lost production.',
  'Tom Alvarez: Our front desk overtime budget is $90,000, the same as last year.',
  'Nadia Brooks: What comes next?',
  'Tom Alvarez: The renewal has to go to our board, and the board votes on it in September.',
  'Tom Alvarez: Long term, we want to grow into a bigger network, and the vision is one schedule across every site.',
  "Priya Shah: In the future we'd like to expand the self-service booking to every clinic.",
  "Tom Alvarez: Eventually we're looking at scaling the recall campaigns across the network.",
  'Priya Shah: Going forward, the roadmap has broader reporting, which is the bigger picture for us.',
  "Priya Shah: Down the road we're thinking about a wider rollout to the hygienists, which is the long-term vision.",
  'Tom Alvarez: Scaling to the new clinics we acquire is the long-term plan, across the whole organisation.',
  "Priya Shah: Eventually we want the waitlist to be self-service for patients, that's the future vision.",
  'Priya Shah: Our bigger vision is a broader self-service experience for patients.',
  'Tom Alvarez: Long-term, we see it expanding across the wider dental network.',
  "Priya Shah: In the future, we'd love it to scale to the specialists.",
  "Tom Alvarez: Next year we want to roll it out to the orthodontics side, that's the next phase.",
  'Priya Shah: We want to move the orthodontists onto the Chairline imaging module as well.',
  'Nadia Brooks: Is anything getting in the way?',
  'Priya Shah: The reminder texts are fixed-ish, there are still a couple of weird ones with the Spanish templates.',
  'Nadia Brooks: Any advice for other practices?',
  "Priya Shah: Start with the front desk, they make or break it, I'd recommend that to anyone.",
  "Nadia Brooks: Great, I'll see you on the call next week.",
  'Tom Alvarez: Sounds good, take care.',
];

const snapshot = customerCallSnapshotOf(CALL);
const sectionText = (found: Snapshot, slug: string) => found.sections.find((section) => section.slug === slug)!.content;

/** A depot operator's call: two results, amounts that are no savings, and savings nobody has measured, asked about by `question`. */
const depotCall = (question: string) =>
  customerCallSnapshotOf([
    'Lena Ortega: Raj, Dora, remind me when Dockwise went live at Harlow Freight?',
    'Raj Mehta: We kicked off on 3 March 2025 and went live at all six depots on 2 June 2025, with a two-week pilot before that.',
    'Lena Ortega: How have the first two quarters gone for the depots?',
    'Raj Mehta: Pickups now take 12 minutes instead of 30 minutes at the dock.',
    'Dora Finch: Late loads went down from 9 percent to 3 percent.',
    question,
    "Raj Mehta: Honestly, we haven't measured the savings yet, it's too early to tell.",
    'Dora Finch: Freight runs about $45,000 a month across the depots.',
    'Raj Mehta: The handhelds cost us $8,000 a month to lease.',
    'Dora Finch: Fuel is around $30,000 a month for the yard trucks.',
    'Raj Mehta: Each missed pickup costs about $500 in penalties.',
    'Dora Finch: Our insurer charges $6,000 a month for the yard.',
    'Raj Mehta: Overtime at the docks runs about $12,000 a month.',
  ]);

/** A bakery chain's money: one saving, costs, and a stock reduction its CFO calls working capital, not savings. */
const bakeries = customerCallSnapshotOf([
  'Keir Dunmore: Oona, shall we go through the money side of Doughline at Pelham Bakeries?',
  'Oona Fitch: Sure. We save $220,000 a year on flour waste now.',
  'Keir Dunmore: Our list price is $70,000 for a chain your size. And what does it cost you?',
  'Oona Fitch: The licence is $60,000 a year for all nine bakeries.',
  'Keir Dunmore: Anything up front?',
  'Oona Fitch: The scales and tablets cost $35,000 up front, and the consultant days came to $18,000 in the first quarter.',
  'Keir Dunmore: What about stock?',
  'Oona Fitch: Ingredient stock went down by $400,000 between January and June. But that is working capital, not savings, so keep it apart in the story.',
  'Keir Dunmore: Other costs you watch?',
  'Oona Fitch: Our overtime budget is $75,000, the same as last year. Energy runs about $9,000 a month per bakery.',
  'Keir Dunmore: And flour?',
  'Oona Fitch: Flour itself costs us $1.2 million a year.',
  'Keir Dunmore: And delivery?',
  'Oona Fitch: The delivery vans cost $14,000 a month to lease.',
  'Keir Dunmore: What is the headline for the story?',
  'Oona Fitch: To sum up, we save $220,000 a year on flour waste.',
]);

describe('small talk', () => {
  it('knows thanks, busy-week talk, the line, how long the call runs, acknowledgements and goodbyes', () => {
    for (const said of [
      'Angela, thanks for making the time.',
      "I know this week's been, um, I know it's a busy one.",
      'Can you hear me okay?',
      "If you hear a forklift, that's just us.",
      "I've got a hard stop at the top of the hour.",
      'No problem at all.',
      'Fair enough.',
      "Great, I'll see you on the call next week.",
      'Have a good weekend.',
    ])
      expect(isSmallTalk(said), said).toBe(true);
  });

  it('leaves alone what only looks like it', () => {
    for (const said of [
      'We have one system for every plant now.',
      'The problem was nobody could see the whole week.',
      'Thanks to the new rota, nobody works a double shift.',
      'The busy season starts in November and we hire forty temps.',
      'We talk to the carriers every morning.',
    ])
      expect(isSmallTalk(said), said).toBe(false);
  });
});

describe('what the sections say', () => {
  it('leaves thanks, busy-week talk, the next call and goodbyes out of every section', () => {
    const everything = snapshot.sections.map((section) => section.content).join('\n');
    expect(everything).not.toMatch(/making the time|busy one|hard stop|no problem|see you on the call|take care/i);
  });

  it('tells how big the customer is by the places it runs, not by a pilot', () => {
    expect(sectionText(snapshot, 'customer_information')).toContain('twelve clinics');
    expect(sectionText(snapshot, 'customer_information')).not.toContain('four pilot clinics');
  });

  it('does not take a pilot or a later wave for the size of the customer', () => {
    const rollout = customerCallSnapshotOf([
      'Omar Reid: Thanks for joining, Gwen. Could you introduce yourself?',
      "Gwen Tallis: I'm Gwen Tallis, practice manager at Marrow Vets, a veterinary group headquartered in Leeds.",
      'Omar Reid: How did the rollout of Tidepath start?',
      'Gwen Tallis: We started with four pilot clinics in May, then added the other nineteen clinics in two waves.',
      'Omar Reid: And the front desks took to it?',
      'Gwen Tallis: They did, bookings by phone fell from 70 percent to 35 percent.',
    ]);
    expect(sectionText(rollout, 'customer_information')).not.toContain('clinics');
  });

  it('takes "based" for where the customer is only in "based in", not in "cloud-based"', () => {
    const couriers = customerCallSnapshotOf([
      'Ines Vale: Thanks for joining, Aaron. Could you describe the company for readers who do not know Brackenfield?',
      'Aaron Pike: Sure. Brackenfield Couriers is a parcel carrier, headquartered in Halifax.',
      'Ines Vale: How big is the team?',
      'Aaron Pike: We have about 900 drivers and a family ownership, second generation.',
      "Aaron Pike: I'm the operations director, my title changed last year.",
      'Ines Vale: And the depots?',
      'Aaron Pike: We had people in all eleven depots testing the scanners in the first week.',
      'Ines Vale: What was it like before Routemill?',
      'Aaron Pike: Before, dispatch ran on whiteboards and phone calls, and nobody could see where a van was.',
      'Aaron Pike: Drivers waited at the gate for their manifests every morning, sometimes forty minutes.',
      'Ines Vale: How did the rollout go?',
      'Aaron Pike: We started in March with the scanners, then the route planner in May.',
      'Aaron Pike: The trainers spent two days in each depot with the night shift.',
      'Ines Vale: And results?',
      'Aaron Pike: Deliveries per driver went from 80 to 104 a day.',
      'Aaron Pike: Missed pickups dropped from 6 percent to 2 percent.',
      'Aaron Pike: Fuel spend fell by $310,000 a year.',
      'Ines Vale: What else would you like to see?',
      'Aaron Pike: The proof-of-delivery photos, and better reports for the customer service desk.',
      'Aaron Pike: The cloud-based dispatch board that our office saw in the Routemill demo.',
      'Aaron Pike: Our drivers like the app, honestly, even the ones who hated phones.',
      'Ines Vale: Thanks, Aaron, this was great.',
    ]);
    expect(sectionText(couriers, 'customer_information')).toContain('all eleven depots');
    expect(sectionText(couriers, 'customer_information')).not.toContain('cloud-based');
  });

  it('opens the background with the event that set the project off', () => {
    expect(sectionText(snapshot, 'background')).toContain('ransomware outage');
  });

  it('names the partner who did the installs in the solution', () => {
    expect(sectionText(snapshot, 'solution')).toContain('Quillfield Systems did the installs');
  });

  it('leaves a module the customer only wants to move onto out of the solution', () => {
    expect(sectionText(snapshot, 'solution')).not.toContain('imaging module');
  });

  it('reports a quality measure with its figure as a result, and what it was before as background', () => {
    expect(sectionText(snapshot, 'results_achievements')).toContain('latency is about 85 seconds');
    expect(sectionText(snapshot, 'background')).toContain('error rate on patient records was 9 percent');
    expect(sectionText(snapshot, 'results_achievements')).not.toContain('error rate on patient records was');
  });

  it('says under financial impact that the savings were not measured, ahead of amounts that are no savings', () => {
    expect(sectionText(depotCall('Lena Ortega: Anything else before we move on?'), 'financial_impact')).toContain("haven't measured the savings");
  });

  it('never shows that the savings were not measured as a result, even when asked for results', () => {
    const depots = depotCall('Lena Ortega: Any results you can share on the money side?');
    expect(sectionText(depots, 'results_achievements')).not.toContain("haven't measured");
    expect(sectionText(depots, 'financial_impact')).toContain("haven't measured the savings");
  });

  it('tells under financial impact what kind of money a figure is', () => {
    expect(sectionText(bakeries, 'financial_impact')).toContain('working capital, not savings');
  });

  it('does not repeat a saving the field lines already show', () => {
    for (const slug of ['results_achievements', 'financial_impact']) {
      expect(sectionText(bakeries, slug)).toContain('$220,000 per year');
      expect(sectionText(bakeries, slug)).not.toContain('To sum up');
    }
  });

  it('keeps an issue that is only half fixed for the additional commentary', () => {
    expect(sectionText(snapshot, 'additional_commentary')).toContain('fixed-ish');
  });

  it('tells what went wrong and why the date slipped, whichever side says it', () => {
    const slipped = customerCallSnapshotOf([
      'Marta Quinn: Welcome, Idris, Bea. Shall we start with the timeline of the Floodgate rollout at Cobalt Water?',
      'Idris Kane: We kicked off on 12 February 2024 with three reservoirs, and the plan was to be live by 1 July 2024.',
      'Bea Lund: In May we ran the first meter import, and the customer account data was in a far messier state than we had expected.',
      'Idris Kane: We went live on 30 September 2024 in the end, with the pumping stations a week later.',
      'Bea Lund: The crews are very happy with the tablets, and the dispatchers love the new map.',
      'Idris Kane: The training took two weeks per depot, and we had a weekly steering call on Tuesdays.',
      'Bea Lund: The field team appreciate the offline mode, and the feedback has been great.',
      'Idris Kane: Leak call-outs now take 40 minutes instead of 3 hours.',
      'Marta Quinn: Anything you would do differently?',
      'Bea Lund: We would clean the account records before the import, not during it.',
    ]);
    const told = `${sectionText(slipped, 'engagement_details')}\n${sectionText(slipped, 'additional_commentary')}`;
    expect(told).toContain('far messier state than we had expected');
  });

  it('keeps the open renewal and who votes on it for the long-term outlook', () => {
    expect(sectionText(snapshot, 'long_term_impact')).toContain('the board votes on it in September');
  });
});

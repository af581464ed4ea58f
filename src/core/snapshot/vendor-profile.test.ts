/**
 * The vendor profile (`vendor` option): who the user works for decides the
 * sides, the vendor's names are never the customer, its products are the
 * product candidates and its addresses are no contact e-mail.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf as snapshotWith } from '../../../test/support/plain-call.js';
import type { Snapshot } from './types.js';

const sideOf = (snapshot: Snapshot, name: string) => snapshot.meeting.speakers.find((speaker) => speaker.name === name)?.role;

/** Both people talk like customers of each other; only the profile says who sells. */
const CALL = [
  "Ada Fenn: I'm Ada Fenn from Tarnwell. How is your team finding it since the rollout?",
  "Rui Osei: I'm Rui Osei at Marrow Tiles. We've been on Kiln Desk since March and our planners use your product daily.",
  'Ada Fenn: Great. Our roadmap adds exports in June. Kiln Desk gets a new dashboard too.',
  'Rui Osei: Good. You can reach me at rui.osei@marrow.example.',
  'Ada Fenn: And me at ada.fenn@tarnwell.example for anything on your account.',
];

describe('the vendor profile', () => {
  it('puts the speaker who introduces themself from the vendor on its side, and never names the vendor as the customer', () => {
    const snapshot = snapshotWith(CALL, { company: 'Tarnwell', products: ['Kiln Desk'], domains: ['tarnwell.example'] });
    expect(sideOf(snapshot, 'Ada Fenn')).toBe('vendor');
    expect(sideOf(snapshot, 'Rui Osei')).toBe('customer');
    expect(snapshot.fields.company_name.value).toBe('Marrow Tiles');
    expect(snapshot.fields.product_name.value).toBe('Kiln Desk');
    expect(snapshot.fields.contact_email.value).toBe('rui.osei@marrow.example');
  });

  it('names every one of the vendor\'s products the customer uses, and only those', () => {
    const twoProducts = [...CALL, 'Rui Osei: Our buyers also use Glaze Planner every morning for the orders.'];
    const profile = { company: 'Tarnwell', products: ['Kiln Desk', 'Glaze Planner', 'Ember Reports'], domains: ['tarnwell.example'] };
    expect(snapshotWith(twoProducts, profile).fields.product_name.value).toBe('Kiln Desk and Glaze Planner');
    expect(snapshotWith(CALL, profile).fields.product_name.value).toBe('Kiln Desk');
  });

  it('finds a product of the vendor\'s name by its short name ("Tarnwell Sieve" said as "Sieve"), and "the X API" as a product cue', () => {
    const call = [
      CALL[0]!,
      CALL[1]!,
      'Ada Fenn: So the integration of the Tarnwell Sieve API started in May.',
      'Rui Osei: Sieve catches the bad orders now. Sieve flagged forty last week.',
    ];
    expect(snapshotWith(call, { company: 'Tarnwell', products: ['Tarnwell Sieve'] }).fields.product_name.value).toBe('Tarnwell Sieve');
  });

  it('never takes the vendor or an alias as the customer, even when the call leans that way', () => {
    const snapshot = snapshotWith(CALL, { company: 'Marrow', aliases: ['Marrow Tiles'], domains: ['marrow.example'] });
    expect(snapshot.fields.company_name.value).not.toBe('Marrow Tiles');
    expect(sideOf(snapshot, 'Rui Osei')).toBe('vendor');
  });

  it('does not state a profile product said once without a cue, but offers it with that reason', () => {
    const snapshot = snapshotWith(
      [
        "Ada Fenn: I'm Ada Fenn from Tarnwell, your account manager. How is your rollout going?",
        "Rui Osei: I'm Rui Osei at Marrow Tiles. Our planners like your product, and we've been using it since March.",
        'Ada Fenn: Great. By the way, Glaze Sync is coming.',
      ],
      { company: 'Tarnwell', products: ['Glaze Sync'] },
    );
    expect(snapshot.fields.product_name).toMatchObject({ value: null, alternatives: [{ value: 'Glaze Sync', reason: 'said once, no product cue' }] });
  });
});

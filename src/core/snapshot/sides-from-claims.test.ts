/**
 * Two customer speakers and no captions: an address of one's own on an
 * organisation's domain and "<own name> from X" are claims of X, so speakers
 * who claim one organisation share a side.
 */

import { describe, expect, it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
import type { Snapshot } from './types.js';

const sideOf = (snapshot: Snapshot, name: string) => snapshot.meeting.speakers.find((speaker) => speaker.name === name)?.role;

const CALL = [
  'Odalys Ferreira: Hi both, Odalys from Brindlemoor. Who do we have today?',
  'Odalys Ferreira: This is for the customer story, so thanks again for doing it.',
  'Kwame Boateng: Happy to. Your platform has been a big part of our rollout.',
  "Saoirse Quint: Saoirse Quint, I'm the COO at Fenwright Bakeries. I'm the primary contact for this.",
  "Kwame Boateng: And I'm Kwame, production planner. I'm in Brindlemoor Batch all day, planning all four ovens.",
];

describe('sides from the organisations speakers claim', () => {
  it("puts a speaker who gives their own address on an organisation's domain beside the colleague who works there", () => {
    const call = snapshotOf([...CALL, 'Kwame Boateng: Send the data pulls to me at kwame.boateng@fenwrightbakeries.com, I check them before Saoirse sees anything.']);
    expect(sideOf(call, 'Saoirse Quint')).toBe('customer');
    expect(sideOf(call, 'Kwame Boateng')).toBe('customer');
    expect(sideOf(call, 'Odalys Ferreira')).toBe('vendor');
    expect(value(call, 'company_name')).toBe('Fenwright Bakeries');
    expect(value(call, 'primary_contact')).toBe('Saoirse Quint');
  });

  it("keeps an address on another organisation's domain from claiming the customer", () => {
    const call = snapshotOf([...CALL, 'Odalys Ferreira: Any questions, send them to me at odalys@brindlemoor.com.']);
    expect(sideOf(call, 'Odalys Ferreira')).toBe('vendor');
    expect(sideOf(call, 'Kwame Boateng')).toBe('customer');
  });
});

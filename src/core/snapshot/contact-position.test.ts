/**
 * The contact's title when the vendor first says only where they are from:
 * "Marta from X" tells the organisation, the title comes later.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

describe("the contact's position", () => {
  it('takes a title said after the vendor introduced the contact only as "from" the organisation', () => {
    const call = customerCallSnapshotOf([
      "Jonas Ekberg: Welcome. I'm here with Marta Sokol from Larkhill Dental Group, and this is for the customer story.",
      'Marta Sokol: Happy to. Your platform has been a big part of our rollout.',
      "Marta Sokol: Hi. I'm the clinic operations coordinator. We have nine dental practices in Ohio.",
    ]);
    expect(value(call, 'contact_position')).toBe('clinic operations coordinator');
    const titled = customerCallSnapshotOf([
      "Jonas Ekberg: Welcome. I'm here with Marta Sokol, Head of Operations at Larkhill Dental Group, and this is for the customer story.",
      'Marta Sokol: Happy to. Your platform has been a big part of our rollout.',
      "Marta Sokol: Hi. I'm the one who pushed for the switch.",
    ]);
    expect(value(titled, 'contact_position')).toBe('Head of Operations');
  });
});

/**
 * When the customer names someone else as the contact, the speaker who does
 * is not it: the person named is, with the title said for them, whether they
 * speak on the call or not.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';

const OPENING = [
  'Rhea Castellanos: Good afternoon, Tobias, and thanks for bringing Anneke along. This is for the customer story.',
  'Tobias Grunwald: Happy to. Your platform has been a big part of our rollout.',
];

describe('a contact the customer names', () => {
  it('takes the colleague a speaker hands the contact to, not the speaker', () => {
    for (const handOff of [
      "Tobias Grunwald: I'm the Director of Member Services at Quillfield Credit Union, and I'll give you the overview, but Anneke is going to be the main point of contact from here on.",
      "Tobias Grunwald: I'm the Director of Member Services at Quillfield Credit Union. Please put Anneke Mulder down as our main contact.",
    ]) {
      const call = customerCallSnapshotOf([
        ...OPENING,
        handOff,
        'Anneke Mulder: Hello everyone.',
        'Rhea Castellanos: Tobias, what changed for the branches?',
        'Tobias Grunwald: Queues at the counter are shorter, and the tellers finally trust the numbers. The board asked us to present it at the annual meeting, which says a lot about how it went.',
        'Anneke Mulder: And I am the reporting analyst, so send the monthly figures my way.',
      ]);
      expect(value(call, 'primary_contact'), handOff).toBe('Anneke Mulder');
      expect(value(call, 'contact_position'), handOff).toBe('reporting analyst');
    }
    const self = customerCallSnapshotOf([
      ...OPENING,
      "Tobias Grunwald: I'm the Director of Member Services at Quillfield Credit Union, and I'll be the main point of contact, with Anneke helping on reports.",
      'Anneke Mulder: Hello everyone.',
    ]);
    expect(value(self, 'primary_contact')).toBe('Tobias Grunwald');
  });

  it('takes the person named in answer to "who should we list as the contact?", even when absent', () => {
    const call = customerCallSnapshotOf([
      'Rhea Castellanos: Thanks for the call, Tobias. For the story, who should we list as the company contact?',
      'Tobias Grunwald: Happy to help. Your platform has been a big part of our rollout.',
      'Tobias Grunwald: You can list Marisol Okonkwo, our COO. She approved the budget and wants to be the one quoted. Her email is marisol.okonkwo@quillfieldcu.org.',
      'Rhea Castellanos: Noted. And you run the branches?',
      "Tobias Grunwald: I'm the branch operations lead, yes, at Quillfield Credit Union.",
    ]);
    expect(value(call, 'primary_contact')).toBe('Marisol Okonkwo');
    expect(value(call, 'contact_position')).toBe('COO');
    expect(value(call, 'contact_email')).toBe('marisol.okonkwo@quillfieldcu.org');
    const mentioned = customerCallSnapshotOf([
      'Rhea Castellanos: Thanks for the call, Tobias. How did the rollout go?',
      'Tobias Grunwald: Happy to help. Your platform has been a big part of our rollout.',
      'Tobias Grunwald: Marisol Okonkwo, our COO, approved the budget. I ran the branch side.',
      "Tobias Grunwald: I'm the branch operations lead at Quillfield Credit Union.",
    ]);
    expect(value(mentioned, 'primary_contact')).toBe('Tobias Grunwald');
  });
});

/** The type checks every field value passes before it may compete, each shown from both sides. */

import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../test/support/plain-call.js';
import { checkFieldValue } from './field-check.js';

const ok = { ok: true };
const refused = (reason: RegExp) => ({ ok: false, reason: expect.stringMatching(reason) });

describe('checkFieldValue', () => {
  it('takes a full name as the contact, never a speaker label, a first name alone or one in capitals', () => {
    expect(checkFieldValue('primary_contact', 'Nadia Brook')).toEqual(ok);
    expect(checkFieldValue('primary_contact', 'Dr. Nora Vance')).toEqual(ok);
    expect(checkFieldValue('primary_contact', 'Pieter de Wit')).toEqual(ok);
    expect(checkFieldValue('primary_contact', "Aoife O'Rourke")).toEqual(ok);
    expect(checkFieldValue('primary_contact', 'Luca D’Amato')).toEqual(ok);
    expect(checkFieldValue('primary_contact', "O'")).not.toEqual(ok);
    expect(checkFieldValue('primary_contact', 'Grad B')).toEqual(refused(/speaker label/));
    expect(checkFieldValue('primary_contact', 'Professor D')).toEqual(refused(/speaker label/));
    expect(checkFieldValue('primary_contact', 'Speaker 2')).toEqual(refused(/speaker label/));
    expect(checkFieldValue('primary_contact', 'Project Manager')).toEqual(refused(/speaker label/));
    expect(checkFieldValue('primary_contact', 'User Interface')).toEqual(refused(/speaker label/));
    expect(checkFieldValue('primary_contact', 'NADIA')).toEqual(refused(/first name alone/));
    expect(checkFieldValue('primary_contact', 'NADIA BROOK')).toEqual(refused(/person/));
  });

  it('takes an organisation as the company, never a place, an event, a common word, a filler or the vendor', () => {
    const context = { places: new Set(['Calgary']), vocabulary: new Set(['teaching']), vendorNames: ['Fernway Software'], firstNames: new Set(['Nadia']) };
    expect(checkFieldValue('company_name', 'Marrow Tiles', context)).toEqual(ok);
    expect(checkFieldValue('company_name', 'Calgary', context)).toEqual(refused(/place/));
    expect(checkFieldValue('company_name', 'Lantern Night', context)).toEqual(refused(/event/));
    expect(checkFieldValue('company_name', 'Teaching', context)).toEqual(refused(/common word/));
    expect(checkFieldValue('company_name', 'Mm-hmm', context)).toEqual(refused(/interjection/));
    expect(checkFieldValue('company_name', 'Fernway', context)).toEqual(refused(/vendor/));
    expect(checkFieldValue('company_name', 'Fernway Software', context)).toEqual(refused(/vendor/));
    expect(checkFieldValue('company_name', 'Nadia', context)).toEqual(refused(/first name/));
    expect(checkFieldValue('company_name', 'Teaching and Learning', context)).toEqual(refused(/department/));
    expect(checkFieldValue('company_name', 'Totally', context)).toEqual(refused(/interjection/));
    expect(checkFieldValue('company_name', 'Learning Tree Academy', context)).toEqual(ok);
  });

  it('takes a name as the product, never a sound, a letter, a first name, a language, a day or a plural noun', () => {
    const context = { firstNames: new Set(['Adam']), customerName: 'Marrow Tiles' };
    expect(checkFieldValue('product_name', 'Brookdesk Inbox', context)).toEqual(ok);
    expect(checkFieldValue('product_name', 'Mm-hmm', context)).toEqual(refused(/interjection/));
    expect(checkFieldValue('product_name', 'Ah', context)).toEqual(refused(/interjection/));
    expect(checkFieldValue('product_name', 'V', context)).toEqual(refused(/letter or code/));
    expect(checkFieldValue('product_name', 'Adam', context)).toEqual(refused(/first name/));
    expect(checkFieldValue('product_name', 'German', context)).toEqual(refused(/language/));
    expect(checkFieldValue('product_name', 'SKUs', context)).toEqual(refused(/plural/));
    expect(checkFieldValue('product_name', 'Marrow Tiles', context)).toEqual(refused(/customer/));
    expect(checkFieldValue('product_name', 'Cyber Monday', context)).toEqual(refused(/a day/));
    expect(checkFieldValue('product_name', 'Sunday Rota', context)).toEqual(ok);
  });

  it('takes a title and an industry as phrases of their own, not sentence fragments or figures', () => {
    expect(checkFieldValue('contact_position', 'Head of Yard Operations')).toEqual(ok);
    expect(checkFieldValue('contact_position', 'I lead')).toEqual(refused(/fragment/));
    expect(checkFieldValue('contact_position', 'IT director')).toEqual(ok);
    expect(checkFieldValue('contact_position', 'it was great')).toEqual(refused(/fragment/));
    expect(checkFieldValue('industry', 'Outdoor retail')).toEqual(ok);
    expect(checkFieldValue('industry', 'The place operator')).toEqual(refused(/fragment/));
    expect(checkFieldValue('industry', 'Over $1 billion')).toEqual(refused(/fragment|figure/));
    expect(checkFieldValue('industry', 'Public')).toEqual(refused(/size or ownership/));
    expect(checkFieldValue('industry', 'Nonprofit')).toEqual(ok);
  });

  it("takes an address as the e-mail, but not the vendor's", () => {
    expect(checkFieldValue('contact_email', 'nadia.brook@marrow.example', { vendorDomains: ['fernway.example'] })).toEqual(ok);
    expect(checkFieldValue('contact_email', 'ops@fernway.example', { vendorDomains: ['fernway.example'] })).toEqual(refused(/vendor/));
    expect(checkFieldValue('contact_email', 'not an address')).toEqual(refused(/e-mail/));
  });

  it('leaves figures and dates to their schemas', () => {
    expect(checkFieldValue('user_count', 38)).toEqual(ok);
    expect(checkFieldValue('start_date', '2025-03-01')).toEqual(ok);
  });
});

describe('abstention', () => {
  it('keeps a value it is not sure of as an alternative of the missing field, with the reason', () => {
    const snapshot = snapshotOf([
      'Ada Fenn (Account Manager): Who should I list as your contact?',
      "Rui Osei (Customer): I'm Rui Osei, planning lead. Our team runs it daily.",
      "Lia Marsh (Customer): I'm Lia Marsh, planning lead. Our team runs it daily.",
    ]);
    expect(snapshot.fields.primary_contact).toMatchObject({ value: null, missing: true });
    expect(snapshot.fields.primary_contact.alternatives?.[0]?.reason).toMatch(/^tied with (?:Rui Osei|Lia Marsh); below confidence threshold 0\.5$/);
  });

  it('states the value when one candidate clearly leads', () => {
    const snapshot = snapshotOf([
      'Ada Fenn (Account Manager): Who should I list as your contact?',
      "Rui Osei (Customer): I'm Rui Osei, planning lead, and I'm your main point of contact. Our team runs it daily.",
      "Lia Marsh (Customer): I'm Lia Marsh, operations lead. Our staff like it too.",
    ]);
    expect(snapshot.fields.primary_contact.value).toBe('Rui Osei');
  });
});

/**
 * E-mail addresses said aloud, from both sides: dotted local parts and
 * domains said in several words are read; "at" in ordinary speech, spelled
 * letters and version numbers are not addresses. In a snapshot the address
 * is the contact's only when said by or for the contact.
 */

import { describe, expect, it } from 'vitest';
import { customerCallSnapshotOf, value } from '../../../test/support/plain-call.js';
import { findSpokenAddresses } from './spoken-addresses.js';

const addresses = (text: string) => findSpokenAddresses(text).map((found) => found.address);

describe('spoken e-mail addresses', () => {
  it('reads a dotted local part and a domain said in two words', () => {
    expect(addresses("It's nora dot quill at birch lane dot example. Birch lane is one word.")).toEqual(['nora.quill@birchlane.example']);
    expect(addresses('So ivo underscore marsh at fenwick dot co dot uk, got it.')).toEqual(['ivo_marsh@fenwick.co.uk']);
  });

  it('reads a one-word local part only when the sentence is about an address', () => {
    expect(addresses("Could you copy me on that? It's just teo at fenwick dot example.")).toEqual(['teo@fenwick.example']);
    expect(addresses('The team at fenwick dot example did well.')).toEqual([]);
  });

  it('finds no address in ordinary talk of places, versions or spelled words', () => {
    expect(addresses("We're at version two dot five now, it's fine.")).toEqual([]);
    expect(addresses("I'm at the depot today, it's the one at Leeds.")).toEqual([]);
    expect(addresses("It's e porter, P-O-R-T-E-R, at lakeside dot example.")).toEqual([]);
  });

  it('joins an initial said before the local part ("m quill" is mquill), but never an article or "I"', () => {
    expect(addresses('Got it, M quill at birch lane dot example.')).toEqual(['mquill@birchlane.example']);
    expect(addresses("It's j dot ross at fenwick dot example.")).toEqual(['j.ross@fenwick.example']);
    expect(addresses('He was a porter at birch lane dot example for years.')).toEqual([]);
  });

  it("takes the contact's address read back after it was spelled", () => {
    const call = customerCallSnapshotOf([
      'Ada Fenn: Thanks for joining. Who should I send the summary to?',
      "Nora Quill: Send it to me. I'm Nora Quill, operations director at Birch Lane Foods.",
      "Nora Quill: It's n quill, so the letter N and then Quill, Q-U-I-L-L, at birch lane foods dot example.",
      'Ada Fenn: N quill at birch lane foods dot example.',
      'Nora Quill: That is it.',
    ]);
    expect(value(call, 'contact_email')).toBe('nquill@birchlanefoods.example');
  });

  it("gives the contact's spoken address as the contact e-mail, not a colleague's", () => {
    const call = customerCallSnapshotOf([
      'Ada Fenn: Thanks for joining. Who should I send the summary to?',
      "Nora Quill: Send it to me. I'm Nora Quill, operations director at Birch Lane Foods.",
      "Nora Quill: It's nora dot quill at birch lane foods dot example.",
      "Teo Marsh: Could you copy me on that? It's just teo at birch lane foods dot example.",
    ]);
    expect(value(call, 'primary_contact')).toBe('Nora Quill');
    expect(value(call, 'contact_email')).toBe('nora.quill@birchlanefoods.example');
  });
});

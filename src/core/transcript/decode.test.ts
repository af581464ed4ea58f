import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes } from './decode.js';
import { errorOf } from '../../../test/support/errors.js';

const MB = 1024 * 1024;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);


describe('decodeTranscriptBytes', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeTranscriptBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('WEBVTT é')]), MB)).toBe('WEBVTT é');
  });

  it('refuses files over the cap, saying the cap in MB', () => {
    const error = errorOf(() => decodeTranscriptBytes(new Uint8Array(2 * MB + 1), 2 * MB));
    expect(error.code).toBe('TRANSCRIPT_TOO_LARGE');
    expect(error.message).toContain('2 MB');
  });

  it('refuses binary content with NUL bytes', () => {
    expect(errorOf(() => decodeTranscriptBytes(new Uint8Array([0x57, 0x00, 0x45]), MB)).code).toBe('TRANSCRIPT_NOT_TEXT');
  });

  it('refuses content that is mostly control characters', () => {
    const noise = new Uint8Array(200).map((_, i) => (i % 2 === 0 ? 0x01 : 0x41));
    expect(errorOf(() => decodeTranscriptBytes(noise, MB)).code).toBe('TRANSCRIPT_NOT_TEXT');
  });

  it('refuses invalid UTF-8 such as Latin-1 text', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
    const error = errorOf(() => decodeTranscriptBytes(latin1, MB));
    expect(error.code).toBe('TRANSCRIPT_NOT_TEXT');
    expect(error.message).toContain('UTF-8');
  });
});

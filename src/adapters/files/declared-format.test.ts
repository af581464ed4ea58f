import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/support/errors.js';
import { assertDeclaredFormat } from './declared-format.js';

describe('assertDeclaredFormat', () => {
  it('accepts files that open the way their extension promises', () => {
    expect(() => assertDeclaredFormat('\ufeffWEBVTT - Zoom\n\n00:01.000 --> 00:02.000\nhi', 'vtt')).not.toThrow();
    expect(() => assertDeclaredFormat('\n\nWEBVTT\n', 'vtt')).not.toThrow();
    expect(() => assertDeclaredFormat('1\n00:00:01,000 --> 00:00:02,000\nhi', 'srt')).not.toThrow();
    expect(() => assertDeclaredFormat('00:00:01,000 --> 00:00:02,000\nhi', 'srt')).not.toThrow();
    expect(() => assertDeclaredFormat('one unbroken word', 'txt')).not.toThrow();
  });

  it('leaves a file with no content to the parser (TRANSCRIPT_EMPTY)', () => {
    expect(() => assertDeclaredFormat(' \n\t\n', 'vtt')).not.toThrow();
  });

  it('refuses a .vtt without the WEBVTT header, naming the line and what was expected', () => {
    const error = errorOf(() => assertDeclaredFormat('a'.repeat(100_000), 'vtt'));
    expect(error).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 1 });
    expect(error.message).toContain('"WEBVTT" header');
    expect(error.message).not.toContain('aaaa');
    expect(errorOf(() => assertDeclaredFormat('\nWEBVTTX\n', 'vtt')).line).toBe(2);
  });

  it('refuses a .srt that opens with neither a cue number nor a timing', () => {
    const error = errorOf(() => assertDeclaredFormat('Ann Lee: hello\nBo Chan: hi', 'srt'));
    expect(error).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 1 });
    expect(error.message).toContain('a cue number or a timing');
    expect(errorOf(() => assertDeclaredFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nhi', 'srt')).code).toBe('TRANSCRIPT_MALFORMED');
  });
});

/**
 * Hostile transcript contents: what a client may paste as `content`, or what a
 * file may hold. Each case names the code it must get (null: it loads, maybe
 * with warnings). Used by the MCP end-to-end hostile-input test.
 */

import type { ErrorCode } from '../../src/core/errors.js';

export interface HostileContentCase {
  name: string;
  /** A string is sent as `content`; bytes are written to a .vtt file and loaded by path. */
  input: string | Uint8Array;
  expectedCode: ErrorCode | null;
  /** For cases that load: a warning code the result must carry. */
  expectedWarning?: string;
}

const TEN_MB = 10 * 1024 * 1024;
const cue = (start: string, end: string, text: string) => `${start} --> ${end}\n${text}\n\n`;

export function hostileContentCases(): HostileContentCase[] {
  const nested = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<b>'.repeat(100_000)}Ann Lee: deep${'</b>'.repeat(100_000)}\n`;
  const unclosed = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<c.x'.repeat(50_000)} text\n`;
  const oversized = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'a'.repeat(TEN_MB)}\n`;
  const oneWord = 'a'.repeat(5 * 1024 * 1024);
  const hugeLine = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn Lee: ${'word '.repeat(1_000_000)}\n`;
  const mostlyMalformed = `WEBVTT\n\n${'00:00:xx --> nope\nbroken\n\n'.repeat(5)}${cue('00:00:01.000', '00:00:02.000', 'Ann Lee: fine')}`;
  const backwards = `WEBVTT\n\n${cue('00:00:10.000', '00:00:12.000', 'Ann Lee: second')}${cue('00:00:01.000', '00:00:02.000', 'Bo Chan: first')}`;
  const endBeforeStart = `WEBVTT\n\n${cue('00:00:10.000', '00:00:05.000', 'Ann Lee: time runs back')}${cue('00:00:11.000', '00:00:12.000', 'Bo Chan: ok')}`;
  return [
    { name: 'empty content', input: '', expectedCode: 'TRANSCRIPT_EMPTY' },
    { name: 'whitespace only', input: ' \n\t\r\n  ', expectedCode: 'TRANSCRIPT_EMPTY' },
    { name: 'WEBVTT header only', input: 'WEBVTT\n', expectedCode: 'TRANSCRIPT_EMPTY' },
    { name: 'WEBVTT with only NOTE and STYLE blocks', input: 'WEBVTT\n\nNOTE nothing said\n\nSTYLE\n::cue { color: red }\n', expectedCode: 'TRANSCRIPT_EMPTY' },
    { name: 'NUL bytes in pasted text', input: 'Ann Lee: hi\u0000\u0000\u0000 there', expectedCode: 'TRANSCRIPT_NOT_TEXT' },
    { name: 'JSON document', input: '{"meeting": "x", "lines": [1, 2, 3]}', expectedCode: 'UNSUPPORTED_FORMAT' },
    { name: 'HTML page', input: '<!DOCTYPE html><html><head><title>x</title></head><body><p>hello</p></body></html>', expectedCode: 'UNSUPPORTED_FORMAT' },
    { name: 'most cues malformed', input: mostlyMalformed, expectedCode: 'TRANSCRIPT_MALFORMED' },
    { name: 'content one byte over 10 MB', input: oversized, expectedCode: 'TRANSCRIPT_TOO_LARGE' },
    { name: '100,000 nested tags', input: nested, expectedCode: null },
    { name: '50,000 unclosed tags', input: unclosed, expectedCode: null },
    { name: 'one 5 MB line', input: hugeLine, expectedCode: null },
    { name: 'timestamps running backwards', input: backwards, expectedCode: null, expectedWarning: 'TIMESTAMP_BACKWARDS' },
    { name: 'cue ending before it starts', input: endBeforeStart, expectedCode: null, expectedWarning: 'CUE_END_BEFORE_START' },
    { name: 'control and invisible characters', input: 'Ann Lee: pay\u200b now\u202e\u0007 please\nBo Chan: ok\u2066', expectedCode: null, expectedWarning: 'TEXT_SANITIZED' },
    { name: 'script tag in a cue', input: `WEBVTT\n\n${cue('00:00:01.000', '00:00:02.000', 'Ann Lee: <script>alert(1)</script> hello')}`, expectedCode: null },
    { name: 'binary file (PNG header)', input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), expectedCode: 'TRANSCRIPT_NOT_TEXT' },
    { name: 'invalid UTF-8 bytes', input: new Uint8Array([...Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn: caf'), 0xc3, 0x28, 0x0a]), expectedCode: 'TRANSCRIPT_NOT_TEXT' },
    { name: 'UTF-16 file', input: new Uint8Array(Buffer.from('\ufeffWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn: hi\n', 'utf16le')), expectedCode: 'TRANSCRIPT_NOT_TEXT' },
    { name: 'empty file', input: new Uint8Array(0), expectedCode: 'TRANSCRIPT_EMPTY' },
    // A .vtt name binds: content of another format is refused, while the same text pasted loads as plain text.
    { name: '.vtt file of one unbroken 5 MB word', input: new Uint8Array(Buffer.from(oneWord)), expectedCode: 'TRANSCRIPT_MALFORMED' },
    { name: 'one unbroken 5 MB word pasted', input: oneWord, expectedCode: null },
    { name: '.vtt file holding SubRip cues', input: new Uint8Array(Buffer.from(`1\n${cue('00:00:01,000', '00:00:02,000', 'Ann Lee: hello')}`)), expectedCode: 'TRANSCRIPT_MALFORMED' },
  ];
}

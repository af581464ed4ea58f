import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { errorOf } from '../../../test/support/errors.js';


const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi';
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHi\n';
const HEADERLESS_DOTS = '1\n00:00:01.000 --> 00:00:02.000\nHi\n';

describe('detectFormat', () => {
  it('recognises each format from content', () => {
    expect(detectFormat(VTT)).toBe('vtt');
    expect(detectFormat(`\ufeff${VTT}`)).toBe('vtt');
    expect(detectFormat(`\n\n${VTT}`)).toBe('vtt');
    expect(detectFormat(SRT)).toBe('srt');
    expect(detectFormat('Ana Ruiz: Hello.\nKwame Mensah: Hi.')).toBe('txt');
    expect(detectFormat('[00:01] Ana Ruiz: Hello.')).toBe('txt');
    expect(detectFormat('Just some notes from the call, nothing else.')).toBe('txt');
  });

  it('trusts content over a contradicting hint', () => {
    expect(detectFormat(VTT, 'txt')).toBe('vtt');
    expect(detectFormat(SRT, 'vtt')).toBe('srt');
    expect(detectFormat('Ana Ruiz: Hello.', 'srt')).toBe('txt');
  });

  it('lets the hint break the tie for headerless blocks with dotted times', () => {
    expect(detectFormat(HEADERLESS_DOTS)).toBe('srt');
    expect(detectFormat(HEADERLESS_DOTS, 'srt')).toBe('srt');
    expect(detectFormat(HEADERLESS_DOTS, 'vtt')).toBe('vtt');
  });

  it.each([
    ['JSON object', '{"cues": []}', 'JSON'],
    ['JSON array', '[{"start": 1}]', 'JSON'],
    ['HTML', '<!DOCTYPE html><html><body>Hi</body></html>', 'HTML'],
    ['XML captions', '<?xml version="1.0"?><tt></tt>', 'XML'],
    ['RTF', '{\\rtf1\\ansi Hello}', 'RTF'],
    ['CSV', 'start,end,speaker,text\n1.0,2.0,Ana,Hello\n2.0,3.0,Kwame,Hi\n', 'CSV'],
    ['TSV', 'start\tspeaker\ttext\n1.0\tAna\tHello\n', 'TSV'],
  ])('refuses %s as UNSUPPORTED_FORMAT', (_kind, text, named) => {
    const error = errorOf(() => detectFormat(text, 'txt'));
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain(named);
  });

  it('does not mistake prose with commas for CSV', () => {
    expect(detectFormat('Ana Ruiz: Yes, we have 40 seats, 3 regions, and 2 admins.\nKwame Mensah: Great, thanks, noted, bye.')).toBe('txt');
    expect(detectFormat('Thanks, everyone, for joining today.\nWell, let us start, then, shall we.\nOk.')).toBe('txt');
  });

  it('does not mistake an SRT timing line for a CSV header', () => {
    // Without cue numbers, `00:00:01,000 --> 00:00:02,000` splits into three comma cells.
    const unnumbered = '00:00:01,000 --> 00:00:02,000\nAna Ruiz: Yes, well, fine.\n\n00:00:03,000 --> 00:00:04,000\nKwame Mensah: Good.\n';
    expect(detectFormat(unnumbered, 'srt')).toBe('srt');
  });

  it('refuses an empty or blank text as TRANSCRIPT_EMPTY at line 1', () => {
    expect(errorOf(() => detectFormat(' \n\t\n'))).toMatchObject({ code: 'TRANSCRIPT_EMPTY', line: 1 });
  });
});

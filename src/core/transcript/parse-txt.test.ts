import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseTxt } from './parse-txt.js';

const summary = (text: string): Array<[string | null, number | null, number | null, string]> =>
  parseTxt(text).cues.map((cue) => [cue.speaker, cue.startMs, cue.endMs, cue.text]);

describe('parseTxt', () => {
  it('reads Name: text lines without stamps, keeping order and null times', () => {
    const parsed = parseTxt('Élodie Tremblay: Bonjour Sam.\nSam Okoye: Hello Élodie.\nÉlodie Tremblay: Shall we start?\n');
    expect(parsed.format).toBe('txt');
    expect(parsed.cues).toEqual([
      { index: 0, startMs: null, endMs: null, speaker: 'Élodie Tremblay', text: 'Bonjour Sam.', line: 1 },
      { index: 1, startMs: null, endMs: null, speaker: 'Sam Okoye', text: 'Hello Élodie.', line: 2 },
      { index: 2, startMs: null, endMs: null, speaker: 'Élodie Tremblay', text: 'Shall we start?', line: 3 },
    ]);
    expect(parsed.speakers).toEqual([
      { name: 'Élodie Tremblay', role: null },
      { name: 'Sam Okoye', role: null },
    ]);
  });

  it('joins continuation lines, including label-like ones, to the previous cue', () => {
    expect(summary('Ana Ruiz: First part.\nsecond part.\n\nAgenda: pricing next.\nKwame Mensah: Reply.\nKwame Mensah: More.')).toEqual([
      ['Ana Ruiz', null, null, 'First part. second part. Agenda: pricing next.'],
      ['Kwame Mensah', null, null, 'Reply.'],
      ['Kwame Mensah', null, null, 'More.'],
    ]);
  });

  it('reads [hh:mm:ss], [mm:ss] and (mm:ss) stamps before the name, ending each cue at the next stamp', () => {
    expect(summary('[00:00:05] Ana Ruiz: Hi.\n[00:09] Kwame Mensah: Hello.\n(01:02) Ana Ruiz: Next.')).toEqual([
      ['Ana Ruiz', 5000, 9000, 'Hi.'],
      ['Kwame Mensah', 9000, 62000, 'Hello.'],
      ['Ana Ruiz', 62000, 62000, 'Next.'],
    ]);
  });

  it('reads a stamp after the name', () => {
    expect(summary('Ana Ruiz [00:00:05]: Hi.\nKwame Mensah (00:12): Hello.\nAna Ruiz (Customer) [00:20]: Bye.')).toEqual([
      ['Ana Ruiz', 5000, 12000, 'Hi.'],
      ['Kwame Mensah', 12000, 20000, 'Hello.'],
      ['Ana Ruiz', 20000, 20000, 'Bye.'],
    ]);
    expect(parseTxt('Ana Ruiz (Customer) [00:20]: Bye.\nAna Ruiz: More.').speakers).toEqual([{ name: 'Ana Ruiz', role: 'Customer' }]);
  });

  it('reads Otter-style "Name  0:01" headers with the words below', () => {
    expect(summary('Ana Ruiz  0:01\nHello there, welcome.\n\nKwame Mensah  0:07\nThanks for having me.\nIt is great.\n')).toEqual([
      ['Ana Ruiz', 1000, 7000, 'Hello there, welcome.'],
      ['Kwame Mensah', 7000, 7000, 'Thanks for having me. It is great.'],
    ]);
  });

  it('treats a stamped line without a name as a new cue of the same speaker', () => {
    expect(summary('[00:01] Ana Ruiz: One.\n[00:04] Still me.\n[00:08] Kwame Mensah: Two.')).toEqual([
      ['Ana Ruiz', 1000, 4000, 'One.'],
      ['Ana Ruiz', 4000, 8000, 'Still me.'],
      ['Kwame Mensah', 8000, 8000, 'Two.'],
    ]);
  });

  it('dates the next cue from a stamp on a line of its own', () => {
    expect(summary('Ana Ruiz: Hi.\n[00:30]\nKwame Mensah: Hello.')).toEqual([
      ['Ana Ruiz', null, null, 'Hi.'],
      ['Kwame Mensah', 30_000, 30_000, 'Hello.'],
    ]);
  });

  it('does not read "10:30 works" as a stamp', () => {
    expect(summary('Ana Ruiz: When?\n10:30 works for me.\nKwame Mensah: Great.')).toEqual([
      ['Ana Ruiz', null, null, 'When? 10:30 works for me.'],
      ['Kwame Mensah', null, null, 'Great.'],
    ]);
  });

  it('keeps text before the first speaker as a cue without speaker', () => {
    expect(summary('Quarterly review\nAna Ruiz: Hi.\nAna Ruiz: Bye.')[0]).toEqual([null, null, null, 'Quarterly review']);
  });

  it('warns about stamps that go backwards', () => {
    const parsed = parseTxt('[00:10] Ana Ruiz: One.\n[00:05] Ana Ruiz: Two.');
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'TIMESTAMP_BACKWARDS', line: 2 })]);
  });

  it('removes invisible characters and reports them once', () => {
    const parsed = parseTxt('Ana\u200b Ruiz: Hi\u202e there.\nAna Ruiz: Again\u0007.');
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Ana Ruiz', 'Hi there.'],
      ['Ana Ruiz', 'Again.'],
    ]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'TEXT_SANITIZED', message: expect.stringContaining('3 invisible') })]);
  });

  it('refuses a file with nothing to read', () => {
    let error: unknown;
    try {
      parseTxt('\n \u200b\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TRANSCRIPT_EMPTY', line: 1 });
  });
});

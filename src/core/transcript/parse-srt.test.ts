import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseSrt } from './parse-srt.js';

function codeAndLine(fn: () => unknown): [string, number | undefined] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return [error.code, error.line];
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseSrt', () => {
  it('reads numbered blocks with comma milliseconds and speaker prefixes', () => {
    const parsed = parseSrt(
      [
        '1',
        '00:00:01,000 --> 00:00:04,000',
        'Gloria Stanton: Hello, everyone.',
        '',
        '2',
        '00:00:04,500 --> 00:00:06,250',
        'Kevin Liu: <i>Hi Gloria.</i>',
        '',
        '3',
        '01:00:00,000 --> 01:00:02,000',
        'Gloria Stanton: <font color="#ffffff">Let us</font>',
        'begin.',
      ].join('\n'),
    );
    expect(parsed.format).toBe('srt');
    expect(parsed.cues).toEqual([
      { index: 0, startMs: 1000, endMs: 4000, speaker: 'Gloria Stanton', text: 'Hello, everyone.', line: 2 },
      { index: 1, startMs: 4500, endMs: 6250, speaker: 'Kevin Liu', text: 'Hi Gloria.', line: 6 },
      { index: 2, startMs: 3_600_000, endMs: 3_602_000, speaker: 'Gloria Stanton', text: 'Let us begin.', line: 10 },
    ]);
  });

  it('lets an unlabelled cue continue the speaker before it when the file labels its cues', () => {
    const parsed = parseSrt(
      [
        '1\n00:00:01,000 --> 00:00:04,000\nGloria Stanton: Thanks both for making the time.',
        '2\n00:00:04,500 --> 00:00:07,000\nI know June is a busy month for you.',
        '3\n00:00:07,500 --> 00:00:09,000\nKevin Liu: Happy to.',
        '4\n00:00:09,500 --> 00:00:11,000\nWe have an hour.',
      ].join('\n\n'),
    );
    expect(parsed.cues.map((cue) => cue.speaker)).toEqual(['Gloria Stanton', 'Gloria Stanton', 'Kevin Liu', 'Kevin Liu']);
    expect(parsed.speakers.map((speaker) => speaker.name)).toEqual(['Gloria Stanton', 'Kevin Liu']);
  });

  it('keeps unlabelled files unlabelled, and a rare stray label does not spread', () => {
    const plain = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nOne line.\n\n2\n00:00:03,000 --> 00:00:04,000\nAnother line.\n');
    expect(plain.cues.map((cue) => cue.speaker)).toEqual([null, null]);
    const lines = ['Gloria Stanton: Hello.', 'The film begins.', 'Rain falls.', 'A door opens.', 'Someone laughs.'];
    const blocks = [...lines, ...lines].map((text, index) => `${index + 1}\n00:00:${10 + index},000 --> 00:00:${10 + index},900\n${text}`);
    const speakers = parseSrt(blocks.join('\n\n')).cues.map((cue) => cue.speaker);
    expect(speakers.filter((speaker) => speaker !== null)).toEqual(['Gloria Stanton', 'Gloria Stanton']);
  });

  it('removes ASS override tags such as {\\an8}', () => {
    const parsed = parseSrt('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}{\\i1}Top of the screen{\\i0}\n');
    expect(parsed.cues[0]?.text).toBe('Top of the screen');
  });

  it('accepts dotted milliseconds and CRLF files', () => {
    const parsed = parseSrt('1\r\n00:00:01.500 --> 00:00:02.000\r\nDots\r\n');
    expect(parsed.cues[0]).toMatchObject({ startMs: 1500, text: 'Dots' });
  });

  it('separates blocks that lack the blank line, taking the number line as the next id', () => {
    const parsed = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n');
    expect(parsed.cues.map((cue) => [cue.text, cue.line])).toEqual([
      ['One', 2],
      ['Two', 5],
    ]);
  });

  it('skips a malformed block with a warning and refuses a file of mostly bad blocks', () => {
    const parsed = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nGood\n\n2\n00:00:0x,000 --> 00:00:04,000\nBad\n\n3\n00:00:05,000 --> 00:00:06,000\nGood\n');
    expect(parsed.cues).toHaveLength(2);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CUE_MALFORMED', line: 6 })]);
    expect(codeAndLine(() => parseSrt('Just a paragraph of prose.\nAnother line.\n\nAnd more.\n'))).toEqual(['TRANSCRIPT_MALFORMED', 1]);
  });

  it('refuses a file with no cue text', () => {
    expect(codeAndLine(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\n\n'))).toEqual(['TRANSCRIPT_EMPTY', 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseVtt } from './parse-vtt.js';
import { errorOf as thrown } from '../../../test/support/errors.js';


const vtt = (...lines: string[]): string => lines.join('\n');

describe('parseVtt: file structure', () => {
  it('reads cues with hours, ids, settings and multi-line text', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '1',
        '00:00:01.000 --> 00:00:04.500 align:start position:10%',
        'First line',
        'second line',
        '',
        '01:02:03.004 --> 01:02:05.000',
        'Later',
      ),
    );
    expect(parsed.format).toBe('vtt');
    expect(parsed.cues).toEqual([
      { index: 0, startMs: 1000, endMs: 4500, speaker: null, text: 'First line second line', line: 4 },
      { index: 1, startMs: 3723004, endMs: 3725000, speaker: null, text: 'Later', line: 8 },
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('accepts mm:ss.ttt timestamps without hours', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', '00:01.250 --> 01:05.000', 'Short stamps'));
    expect(parsed.cues[0]).toMatchObject({ startMs: 1250, endMs: 65000 });
  });

  it('handles a BOM, CRLF and lone CR line breaks with correct line numbers', () => {
    const crlf = '\ufeffWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nOne\r\n\r\n00:00:03.000 --> 00:00:04.000\r\nTwo\r\n';
    expect(parseVtt(crlf).cues.map((cue) => [cue.text, cue.line])).toEqual([
      ['One', 3],
      ['Two', 6],
    ]);
    const cr = 'WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rOne';
    expect(parseVtt(cr).cues[0]).toMatchObject({ text: 'One', line: 3 });
  });

  it('tolerates blank lines before the signature, still counting them', () => {
    expect(parseVtt('\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi').cues[0]).toMatchObject({ text: 'Hi', line: 5 });
  });

  it('splits a role off a voice name', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<v Ana Ruiz (Guest)>Hello.'));
    expect(parsed.cues[0]?.speaker).toBe('Ana Ruiz');
    expect(parsed.speakers).toEqual([{ name: 'Ana Ruiz', role: 'Guest' }]);
  });

  it('allows text after WEBVTT and header metadata lines', () => {
    const parsed = parseVtt(vtt('WEBVTT - Quarterly review', 'Kind: captions', 'Language: en', '', '00:00:01.000 --> 00:00:02.000', 'Hello'));
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Hello']);
  });

  it('skips NOTE, STYLE and REGION blocks', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        'REGION',
        'id:fred width:40%',
        '',
        'STYLE',
        '::cue { color: lime }',
        '',
        'NOTE this is a comment',
        'spanning two lines',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'Spoken words',
        '',
        'NOTE',
        'a note between cues',
      ),
    );
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Spoken words']);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads Teams GUID cue identifiers', () => {
    const parsed = parseVtt(
      vtt('WEBVTT', '', '3f2a9c1e-5b7d-4e2a-9c1f-8d3b2a1e4f6c/12-0', '00:00:05.120 --> 00:00:07.000', '<v Ana Ruiz>Hello.</v>'),
    );
    expect(parsed.cues[0]).toMatchObject({ speaker: 'Ana Ruiz', text: 'Hello.', startMs: 5120 });
  });

  it('starts a new cue at a timing line even without a blank line before it', () => {
    const parsed = parseVtt(
      vtt('WEBVTT', '', '1', '00:00:01.000 --> 00:00:02.000', 'One', '2', '00:00:03.000 --> 00:00:04.000', 'Two'),
    );
    expect(parsed.cues.map((cue) => [cue.text, cue.line])).toEqual([
      ['One', 4],
      ['Two', 7],
    ]);
  });

  it('tolerates whitespace-only separator lines and trailing blank lines', () => {
    const parsed = parseVtt('WEBVTT\n \n00:00:01.000 --> 00:00:02.000\nOne\n\t\n00:00:03.000 --> 00:00:04.000\nTwo\n\n\n');
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['One', 'Two']);
  });
});

describe('parseVtt: cue text', () => {
  const cueText = (text: string): { speaker: string | null; text: string } => {
    const cue = parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', text)).cues[0];
    return { speaker: cue?.speaker ?? null, text: cue?.text ?? '' };
  };

  it('takes the speaker from <v Name> and <v.class Name>, with or without </v>', () => {
    expect(cueText('<v Ana Ruiz>Hi there</v>')).toEqual({ speaker: 'Ana Ruiz', text: 'Hi there' });
    expect(cueText('<v.loud.first Ana Ruiz>Hi there')).toEqual({ speaker: 'Ana Ruiz', text: 'Hi there' });
    expect(cueText('<v\tKwame Mensah>Tabs work too')).toEqual({ speaker: 'Kwame Mensah', text: 'Tabs work too' });
  });

  it('removes every other tag, including inline timestamps and ruby', () => {
    expect(cueText('<c.yellow.bg_blue>Colour</c> <i>it</i> <b>bold</b> <u>under</u> <lang en-GB>colour</lang>')).toEqual({
      speaker: null,
      text: 'Colour it bold under colour',
    });
    expect(cueText('<ruby>漢<rt>kan</rt></ruby> one <00:00:01.500>two <00:00:01.900>three')).toEqual({
      speaker: null,
      text: '漢kan one two three',
    });
  });

  it('decodes named and numeric character references', () => {
    expect(cueText('R&amp;D &lt;5% &gt;3% it&#39;s &#x27;quoted&#x27; a&nbsp;b').text).toBe("R&D <5% >3% it's 'quoted' a b");
  });

  it('removes the marks &lrm; and &rlm; decode to and reports them', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'left&lrm;right&rlm;'));
    expect(parsed.cues[0]?.text).toBe('leftright');
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'TEXT_SANITIZED', message: expect.stringContaining('2 invisible') })]);
  });

  it('keeps a < that does not open a tag, and an unknown reference, as text', () => {
    expect(cueText('revenue <5% and margin > 3% &unknown; & more').text).toBe('revenue <5% and margin > 3% &unknown; & more');
  });

  it('survives 100,000 nested tags in one cue without recursion', () => {
    const depth = 100_000;
    const nested = `${'<b><i>'.repeat(depth)}deep${'</i></b>'.repeat(depth)}`;
    expect(cueText(`<v Ana Ruiz>${nested}`)).toEqual({ speaker: 'Ana Ruiz', text: 'deep' });
  });

  it('stays linear on many < and & without closers', () => {
    const text = `${'<a'.repeat(50_000)} ${'&x'.repeat(50_000)}`;
    expect(cueText(text).text.length).toBeGreaterThan(100_000);
  });

  it('lets a voice tag win over a Name: prefix', () => {
    expect(cueText('<v Ana Ruiz>Kwame Mensah: said hello')).toEqual({ speaker: 'Ana Ruiz', text: 'Kwame Mensah: said hello' });
  });
});

describe('parseVtt: damaged files', () => {
  it('refuses text without the WEBVTT header, naming line 1', () => {
    const error = thrown(() => parseVtt('00:00:01.000 --> 00:00:02.000\nHello'));
    expect(error).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 1 });
    expect(error.message).toContain('WEBVTT');
  });

  it('names the last line, not one past the end, when the text is only blank lines', () => {
    expect(thrown(() => parseVtt('  '))).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 1 });
    expect(thrown(() => parseVtt('\n\n  '))).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 3 });
  });

  it('does not take WEBVTTX as a signature', () => {
    expect(thrown(() => parseVtt('WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHi')).code).toBe('TRANSCRIPT_MALFORMED');
  });

  it('refuses a header without cues as empty', () => {
    expect(thrown(() => parseVtt('WEBVTT\n\nNOTE nothing here\n'))).toMatchObject({ code: 'TRANSCRIPT_EMPTY' });
    expect(thrown(() => parseVtt('WEBVTT'))).toMatchObject({ code: 'TRANSCRIPT_EMPTY', line: 2 });
  });

  it('refuses cues that are all empty after cleaning', () => {
    expect(thrown(() => parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<i></i>&lrm;'))).code).toBe('TRANSCRIPT_EMPTY');
  });

  it('skips a minority of malformed cues with a warning naming the line', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'Good one',
        '',
        '00:00:03.000 -> 00:00:04.000',
        'Bad arrow',
        '',
        '00:00:05.000 --> 00:00:06.000',
        'Good two',
        '',
        '00:00:07.000 --> 00:61:00.000',
        'Bad minutes',
        '',
        '00:00:09.000 --> 00:00:10.000',
        'Good three',
      ),
    );
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Good one', 'Good two', 'Good three']);
    expect(parsed.warnings.filter((warning) => warning.code === 'CUE_MALFORMED').map((warning) => warning.line)).toEqual([6, 12]);
  });

  it('skips an identifier line with no timing line after it', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', 'stray paragraph', 'more stray text', '', '00:00:01.000 --> 00:00:02.000', 'Fine', '', '00:00:03.000 --> 00:00:04.000', 'Fine too'));
    expect(parsed.cues).toHaveLength(2);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CUE_MALFORMED', line: 3 })]);
  });

  it('refuses a file whose cue blocks are mostly malformed, naming the first bad line', () => {
    const error = thrown(() =>
      parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Good', '', '1:2:3 --> x', 'Bad', '', 'nope --> nope', 'Bad')),
    );
    expect(error).toMatchObject({ code: 'TRANSCRIPT_MALFORMED', line: 6 });
    expect(error.message).toContain('line 6');
  });

  it('warns when a cue starts before the previous one or ends before it starts', () => {
    const parsed = parseVtt(
      vtt('WEBVTT', '', '00:00:05.000 --> 00:00:06.000', 'Later', '', '00:00:01.000 --> 00:00:02.000', 'Earlier', '', '00:00:09.000 --> 00:00:08.000', 'Reversed'),
    );
    expect(parsed.cues).toHaveLength(3);
    expect(parsed.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ['TIMESTAMP_BACKWARDS', 6],
      ['CUE_END_BEFORE_START', 9],
    ]);
    expect(parsed.cues[2]).toMatchObject({ startMs: 9000, endMs: 9000 });
  });

  it('drops cues without text with a CUE_EMPTY warning and renumbers the rest', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '', '00:00:03.000 --> 00:00:04.000', 'Kept'));
    expect(parsed.cues).toEqual([expect.objectContaining({ index: 0, text: 'Kept', line: 5 })]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CUE_EMPTY', line: 3 })]);
  });

  it('keeps the first warnings of a kind and summarises the rest', () => {
    const blocks = ['WEBVTT', ''];
    for (let i = 0; i < 30; i++) blocks.push('00:00:09.000 --> 00:00:08.000', `Reversed ${i}`, '');
    const warnings = parseVtt(blocks.join('\n')).warnings;
    expect(warnings.filter((warning) => warning.code === 'CUE_END_BEFORE_START')).toHaveLength(21);
    expect(warnings.at(-1)?.message).toBe('10 more CUE_END_BEFORE_START warnings not listed.');
  });
});

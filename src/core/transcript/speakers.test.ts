import { describe, expect, it } from 'vitest';
import { parseSrt } from './parse-srt.js';
import { PrefixReader, parseSpeakerLabel, splitVoiceName } from './speakers.js';

describe('parseSpeakerLabel: what has the shape of a name', () => {
  it.each([
    ['Ana Ruiz', 'Ana Ruiz'],
    ['Marisol', 'Marisol'],
    ['Li Wei', 'Li Wei'],
    ["Mary-Jane O'Connor", "Mary-Jane O'Connor"],
    ['Sean McDonald', 'Sean McDonald'],
    ["D'Angelo Russell", "D'Angelo Russell"],
    ['Annelies van der Berg', 'Annelies van der Berg'],
    ['Maria de la Cruz', 'Maria de la Cruz'],
    ['J. R. Okafor', 'J. R. Okafor'],
    ['J.R. Okafor', 'J.R. Okafor'],
    ['Dr. Priya Natarajan', 'Dr. Priya Natarajan'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['Élodie Tremblay', 'Élodie Tremblay'],
    ['王伟', '王伟'],
    ['Speaker 2', 'Speaker 2'],
    ['Will Grant', 'Will Grant'],
    ['Jimmy Page', 'Jimmy Page'],
    ['Alan Price', 'Alan Price'],
  ])('accepts %s', (label, name) => {
    expect(parseSpeakerLabel(label)).toEqual({ name, role: null });
  });

  it('splits a trailing role off', () => {
    expect(parseSpeakerLabel('Franklin Okafor (Customer)')).toEqual({ name: 'Franklin Okafor', role: 'Customer' });
    expect(parseSpeakerLabel('Daniel Osei (Implementation Lead)')).toEqual({ name: 'Daniel Osei', role: 'Implementation Lead' });
  });

  it.each([
    'Agenda',
    'Note',
    'NOTE',
    'Q3',
    'Re',
    'Step 1',
    'https',
    'Action Items',
    'Next Steps',
    'Key Takeaways',
    'The Plan',
    'Our Goal',
    'Meeting Notes',
    'Summary',
    'Important',
    'Q',
    'A',
    'lowercase name',
    'Ana ruiz',
    'Ana Ruiz2',
    'One Two Three Four Five',
    'Ana Ruiz (',
    '(Customer)',
    'Ana Ruiz ()',
    'van der',
    'R&D',
    'Total Cost',
    'Price',
    'Price Update',
    'Open Questions',
    'Customer Feedback',
  ])('rejects %s', (label) => {
    expect(parseSpeakerLabel(label)).toBeNull();
  });
});

describe('splitVoiceName', () => {
  it('splits a role in parentheses and keeps other names whole', () => {
    expect(splitVoiceName('Ana Ruiz (Guest)')).toEqual({ name: 'Ana Ruiz', role: 'Guest' });
    expect(splitVoiceName('Ana Ruiz')).toEqual({ name: 'Ana Ruiz', role: null });
  });
});

describe('PrefixReader: where the label ends', () => {
  const read = (text: string): string | null => {
    const reader = new PrefixReader();
    const id = reader.read(text);
    return id < 0 ? null : `${reader.speakerOf(id).name}|${text.slice(reader.textStart(text, id))}`;
  };

  it('reads Name: text and a full-width colon', () => {
    expect(read('Ana Ruiz: hello there')).toBe('Ana Ruiz|hello there');
    expect(read('Ana Ruiz:')).toBe('Ana Ruiz|');
    expect(read('王伟：你好')).toBe('王伟|你好');
  });

  it.each([
    'https://example.com is the portal',
    'Note: the 10:30 call moved',
    'At 10:30 we meet',
    'Ana Ruiz:hello',
    'Step 1: export',
    'Q3: revenue targets',
    'Re: contract',
    'Agenda: pricing',
    '- Ana Ruiz: hi',
    'a very long sentence that goes on and on without any colon until far too late to be a name: really',
  ])('finds no speaker in %s', (text) => {
    expect(read(text)).toBeNull();
  });

  it('remembers labels across calls and still checks the colon', () => {
    const reader = new PrefixReader();
    expect(reader.read('Ana Ruiz: one')).toBe(0);
    expect(reader.read('Ana Ruiz: two')).toBe(0);
    expect(reader.read('Ana Ruizova: three')).toBe(1);
    expect(reader.read('Ana Ruiz says hi')).toBe(-1);
  });
});

/** An SRT file whose cues carry the given texts, one second apart. */
function srt(texts: string[]): string {
  return texts
    .map((text, i) => `${i + 1}\n00:00:${String(i).padStart(2, '0')},000 --> 00:00:${String(i).padStart(2, '0')},900\n${text}\n`)
    .join('\n');
}

const speakersOf = (texts: string[]): Array<string | null> => parseSrt(srt(texts)).cues.map((cue) => cue.speaker);

describe('speaker confirmation across the file', () => {
  it('takes recurring multi-word names and removes the prefix', () => {
    const parsed = parseSrt(srt(['Ana Ruiz: Hello.', 'Kwame Mensah: Hi Ana.', 'Ana Ruiz: Shall we start?']));
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Ana Ruiz', 'Hello.'],
      ['Kwame Mensah', 'Hi Ana.'],
      ['Ana Ruiz', 'Shall we start?'],
    ]);
    expect(parsed.speakers).toEqual([
      { name: 'Ana Ruiz', role: null },
      { name: 'Kwame Mensah', role: null },
    ]);
  });

  it('accepts a multi-word name seen once when the file uses the convention', () => {
    // The unlabelled last cue continues the speaker before it (SRT exports label speaker changes only).
    expect(speakersOf(['Ana Ruiz: One.', 'Ana Ruiz: Two.', 'Lars Novak: Only once.', 'Plain caption.'])).toEqual([
      'Ana Ruiz',
      'Ana Ruiz',
      'Lars Novak',
      'Lars Novak',
    ]);
  });

  it('accepts prefixes on every cue even when each name appears once', () => {
    expect(speakersOf(['Ana Ruiz: Hello.', 'Kwame Mensah: Bye.'])).toEqual(['Ana Ruiz', 'Kwame Mensah']);
  });

  it('accepts two different full names seen once each among unprefixed cues', () => {
    expect(speakersOf(['Welcome.', 'Ana Ruiz: Hello.', 'Plain.', 'Kwame Mensah: Hi.', 'Plain.', 'Plain.'])).toEqual([
      null,
      'Ana Ruiz',
      'Ana Ruiz',
      'Kwame Mensah',
      'Kwame Mensah',
      'Kwame Mensah',
    ]);
  });

  it('reads names in scripts without case and full-width colons', () => {
    expect(speakersOf(['王伟：你好。', '李娜：您好。', '王伟：开始吧。'])).toEqual(['王伟', '李娜', '王伟']);
  });

  it('counts the words after a full-width colon without a space, not the label', () => {
    const parsed = parseSrt(srt(['王伟：你好 谢谢', '李娜：好', '王伟：开始吧']));
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['你好 谢谢', '好', '开始吧']);
    expect(parsed.wordCount).toBe(4);
  });

  it('ignores a lone multi-word label in a file without speakers', () => {
    const parsed = parseSrt(srt(['Welcome to the call.', 'Blue Harbor: the site is ready.', 'Great news.', 'Thanks all.']));
    expect(parsed.cues.map((cue) => cue.speaker)).toEqual([null, null, null, null]);
    expect(parsed.cues[1]?.text).toBe('Blue Harbor: the site is ready.');
  });

  it('ignores a once-seen single word unless the file is mostly prefixed', () => {
    expect(speakersOf(['Welcome.', 'Zurich: the office opens in May.', 'Good.', 'Thanks.'])).toEqual([null, null, null, null]);
    expect(speakersOf(['Ana Ruiz: One.', 'Kwame Mensah: Two.', 'Ana Ruiz: Three.', 'Kwame Mensah: Four.', 'Marisol: Five.'])).toEqual([
      'Ana Ruiz',
      'Kwame Mensah',
      'Ana Ruiz',
      'Kwame Mensah',
      'Marisol',
    ]);
  });

  it('accepts a single word that recurs, carries a role, or is a known first name', () => {
    expect(speakersOf(['Marisol: One.', 'Plain.', 'Marisol: Two.', 'Plain again.', 'More plain.'])).toEqual([
      'Marisol',
      'Marisol',
      'Marisol',
      'Marisol',
      'Marisol',
    ]);
    expect(speakersOf(['Marisol (Customer): One.', 'Plain.', 'Plain.', 'Plain.'])).toEqual(['Marisol', 'Marisol', 'Marisol', 'Marisol']);
    expect(speakersOf(['Ana Ruiz: One.', 'Plain.', 'Ana Ruiz: Two.', 'Plain.', 'Ana: Three.', 'Plain.'])).toEqual([
      'Ana Ruiz',
      'Ana Ruiz',
      'Ana Ruiz',
      'Ana Ruiz',
      'Ana',
      'Ana',
    ]);
  });

  it('never takes label words, even when they recur', () => {
    expect(speakersOf(['Agenda: pricing.', 'Agenda: rollout.', 'Note: the 10:30 call moved.', 'Re: contract.', 'Q3: targets.'])).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('lists roles in order of first appearance', () => {
    const parsed = parseSrt(srt(['Sofia Marquez (CSM): Hi.', 'Renee Alvarez (Customer): Hello.', 'Sofia Marquez: Shall we?']));
    expect(parsed.speakers).toEqual([
      { name: 'Sofia Marquez', role: 'CSM' },
      { name: 'Renee Alvarez', role: 'Customer' },
    ]);
    expect(parsed.cues.map((cue) => cue.speaker)).toEqual(['Sofia Marquez', 'Renee Alvarez', 'Sofia Marquez']);
  });

  it('drops a cue that held only a speaker prefix', () => {
    const parsed = parseSrt(srt(['Ana Ruiz: Hello.', 'Ana Ruiz:', 'Kwame Mensah: Hi.']));
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Hello.', 'Hi.']);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CUE_EMPTY', line: 6 })]);
  });
});

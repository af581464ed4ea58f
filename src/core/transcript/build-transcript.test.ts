import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTranscript, defaultTitle, type BuildTranscriptInput } from './build-transcript.js';
import type { Transcript, TranscriptFormat } from './types.js';
import { errorOf } from '../../../test/support/errors.js';

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const LOADED_AT = '2025-01-01T00:00:00.000Z';

function load(path: string, extra: Partial<BuildTranscriptInput> = {}): Transcript {
  const name = path.split('/').pop() as string;
  return buildTranscript({
    text: readFileSync(new URL(path, FIXTURES), 'utf8'),
    id: 't1',
    source: { kind: 'file', name },
    formatHint: name.split('.').pop() as TranscriptFormat,
    loadedAt: LOADED_AT,
    ...extra,
  });
}


describe('buildTranscript on the real Zoom recording', () => {
  const transcript = load('quest_enterprises_project_kickoff_transcript.vtt');

  it('reads both speakers, every cue and a meeting of about 68 minutes', () => {
    expect(transcript.format).toBe('vtt');
    expect(transcript.title).toBe('quest_enterprises_project_kickoff_transcript');
    expect(transcript.speakers).toEqual([
      { name: 'Franklin Dorsey', role: null },
      { name: 'Bob Jones', role: null },
    ]);
    expect(transcript.cues).toHaveLength(133);
    expect(transcript.durationMs).toBe(4_115_460 - 10_190);
    expect(Math.round((transcript.durationMs ?? 0) / 60_000)).toBe(68);
    expect(transcript.warnings).toEqual([]);
  });

  it('removes the speaker prefixes and keeps text verbatim otherwise', () => {
    expect(transcript.cues[0]).toEqual({
      index: 0,
      startMs: 10_190,
      endMs: 13_230,
      speaker: 'Franklin Dorsey',
      text: "And it's recording alright perfect.",
      line: 4,
    });
    expect(transcript.cues.every((cue) => !/^(Franklin Dorsey|Bob Jones):/.test(cue.text))).toBe(true);
    expect(transcript.cues.some((cue) => cue.text.includes('  '))).toBe(false);
  });

  it('builds turns that alternate speakers, as the cues in this recording do', () => {
    expect(transcript.turns).toHaveLength(133);
    expect(transcript.turns.every((turn, i) => i === 0 || turn.speaker !== transcript.turns[i - 1]?.speaker)).toBe(true);
    expect(transcript.wordCount).toBeGreaterThan(9000);
  });

  it('merges consecutive cues of one speaker when the recording is re-cut into shorter cues', () => {
    const halves = transcript.cues.flatMap((cue) => {
      const middle = cue.text.indexOf(' ', cue.text.length / 2);
      if (middle < 0 || cue.startMs === null || cue.endMs === null) return [cue];
      const split = Math.round((cue.startMs + cue.endMs) / 2);
      return [
        { ...cue, endMs: split, text: cue.text.slice(0, middle) },
        { ...cue, startMs: split, text: cue.text.slice(middle + 1) },
      ];
    });
    const vtt = ['WEBVTT', ''];
    for (const cue of halves) vtt.push(`${stamp(cue.startMs)} --> ${stamp(cue.endMs)}`, `${cue.speaker}: ${cue.text}`, '');
    const recut = buildTranscript({ text: vtt.join('\n'), id: 't2', source: { kind: 'inline', name: null }, loadedAt: LOADED_AT });
    expect(recut.cues.length).toBeGreaterThan(200);
    expect(recut.turns).toHaveLength(133);
    expect(recut.turns.map((turn) => turn.text)).toEqual(transcript.turns.map((turn) => turn.text));
    expect(recut.wordCount).toBe(transcript.wordCount);
  });
});

function stamp(ms: number | null): string {
  const value = ms ?? 0;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(value / 3_600_000))}:${pad(Math.floor(value / 60_000) % 60)}:${pad(Math.floor(value / 1000) % 60)}.${pad(value % 1000, 3)}`;
}

describe('buildTranscript on the other fixtures', () => {
  it('reads the Teams file: voice tags, GUID ids, NOTE/STYLE blocks, references, nested tags', () => {
    const transcript = load('transcripts/teams-harborline-logistics-review.vtt');
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual([
      'Marcus Chen',
      'Annelies van der Berg',
      'Joost Hendriks',
      'Priya Raman',
      'Olivia Brandt',
    ]);
    expect(transcript.cues).toHaveLength(36);
    const texts = transcript.cues.map((cue) => cue.text);
    expect(texts).toContain('That was two weeks ahead of the plan, which honestly surprised our board.');
    expect(texts).toContain('Noted. The R&D team has account-level cost reporting on the roadmap for the fourth quarter.');
    expect(texts.join(' ')).toContain('€410,000');
    expect(texts.some((text) => /[<>]v|&[a-z#]+;|\u200e/.test(text))).toBe(false);
    expect(transcript.warnings).toEqual([expect.objectContaining({ code: 'TEXT_SANITIZED' })]);
    expect(transcript.turns.length).toBeLessThan(transcript.cues.length);
    const merged = transcript.turns.find((turn) => turn.lastCue > turn.firstCue);
    expect(merged?.speaker).toBe('Annelies van der Berg');
  });

  it('reads the Zoom file with Name (Role): prefixes, keeping colons inside the text', () => {
    const transcript = load('transcripts/zoom-cedar-valley-health-qbr.vtt');
    expect(transcript.speakers).toEqual([
      { name: 'Sofia Marquez', role: 'CSM' },
      { name: 'Renee Alvarez', role: 'Customer' },
      { name: 'Tom Whitfield', role: 'Customer' },
      { name: 'Daniel Osei', role: 'Implementation Lead' },
      { name: 'Marisol', role: 'Customer' },
    ]);
    expect(transcript.cues[1]).toMatchObject({ speaker: 'Renee Alvarez', text: expect.stringMatching(/^Thanks, Sofia\. Note: the 10:30/) });
  });

  it('reads the BOM + CRLF file with text after the signature', () => {
    const transcript = load('transcripts/bom-crlf-tidewater-brewing.vtt');
    expect(transcript.cues).toHaveLength(26);
    expect(transcript.cues[0]).toMatchObject({ speaker: 'Aaron Patel', line: 6 });
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['Aaron Patel', 'Jenna Kowalski', "Mike O'Brien"]);
    expect(transcript.cues.some((cue) => cue.text.includes('\r'))).toBe(false);
  });

  it('reads the VTT without hours, with cue settings and a two-line cue', () => {
    const transcript = load('transcripts/no-hours-lakeshore-schools.vtt');
    expect(transcript.cues).toHaveLength(27);
    expect(transcript.cues[0]).toMatchObject({ startMs: 900, speaker: 'Claire Dubois' });
    expect(transcript.cues[15]?.text).toMatch(/^Assignment completion is up 14% in the pilot schools .* the trend is clear\.$/);
  });

  it('reads the SRT with prefixes: "Agenda:" is no speaker, and that unlabelled cue continues the speaker before it', () => {
    const transcript = load('transcripts/pinecrest-insurance-claims-review.srt');
    expect(transcript.format).toBe('srt');
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['Nadia Petrova', 'Gloria Stanton', 'Kevin Liu']);
    expect(transcript.cues[7]).toMatchObject({ speaker: 'Nadia Petrova', text: 'Agenda: background, results, open issues.' });
    expect(transcript.cues[5]).toMatchObject({ speaker: 'Kevin Liu', text: 'Kevin Liu, Claims Systems Manager. I own the platform side.' });
  });

  it('reads the stamped plain text, joining the continuation line', () => {
    const transcript = load('transcripts/sunridge-solar-onboarding-stamped.txt');
    expect(transcript.format).toBe('txt');
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['Hannah Brooks', 'Carlos Medina', 'Li Wei']);
    const intro = transcript.cues.find((cue) => cue.text.startsWith("I'm Carlos Medina"));
    expect(intro).toMatchObject({ startMs: 23_000, endMs: 41_000 });
    expect(intro?.text).toContain("battery storage. We're based in Phoenix, Arizona");
    expect(transcript.durationMs).toBe(201_000 - 4_000);
  });

  it('reads the plain text without stamps: null times, order kept, continuation joined', () => {
    const transcript = load('transcripts/maison-belair-bakeries-renewal.txt');
    expect(transcript.durationMs).toBeNull();
    expect(transcript.cues.every((cue) => cue.startMs === null && cue.endMs === null)).toBe(true);
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['Élodie Tremblay', 'Sam Okoye', 'Jean-Philippe Gagnon']);
    const weather = transcript.cues.find((cue) => cue.text.includes('Agenda: we should also talk'));
    expect(weather?.speaker).toBe('Jean-Philippe Gagnon');
  });
});

describe('word counts', () => {
  const words = (transcript: Transcript): number =>
    transcript.cues.reduce((total, cue) => total + cue.text.split(/\s+/).filter(Boolean).length, 0);

  it.each([
    'quest_enterprises_project_kickoff_transcript.vtt',
    'transcripts/teams-harborline-logistics-review.vtt',
    'transcripts/zoom-cedar-valley-health-qbr.vtt',
    'transcripts/bom-crlf-tidewater-brewing.vtt',
    'transcripts/no-hours-lakeshore-schools.vtt',
    'transcripts/pinecrest-insurance-claims-review.srt',
    'transcripts/sunridge-solar-onboarding-stamped.txt',
    'transcripts/maison-belair-bakeries-renewal.txt',
  ])('match the words of the final cue texts in %s', (path) => {
    const transcript = load(path);
    expect(transcript.wordCount).toBe(words(transcript));
  });

  it('leave stripped prefixes out and keep rejected ones in', () => {
    const text = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'Ana Ruiz (Customer): one two',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'Ana Ruiz:',
      '',
      '00:00:05.000 --> 00:00:06.000',
      'Ana Ruiz : three',
      '',
      '00:00:07.000 --> 00:00:08.000',
      '<v Kwame Mensah>Blue Harbor: four five',
      '',
      '00:00:09.000 --> 00:00:10.000',
      'Agenda: six',
    ].join('\n');
    const transcript = buildTranscript({ text, id: 'w', source: { kind: 'inline', name: null }, loadedAt: LOADED_AT });
    expect(transcript.cues.map((cue) => cue.text)).toEqual(['one two', 'three', 'Blue Harbor: four five', 'Agenda: six']);
    expect(transcript.wordCount).toBe(9);
  });
});

describe('buildTranscript options and errors', () => {
  const input = (text: string, extra: Partial<BuildTranscriptInput> = {}): BuildTranscriptInput => ({
    text,
    id: 'id-1',
    source: { kind: 'inline', name: null },
    loadedAt: LOADED_AT,
    ...extra,
  });

  it('uses the given title, else the source name without extension, else a neutral title', () => {
    const text = 'Ana Ruiz: Hi.\nKwame Mensah: Hello.';
    expect(buildTranscript(input(text, { title: '  Renewal call ' })).title).toBe('Renewal call');
    expect(buildTranscript(input(text, { source: { kind: 'file', name: 'acme.renewal.txt' } })).title).toBe('acme.renewal');
    expect(buildTranscript(input(text)).title).toBe('Untitled transcript');
    expect(defaultTitle({ kind: 'zoom', name: 'Pricing review v1.2' })).toBe('Pricing review v1.2');
    expect(defaultTitle({ kind: 'file', name: '.vtt' })).toBe('.vtt');
  });

  it('caps a long title (a Zoom topic or file name is untrusted) at 200 characters', () => {
    const title = buildTranscript(input('Ana Ruiz: Hi.', { source: { kind: 'zoom', name: 'Quarterly review '.repeat(40) } })).title;
    expect(title.length).toBe(200);
    expect(title.endsWith('…')).toBe(true);
    expect(title.startsWith('Quarterly review Quarterly')).toBe(true);
  });

  it.each(['quest_enterprises_project_kickoff_transcript.vtt', 'transcripts/teams-harborline-logistics-review.vtt', 'transcripts/bom-crlf-tidewater-brewing.vtt', 'transcripts/pinecrest-insurance-claims-review.srt', 'transcripts/maison-belair-bakeries-renewal.txt'])(
    'builds the same transcript from %s when it is not kept (inspect)',
    (path) => {
      expect(load(path, { kept: false })).toEqual(load(path));
    },
  );

  it('copies id, source and load time through', () => {
    const transcript = buildTranscript(input('Ana Ruiz: Hi.', { source: { kind: 'zoom', name: 'Sync' } }));
    expect(transcript).toMatchObject({ id: 'id-1', source: { kind: 'zoom', name: 'Sync' }, loadedAt: LOADED_AT });
  });

  it('counts words and applies the turn gap', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna Ruiz: One two.\n\n00:00:10.000 --> 00:00:11.000\nAna Ruiz: Three four five.\n';
    expect(buildTranscript(input(vtt)).turns).toHaveLength(1);
    const strict = buildTranscript(input(vtt, { turnGapMs: 5000 }));
    expect(strict.turns).toHaveLength(2);
    expect(strict.wordCount).toBe(5);
    expect(strict.durationMs).toBe(10_000);
  });

  it('passes format errors through with their codes and lines', () => {
    expect(errorOf(() => buildTranscript(input('{"a": 1}'))).code).toBe('UNSUPPORTED_FORMAT');
    expect(errorOf(() => buildTranscript(input('')))).toMatchObject({ code: 'TRANSCRIPT_EMPTY', line: 1 });
    expect(errorOf(() => buildTranscript(input('1\n00:00:01.000 --> 00:00:02.000\nHi', { formatHint: 'vtt' })))).toMatchObject({
      code: 'TRANSCRIPT_MALFORMED',
      line: 1,
    });
  });
});

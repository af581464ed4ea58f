import { describe, expect, it } from 'vitest';
import { parseVtt } from './parse-vtt.js';
import { keepOneCopy } from './one-copy.js';
import { buildTurns } from './turns.js';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ana Lindqvist (Customer)>We rolled the dashboard out to every region last quarter.

00:00:04.500 --> 00:00:06.000
<v Ana Lindqvist (Customer)>Support tickets dropped by a third.

00:00:07.000 --> 00:00:05.000
<v Kwame Okafor>What slowed the first depot down?

00:00:08.000 --> 00:00:09.000
Kwame Okafor: Short.
`;

describe('one copy of the text', () => {
  it('keeps every cue, turn, speaker and warning value exactly as parsed', () => {
    const parsed = parseVtt(VTT);
    const turns = buildTurns(parsed.cues, 30_000);
    const before = structuredClone({ cues: parsed.cues, turns, speakers: parsed.speakers, warnings: parsed.warnings });
    expect(before.warnings.length).toBeGreaterThan(0);
    keepOneCopy(parsed.cues, turns, parsed.speakers, parsed.warnings);
    expect({ cues: parsed.cues, turns, speakers: parsed.speakers, warnings: parsed.warnings }).toEqual(before);
    for (const turn of turns) expect(parsed.cues.slice(turn.firstCue, turn.lastCue + 1).map((cue) => cue.text).join(' ')).toBe(turn.text);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTurns } from './turns.js';
import type { Cue } from './types.js';

const cue = (index: number, speaker: string | null, startMs: number | null, endMs: number | null, text: string): Cue => ({
  index,
  speaker,
  startMs,
  endMs,
  text,
  line: index + 1,
});

describe('buildTurns', () => {
  it('merges consecutive cues of one speaker while the gap stays within the limit', () => {
    const turns = buildTurns(
      [
        cue(0, 'Ana', 0, 1000, 'Hello.'),
        cue(1, 'Ana', 1500, 3000, 'Shall we start?'),
        cue(2, 'Kwame', 3000, 4000, 'Yes.'),
        cue(3, 'Ana', 4000, 5000, 'Great.'),
      ],
      30_000,
    );
    expect(turns).toEqual([
      { index: 0, speaker: 'Ana', startMs: 0, endMs: 3000, text: 'Hello. Shall we start?', firstCue: 0, lastCue: 1 },
      { index: 1, speaker: 'Kwame', startMs: 3000, endMs: 4000, text: 'Yes.', firstCue: 2, lastCue: 2 },
      { index: 2, speaker: 'Ana', startMs: 4000, endMs: 5000, text: 'Great.', firstCue: 3, lastCue: 3 },
    ]);
  });

  it('starts a new turn after a pause longer than the limit, and merges at exactly the limit', () => {
    const cues = [cue(0, 'Ana', 0, 1000, 'One.'), cue(1, 'Ana', 31_000, 32_000, 'Two.'), cue(2, 'Ana', 62_001, 63_000, 'Three.')];
    expect(buildTurns(cues, 30_000).map((turn) => [turn.firstCue, turn.lastCue])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });

  it('merges by speaker only when times are missing', () => {
    const turns = buildTurns([cue(0, 'Ana', null, null, 'One.'), cue(1, 'Ana', null, null, 'Two.'), cue(2, 'Kwame', null, null, 'Three.')], 0);
    expect(turns.map((turn) => [turn.speaker, turn.text, turn.startMs])).toEqual([
      ['Ana', 'One. Two.', null],
      ['Kwame', 'Three.', null],
    ]);
  });

  it('treats cues without a speaker as one unknown speaker', () => {
    const turns = buildTurns([cue(0, null, 0, 1000, 'One.'), cue(1, null, 1000, 2000, 'Two.'), cue(2, 'Ana', 2000, 3000, 'Three.')], 30_000);
    expect(turns.map((turn) => turn.text)).toEqual(['One. Two.', 'Three.']);
  });

  it('keeps the latest end when a merged cue ends earlier than the one before', () => {
    const turns = buildTurns([cue(0, 'Ana', 0, 5000, 'Long.'), cue(1, 'Ana', 1000, 2000, 'Overlap.')], 30_000);
    expect(turns[0]).toMatchObject({ startMs: 0, endMs: 5000 });
  });

  it('returns no turns for no cues', () => {
    expect(buildTurns([], 30_000)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../transcript/build-transcript.js';
import { buildTurns } from '../transcript/turns.js';
import type { Cue, Transcript } from '../transcript/types.js';
import { talkShares, transcriptStats } from './stats.js';

const LOADED_AT = '2025-01-01T00:00:00.000Z';

function fromVtt(text: string): Transcript {
  return buildTranscript({ text, id: 't', source: { kind: 'inline', name: null }, loadedAt: LOADED_AT });
}

/** Cues without timestamps, as plain text gives them; null speaker where nobody is named. */
function untimed(lines: Array<[speaker: string | null, text: string]>): Transcript {
  const cues: Cue[] = lines.map(([speaker, text], index) => ({ index, startMs: null, endMs: null, speaker, text, line: index + 1 }));
  return {
    id: 'plain',
    title: 'plain',
    source: { kind: 'inline', name: null },
    format: 'txt',
    cues,
    turns: buildTurns(cues, 30_000),
    speakers: [{ name: 'Ana', role: null }],
    durationMs: null,
    wordCount: 0,
    warnings: [],
    loadedAt: LOADED_AT,
  };
}

const CALL = fromVtt(`WEBVTT

00:00:00.000 --> 00:00:10.000
Alice Moreno (Host): Welcome everyone. Shall we start?

00:00:10.000 --> 00:00:40.000
Bob Lee: Sure. I have three updates and a question. What is the deadline?

00:00:41.000 --> 00:00:50.000
Alice Moreno (Host): Friday.

00:00:50.000 --> 00:01:00.000
Alice Moreno (Host): Any other questions? No? Great.
`);

describe('transcriptStats', () => {
  const stats = transcriptStats(CALL);

  it('sums the meeting: duration, words, pace, turns and cues', () => {
    expect(stats.meeting).toEqual({ duration_ms: 60_000, words: 23, words_per_minute: 23, turns: 3, cues: 4 });
  });

  it('gives each speaker talk time from cue durations, and shares by talk time, largest first', () => {
    expect(stats.speakers.map(({ name, role, talk_time_ms, talk_share }) => ({ name, role, talk_time_ms, talk_share }))).toEqual([
      { name: 'Bob Lee', role: null, talk_time_ms: 30_000, talk_share: 0.508 },
      { name: 'Alice Moreno', role: 'Host', talk_time_ms: 29_000, talk_share: 0.492 },
    ]);
  });

  it('counts turns, words, questions and the longest monologue per speaker', () => {
    const alice = stats.speakers.find((speaker) => speaker.name === 'Alice Moreno');
    expect(alice).toMatchObject({
      turns: 2,
      words: 11,
      questions_asked: 3,
      longest_monologue_ms: 19_000,
      longest_monologue_turn: 2,
      longest_monologue_start_ms: 41_000,
    });
    expect(stats.speakers.find((speaker) => speaker.name === 'Bob Lee')).toMatchObject({ turns: 1, words: 12, questions_asked: 1 });
  });

  it('shares by words and reports no times when there are no timestamps, with "Unknown" for unnamed turns', () => {
    const plain = transcriptStats(
      untimed([
        ['Ana', 'I finished the export job yesterday.'],
        [null, 'Sorry I am late.'],
        ['Ana', 'Ken, can you ping ops? They rotate credentials.'],
      ]),
    );
    expect(plain.meeting).toMatchObject({ duration_ms: null, words_per_minute: null, words: 18, turns: 3 });
    expect(plain.speakers).toEqual([
      {
        name: 'Ana',
        role: null,
        talk_time_ms: 0,
        talk_share: 0.778,
        turns: 2,
        words: 14,
        longest_monologue_ms: null,
        longest_monologue_turn: 2,
        longest_monologue_start_ms: null,
        questions_asked: 1,
      },
      {
        name: 'Unknown',
        role: null,
        talk_time_ms: 0,
        talk_share: 0.222,
        turns: 1,
        words: 4,
        longest_monologue_ms: null,
        longest_monologue_turn: 1,
        longest_monologue_start_ms: null,
        questions_asked: 0,
      },
    ]);
  });

  it('does not count a question mark inside a sentence as a question', () => {
    const single = untimed([['Ana', 'The file "why?.txt" is gone. Is that expected? Yes.']]);
    expect(transcriptStats(single).speakers[0]?.questions_asked).toBe(1);
  });

  it('counts words and questions as the whitespace split and the sentence-end pattern do, in one pass', () => {
    const statsOf = (text: string) => transcriptStats(untimed([['Ana', text]])).speakers[0]!;
    const pieces = fc.constantFrom('?', '??', '"', "'", '”', ')', ']', '.', ' ', '\u00a0', '\t', 'why', 'x', '!');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const { words, questions_asked } = statsOf(text);
        expect(words).toBe(text.trim() === '' ? 0 : text.trim().split(/\s+/).length);
        expect(questions_asked).toBe(text.match(/\?+["'”’)\]]*(?=\s|$)/g)?.length ?? 0);
      }),
    );
    // Turns a backtracking pattern would take minutes over: a long run of "?" that ends no sentence, and thousands of questions.
    expect(statsOf(`${'?'.repeat(200_000)}x`).questions_asked).toBe(0);
    expect(statsOf('Is it ready? '.repeat(50_000)).questions_asked).toBe(50_000);
  });

  it('agrees with the parser on the real kickoff call', () => {
    const kickoff = buildTranscript({
      text: readFileSync(new URL('../../../test/fixtures/quest_enterprises_project_kickoff_transcript.vtt', import.meta.url), 'utf8'),
      id: 'kickoff',
      source: { kind: 'file', name: 'quest_enterprises_project_kickoff_transcript.vtt' },
      loadedAt: LOADED_AT,
    });
    const { meeting, speakers } = transcriptStats(kickoff);
    expect(meeting.words).toBe(kickoff.wordCount);
    expect(meeting.duration_ms).toBe(kickoff.durationMs);
    expect(speakers.map((speaker) => speaker.name).sort()).toEqual(['Bob Jones', 'Franklin Dorsey']);
    expect(speakers.reduce((sum, speaker) => sum + speaker.turns, 0)).toBe(kickoff.turns.length);
    expect(speakers.reduce((sum, speaker) => sum + speaker.talk_share, 0)).toBeCloseTo(1, 2);
    expect(speakers[0]!.talk_share).toBeGreaterThanOrEqual(speakers[1]!.talk_share);
  });
});

describe('talkShares', () => {
  it('lists name, role and share, largest first', () => {
    expect(talkShares(CALL)).toEqual([
      { name: 'Bob Lee', role: null, talk_share: 0.508 },
      { name: 'Alice Moreno', role: 'Host', talk_share: 0.492 },
    ]);
  });

  it('gives zero shares to a transcript with no words', () => {
    expect(talkShares(untimed([['Ana', '']]))).toEqual([{ name: 'Ana', role: null, talk_share: 0 }]);
  });
});

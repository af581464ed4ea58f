import { describe, expect, it } from 'vitest';
import { buildTurns } from '../transcript/turns.js';
import type { Cue, Transcript } from '../transcript/types.js';
import { forEachTerm } from './analyze.js';
import { buildSegment } from './segment.js';

function transcriptOf(text: string): Transcript {
  const cues: Cue[] = [{ index: 0, startMs: 0, endMs: 1000, speaker: 'Ana', text, line: 1 }];
  return { id: 't', title: 't', source: { kind: 'inline', name: null }, format: 'vtt', cues, turns: buildTurns(cues, 30_000), speakers: [{ name: 'Ana', role: null }], durationMs: 1000, wordCount: 0, warnings: [], loadedAt: '2025-01-01T00:00:00.000Z' };
}

/** The terms of a turn that sit in a question sentence. */
function questionTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  const segment = buildSegment(transcriptOf(text), 0);
  return terms.filter((_, position) => segment.inQuestion[position] === 1);
}

describe('question sentences in the index', () => {
  it('marks the terms from the previous sentence end up to each "?"', () => {
    expect(questionTerms('We shipped the pilot. Did the rollout finish? Not yet! Who owns training?')).toEqual(questionTerms('Did the rollout finish? Who owns training?'));
    expect(questionTerms('Budgets went up. Plans held.')).toEqual([]);
  });

  it('reads long turns in one pass: a long tail after the last "?", and thousands of questions', () => {
    const tail = `Ready? ${'and then the rollout continued '.repeat(20_000)}`;
    expect(questionTerms(tail)).toEqual(questionTerms('Ready?'));
    const many = 'Is the rollout ready? '.repeat(20_000);
    expect(questionTerms(many).length).toBe(questionTerms('Is the rollout ready?').length * 20_000);
  });
});

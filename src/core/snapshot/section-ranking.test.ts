import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysedSentence } from './analysis.js';
import { pickSentences, type PickOptions, type RankedSentence, type RankingContext, type SentencePool } from './section-ranking.js';

/** Sentences as picking sees them: an id, a turn and search terms. */
function sentencesOf(specs: ReadonlyArray<{ turn: number; terms: string[] }>): AnalysedSentence[] {
  return specs.map(({ turn, terms }, id) => ({ id, turnIndex: turn, terms: new Set(terms) }) as unknown as AnalysedSentence);
}

function contextWith(used: readonly number[], fieldSupport: ReadonlyMap<number, string[]> = new Map()): RankingContext {
  return { used: new Map(used.map((id) => [id, 1])), fieldSupport } as unknown as RankingContext;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Picking by the rule, with every sentence scored and sorted up front. */
function pickByFullSort(sentences: AnalysedSentence[], scores: number[], used: ReadonlySet<number>, options: PickOptions): RankedSentence[] {
  const ranked = sentences
    .map((sentence, index) => ({ sentence, score: scores[index]! * (used.has(sentence.id) ? 0.35 : 1), raw: scores[index]! }))
    .filter((entry) => entry.raw > 0)
    .sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
  const floor = Math.min((ranked[0]?.score ?? 0) * (options.floor ?? 0.4), 0.9);
  const picked: RankedSentence[] = [];
  const perTurn = new Map<number, number>();
  for (const { sentence, score } of ranked) {
    if (picked.length >= options.limit || score < floor || score < (options.minimum ?? 0.15)) break;
    if ((perTurn.get(sentence.turnIndex) ?? 0) >= 2 || picked.some((other) => overlap(other.sentence.terms, sentence.terms) > 0.6)) continue;
    picked.push({ sentence, score });
    perTurn.set(sentence.turnIndex, (perTurn.get(sentence.turnIndex) ?? 0) + 1);
  }
  return picked.sort((a, b) => a.sentence.id - b.sentence.id);
}

const TERMS = ['rollout', 'budget', 'dashboard', 'users', 'savings', 'pilot'];

describe('pickSentences', () => {
  it('picks what scoring every sentence and sorting them would, scoring lazily from bounds and refined bounds', () => {
    const sentence = fc.record({
      turn: fc.nat({ max: 6 }),
      terms: fc.subarray(TERMS),
      score: fc.oneof(fc.constant(0), fc.double({ min: -1, max: 4, noNaN: true })),
      slack: fc.double({ min: 0, max: 3, noNaN: true }),
      refinedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const options = fc.record({ limit: fc.integer({ min: 0, max: 6 }), floor: fc.double({ min: 0, max: 1, noNaN: true }), minimum: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 60 }), fc.array(fc.nat({ max: 59 })), options, fc.boolean(), (specs, usedIds, pickOptions, refines) => {
        const sentences = sentencesOf(specs);
        const scores = specs.map((spec) => spec.score);
        let scoredCount = 0;
        const pool: SentencePool = {
          sentences,
          bounds: specs.map((spec) => spec.score + spec.slack),
          ...(refines ? { refine: (index: number) => scores[index]! + specs[index]!.slack * specs[index]!.refinedShare } : {}),
          exact: (index) => {
            scoredCount++;
            return scores[index]!;
          },
        };
        const picks = pickSentences(pool, contextWith(usedIds), pickOptions);
        expect(picks).toEqual(pickByFullSort(sentences, scores, new Set(usedIds), pickOptions));
        expect(scoredCount).toBeLessThanOrEqual(specs.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('scores only the sentences whose bound could still win', () => {
    const sentences = sentencesOf(Array.from({ length: 1000 }, (_, index) => ({ turn: index, terms: [`term${index}`] })));
    const scored: number[] = [];
    const pool: SentencePool = {
      sentences,
      bounds: sentences.map((_, index) => (index < 3 ? 5 : 1)),
      exact: (index) => {
        scored.push(index);
        return index < 3 ? 4 : 0.5;
      },
    };
    const picks = pickSentences(pool, contextWith([]), { limit: 3 });
    expect(picks.map((pick) => pick.sentence.id)).toEqual([0, 1, 2]);
    expect(scored).toEqual([0, 1, 2]);
  });

  it('skips a sentence that only restates the field values a pick of its turn already shows', () => {
    // 0 and 1: one turn, both support cost_savings; 2: another turn, same field; 3: the same turn, another field.
    const sentences = sentencesOf([
      { turn: 0, terms: ['savings', 'fraud'] },
      { turn: 0, terms: ['auditors', 'number'] },
      { turn: 1, terms: ['overtime'] },
      { turn: 0, terms: ['roi'] },
    ]);
    const support = new Map([[0, ['cost_savings']], [1, ['cost_savings']], [2, ['cost_savings']], [3, ['roi_percentage']]]);
    const scores = [4, 3, 2, 1];
    const picks = pickSentences({ sentences, bounds: scores, exact: (index) => scores[index]! }, contextWith([], support), { limit: 4, floor: 0 });
    expect(picks.map((pick) => pick.sentence.id)).toEqual([0, 2, 3]);
  });

  it('marks its picks as used by the section', () => {
    const sentences = sentencesOf([{ turn: 0, terms: ['rollout'] }, { turn: 1, terms: ['budget'] }]);
    const context = contextWith([]);
    pickSentences({ sentences, bounds: [2, 1], exact: (index) => [2, 1][index]! }, context, { limit: 1 });
    expect([...context.used]).toEqual([[0, 1]]);
  });
});

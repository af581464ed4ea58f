/**
 * The evaluation as a CI gate: every answer key `npm run eval` finds (the
 * shared corpus and demo key, the project's own keys, the meetings that are
 * not customer calls) is built once per mode and scored with the script's
 * own code, and each set's totals are held to the floor recorded in
 * baseline.json (`npm run eval -- --write-baseline` raises it). The own keys
 * and the demo key are also held one by one to the per-key targets, so a
 * single call cannot sink while the set total stays up.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { discoverKeys, evaluateKey, MODES, readBaseline, totalsBySet, type KeyResult, type SetTotalsByMode } from '../../scripts/eval-run.js';
import { belowFloor, missedTargets, missLines, SET_LABELS, type SetName } from '../../scripts/eval-score.js';

const entries = discoverKeys();
const baseline = readBaseline();
let results: KeyResult[] = [];
let totals: SetTotalsByMode = {};

// About 45 transcripts, some of them two-hour meetings, built twice at most: generous for a loaded CI machine.
beforeAll(() => {
  results = entries.map((entry) => evaluateKey(entry, { modes: MODES }));
  totals = totalsBySet(results, MODES);
}, 180_000);

const sets = Object.keys(SET_LABELS) as SetName[];

describe.each(MODES)('eval floors, mode %s', (mode) => {
  it.each(sets)('set %s is no worse than its recorded floor', (set) => {
    const floor = baseline.floors[mode]?.[set];
    expect(floor, `no floor recorded for ${mode} ${set}: run npm run eval -- --write-baseline`).toBeDefined();
    expect(belowFloor(totals[mode]![set]!, floor!)).toEqual([]);
  });
});

describe.each(MODES)('per-key targets of the own keys and the demo key, mode %s', (mode) => {
  it.each(entries.filter((entry) => entry.set === 'own' || entry.set === 'quest').map((entry) => ({ set: entry.set, name: entry.name })))('$set $name', ({ set, name }) => {
    const score = results.find((result) => result.entry.set === set && result.entry.name === name)!.scores[mode]!;
    const missed = missedTargets(set, score);
    expect(missed.length === 0 ? [] : [...missed, ...missLines(score)]).toEqual([]);
  });
});

it('finds every set of keys, the meetings without a key among the negatives', () => {
  const count = (set: SetName) => entries.filter((entry) => entry.set === set).length;
  expect(count('quest')).toBe(1);
  // Today 12, 10, 12, 140 and 19: more keys may come, none may go unnoticed.
  expect(count('corpus')).toBeGreaterThanOrEqual(12);
  expect(count('own')).toBeGreaterThanOrEqual(10);
  expect(count('holdout')).toBeGreaterThanOrEqual(12);
  expect(count('probes')).toBeGreaterThanOrEqual(140);
  expect(count('negatives')).toBeGreaterThanOrEqual(16);
  expect(entries.filter((entry) => entry.keyPath === undefined).every((entry) => entry.key.negative)).toBe(true);
});

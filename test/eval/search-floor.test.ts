/**
 * CI floor for search: the top-5 totals of `npm run eval:search` (corpus keys,
 * own keys, shared keys, QMSum span queries) never drop below the recorded
 * baseline. Each meeting is indexed once. When search improves, raise the
 * numbers in search-baseline.json (`npm run eval:search -- --json` prints them).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSearch, SEARCH_SETS, type SearchSet } from '../../scripts/eval-search.js';

const baseline = JSON.parse(readFileSync(new URL('./search-baseline.json', import.meta.url), 'utf8')) as Record<SearchSet, { hit: number; total: number }>;

describe('search top-5 floor', () => {
  const evaluation = evaluateSearch();

  it.each(SEARCH_SETS)('%s answers at least as many questions as the baseline', (set) => {
    const { hit, total, misses } = evaluation[set];
    expect(total, `${set}: the number of questions changed; update the baseline`).toBe(baseline[set].total);
    expect(hit, `${set} misses: ${misses.map((miss) => `${miss.source}: ${miss.query}`).join(' | ')}`).toBeGreaterThanOrEqual(baseline[set].hit);
  });
});

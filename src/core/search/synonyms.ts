/**
 * A short list of everyday synonyms from meeting talk, used to widen a query,
 * never the index: someone asking "which system holds the data" should meet the
 * turn that says "Salesforce contains the data". Groups are general English
 * (no product or company words) and are matched after stemming, so "holds",
 * "held" and "holding" all reach the group of "hold". An expanded term scores
 * at a fraction of the word the user typed (see the search index).
 */

import { distinctTerms } from './analyze.js';

const SYNONYM_GROUPS: readonly string[] = [
  'contain hold store keep',
  'slow delay lag stall bottleneck blocker',
  'start begin kickoff launch commence',
  'finish end complete conclude wrap',
  'cost price budget spend expense fee',
  'meeting call sync standup',
  'problem issue bug error trouble challenge',
  'based located headquartered',
  'goal objective aim target',
  'deadline due',
  'customer client',
  'manager boss supervisor',
  'email mail',
  'hire recruit',
  'buy purchase procure',
  'help support assist',
  'fast quick rapid',
  'big large huge',
  'small little tiny',
  'show demo demonstrate',
  'plan roadmap',
  'risk concern worry',
  'agree approve',
];

/** Stemmed term -> the other stemmed terms of its group. */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = buildSynonymMap(SYNONYM_GROUPS);

function buildSynonymMap(groups: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const stems = distinctTerms(group);
    for (const term of stems) {
      const others = stems.filter((other) => other !== term);
      map.set(term, [...new Set([...(map.get(term) ?? []), ...others])]);
    }
  }
  return map;
}

/** The synonyms of a stemmed term (empty when it has none). */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}

/**
 * Which sections get the one repair round: those where verification removed
 * the section's substance (nothing left, or a third or more of its claims
 * gone), and those the writer left out although facts for them exist. A
 * repair call sees the full text of the turns the section can draw on: the
 * turns of its facts, of its kept claims, and of the offline engine's
 * evidence for it.
 */

import type { SectionSlug } from '../snapshot/types.js';
import type { SectionOutcome } from './assemble.js';
import { describeDrops, totalDrops, type DropTally } from './verify.js';

export interface Gap {
  slug: SectionSlug;
  /** What went wrong, in words, for the repair prompt and the snapshot's issues. */
  problems: string[];
}

const MAX_REPAIR_TURNS = 30;

/**
 * @param tally drops counted while verifying this section's claims
 * @param hasMaterial facts (or, in a single pass, offline evidence) exist for the section
 */
export function findGap(outcome: SectionOutcome, tally: DropTally, hasMaterial: boolean): Gap | null {
  const dropped = totalDrops(tally);
  if (outcome.drafted === 0) return hasMaterial ? { slug: outcome.slug, problems: ['the section was not written although the meeting covers it'] } : null;
  if (outcome.claims.length > 0 && dropped * 3 < outcome.drafted) return null;
  if (dropped === 0) return null;
  return { slug: outcome.slug, problems: describeDrops(tally).map((text) => `${text.replace(/^(\d+) /, '$1 claim(s) ')}`) };
}

/** The turns a repair call may read, at most 30, in transcript order. */
export function repairTurns(sources: ReadonlyArray<readonly number[]>): number[] {
  const turns = new Set<number>();
  for (const source of sources) for (const turn of source) turns.add(turn);
  const ordered = [...turns].sort((a, b) => a - b);
  if (ordered.length <= MAX_REPAIR_TURNS) return ordered;
  return Array.from({ length: MAX_REPAIR_TURNS }, (_, i) => ordered[Math.floor((i * ordered.length) / MAX_REPAIR_TURNS)] as number);
}

/**
 * Scores turns against a query in three passes.
 *
 * 1. BM25+ per concept: a turn earns, for each concept, its best-matching term
 *    (typed word or synonym) plus a smaller credit when the concept names the
 *    turn's speaker ("Where is Dana based?" favours Dana's own turns). The sum
 *    is multiplied by how much of the query's weight the turn covers, so turns
 *    holding several query words beat turns repeating one.
 * 2. Answers: in a meeting the reply follows the question. When a leading
 *    candidate asks about the query's words (they sit in a sentence ending with
 *    "?"), the next turn, if someone else speaks it, earns a share of its score
 *    even when it repeats none of those words.
 * 3. Proximity: leading candidates whose matched words sit close together rise.
 */

import type { Concept, QueryStats } from './query.js';
import { speakerMatches, type Segment } from './segment.js';

/** BM25+ parameters: K1 saturates repeats, B normalises by turn length, DELTA keeps long turns in play. */
const K1 = 1.2;
const B = 0.75;
const DELTA = 0.5;
/** Share of a question's score that the reply right after it earns. */
const ANSWER_SHARE = 0.5;
/** Multiplier when all matched concepts are adjacent: 1 + PROXIMITY_BOOST. */
const PROXIMITY_BOOST = 0.5;
/** Candidates that get the answer and proximity passes, at least. */
const RERANK_POOL = 50;

export interface Candidate {
  segment: Segment;
  turn: number;
  score: number;
}

interface RankRequest {
  concepts: readonly Concept[];
  stats: QueryStats;
  /** Normalised speaker filter, or null for everyone. */
  speakerKey: string | null;
  limit: number;
}

/** Which turns a search may return: all, or those whose speaker matches the filter. */
type TurnFilter = ((turn: number) => boolean) | null;

function turnFilter(segment: Segment, speakerKey: string | null): TurnFilter {
  if (speakerKey === null) return null;
  const allowed = segment.speakerKeys.map((key) => speakerMatches(key, speakerKey));
  return (turn) => allowed[segment.speakerOfTurn[turn]!]!;
}

/** Score buffers for one query, shared by all segments (segment s owns turns [offset, offset + turns)). */
interface Scratch {
  /** Per turn: the text score of each concept, then the speaker score of each. */
  perConcept: Float64Array;
  touched: Uint8Array;
  scores: Float64Array;
}

/** The best `limit` (or a few more) candidates, best first. */
export function rankTurns(segments: readonly Segment[], request: RankRequest): Candidate[] {
  if (request.stats.totalWeight === 0) return [];
  // One allocation per query rather than per segment: small typed arrays are costly to create.
  const offsets = new Map<Segment, number>();
  let totalTurns = 0;
  for (const segment of segments) {
    offsets.set(segment, totalTurns);
    totalTurns += segment.turns.length;
  }
  const scratch: Scratch = {
    perConcept: new Float64Array(totalTurns * request.concepts.length * 2),
    touched: new Uint8Array(totalTurns),
    scores: new Float64Array(totalTurns),
  };
  const leaders = new Leaders(Math.max(RERANK_POOL, request.limit * 3));
  const filters = new Map<Segment, TurnFilter>();
  for (const segment of segments) {
    const filter = turnFilter(segment, request.speakerKey);
    const offset = offsets.get(segment)!;
    filters.set(segment, filter);
    for (const turn of scoreSegment(segment, request, filter, scratch, offset)) leaders.offer(segment, turn, scratch.scores[offset + turn]!);
  }
  const pool = leaders.best();

  const conceptMaps = new Map<Segment, Map<number, number>>();
  const layoutOfCandidate = (candidate: Candidate): Layout => {
    let conceptOfTerm = conceptMaps.get(candidate.segment);
    if (!conceptOfTerm) conceptMaps.set(candidate.segment, (conceptOfTerm = conceptIdsOf(candidate.segment, request.concepts)));
    return layoutOf(candidate, conceptOfTerm);
  };
  const layouts = new Map(pool.map((candidate) => [candidate, layoutOfCandidate(candidate)]));

  // Credits are computed from the scores before any is applied, so they never chain.
  const credits = pool.flatMap((question) => {
    const share = questionShare(layouts.get(question)!, request.stats.conceptWeights);
    const { segment, turn } = question;
    const next = turn + 1;
    if (share === 0 || next >= segment.turns.length || filters.get(segment)?.(next) === false) return [];
    if (segment.turns[next]!.speaker === segment.turns[turn]!.speaker) return [];
    return [{ segment, turn: next, credit: ANSWER_SHARE * share * question.score }];
  });
  for (const { segment, turn, credit } of credits) {
    let answer = pool.find((candidate) => candidate.segment === segment && candidate.turn === turn);
    if (!answer) {
      answer = { segment, turn, score: scratch.scores[offsets.get(segment)! + turn]! };
      pool.push(answer);
      layouts.set(answer, layoutOfCandidate(answer));
    }
    answer.score += credit;
  }

  for (const candidate of pool) candidate.score *= 1 + PROXIMITY_BOOST * closeness(layouts.get(candidate)!);
  return pool.filter((candidate) => candidate.score > 0).sort(byScore);
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.segment.order - b.segment.order || a.turn - b.turn;
}

/**
 * Keeps the best `size` candidates seen so far without sorting every match:
 * offers under the running threshold are dropped, and the list is cut back to
 * `size` whenever it doubles.
 */
class Leaders {
  private readonly kept: Candidate[] = [];
  private threshold = 0;

  constructor(private readonly size: number) {}

  offer(segment: Segment, turn: number, score: number): void {
    if (score <= this.threshold) return;
    this.kept.push({ segment, turn, score });
    if (this.kept.length >= this.size * 2) this.trim();
  }

  best(): Candidate[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept.sort(byScore);
    if (this.kept.length >= this.size) {
      this.kept.length = this.size;
      this.threshold = this.kept[this.size - 1]!.score;
    }
  }
}

/** Pass 1: BM25+ with speaker credit and coverage into `scratch`; returns the turns that match anything. */
function scoreSegment(segment: Segment, { concepts, stats }: RankRequest, filter: TurnFilter, scratch: Scratch, offset: number): number[] {
  const conceptCount = concepts.length;
  const stride = conceptCount * 2;
  const { perConcept, touched: isTouched, scores } = scratch;
  const touched: number[] = [];
  const lengthScale = B / stats.averageLength;
  const { turnLengths } = segment;

  for (let c = 0; c < conceptCount; c++) {
    const concept = concepts[c]!;
    for (const { term, weight } of concept.terms) {
      const id = segment.termIds.get(term);
      if (id === undefined) continue;
      const { turns, freqs } = segment.postings[id]!;
      const termWeight = weight * stats.textIdf.get(term)!;
      for (let k = 0; k < turns.length; k++) {
        const turn = turns[k]!;
        if (filter !== null && !filter(turn)) continue;
        const frequency = freqs[k]!;
        const lengthNorm = 1 - B + lengthScale * turnLengths[turn]!;
        const score = termWeight * ((frequency * (K1 + 1)) / (frequency + K1 * lengthNorm) + DELTA);
        const slot = (offset + turn) * stride + c;
        if (score > perConcept[slot]!) perConcept[slot] = score;
        if (isTouched[offset + turn] === 0) {
          isTouched[offset + turn] = 1;
          touched.push(turn);
        }
      }
    }
    for (const term of concept.typed) {
      const turns = segment.speakerPostings.get(term);
      if (!turns) continue;
      const credit = stats.speakerCredit.get(term)!;
      for (const turn of turns) {
        if (filter !== null && !filter(turn)) continue;
        perConcept[(offset + turn) * stride + conceptCount + c] = credit;
        if (isTouched[offset + turn] === 0) {
          isTouched[offset + turn] = 1;
          touched.push(turn);
        }
      }
    }
  }

  const { conceptWeights, totalWeight } = stats;
  for (const turn of touched) {
    let base = 0;
    let covered = 0;
    const row = (offset + turn) * stride;
    for (let c = 0; c < conceptCount; c++) {
      const concept = perConcept[row + c]! + perConcept[row + conceptCount + c]!;
      if (concept > 0) {
        base += concept;
        covered += conceptWeights[c]!;
      }
    }
    // Coverage factor, as Lucene's classic "coord": the share of the query's weight this turn matched.
    scores[offset + turn] = (base * covered) / totalWeight;
  }
  return touched;
}

/** Term id -> concept index, for the query terms this segment holds. */
function conceptIdsOf(segment: Segment, concepts: readonly Concept[]): Map<number, number> {
  const conceptOfTerm = new Map<number, number>();
  concepts.forEach((concept, c) => {
    for (const { term } of concept.terms) {
      const id = segment.termIds.get(term);
      if (id !== undefined && !conceptOfTerm.has(id)) conceptOfTerm.set(id, c);
    }
  });
  return conceptOfTerm;
}

/** Where a turn's query matches sit: [term position, concept] pairs, and which concepts fall in questions. */
interface Layout {
  matches: Array<[position: number, concept: number]>;
  /** Bit c set when concept c matched the text. */
  textConcepts: number;
  /** Bit c set when concept c matched inside a sentence ending with "?". */
  questionConcepts: number;
}

function layoutOf({ segment, turn }: Candidate, conceptOfTerm: ReadonlyMap<number, number>): Layout {
  const layout: Layout = { matches: [], textConcepts: 0, questionConcepts: 0 };
  const from = segment.turnOffsets[turn]!;
  const to = segment.turnOffsets[turn + 1]!;
  for (let i = from; i < to; i++) {
    const concept = conceptOfTerm.get(segment.tokens[i]!);
    if (concept === undefined) continue;
    layout.matches.push([i - from, concept]);
    layout.textConcepts |= 1 << concept;
    if (segment.inQuestion[i] === 1) layout.questionConcepts |= 1 << concept;
  }
  return layout;
}

function weightOf(bits: number, conceptWeights: readonly number[]): number {
  let total = 0;
  conceptWeights.forEach((weight, c) => {
    if (bits & (1 << c)) total += weight;
  });
  return total;
}

/** Pass 2: the part of a turn's matched weight that it asks about (0..1). */
function questionShare(layout: Layout, conceptWeights: readonly number[]): number {
  if (layout.questionConcepts === 0) return 0;
  return weightOf(layout.questionConcepts, conceptWeights) / weightOf(layout.textConcepts, conceptWeights);
}

/**
 * Pass 3: 1 when the matched concepts appear side by side (stop words aside),
 * falling towards 0 as the shortest stretch holding them all grows; 0 with
 * fewer than two concepts in the text.
 */
function closeness({ matches, textConcepts }: Layout): number {
  if ((textConcepts & (textConcepts - 1)) === 0) return 0;
  let wanted = 0;
  for (let bits = textConcepts; bits !== 0; bits &= bits - 1) wanted++;

  // Shortest window holding every matched concept (two-pointer sweep).
  const inWindow = new Map<number, number>();
  let shortest = Infinity;
  let left = 0;
  for (const [rightPosition, concept] of matches) {
    inWindow.set(concept, (inWindow.get(concept) ?? 0) + 1);
    while (inWindow.size === wanted) {
      const [leftPosition, leftConcept] = matches[left]!;
      shortest = Math.min(shortest, rightPosition - leftPosition + 1);
      const count = inWindow.get(leftConcept)! - 1;
      if (count === 0) inWindow.delete(leftConcept);
      else inWindow.set(leftConcept, count);
      left++;
    }
  }
  return (wanted - 1) / (shortest - 1);
}

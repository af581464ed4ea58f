/**
 * Scores turns against a query in three passes.
 *
 * 1. BM25+ per concept: a turn earns, for each concept, its best-matching term
 *    (typed word or synonym) plus a smaller credit when the concept names the
 *    turn's speaker ("Where is Dana based?" favours Dana's own turns). The sum
 *    is multiplied by the square root of how much of the query's weight the
 *    turn covers, so turns holding several query words beat turns repeating one.
 * 2. Answers: in a meeting the reply follows the question. When a leading
 *    candidate asks about the query's words (they sit in a sentence ending with
 *    "?"), the next turn, if someone else speaks it, earns a share of its score
 *    even when it repeats none of those words.
 * 3. Intent: when the query asks for a kind of answer (how many, when, who,
 *    where, why, what went wrong, what system), leading candidates carrying
 *    one rise, more when it sits next to the asked words ("212 stores"); and
 *    the next two turns after a leading candidate earn a share of its score
 *    when they carry one (the topic is raised, then answered).
 * 4. Proximity: leading candidates whose matched words sit close together rise.
 */

import { ANSWER_KINDS, textEvidence, type IntentKind } from './intent.js';
import { NAME_FORM_SHARE, otherNameTurns, type Concept, type QueryStats, type SegmentMatches, type SpeakerTurns } from './query.js';
import { speakerMatches, type Segment } from './segment.js';

/** BM25+ parameters: K1 saturates repeats, B normalises by turn length, DELTA keeps long turns in play. */
const K1 = 1.2;
const B = 0.75;
const DELTA = 0.5;
/** Share of a question's score that the reply right after it earns. */
const ANSWER_SHARE = 0.5;
/** Multiplier when all matched concepts are adjacent: 1 + PROXIMITY_BOOST. */
const PROXIMITY_BOOST = 0.5;
/** Multiplier when a turn carries the kind of answer asked for next to the asked words: 1 + INTENT_BOOST. */
const INTENT_BOOST = 0.6;
/** An answer word this many terms or fewer from an asked word is next to it. */
const NEAR = 4;
/** Evidence of an answer word elsewhere in the turn. */
const FAR_EVIDENCE = 0.5;
/** Share of a candidate's score that each of the next turns carrying the kind of answer asked for earns, times its evidence. */
const FOLLOW_SHARE = 0.5;
const FOLLOW_TURNS = 2;
/** An explanation often follows the complaint without a "because": the evidence a turn after one earns at least. */
const FOLLOW_REASON_FLOOR = 0.3;
/** Concept scores (8 bytes each) the index keeps between queries: 256 KB. */
const RETAINED_CONCEPT_SCORES = 32_768;
/** Candidates that get the answer and proximity passes, at least. */
const RERANK_POOL = 50;

export interface Candidate {
  segment: Segment;
  turn: number;
  score: number;
}

/** A ranked turn and what its score is made of. */
export interface RankedTurn extends Candidate {
  /** Passes 2 and 3: what it earned as the reply to a turn asking about the query, or as a turn right after one raising it. */
  replyCredit: number;
  /** Pass 3: how well it carries the kind of answer asked for (0..1), and the multiplier that earned. */
  intentEvidence: number;
  intentFactor: number;
  /** Pass 4: the proximity multiplier. */
  proximityFactor: number;
}

interface RankRequest {
  concepts: readonly Concept[];
  stats: QueryStats;
  matches: ReadonlyMap<Segment, SegmentMatches>;
  /** Per segment, per concept: the turns whose speaker the concept names. */
  speakers: ReadonlyMap<Segment, SpeakerTurns>;
  intent: IntentKind | null;
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

/**
 * Score buffers shared by all segments of a query (segment s owns turn places
 * [offset, offset + turns)), kept by the index from one query to the next:
 * allocating and zeroing them per query (turns × concepts × 2 numbers) cost
 * more than scoring. Concept scores are kept only for the turns a query
 * touches, one row each in touch order, and only those are cleared after it.
 */
export class ScoreScratch {
  /** Per touched turn (its row): the text score of each concept, then the speaker score of each. */
  perConcept = new Float64Array(0);
  /** Per turn place: its score after pass 1. */
  scores = new Float64Array(0);
  /** Per turn place: its row + 1, or 0 when untouched. */
  private rows = new Uint32Array(0);
  /** Turn places touched by the current query, in row order. */
  private readonly used: number[] = [];
  private stride = 0;

  /**
   * Makes room for `turns` turn places, of which at most `touchable` get a row
   * of `stride` concept scores; every slot reads 0.
   */
  reserve(turns: number, touchable: number, stride: number): void {
    this.stride = stride;
    if (this.rows.length < turns) {
      this.rows = new Uint32Array(turns);
      this.scores = new Float64Array(turns);
    }
    if (this.perConcept.length < touchable * stride) this.perConcept = new Float64Array(touchable * stride);
  }

  /** Where the concept scores of the turn at `place` start, giving it the next row when this query had not touched it. */
  rowStart(place: number): number {
    const row = this.rows[place]!;
    if (row !== 0) return (row - 1) * this.stride;
    this.used.push(place);
    this.rows[place] = this.used.length;
    return (this.used.length - 1) * this.stride;
  }

  /** How many turns the current query touched. */
  get touchedCount(): number {
    return this.used.length;
  }

  /** The place of the turn given `row`. */
  placeOf(row: number): number {
    return this.used[row]!;
  }

  /** Zeroes what the query wrote, ready for the next one. */
  clear(): void {
    for (const place of this.used) {
      this.rows[place] = 0;
      this.scores[place] = 0;
    }
    // A query touching most turns of many meetings needs a large buffer: it is dropped rather than held by the index.
    if (this.perConcept.length > RETAINED_CONCEPT_SCORES) this.perConcept = new Float64Array(0);
    else this.perConcept.fill(0, 0, this.used.length * this.stride);
    this.used.length = 0;
  }
}

/** The best `limit` (or a few more) candidates, best first; `scratch` is left cleared. */
export function rankTurns(segments: readonly Segment[], request: RankRequest, scratch: ScoreScratch): RankedTurn[] {
  if (request.stats.totalWeight === 0) return [];
  const offsets = new Map<Segment, number>();
  let totalTurns = 0;
  for (const segment of segments) {
    offsets.set(segment, totalTurns);
    totalTurns += segment.turns.length;
  }
  scratch.reserve(totalTurns, Math.min(totalTurns, touchableTurns(segments, request)), request.concepts.length * 2);
  try {
    return rankWith(segments, request, scratch, offsets);
  } finally {
    scratch.clear();
  }
}

/** How many turns pass 1 may touch at most: the lengths of the posting lists it reads. */
function touchableTurns(segments: readonly Segment[], { concepts, stats, matches, speakers }: RankRequest): number {
  let total = 0;
  for (const segment of segments) {
    const segmentMatches = matches.get(segment)!;
    for (let c = 0; c < concepts.length; c++) {
      segmentMatches[c]!.forEach((posting, a) => {
        if (posting !== undefined && stats.alternativeWeights[c]![a] !== 0) total += posting.turns.length;
      });
      total += speakers.get(segment)![c]?.length ?? 0;
    }
  }
  return total;
}

function rankWith(segments: readonly Segment[], request: RankRequest, scratch: ScoreScratch, offsets: ReadonlyMap<Segment, number>): RankedTurn[] {
  const leaders = new Leaders(Math.max(RERANK_POOL, request.limit * 3));
  const filters = new Map<Segment, TurnFilter>();
  for (const segment of segments) {
    const filter = turnFilter(segment, request.speakerKey);
    const offset = offsets.get(segment)!;
    filters.set(segment, filter);
    const firstRow = scratch.touchedCount;
    scoreSegment(segment, request, filter, scratch, offset);
    for (let row = firstRow; row < scratch.touchedCount; row++) {
      const place = scratch.placeOf(row);
      leaders.offer(segment, place - offset, scratch.scores[place]!);
    }
  }
  const pool = leaders.kept().sort(byScore);

  // Per query and segment: which concept each term id stands for; per turn (by its place in `scratch`): its layout and evidence.
  const conceptMaps = new Map<Segment, Map<number, number>>();
  const layouts = new Map<number, Layout>();
  const evidences = new Map<number, number>();
  const answerKinds = request.intent === null ? 0 : ANSWER_KINDS[request.intent];
  const slotOf = (segment: Segment, turn: number) => offsets.get(segment)! + turn;
  const layoutAt = (segment: Segment, turn: number): Layout => {
    const slot = slotOf(segment, turn);
    let layout = layouts.get(slot);
    if (!layout) {
      let conceptOfTerm = conceptMaps.get(segment);
      if (!conceptOfTerm) {
        conceptOfTerm = conceptIdsOf(segment, request.concepts, request.intent === 'system' || request.intent === 'place');
        conceptMaps.set(segment, conceptOfTerm);
      }
      layout = layoutOf(segment, turn, conceptOfTerm, answerKinds);
      layouts.set(slot, layout);
    }
    return layout;
  };
  const evidenceAt = (intent: IntentKind, segment: Segment, turn: number): number => {
    const slot = slotOf(segment, turn);
    let evidence = evidences.get(slot);
    if (evidence === undefined) evidences.set(slot, (evidence = intentEvidence(intent, segment, turn, layoutAt(segment, turn))));
    return evidence;
  };

  const allowed = (segment: Segment, turn: number) => turn < segment.turns.length && filters.get(segment)?.(turn) !== false;
  // Credits are computed from the scores before any is applied, so they never chain.
  const credits = pool.flatMap(({ segment, turn, score }) => {
    const earned: Array<{ segment: Segment; turn: number; credit: number }> = [];
    const share = questionShare(layoutAt(segment, turn), request.stats.conceptWeights);
    const next = turn + 1;
    if (share > 0 && allowed(segment, next) && segment.turns[next]!.speaker !== segment.turns[turn]!.speaker) {
      earned.push({ segment, turn: next, credit: ANSWER_SHARE * share * score });
    }
    if (request.intent !== null) {
      for (let follow = turn + 1; follow <= turn + FOLLOW_TURNS && allowed(segment, follow); follow++) {
        const found = evidenceAt(request.intent, segment, follow);
        const evidence = request.intent === 'reason' ? Math.max(found, FOLLOW_REASON_FLOOR) : found;
        if (evidence > 0) earned.push({ segment, turn: follow, credit: FOLLOW_SHARE * evidence * score });
      }
    }
    return earned;
  });
  const bySlot = new Map(pool.map((candidate) => [slotOf(candidate.segment, candidate.turn), candidate]));
  for (const { segment, turn, credit } of credits) {
    const slot = slotOf(segment, turn);
    let answer = bySlot.get(slot);
    if (!answer) {
      answer = { segment, turn, score: scratch.scores[slot]!, replyCredit: 0, intentEvidence: 0, intentFactor: 1, proximityFactor: 1 };
      pool.push(answer);
      bySlot.set(slot, answer);
    }
    answer.score += credit;
    answer.replyCredit += credit;
  }

  for (const candidate of pool) {
    const { segment, turn } = candidate;
    if (request.intent !== null) {
      candidate.intentEvidence = evidenceAt(request.intent, segment, turn);
      candidate.intentFactor = 1 + INTENT_BOOST * candidate.intentEvidence;
    }
    candidate.proximityFactor = 1 + PROXIMITY_BOOST * closeness(layoutAt(segment, turn));
    candidate.score *= candidate.intentFactor * candidate.proximityFactor;
  }
  return pool.filter((candidate) => candidate.score > 0).sort(byScore);
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.segment.order - b.segment.order || a.turn - b.turn;
}

/**
 * Keeps the best `size` candidates seen so far in a binary heap whose root is
 * the worst kept: an offer that does not beat the root costs one comparison,
 * one that does replaces it in log(size) steps.
 */
class Leaders {
  private readonly heap: RankedTurn[] = [];

  constructor(private readonly size: number) {}

  offer(segment: Segment, turn: number, score: number): void {
    const { heap } = this;
    if (score <= 0) return;
    if (heap.length === this.size) {
      const worst = heap[0]!;
      if (score < worst.score || (score === worst.score && isBefore(worst, segment, turn))) return;
    }
    const candidate: RankedTurn = { segment, turn, score, replyCredit: 0, intentEvidence: 0, intentFactor: 1, proximityFactor: 1 };
    if (heap.length < this.size) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else {
      heap[0] = candidate;
      this.siftDown(0);
    }
  }

  /** The kept candidates, in no particular order. */
  kept(): RankedTurn[] {
    return this.heap;
  }

  private siftUp(at: number): void {
    const { heap } = this;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (byScore(heap[at]!, heap[parent]!) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const { heap } = this;
    for (;;) {
      let worst = at;
      for (let child = 2 * at + 1; child <= 2 * at + 2 && child < heap.length; child++) if (byScore(heap[child]!, heap[worst]!) > 0) worst = child;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  }
}

/** Whether `candidate` ranks before (segment, turn) at the same score. */
function isBefore(candidate: Candidate, segment: Segment, turn: number): boolean {
  return candidate.segment.order < segment.order || (candidate.segment === segment && candidate.turn < turn);
}

/** Pass 1: BM25+ with speaker credit and coverage into `scratch`, which gives the turns matching anything new rows in the order first matched. */
function scoreSegment(segment: Segment, { concepts, stats, matches, speakers }: RankRequest, filter: TurnFilter, scratch: ScoreScratch, offset: number): void {
  const conceptCount = concepts.length;
  const firstRow = scratch.touchedCount;
  const { perConcept, scores } = scratch;
  const lengthScale = B / stats.averageLength;
  const { turnLengths } = segment;

  const segmentMatches = matches.get(segment)!;
  const segmentSpeakers = speakers.get(segment)!;
  for (let c = 0; c < conceptCount; c++) {
    const concept = concepts[c]!;
    for (let a = 0; a < concept.alternatives.length; a++) {
      const posting = segmentMatches[c]![a];
      const termWeight = stats.alternativeWeights[c]![a]!;
      if (posting === undefined || termWeight === 0) continue;
      const { turns, freqs } = posting;
      const nameTurns = otherNameTurns(segment, concept, concept.alternatives[a]!);
      let name = 0;
      for (let k = 0; k < turns.length; k++) {
        const turn = turns[k]!;
        if (filter !== null && !filter(turn)) continue;
        let score = termWeight * bm25(freqs[k]!, 1 - B + lengthScale * turnLengths[turn]!);
        if (nameTurns !== undefined) {
          while (name < nameTurns.length && nameTurns[name]! < turn) name++;
          if (nameTurns[name] === turn) score *= NAME_FORM_SHARE;
        }
        const slot = scratch.rowStart(offset + turn) + c;
        if (score > perConcept[slot]!) perConcept[slot] = score;
      }
    }
    const credit = stats.speakerCredit[c]!;
    for (const turn of segmentSpeakers[c] ?? []) {
      if (filter !== null && !filter(turn)) continue;
      perConcept[scratch.rowStart(offset + turn) + conceptCount + c] = credit;
    }
  }

  const { conceptWeights, totalWeight } = stats;
  for (let touched = firstRow; touched < scratch.touchedCount; touched++) {
    let base = 0;
    let covered = 0;
    const row = touched * conceptCount * 2;
    for (let c = 0; c < conceptCount; c++) {
      const concept = perConcept[row + c]! + perConcept[row + conceptCount + c]!;
      if (concept > 0) {
        base += concept;
        covered += conceptWeights[c]!;
      }
    }
    // Coverage factor, a softened "coord" (Lucene's classic): the square root of the share of the query's weight
    // this turn matched. Softened so that a turn holding only the query's rarest, most telling word still competes
    // with turns that repeat the meeting's everyday topic words ("politics" against "collected data").
    scores[scratch.placeOf(touched)] = base * Math.sqrt(covered / totalWeight);
  }
}

/** BM25+'s saturated frequency, before the term's weight. */
function bm25(frequency: number, lengthNorm: number): number {
  return (frequency * (K1 + 1)) / (frequency + K1 * lengthNorm) + DELTA;
}

/** What one concept's match earns in a turn of the given length. */
export function matchScore(termWeight: number, frequency: number, turnLength: number, stats: QueryStats): number {
  return termWeight * bm25(frequency, 1 - B + (B / stats.averageLength) * turnLength);
}

/**
 * Term id -> concept index, for the query terms this segment holds; with
 * `ignoreSpeakers`, -1 for the words of the speakers' names, which name people,
 * not the system or place asked for.
 */
function conceptIdsOf(segment: Segment, concepts: readonly Concept[], ignoreSpeakers: boolean): Map<number, number> {
  const conceptOfTerm = new Map<number, number>();
  concepts.forEach((concept, c) => {
    for (const { terms } of concept.alternatives) {
      for (const term of terms) {
        const id = segment.termIds.get(term);
        if (id !== undefined && !conceptOfTerm.has(id)) conceptOfTerm.set(id, c);
      }
    }
  });
  if (ignoreSpeakers) {
    for (const term of segment.speakerTerms) {
      const id = segment.termIds.get(term);
      if (id !== undefined && !conceptOfTerm.has(id)) conceptOfTerm.set(id, -1);
    }
  }
  return conceptOfTerm;
}

/** Where a turn's query matches sit: [term position, concept] pairs, and which concepts fall in questions. */
interface Layout {
  matches: Array<[position: number, concept: number]>;
  /** Bit c set when concept c matched the text. */
  textConcepts: number;
  /** Bit c set when concept c matched inside a sentence ending with "?". */
  questionConcepts: number;
  /** Positions of words of the kind of answer asked for (not query words). */
  answers: number[];
}

function layoutOf(segment: Segment, turn: number, conceptOfTerm: ReadonlyMap<number, number>, answerKinds: number): Layout {
  const layout: Layout = { matches: [], textConcepts: 0, questionConcepts: 0, answers: [] };
  const from = segment.turnOffsets[turn]!;
  const to = segment.turnOffsets[turn + 1]!;
  for (let i = from; i < to; i++) {
    const token = segment.tokens[i]!;
    const concept = conceptOfTerm.get(token);
    if (concept === undefined) {
      if ((segment.termKinds[token]! & answerKinds) !== 0) layout.answers.push(i - from);
      continue;
    }
    if (concept < 0) continue;
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
 * Pass 3: 1 when the turn holds a word of the kind asked for next to a matched
 * word (or gives a reason, or says what went wrong), FAR_EVIDENCE when the
 * word is elsewhere in the turn, 0 without one.
 */
function intentEvidence(intent: IntentKind, segment: Segment, turn: number, { matches, answers }: Layout): number {
  if (intent === 'reason' || intent === 'problem') return textEvidence(intent, segment.turns[turn]!.text);
  if (answers.length === 0) return 0;
  const near = answers.some((position) => matches.some(([matched]) => Math.abs(matched - position) <= NEAR));
  return near ? 1 : FAR_EVIDENCE;
}

/**
 * Pass 4: 1 when the matched concepts appear side by side (stop words aside),
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

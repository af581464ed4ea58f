/**
 * The reduce step's local half: merging what the map calls extracted, before
 * any section is written. Facts are grounded, deduplicated and ordered by
 * turn. Field candidates are grounded, normalised by the catalogue's own
 * schemas and checked against their turn (a name or figure the turn does not
 * say is dropped); then, per field, a later correction wins, hypotheticals
 * never count as results, and otherwise the value said in most turns wins.
 * The offline engine's chosen value joins as one more supporter, and fills a
 * field the model found nothing for.
 */

import { checkFieldValue, FIELDS, FIELD_NAMES, suspiciousKind, type FieldCheckContext } from '../snapshot/index.js';
import type { Evidence, FieldName, FieldValue, FoundField, SectionSlug, SnapshotField } from '../snapshot/types.js';
import type { FactOutput, FieldCandidateOutput } from './schemas.js';
import { cleanProse, countDrop, isEvidence, saidNumbers, statedFigures, uniqueEvidence, type DropTally, type Grounder } from './verify.js';

export interface MergedFact {
  section: SectionSlug;
  fact: string;
  evidence: Evidence;
}

/** Grounded facts, one per section, turn and quote, in transcript order. */
export function mergeFacts(facts: readonly FactOutput[], grounder: Grounder, tally: DropTally): MergedFact[] {
  const seen = new Set<string>();
  const merged: MergedFact[] = [];
  for (const fact of facts) {
    const evidence = grounder.ground(fact.turn, fact.quote);
    if (!isEvidence(evidence)) {
      countDrop(tally, evidence);
      continue;
    }
    const text = cleanProse(fact.fact);
    // A fact goes into the writer's prompt: one that reads as instructions would carry them there.
    if (suspiciousKind(text) !== null) {
      countDrop(tally, 'reads_as_instructions');
      continue;
    }
    const key = `${fact.section}\u0000${evidence.turn_index}\u0000${evidence.quote}`;
    if (text.length === 0 || seen.has(key)) continue;
    seen.add(key);
    merged.push({ section: fact.section, fact: text, evidence });
  }
  return merged.sort((a, b) => a.evidence.turn_index - b.evidence.turn_index);
}

/** At most `max` facts of a section, spread evenly over the meeting. */
export function factsFor(facts: readonly MergedFact[], slug: SectionSlug, max: number): MergedFact[] {
  const own = facts.filter((fact) => fact.section === slug);
  if (own.length <= max) return own;
  return Array.from({ length: max }, (_, i) => own[Math.floor((i * own.length) / max)] as MergedFact);
}

/** Fields whose value is a result: a hypothetical one is not a result. */
const RESULT_FIELDS: ReadonlySet<FieldName> = new Set(['cost_savings', 'revenue_increase', 'roi_percentage', 'user_count', 'adoption_rate', 'efficiency_improvement']);
/** Fields whose words must be in the cited turn (industry is often paraphrased; dates are often relative). */
const WORDED_FIELDS: ReadonlySet<FieldName> = new Set(['company_name', 'location', 'primary_contact', 'contact_position', 'product_name']);

/** The cited turn says the value: its figures, its e-mail's local part, or most of its words. */
export function turnSaysValue(field: FieldName, value: FieldValue, turnText: string): boolean {
  const type = FIELDS[field].type;
  if (type === 'money' || type === 'percentage' || type === 'integer') {
    const said = saidNumbers([turnText]);
    const figures = statedFigures(String(value));
    return figures.length > 0 && figures.every((figure) => said.has(figure));
  }
  const lower = turnText.toLowerCase();
  if (type === 'email') return lower.includes(String(value).split('@')[0] ?? '');
  if (!WORDED_FIELDS.has(field)) return true;
  const words = String(value).toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return words.length === 0 || words.filter((word) => lower.includes(word)).length * 2 >= words.length;
}

interface Supporter {
  value: FieldValue;
  status: FieldCandidateOutput['status'] | 'offline';
  evidence: Evidence[];
  /** Latest turn that supports the value; later corrections win. */
  turn: number;
}

interface ValueGroup {
  value: FieldValue;
  supporters: Supporter[];
}

function keyOf(value: FieldValue): string {
  return String(value).trim().toLowerCase();
}

function groupSupporters(supporters: readonly Supporter[]): ValueGroup[] {
  const groups = new Map<string, ValueGroup>();
  for (const supporter of supporters) {
    const key = keyOf(supporter.value);
    const group = groups.get(key);
    if (group) group.supporters.push(supporter);
    else groups.set(key, { value: supporter.value, supporters: [supporter] });
  }
  return [...groups.values()];
}

function distinctTurns(group: ValueGroup): number {
  return new Set(group.supporters.filter((s) => s.status !== 'offline').map((s) => s.turn)).size;
}

function latestTurn(group: ValueGroup, status?: Supporter['status']): number {
  return Math.max(-1, ...group.supporters.filter((s) => status === undefined || s.status === status).map((s) => s.turn));
}

/** Later correction first; else most turns (the offline engine's vote counts as one); else the later value. */
function rankGroups(groups: ValueGroup[]): ValueGroup[] {
  const score = (group: ValueGroup) => distinctTurns(group) + (group.supporters.some((s) => s.status === 'offline') ? 1 : 0);
  return [...groups].sort(
    (a, b) => latestTurn(b, 'corrected') - latestTurn(a, 'corrected') || score(b) - score(a) || latestTurn(b) - latestTurn(a),
  );
}

/** Confidence of a model's (or a client's) value: more turns saying it, the offline engine agreeing and a stated correction each add. */
export function groundedFieldConfidence(turns: number, offlineAgrees: boolean, corrected: boolean): number {
  const confidence = (turns === 0 ? 0.5 : 0.6 + 0.08 * Math.min(3, turns - 1)) + (offlineAgrees && turns > 0 ? 0.15 : 0) + (corrected ? 0.05 : 0);
  return Math.round(Math.min(0.95, confidence) * 100) / 100;
}

function confidenceOf(group: ValueGroup): number {
  return groundedFieldConfidence(
    distinctTurns(group),
    group.supporters.some((s) => s.status === 'offline'),
    group.supporters.some((s) => s.status === 'corrected'),
  );
}

function reasonLost(loser: ValueGroup, winner: ValueGroup): string {
  if (loser.supporters.every((s) => s.status === 'hypothetical')) return 'said as a possibility, estimate or target, not a result';
  if (latestTurn(winner, 'corrected') >= latestTurn(loser)) return 'replaced by a later correction';
  if (loser.supporters.every((s) => s.status === 'offline')) return 'chosen by the offline engine; the model read the call differently';
  return 'stated in fewer turns';
}

function toField(ranked: ValueGroup[], hypothetical: ValueGroup[]): FoundField {
  const [winner, ...losers] = ranked as [ValueGroup, ...ValueGroup[]];
  const evidenceOf = (group: ValueGroup) => uniqueEvidence(group.supporters.flatMap((s) => s.evidence)).slice(0, 3);
  const alternatives = [...losers, ...hypothetical].slice(0, 3).map((group) => ({ value: group.value, reason: reasonLost(group, winner), evidence: evidenceOf(group) }));
  return {
    value: winner.value,
    confidence: confidenceOf(winner),
    source: 'transcript',
    evidence: evidenceOf(winner),
    ...(alternatives.length > 0 ? { alternatives } : {}),
  };
}

/**
 * Merges the model's field candidates with the offline engine's fields. A
 * candidate that fails its field's type check (the offline engine's own) is
 * dropped like an ungrounded one.
 * @param checks what the call says about names, for the type checks (the vendor's names and domains).
 */
export function mergeFields(
  candidates: readonly FieldCandidateOutput[],
  offline: Readonly<Record<FieldName, SnapshotField>>,
  grounder: Grounder,
  tally: DropTally,
  checks: FieldCheckContext = {},
): Record<FieldName, SnapshotField> {
  const byField = new Map<FieldName, Supporter[]>(FIELD_NAMES.map((name) => [name, []]));
  for (const candidate of candidates) {
    const evidence = grounder.ground(candidate.turn, candidate.quote);
    if (!isEvidence(evidence)) {
      countDrop(tally, evidence);
      continue;
    }
    const parsed = FIELDS[candidate.field].parse(candidate.value);
    if (!parsed.ok) {
      countDrop(tally, 'invalid_value');
      continue;
    }
    if (!turnSaysValue(candidate.field, parsed.value, grounder.turnText(evidence.turn_index))) {
      countDrop(tally, 'value_not_in_evidence');
      continue;
    }
    if (!checkFieldValue(candidate.field, parsed.value, checks).ok) {
      countDrop(tally, 'wrong_kind');
      continue;
    }
    byField.get(candidate.field)?.push({ value: parsed.value, status: candidate.status, evidence: [evidence], turn: evidence.turn_index });
  }

  const fields = {} as Record<FieldName, SnapshotField>;
  for (const name of FIELD_NAMES) {
    const found = offline[name];
    const model = byField.get(name) ?? [];
    const offlineSupporter: Supporter[] =
      found.value === null ? [] : [{ value: found.value, status: 'offline', evidence: found.evidence, turn: Math.max(-1, ...found.evidence.map((e) => e.turn_index)) }];
    const counted = model.filter((s) => !(RESULT_FIELDS.has(name) && s.status === 'hypothetical'));
    if (counted.length === 0) {
      fields[name] = found;
      continue;
    }
    const hypothetical = groupSupporters(model.filter((s) => !counted.includes(s)));
    fields[name] = toField(rankGroups(groupSupporters([...counted, ...offlineSupporter])), hypothetical);
  }
  return fields;
}


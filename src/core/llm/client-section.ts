/**
 * A section (and the fields it shows) written by the client's own model
 * through `write_snapshot_section`, checked exactly as a model engine's draft
 * is: every citation must quote its turn verbatim (withheld turns cannot be
 * cited), every figure, e-mail address and link a sentence states must be
 * said in the turns the section cites, a sentence that reads as instructions
 * to a model is dropped, markup is removed, and a field value must fit its
 * field and be said in its own cited turns. What holds is stored with
 * `source: "client"` (fields) and `written_by: "client"` (the section); what
 * does not is returned with its reason, so the model can fix and resend.
 */

import { CLIENT_WRITER, NOT_A_CUSTOMER_CALL, SECTION_SLUGS, findSuspiciousTurns, rebuildWithFields, sectionSpec, suspiciousKind, validateFieldValue, checkFieldValue, type FieldCheckContext } from '../snapshot/index.js';
import { splitSentenceSpans } from '../snapshot/sentences.js';
import type { Evidence, FieldName, FieldValue, FoundField, SectionSlug, Snapshot, SnapshotField } from '../snapshot/types.js';
import type { Transcript } from '../transcript/types.js';
import { renderSection, summaryClaimsBackedElsewhere } from './assemble.js';
import { groundedFieldConfidence, turnSaysValue } from './merge.js';
import {
  cleanProse,
  describeDrop,
  Grounder,
  isEvidence,
  saidNumbers,
  uniqueEvidence,
  unsaidInCitedTurns,
  type DropReason,
  type VerifiedClaim,
} from './verify.js';

export interface ClientCitation {
  turn_index: number;
  quote: string;
}

export interface ClientSectionInput {
  section: SectionSlug;
  content: string;
  evidence: readonly ClientCitation[];
  fields?: Partial<Record<FieldName, { value: FieldValue; evidence: readonly ClientCitation[] }>>;
}

/** Why a client's item was not stored: the model engines' reasons, plus two that only a client meets. */
export type ClientDropReason = DropReason | 'set_by_user' | 'not_a_customer_call';

export interface DroppedItem {
  item: 'evidence' | 'claim' | 'field';
  reason: ClientDropReason;
  /** One sentence saying what to fix. */
  message: string;
  /** The claim as sent (cut to 200 characters), or the cited quote. */
  text?: string;
  field?: FieldName;
  turn_index?: number;
}

export interface ClientWriteOutcome {
  snapshot: Snapshot;
  /** Sentences stored in the section, as the report shows them (without citations). */
  keptClaims: string[];
  keptEvidence: Evidence[];
  keptFields: FieldName[];
  dropped: DroppedItem[];
}

const CLIENT_ONLY_REASONS: Readonly<Record<'set_by_user' | 'not_a_customer_call', string>> = {
  set_by_user: 'is a value the user entered; only update_snapshot_field changes it',
  not_a_customer_call: 'is a customer field, and the call does not look like a customer conversation (NOT_A_CUSTOMER_CALL)',
};

function reasonWords(reason: ClientDropReason): string {
  return reason === 'set_by_user' || reason === 'not_a_customer_call' ? CLIENT_ONLY_REASONS[reason] : describeDrop(reason);
}

const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** Bullets and lines are claims of their own; a paragraph is split into sentences. */
function claimsOf(content: string): Array<{ text: string; startsParagraph: boolean }> {
  const claims: Array<{ text: string; startsParagraph: boolean }> = [];
  for (const paragraph of content.split(/\n\s*\n/)) {
    let first = true;
    for (const line of paragraph.split('\n')) {
      for (const [start, end] of splitSentenceSpans(line)) {
        claims.push({ text: line.slice(start, end), startsParagraph: first });
        first = false;
      }
    }
  }
  return claims;
}

const CONTENT_WORD = /[\p{L}\p{N}]{4,}/gu;

/** The citations that back one sentence: the turns that say its figures, else those sharing most words with it. */
function evidenceForClaim(text: string, pool: readonly Evidence[], turnText: (index: number) => string): Evidence[] {
  const figures = [...saidNumbers([text])];
  if (figures.length > 0) return pool.filter((item) => figures.some((figure) => saidNumbers([turnText(item.turn_index)]).has(figure))).slice(0, 3);
  const words = new Set((text.toLowerCase().match(CONTENT_WORD) ?? []));
  const overlap = (item: Evidence) => (turnText(item.turn_index).toLowerCase().match(CONTENT_WORD) ?? []).filter((word) => words.has(word)).length;
  const ranked = pool.map((item) => ({ item, score: overlap(item) })).sort((a, b) => b.score - a.score);
  const best = ranked.filter(({ score }) => score > 0).slice(0, 2).map(({ item }) => item);
  return best.length > 0 ? best : pool.slice(0, 1);
}

function groundAll(citations: readonly ClientCitation[], grounder: Grounder, dropped: DroppedItem[], field?: FieldName): Evidence[] {
  const grounded: Evidence[] = [];
  for (const citation of citations) {
    const result = grounder.ground(citation.turn_index, citation.quote);
    if (isEvidence(result)) grounded.push(result);
    else {
      dropped.push({
        item: 'evidence',
        reason: result,
        message: `The citation of turn ${citation.turn_index} ${reasonWords(result)}.`,
        text: clip(citation.quote),
        turn_index: citation.turn_index,
        ...(field ? { field } : {}),
      });
    }
  }
  return uniqueEvidence(grounded);
}

/** The reason a sentence cannot be stored with this evidence, or null when it holds. */
function claimFailure(text: string, evidence: readonly Evidence[], grounder: Grounder): DropReason | null {
  if (suspiciousKind(text) !== null) return 'reads_as_instructions';
  if (evidence.length === 0) return 'no_evidence';
  // Stricter than for a model engine's claims: figures in words count too ("saved ten million dollars").
  return unsaidInCitedTurns(text, evidence.map((item) => grounder.turnText(item.turn_index)), true);
}

function isCustomerCall(snapshot: Snapshot): boolean {
  return !snapshot.validation.issues.some((issue) => issue.code === NOT_A_CUSTOMER_CALL);
}

function checkFields(input: ClientSectionInput, snapshot: Snapshot, grounder: Grounder, dropped: DroppedItem[]): Partial<Record<FieldName, FoundField>> {
  const accepted: Partial<Record<FieldName, FoundField>> = {};
  // What the snapshot already knows of the call: its customer is never its own product.
  const company = snapshot.fields.company_name.value;
  const checks: FieldCheckContext = company === null ? {} : { customerName: String(company) };
  for (const [name, sent] of Object.entries(input.fields ?? {}) as Array<[FieldName, { value: FieldValue; evidence: readonly ClientCitation[] }]>) {
    const refuse = (reason: ClientDropReason, message = `${name} was not stored: it ${reasonWords(reason)}.`) =>
      dropped.push({ item: 'field', field: name, reason, message, text: clip(String(sent.value)) });
    const current = snapshot.fields[name];
    if (current.value !== null && current.source === 'user') {
      refuse('set_by_user');
      continue;
    }
    if (!isCustomerCall(snapshot)) {
      refuse('not_a_customer_call');
      continue;
    }
    let value: FieldValue;
    try {
      value = validateFieldValue(name, sent.value);
    } catch (error) {
      // The catalogue's own words: "Users (user_count) must be a whole number."
      refuse('invalid_value', `${name} was not stored: ${(error as Error).message}`);
      continue;
    }
    const kind = checkFieldValue(name, value, checks);
    if (!kind.ok) {
      refuse('wrong_kind', `${name} was not stored: it is ${kind.reason}.`);
      continue;
    }
    const evidence = groundAll(sent.evidence, grounder, dropped, name);
    if (evidence.length === 0) {
      refuse('no_evidence');
      continue;
    }
    const saying = evidence.filter((item) => turnSaysValue(name, value, grounder.turnText(item.turn_index)));
    if (saying.length === 0) {
      refuse('value_not_in_evidence');
      continue;
    }
    const agrees = current.value !== null && String(current.value).toLowerCase() === String(value).toLowerCase();
    const turns = new Set(saying.map((item) => item.turn_index)).size;
    accepted[name] = { value: value, confidence: groundedFieldConfidence(turns, agrees, false), source: 'client', evidence: saying.slice(0, 3) };
  }
  return accepted;
}

/**
 * Applies one client-written section to a snapshot built from `transcript`.
 * The section is replaced only when at least one sentence holds; fields are
 * set one by one; sections that show a changed field and were not written by
 * the client are rewritten, with the Executive Summary, as after
 * `update_snapshot_field`.
 */
export function applyClientSection(snapshot: Snapshot, transcript: Transcript, input: ClientSectionInput): ClientWriteOutcome {
  const spec = sectionSpec(input.section);
  const withheld = new Set(findSuspiciousTurns(transcript.turns).map(({ turn }) => turn.index));
  const grounder = new Grounder(transcript, withheld);
  const dropped: DroppedItem[] = [];

  const fieldUpdates = checkFields(input, snapshot, grounder, dropped);
  const pool = groundAll(input.evidence, grounder, dropped);
  const turnText = (index: number) => grounder.turnText(index);

  const claims: VerifiedClaim[] = [];
  const sent = claimsOf(input.content);
  for (const claim of sent) {
    const text = cleanProse(claim.text);
    if (text.length === 0) continue;
    const evidence = pool.length === 0 ? [] : evidenceForClaim(text, pool, turnText);
    const failure = claimFailure(text, evidence.length > 0 ? evidence : pool, grounder);
    if (failure !== null) {
      dropped.push({ item: 'claim', reason: failure, message: `This sentence ${reasonWords(failure)}.`, text: clip(text) });
      continue;
    }
    claims.push({ text, startsParagraph: claim.startsParagraph, evidence });
  }

  const fields: Record<FieldName, SnapshotField> = { ...snapshot.fields, ...fieldUpdates };
  let outcome = { slug: spec.slug, claims, drafted: sent.length };
  if (spec.slug === 'executive_summary') {
    const others = snapshot.sections.filter((section) => section.slug !== 'executive_summary');
    const backed = summaryClaimsBackedElsewhere(outcome, others, fields, {});
    for (const claim of claims.filter((claim) => !backed.claims.includes(claim))) {
      dropped.push({ item: 'claim', reason: 'figure_not_elsewhere', message: `This sentence ${describeDrop('figure_not_elsewhere')}.`, text: clip(claim.text) });
    }
    outcome = backed;
  }

  const written = outcome.claims.length > 0 ? { ...renderSection(outcome, fields), written_by: CLIENT_WRITER } : null;
  const sections = written
    ? [...snapshot.sections.filter((section) => section.slug !== spec.slug), written].sort((a, b) => SECTION_SLUGS.indexOf(a.slug) - SECTION_SLUGS.indexOf(b.slug))
    : snapshot.sections;
  const changed = written !== null || Object.keys(fieldUpdates).length > 0;
  const updated = changed ? rebuildWithFields({ ...snapshot, sections }, transcript, fieldUpdates) : snapshot;
  return {
    snapshot: updated,
    keptClaims: outcome.claims.map((claim) => claim.text),
    keptEvidence: written ? written.evidence : [],
    keptFields: Object.keys(fieldUpdates) as FieldName[],
    dropped,
  };
}

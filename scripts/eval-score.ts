/**
 * Scores a snapshot against an answer key (see test/fixtures/quest-gold.json
 * for the format and its matching rules): field recall, fact recall (per
 * section where the key names one), search top-5 recall, the snapshot's
 * grounded ratio, and invented values (a field given a value where the key
 * says the call does not state one). Pure, so tests and the CLI share it.
 */

import type { FieldName, Snapshot } from '../src/core/snapshot/types.js';

export interface AnswerKey {
  about?: string;
  /** Transcript path, relative to the key's folder or the shared folder. */
  transcript: string;
  fields: Partial<Record<FieldName, { any?: string[]; missing?: boolean }>>;
  facts: Array<{ id: string; section?: string; any: string[] }>;
  search: Array<{ query: string; any: string[] }>;
}

export interface Check {
  id: string;
  pass: boolean;
  /** What the snapshot or search gave, for the report. */
  got: string;
}

export interface Recall {
  hit: number;
  total: number;
  checks: Check[];
}

export interface EvalScore {
  fields: Recall;
  facts: Recall;
  /** Absent when no search function was given. */
  search?: Recall;
  groundedRatio: number;
  /** Fields the key marks missing that the snapshot filled in. */
  invented: string[];
}

/** Case-insensitive, whitespace-collapsed. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function containsAny(text: string, options: readonly string[]): boolean {
  const haystack = normalise(text);
  return options.some((option) => haystack.includes(normalise(option)));
}

function recall(checks: Check[]): Recall {
  return { hit: checks.filter((check) => check.pass).length, total: checks.length, checks };
}

/** Text of the whole snapshot: every section's title and content. */
function snapshotText(snapshot: Snapshot): string {
  return snapshot.sections.map((section) => `${section.title}\n${section.content}`).join('\n\n');
}

/**
 * @param search returns the texts of the top hits for a query, best first
 *   (only the first five are read).
 */
export function scoreSnapshot(snapshot: Snapshot, key: AnswerKey, search?: (query: string) => string[]): EvalScore {
  const fieldChecks: Check[] = [];
  const invented: string[] = [];
  for (const [name, expected] of Object.entries(key.fields) as Array<[FieldName, { any?: string[]; missing?: boolean }]>) {
    const value = snapshot.fields[name]?.value ?? null;
    const got = value === null ? '(missing)' : String(value);
    if (expected.missing) {
      fieldChecks.push({ id: name, pass: value === null, got });
      if (value !== null) invented.push(name);
    } else {
      fieldChecks.push({ id: name, pass: value !== null && containsAny(String(value), expected.any ?? []), got });
    }
  }

  const whole = snapshotText(snapshot);
  const factChecks = key.facts.map((fact): Check => {
    const section = fact.section === undefined ? undefined : snapshot.sections.find((candidate) => candidate.slug === fact.section);
    const text = fact.section === undefined ? whole : section?.content ?? '';
    return { id: fact.section ? `${fact.id} (${fact.section})` : fact.id, pass: containsAny(text, fact.any), got: fact.section && !section ? '(section not built)' : '' };
  });

  const score: EvalScore = {
    fields: recall(fieldChecks),
    facts: recall(factChecks),
    groundedRatio: snapshot.validation.grounded_ratio,
    invented,
  };
  if (search) {
    score.search = recall(
      key.search.map((item): Check => {
        const hits = search(item.query).slice(0, 5);
        const rank = hits.findIndex((text) => containsAny(text, item.any));
        return { id: item.query, pass: rank >= 0, got: rank >= 0 ? `hit #${rank + 1}` : `not in top ${hits.length}` };
      }),
    );
  }
  return score;
}

/** The targets the engine is held to on an answer key. */
export function meetsTargets(score: EvalScore): boolean {
  const share = (part: Recall) => (part.total === 0 ? 1 : part.hit / part.total);
  return (
    share(score.fields) >= 0.95 &&
    share(score.facts) >= 0.95 &&
    (score.search === undefined || score.search.hit === score.search.total) &&
    score.groundedRatio === 1 &&
    score.invented.length === 0
  );
}

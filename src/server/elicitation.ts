/**
 * Asking the user for what the call did not say: one elicitation form built
 * from the field definitions of the missing required and valuable fields
 * (only the primitive schema shapes the MCP spec allows), and the answers
 * validated and stored with `source: "user"` like update_snapshot_field.
 */

import type { WorkspaceSession } from '../app/workspace.js';
import { isAppError } from '../core/errors.js';
import { FIELDS, SECTIONS } from '../core/snapshot/catalogue.js';
import type { FieldName, Snapshot } from '../core/snapshot/types.js';

type PrimitiveProperty =
  | { type: 'string'; title: string; description: string; format?: 'email' | 'date'; maxLength: number }
  | { type: 'integer'; title: string; description: string; minimum: number };

export interface ElicitationForm {
  message: string;
  requestedSchema: { type: 'object'; properties: Record<string, PrimitiveProperty> };
}

export interface ElicitationAnswer {
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

export interface ElicitationOutcome {
  snapshot: Snapshot;
  summary: string;
}

/** The required and valuable fields the snapshot's sections still miss, in catalogue order. */
export function fieldsToAskFor(snapshot: Snapshot): FieldName[] {
  const present = new Set(snapshot.sections.map((section) => section.slug));
  const wanted = new Set(SECTIONS.filter((spec) => present.has(spec.slug)).flatMap((spec) => [...spec.requiredFields, ...spec.valuableFields]));
  return (Object.keys(FIELDS) as FieldName[]).filter((name) => wanted.has(name) && snapshot.fields[name].value === null);
}

function property(name: FieldName): PrimitiveProperty {
  const { label, description, type, example } = FIELDS[name];
  const help = `${description} Example: ${example}. Leave empty if unknown.`;
  if (type === 'integer') return { type: 'integer', title: label, description: help, minimum: 0 };
  return { type: 'string', title: label, description: help, maxLength: 500, ...(type === 'email' ? { format: 'email' as const } : type === 'date' ? { format: 'date' as const } : {}) };
}

export function buildElicitationForm(snapshot: Snapshot): ElicitationForm | null {
  const fields = fieldsToAskFor(snapshot);
  if (fields.length === 0) return null;
  return {
    message: `The call did not state ${fields.length} detail(s) the snapshot "${snapshot.title}" needs. Fill in what you know; anything left empty stays marked as missing.`,
    requestedSchema: { type: 'object', properties: Object.fromEntries(fields.map((name) => [name, property(name)])) },
  };
}

/** Applies accepted answers one by one; a value that fails its definition is reported, the others still apply. */
export function applyElicitationAnswer(session: WorkspaceSession, snapshot: Snapshot, answer: ElicitationAnswer): ElicitationOutcome {
  if (answer.action !== 'accept') {
    return { snapshot, summary: `You ${answer.action === 'decline' ? 'declined' : 'cancelled'} the form; the snapshot is unchanged.` };
  }
  const asked = new Set<string>(fieldsToAskFor(snapshot));
  let current = snapshot;
  const applied: string[] = [];
  const rejected: string[] = [];
  for (const [name, raw] of Object.entries(answer.content ?? {})) {
    if (!asked.has(name) || raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    try {
      current = session.updateSnapshotField(current.id, name as FieldName, raw);
      applied.push(FIELDS[name as FieldName].label);
    } catch (error) {
      if (!isAppError(error)) throw error;
      rejected.push(`${FIELDS[name as FieldName].label}: ${error.message}`);
    }
  }
  const parts = [applied.length ? `Added from your answers: ${applied.join(', ')}.` : 'No answers were given; the snapshot is unchanged.'];
  if (rejected.length) parts.push(`Not accepted: ${rejected.join('; ')}`);
  return { snapshot: current, summary: parts.join(' ') };
}

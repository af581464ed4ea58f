/**
 * For the rule tests of the offline engine: a plain-text call of a few
 * `Speaker: text` lines, built into a snapshot the way a user's file is.
 */

import { buildTranscript } from '../../src/core/transcript/build-transcript.js';
import { buildSnapshot } from '../../src/core/snapshot/build.js';
import type { Snapshot, VendorProfile } from '../../src/core/snapshot/types.js';

export const NOW = '2025-06-01T12:00:00.000Z';

/** With `vendor`, as `generate_snapshot` builds it when the user says who they work for. */
export function snapshotOf(lines: readonly string[], vendor?: VendorProfile): Snapshot {
  const transcript = buildTranscript({ text: lines.join('\n'), id: 't1', source: { kind: 'file', name: 'call.txt' }, loadedAt: NOW });
  return buildSnapshot(transcript, { id: 's1', now: NOW, ...(vendor ? { vendor } : {}) });
}

/**
 * The same call with captions that say who is who, as Zoom's `Name (Role):`
 * captions do: the first speaker is the vendor's account manager, everyone
 * else the customer. For rules about figures and dates, which a few bare
 * lines would not reach: they are no evidence of a customer call.
 */
export function customerCallSnapshotOf(lines: readonly string[]): Snapshot {
  const vendor = /^([^:(]+):/.exec(lines[0] ?? '')?.[1]?.trim();
  return snapshotOf(lines.map((line) => line.replace(/^([^:(]+):/, (_all, name: string) => `${name.trim()} (${name.trim() === vendor ? 'Account Manager' : 'Customer'}):`)));
}

export const value = (snapshot: Snapshot, name: keyof Snapshot['fields']) => snapshot.fields[name].value;

/**
 * For the rule tests of the offline engine: a plain-text call of a few
 * `Speaker: text` lines, built into a snapshot the way a user's file is.
 */

import { buildTranscript } from '../../src/core/transcript/build-transcript.js';
import { buildSnapshot } from '../../src/core/snapshot/build.js';
import type { Snapshot } from '../../src/core/snapshot/types.js';

export const NOW = '2025-06-01T12:00:00.000Z';

export function snapshotOf(lines: readonly string[]): Snapshot {
  const transcript = buildTranscript({ text: lines.join('\n'), id: 't1', source: { kind: 'file', name: 'call.txt' }, loadedAt: NOW });
  return buildSnapshot(transcript, { id: 's1', now: NOW });
}

export const value = (snapshot: Snapshot, name: keyof Snapshot['fields']) => snapshot.fields[name].value;

/**
 * The readable form of a transcript: one turn a line, `[hh:mm:ss] Speaker: text`.
 * Used by read_transcript, the `transcript://{id}` resource and the CLI.
 */

import { formatClock } from './timecode.js';
import type { Turn } from './types.js';

export function formatTurnLine(turn: Turn): string {
  return `[${formatClock(turn.startMs)}] ${turn.speaker ?? 'Unknown'}: ${turn.text}`;
}

export function formatTurns(turns: readonly Turn[]): string {
  return turns.map(formatTurnLine).join('\n');
}

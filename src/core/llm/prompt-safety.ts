/**
 * Transcripts are untrusted text, so what a model reads is prepared here:
 * invisible Unicode is stripped again at prompt time (ingestion already does,
 * but a transcript may come from elsewhere), turns that look like
 * instructions to a model are withheld (the offline engine leaves them out
 * too), and every piece of transcript goes inside a data block whose markers
 * carry a random nonce per request ("spotlighting"), so text inside cannot
 * close the block or pass for the prompt around it.
 */

import { findSuspiciousTurns } from '../snapshot/index.js';
import { sanitizeText } from '../transcript/index.js';
import type { Transcript } from '../transcript/types.js';

/** A turn as the model may see it. */
export interface PromptTurn {
  index: number;
  speaker: string | null;
  startMs: number | null;
  /** The turn's text with invisibles removed; empty when withheld. */
  text: string;
  withheld: boolean;
}

export interface PreparedTranscript {
  turns: PromptTurn[];
  /** Turns withheld from the model, with what they looked like (never their text). */
  suspicious: Array<{ turnIndex: number; kind: string }>;
  /** Invisible or control characters removed at prompt time (0 for transcripts that came through ingestion). */
  invisibleRemoved: number;
}

export const WITHHELD_TEXT = '[withheld: this turn looks like instructions to an AI model]';

/** Strips invisibles from every turn and withholds the suspicious ones. */
export function prepareTranscript(transcript: Transcript): PreparedTranscript {
  const suspicious = findSuspiciousTurns(transcript.turns).map(({ turn, kind }) => ({ turnIndex: turn.index, kind }));
  const withheld = new Set(suspicious.map((item) => item.turnIndex));
  let invisibleRemoved = 0;
  const turns = transcript.turns.map((turn): PromptTurn => {
    if (withheld.has(turn.index)) return { index: turn.index, speaker: turn.speaker, startMs: turn.startMs, text: '', withheld: true };
    const { text, removed } = sanitizeText(turn.text);
    invisibleRemoved += removed;
    return { index: turn.index, speaker: turn.speaker, startMs: turn.startMs, text, withheld: false };
  });
  return { turns, suspicious, invisibleRemoved };
}

/** What opens and closes a data block: the nonce makes the markers unguessable from inside. */
export function dataMarkers(kind: 'TRANSCRIPT' | 'FACTS', nonce: string): { open: string; close: string } {
  return { open: `<<<${kind} DATA ${nonce}>>>`, close: `<<<END ${kind} DATA ${nonce}>>>` };
}

/** Data text cannot contain something that reads as a marker: `<<<` becomes `‹‹‹`. */
export function neutraliseMarkers(text: string): string {
  return text.includes('<<<') ? text.replace(/<<</g, '‹‹‹') : text;
}

/** Wraps lines of untrusted text in a data block. */
export function dataBlock(kind: 'TRANSCRIPT' | 'FACTS', nonce: string, lines: readonly string[]): string {
  const { open, close } = dataMarkers(kind, nonce);
  return `${open}\n${lines.map(neutraliseMarkers).join('\n')}\n${close}`;
}

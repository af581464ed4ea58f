/**
 * One copy of a transcript's text in memory. V8 keeps a substring as a
 * reference into the string it came from, so every speaker name and cue text
 * the parsers cut from the decoded file would keep the whole file alive,
 * beside the cue texts and the turn texts that repeat them. Here every string
 * the transcript keeps becomes a view into one new string holding the turn
 * texts, speaker names, roles and warning messages back to back: the words
 * are held once, and the decoded file can be collected. Values do not change.
 */

import type { Cue, ParseWarning, Speaker, Turn } from './types.js';

export function keepOneCopy(cues: Cue[], turns: Turn[], speakers: Speaker[], warnings: ParseWarning[]): void {
  const pieces: string[] = [];
  const pieceOf = new Map<string, number>();
  const add = (text: string): number => {
    let piece = pieceOf.get(text);
    if (piece === undefined) {
      piece = pieces.push(text) - 1;
      pieceOf.set(text, piece);
    }
    return piece;
  };
  const turnPieces = turns.map((turn) => pieces.push(turn.text) - 1);
  for (const item of [...cues, ...turns]) if (item.speaker !== null) add(item.speaker);
  for (const speaker of speakers) {
    add(speaker.name);
    if (speaker.role !== null) add(speaker.role);
  }
  for (const warning of warnings) add(warning.message);

  // join copies every piece into one new flat string.
  const all = pieces.join('');
  const starts: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    starts.push(offset);
    offset += piece.length;
  }
  const view = (piece: number): string => all.slice(starts[piece]!, starts[piece]! + pieces[piece]!.length);
  const shared = (text: string): string => view(pieceOf.get(text)!);

  turns.forEach((turn, t) => {
    const start = starts[turnPieces[t]!]!;
    // A turn's text is its cue texts joined by single spaces.
    let cueStart = start;
    for (let i = turn.firstCue; i <= turn.lastCue; i++) {
      const cue = cues[i]!;
      const length = cue.text.length;
      cue.text = all.slice(cueStart, cueStart + length);
      cueStart += length + 1;
    }
    turn.text = all.slice(start, start + turn.text.length);
  });
  for (const item of [...cues, ...turns]) if (item.speaker !== null) item.speaker = shared(item.speaker);
  for (const speaker of speakers) {
    speaker.name = shared(speaker.name);
    if (speaker.role !== null) speaker.role = shared(speaker.role);
  }
  for (const warning of warnings) warning.message = shared(warning.message);
}

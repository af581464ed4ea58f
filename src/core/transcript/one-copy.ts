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
  // A turn's text is its cue texts joined by single spaces: built here from the cue texts, so
  // the turn strings (ropes of the cue texts) are never flattened into a copy of their own.
  const parts: string[] = [];
  for (const turn of turns) {
    for (let i = turn.firstCue; i <= turn.lastCue; i++) {
      if (i > turn.firstCue) parts.push(' ');
      parts.push(cues[i]!.text);
    }
  }
  const others = new Map<string, number>();
  const other = (text: string | null): void => {
    if (text !== null && !others.has(text)) others.set(text, -1);
  };
  for (const item of cues) other(item.speaker);
  for (const speaker of speakers) {
    other(speaker.name);
    other(speaker.role);
  }
  for (const warning of warnings) other(warning.message);
  let offset = 0;
  for (const part of parts) offset += part.length;
  for (const text of others.keys()) {
    others.set(text, offset);
    parts.push(text);
    offset += text.length;
  }

  // join copies every part into one new flat string.
  const all = parts.join('');
  offset = 0;
  for (const turn of turns) {
    const start = offset;
    for (let i = turn.firstCue; i <= turn.lastCue; i++) {
      const cue = cues[i]!;
      if (i > turn.firstCue) offset += 1;
      const length = cue.text.length;
      cue.text = all.slice(offset, offset + length);
      offset += length;
    }
    turn.text = all.slice(start, offset);
  }
  const shared = <T extends string | null>(text: T): T => (text === null ? text : (all.slice(others.get(text)!, others.get(text)! + text.length) as T));
  for (const item of cues) item.speaker = shared(item.speaker);
  for (const turn of turns) turn.speaker = shared(turn.speaker);
  for (const speaker of speakers) {
    speaker.name = shared(speaker.name);
    speaker.role = shared(speaker.role);
  }
  for (const warning of warnings) warning.message = shared(warning.message);
}

/**
 * SubRip (SRT) parser: numbered blocks with `00:00:01,000 --> 00:00:04,000`
 * timings. Formatting tags (`<i>`, `<font …>`) and ASS overrides (`{\an8}`)
 * are removed; speakers come from `Name: ` prefixes. Exports label a cue only
 * where the speaker changes, so in a file that labels its cues an unlabelled
 * cue continues the speaker of the cue before it.
 *
 * @example
 * parseSrt('1\n00:00:01,000 --> 00:00:04,000\nAna Silva: <i>Hello</i>')
 * // cues: [{ startMs: 1000, endMs: 4000, speaker: 'Ana Silva', text: 'Hello', … }] (given the rule confirms the name)
 */

import { cuesFromBlocks, normalizeText } from './cue-blocks.js';
import type { FinishedCues } from './finish-cues.js';
import type { Cue } from './types.js';

/**
 * Share of labelled cues from which a file counts as labelling its speakers:
 * long turns split over several unlabelled cues keep it well under one half,
 * while a subtitle file with a stray "Note:" stays below it.
 */
const LABELLED_SHARE = 0.25;

function continueSpeakers(cues: Cue[]): void {
  const labelled = cues.filter((cue) => cue.speaker !== null).length;
  if (labelled === 0 || labelled < cues.length * LABELLED_SHARE) return;
  for (const [index, cue] of cues.entries()) {
    if (cue.speaker === null && index > 0) cue.speaker = cues[index - 1]!.speaker;
  }
}

/**
 * @throws InputError TRANSCRIPT_MALFORMED (most blocks unreadable) and TRANSCRIPT_EMPTY (no cue text), each naming a line.
 */
export function parseSrt(input: string): FinishedCues {
  const parsed = cuesFromBlocks(normalizeText(input), 0, 1, 'srt');
  // Only names already on the list are repeated, so its order and roles stand.
  continueSpeakers(parsed.cues);
  return parsed;
}

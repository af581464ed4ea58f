/**
 * SubRip (SRT) parser: numbered blocks with `00:00:01,000 --> 00:00:04,000`
 * timings. Formatting tags (`<i>`, `<font …>`) and ASS overrides (`{\an8}`)
 * are removed; speakers come from `Name: ` prefixes.
 *
 * @example
 * parseSrt('1\n00:00:01,000 --> 00:00:04,000\nAna Silva: <i>Hello</i>')
 * // cues: [{ startMs: 1000, endMs: 4000, speaker: 'Ana Silva', text: 'Hello', … }] (given the rule confirms the name)
 */

import { cuesFromBlocks, normalizeText } from './cue-blocks.js';
import type { FinishedCues } from './finish-cues.js';

/**
 * @throws InputError TRANSCRIPT_MALFORMED (most blocks unreadable) and TRANSCRIPT_EMPTY (no cue text), each naming a line.
 */
export function parseSrt(input: string): FinishedCues {
  return cuesFromBlocks(normalizeText(input), 0, 1, 'srt');
}

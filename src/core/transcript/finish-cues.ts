/**
 * The last step every parser shares: drop cues left without text (after tags,
 * invisibles and the speaker prefix were removed), renumber the rest, report
 * removed characters once, and refuse a transcript with nothing to read.
 */

import { InputError } from '../errors.js';
import { listSpeakers } from './speakers.js';
import type { Cue, ParsedCues, Speaker, TranscriptFormat } from './types.js';
import type { WarningLog } from './warnings.js';

/** What every parser here returns: parsed cues with the speaker list and word count filled. */
export type FinishedCues = ParsedCues & { speakers: Speaker[]; wordCount: number };

export interface UnfinishedCues {
  format: TranscriptFormat;
  cues: Cue[];
  warnings: WarningLog;
  removedChars: number;
  /** Role of each speaker that has one. */
  roles: ReadonlyMap<string, string>;
  /** Words in the cue texts (empty cues count none). */
  wordCount: number;
  /** Line to name when no cue has text. */
  emptyLine: number;
}

export function finishParsedCues(parsed: UnfinishedCues): FinishedCues {
  const { cues, warnings } = parsed;
  let kept = 0;
  for (const cue of cues) {
    if (cue.text.length === 0) {
      warnings.add('CUE_EMPTY', `Dropped the cue at line ${cue.line}: it has no text.`, cue.line);
      continue;
    }
    cue.index = kept;
    cues[kept++] = cue;
  }
  cues.length = kept;
  if (kept === 0) {
    throw new InputError('TRANSCRIPT_EMPTY', `The transcript has no caption text (line ${parsed.emptyLine}).`, {
      line: parsed.emptyLine,
    });
  }
  if (parsed.removedChars > 0) {
    warnings.add(
      'TEXT_SANITIZED',
      `Removed ${parsed.removedChars} invisible or control character${parsed.removedChars === 1 ? '' : 's'} from the text.`,
    );
  }
  return {
    format: parsed.format,
    cues,
    warnings: warnings.list(),
    speakers: listSpeakers(cues, parsed.roles),
    wordCount: parsed.wordCount,
  };
}

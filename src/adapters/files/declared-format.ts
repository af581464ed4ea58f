/**
 * A `.vtt` or `.srt` name promises a format; a file that does not keep the
 * promise (an export gone wrong, a renamed document, one unbroken word) is
 * refused rather than read as a one-line plain-text transcript. Only the
 * first line that is not blank is looked at. `.txt` promises nothing.
 */

import { InputError } from '../../core/errors.js';
import { hasVttSignature } from '../../core/transcript/parse-vtt.js';
import type { TranscriptFormat } from '../../core/transcript/types.js';

const CUE_NUMBER = /^\d+$/;
const SRT_TIMING = /^(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->/;
/** A first line longer than this is no header, cue number or timing: no need to read all of it. */
const LONGEST_FIRST_LINE = 1024;

/** The first line that is not blank and its 1-based number; null when there is none. */
function firstContentLine(text: string): { line: number; value: string } | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; pos < text.length; line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const value = text.slice(pos, Math.min(end, pos + LONGEST_FIRST_LINE)).trim();
    if (value !== '') return { line, value };
    pos = end + 1;
  }
  return null;
}

/**
 * @throws InputError TRANSCRIPT_MALFORMED naming the line and what a file with this extension starts with.
 *   A text with no content passes: the parser names that TRANSCRIPT_EMPTY.
 */
export function assertDeclaredFormat(text: string, extension: TranscriptFormat): void {
  if (extension === 'txt') return;
  const first = firstContentLine(text);
  if (first === null) return;
  const howToOverride = 'Rename the file, or load it naming its format.';
  if (extension === 'vtt' && !hasVttSignature(first.value)) {
    throw new InputError('TRANSCRIPT_MALFORMED', `The file is named .vtt but is not WebVTT: line ${first.line} should be the "WEBVTT" header. ${howToOverride}`, { line: first.line });
  }
  if (extension === 'srt' && !CUE_NUMBER.test(first.value) && !SRT_TIMING.test(first.value)) {
    throw new InputError(
      'TRANSCRIPT_MALFORMED',
      `The file is named .srt but is not SubRip: line ${first.line} should be a cue number or a timing such as 00:00:01,000 --> 00:00:04,000. ${howToOverride}`,
      { line: first.line },
    );
  }
}

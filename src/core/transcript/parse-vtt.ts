/**
 * WebVTT parser following the W3C file structure: a `WEBVTT` signature
 * (optionally followed by text on the same line and header lines), then
 * cue blocks, NOTE/STYLE/REGION blocks skipped. Zoom files put the speaker in
 * a `Name: ` prefix; Teams files in `<v Name>` voice tags with GUID cue ids.
 *
 * @example
 * parseVtt('WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ana Silva>Hello &amp; welcome')
 * // cues: [{ startMs: 1000, endMs: 4000, speaker: 'Ana Silva', text: 'Hello & welcome', … }]
 */

import { InputError } from '../errors.js';
import { cuesFromBlocks, normalizeText } from './cue-blocks.js';
import type { FinishedCues } from './finish-cues.js';

const SIGNATURE = 'WEBVTT';

/** True when the text (BOM allowed) opens with the WebVTT signature. */
export function hasVttSignature(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith(SIGNATURE, start)) return false;
  const after = text.charCodeAt(start + SIGNATURE.length);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
}

/**
 * @throws InputError TRANSCRIPT_MALFORMED (no signature, or most cue blocks unreadable) and
 *   TRANSCRIPT_EMPTY (a header but no cue text), each naming a line.
 */
export function parseVtt(input: string): FinishedCues {
  const text = normalizeText(input);
  // Leading blank lines are tolerated (the spec is stricter); line numbers still count them.
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (text.slice(pos, end).trim() !== '') break;
    pos = end + 1;
    line++;
  }
  if (!hasVttSignature(text.slice(pos, pos + 8))) {
    // A text of blank lines only leaves the scan past its last line, which is the one to name.
    const missingAt = pos > text.length ? line - 1 : line;
    throw new InputError('TRANSCRIPT_MALFORMED', `The WebVTT header is missing: line ${missingAt} must start with "WEBVTT".`, {
      line: missingAt,
    });
  }
  // Header lines run to the first blank line; a timing line there means the blank line was forgotten.
  const signatureLine = line;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const header = text.slice(pos, end);
    if (line > signatureLine && (header.trim() === '' || header.includes('-->'))) break;
    pos = end + 1;
    line++;
  }
  return cuesFromBlocks(text, pos, line, 'vtt');
}

/**
 * Decides the transcript format from its content; a file extension is only a
 * hint that breaks ties. A `WEBVTT` signature means WebVTT; timed cue blocks
 * (`start --> end`) without it mean SRT; other text is read as a plain-text
 * transcript. Content that is clearly something else (JSON, HTML/XML, RTF,
 * CSV/TSV) is refused instead of being read as prose.
 */

import { InputError } from '../errors.js';
import { hasVttSignature } from './parse-vtt.js';
import type { TranscriptFormat } from './types.js';

/** Detection only looks at the start of the file. */
const SAMPLE_CHARS = 64 * 1024;
const TIMING_LINE = /(?:^|\n)[ \t]*(?:\d+:)?\d{1,2}:\d{2}([.,]\d{1,3})?[ \t]*-->/;
const MAX_HEADER_CELL = 30;

/** Names what the content is when it is clearly not a transcript, else null. */
function describeUnsupported(sample: string): string | null {
  const trimmed = sample.trimStart();
  if (trimmed.startsWith('{\\rtf')) return 'an RTF document';
  if (/^(?:\{|\[\s*[{"\]])/.test(trimmed)) return 'JSON';
  if (/^<[!?a-zA-Z]/.test(trimmed)) return 'HTML or XML';
  const lines = trimmed.split('\n', 4).filter((line) => line.trim().length > 0);
  const header = lines[0];
  if (header === undefined || lines.length < 2) return null;
  for (const delimiter of [',', '\t', ';']) {
    const cells = header.split(delimiter);
    if (cells.length < (delimiter === '\t' ? 2 : 3)) continue;
    // A header row: short cells, no sentence punctuation, no `Speaker: ` prefix, not an SRT timing
    // line (`00:00:01,000 --> 00:00:02,000` has three comma cells), and rows of the same width.
    const headerLike = cells.every((cell) => cell.trim().length <= MAX_HEADER_CELL && !/[.?!]\s*$/.test(cell));
    const sameWidth = lines.slice(1).filter((line) => line.split(delimiter).length === cells.length).length;
    if (headerLike && !/:\s/.test(header) && !header.includes('-->') && sameWidth >= Math.min(2, lines.length - 1)) {
      return delimiter === '\t' ? 'a TSV table' : 'a CSV table';
    }
  }
  return null;
}

/**
 * @example detectFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nHi', 'txt') // 'vtt' (content wins)
 * @throws InputError TRANSCRIPT_EMPTY (nothing but whitespace), UNSUPPORTED_FORMAT (JSON, HTML, CSV…).
 */
export function detectFormat(text: string, hint?: TranscriptFormat): TranscriptFormat {
  const sample = text.slice(0, SAMPLE_CHARS).replace(/^\ufeff/, '');
  if (sample.trim().length === 0) {
    throw new InputError('TRANSCRIPT_EMPTY', 'The transcript is empty (line 1).', { line: 1 });
  }
  if (hasVttSignature(sample.replace(/^\s*\n/, ''))) return 'vtt';
  const unsupported = describeUnsupported(sample);
  if (unsupported !== null) {
    throw new InputError(
      'UNSUPPORTED_FORMAT',
      `This looks like ${unsupported}, not a transcript. Supported formats: WebVTT (.vtt), SubRip (.srt) and plain text (.txt).`,
    );
  }
  const timing = TIMING_LINE.exec(sample);
  if (timing === null) return 'txt';
  // Comma milliseconds are SubRip's; dotted ones without a header could be either, so the hint decides.
  if (timing[1]?.startsWith(',')) return 'srt';
  return hint === 'vtt' ? 'vtt' : 'srt';
}

/**
 * Bytes to transcript text. Refuses files over the size cap, binary content
 * (NUL bytes, or mostly control characters) and invalid UTF-8 rather than
 * guessing an encoding; a UTF-8 BOM is dropped by the decoder.
 */

import { InputError } from '../errors.js';

const BYTES_PER_MB = 1024 * 1024;
/** How much of the start of a file the control-character check looks at. */
const SNIFF_BYTES = 4096;
/** Text has almost no control characters; binary formats without NULs have plenty. */
const MAX_CONTROL_SHARE = 0.1;

function formatMegabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const sample = Math.min(bytes.byteLength, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample * MAX_CONTROL_SHARE;
}

/**
 * @throws InputError TRANSCRIPT_TOO_LARGE (over `maxBytes`), TRANSCRIPT_NOT_TEXT (binary or not UTF-8).
 */
export function decodeTranscriptBytes(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) {
    throw new InputError(
      'TRANSCRIPT_TOO_LARGE',
      `The transcript is ${formatMegabytes(bytes.byteLength)} MB; the limit is ${formatMegabytes(maxBytes)} MB.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new InputError('TRANSCRIPT_NOT_TEXT', 'The file is binary, not a text transcript (.vtt, .srt or .txt).');
  }
  try {
    // The default `ignoreBOM: false` consumes a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError(
      'TRANSCRIPT_NOT_TEXT',
      'The file is not valid UTF-8 text; save the transcript as UTF-8 and try again.',
      {},
      { cause: error },
    );
  }
}

/**
 * The text of a transcript to load: a file inside the allowed roots, or
 * pasted content, decoded and size-checked. Shared by the workspace (which
 * then parses and stores it) and `inspect` (which parses it and keeps
 * nothing), so both give the same errors for the same input.
 */

import { InputError } from '../core/errors.js';
import { decodeTranscriptBytes } from '../core/transcript/decode.js';
import type { TranscriptFormat, TranscriptSource } from '../core/transcript/types.js';
import { readTranscriptFile } from '../adapters/files/read-transcript-file.js';
import { assertDeclaredFormat } from '../adapters/files/declared-format.js';

export interface LoadInput {
  path?: string;
  content?: string;
  title?: string;
  format?: TranscriptFormat;
}

export interface TranscriptText {
  text: string;
  /** Size of the input as read (UTF-8 bytes of pasted content). */
  byteLength: number;
  source: TranscriptSource;
}

export async function readTranscriptInput(input: LoadInput, limits: { roots: string[]; maxBytes: number; cwd: string }): Promise<TranscriptText> {
  const hasPath = typeof input.path === 'string';
  const hasContent = typeof input.content === 'string';
  if (hasPath === hasContent) {
    throw new InputError('INVALID_ARGUMENT', 'Give exactly one of `path` (a .vtt, .srt or .txt file) or `content` (the transcript text).');
  }
  if (hasPath) {
    const file = await readTranscriptFile(input.path as string, { roots: limits.roots, maxBytes: limits.maxBytes, cwd: limits.cwd });
    const text = decodeTranscriptBytes(file.bytes, limits.maxBytes);
    // A file's extension binds unless the caller names the format.
    if (input.format === undefined) assertDeclaredFormat(text, file.extension);
    return { text, byteLength: file.bytes.byteLength, source: { kind: 'file', name: file.basename } };
  }
  const bytes = Buffer.from(input.content as string, 'utf8');
  return { text: decodeTranscriptBytes(bytes, limits.maxBytes), byteLength: bytes.byteLength, source: { kind: 'inline', name: null } };
}

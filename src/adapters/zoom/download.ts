/**
 * Downloads a transcript file from its `download_url` with the access token as
 * a Bearer header (redirects followed, see ZoomApi) and reads it as local files
 * are read: the same size cap, stopping as soon as the body passes it, then the
 * same decoder. Zoom's transcripts are WebVTT; a web page (Zoom's answer when a
 * download needs a sign-in) or any other body is ZOOM_BAD_RESPONSE rather than
 * being parsed as prose.
 */

import { InputError, ZoomApiError } from '../../core/errors.js';
import { decodeTranscriptBytes } from '../../core/transcript/index.js';
import { hasVttSignature } from '../../core/transcript/parse-vtt.js';
import type { Logger } from '../../logger.js';
import { readBodyCapped } from './http.js';
import type { ZoomApi } from './zoom-api.js';

export interface DownloadOptions {
  maxBytes: number;
  logger: Logger;
  signal?: AbortSignal | undefined;
  /** Bytes received so far, and the total when Zoom declared it. */
  onBytes?: (received: number, expected: number | null) => void;
}

const BYTES_PER_MB = 1024 * 1024;

/**
 * @throws ZoomApiError ZOOM_BAD_RESPONSE (a link outside Zoom, a web page, not WebVTT) and the API errors;
 *   InputError TRANSCRIPT_TOO_LARGE, TRANSCRIPT_NOT_TEXT.
 */
export async function downloadTranscriptText(api: ZoomApi, downloadUrl: string, options: DownloadOptions): Promise<string> {
  const { logger, maxBytes, signal } = options;
  const url = URL.canParse(downloadUrl) ? new URL(downloadUrl) : null;
  if (url === null || !api.isTrusted(url)) {
    logger.warn({ event: 'zoom_bad_response', operation: 'transcript_download', reason: 'untrusted_link' }, 'zoom download link is not on a zoom host');
    throw new ZoomApiError('ZOOM_BAD_RESPONSE', 'Zoom gave a download link outside Zoom; the transcript was not fetched.');
  }
  const response = await api.get(url, {
    operation: 'transcript_download',
    notFound: 'Zoom no longer has that transcript file (it may have been deleted); list the recordings again.',
    signal,
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (/\btext\/html\b/i.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw notVtt(logger, 'html');
  }
  const bytes = await readBodyCapped(response, maxBytes, signal, options.onBytes);
  if (bytes === null) {
    logger.warn({ event: 'zoom_download_too_large', max_bytes: maxBytes }, 'zoom transcript over the size cap');
    throw new InputError('TRANSCRIPT_TOO_LARGE', `The Zoom transcript is larger than the ${formatMegabytes(maxBytes)} MB limit (MAX_TRANSCRIPT_BYTES).`);
  }
  const text = decodeTranscriptBytes(bytes, maxBytes);
  if (!hasVttSignature(text.trimStart())) throw notVtt(logger, 'not_vtt');
  logger.debug({ event: 'zoom_transcript_downloaded', bytes: bytes.byteLength }, 'zoom transcript downloaded');
  return text;
}

function notVtt(logger: Logger, reason: 'html' | 'not_vtt'): ZoomApiError {
  logger.warn({ event: 'zoom_bad_response', operation: 'transcript_download', reason }, 'zoom download was not a WebVTT file');
  return new ZoomApiError(
    'ZOOM_BAD_RESPONSE',
    reason === 'html'
      ? 'Zoom sent a web page instead of the transcript file; the recording may need a passcode or be hidden from this app.'
      : 'Zoom sent something other than a WebVTT transcript; nothing was loaded.',
  );
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

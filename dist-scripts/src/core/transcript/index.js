/**
 * The transcript module's public surface: bytes to text, text to the
 * transcript model, and the pieces other modules reuse (turns, time codes).
 */
export { decodeTranscriptBytes } from './decode.js';
export { detectFormat } from './detect-format.js';
export { parseVtt } from './parse-vtt.js';
export { parseSrt } from './parse-srt.js';
export { parseTxt } from './parse-txt.js';
export { parseSpeakerLabel } from './speakers.js';
export { sanitizeText } from './sanitize.js';
export { buildTurns } from './turns.js';
export { buildTranscript, defaultTitle, DEFAULT_TURN_GAP_MS } from './build-transcript.js';
export { formatCitation, formatClock, parseUserOffset } from './timecode.js';
export * from './types.js';

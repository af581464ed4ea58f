/**
 * The transcript module's public surface: bytes to text, text to the
 * transcript model, and the pieces other modules reuse (turns, time codes,
 * readable lines, the speaker-name rule).
 */

export { decodeTranscriptBytes } from './decode.js';
export { detectFormat } from './detect-format.js';
export { parseVtt } from './parse-vtt.js';
export { parseSrt } from './parse-srt.js';
export { parseTxt } from './parse-txt.js';
export type { FinishedCues } from './finish-cues.js';
export { parseSpeakerLabel, type SpeakerLabel } from './speakers.js';
export { sanitizeText } from './sanitize.js';
export { buildTurns } from './turns.js';
export { buildTranscript, defaultTitle, DEFAULT_TURN_GAP_MS, type BuildTranscriptInput } from './build-transcript.js';
export { formatCitation, formatClock, parseUserOffset } from './timecode.js';
export { formatTurnLine, formatTurns } from './format-lines.js';
export * from './types.js';

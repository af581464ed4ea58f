/**
 * The one transcript model, whatever the source format. Times are milliseconds
 * from the start of the recording; `null` where the source has no timestamps
 * (plain text without stamps), in which case order is all we know.
 */
export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'txt'];

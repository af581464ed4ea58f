/**
 * Evidence and citations: a quote is always a verbatim slice of one turn (a
 * sentence, cut to at most ~300 characters around the part that matters), and
 * a citation is the turn's start time as `[mm:ss]`. Keeping both in one place
 * guarantees that what the snapshot shows is what the validator checks.
 */

import { formatCitation } from '../transcript/timecode.js';
import type { Sentence } from './sentences.js';
import type { Evidence } from './types.js';

const MAX_QUOTE_LENGTH = 300;

/**
 * A verbatim quote from a sentence. Long sentences are cut at word boundaries
 * to a window that keeps `focus` (offsets into the sentence) in view.
 */
function quoteOf(sentence: Sentence, focus?: { start: number; end: number }): string {
  const text = sentence.text;
  if (text.length <= MAX_QUOTE_LENGTH) return text;
  const centre = focus ? Math.floor((focus.start + focus.end) / 2) : 0;
  let start = Math.max(0, Math.min(centre - MAX_QUOTE_LENGTH / 2, text.length - MAX_QUOTE_LENGTH));
  let end = Math.min(text.length, start + MAX_QUOTE_LENGTH);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < end ? space + 1 : start;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  return text.slice(start, end).replace(/[\s,;:]+$/, '');
}

export function evidenceOf(sentence: Sentence, focus?: { start: number; end: number }): Evidence {
  return { turn_index: sentence.turnIndex, start_ms: sentence.startMs, speaker: sentence.speaker, quote: quoteOf(sentence, focus) };
}

/** "[04:49]" for a sentence's turn ("[turn 12]" when the transcript has no times). */
export function citationOf(item: { startMs: number | null; turnIndex: number } | Evidence): string {
  return 'turn_index' in item ? formatCitation(item.start_ms, item.turn_index) : formatCitation(item.startMs, item.turnIndex);
}

/** Distinct evidence, in the order given (same turn and quote kept once). */
export function uniqueEvidence(items: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.turn_index}\u0000${item.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Who spoke how much: meeting totals and per-speaker figures (talk time and
 * share, turns, words, longest monologue, questions asked). Talk time is the
 * sum of the speaker's cue durations, so pauses between cues do not count;
 * without timestamps (plain text) shares fall back to words spoken. Turns with
 * no speaker are counted under "Unknown". Field names are snake_case because
 * these objects are returned to clients as they are.
 */

import type { Transcript, Turn } from '../transcript/types.js';

export interface MeetingStats {
  /** First cue start to last cue end; null without timestamps. */
  duration_ms: number | null;
  words: number;
  /** Words over the meeting's duration; null without timestamps. */
  words_per_minute: number | null;
  turns: number;
  cues: number;
}

export interface SpeakerStats {
  name: string;
  role: string | null;
  /** Sum of the speaker's cue durations; 0 without timestamps. */
  talk_time_ms: number;
  /** 0..1 share of all talk time, or of all words when there are no timestamps. */
  talk_share: number;
  turns: number;
  words: number;
  /** Duration of the speaker's longest turn; null without timestamps. */
  longest_monologue_ms: number | null;
  /** Index of that turn (the wordiest one when there are no timestamps); null if the speaker has no turns. */
  longest_monologue_turn: number | null;
  longest_monologue_start_ms: number | null;
  /** Sentences ending with "?". */
  questions_asked: number;
}

export interface TranscriptStats {
  meeting: MeetingStats;
  /** Largest talk share first. */
  speakers: SpeakerStats[];
}

export interface TalkShare {
  name: string;
  role: string | null;
  talk_share: number;
}

export const UNKNOWN_SPEAKER = 'Unknown';

/** What may follow a sentence-ending "?" before the space: closing quotes and brackets. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** JavaScript's `\s`, as character codes, so counting needs no regular expression. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whitespace other than the space: text the parsers did not clean. One character class, which scans several times faster than alternatives with anchors. */
const OTHER_WHITESPACE = /[^\S ]/;

/** Words of any text: runs of non-whitespace. */
function countWordRuns(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Words as the parsers count them: whitespace-separated runs. Clean text (single inner spaces, trimmed ends) by indexOf, without arrays. */
function countWords(text: string): number {
  if (text === '') return 0;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20 || OTHER_WHITESPACE.test(text)) return countWordRuns(text);
  let words = 1;
  for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', space + 1)) {
    if (text.charCodeAt(space + 1) === 0x20) return countWordRuns(text);
    words++;
  }
  return words;
}

/**
 * Sentences ending with "?": a run of "?" followed (after closing quotes or
 * brackets) by a space or the end. One pass: each character is looked at a
 * bounded number of times, however long the turn or the run of "?".
 */
function countQuestions(text: string): number {
  let questions = 0;
  let at = text.indexOf('?');
  while (at !== -1) {
    let end = at + 1;
    while (text[end] === '?') end++;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (end === text.length || isSpace(text.charCodeAt(end))) questions++;
    at = text.indexOf('?', end);
  }
  return questions;
}

function durationOf(item: { startMs: number | null; endMs: number | null }): number | null {
  return item.startMs === null || item.endMs === null ? null : Math.max(0, item.endMs - item.startMs);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

interface Monologue {
  turn: Turn;
  durationMs: number | null;
  words: number;
}

/** By duration when both turns are timed, else by words; ties keep the earlier turn. */
function isLonger(candidate: Monologue, current: Monologue): boolean {
  if (candidate.durationMs !== null && current.durationMs !== null) return candidate.durationMs > current.durationMs;
  return candidate.words > current.words;
}

interface Tally {
  name: string;
  firstSeen: number;
  talkTimeMs: number;
  turns: number;
  words: number;
  questions: number;
  longest: Monologue | null;
}

/** Meeting totals and per-speaker figures, largest talk share first. */
export function transcriptStats(transcript: Transcript): TranscriptStats {
  const tallies = new Map<string, Tally>();
  const tallyOf = (speaker: string | null): Tally => {
    const name = speaker ?? UNKNOWN_SPEAKER;
    let tally = tallies.get(name);
    if (!tally) {
      tally = { name, firstSeen: tallies.size, talkTimeMs: 0, turns: 0, words: 0, questions: 0, longest: null };
      tallies.set(name, tally);
    }
    return tally;
  };

  for (const turn of transcript.turns) {
    const tally = tallyOf(turn.speaker);
    const words = countWords(turn.text);
    const durationMs = durationOf(turn);
    tally.turns += 1;
    tally.words += words;
    tally.questions += countQuestions(turn.text);
    const candidate = { turn, durationMs, words };
    if (tally.longest === null || isLonger(candidate, tally.longest)) tally.longest = candidate;
  }
  for (const cue of transcript.cues) tallyOf(cue.speaker).talkTimeMs += durationOf(cue) ?? 0;

  const all = [...tallies.values()];
  const totalTalk = all.reduce((sum, tally) => sum + tally.talkTimeMs, 0);
  const totalWords = all.reduce((sum, tally) => sum + tally.words, 0);
  const shareOf = (tally: Tally): number => {
    if (totalTalk > 0) return tally.talkTimeMs / totalTalk;
    return totalWords > 0 ? tally.words / totalWords : 0;
  };
  const roles = new Map(transcript.speakers.map((speaker) => [speaker.name, speaker.role]));

  const speakers = all
    .sort((a, b) => shareOf(b) - shareOf(a) || a.firstSeen - b.firstSeen)
    .map(
      (tally): SpeakerStats => ({
        name: tally.name,
        role: roles.get(tally.name) ?? null,
        talk_time_ms: tally.talkTimeMs,
        talk_share: round(shareOf(tally), 3),
        turns: tally.turns,
        words: tally.words,
        longest_monologue_ms: tally.longest?.durationMs ?? null,
        longest_monologue_turn: tally.longest?.turn.index ?? null,
        longest_monologue_start_ms: tally.longest?.turn.startMs ?? null,
        questions_asked: tally.questions,
      }),
    );

  const duration = transcript.durationMs;
  return {
    meeting: {
      duration_ms: duration,
      words: totalWords,
      words_per_minute: duration === null || duration === 0 ? null : round(totalWords / (duration / 60_000), 1),
      turns: transcript.turns.length,
      cues: transcript.cues.length,
    },
    speakers,
  };
}

/** Each speaker's share of the talking, largest first, from stats already computed. */
export function talkSharesOf(stats: TranscriptStats): TalkShare[] {
  return stats.speakers.map(({ name, role, talk_share }) => ({ name, role, talk_share }));
}

/** Each speaker's share of the talking, largest first (see `transcriptStats`). */
export function talkShares(transcript: Transcript): TalkShare[] {
  return talkSharesOf(transcriptStats(transcript));
}

/**
 * Who spoke how much: meeting totals and per-speaker figures (talk time and
 * share, turns, words, longest monologue, questions asked). Talk time is the
 * sum of the speaker's cue durations, so pauses between cues do not count;
 * without timestamps (plain text) shares fall back to words spoken. Turns with
 * no speaker are counted under "Unknown". Field names are snake_case because
 * these objects are returned to clients as they are.
 */
export const UNKNOWN_SPEAKER = 'Unknown';
/** A "?" that ends a sentence: followed (after closing quotes or brackets) by a space or the end. */
const QUESTION_END = /\?+["'”’)\]]*(?=\s|$)/g;
/** Words as the parsers count them: whitespace-separated runs. */
export function countWords(text) {
    const trimmed = text.trim();
    return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
function countQuestions(text) {
    return text.match(QUESTION_END)?.length ?? 0;
}
function durationOf(item) {
    return item.startMs === null || item.endMs === null ? null : Math.max(0, item.endMs - item.startMs);
}
function round(value, decimals) {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
}
/** By duration when both turns are timed, else by words; ties keep the earlier turn. */
function isLonger(candidate, current) {
    if (candidate.durationMs !== null && current.durationMs !== null)
        return candidate.durationMs > current.durationMs;
    return candidate.words > current.words;
}
/** Meeting totals and per-speaker figures, largest talk share first. */
export function transcriptStats(transcript) {
    const tallies = new Map();
    const tallyOf = (speaker) => {
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
        if (tally.longest === null || isLonger(candidate, tally.longest))
            tally.longest = candidate;
    }
    for (const cue of transcript.cues)
        tallyOf(cue.speaker).talkTimeMs += durationOf(cue) ?? 0;
    const all = [...tallies.values()];
    const totalTalk = all.reduce((sum, tally) => sum + tally.talkTimeMs, 0);
    const totalWords = all.reduce((sum, tally) => sum + tally.words, 0);
    const shareOf = (tally) => {
        if (totalTalk > 0)
            return tally.talkTimeMs / totalTalk;
        return totalWords > 0 ? tally.words / totalWords : 0;
    };
    const roles = new Map(transcript.speakers.map((speaker) => [speaker.name, speaker.role]));
    const speakers = all
        .sort((a, b) => shareOf(b) - shareOf(a) || a.firstSeen - b.firstSeen)
        .map((tally) => ({
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
    }));
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
/** Each speaker's share of the talking, largest first (see `transcriptStats`). */
export function talkShares(transcript) {
    return transcriptStats(transcript).speakers.map(({ name, role, talk_share }) => ({ name, role, talk_share }));
}

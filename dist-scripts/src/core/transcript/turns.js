/**
 * Turns: consecutive cues of one speaker merged into what a reader would call
 * one utterance. A pause longer than the threshold starts a new turn even when
 * the speaker is the same; without timestamps only the speaker decides.
 */
/**
 * @example buildTurns([{ speaker: 'A', startMs: 0, endMs: 1000, text: 'Hi.' }, { speaker: 'A', startMs: 1500, endMs: 2000, text: 'Yes.' }], 30000)
 * // [{ index: 0, speaker: 'A', startMs: 0, endMs: 2000, text: 'Hi. Yes.', firstCue: 0, lastCue: 1 }]
 */
export function buildTurns(cues, maxGapMs) {
    const turns = [];
    let current = null;
    for (let i = 0; i < cues.length; i++) {
        const cue = cues[i];
        if (current !== null && current.speaker === cue.speaker && withinGap(current.endMs, cue.startMs, maxGapMs)) {
            current.text += ` ${cue.text}`;
            current.lastCue = i;
            if (cue.endMs !== null && (current.endMs === null || cue.endMs > current.endMs))
                current.endMs = cue.endMs;
            if (current.startMs === null)
                current.startMs = cue.startMs;
            continue;
        }
        current = {
            index: turns.length,
            speaker: cue.speaker,
            startMs: cue.startMs,
            endMs: cue.endMs,
            text: cue.text,
            firstCue: i,
            lastCue: i,
        };
        turns.push(current);
    }
    return turns;
}
function withinGap(previousEndMs, nextStartMs, maxGapMs) {
    return previousEndMs === null || nextStartMs === null || nextStartMs - previousEndMs <= maxGapMs;
}

/**
 * The index of one transcript: term postings per turn, every turn's term
 * sequence (for proximity and question detection at query time), and its
 * speakers' names as terms. Segments are built once when a transcript is added
 * and never change, so a search reads them without copying.
 */
import { distinctTerms, forEachTerm } from './analyze.js';
export const UNKNOWN_SPEAKER_KEY = 'unknown';
/** Lowercase, single-spaced: how speaker names are compared. */
export function normaliseName(name) {
    return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
/** Full name, or one whole word of it ("dana" finds "Dana Reyes"). */
export function speakerMatches(speakerKey, wanted) {
    return speakerKey === wanted || ` ${speakerKey} `.includes(` ${wanted} `);
}
/** A question sentence: from after the previous sentence end up to its "?". */
const QUESTION_SENTENCE = /[^.?!]*\?/g;
function questionRanges(text) {
    if (!text.includes('?'))
        return [];
    return [...text.matchAll(QUESTION_SENTENCE)].map((match) => [match.index, match.index + match[0].length]);
}
export function buildSegment(transcript, order) {
    const termIds = new Map();
    const postings = [];
    const tokens = [];
    const inQuestion = [];
    const turnOffsets = new Uint32Array(transcript.turns.length + 1);
    const speakerPostings = new Map();
    const speakerKeys = [];
    const speakerOfTurn = new Uint32Array(transcript.turns.length);
    const speakerIds = new Map();
    const speakerTerms = [];
    transcript.turns.forEach((turn, t) => {
        turnOffsets[t] = tokens.length;
        const questions = questionRanges(turn.text);
        forEachTerm(turn.text, (term, start) => {
            let id = termIds.get(term);
            if (id === undefined) {
                id = postings.length;
                termIds.set(term, id);
                postings.push({ turns: [], freqs: [] });
            }
            tokens.push(id);
            inQuestion.push(questions.length > 0 && questions.some(([from, to]) => start >= from && start < to) ? 1 : 0);
            const posting = postings[id];
            const last = posting.turns.length - 1;
            if (posting.turns[last] === t)
                posting.freqs[last] += 1;
            else {
                posting.turns.push(t);
                posting.freqs.push(1);
            }
        });
        const speakerKey = turn.speaker === null ? UNKNOWN_SPEAKER_KEY : normaliseName(turn.speaker);
        let speakerId = speakerIds.get(speakerKey);
        if (speakerId === undefined) {
            speakerId = speakerKeys.push(speakerKey) - 1;
            speakerIds.set(speakerKey, speakerId);
            speakerTerms.push(turn.speaker === null ? [] : distinctTerms(turn.speaker));
        }
        speakerOfTurn[t] = speakerId;
        for (const term of speakerTerms[speakerId]) {
            const spoken = speakerPostings.get(term) ?? [];
            spoken.push(t);
            speakerPostings.set(term, spoken);
        }
    });
    turnOffsets[transcript.turns.length] = tokens.length;
    return {
        transcriptId: transcript.id,
        order,
        turns: transcript.turns,
        termIds,
        postings,
        tokens: Int32Array.from(tokens),
        inQuestion: Uint8Array.from(inQuestion),
        turnOffsets,
        totalTokens: tokens.length,
        speakerPostings,
        speakerKeys,
        speakerOfTurn,
    };
}
/** Number of terms in a turn, for length normalisation. */
export function turnLength(segment, turn) {
    return segment.turnOffsets[turn + 1] - segment.turnOffsets[turn];
}
/** How many turns of the segment contain `term`. */
export function documentFrequency(segment, term) {
    const id = segment.termIds.get(term);
    return id === undefined ? 0 : segment.postings[id].turns.length;
}

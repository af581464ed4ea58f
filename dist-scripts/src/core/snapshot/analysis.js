/**
 * One pass over a transcript that everything else reads: its sentences with
 * their search terms, dates and figures, the meeting date, the people, and who
 * is the customer and who the vendor. Built once per snapshot (and again, from
 * the same transcript, when a field is updated), so it is deterministic and
 * cheap.
 */
import { distinctTerms } from '../search/analyze.js';
import { findDates, inferMeetingDate } from './dates.js';
import { findFigures } from './figures.js';
import { capitalRuns, lowercaseVocabulary } from './names.js';
import { inferParties } from './parties.js';
import { findPeople } from './people.js';
import { sentencesOfTranscript } from './sentences.js';
/** Cheap gate before the number grammar: a digit or a number word ("one" alone is nearly always a pronoun). */
const MAY_HOLD_NUMBER = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)|\bone (?:point|hundred|thousand|million|billion)\b/i;
/**
 * @param excludedTurns turns to leave out entirely (suspicious content): no
 *   field, person or section can come from them.
 */
export function analyseTranscript(transcript, excludedTurns = new Set()) {
    const base = sentencesOfTranscript(transcript)
        .filter((sentence) => !excludedTurns.has(sentence.turnIndex))
        .map((sentence) => ({ ...sentence, runs: capitalRuns(sentence.text) }));
    const vocabulary = lowercaseVocabulary(base.map((sentence) => sentence.text));
    const meetingDate = inferMeetingDate(base, [transcript.source.name, transcript.title]);
    const speakerNames = transcript.speakers.map((speaker) => speaker.name);
    const people = findPeople(base, speakerNames, vocabulary);
    const personWords = new Set(people.flatMap((person) => person.name.split(' ')));
    const parties = inferParties(base, transcript.speakers, vocabulary, personWords);
    const sentences = base.map((sentence) => {
        const dates = findDates(sentence.text, meetingDate);
        return {
            ...sentence,
            side: sentence.speaker === null ? 'unknown' : parties.sideOf.get(sentence.speaker) ?? 'unknown',
            terms: new Set(distinctTerms(sentence.text)),
            dates,
            figures: MAY_HOLD_NUMBER.test(sentence.text) ? findFigures(sentence.text, dates) : [],
            wordCount: sentence.text.split(/\s+/).length,
        };
    });
    return { transcript, sentences, ...(meetingDate ? { meetingDate } : {}), vocabulary, people, parties };
}

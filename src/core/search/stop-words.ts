/**
 * Words that carry no meaning for search: English function words, the question
 * words people type ("where is…", "what does…"), the pieces contractions split
 * into, and the fillers of spoken conversation ("yeah", "okay", "um"). They are
 * dropped both when indexing and when reading a query, so a question in plain
 * words is matched on its content words only. "may" stays searchable: it is
 * also a month, and dates matter in meetings.
 */

const FUNCTION_WORDS = `
a about above after again against all also am an and any are aren as at be because been before
being below between both but by can cannot could couldn did didn do does doesn doing don done down
during each either else etc ever every few for from further had hadn has hasn have haven having he
her here hers herself him himself his i if in into is isn it its itself let me might more most
many much must mustn my myself neither no nor not of off on once only or other ought our ours ourselves out
over own per same shall shan she should shouldn so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very
via was wasn we were weren whether while will with within without won would wouldn yet you your
yours yourself yourselves
`;

const QUESTION_WORDS = 'what whatever when whenever where wherever which who whom whose why how';

/** What "don't", "we'll", "I've" and the like leave once apostrophes split them. */
const CONTRACTION_PIECES = 's t d ll m re ve';

const SPOKEN_FILLERS = `
ah alright anyway actually basically gonna gotta hmm kinda like literally mhm mm oh ok okay please
really right so sorta sure uh uhm um umm wanna well yeah yep yes
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [FUNCTION_WORDS, QUESTION_WORDS, CONTRACTION_PIECES, SPOKEN_FILLERS].join(' ').split(/\s+/).filter(Boolean),
);

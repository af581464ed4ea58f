/**
 * Proper names in a transcript without a name dictionary: runs of capitalised
 * words ("Harborline Freight", "Maple & Finch", "Senior Business Systems
 * Analyst"), told apart from ordinary words by the call itself. A word the call
 * also uses in lower case ("data", "booking", "team") is an ordinary word;
 * one it only ever capitalises ("Harborline", "Okafor") is name-like. Also
 * reads job titles ("VP of Operations", "Chief Nursing Officer").
 */
/** Capitalised words that open or fill sentences and never name anything. */
const COMMON_CAPITALISED = new Set(('i i\'m i\'ve i\'ll i\'d the a an and but or so then also here there our my your his her their its we it what why how ' +
    'when where who which yes no ok okay well now today tomorrow yesterday please thanks thank hi hello hey dear as if for ' +
    'in on at by from with about after before because however first second third finally all both each every some any ' +
    'one two three other another this that these those yeah yep sure right great good perfect alright absolutely exactly ' +
    'oh um uh hmm mm wow love fair understood agreed correct excellent awesome cool sounds let let\'s maybe just actually ' +
    'honestly basically obviously again also not is are was were be do does did can could would should will shall may might ' +
    'must if once since while until though although whether over under into onto out up down off through across between ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december mr mrs ms dr').split(' '));
/** Tail words that make a capitalised run an organisation ("… Freight", "… Health", "… Inc"). */
export const ORG_SUFFIXES = new Set(('inc inc. corp corp. corporation llc ltd ltd. limited plc gmbh co co. company group holdings enterprises industries ' +
    'partners associates systems solutions technologies technology labs software analytics health healthcare hospital ' +
    'medical clinic clinics bank financial insurance logistics freight transport shipping airlines foods retail stores ' +
    'brands motors energy pharma pharmaceuticals university college school network networks media studios consulting ' +
    'services capital ventures trust manufacturing').split(' '));
const RUN_WORD = /[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]|&/g;
function isCapitalised(word) {
    return /^[A-Z]/.test(word) || word === '&';
}
function cleanWord(word) {
    return word.replace(/['’]s$/, '').replace(/\.$/, '');
}
/**
 * The capitalised runs of a sentence. "&" and "of" may join two capitalised
 * words ("Maple & Finch", "Bank of Ireland"); an opening word that is common
 * ("So", "Yes", "Our") is dropped.
 */
export function capitalRuns(sentence) {
    const tokens = [];
    RUN_WORD.lastIndex = 0;
    for (let match = RUN_WORD.exec(sentence); match !== null; match = RUN_WORD.exec(sentence)) {
        tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
    }
    const runs = [];
    let current = [];
    const flush = () => {
        while (current.length > 0 && (current[current.length - 1].word === '&' || current[current.length - 1].word === 'of'))
            current.pop();
        while (current.length > 0 && COMMON_CAPITALISED.has(cleanWord(current[0].word).toLowerCase()))
            current.shift();
        if (current.length > 0) {
            runs.push({ start: current[0].start, end: current[current.length - 1].end, words: current.map((token) => cleanWord(token.word)) });
        }
        current = [];
    };
    tokens.forEach((token, index) => {
        const previous = tokens[index - 1];
        const gap = previous ? sentence.slice(previous.end, token.start) : '';
        const joined = current.length > 0 && /^ $/.test(gap) && !/['’]s$|\.$/.test(previous.word);
        const connector = (token.word === '&' || token.word === 'of') && current.length > 0 && joined && isCapitalised(tokens[index + 1]?.word ?? '');
        if ((isCapitalised(token.word) && token.word !== '&') || connector) {
            if (current.length > 0 && !joined)
                flush();
            current.push(token);
        }
        else {
            flush();
        }
    });
    flush();
    return runs;
}
/** Lower-case words of the whole call, to tell ordinary words from names. */
export function lowercaseVocabulary(texts) {
    const vocabulary = new Set();
    for (const text of texts) {
        // E-mail addresses and links spell names in lower case; they are not ordinary words.
        const prose = text.replace(/\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ');
        for (const match of prose.matchAll(/\b[a-z][a-z'’-]*\b/g))
            vocabulary.add(match[0].replace(/['’]s$/, ''));
    }
    return vocabulary;
}
/** A word the call never writes in lower case, and that is not a common opener. */
export function isNameLike(word, vocabulary) {
    const lower = word.toLowerCase();
    if (!/^[A-Z]/.test(word) || COMMON_CAPITALISED.has(lower))
        return false;
    if (/^[A-Z]{2,}$/.test(word))
        return false; // acronyms: TMS, EHR, ROI
    return !vocabulary.has(lower);
}
/** Heads of job titles: a title phrase ends with one of these. */
export const TITLE_HEADS = new Set(('analyst manager director officer head lead leader vp svp evp avp president sponsor engineer architect administrator ' +
    'admin specialist coordinator consultant cfo ceo cto cio coo cmo cno cso cro ciso owner founder co-founder supervisor planner buyer ' +
    'developer scientist nurse physician doctor controller accountant executive partner representative rep associate ' +
    'assistant principal advisor steward chair chairman superintendent strategist designer researcher counsel secretary ' +
    'treasurer dean provost chief').split(' '));
/** Words that may stand inside a title before its head ("Senior Business Systems Analyst"). */
const TITLE_WORD = /^(?:[A-Z][A-Za-z&/-]*|senior|junior|lead|principal|chief|deputy|assistant|associate|executive|general|regional|global|national|head|vice|staff|managing|operations|product|project|program|customer|success|account|sales|marketing|finance|financial|business|systems|data|it|technical|clinical|nursing|medical)$/;
const TITLE_TAIL = /^(?:of|for)$/i;
/**
 * Reads a job title at the start of `text`: "VP of Operations, so …" ->
 * "VP of Operations"; "Chief Nursing Officer" -> itself; "the planning team" -> null.
 */
export function readTitle(text) {
    const words = text.trim().split(/\s+/).slice(0, 10);
    let end = -1;
    let index = 0;
    for (; index < words.length; index++) {
        const raw = words[index];
        const word = raw.replace(/[,.;:!?)]+$/, '');
        if (!TITLE_WORD.test(word) && !TITLE_HEADS.has(word.toLowerCase()))
            break;
        if (TITLE_HEADS.has(word.toLowerCase()))
            end = index;
        if (word !== raw)
            break;
    }
    if (end < 0)
        return null;
    // "Director of Merchandising", "Head of Supply Chain": a head followed by "of" and capitalised words.
    let tailEnd = end;
    const afterHead = words[end + 1];
    if (afterHead && TITLE_TAIL.test(afterHead) && words[end].replace(/[,.;:!?]+$/, '') === words[end]) {
        let cursor = end + 2;
        while (cursor < words.length && cursor <= end + 4) {
            const raw = words[cursor];
            const word = raw.replace(/[,.;:!?)]+$/, '');
            if (!/^[A-Z&]/.test(word))
                break;
            tailEnd = cursor;
            if (word !== raw)
                break;
            cursor++;
        }
    }
    const title = words.slice(0, tailEnd + 1).join(' ').replace(/[,.;:!?)]+$/, '');
    return title.length >= 2 ? title : null;
}

/**
 * Ranks the sentences of a call for each section and picks a few, diverse
 * ones. A sentence scores by the section's vocabulary (stemmed like the search
 * index, weighted by rarity), by holding the evidence of one of the section's
 * fields, by answering a question about the section, and by who says it (the
 * customer's account of results outranks the vendor's). Picks are spread out:
 * at most two per turn in a section, near-duplicates skipped, and a sentence
 * already used by an earlier section is taken again only if nothing else fits.
 */
import { distinctTerms } from '../search/analyze.js';
import { sectionSpec } from './catalogue.js';
const traitCache = new WeakMap();
function traitsOf(analysis) {
    let traits = traitCache.get(analysis);
    if (!traits) {
        const roleStatements = new Set(analysis.people.map((person) => person.roleSentenceId));
        traits = new Map(analysis.sentences.map((sentence) => [
            sentence.id,
            {
                metaTalk: META_TALK.test(sentence.text),
                leansOnContext: sentence.wordCount < 14 && LEANS_ON_CONTEXT.test(sentence.text),
                statesRole: roleStatements.has(sentence.id),
            },
        ]));
        traitCache.set(analysis, traits);
    }
    return traits;
}
/** Sections whose subject is what the customer experienced. */
const CUSTOMER_VOICE = new Set(['background', 'results_achievements', 'adoption_usage', 'financial_impact', 'long_term_impact', 'additional_commentary']);
const TIME_UNITS = /^(?:(?:billable|working|business|full)\s+)?(?:hours?|days?|weeks?|months?|quarters?|years?|sprints?|phases?|blocks?)$/i;
/** Talk about the snapshot questionnaire itself ("the 'Visuals' question") is not content. */
const META_TALK = /\b(?:question|questions|answer|answers|answering)\b/i;
const LEANS_ON_CONTEXT = /^(?:(?:and|so|but|yes|yeah|okay)[,.]?\s+)*(?:that|this|it|these|those|which|then)\b/i;
const sectionTermCache = new Map();
export function sectionTerms(slug) {
    let terms = sectionTermCache.get(slug);
    if (!terms) {
        terms = new Set(distinctTerms(sectionSpec(slug).vocabulary.join(' ')));
        sectionTermCache.set(slug, terms);
    }
    return terms;
}
export function inverseDocumentFrequency(sentences) {
    const counts = new Map();
    for (const sentence of sentences)
        for (const term of sentence.terms)
            counts.set(term, (counts.get(term) ?? 0) + 1);
    const total = Math.max(1, sentences.length);
    const idf = new Map();
    for (const [term, count] of counts)
        idf.set(term, Math.log(1 + total / count));
    return idf;
}
function vocabularyScore(sentence, terms, idf) {
    let score = 0;
    for (const term of sentence.terms)
        if (terms.has(term))
            score += idf.get(term) ?? 0;
    return score / Math.sqrt(Math.max(8, sentence.wordCount));
}
/** How strongly each sentence speaks to a section, before diversity. */
export function scoreSentences(slug, context) {
    const { analysis, fieldSupport, idf } = context;
    const spec = sectionSpec(slug);
    const terms = sectionTerms(slug);
    const sectionFields = new Set([...spec.requiredFields, ...spec.valuableFields]);
    const sentences = analysis.sentences;
    // A question turn about the section makes the next turn's sentences its answer.
    const questionRelevance = new Map();
    for (const sentence of sentences) {
        if (!sentence.isQuestion)
            continue;
        const relevance = vocabularyScore(sentence, terms, idf);
        questionRelevance.set(sentence.turnIndex, Math.max(questionRelevance.get(sentence.turnIndex) ?? 0, relevance));
    }
    const traits = traitsOf(analysis);
    const ranked = [];
    for (const sentence of sentences) {
        if (sentence.wordCount < 4)
            continue;
        let score = vocabularyScore(sentence, terms, idf);
        spec.cues.lastIndex = 0;
        if (spec.cues.test(sentence.text)) {
            const cueCount = new Set(sentence.text.match(spec.cues).map((match) => match.toLowerCase())).size;
            score += 0.9 + 0.3 * Math.min(2, cueCount - 1);
        }
        const trait = traits.get(sentence.id);
        const supports = fieldSupport.get(sentence.id) ?? [];
        if (supports.some((field) => sectionFields.has(field)))
            score += 1.2;
        const resultFigures = sentence.figures.length > 0 && supports.length > 0;
        if (resultFigures && (slug === 'results_achievements' || slug === 'financial_impact' || slug === 'adoption_usage'))
            score += 0.4;
        if (slug === 'engagement_details') {
            if (sentence.figures.some((figure) => figure.kind === 'count' && figure.unit !== undefined && TIME_UNITS.test(figure.unit)))
                score += 0.9;
            if (sentence.figures.some((figure) => figure.kind === 'money'))
                score += 0.4;
            if (sentence.dates.length > 0)
                score += 0.6;
        }
        const previousTurn = sentence.turnIndex - 1;
        if (!sentence.isQuestion && questionRelevance.has(previousTurn))
            score += 0.5 * questionRelevance.get(previousTurn);
        if (sentence.isQuestion)
            score *= 0.35;
        // "That's another measurable achievement": a pointer to something said before, not content.
        if (trait.leansOnContext)
            score *= 0.55;
        if (trait.statesRole && slug !== 'engagement_details' && slug !== 'customer_information')
            score *= 0.4;
        if (slug === 'background')
            score *= 1.15 - 0.3 * (sentence.id / Math.max(1, sentences.length));
        if (sentence.wordCount < 7)
            score *= 0.5;
        if (trait.metaTalk)
            score *= 0.6;
        if (CUSTOMER_VOICE.has(slug))
            score *= sentence.side === 'customer' ? 1.2 : sentence.side === 'vendor' ? 0.75 : 1;
        if (score > 0)
            ranked.push({ sentence, score });
    }
    return ranked.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
}
function overlap(a, b) {
    if (a.size === 0 || b.size === 0)
        return 0;
    let shared = 0;
    for (const term of a)
        if (b.has(term))
            shared++;
    return shared / Math.min(a.size, b.size);
}
/**
 * Picks up to `limit` sentences: best first, two per turn at most, no
 * near-duplicates, sentences used by earlier sections discounted. Marks the
 * picks as used and returns them in call order.
 */
export function pickSentences(ranked, context, options) {
    const adjusted = ranked
        .map((entry) => ({ ...entry, score: entry.score * (context.used.has(entry.sentence.id) ? 0.35 : 1) }))
        .sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
    const best = adjusted[0]?.score ?? 0;
    const floor = best * (options.floor ?? 0.3);
    const picked = [];
    const perTurn = new Map();
    for (const entry of adjusted) {
        if (picked.length >= options.limit)
            break;
        if (entry.score < floor || entry.score < (options.minimum ?? 0.15))
            break;
        const turnCount = perTurn.get(entry.sentence.turnIndex) ?? 0;
        if (turnCount >= 2)
            continue;
        if (picked.some((other) => overlap(other.sentence.terms, entry.sentence.terms) > 0.6))
            continue;
        picked.push(entry);
        perTurn.set(entry.sentence.turnIndex, turnCount + 1);
    }
    for (const entry of picked)
        context.used.set(entry.sentence.id, (context.used.get(entry.sentence.id) ?? 0) + 1);
    return picked.sort((a, b) => a.sentence.id - b.sentence.id);
}

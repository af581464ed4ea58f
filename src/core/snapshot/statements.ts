/**
 * What kind of statement a figure sits in. A snapshot reports results, so a
 * figure in a hypothetical or a plan ("that could mean another 2,000 seats",
 * "if we cut costs by a third") is not one; nor is a vendor's claim about its
 * customers in general ("our customers typically see 40% faster closes"),
 * another organisation's result, a third party's claim repeated, an offer, a
 * cost that rose, a result put down to something else, or an investment's
 * return. A correction ("sorry, actually it's 1.4 million") makes the figure
 * after it beat the one it corrects. Judged on the clause around the figure, so
 * "if you look at the numbers, we saved $400,000" still counts.
 */

export interface Span {
  start: number;
  end: number;
}

/** Punctuation and conjunctions that end a clause. */
const CLAUSE_BREAK = /[,;:—–]\s*|\s+(?:but|whereas|although|though|so that|because)\s+/g;

/** The clause of `text` that holds `span`, and the clause before it. */
function clauseAround(text: string, span: Span): { clause: string; previous: string } {
  const breaks: number[] = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(text); match !== null; match = CLAUSE_BREAK.exec(text)) {
    const at = match.index + match[0].length;
    // A comma inside a figure ("1,400") or a date ("July 3, 2025") is not a clause break.
    if (match.index > span.start && match.index < span.end) continue;
    if (/^\d/.test(text.slice(at)) && /\d$/.test(text.slice(0, match.index))) continue;
    breaks.push(at);
    // The clause ends at the first break after the span starts: later ones do not matter.
    if (at > span.start) break;
  }
  breaks.push(text.length);
  let index = 0;
  while (index < breaks.length - 2 && breaks[index + 1]! <= span.start) index++;
  const clause = text.slice(breaks[index], breaks[index + 1]);
  const previous = index > 0 ? text.slice(breaks[index - 1], breaks[index]) : '';
  return { clause, previous };
}

/** The clause of `text` that holds `span`. */
export function clauseOf(text: string, span: Span): string {
  return clauseAround(text, span).clause;
}

const HYPOTHETICAL =
  /\b(?:if|could|would|might|may|potentially|possibly|hopefully|hope|hoping|expect|expecting|expected to|plan to|plans to|planning to|planned to|(?:our|the|a) (?:target|goal|aim) (?:is|of)|targeting|aiming|projected|projection|forecast(?:ed|s)?(?!\s+(?:accuracy|error|bias|quality))|forecasting(?!\s+(?:accuracy|error|bias|quality))|anticipate|anticipated|estimated to|want to|wants to|(?:don't|do not|doesn't|does not) (?:want|need)|going to|will|proposing|propose|proposed|imagine|suppose|assum(?:e|ed|es|ing|ption)|ideally|(?:rough|my|best|wild) guess|ballpark)\b|\b\w+'(?:ll|d)\b/i;
/** "The forecasting is used by all 160 managers", "the forecast screen": forecasting as what a product does, not a projection. */
const FORECAST_AS_A_THING = /\b(?:the|our|their|your|its)\s+forecast(?:ing|s)?\s+(?:(?:is|are|was|were|gets|got)\s+used\b|(?:tool|feature|module|model|screen|dashboard|report|view)s?\b)/gi;
/** "…a 25 percent gain once phase two lands": a gain that waits on something still to come. */
const ONCE_TO_COME = /\bonce\s+(?:[\w-]+\s+){1,4}?(?:lands|goes live|rolls out|launches|ships|arrives|starts|kicks in|is (?:live|done|finished|in place|rolled out|switched on))\b/i;
const CONDITIONAL_OPENING = /^\s*(?:if|once|assuming|suppose|supposing|imagine|when we|whenever)\b/i;
/** "If you sign for three years, we can take 15 percent off, which saves you 24,000 a year": the "if" governs every clause after it. */
const OPENS_WITH_IF = /^\s*(?:(?:and|so|but|well|now|okay|look)[,]?\s+)?if\b/i;

/** A clause that reports what happened ("we saved", "it dropped"): an "if" before it is an aside ("if you look at the numbers"). */
const PAST_RESULT = /\b(?:saved|was|were|did|had|went|got|came|dropped|fell|grew|rose|increased|decreased|reduced|hit|reached|achieved|delivered|finished|ended)\b/i;

/** "101% if you want me to be precise", "if I'm honest": an "if" of conversation, not a condition. */
const CONVERSATIONAL_IF = /\bif (?:you (?:want|like|need|prefer|ask me)\b|I(?:'m| am) (?:honest|being honest)\b|I remember\b|memory serves\b|that helps\b)/gi;

/** "May 2024 through April 2025": "May" capitalised inside a sentence is the month, not "may". */
const MONTH_MAY = /(?<=\S\s+)May\b/g;

/**
 * The words that frame a figure as a goal, a target or a plan ("our goal is 15 percent fewer stockouts", "the
 * target is to reduce excess inventory — the stuff we mark down — by about $3 million", "the business case
 * projected a 180 percent return").
 */
const TARGET_FRAME =
  /\b(?:(?:my|our|the|their|your|a|an|one|first|second|third|main|big|stretch)\s+(?:[\w-]+\s+)?(?:goals?|targets?|aims?|objectives?|ambitions?)\b|goal is|target(?:ed|ing)?\s+(?:is|was|of|at|for)\b|business case|projected|projecting|projections?|forecast(?:ed|s)?\s+(?:to|at|of|is|was|says|said|shows|showed|puts)\b|(?:we|they|finance|it) forecast\b|budgeted|(?:is|was|are|were) (?:supposed|meant) to|on track to|hypothetically|(?:the|our) plan (?:is|was)\b|the model (?:shows|says|predicts|puts)\b)/gi;
/** What ends a plan's reach before the figure: another clause, or the words of a result ("we hit our goal: we're at 94 percent"). */
const FRAME_BREAK =
  /;|\.\s|\b(?:but|whereas|and (?:we|it|they|now)|we(?:'ve| have)? (?:hit|reached|achieved|beat|exceeded|surpassed|got to)|actual(?:ly)?|in fact|today|right now|so far|we(?:'re| are) (?:now )?at|came in at|ended (?:up )?at)\b/i;

/** True when a goal, target or plan frames the figure at `span`: said before it with no result between, or right after it. */
function inTargetFrame(text: string, span: Span): boolean {
  const plain = text.replace(FORECAST_AS_A_THING, (match) => ' '.repeat(match.length));
  for (const match of plain.matchAll(TARGET_FRAME)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end <= span.start) {
      if (!FRAME_BREAK.test(plain.slice(end, span.start))) return true;
    } else if (start >= span.end) {
      // "15 percent fewer stockouts is our goal"
      const between = plain.slice(span.end, start);
      if (between.length <= 40 && !/[,;:—–]/.test(between)) return true;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * A short sentence that labels what was just said as a plan: "That's a target.", "That's a goal, not a result.",
 * "But that's purely hypothetical.", "That one's a hope, honestly." The figures of the sentence before it are
 * then plans too.
 */
const PLAN_LABEL =
  /^(?:(?:and|but|so|now|again)[,\s]+)?(?:that(?:'s| is| was)|this is|these are|those are|that one(?:'s| is)|it's|it is)\s+(?:(?:just|only|purely|still|all|really|honestly)\s+)*(?:an?\s+)?(?:goals?|targets?|hopes?|estimates?|projections?|forecasts?|hypothetical|guess|ballpark|stretch|aspiration|plan|wish)\b/i;

/** True when `sentence` says that what was just said is only a target, a hope or a guess. */
export function labelsPlan(sentence: string): boolean {
  return PLAN_LABEL.test(sentence.trim()) || /\bpurely hypothetical\b/i.test(sentence);
}

/** True when the figure at `span` is said as a possibility, a plan or a target, not a result. */
export function isHypothetical(text: string, span: Span): boolean {
  const plain = text.replace(CONVERSATIONAL_IF, (match) => ' '.repeat(match.length)).replace(MONTH_MAY, '   ');
  const { clause, previous } = clauseAround(plain, span);
  const conditional = CONDITIONAL_OPENING.test(previous) || OPENS_WITH_IF.test(plain);
  return HYPOTHETICAL.test(clause.replace(FORECAST_AS_A_THING, '')) || ONCE_TO_COME.test(clause) || (conditional && !PAST_RESULT.test(clause)) || inTargetFrame(plain, span);
}

/**
 * Words that make a figure a plan but leave the sentence itself useful to a story ("so we should be able to use the
 * monitoring dashboard"): "the second phase should add another $70,000", "we need to cut agency costs by 12 percent",
 * "adding the bakery means another $55,000 in savings".
 */
const PLANNED_FIGURE = /\bshould (?!have\b|be\b)|\bshould be (?:\w+ ){0,2}?(?:another|more|an? (?:extra|additional|further))\b|(?<!n't |not )\bneeds? to\b|\bmeans? (?:another|more|an? (?:extra|additional|further))\b/i;

/**
 * "The board wants us to cut spend 10 percent", "the CIO requires every tool to clear a 30 percent return": what
 * someone asks of the customer, a mandate or a hurdle, not a result.
 */
const ASKED_OF = /(?<!\bif (?:you|they|we) )\b(?:wants?|wanted|requires?|required|expects?|expected|asks?|asked|needs?|told|tells|telling)\s+(?:(?:us|them|me|you|him|her|everyone|everybody)\s+|(?:every|each|all|any|our|the|their)\s+(?:[\w-]+\s+){0,2}?)to\b/i;

/** "The board wanted a 10 percent cut", "the CIO requires a 30 percent ROI": what someone asks for, right before the figure. */
const ASKED_FOR = /\b(?:wants|wanted|asks? (?:us )?for|asked (?:us )?for|hoped for|was hoping for|expects|expected|requires|required|demands|demanded|insists on)\s+(?:a\s+|an\s+)?(?:about\s+|around\s+)?$/i;

/** True when the figure at `span` is a possibility, a plan or a target (`isHypothetical`), what should or needs to come, or what was asked for. */
export function isPlannedFigure(text: string, span: Span): boolean {
  const { clause } = clauseAround(text, span);
  return isHypothetical(text, span) || PLANNED_FIGURE.test(clause) || ASKED_OF.test(clause) || ASKED_FOR.test(text.slice(0, span.start));
}

/** A claim about customers in general, or customers like this one: "teams like yours", "for companies your size". */
const GENERIC_CLAIM =
  /\b(?:our|other|most|many|typical|the average)\s+(?:[\w-]+\s+){0,2}?(?:customers|clients|users)\b|\b(?:customers|clients|companies|organi[sz]ations)(?: (?:who|that) [^.?!]{1,60}?)? (?:typically|usually|generally|normally|often|tend to|on average)\b|\b(?:typically|usually|generally|normally) (?:see|get|achieve|report)\b|\b(?:customers|clients) (?:average|see|get|report)\b|\bindustry (?:average|benchmark|standard)\b|\b(?:another|one of our) (?:customer|client)s?\b|\ba (?:customer|client) of ours\b|\b(?:study|studies|research|white ?paper|analyst report)\b[^.?!]{0,60}\b(?:found|finds|shows?|showed|says)\b|\bbenchmarks?\b|\bacross (?:our|all) (?:[\w-]+ )?(?:customers|clients|accounts)\b|\bin (?:\d+|ninety-nine)% of\b|\bin \w+ percent of\b|\b\w+s like (?:yours\b|you\b(?!\s+(?:said|say|mentioned|asked|know|did|do|were|are|had|have)\b))|\byour size\b|\bmost \w+(?: \w+)? (?:we|I) (?:work|worked|partner) with\b|\b(?:ROI|savings|value|cost) calculator\b/i;

/** "On average" is generic unless the speaker measures their own: "we cut it from 45 to 30 minutes on average". */
const ON_AVERAGE = /\bon average\b/i;
const OWN_MEASUREMENT = /\b(?:we|we've|we're|I|I've|my)\b/i;

/** A claim about customers in general, not a measurement of this customer. */
export function isGenericClaim(text: string): boolean {
  return GENERIC_CLAIM.test(text) || (ON_AVERAGE.test(text) && !OWN_MEASUREMENT.test(text));
}

/** Capitalised words that open "At …" without naming an organisation: holidays, months, days. */
const NOT_AN_ORGANISATION = /^(?:Christmas|Easter|Thanksgiving|New Year|Ramadan|Diwali|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|First|Last|Peak|Launch|Go-live)\b/;
/** "At Quenby Ropeworks, adoption hit…", "Over at Stourhead Logistics, …": a sentence set at a named organisation. */
const AT_ORGANISATION = /^(?:(?:[Aa]nd|[Ss]o|[Bb]ut|[Nn]ow|[Ww]ell|[Ll]ook|[Rr]emember)[,]?\s+)?(?:(?:[Oo]ver|[Oo]ut|[Dd]own|[Uu]p|[Bb]ack)\s+)?[Aa]t\s+(\p{Lu}[\p{L}\p{N}&-]*(?:\s+\p{Lu}[\p{L}\p{N}&-]*)*)/u;
/** "Quenby Ropeworks' adoption hit…": a sentence that opens with an organisation's result. */
const ORGANISATION_POSSESSIVE = /^(\p{Lu}[\p{L}\p{N}&-]*(?:\s+\p{Lu}[\p{L}\p{N}&-]*)*)(?:'s|')\s/u;

/** "Quenby Ropeworks cut proofing time by 33 percent": a sentence whose subject is a name and whose verb is a result. */
const NAME_AS_SUBJECT =
  /^(\p{Lu}[\p{L}\p{N}&-]*(?:\s+\p{Lu}[\p{L}\p{N}&-]*)*)\s+(?:cut|saw|saved|got|hit|reduced|grew|increased|achieved|reached|dropped|doubled|halved|went from)\b/u;
/** This call's people: a result said of them is this customer's. */
export const FIRST_OR_SECOND_PERSON = /\b(?:we|we've|we're|our|us|you|your|you've|you're)\b/i;

/**
 * The organisation a sentence is set at, or whose result it opens with, when it names one; `subject` when the
 * name is only the subject of a result verb with no "we" or "you" of this call (the name may be the product's).
 */
export function organisationOpening(text: string): { name: string; subject: boolean } | undefined {
  const trimmed = text.trim();
  const set = (AT_ORGANISATION.exec(trimmed) ?? ORGANISATION_POSSESSIVE.exec(trimmed))?.[1];
  const subject = set === undefined && !FIRST_OR_SECOND_PERSON.test(trimmed) ? NAME_AS_SUBJECT.exec(trimmed)?.[1] : undefined;
  const name = set ?? subject;
  return name === undefined || NOT_AN_ORGANISATION.test(name) ? undefined : { name, subject: subject !== undefined };
}

/** "Internally we run our own billing on it", "Our own agents close tickets faster": the vendor's results on its own work. */
const OWN_WORK = /\b(?:internally|our own|ourselves)\b/i;

/** True when the vendor speaks of its own organisation's results, not the customer's. */
export function isVendorsOwnResult(text: string): boolean {
  return OWN_WORK.test(text);
}

/**
 * "Their sales rep said 85 percent of…", "<Org> claimed 35 percent savings in their pitch deck": a third
 * party's claim repeated, not a measurement. "We claimed…" is the speaker's own.
 */
const REPORTED_CLAIM =
  /\b(?:their|the other)\s+(?:(?:sales|account)\s+)?(?:reps?|salesperson|sales team|account (?:exec|executive|manager)|pitch(?: deck)?|deck|brochure|website|marketing)\b[^.?!]*\b(?:said|says|claimed|claims|told|promised|shows?|showed)\b|\bin (?:their|its) (?:pitch(?: deck)?|deck|brochure|marketing)\b|\b(?:they|he|she)\s+(?:told|tell|showed)\s+(?:us|me)\s+(?:that\s+)?(?:they|he|she|their|his|her)\b/i;
/** "Marlow Systems claimed…", "Marlow's rep said…", "they promised…": case-sensitive, so "fewer claims" is no claim. */
const CLAIMED_BY_OTHER =
  /\b(?:[Tt]hey|[Hh]e|[Ss]he|\p{Lu}[\p{L}-]*)\s+(?:also\s+)?(?:claimed|promised|pitched|advertised|boasted)\b|\p{Lu}[\p{L}-]*'s\s+(?:(?:sales|account)\s+)?(?:reps?|salesperson|pitch(?: deck)?|deck|brochure|website)\b[^.?!]*\b(?:said|says|claimed|told|promised)\b/u;

/**
 * The speaker's own side as a subject: a clause with it reports the speaker's result, whatever the clause before said
 * ("our", unlike OWN_MEASUREMENT, since "and our costs fell" is the speaker's result).
 */
const OWN_SUBJECT = /\b(?:we|we've|we're|I|I've|our)\b/i;

/**
 * True when the clause of the figure at `span`, or the words leading to it when that clause has no "we" or "I" of
 * its own, match: "Marta promised the board 20 percent, and we saved 26 percent" keeps the 26.
 */
function framedBy(text: string, span: Span, test: (words: string) => boolean): boolean {
  const { clause } = clauseAround(text, span);
  if (test(clause)) return true;
  return !OWN_SUBJECT.test(clause) && test(text.slice(0, span.end));
}

/** True when the figure at `span` repeats another party's claim. */
export function isReportedClaim(text: string, span: Span): boolean {
  return framedBy(text, span, (words) => REPORTED_CLAIM.test(words) || CLAIMED_BY_OTHER.test(words));
}

/** "…nothing to do with the screens", "but that's the new oven, not the software", "the price increase did most of that". */
const DISCLAIMED_CAUSE =
  /\bnothing to do with\b|\bnot (?:because of|due to|thanks to|down to)\b|\bbut that(?:'s| is| was)\s+(?:mostly\s+|all\s+|really\s+|just\s+)?(?:the|our|from|because)\b[^.?!]*?\bnot\b|\b(?:did|drove|explains?) (?:most|all|much) of (?:that|it)\b|\bbut (?:that|this|it|the (?:number|figure|total))(?:'s| is)? (?:also )?(?:includes|included|including|counts|counting|lumps in)\b/i;
/**
 * "…up 11 percent, but let's be honest, that's the musical": after "but", the result credited to a thing named alone.
 * The thing must end the clause, so "but that's the best quarter we've had" credits nothing.
 */
const BUT_THATS_THE = /\bbut\b[^.?!]{0,30}?\bthat(?:'s| is| was)\s+(?:all\s+|mostly\s+|really\s+|just\s+|entirely\s+|largely\s+)?the\s+([\p{L}-]+(?:\s[\p{L}-]+){0,2})\s*(?:[.,;!]|$)/iu;
/** What "that's the …" may name without crediting a cause: "that's the point", "that's the plan". */
const NOT_A_CAUSE = /\b(?:best|biggest|highest|most|worst|first|whole|point|thing|idea|goal|target|plan|hope|aim|truth|reality|problem|question|catch|number|figure|headline)\b/i;
/** "…mostly because we opened two new cafés", "because of the new oven", "most of that is the new shops": the cause the speaker credits. */
const CREDITED_CAUSE = /\b(?:because|due to|thanks to|driven by|down to|most of (?:that|it|this) (?:is|was|came from|comes from))\b([^.?!]*)/i;
/**
 * A cause that is an event of the business, not how the work is done: "we opened two cafés", "the new bottling line",
 * "the price increase". "Because reps spend less time on data entry" is how the product works, and stays.
 */
const BUSINESS_EVENT =
  /\b(?:opened|opening|launched|added)\s+(?:[\w-]+\s+){0,3}?(?:stores?|shops?|cafés?|cafes?|sites?|branch(?:es)?|locations?|lines?|plants?|restaurants?|clinics?|markets?)\b|\b(?:we|they)\s+(?:acquired|raised (?:our |their )?prices|merged)\b|\b(?:new|extra|more)\s+(?:[\w-]+\s+)?(?:stores?|shops?|cafés?|cafes?|sites?|branch(?:es)?|locations?|lines?|plants?|ovens?|machines?|markets?|catalogues?)\b|\bprice (?:increases?|rises?)\b|\b(?:season|seasonal|weather|economy|inflation|acquisition|merger)\b/i;
/** Words by which a credited cause is the product: "because of the pre-ordering on your platform". */
const PRODUCT_AS_CAUSE = /\b(?:platform|system|software|tool|app|module|product|it|your|you|using|rollout)\b/i;
/**
 * A sentence that only says what a result before it was not from: "Nothing to do with the screens, honestly.", "That is
 * the new menu, not the software."
 */
const DISCLAIMER_SENTENCE =
  /^(?:(?:and|but|so|honestly|frankly)[,]?\s+)?(?:(?:that's|that is|that was|it's|it is|it was)\s+)?(?:(?:got|had)\s+)?(?:nothing to do with|not (?:because of|due to|thanks to|down to|from))\b|^(?:(?:and|but|so|honestly|frankly)[,]?\s+)?(?:that's|that is|that was|it's|it is|it was)\s+(?:all\s+|mostly\s+|really\s+|just\s+)?(?:the|our)\s+[^,.;]{1,40},\s+not\s+(?:the|your|you)\b/i;

/**
 * True when, after the figure at `span` and before any other figure, the speaker puts the result down to something
 * other than the product: a disclaimer, or a business event credited that names neither the product nor one of
 * `ownNames` (the vendor's and its products' names).
 */
export function creditsSomethingElse(text: string, span: Span, ownNames: readonly string[]): boolean {
  const after = text.slice(span.end).split(/\d/)[0]!;
  if (DISCLAIMED_CAUSE.test(after)) return true;
  const notTheProduct = (cause: string) => !PRODUCT_AS_CAUSE.test(cause) && !ownNames.some((name) => cause.includes(name));
  const cause = CREDITED_CAUSE.exec(after)?.[1];
  if (cause !== undefined && BUSINESS_EVENT.test(cause) && notTheProduct(cause)) return true;
  const named = BUT_THATS_THE.exec(after)?.[1];
  return named !== undefined && !NOT_A_CAUSE.test(named) && notTheProduct(named);
}

/** "In the Quenby Ropeworks case study, bakers save…": a result from a case study. */
const CASE_STUDY = /\b(?:in|from) (?:the|a|our|their|that|this) (?:[\w-]+ ){0,3}case stud(?:y|ies)\b|\bcase stud(?:y|ies) (?:shows?|showed|says|found|finds)\b/i;

/** True when the sentence cites a case study (the customer citing its own keeps its result: the caller checks the side). */
export function citesCaseStudy(text: string): boolean {
  return CASE_STUDY.test(text);
}

/** "Marlow never got us past 50 percent": a level not reached, right before the figure. */
const NEVER_REACHED = /\b(?:never|didn't|did not|couldn't|could not|wasn't|weren't)\s+(?:get|got|gets|reach|reached|hit|go|went|break|broke)\s+(?:us\s+|them\s+)?(?:past|above|over|beyond|more than)\s+(?:about\s+|around\s+)?$/i;

/** True when the figure at `span` is a level said never to have been reached. */
export function isNeverReached(text: string, span: Span): boolean {
  return NEVER_REACHED.test(text.slice(0, span.start));
}

/** True when `sentence` only disclaims the cause of what was just said. */
export function disclaimsCause(sentence: string): boolean {
  return DISCLAIMER_SENTENCE.test(sentence.trim());
}

/**
 * An offer, not money no longer spent: "a 10 percent discount … saves you $14,000", "you're not paying
 * the setup fee", "sign before June and you save 12 percent".
 */
const OFFER =
  /\bdiscount(?:s|ed)?\b|\bsign(?:s|ing)?\s+(?:before|by|now|today|this)\b|\bwaiv(?:e|ed|es|ing)\b|\byou(?:'re| are| aren't| won't be| will not be)\s+(?:also\s+|still\s+|even\s+)?(?:not\s+)?paying\b|\byou (?:will not|won't|don't|do not|no longer) (?:have to )?pay\b|\bfree of charge\b|\bpromo(?:tion(?:al)?)?\b/i;
/** "All in, the renewal comes to $96,000 a year": what the customer will pay. */
const PRICE = /\b(?:comes? to|pric(?:e|es|ed|ing)|list price)\b/i;

/** True when the figure at `span` is said in an offer; with no span, when the sentence makes one. */
export function isOffer(text: string, span?: Span): boolean {
  return span ? framedBy(text, span, (words) => OFFER.test(words)) : OFFER.test(text);
}

/** "It costs us $36,000 a year", "we pay about $4,000 a month": what the customer pays, not what it saved ("costs us $4,000 less" is a saving). */
const PAID_BEFORE = /\b(?:costs?|costing|charges?|charging|pays?|paying|paid)\s+(?:us|me|them|you)?\s*(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+(?:under|over)\s+)?$/i;
const LESS_AFTER = /^\s*(?:(?:a|an|per)\s+\w+\s+)?(?:less|fewer|lower|cheaper|under what)\b/i;

/** True when the figure at `span` is what the customer pays. */
export function isPricePaid(text: string, span: Span): boolean {
  return PAID_BEFORE.test(text.slice(0, span.start)) && !LESS_AFTER.test(text.slice(span.end));
}

/** True when the sentence states a price. */
export function statesPrice(text: string): boolean {
  return PRICE.test(text);
}

/** "Our packaging costs went up 6 percent, we didn't save anything": a cost that rose, or no saving. */
const COST_ROSE =
  /\b(?:costs?|spend(?:ing)?|expenses?|bills?)\s+(?:\w+\s+)?(?:went up|gone up|goes up|are up|were up|is up|was up|rose|increased|grew|climbed)\b|\b(?:didn't|did not|haven't|have not|hasn't|has not|never|no|zero)\s+(?:sav(?:e|ed|ing|ings)|cut)\b/i;

/**
 * True when the clause of the figure at `span`, or what follows it up to a "but", says the cost rose or nothing was
 * saved. "Costs went up 5 percent overall, but we saved $30,000 on waste" keeps the saving.
 */
export function saysCostRose(text: string, span: Span): boolean {
  const after = text.slice(span.end).split(/\b(?:but|whereas|although|though)\b/i)[0]!;
  return COST_ROSE.test(clauseAround(text, span).clause) || COST_ROSE.test(after);
}

/**
 * Words that say a figure was never measured: "that's gut feel, nobody timed it", "but that's their spreadsheet, not a
 * result", "we haven't actually measured it".
 */
const UNMEASURED =
  /\bgut (?:feel(?:ing)?|sense|instinct)\b|\b(?:nobody|no one|no-one|none of us)\s+(?:has\s+|had\s+|ever\s+|actually\s+)*(?:timed|measured|counted|tracked|checked)\b|\b(?:we|they|I)\s+(?:haven't|have not|didn't|did not|never|don't|do not)\s+(?:actually\s+|really\s+|properly\s+)?(?:timed|measured|tracked|time|measure|track)\b|\bnot (?:been )?(?:measured|timed|tracked)\b|\banecdotal(?:ly)?\b|\bnot (?:a|an) (?:real |actual |measured |hard )?(?:result|measurement)\b/i;

/** True when the sentence says its figure was never measured, only felt or estimated. */
export function saysUnmeasured(text: string): boolean {
  return UNMEASURED.test(text);
}

/**
 * "We didn't.", "That's not true.", "No, it isn't.": a short sentence that denies what was just said; the figures of
 * the sentence before it are taken back.
 */
const DENIAL =
  /^(?:(?:no|nope|well|but|honestly|actually)[,.]?\s+)*(?:(?:we|it|they|that|he|she|I)\s+(?:didn't|did not|don't|do not|doesn't|does not|isn't|is not|wasn't|was not|haven't|have not|hasn't|has not|weren't|were not|aren't|are not)(?:\s+(?:really|actually|at all))?|(?:that's|that is|that was|it's|it is)\s+not\s+(?:true|right|correct|accurate|the case|what happened))(?:[.!]\s*|$)/i;

/** True when `sentence` opens by denying what was just said (a short sentence may be joined to the next: "We didn't. It's 8 percent…"). */
export function deniesWhatWasSaid(sentence: string): boolean {
  return DENIAL.test(sentence.trim());
}

/** "For the staff pension fund, a return of 6 percent after fees": an investment's return, not the product's. */
const INVESTMENT_RETURN = /\b(?:fund|funds|portfolio|pension|endowment|equities|bonds?|dividends?|after fees|treasur(?:y|ies))\b/i;

/** True when the sentence speaks of an investment's return. */
export function isInvestmentReturn(text: string): boolean {
  return INVESTMENT_RETURN.test(text);
}

const CORRECTION =
  /\b(?:actually|correction|I misspoke|let me correct|to correct|sorry|I mean|rather|the (?:real|right|correct|actual|updated|final) (?:number|figure)|turns out|scratch that|I was wrong|not \S+ but)\b/gi;
/** "Hmm, no, 64 percent, I had the wrong week open": a sentence that opens with "no" and a figure corrects the one before. */
const NO_THEN_FIGURE = /^\s*(?:(?:hmm|um|uh|er|oh|ah|wait)[,.]?\s+)*no[,.]\s+(?:sorry[,.]?\s+)?(?:(?:it's|it is|make that)\s+)?(?=[$€£]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)\b)/i;
const SUPERSEDED = /\b(?:I said|we said|I told you|last time|earlier|previously|I had|the old)\b/i;

/**
 * Where the last correction cue of `text` ends, or -1. A figure after it
 * replaces one said before it ("Sorry, I said 120 earlier, it's actually 210").
 */
export function correctionCueEnd(text: string): number {
  // "We didn't. It's 8 percent on fuel costs": what follows a denial is the figure it puts right.
  let end = NO_THEN_FIGURE.exec(text)?.[0].length ?? DENIAL.exec(text)?.[0].length ?? -1;
  for (const match of text.matchAll(CORRECTION)) end = match.index + match[0].length;
  return end;
}

/** "Sorry, not 1.2 million, 1.4 million": the figure right after "not" is the one taken back. */
export function isRetracted(text: string, span: Span): boolean {
  return /\bnot\s+(?:quite\s+)?[$€£]?$/i.test(text.slice(Math.max(0, span.start - 12), span.start));
}

/** The clause says the figure was an earlier, now replaced statement ("I said 120 seats last time"). */
export function isSupersededMention(text: string, span: Span): boolean {
  return SUPERSEDED.test(clauseAround(text, span).clause);
}

/** Words of greetings and pleasantries, in the languages calls open in ("Hola Ben.", "Morning all.", "Nice to see you again."). */
const PLEASANTRY_WORDS = new Set(
  (
    'hi hello hey hiya hola ola bonjour salut ciao hallo servus morning afternoon evening good day buenos buenas dias días tardes ' +
    'noches bom dia all everyone everybody folks guys team there y\'all thanks thank you cheers welcome nice great lovely to see ' +
    'meet hear again glad happy be here too as well perfect okay ok yes yeah sure bye goodbye later soon hasta luego gracias merci danke ' +
    'of course for joining making the time jumping hopping on having me us sorry late sounds talk'
  ).split(' '),
);

/** Only greets or thanks: every word a pleasantry or a capitalised name, in a short sentence. */
export function isPleasantry(text: string): boolean {
  const words = text.split(/[\s,.!?;:]+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  let greets = false;
  for (const word of words) {
    if (PLEASANTRY_WORDS.has(word.toLowerCase())) greets = true;
    else if (!/^\p{Lu}/u.test(word)) return false;
  }
  return greets;
}

/**
 * Talk that carries nothing a case study could use: thanks for the time, how busy the week is, whether
 * the line works, how long the call may run, the next call and goodbyes ("Thanks for making the time.",
 * "I know it's a busy one.", "Can you hear me okay?", "I've got a hard stop at ten.", "I'll see you on the call next week.").
 */
const SMALL_TALK = new RegExp(
  [
    String.raw`\bthank(?:s| you)(?: (?:so|very) much)?(?:,? \w+,?)? for (?:making|taking|finding) (?:the |some )?time\b`,
    String.raw`\bthank(?:s| you)(?: (?:so|very) much)?(?:,? \w+,?)? for (?:joining|having me|having us|coming|doing this|hopping on|jumping on)\b`,
    String.raw`\b(?:it's|it is|it's been|week's been|you're|you are|you're all) (?:a |such a |pretty |really |very |crazy |so )*busy(?: (?:one|week|day|morning|afternoon|time))?\b`,
    String.raw`\b(?:see|talk to|speak to|catch) you (?:on|at|in|next|then|soon|later|tomorrow|all)\b`,
    String.raw`\b(?:talk|speak) (?:soon|later|next week)\b`,
    String.raw`\bcan (?:you|everyone|everybody) (?:all )?hear me\b|\b(?:you're|you are) (?:on )?mute(?:d)?\b`,
    String.raw`\bhow (?:are you|are things|is everyone|(?:have|'ve) you been|was your (?:weekend|week|holiday|trip|break))\b|\bhow's (?:it going|everyone|your (?:week|day))\b`,
    String.raw`\bhave a (?:good|great|nice|lovely|wonderful) (?:day|weekend|week|evening|one)\b|\benjoy (?:the rest of )?(?:your|the) (?:day|weekend|week|evening)\b`,
    String.raw`\b(?:good|nice|great|lovely) to (?:see|meet|hear from) you\b|\bsorry (?:I'm|I was|for being|to be) (?:a (?:bit|few minutes) )?late\b`,
    String.raw`\bI'll let you go\b|\btake care\b|\bif you hear (?:a|an|some|the|any|my)\b`,
    String.raw`\b(?:minutes|an hour|half an hour) blocked\b|\bhard stop\b|\bget you (?:out|off) (?:early|on time)\b`,
    String.raw`^(?:(?:oh|okay|ok|yeah|yes|no|right|sure)[,.!]?\s+)*(?:no problem|no worries|not a problem|fair enough|got it|sounds good|totally fine|all good|makes sense|will do|of course)(?: at all)?[.!]?$`,
  ].join('|'),
  'i',
);

/** A greeting, thanks, a sign-off or talk about the call itself: says nothing about the customer's story. */
export function isSmallTalk(text: string): boolean {
  return isPleasantry(text) || SMALL_TALK.test(text);
}

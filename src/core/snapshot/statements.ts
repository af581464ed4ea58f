/**
 * What kind of statement a figure sits in. A snapshot reports results, so a
 * figure in a hypothetical or a plan ("that could mean another 2,000 seats",
 * "if we cut costs by a third") is not one; nor is a vendor's claim about its
 * customers in general ("our customers typically see 40% faster closes"). A
 * correction ("sorry, actually it's 1.4 million") makes the figure after it
 * beat the one it corrects. Judged on the clause around the figure, so "if you
 * look at the numbers, we saved $400,000" still counts.
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

const HYPOTHETICAL =
  /\b(?:if|could|would|might|may|potentially|possibly|hopefully|hope|hoping|expect|expecting|expected to|plan to|plans to|planning to|planned to|(?:our|the|a) (?:target|goal|aim) (?:is|of)|targeting|aiming|projected|projection|forecast(?:ed|s)?(?!\s+(?:accuracy|error|bias|quality))|forecasting(?!\s+(?:accuracy|error|bias|quality))|anticipate|anticipated|estimated to|want to|wants to|(?:don't|do not|doesn't|does not) (?:want|need)|going to|will|proposing|propose|proposed|imagine|suppose|assum(?:e|ed|es|ing|ption)|ideally|(?:rough|my|best|wild) guess|ballpark)\b|\b\w+'(?:ll|d)\b/i;
/** "The forecasting is used by all 160 managers", "the forecast screen": forecasting as what a product does, not a projection. */
const FORECAST_AS_A_THING = /\b(?:the|our|their|your|its)\s+forecast(?:ing|s)?\s+(?:(?:is|are|was|were|gets|got)\s+used\b|(?:tool|feature|module|model|screen|dashboard|report|view)s?\b)/gi;
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
  /\b(?:(?:my|our|the|their|your|a|an|one|first|second|third|main|big|stretch)\s+(?:[\w-]+\s+)?(?:goals?|targets?|aims?|objectives?|ambitions?)\b|goal is|target(?:ed|ing)?\s+(?:is|was|of|at|for)\b|business case|projected|projecting|projections?|forecast(?:ed|s)?\s+(?:to|at|of|is|was|says|said|shows|showed|puts)\b|(?:we|they|finance|it) forecast\b|budgeted|(?:is|was|are|were) (?:supposed|meant) to|on track to|hypothetically)/gi;
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
  return HYPOTHETICAL.test(clause.replace(FORECAST_AS_A_THING, '')) || (conditional && !PAST_RESULT.test(clause)) || inTargetFrame(plain, span);
}

const GENERIC_CLAIM =
  /\b(?:our|other|most|many|typical|the average)\s+(?:[\w-]+\s+){0,2}?(?:customers|clients|users)\b|\b(?:customers|clients|companies|organi[sz]ations)(?: (?:who|that) [^.?!]{1,60}?)? (?:typically|usually|generally|normally|often|tend to|on average)\b|\b(?:typically|usually|generally|normally) (?:see|get|achieve|report)\b|\b(?:customers|clients) (?:average|see|get|report)\b|\bindustry (?:average|benchmark|standard)\b|\b(?:another|one of our) (?:customer|client)s?\b|\ba (?:customer|client) of ours\b|\b(?:study|studies|research|white ?paper|analyst report)\b[^.?!]{0,60}\b(?:found|finds|shows?|showed|says)\b|\bbenchmarks?\b|\bacross (?:our|all) (?:[\w-]+ )?(?:customers|clients|accounts)\b|\bin (?:\d+|ninety-nine)% of\b|\bin \w+ percent of\b/i;

/** "On average" is generic unless the speaker measures their own: "we cut it from 45 to 30 minutes on average". */
const ON_AVERAGE = /\bon average\b/i;
const OWN_MEASUREMENT = /\b(?:we|we've|we're|I|I've|my)\b/i;

/** A claim about customers in general, not a measurement of this customer. */
export function isGenericClaim(text: string): boolean {
  return GENERIC_CLAIM.test(text) || (ON_AVERAGE.test(text) && !OWN_MEASUREMENT.test(text));
}

const CORRECTION =
  /\b(?:actually|correction|I misspoke|let me correct|to correct|sorry|I mean|rather|the (?:real|right|correct|actual|updated|final) (?:number|figure)|turns out|scratch that|I was wrong|not \S+ but)\b/gi;
const SUPERSEDED = /\b(?:I said|we said|I told you|last time|earlier|previously|I had|the old)\b/i;

/**
 * Where the last correction cue of `text` ends, or -1. A figure after it
 * replaces one said before it ("Sorry, I said 120 earlier, it's actually 210").
 */
export function correctionCueEnd(text: string): number {
  let end = -1;
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

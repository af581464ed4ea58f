/**
 * Who is the customer and who is the vendor. Speakers get a side from, in
 * order of weight: a role in the caption (`Ana Silva (Customer):`), the
 * organisation they say they belong to ("I'm Megan, customer success manager at
 * Lanefield", "I've been with Acme for six years"), and how they talk (the
 * side that asks the questions, says "our platform" and "our customers
 * typically…" is the vendor; the side that says "your product" is the
 * customer). Organisations get the side of the speakers who belong to them;
 * "the company name is X" marks the customer outright. Places ("based in
 * Montréal, Québec") are never organisations. Several speakers per side work:
 * each speaker is scored on their own.
 */

import { checkFieldValue } from './field-check.js';
import { isNameLike, ORG_SUFFIXES, readTitle, withoutHonorific, type CapitalRun, type NamedSentence } from './names.js';
import type { VendorProfile } from './types.js';

export type Side = 'customer' | 'vendor' | 'unknown';

export interface Organisation {
  name: string;
  mentions: number;
  /** Positive leans vendor, negative leans customer. */
  lean: number;
  /** Sentence ids where the organisation is named, in order. */
  sentenceIds: number[];
  /** Sentence ids that tie the organisation to a side (name statements, affiliations). */
  anchorIds: number[];
  /** Said to be the vendor's implementation or consulting partner: on the vendor's side, but not the vendor. */
  partner: boolean;
}

export interface Parties {
  sideOf: ReadonlyMap<string, Side>;
  organisations: Organisation[];
  customer?: Organisation;
  vendor?: Organisation;
  /** Names the call uses as places ("based in X"), never organisations. */
  places: ReadonlySet<string>;
  /** Speakers the vendor profile puts on the vendor side (they claim its company or give an address on its domains). */
  profileVendorSpeakers: ReadonlySet<string>;
  /** Organisations someone on the call introduces themselves at or from, as named there too: employers, never products. */
  employers: ReadonlySet<string>;
}

interface SpeakerInfo {
  name: string;
  role: string | null;
}

const VENDOR_ROLE = /\b(?:account (?:manager|executive|director)|customer success|success manager|csm|sales|consultant|vendor|solutions? (?:engineer|architect|consultant)|professional services|implementation|onboarding|support engineer|partner manager|ae|se|host)\b/i;
const CUSTOMER_ROLE = /\b(?:customer|client|buyer|guest)\b/i;

const VENDOR_PHRASES = [
  /\bour (?:product|products|platform|software|solution|tool|app|application|roadmap|engineers|engineering team|support team|product team|implementation team|success team|professional services)\b/gi,
  // The vendor speaks of its customers as a population ("across our hospital customers", "most of our clients");
  // a bare "our clients" is as often the customer's own clientele (a clinic's pet owners, a firm's accounts).
  /\b(?:across|all|most|many|some|other|several|each|every|none|one|few|majority)(?: of)? our (?:[\w-]+ )?(?:customers|clients)\b/gi,
  /\b(?:customers|clients),? (?:they )?(?:typically|usually|generally|often|on average)\b/gi,
  /\b(?:your|you guys'?) (?:company|organi[sz]ation|business|users|team members|staff|data|stores|sites|depots|clinics|side)\b/gi,
];
const CUSTOMER_PHRASES = [
  /\byour (?:product|platform|software|solution|tool|app|support|roadmap|engineers|professional services|consultants?|team's)\b/gi,
  /\bour (?:company|organi[sz]ation|business|staff|employees|nurses|patients|stores|drivers|dispatchers|users|team members|board|cfo|ceo|director|data)\b/gi,
];

/** Every vendor or customer phrase holds one of these words: a cheap gate before the five patterns. */
const MAY_TAKE_A_SIDE = /\b(?:y?our|you guys|customers|clients)\b/i;

/**
 * "I'm Ada Fenn, senior customer success manager at Lanefield", "I've been with X"; not "I'm here with Ana Lind,
 * Director of Fleet at X", where X is Ana's organisation.
 */
const SELF_AFFILIATION =
  /\b(?:(?:I'm|I am)(?!\s+(?:here\s+|joined\s+|sitting\s+|talking\s+|speaking\s+)?(?:with|by|to)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*,)|I've (?:just )?taken over|I took over|this is(?! (?:the|a|an|our|your|my|for|about|what|how|why|where|when|just|really|not|going)\b)|my name is|I've been|I have been|I work|I'm with|I lead|I run|I manage|I joined)\b(?:[^.?!]|\b(?:Dr|Mr|Mrs|Ms|Prof)\.){0,90}?\b(?:at|from|with|for|of|joined)\s+$/i;
/** After "at the X": X is the whole name ("… at the Brackenholt Trust."), not a word before a noun ("at the Denver office"). */
const NAME_ENDS_AFTER = /^(?:\s*[.,;:!?]|\s+(?:and|as|for|since|where|in|on|now)\b|\s*$)/i;

/** "I'm … at X", or "I'm … at the X" / "… for the group, X" where the name ends there. */
function selfAffiliated(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 110), start);
  // "I'm here with Ana from X": X is Ana's.
  if (HERE_WITH.test(before)) return false;
  if (SELF_AFFILIATION.test(before)) return true;
  // "… at the X.", "… for the group, X.": the name said after an article or a word for what it is.
  const article = /\bthe\s+(?:(?:group|company|business|practice|firm|organi[sz]ation|trust|chain|network),\s+)?$/i.exec(before);
  return article !== null && SELF_AFFILIATION.test(before.slice(0, article.index)) && NAME_ENDS_AFTER.test(text.slice(end));
}

/** "Today I'm here with Ana Lind, Director of Fleet Operations at X": the one introduced belongs to X. */
const HERE_WITH =
  /\b(?:I'm|I am)\s+(?:here\s+|joined\s+|sitting\s+|talking\s+|speaking\s+)?(?:with|by|to)\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)(?:,[^.?!]{0,80}?\b(?:at|from|of|with)|\s+(?:from|at|of))\s+$/;
/** "Denise Holloway, Director of Instructional Technology for X": a speaker opening with their own name and title. */
const NAMED_INTRODUCTION = /^(?:[A-Z][\w'’.-]*\s){1,3}?[A-Z][\w'’-]*,\s[^.?!]{0,80}?\b(?:at|for|with|from)\s+$/;
/** "Here at X we've…", "all of us at X": the speaker's own organisation, even said once. */
const HERE_AT = /\b(?:here at|we at|us at)\s+$/i;
const GROUP_AFFILIATION = /\b(?:here at|we at|we're at|us at|we are|we're|at)\s+$/i;
/** "Thanks for having us at X", "welcoming me at X": the speaker is X's guest, not one of X's people. */
const GUEST_AT = /\b(?:having|hosting|host|inviting|invited|welcom\w*)\s+(?:us|me)\s+(?:here\s+)?at\s+$/i;
const COMPANY_NAME_STATEMENT =
  /\b(?:(?:company|organi[sz]ation|business)(?:'s)?\s+(?:legal\s+|full\s+|official\s+)?name\s+is|(?:our|my)\s+(?:company|organi[sz]ation|business|employer)\s+is|(?:we're|we are)\s+called|company\s+(?:is\s+)?called)\s+$/i;
const IS_COMPANY_AFTER = /^(?:'s)?\s+(?:is|are)\s+(?:a|an|the)\b(?!\s+(?:different|separate|other|unrelated)\b)[^.?!]{0,80}\b(?:company|business|firm|provider|retailer|chain|network|carrier|manufacturer|distributor|group|organi[sz]ation|system|agency|bank|insurer|brand|startup|nonprofit|non-profit|hospital|operator|platform|supplier|maker)\b/i;
/** "Anna is the Managing Director, she runs the business side": a person with a title, whatever the clause after it names. */
const IS_TITLED_AFTER = /^\s+(?:is|was)\s+(?:the|our|their|a|an)\s+/i;

/** "X is a family-run joinery business": X is said to be an organisation, not "X is the Finance Director". */
function saidToBeOrganisation(after: string): boolean {
  if (!IS_COMPANY_AFTER.test(after)) return false;
  const titled = IS_TITLED_AFTER.exec(after);
  return titled === null || readTitle(after.slice(titled[0].length)) === null;
}
/**
 * A name the speaker denies is theirs: "X is a different company", "X is another business", "X isn't us";
 * "it's Y, not X", "we're not X" (but not "not X's fault").
 */
const DENIED_AFTER =
  /^\s+(?:(?:is|are)\s+(?:(?:a|an)\s+(?:different|separate|other|unrelated)|another)\s+(?:[\w-]+\s+)?(?:company|business|firm|organi[sz]ation|outfit|group|one)\b|(?:is|are)(?:n't|\s+not)\s+us\b)/i;
const DENIED_BEFORE = /(?:\b(?:we're|we are|we were|it's|it is|that's|that is)\s+not|,\s*not)\s+$/i;
/** "Close, it's Y.", "no, we're Y, not X": the name a speaker corrects to, said on its own, in the turn that denies another. */
const CORRECTED_TO = { before: /(?:^|[,.;:!]\s*|\b(?:no|actually|close|nope)\s+)(?:it's|it is|we're|we are)\s+(?:actually\s+)?$/i, after: /^\s*(?:[.,;!]|$)/ };

/** "Before this job I was at X", "I used to work for X", "at my previous company, X": the speaker's former employer. */
const FORMER_EMPLOYER_BEFORE =
  /(?:\b(?:before (?:this|that|here|joining|I (?:joined|moved|came))\b[^.?!]{0,40}?\bI (?:was|worked)|I used to (?:be|work)|I (?:previously|formerly) (?:was|worked))\b[^.?!]{0,40}?\b(?:at|with|for)|\b(?:at|with|for) my (?:previous|former|old|last) (?:job|employer|company|role),?)\s+$/i;

function formerEmployerRun(text: string, run: CapitalRun): boolean {
  return FORMER_EMPLOYER_BEFORE.test(text.slice(Math.max(0, run.start - 110), run.start));
}

function deniedRun(text: string, run: CapitalRun): boolean {
  if (formerEmployerRun(text, run)) return true;
  return DENIED_AFTER.test(text.slice(run.end, run.end + 60)) || (DENIED_BEFORE.test(text.slice(Math.max(0, run.start - 20), run.start)) && !/^['’]s\b/.test(text.slice(run.end)));
}

/** The turns in which a speaker denies a name is theirs. */
function denyingTurns(sentences: readonly NamedSentence[]): Set<number> {
  const turns = new Set<number>();
  for (const sentence of sentences) if (sentence.runs.some((run) => deniedRun(sentence.text, run))) turns.add(sentence.turnIndex);
  return turns;
}

/** "Close, it's Y" in a turn that denies another name: Y is the speaker's own. */
function correctedTo(sentence: NamedSentence, run: CapitalRun, denying: ReadonlySet<number>): boolean {
  return (
    denying.has(sentence.turnIndex) &&
    !deniedRun(sentence.text, run) &&
    CORRECTED_TO.before.test(sentence.text.slice(Math.max(0, run.start - 30), run.start)) &&
    CORRECTED_TO.after.test(sentence.text.slice(run.end))
  );
}

/** "X is our biggest client", "X is one of our key accounts": an organisation the speaker's side sells to. */
const OUR_CLIENT_AFTER = /^(?:['’]s)?\s+(?:is|are|was|were)\s+(?:one of\s+)?our\s+(?:[\w-]+\s+){0,2}?(?:clients?|customers?|accounts?)\b/i;

/** "Acme Cloud platform", "Acme Support", "the Acme renewal": the organisation sells what follows (not "Acme's platform", which it owns). */
const PRODUCT_AFTER = /^\s+(?:[A-Z][\w-]*\s+){0,3}(?:platform|product|suite|app|application|software|tool|module|connector|support|professional services|consultants?|renewal|subscription)\b/i;
/** "We've been on Acme since 2023": a product the customer has been using, so its maker sells. */
const USED_SINCE = { before: /\b(?:on|using|used)\s+$/i, after: /^\s+since\b/i };
/** "based in Montréal, Québec", "headquartered out of Leeds": what follows is a place, never an organisation. */
const PLACE_BEFORE = /\b(?:based|located|headquartered|head office is|HQ is)\s+(?:in|out of)\s+$/i;
/**
 * The vendor's delivery partner: "our implementation partner, Northbeam", "Northbeam, a certified
 * partner", "Ravi from Northbeam, who led your implementation", "we're a Brinmark implementation
 * partner". Partners sit on the vendor's side of the call: they deliver to the customer.
 */
/**
 * "X is the reseller that sold us …", "X is the integrator": it sells or fits the vendor's product, a partner without
 * the word; only "the", "our", "your" or "their" one, since "a hardware reseller" may be the customer's own trade.
 */
const RESELLER_OR_INTEGRATOR = '(?:(?:authori[sz]ed\\s+|value-added\\s+)?resellers?|(?:systems?\\s+)?integrators?)';
const PARTNER_KINDS = '(?:implementation|integration|consulting|delivery|services|solutions?|certified|channel|reseller|rollout|deployment)';
const PARTNER_BEFORE = new RegExp(`\\b(?:(?:(?:our|your|their|the|an?)\\s+(?:[A-Z][\\w-]*\\s+)?${PARTNER_KINDS}\\s+partners?|(?:our|your|their|the)\\s+(?:[A-Z][\\w-]*\\s+)?${RESELLER_OR_INTEGRATOR})|(?:our|your) partners?\\s+(?:at|from))[,:]?\\s+$`, 'i');
const PARTNER_AFTER = new RegExp(`^(?:,\\s+|\\s+(?:is|are|was|were)\\s+)(?:(?:our|your|their|the|an?)\\s+(?:[A-Z][\\w-]*\\s+)?${PARTNER_KINDS}\\s+partners?|(?:our|your|their|the)\\s+(?:[A-Z][\\w-]*\\s+)?${RESELLER_OR_INTEGRATOR})\\b`, 'i');
/** "…, who led your implementation": only "your", since the customer's own people lead "our" or "the" rollout. */
const LED_YOUR_PROJECT =
  /^[^.?!]{0,45}?\bwho\s+(?:led|leads|ran|runs|did|does|handled|handles|managed|manages|delivered|configured|built|owned|owns|drove)\s+your\s+(?:[\w-]+\s+)?(?:implementation|rollout|roll-out|deployment|integration|migration|configuration|onboarding|set-?up)\b/i;
/** "Campusly, and Ines Dahl, who led…": another name joined by "and" is the one who led. */
const ANOTHER_NAME_JOINED = /\band\s+[A-Z]/;

/** The run just before "…, who led your implementation" is the one who led it, not a name listed before another. */
function ledYourProject(after: string): boolean {
  const match = LED_YOUR_PROJECT.exec(after);
  return match !== null && !ANOTHER_NAME_JOINED.test(match[0]);
}

const SELF_PARTNER = /\b(?:we're|we are|we were|I'm|I am|I was)\s+(?:a|an|the|your|their)\s+((?:[\w-]+\s+){1,3})partners?\b/i;
/** "a certified Brinmark partner", "the implementation partner": a delivery partner, not a "design partner" customer. */
const PARTNER_KIND = new RegExp(`\\b${PARTNER_KINDS}\\b`, 'i');
/** "we're the integrator", "we're your Brinmark reseller": delivering the vendor's product, a partner without the word. */
const SELF_INTEGRATOR = new RegExp(`\\b(?:we're|we are|we were|I'm|I am|I was)\\s+(?:the|your|their)\\s+(?:[\\w-]+\\s+)?${RESELLER_OR_INTEGRATOR}\\b`, 'i');

/** The speaker says their organisation delivers the vendor's product to the customer. */
function claimsPartnership(text: string): boolean {
  const claim = SELF_PARTNER.exec(text);
  return (claim !== null && PARTNER_KIND.test(claim[1]!)) || SELF_INTEGRATOR.test(text);
}
/** How far a partner statement moves an organisation or speaker towards the vendor side. */
const PARTNER_LEAN = 4;

/**
 * Titles that only the vendor's side holds towards a customer: "I'm the account director at X",
 * "your customer success manager", "the implementation specialist on your account", "I lead onboarding".
 */
const VENDOR_TITLES =
  '(?:customer success(?: (?:manager|lead|director|partner))?|success manager|CSM|account (?:manager|executive|director|lead)|solutions? (?:consultant|engineer|architect)|implementation (?:consultant|specialist|manager|lead|engineer)|engagement manager|onboarding (?:specialist|manager|lead)|professional services (?:consultant|lead|manager))';
const OWN_VENDOR_TITLE = new RegExp(
  `\\b(?:I'm|I am|I've (?:just )?taken over as|I took over as|I'll be)\\s+(?:the\\s+|your\\s+|a\\s+|an\\s+|our\\s+)?(?:new\\s+|senior\\s+|lead\\s+|principal\\s+)?${VENDOR_TITLES}\\b|\\bI (?:lead|run|head|manage) (?:the )?(?:onboarding|implementations?|customer success|customer marketing|customer advocacy|professional services)\\b`,
  'i',
);
/** "…, the account director at Orrin": a vendor title right before the organisation it is held at. */
const VENDOR_TITLE_AT = new RegExp(`\\b${VENDOR_TITLES}\\s+(?:at|with|from)\\s+$`, 'i');
/** "Ivo is the implementation specialist on your account", "Aino is your customer success manager": another speaker's vendor title. */
const VENDOR_TITLE_ON_ACCOUNT = new RegExp(
  `^(?:,?\\s+(?:is|will be)\\s+(?:your|the|our)\\s+(?:new\\s+)?${VENDOR_TITLES}\\b|[^.?!]{0,40}\\b${VENDOR_TITLES}\\s+(?:on|for)\\s+your\\s+account\\b|\\s+(?:is|stays|remains|will be|will stay|will remain)\\s+your\\s+(?:main\\s+|day-to-day\\s+|primary\\s+|first\\s+)?(?:partner|contact|point of contact)\\s+(?:on|for)\\s+(?:the|your)\\s+account\\b)`,
  'i',
);
/** "Dominic is our customer success manager at", "Aino, who is the implementation lead at": a speaker named, then their title. */
const SPEAKER_INTRODUCED = /\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? (?:who )?(?:is|will be|has been) (?:our|your|the) [^.?!,]{0,60}$/;
/** "I'm the account director for Baltwick Pay at Orrin": the organisation after "for" is the vendor's customer. */
const ACCOUNT_FOR = new RegExp(`\\b${VENDOR_TITLES}\\s+for\\s+(?:the\\s+)?$`, 'i');
/** "Raj is on from our side", "Aino's with me": the one named and the speaker are on one side. */
const OUR_SIDE_AFTER = /^(?:['’]s|\s+is)\s+(?:(?:on|here)\s+(?:from\s+)?our\s+side|(?:here\s+)?with\s+me|joining\s+(?:us|me)\s+from\s+our\s+side)\b/i;
/** How far being on one side with a companion moves the one with less evidence. */
const COMPANION_LEAN = 3;
/** How far a vendor title moves a speaker, and the organisation they introduce themselves from, towards the vendor side. */
const VENDOR_TITLE_LEAN = 4;

/** Product-talk is frequent; capped so that it never outweighs one statement of affiliation. */
const PRODUCT_LEAN_CAP = 2;

function emptyOrg(name: string): Organisation {
  return { name, mentions: 0, lean: 0, sentenceIds: [], anchorIds: [], partner: false };
}

/**
 * Organisation names: capitalised runs with at least one name-like word or an
 * organisation suffix, reduced to the prefix that the call keeps using
 * ("Tarrow Enterprises" out of "Tarrow Enterprises Finance Team").
 */
function organisationNames(
  sentences: readonly NamedSentence[],
  vocabulary: ReadonlySet<string>,
  personWords: ReadonlySet<string>,
  places: ReadonlySet<string>,
  denying: ReadonlySet<number>,
): Set<string> {
  const prefixCounts = new Map<string, number>();
  const anchored = new Set<string>();
  const corrected = new Set<string>();
  for (const sentence of sentences) {
    for (const run of sentence.runs) {
      // A denied name ("X is a different company") does not count towards the names the call keeps using.
      if (deniedRun(sentence.text, run)) continue;
      const prefixes = namePrefixes(run.words);
      for (const key of prefixes) prefixCounts.set(key, (prefixCounts.get(key) ?? 0) + 1);
      if (correctedTo(sentence, run, denying)) corrected.add(prefixes[prefixes.length - 1]!);
      else if (isAnchored(sentence.text, run.start, run.end)) anchored.add(prefixes[prefixes.length - 1]!);
    }
  }
  /** prefix -> its most used one-word-longer form and that form's mentions. */
  const longestExtension = new Map<string, { name: string; count: number }>();
  for (const [name, count] of prefixCounts) {
    const cut = name.lastIndexOf(' ');
    if (cut < 0) continue;
    const shorter = name.slice(0, cut);
    if (count > (longestExtension.get(shorter)?.count ?? 0)) longestExtension.set(shorter, { name, count });
  }
  const names = new Set<string>();
  const typeContext = { vocabulary, places };
  /** Said as an organisation: a name-like word or an organisation suffix, or (anchored) any name of two words or more. */
  const isCandidate = (name: string, isAnchored = false): boolean => {
    const words = name.split(' ');
    if (places.has(name) || words.some((word) => personWords.has(word))) return false;
    if (!checkFieldValue('company_name', name, typeContext).ok) return false;
    return (
      words.some((word) => isNameLike(word, vocabulary)) ||
      (words.length > 1 && (isAnchored || ORG_SUFFIXES.has(words[words.length - 1]!.toLowerCase())))
    );
  };
  for (const [name, count] of prefixCounts) {
    if (count < 2 || !isCandidate(name)) continue;
    const words = name.split(' ');
    // Keep the prefix unless a longer form carries most of its mentions and will itself be kept
    // (said twice, or anchored: "I'm … at Acme Tooling", later just "Acme").
    const extension = longestExtension.get(name);
    if (extension && extension.count >= count * 0.5 && (extension.count >= 2 || [...anchored].some((full) => full === extension.name || full.startsWith(`${extension.name} `)))) continue;
    // Drop a longer form when its shorter prefix is used far more on its own.
    const shorter = words.length > 1 ? prefixCounts.get(words.slice(0, -1).join(' ')) ?? 0 : 0;
    if (shorter >= count * 2 && words.slice(0, -1).some((word) => isNameLike(word, vocabulary))) continue;
    names.add(name);
  }
  // A name said once in "I'm … at X" or "X is a … company" counts too, unless a kept name already covers it.
  for (const name of anchored) {
    if (!isCandidate(name, true) || [...names].some((kept) => name === kept || name.startsWith(`${kept} `))) continue;
    names.add(name);
  }
  // "I have you as Acme Print?" "It's Acme Press": the corrected name is kept whole, not as the "Acme" both share.
  for (const name of corrected) {
    if (!isCandidate(name, true)) continue;
    for (const kept of names) if (name.startsWith(`${kept} `)) names.delete(kept);
    names.add(name);
  }
  return names;
}

/**
 * The names a call says as places: the run after "based in" and the runs that
 * continue it after a comma ("Montréal, Québec", "Austin, Texas, USA").
 */
function placeNames(sentences: readonly NamedSentence[]): Set<string> {
  const places = new Set<string>();
  for (const sentence of sentences) {
    let placeEnd = -1;
    for (const run of sentence.runs) {
      const continuesPlace = placeEnd >= 0 && /^,\s*$/.test(sentence.text.slice(placeEnd, run.start));
      const isPlace = continuesPlace || PLACE_BEFORE.test(sentence.text.slice(Math.max(0, run.start - 40), run.start));
      if (isPlace) places.add(run.name);
      placeEnd = isPlace ? run.end : -1;
    }
  }
  return places;
}

function isAnchored(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 110), start);
  return (
    selfAffiliated(text, start, end) ||
    HERE_AT.test(before) ||
    HERE_WITH.test(before) ||
    COMPANY_NAME_STATEMENT.test(before) ||
    saidToBeOrganisation(text.slice(end)) ||
    (start <= 110 && NAMED_INTRODUCTION.test(before)) ||
    addressesOtherSide(before, text.slice(end))
  );
}

/**
 * "over at X", "you guys at X", "everyone at X", "on the X side", "thanks for having us at X", "you're the IT director
 * at X, right?", "where's X based?", "how is <product> working at X?": the listeners' organisation.
 */
const OTHER_SIDE_BEFORE =
  /\b(?:over at|you(?: guys| all| folks)? at|everyone at|everybody at|your (?:team|folks|people) at|you(?:'re| are) (?:the|a|an) (?:[\w-]+ ){1,4}(?:at|for)|how (?:is|are|has|have) [^.?!]{1,40}?\b(?:working|going)(?: out)? (?:at|for))\s+$/i;
const SIDE_OF_BEFORE = /\bon the\s+$/i;
const SIDE_AFTER = /^\s+side\b/i;
const WHERE_BEFORE = /\bwhere(?:'s| is)\s+$/i;
const BASED_AFTER = /^\s+(?:based|located|headquartered)\b/i;

function addressesOtherSide(before: string, after: string): boolean {
  return (
    OTHER_SIDE_BEFORE.test(before) ||
    GUEST_AT.test(before) ||
    (SIDE_OF_BEFORE.test(before) && SIDE_AFTER.test(after)) ||
    (WHERE_BEFORE.test(before) && BASED_AFTER.test(after))
  );
}

/** How far being addressed as the listeners' organisation moves it away from the speaker's side. */
const ADDRESSED_LEAN = 3;

/**
 * The sentence opens with the speaker's own name, then a title "at/for" the organisation, or the speaker gives their
 * name "from" it: "Hi both, Cassia from X", "Cassia here from X".
 */
function introducesSelf(text: string, start: number, speaker: string | null): boolean {
  if (speaker === null || start > 110) return false;
  const firstName = withoutHonorific(speaker).split(' ')[0]!;
  return (text.startsWith(firstName) && NAMED_INTRODUCTION.test(text.slice(0, start))) || NAME_FROM.exec(text.slice(0, start))?.[1] === firstName;
}

/** "Cassia from", "Cassia Vellacott here from": a name, then "from" right before the organisation. */
const NAME_FROM = /(?:^|[\s,])([A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]+)?(?:\s+here)?,?\s+from\s+$/;

/** Lower-case letters and digits only: "Ashford Hotels" and "ashfordhotels" compare equal. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The organisation an address's domain spells ("ana@ashfordhotels.com" is Ashford Hotels'), if the call names it. */
function organisationOfDomain(domain: string, organisations: ReadonlyMap<string, Organisation>): Organisation | undefined {
  const label = compact(domain.split('.')[0]!);
  if (label.length < 3) return undefined;
  return [...organisations.values()].find((org) => {
    const name = compact(org.name);
    return name.length >= 3 && (label === name || label.startsWith(name) || name.startsWith(label));
  });
}

/** The names a run may start with: its first word, its first two, … up to five. */
function namePrefixes(words: readonly string[]): string[] {
  const prefixes: string[] = [];
  for (let length = 1; length <= Math.min(words.length, 5); length++) prefixes.push(length === 1 ? words[0]! : `${prefixes[length - 2]!} ${words[length - 1]!}`);
  return prefixes;
}

/** The organisation a run names: the longest known name the run starts with. */
function organisationOfRun(words: readonly string[], organisations: ReadonlyMap<string, Organisation>): Organisation | undefined {
  const prefixes = namePrefixes(words);
  for (let length = prefixes.length; length > 0; length--) {
    const org = organisations.get(prefixes[length - 1]!);
    if (org) return org;
  }
  return undefined;
}

function countMatches(text: string, patterns: readonly RegExp[]): number {
  let count = 0;
  for (const pattern of patterns) count += text.match(pattern)?.length ?? 0;
  return count;
}

/** Answering questions is a hint, capped so that a stated affiliation or role still decides. */
const ANSWER_LEAN_CAP = 2;

/** speaker -> how many of `asker`'s questions they answered (spoke next, in another turn). */
function answersTo(sentences: readonly NamedSentence[], asker: string): Map<string, number> {
  const answers = new Map<string, number>();
  let pendingQuestion = false;
  for (const sentence of sentences) {
    if (sentence.speaker === null) continue;
    if (sentence.speaker === asker) {
      pendingQuestion = sentence.isQuestion;
      continue;
    }
    if (pendingQuestion) answers.set(sentence.speaker, (answers.get(sentence.speaker) ?? 0) + 1);
    pendingQuestion = false;
  }
  return answers;
}

/**
 * Infers the sides of speakers and organisations.
 * @param personWords words of people's names, which are never organisations.
 */
export function inferParties(
  sentences: readonly NamedSentence[],
  speakers: readonly SpeakerInfo[],
  vocabulary: ReadonlySet<string>,
  personWords: ReadonlySet<string>,
  profile?: VendorProfile,
): Parties {
  const places = placeNames(sentences);
  /** The turns that deny a name is the speaker's organisation ("X is a different company"). */
  const denying = denyingTurns(sentences);
  const orgNames = organisationNames(sentences, vocabulary, personWords, places, denying);
  const isVendorName = vendorNameTest(profile);
  // The vendor's own names, from the profile or a vendor caption ("Account Manager, Acme"), are organisations whenever the call says them, even once.
  for (const name of [...(profile ? [profile.company, ...(profile.aliases ?? [])] : []), ...speakers.flatMap((speaker) => captionedVendor(speaker.role, vocabulary))]) {
    if (name.trim() !== '' && sentences.some((sentence) => sentence.runs.some((run) => run.name === name || run.name.startsWith(`${name} `)))) orgNames.add(name);
  }
  const organisations = new Map<string, Organisation>([...orgNames].map((name) => [name, emptyOrg(name)]));
  /** [speaker, organisation they address as the listeners' own]. */
  const addressed: Array<[string, Organisation]> = [];
  /** Pairs of speakers said to be on one side ("Raj is on from our side"). */
  const companions: Array<[string, string]> = [];
  /** speaker -> organisations they introduce themselves at or from ("I'm …, account director at X"), not merely "for". */
  const introducedAt = new Map<string, string[]>();
  /** speaker -> organisation -> strength of "I belong to it". */
  const affiliation = new Map<string, Map<string, number>>();
  const lean = new Map<string, number>(speakers.map((speaker) => [speaker.name, 0]));
  const questions = new Map<string, { asked: number; said: number }>();
  const productLean = new Map<Organisation, number>();
  /** Organisations a speaker denies are theirs ("X is a different company"). */
  const denied = new Set<Organisation>();
  for (const sentence of sentences) {
    if (!denying.has(sentence.turnIndex)) continue;
    for (const run of sentence.runs) {
      const org = deniedRun(sentence.text, run) ? organisationOfRun(run.words, organisations) : undefined;
      // A former employer is denied in any form ("I was at Harvel Bank" for "Harvel"), another name only as said.
      if (org && (run.name === org.name || formerEmployerRun(sentence.text, run))) denied.add(org);
    }
  }
  /** [speaker, organisation they call "our biggest client"]: the customer's own client when the speaker is the customer's. */
  const clientsOf: Array<[string, Organisation]> = [];
  /** Speakers by full and by first name, for "Ravi, who led your implementation". */
  const speakerByName = new Map<string, string>();
  for (const { name } of speakers) {
    speakerByName.set(name, name);
    if (!speakerByName.has(name.split(' ')[0]!)) speakerByName.set(name.split(' ')[0]!, name);
  }

  const affiliate = (speaker: string | null, org: Organisation, strength: number, sentenceId: number) => {
    if (!org.anchorIds.includes(sentenceId)) org.anchorIds.push(sentenceId);
    if (!speaker) return;
    const row = affiliation.get(speaker) ?? new Map<string, number>();
    row.set(org.name, (row.get(org.name) ?? 0) + strength);
    affiliation.set(speaker, row);
  };

  for (const sentence of sentences) {
    const speaker = sentence.speaker;
    if (speaker !== null) {
      const tally = questions.get(speaker) ?? { asked: 0, said: 0 };
      tally.said++;
      if (sentence.isQuestion) tally.asked++;
      questions.set(speaker, tally);
      const sideTalk = MAY_TAKE_A_SIDE.test(sentence.text) ? countMatches(sentence.text, VENDOR_PHRASES) - countMatches(sentence.text, CUSTOMER_PHRASES) : 0;
      const selfPartner = claimsPartnership(sentence.text) ? PARTNER_LEAN : 0;
      const vendorTitle = OWN_VENDOR_TITLE.test(sentence.text) ? VENDOR_TITLE_LEAN : 0;
      lean.set(speaker, (lean.get(speaker) ?? 0) + sideTalk + selfPartner + vendorTitle);
      // "Send it to me at ana@ashfordhotels.com": an address of one's own on an organisation's domain says one works there.
      if (sentence.text.includes('@') && OWN_ADDRESS.test(sentence.text)) {
        for (const match of sentence.text.matchAll(ADDRESS)) {
          const org = organisationOfDomain(match[1]!, organisations);
          if (org) affiliate(speaker, org, 2, sentence.id);
        }
      }
    }
    for (const run of sentence.runs) {
      const runName = run.name;
      const before = sentence.text.slice(Math.max(0, run.start - 110), run.start);
      const partnerNamed = PARTNER_BEFORE.test(before) || ledYourProject(sentence.text.slice(run.end));
      const partnerSpeaker = partnerNamed ? speakerByName.get(runName) : undefined;
      if (partnerSpeaker && partnerSpeaker !== speaker) lean.set(partnerSpeaker, (lean.get(partnerSpeaker) ?? 0) + PARTNER_LEAN);
      const companion = speaker !== null && OUR_SIDE_AFTER.test(sentence.text.slice(run.end, run.end + 60)) ? speakerByName.get(runName) : undefined;
      if (companion && companion !== speaker) companions.push([speaker!, companion]);
      const titledSpeaker = VENDOR_TITLE_ON_ACCOUNT.test(sentence.text.slice(run.end, run.end + 80)) ? speakerByName.get(runName) : undefined;
      if (titledSpeaker && titledSpeaker !== speaker) lean.set(titledSpeaker, (lean.get(titledSpeaker) ?? 0) + VENDOR_TITLE_LEAN);
      const org = organisationOfRun(run.words, organisations);
      if (!org) continue;
      org.mentions++;
      if (org.sentenceIds[org.sentenceIds.length - 1] !== sentence.id) org.sentenceIds.push(sentence.id);
      const after = sentence.text.slice(run.start + org.name.length);
      const exact = runName === org.name;
      // Named whole or in a longer form the call shortens ("Fennick Marine Supply" for "Fennick").
      const namedAs = exact || runName.startsWith(`${org.name} `);
      if (namedAs && !org.partner && (partnerNamed || PARTNER_AFTER.test(sentence.text.slice(run.end)))) {
        org.partner = true;
        org.lean += PARTNER_LEAN;
        if (!org.anchorIds.includes(sentence.id)) org.anchorIds.push(sentence.id);
      }
      if (COMPANY_NAME_STATEMENT.test(before) || (exact && !denied.has(org) && correctedTo(sentence, run, denying))) {
        org.lean -= 6;
        affiliate(speaker, org, 2, sentence.id);
      }
      // "here at Fennick Marine Supply" belongs to "Fennick" when the call keeps the short form.
      if (namedAs && (selfAffiliated(sentence.text, run.start, run.end) || introducesSelf(sentence.text, run.start, speaker))) {
        affiliate(speaker, org, 3, sentence.id);
        // "I'm with Tolvern Advisory, we're the integrator": the speaker's organisation is a partner.
        if (!org.partner && claimsPartnership(sentence.text)) {
          org.partner = true;
          org.lean += PARTNER_LEAN;
        }
        // "customer success at Tarnwick Analytics": the longer form is the employer's name too, never a product.
        if (speaker && /\b(?:at|from)\s+$/i.test(before)) introducedAt.set(speaker, [...(introducedAt.get(speaker) ?? []), org.name, ...(exact ? [] : [runName])]);
        if (OWN_VENDOR_TITLE.test(before) || VENDOR_TITLE_AT.test(before)) org.lean += VENDOR_TITLE_LEAN;
      }
      const hereWith = exact ? HERE_WITH.exec(before) : null;
      const hostedSpeaker = hereWith ? speakerByName.get(hereWith[1]!) ?? speakerByName.get(hereWith[1]!.split(' ')[0]!) : undefined;
      if (hostedSpeaker && hostedSpeaker !== speaker) affiliate(hostedSpeaker, org, 3, sentence.id);
      // "Dominic is our customer success manager at X": another speaker, introduced with a vendor title at X, belongs to X.
      const introduced = exact && VENDOR_TITLE_AT.test(before) ? SPEAKER_INTRODUCED.exec(before) : null;
      // "And Dominic is …": the name is the run's last word when the two words are not a speaker's name.
      const introducedSpeaker = introduced ? speakerByName.get(introduced[1]!) ?? speakerByName.get(introduced[1]!.split(' ').pop()!) : undefined;
      if (introducedSpeaker && introducedSpeaker !== speaker) {
        affiliate(introducedSpeaker, org, 3, sentence.id);
        org.lean += VENDOR_TITLE_LEAN;
      }
      if (exact && ACCOUNT_FOR.test(before)) org.lean -= VENDOR_TITLE_LEAN;
      else if (exact && GROUP_AFFILIATION.test(before) && !GUEST_AT.test(before) && /\b(?:we|our|us|I)\b/i.test(sentence.text)) affiliate(speaker, org, 2, sentence.id);
      // "How is it going over at X?", "on the X side": the organisation of the people the speaker talks to.
      if (namedAs && addressesOtherSide(before, sentence.text.slice(run.end)) && speaker) {
        addressed.push([speaker, org]);
        if (!org.anchorIds.includes(sentence.id)) org.anchorIds.push(sentence.id);
      }
      if (namedAs && saidToBeOrganisation(sentence.text.slice(run.end))) {
        org.lean -= 1;
        if (!org.anchorIds.includes(sentence.id)) org.anchorIds.push(sentence.id);
        if (/\b(?:we|we're|our|I'm)\b/i.test(sentence.text)) affiliate(speaker, org, 2, sentence.id);
      }
      if (namedAs && speaker && OUR_CLIENT_AFTER.test(sentence.text.slice(run.end))) clientsOf.push([speaker, org]);
      const usedSince = USED_SINCE.before.test(before) && USED_SINCE.after.test(after);
      if (PRODUCT_AFTER.test(after) || usedSince) productLean.set(org, Math.min(PRODUCT_LEAN_CAP, (productLean.get(org) ?? 0) + 0.5));
      if (/\byour\s+$/i.test(before)) org.lean += 0.5;
      if (/^'s\s+(?:industry|headquarters|location|company|business|customers|finance|team|revenue)\b/i.test(after)) org.lean -= 0.5;
    }
  }

  for (const [org, extra] of productLean) org.lean += extra;
  for (const org of organisations.values()) {
    if (!isVendorName(org.name)) continue;
    org.lean = Math.max(0, org.lean) + PROFILE_LEAN;
    org.partner = false;
  }

  const roleSide = new Map<string, Side>();
  /** Organisations a vendor caption names ("Account Manager, Acme"). */
  const inVendorCaptions = new Set<string>();
  for (const { name, role } of speakers) {
    if (!role) continue;
    if (VENDOR_ROLE.test(role)) roleSide.set(name, 'vendor');
    else if (CUSTOMER_ROLE.test(role)) roleSide.set(name, 'customer');
    const named = [...organisations.values()].find((org) => role.includes(org.name));
    if (!named) continue;
    affiliation.set(name, new Map([[named.name, 3]]));
    if (roleSide.get(name) === 'vendor') inVendorCaptions.add(named.name);
  }
  const profileVendorSpeakers = profile ? speakersOfVendor(sentences, introducedAt, isVendorName, profile.domains ?? []) : new Set<string>();
  for (const name of profileVendorSpeakers) if (!roleSide.has(name)) roleSide.set(name, 'vendor');

  // The speaker who asks the most questions is usually the vendor's interviewer.
  const shares = [...questions].map(([name, tally]) => ({ name, share: tally.said >= 4 ? tally.asked / tally.said : 0 }));
  const highest = shares.reduce((best, entry) => (entry.share > best.share ? entry : best), { name: '', share: 0 });
  const others = shares.filter((entry) => entry.name !== highest.name);
  const nextHighest = others.reduce((best, entry) => Math.max(best, entry.share), 0);
  if (highest.name && highest.share >= 0.15 && highest.share >= nextHighest * 1.5) {
    lean.set(highest.name, (lean.get(highest.name) ?? 0) + 2);
    // Whoever answers the interviewer leans customer: in an interview or review the vendor asks and the customer tells.
    for (const [name, answers] of answersTo(sentences, highest.name)) lean.set(name, (lean.get(name) ?? 0) - Math.min(ANSWER_LEAN_CAP, 0.5 * answers));
  }

  const speakerScore = (name: string): number => {
    const fromRole = roleSide.get(name);
    if (fromRole) return fromRole === 'vendor' ? 10 : -10;
    let score = lean.get(name) ?? 0;
    for (const [orgName, strength] of affiliation.get(name) ?? []) {
      const org = organisations.get(orgName)!;
      score += Math.sign(org.lean) * strength * 2;
    }
    return score;
  };

  // Two rounds: organisations lean with their members, members with their organisations.
  for (let round = 0; round < 2; round++) {
    const scores = new Map(speakers.map((speaker) => [speaker.name, speakerScore(speaker.name)]));
    for (const org of organisations.values()) {
      let memberLean = 0;
      for (const [speaker, row] of affiliation) memberLean += Math.sign(scores.get(speaker) ?? 0) * (row.get(org.name) ?? 0);
      org.lean = org.lean * 0.5 + memberLean;
    }
  }

  const sideOf = new Map<string, Side>();
  const finalScores = speakers.map((speaker) => ({ name: speaker.name, score: speakerScore(speaker.name) }));
  // "Raj is on from our side": the two share a side; the one with less evidence follows the other.
  for (const pair of companions) {
    const [first, second] = pair.map((name) => finalScores.find((entry) => entry.name === name));
    if (!first || !second) continue;
    const [lead, follower] = Math.abs(first.score) >= Math.abs(second.score) ? [first, second] : [second, first];
    if (!roleSide.has(follower.name) && Math.abs(lead.score) > 0.5) follower.score += Math.sign(lead.score) * COMPANION_LEAN;
  }
  for (const { name, score } of finalScores) sideOf.set(name, score > 0.5 ? 'vendor' : score < -0.5 ? 'customer' : 'unknown');
  for (const [speaker, org] of addressed) {
    const score = finalScores.find((entry) => entry.name === speaker)?.score ?? 0;
    if (Math.abs(score) > 0.5) org.lean -= Math.sign(score) * ADDRESSED_LEAN;
  }
  // With one side identified, undecided speakers belong to the other only if
  // that side would otherwise be empty; else to the side nobody doubts.
  const decided = [...sideOf.values()];
  for (const { name } of finalScores) {
    if (sideOf.get(name) !== 'unknown') continue;
    if (decided.includes('vendor') && !decided.includes('customer')) sideOf.set(name, 'customer');
    else if (decided.includes('customer') && !decided.includes('vendor')) sideOf.set(name, 'vendor');
    else if (decided.includes('vendor')) sideOf.set(name, 'customer');
  }

  const ranked = [...organisations.values()].filter((org) => org.mentions > 0);
  // A partner is never the customer, and the vendor only when no other organisation is.
  // The vendor's own organisation is never the customer.
  // "Rostal Freight is our biggest client", said on the customer's side: the customer's own client.
  for (const [speaker, org] of clientsOf) if (sideOf.get(speaker) === 'customer') denied.add(org);
  const mayBeCustomer = ranked.filter((org) => !isVendorName(org.name) && !denied.has(org));
  const customer = pickOrganisation(mayBeCustomer.filter((org) => !org.partner), 'customer', affiliation, sideOf) ?? lesserOfTwoClaimed(ranked.filter((org) => !denied.has(org)), affiliation, isVendorName, inVendorCaptions);
  if (customer) claimSides(customer, affiliation, sideOf, roleSide);
  const notCustomer = ranked.filter((org) => org !== customer);
  const fromProfile = notCustomer.filter((org) => isVendorName(org.name)).sort((a, b) => b.mentions - a.mentions)[0];
  const vendor =
    fromProfile ??
    pickOrganisation(notCustomer.filter((org) => !org.partner), 'vendor', affiliation, sideOf) ??
    mostNamedOther(notCustomer.filter((org) => !org.partner), customer) ??
    pickOrganisation(notCustomer, 'vendor', affiliation, sideOf);
  return { sideOf, organisations: ranked, ...(customer ? { customer } : {}), ...(vendor ? { vendor } : {}), places, profileVendorSpeakers, employers: new Set([...introducedAt.values()].flat()) };
}

/**
 * "Account Manager, Acme", "Sales Engineer, Acme Corp", "Acme CSM": the organisation a vendor caption names, in one to
 * three capitalised words: the part without the role, or the words before a role that ends the part.
 */
function captionedVendor(role: string | null, vocabulary: ReadonlySet<string>): string[] {
  if (!role || !VENDOR_ROLE.test(role)) return [];
  return role.split(/[,;()]/).flatMap((part) => {
    const trailingRole = new RegExp(`\\s+(?:${VENDOR_ROLE.source})$`, 'i').exec(part.trim());
    const name = VENDOR_ROLE.test(part) ? (trailingRole ? part.trim().slice(0, trailingRole.index) : '') : part.trim();
    const words = name.split(/\s+/);
    return name !== '' && words.length <= 3 && words.every((word) => /^\p{Lu}/u.test(word)) && words.some((word) => isNameLike(word, vocabulary)) ? [name] : [];
  });
}

/** How far the vendor profile moves an organisation it names: more than any evidence in the call. */
const PROFILE_LEAN = 20;
const OWN_ADDRESS = /\b(?:me|my|I'm|I am)\b/i;
const ADDRESS = /\b[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

/** Whether a name is the vendor's company or an alias, alone or as the start of a longer name ("Acme" of "Acme Software"). */
function vendorNameTest(profile: VendorProfile | undefined): (name: string) => boolean {
  const names = profile ? [profile.company, ...(profile.aliases ?? [])].map((name) => name.trim().toLowerCase()).filter((name) => name !== '') : [];
  return (name) => {
    const lower = name.toLowerCase();
    return names.some((vendor) => lower === vendor || lower.startsWith(`${vendor} `) || vendor.startsWith(`${lower} `));
  };
}

/** Speakers who claim the vendor's company ("I'm … at Acme") or give their own address on its domains. */
function speakersOfVendor(
  sentences: readonly NamedSentence[],
  introducedAt: ReadonlyMap<string, readonly string[]>,
  isVendorName: (name: string) => boolean,
  domains: readonly string[],
): Set<string> {
  const found = new Set<string>();
  for (const [speaker, orgs] of introducedAt) if (orgs.some(isVendorName)) found.add(speaker);
  const lowerDomains = domains.map((domain) => domain.toLowerCase());
  for (const sentence of sentences) {
    if (sentence.speaker === null || !sentence.text.includes('@') || !OWN_ADDRESS.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(ADDRESS)) {
      const domain = match[1]!.toLowerCase();
      if (lowerDomains.some((vendor) => domain === vendor || domain.endsWith(`.${vendor}`))) found.add(sentence.speaker);
    }
  }
  return found;
}

/** Organisations that a speaker says they belong to ("I'm … at X", "here at Y"), partners aside. */
function claimedOrganisations(organisations: readonly Organisation[], affiliation: ReadonlyMap<string, ReadonlyMap<string, number>>): Organisation[] {
  return organisations.filter((org) => !org.partner && [...affiliation.values()].some((row) => (row.get(org.name) ?? 0) > 0));
}

/**
 * Two organisations on the call, each claimed by its own people, are two
 * sides even when both lean vendor (a customer who hosts and asks the
 * questions): the one leaning less is the customer.
 */
function lesserOfTwoClaimed(
  organisations: readonly Organisation[],
  affiliation: ReadonlyMap<string, ReadonlyMap<string, number>>,
  isVendorName: (name: string) => boolean,
  inVendorCaptions: ReadonlySet<string>,
): Organisation | undefined {
  const claimed = claimedOrganisations(organisations, affiliation).sort((a, b) => a.lean - b.lean);
  const lesser = claimed[0];
  if (!lesser || claimed.length < 2 || lesser.lean === claimed[claimed.length - 1]!.lean || isVendorName(lesser.name)) return undefined;
  // A vendor and its reseller, both named in vendor captions ("Brenlow Customer Success", "Castell Partner Manager"): neither is the customer.
  if (inVendorCaptions.has(lesser.name)) return undefined;
  return lesser;
}

/** Speakers who say they belong to the customer are on its side, whatever their talk suggested; a caption role still decides. */
function claimSides(customer: Organisation, affiliation: ReadonlyMap<string, ReadonlyMap<string, number>>, sideOf: Map<string, Side>, roleSide: ReadonlyMap<string, Side>): void {
  for (const [speaker, row] of affiliation) {
    if (roleSide.has(speaker)) continue;
    const strongest = [...row].sort((a, b) => b[1] - a[1])[0];
    if (strongest && strongest[0] === customer.name && strongest[1] >= 3) sideOf.set(speaker, 'customer');
  }
}

/**
 * When no speaker claims the vendor: the organisation named most often, other
 * than the customer, that leans vendor or not at all (the product people
 * talk about: "before Kelpwell", "we want Kelpwell to handle…").
 */
function mostNamedOther(organisations: readonly Organisation[], customer: Organisation | undefined): Organisation | undefined {
  return organisations
    .filter((org) => org !== customer && org.lean >= 0 && org.mentions >= 2)
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))[0];
}

/** The organisation most tied to one side: members' affiliations first, then lean and mentions by that side. */
function pickOrganisation(
  organisations: readonly Organisation[],
  side: 'customer' | 'vendor',
  affiliation: ReadonlyMap<string, ReadonlyMap<string, number>>,
  sideOf: ReadonlyMap<string, Side>,
): Organisation | undefined {
  const sign = side === 'vendor' ? 1 : -1;
  let best: Organisation | undefined;
  let bestScore = 0;
  for (const org of organisations) {
    let score = 0;
    for (const [speaker, row] of affiliation) {
      const strength = row.get(org.name) ?? 0;
      if (sideOf.get(speaker) === side) score += strength * 3;
      else if (sideOf.get(speaker) !== 'unknown') score -= strength * 3;
    }
    score += sign * org.lean;
    if (score <= 0) continue;
    score += Math.log2(1 + org.mentions) * 0.5;
    if (score > bestScore) {
      best = org;
      bestScore = score;
    }
  }
  return best;
}

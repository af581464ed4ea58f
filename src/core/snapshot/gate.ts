/**
 * The customer-call gate: a refiner over the whole call that decides, from
 * evidence, whether the transcript is a conversation between a customer
 * organisation and its vendor (or the vendor's partner) about what the
 * customer buys or uses. Only then may a snapshot state customer fields.
 *
 * Evidence is relationship talk across the two sides, said in the first and
 * second person by people on the call: the vendor's "our platform", "across
 * our customers", "your rollout", "your users"; the customer's "your
 * product", "your support", "we've been using it", "our renewal". Captions
 * that name one speaker's side as vendor and another's as customer count
 * too, as does a speaker from the user's own organisation (the vendor
 * profile). Talk about clients in the third person (a sales team's pipeline
 * review), a customer's colleagues preparing to meet their vendor, a
 * broadcast (a webinar with audience questions), a job interview,
 * a parliamentary hearing or a design team's meeting carries none of it, or
 * carries the marks of its own genre, and the gate fires.
 */

import type { NamedSentence } from './names.js';

/** The validation issue code of a snapshot whose call is not a customer conversation. */
export const NOT_A_CUSTOMER_CALL = 'NOT_A_CUSTOMER_CALL';

/** What the gate found; `missing` says plainly what a customer call would have had. */
export interface CallGate {
  isCustomerCall: boolean;
  /** Kinds of relationship cue said on the call; captions that name both sides decide alone, two organisations count 2. */
  cues: number;
  /** The genre the call showed instead, when one did. */
  genre?: string;
  /** Why the gate fired, in plain words; absent when it passed. */
  missing?: string;
}

/** The vendor's voice: its own offer and customers, the customer's account with it. */
const VENDOR_VOICE =
  /\bour (?:other )?(?:customers|clients|accounts|[a-z]+s) (?:average|typically|usually|normally|generally|tend to|see|get|report)\b|\bour (?:product|products|platform|software|solution|tool|app|roadmap|customers|clients|support team|product team|engineers|engineering team|implementation team|success team|professional services|side|end)\b|\b(?:customer story|case study|reference call)\b|\bwhy did you (?:choose|pick|go with|buy|select|switch to)\b|\byour (?:customer success manager|account manager|account executive|CSM)\b|\b(?:your|you guys'?) (?:account|rollout|roll-out|implementation|renewal|contract|subscription|licen[cs]es?|seats|users|admins|instance|tenant|go-live|team|teams|staff|people|side|end|organi[sz]ation|company|business)\b/gi;
/** The customer's voice: the vendor's offer addressed as "your", its own use and contract. */
const CUSTOMER_VOICE =
  /\b(?:your|you guys'?) (?:[a-z]+ ){0,2}?(?:product|platform|software|solution|tool|app|system|module|dashboard|API|integration)\b|\b(?:your|you guys'?) (?:support|roadmap|engineers|pricing|price|quote|proposal|consultants?|professional services|release|update)\b|\bwe(?:'ve| have)? (?:been )?(?:using|on) (?:the |it\b|[A-Z])|\bwe(?:'ve| have| had)? (?:\w+ )?(?:bought|licensed|rolled (?:it )?out|deployed|implemented|went live|gone live|signed|renewed)\b|\bour (?:rollout|roll-out|implementation|renewal|contract|subscription|licen[cs]es?|seats|go-live|account manager|CSM)\b|\bwe (?:went with|chose|picked|selected|signed with|switched to|moved to)\b|\bwe started (?:with|on|using) [A-Z]|\bwe (?:looked at|evaluated|compared|trialled|trialed) (?:a couple of |two |three |four |several |some )?(?:other )?(?:vendors|tools|platforms|products|solutions|options)\b/gi;
/** A project between the two: "the kickoff for the <product> rollout at <customer>", "your implementation with <vendor>". */
const JOINT_PROJECT = /\b(?:[Tt]he|[Tt]his|[Yy]our|[Oo]ur) (?:\w+ )?(?:rollout|roll-out|implementation|go-live|onboarding|kickoff|kick-off|pilot|deployment) (?:at|for|with) [A-Z]/g;

/**
 * Talk of a customer's use of what it bought, each counted once by its kind:
 * a vendor asking how the product is working for the customer, the time since
 * the customer's go-live, the customer's own count of people using the named
 * product, the customer's periodic review with its vendor. A design team or a
 * research group says none of them; a sales team speaks of clients as "they".
 */
const USE_TALK: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'how the product works for the customer', pattern: /\b[Hh]ow (?:is|are|has|have) (?:[A-Z][\w-]+|it) (?:been )?(?:working|going) (?:out )?for\b/ },
  { kind: 'since go-live', pattern: /\bsince (?:the |your |our )?go-?live\b|\bsince (?:you|we) (?:went live|rolled (?:it )?out|launched)\b/i },
  { kind: 'people using the named product, asked', pattern: /\b[Hh]ow many (?:[a-z]+ ){0,2}(?:are|is) (?:using|on|logging into|working in) [A-Z]/ },
  { kind: 'people using the product', pattern: /\b[Ww]e(?: now)? (?:have|'ve got|are at) (?:about |around |over |nearly |almost )?\d[\d,]* (?:\w+ ){0,2}(?:using|logging into|working in) [A-Z]/ },
  {
    kind: 'a review with the vendor',
    pattern: /\b(?:this|today's|our|the) (?:quarterly |annual |executive )?business review\b|\b(?:this|today's|our|the) quarterly review\b|\b(?:[Qq]uarterly|[Aa]nnual|[Yy]early|[Mm]onthly|[a-z]+-month) review of [A-Z]/,
  },
];

/**
 * Marks of meetings that are not customer calls, each specific enough that a
 * customer call rarely says it; a genre decides only when it is said more
 * often than the relationship cues.
 */
const GENRES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'a webinar or broadcast to an audience', pattern: /\b(?:webinar|Q&A panel|attendees|in the chat|thanks for joining|we're live|everyone who registered|run of show)\b/gi },
  { name: 'a job interview', pattern: /\b(?:interview(?:ing)? for (?:the|this|a)|your (?:resume|CV|current book)|if this goes ahead|hiring (?:process|panel|decision)|salary range|the posting|(?:the|this) role(?:'s)?|tell me about (?:yourself|a time)|why (?:do you want|are you leaving))\b/gi },
  {
    name: "a customer's internal meeting about its vendor",
    pattern: /\b(?:internal (?:sync|meeting|call|prep|discussion|huddle)|just us|between (?:us|ourselves)|before (?:we|they) (?:talk|speak|meet) (?:to|with) (?:the|our) vendor|(?:the|our) vendor (?:on|next|said|says|is|will)|(?:look at|talk to|evaluate) other vendors|push (?:them|the vendor) on (?:price|pricing))\b/gi,
  },
  { name: "a team's internal review of its own deals or work", pattern: /\b(?:in commit|close date|pipeline review|forecast call|stand-?up|sprint review|hotfix|quota)\b/gi },
  { name: 'a parliamentary or committee hearing', pattern: /\b(?:Minister|honourable|hon\.|Madam Chair|Mr\. Chair|Madam Speaker|Mr\. Speaker|the Chair|Assembly Members?|House of Commons|Parliament|Senedd)\b/g },
];

const VENDOR_CAPTION = /\b(?:account (?:manager|executive|director)|customer success|success manager|csm|sales|consultant|vendor|solutions? (?:engineer|architect|consultant)|professional services|implementation|onboarding|support engineer|partner manager)\b/i;
const CUSTOMER_CAPTION = /\b(?:customer|client|buyer)\b/i;

/** How many cues a call needs: one "our platform" can be anybody's; three across a call are a relationship. */
export const GATE_MIN_CUES = 3;

interface SpeakerCaption {
  name: string;
  role: string | null;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Captions that put one speaker on the vendor's side and another on the customer's ("Account Manager", "Customer"). */
function captionsNameBothSides(speakers: readonly SpeakerCaption[]): boolean {
  const roles = speakers.map((speaker) => speaker.role ?? '');
  const vendor = roles.some((role) => VENDOR_CAPTION.test(role) && !CUSTOMER_CAPTION.test(role.replace(/customer success/gi, '')));
  const customer = roles.some((role) => CUSTOMER_CAPTION.test(role.replace(/customer success/gi, '')));
  return vendor && customer;
}

/** Two organisations, each claimed by a different speaker ("I'm … at X", "here at Y"): two parties are on the call. */
function twoOrganisationsOnCall(affiliations: ReadonlyArray<ReadonlySet<string>>): boolean {
  for (const [index, first] of affiliations.entries()) {
    for (const second of affiliations.slice(index + 1)) {
      if ([...first].some((one) => [...second].some((other) => other !== one))) return true;
    }
  }
  return false;
}

/** The cue phrase without case or plural, so "our products" and "Our product" are one kind of cue. */
function cueKind(phrase: string): string {
  return phrase.toLowerCase().replace(/s$/, '');
}

/**
 * Decides whether the call is a customer conversation.
 * @param affiliations per organisation, the speakers who say they belong to it.
 * @param vendorSpeakers speakers known to be the user's own organisation (from the vendor profile); each counts as a cue.
 */
export function assessCustomerCall(
  sentences: readonly NamedSentence[],
  speakers: readonly SpeakerCaption[],
  affiliations: ReadonlyArray<ReadonlySet<string>> = [],
  vendorSpeakers = 0,
): CallGate {
  let cues = Math.min(2, vendorSpeakers) + (captionsNameBothSides(speakers) ? GATE_MIN_CUES : 0) + (twoOrganisationsOnCall(affiliations) ? 2 : 0);
  const kinds = new Set<string>();
  const genreHits = new Map<string, number>();
  for (const sentence of sentences) {
    const text = sentence.text;
    if (sentence.speaker !== null) {
      for (const phrase of [...(text.match(VENDOR_VOICE) ?? []), ...(text.match(CUSTOMER_VOICE) ?? []), ...(text.match(JOINT_PROJECT) ?? [])]) kinds.add(cueKind(phrase));
      for (const { kind, pattern } of USE_TALK) if (pattern.test(text)) kinds.add(kind);
    }
    for (const { name, pattern } of GENRES) {
      const hits = countMatches(text, pattern);
      if (hits > 0) genreHits.set(name, (genreHits.get(name) ?? 0) + hits);
    }
  }
  // One phrase said again and again ("our product" in a design team) is one cue: a relationship shows in several.
  cues += kinds.size;
  const [genre, hits] = [...genreHits].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  if (genre !== undefined && hits >= GATE_MIN_CUES && hits >= cues) {
    return { isCustomerCall: false, cues, genre, missing: `The call reads as ${genre}, not as a customer talking with its vendor: its marks outnumber the customer-vendor talk.` };
  }
  if (cues < GATE_MIN_CUES) {
    return {
      isCustomerCall: false,
      cues,
      missing:
        'No customer and vendor were found talking to each other: nobody on the call speaks of "your product" or "our platform", of their own rollout, contract or use of a product, and no caption names a customer and a vendor side.',
    };
  }
  return { isCustomerCall: true, cues };
}

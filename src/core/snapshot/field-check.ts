/**
 * Type checks for field values, whoever proposes them: the offline engine's
 * frames, a language model's extraction, or a tool that writes one field. A
 * value must be the kind of thing its field holds before it may compete: a
 * company is an organisation (not a place, an event, a common noun, an
 * interjection or the vendor itself), a contact is a person's full name (not
 * a speaker label such as "Grad B" or "Project Manager"), a product is a name
 * (not "Mm-hmm", a first name, a nationality or a plural noun), an e-mail is
 * an address that is not the vendor's, a title and an industry are phrases
 * of their own (not "I lead" or "The place operator").
 */

import type { FieldName, FieldValue } from './types.js';

export type FieldCheck = { ok: true } | { ok: false; reason: string };

/** What the call says about names, so that a check can tell a place or a first name from an organisation. */
export interface FieldCheckContext {
  /** Words the call writes in lower case: a capitalised one of these is a common noun at a sentence start. */
  vocabulary?: ReadonlySet<string>;
  /** Names the call uses as places ("based in X"). */
  places?: ReadonlySet<string>;
  /** Given names of people on the call. */
  firstNames?: ReadonlySet<string>;
  /** The vendor's company name and aliases. */
  vendorNames?: readonly string[];
  /** The vendor's e-mail domains, lower case. */
  vendorDomains?: readonly string[];
  /** The customer's organisation, which is never its own product. */
  customerName?: string;
}

const OK: FieldCheck = { ok: true };
const fail = (reason: string): FieldCheck => ({ ok: false, reason });

/** Sounds, fillers and replies that transcripts capitalise at a turn's start ("Mm-hmm.", "Ah.", "Mostly.", "Totally."). */
const INTERJECTION =
  /^(?:m+(?:-?h+m+)*|h+m+|uh+(?:-?huh)?|um+|ah+|ha+|oh+|eh+|er+|erm|yeah|yep|yes|no|nope|okay|ok|right|sure|mostly|well|so|like|wow|huh|oops|alright|hey|hi|hello|thanks|bye|sorry|totally|absolutely|exactly|perfect|great|cool|awesome|nice|fair|noted|gotcha|cheers|indeed|anyway|honestly|brilliant|lovely)$/i;
/** Functions and departments inside an organisation ("Associate Provost for Teaching and Learning"), never the organisation. */
const FUNCTIONAL_AREA =
  /^(?:(?:teaching|learning|research|development|operations|finance|marketing|sales|engineering|technology|it|hr|human|resources|people|procurement|purchasing|planning|nursing|clinical|product|support|strategy|compliance|risk|fraud|safety|training|admissions|facilities|legal|security|quality|analytics|data|digital|innovation|communications|partnerships|enablement|success|services|student|academic|affairs|supply|chain|customer|experience)(?:\s+(?:and|&)\s+|\s+|$))+$/i;
/** Speaker labels that are roles or codes, never a person's name. */
const ROLE_LABEL =
  /^(?:(?:the\s+)?(?:acting\s+)?(?:chair|chairman|chairperson|speaker|moderator|host|interviewer|interviewee|narrator|presenter|participant|attendee|caller|guest|customer|client|vendor|unknown|audience|project manager|marketing(?: expert)?|user interface|industrial designer|account manager|sales))$/i;
/** "Grad B", "Professor D", "PhD F", "Speaker 2", "Participant 12": a word and a code. */
const CODED_LABEL = /^\S+(?:\s\S+)?\s(?:[A-Z]|\d{1,3})$/;
const HONORIFIC = /^(?:(?:the\s+)?(?:right\s+)?(?:hon\.?|honourable|dr\.?|mr\.?|mrs\.?|ms\.?|mx\.?|prof\.?|sir|dame)\s+)+/i;
const NAME_PARTICLE = /^(?:de|del|della|der|den|van|von|da|di|du|la|le|bin|al|el|ten|ter|y)$/;
/**
 * A word of a name: capitalised, not shouted in capitals ("NADIA" is a label, not a written name): "Lind",
 * "McDonald", "Mary-Kate", "J.", and with an apostrophe after the first capital, "O'Rourke", "D’Amato".
 */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’.-]*\p{Ll}[\p{L}'’.-]*$|^\p{Lu}['’]\p{Lu}\p{Ll}[\p{L}'’-]*$|^\p{Lu}\.$/u;
const NATIONALITY_OR_LANGUAGE =
  /^(?:english|british|welsh|scottish|irish|french|german|dutch|spanish|portuguese|italian|swiss|swedish|norwegian|danish|finnish|polish|czech|greek|turkish|russian|ukrainian|american|canadian|mexican|brazilian|chinese|japanese|korean|indian|australian|european|african|asian|latin|arabic|hindi)s?$/i;
/** An event or a season, not an organisation: "Lantern Night", "Spring Gala", "Harvest Week". */
const EVENT_HEAD = /\s(?:night|day|days|week|weekend|month|festival|gala|summit|conference|fair|party|drive|campaign|season|holiday|dinner|breakfast|lunch|marathon|walk|run|appeal|tour|expo|awards?)$/i;
/** A day said by its name: "Cyber Monday", "Good Friday", "Boxing Day" go live, they are not bought. */
const NAMED_DAY = /(?:^|\s)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|boxing day|new year's day|new year's eve|christmas eve|christmas day)$/i;
/** Words that never open a title, an industry or a name: pronouns, articles, prepositions, verbs of leading. */
const FUNCTION_WORD = /^(?:i|i'm|we|we're|our|my|me|you|your|he|she|it|its|they|them|their|this|that|these|those|the|a|an|to|of|over|under|in|on|at|for|with|from|about|and|or|but|so)\b/i;
const ACRONYM_FIRST = /^[A-Z]{2,}\b/;
/** Words of size or ownership that say nothing of an industry when they stand alone ("Public"). */
const NOT_AN_INDUSTRY = /^(?:public|private|regional|national|global|international|local|small|large|independent|family-owned)$/i;
const EMAIL = /^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The value names the vendor: its company or an alias, alone or followed by a generic word ("Acme Software"). */
function namesVendor(value: string, context: FieldCheckContext): boolean {
  const lower = value.toLowerCase();
  return (context.vendorNames ?? []).some((name) => {
    const vendor = name.toLowerCase();
    return vendor.length > 0 && (lower === vendor || vendor.startsWith(`${lower} `) || lower.startsWith(`${vendor} `));
  });
}

/** Checks common to every name-like value (company, product, location). */
function checkName(value: string, context: FieldCheckContext): FieldCheck {
  const words = value.split(/\s+/);
  if (words.every((word) => INTERJECTION.test(word.replace(/[.,!?]+$/, '')))) return fail('an interjection or filler, not a name');
  if (!/\p{L}{2}/u.test(value)) return fail('a letter or code, not a name');
  if (ROLE_LABEL.test(value) || CODED_LABEL.test(value)) return fail('a speaker label (a role or code), not a name');
  if (!/^[\p{Lu}\d]/u.test(value)) return fail('not written as a name');
  if (words.length === 1 && context.vocabulary?.has(value.toLowerCase())) return fail('a common word the call also uses in lower case');
  return OK;
}

function checkPerson(value: string): FieldCheck {
  if (ROLE_LABEL.test(value) || CODED_LABEL.test(value)) return fail('a speaker label (a role or code), not a person');
  const words = value.replace(HONORIFIC, '').split(/\s+/).filter((word) => !NAME_PARTICLE.test(word));
  if (words.length < 2) return fail('a first name alone, not a full name');
  if (!words.every((word) => NAME_WORD.test(word))) return fail('not written as a person’s name');
  if (words.some((word) => INTERJECTION.test(word))) return fail('an interjection, not a name');
  return OK;
}

function checkOrganisation(value: string, context: FieldCheckContext): FieldCheck {
  const name = checkName(value, context);
  if (!name.ok) return name;
  if (namesVendor(value, context)) return fail('the vendor’s own organisation, not the customer');
  if (context.places && [...context.places].some((place) => sameName(place, value))) return fail('a place, not an organisation');
  if (NATIONALITY_OR_LANGUAGE.test(value)) return fail('a nationality or language, not an organisation');
  if (EVENT_HEAD.test(value)) return fail('an event, not an organisation');
  if (FUNCTIONAL_AREA.test(value)) return fail('a department or function, not an organisation');
  if (!value.includes(' ') && context.firstNames?.has(value)) return fail('a person’s first name, not an organisation');
  return OK;
}

function checkProduct(value: string, context: FieldCheckContext): FieldCheck {
  const name = checkName(value, context);
  if (!name.ok) return name;
  if (/^[A-Z]{2,}s$/.test(value)) return fail('a plural common noun (an acronym with an s), not a product');
  if (NATIONALITY_OR_LANGUAGE.test(value)) return fail('a nationality or language, not a product');
  if (NAMED_DAY.test(value)) return fail('a day, not a product');
  if (!value.includes(' ') && context.firstNames?.has(value)) return fail('a person’s first name, not a product');
  if (context.places && [...context.places].some((place) => sameName(place, value))) return fail('a place, not a product');
  if (context.customerName && sameName(context.customerName, value)) return fail('the customer’s own organisation, not a product');
  return OK;
}

function checkPhrase(value: string, what: string): FieldCheck {
  // "IT director", "IT Manager": an acronym in capitals is not the pronoun "it".
  if (FUNCTION_WORD.test(value) && !ACRONYM_FIRST.test(value)) return fail(`a fragment of a sentence, not ${what}`);
  if (/[\d$€£%]/.test(value)) return fail(`holds a figure, not ${what}`);
  if (INTERJECTION.test(value)) return fail(`an interjection, not ${what}`);
  return OK;
}

function checkEmail(value: string, context: FieldCheckContext): FieldCheck {
  if (!EMAIL.test(value)) return fail('not an e-mail address');
  const domain = value.split('@')[1]!.toLowerCase();
  if ((context.vendorDomains ?? []).some((vendor) => domain === vendor || domain.endsWith(`.${vendor}`))) return fail('the vendor’s address, not the customer’s');
  return OK;
}

/**
 * Whether `value` is the kind of thing `field` holds. Figures and dates are
 * checked by their catalogue schema; this adds the checks of meaning for the
 * named fields.
 * @example checkFieldValue('primary_contact', 'Grad B') // { ok: false, reason: 'a speaker label (a role or code), not a person' }
 */
export function checkFieldValue(field: FieldName, value: FieldValue, context: FieldCheckContext = {}): FieldCheck {
  if (typeof value !== 'string') return OK;
  const text = value.trim();
  switch (field) {
    case 'company_name':
      return checkOrganisation(text, context);
    case 'product_name':
      return checkProduct(text, context);
    case 'location':
      return checkName(text, context);
    case 'primary_contact':
      return checkPerson(text);
    case 'contact_position':
      return checkPhrase(text, 'a job title');
    case 'industry':
      return NOT_AN_INDUSTRY.test(text) ? fail('a word of size or ownership, not an industry') : checkPhrase(text, 'an industry');
    case 'contact_email':
      return checkEmail(text, context);
    default:
      return OK;
  }
}

/**
 * One redactor for everything that may echo input or configuration: the
 * logger, error shaping and anything else. It masks credentials (Anthropic
 * and OpenAI-style keys, bearer tokens, JWTs, the exact values of configured
 * secrets) and personal data (e-mail addresses, phone numbers, card-like
 * numbers). Redacting twice gives the same text as redacting once.
 */

export const REDACTED = '[REDACTED]';

const CREDENTIAL_PATTERNS: ReadonlyArray<RegExp> = [
  /\bsk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g,
];

/** Personal data, each kind with the placeholder that masking (not redaction) shows in its place. */
const PERSONAL_DATA: ReadonlyArray<{ pattern: RegExp; placeholder: string }> = [
  { pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, placeholder: '[email]' },
  // Card-like: 13 to 19 digits, optionally grouped by spaces or dashes.
  { pattern: /\b(?:\d[ -]?){12,18}\d\b/g, placeholder: '[card number]' },
  // Phone numbers: an optional +country code, then 7+ digits in groups (not plain years or times).
  { pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?\b/g, placeholder: '[phone]' },
];

const PERSONAL_DATA_PATTERNS = PERSONAL_DATA.map(({ pattern }) => pattern);

/** Replaces e-mail addresses, phone numbers and card-like numbers with a placeholder naming the kind. */
export function maskPersonalData(text: string): string {
  let result = text;
  for (const { pattern, placeholder } of PERSONAL_DATA) result = result.replace(pattern, placeholder);
  return result;
}

/** Secrets shorter than this are not matched literally: they would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

export type Redactor = (text: string) => string;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a redactor that also masks the exact values of these configured secrets. With
 * `personalData: false` it masks credentials only: tool results may carry a contact's
 * e-mail the user asked for, but never one of our keys.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined> = [], { personalData = true }: { personalData?: boolean } = {}): Redactor {
  const patterns = personalData ? [...CREDENTIAL_PATTERNS, ...PERSONAL_DATA_PATTERNS] : CREDENTIAL_PATTERNS;
  const literal = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const secretPattern = literal.length > 0 ? new RegExp(literal.join('|'), 'g') : null;
  return (text: string) => {
    let result = secretPattern ? text.replace(secretPattern, REDACTED) : text;
    for (const pattern of patterns) result = result.replace(pattern, REDACTED);
    return result;
  };
}

/** Applies a redactor to every string inside a JSON-like value (objects, arrays), returning a copy. */
export function redactDeep(value: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact, depth + 1)]));
}

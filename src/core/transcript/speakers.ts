/**
 * The speaker-prefix rule: when does `Something: text` at the start of a cue
 * name the speaker (Zoom writes `Ana Silva: text`, some tools `Ana Silva
 * (Customer): text`) and when is it just a colon (`Agenda: pricing`, `Q3:
 * revenue`, `Re: contract`, `https://…`, `Step 1: export`)? Two gates:
 *
 * 1. Shape, per candidate: 1–4 capitalised words (letters, apostrophes,
 *    hyphens, initials such as `J.`, name particles such as `de`/`van`, or
 *    words of scripts without case), no digits except generic labels
 *    (`Speaker 2`), and no label word (`Agenda`, `Note`, `Action Items`, …).
 * 2. Evidence, across the file: a candidate is confirmed when it has a role
 *    or a time stamp, recurs, or the file clearly follows the convention (a
 *    multi-word name: another confirmed speaker or another full name in
 *    prefix position; a single word: most cues prefixed, or it is the first
 *    name of a confirmed speaker). `Blue Tallow: the site is ready` alone in
 *    a file without speakers, or a once-seen `Zurich: …`, stays text.
 *
 * A `<v Name>` voice tag always wins over a prefix.
 */

import type { Cue, Speaker } from './types.js';

export interface SpeakerLabel {
  name: string;
  role: string | null;
}

/** A prefix longer than this is a sentence, not a name. */
const MAX_PREFIX_LENGTH = 72;
const MAX_ROLE_LENGTH = 40;
const MAX_NAME_WORDS = 4;
/** Meetings have a handful of speakers; more distinct names than this go through the map lookup. */
const MAX_QUICK_LABELS = 32;
/** Share of prefix-bearing cues above which a once-seen single word is trusted as a name. */
const CONVENTION_SHARE = 0.8;

/** Lower-case words that make a prefix a label wherever they appear: `Action Items`, `Open Questions`. */
const LABEL_WORDS = new Set(
  (
    'a q re fwd fw cc bcc subject attn ps nb notes agenda minutes summary recap overview background ' +
    'context topic topics question questions answer answers action actions item items steps todo to-do ' +
    'task tasks update updates reminder warning caution important example goal goals objective objectives ' +
    'issue issues problem solution result results outcome outcomes decision decisions status pricing ' +
    'costs budget timeline deadline location address phone email tel fax url website reference attachment ' +
    'attendees participants meeting project phase section chapter slide option options purpose risk risks ' +
    'feedback takeaway takeaways highlights points benefit benefits pros cons facts definition ' +
    'translation transcript caption captions music applause laughter inaudible crosstalk silence ' +
    'correction disclaimer copyright confidential requirements requirement follow-up followup conclusion ' +
    'introduction intro faq tldr'
  ).split(' '),
);

/**
 * Words that cannot open a name: sentence openers, and label words that are
 * also surnames, so `Price: $40` is a label but `Alan Price: hi` a speaker.
 * `Will`, `Mark` or `May` are not here: they are first names.
 */
const LEADING_WORDS = new Set(
  (
    'the this that these those an and but or so then also here there our my your his her their its we it ' +
    'what why how when where who which yes no ok okay well now today tomorrow yesterday please thanks ' +
    'thank hi hello hey dear as if for in on at by from with about after before because however first ' +
    'second third finally all both each every some any one two three other another note price cost total ' +
    'date time link call source line bottom final page figure table plan scope stage part point key step ' +
    'tip next previous present absent quote edit draft notice'
  ).split(' '),
);

const PARTICLES = new Set(
  'de da di du del della der den van von le la dos das do bin binti ibn al el y e ten ter zu af av'.split(' '),
);

const GENERIC_LABEL = /^(?:speaker|participant|guest|caller|attendee|interviewer|interviewee|respondent|moderator|host|unknown speaker)(?: \d{1,3})?$/i;
/** Generic labels are the only names allowed a number: `Speaker 2: text`. */
const GENERIC_START = /^(?:speaker|participant|guest|caller|attendee|interviewer|interviewee|respondent|moderator|host|unknown speaker) \d/i;
/** `Ana`, `O'Brien`, `Jean-Luc`, `McDonald`, `Dr.`, `d'Almeida`. */
const NAME_WORD = /^(?:[dl]['\u2019])?\p{Lu}[\p{L}\p{M}]*(?:['\u2019-]\p{L}[\p{L}\p{M}]*)*\.?$/u;
/** `J.`, `J.R.` */
const INITIALS = /^(?:\p{Lu}\.)+$/u;
/** A word of a script without case (CJK, Arabic, Hebrew, Thai…). */
const CASELESS_WORD = /^\p{Lo}[\p{Lo}\p{M}\u00b7\u30fb]*$/u;

/**
 * Checks whether a label (the text before the colon) has the shape of a
 * speaker name, splitting off a trailing `(Role)`.
 * @example parseSpeakerLabel('Ana Silva (Customer)') // { name: 'Ana Silva', role: 'Customer' }
 * @example parseSpeakerLabel('Q3') // null
 */
export function parseSpeakerLabel(label: string): SpeakerLabel | null {
  let name = label.trim();
  let role: string | null = null;
  if (name.endsWith(')')) {
    const open = name.lastIndexOf('(');
    if (open <= 0) return null;
    role = name.slice(open + 1, -1).trim();
    if (role.length === 0 || role.length > MAX_ROLE_LENGTH || /[()]/.test(role)) return null;
    name = name.slice(0, open).trim();
  }
  if (name.length === 0) return null;
  if (GENERIC_LABEL.test(name)) return { name, role };

  const words = name.split(' ');
  if (words.length > MAX_NAME_WORDS + 2) return null;
  let nameWords = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    const lower = word.toLowerCase();
    if (LABEL_WORDS.has(lower) || (w === 0 && LEADING_WORDS.has(lower))) return null;
    if (PARTICLES.has(word)) {
      if (w === words.length - 1) return null;
      continue;
    }
    if (!NAME_WORD.test(word) && !INITIALS.test(word) && !CASELESS_WORD.test(word)) return null;
    nameWords++;
  }
  return nameWords >= 1 && nameWords <= MAX_NAME_WORDS ? { name, role } : null;
}

/** Splits a voice-tag name such as `Ana Silva (Guest)` into name and role; other names are kept whole. */
export function splitVoiceName(voice: string): SpeakerLabel {
  if (!voice.endsWith(')')) return { name: voice, role: null };
  const match = /^(.+?)\s*\(([^()]{1,40})\)$/.exec(voice);
  return match ? { name: match[1] as string, role: (match[2] as string).trim() } : { name: voice, role: null };
}

function isColon(code: number): boolean {
  return code === 0x3a || code === 0xff1a;
}

/** A label the reader has seen, with its verdict. */
interface KnownLabel {
  label: string;
  speaker: SpeakerLabel | null;
  /** Words the prefix `label:` holds in a cleaned text. */
  words: number;
}

/**
 * Reads the `Label: ` prefix of cleaned cue texts when the label has a
 * speaker's shape. A file repeats a handful of labels, so labels already seen
 * are matched with `startsWith` before anything is sliced or parsed, and the
 * answer is an id rather than a new object per cue.
 */
export class PrefixReader {
  private readonly known: KnownLabel[] = [];
  private readonly idByLabel = new Map<string, number>();
  /** Ids of the first speaker-shaped labels, tried before anything else (bounded, so odd files stay linear). */
  private readonly quick: number[] = [];

  /** The id of the text's speaker prefix, or -1 when it has none. */
  read(text: string): number {
    const first = text.charCodeAt(0);
    // Names start with a letter: skip digits, punctuation and lower-case ASCII at once.
    if (!(first >= 0x41 && first <= 0x5a) && first < 0xc0) return -1;
    for (const id of this.quick) {
      const label = (this.known[id] as KnownLabel).label;
      // The colon check first: it rules out every label of another length without a string comparison.
      if (isColon(text.charCodeAt(label.length)) && text.startsWith(label)) return this.accept(text, id);
    }
    let colon = -1;
    const limit = Math.min(text.length, MAX_PREFIX_LENGTH + 1);
    for (let i = 1; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (isColon(code)) {
        colon = i;
        break;
      }
      if (code >= 0x30 && code <= 0x39 && !GENERIC_START.test(text)) return -1;
    }
    if (colon < 0) return -1;
    const label = text.slice(0, colon);
    let id = this.idByLabel.get(label);
    if (id === undefined) {
      id = this.known.length;
      this.idByLabel.set(label, id);
      const speaker = parseSpeakerLabel(label);
      this.known.push({ label, speaker, words: label.split(' ').length });
      if (speaker !== null && this.quick.length < MAX_QUICK_LABELS) this.quick.push(id);
    }
    return this.accept(text, id);
  }

  /** Name and role behind an id returned by `read`. */
  speakerOf(id: number): SpeakerLabel {
    return (this.known[id] as KnownLabel).speaker as SpeakerLabel;
  }

  /** Words in the label of an id returned by `read` (`Ana Silva (Customer)` has three). */
  labelWords(id: number): number {
    return (this.known[id] as KnownLabel).words;
  }

  /** Index where the spoken words begin, after the prefix's colon and one space. */
  textStart(text: string, id: number): number {
    const colon = (this.known[id] as KnownLabel).label.length;
    return text.charCodeAt(colon + 1) === 0x20 ? colon + 2 : colon + 1;
  }

  private accept(text: string, id: number): number {
    const entry = this.known[id] as KnownLabel;
    if (entry.speaker === null) return -1;
    const colon = entry.label.length;
    // `https://x`, `10:30`: an ASCII colon must end the text or be followed by a space.
    const after = text.charCodeAt(colon + 1);
    return colon + 1 < text.length && after !== 0x20 && text.charCodeAt(colon) === 0x3a ? -1 : id;
  }
}

interface CandidateTally {
  count: number;
  /** Carried a role or a time stamp somewhere: a label does not come with those. */
  vouched: boolean;
  words: number;
}

/**
 * Decides which candidate names are speakers, from how often each appears,
 * whether it was vouched for (a role, a stamp), the names voice tags already
 * established, and how many of the eligible cues or lines carry a candidate.
 */
export function confirmSpeakers(
  candidates: ReadonlyMap<string, CandidateTally>,
  knownNames: ReadonlySet<string>,
  eligibleCount: number,
): Set<string> {
  const confirmed = new Set<string>();
  let candidateUses = 0;
  let multiWordNames = 0;
  for (const [name, tally] of candidates) {
    candidateUses += tally.count;
    if (tally.words > 1) multiWordNames++;
    if (tally.vouched || tally.count >= 2 || knownNames.has(name)) confirmed.add(name);
  }
  const conventionDominant = eligibleCount > 0 && candidateUses >= eligibleCount * CONVENTION_SHARE;
  // Several distinct full names in prefix position, or any confirmed one, mean the file uses the convention.
  const conventionUsed = confirmed.size > 0 || knownNames.size > 0 || multiWordNames >= 2;
  const firstWords = new Set<string>();
  for (const name of [...confirmed, ...knownNames]) firstWords.add(name.split(' ')[0] as string);
  for (const [name, tally] of candidates) {
    if (confirmed.has(name)) continue;
    if (tally.words > 1 ? conventionUsed || conventionDominant : conventionDominant || firstWords.has(name)) {
      confirmed.add(name);
    }
  }
  return confirmed;
}

/** Tallies prefix candidates; the caller feeds every prefix it reads through `add`. */
export class SpeakerCandidates {
  readonly tallies = new Map<string, CandidateTally>();
  readonly roles = new Map<string, string>();

  /** `stamped`: the label came with a time stamp (`Name [00:01:02]:`), which vouches for it like a role. */
  add(speaker: SpeakerLabel, stamped = false): void {
    const vouched = stamped || speaker.role !== null;
    const tally = this.tallies.get(speaker.name);
    if (tally === undefined) {
      this.tallies.set(speaker.name, { count: 1, vouched, words: speaker.name.split(' ').length });
    } else {
      tally.count++;
      if (vouched) tally.vouched = true;
    }
    if (speaker.role !== null && !this.roles.has(speaker.name)) this.roles.set(speaker.name, speaker.role);
  }

  /** Roles of the confirmed names. */
  rolesOf(confirmed: ReadonlySet<string>): Map<string, string> {
    const roles = new Map<string, string>();
    for (const [name, role] of this.roles) if (confirmed.has(name)) roles.set(name, role);
    return roles;
  }
}

/**
 * Resolves speakers for caption cues (VTT, SRT). The scanner calls `observe`
 * for each cue as it produces it, while the cue's text is still in the CPU
 * cache: voice-tag names get their role split off, other texts get their
 * prefix read. `resolve` then confirms candidates across the file and strips
 * the confirmed prefixes.
 */
export class CaptionSpeakers {
  private readonly reader = new PrefixReader();
  private readonly candidates = new SpeakerCandidates();
  private readonly roles = new Map<string, string>();
  private readonly voiceNames = new Set<string>();
  /** Per observed cue: prefix id (-1 for none) and where its words start. */
  private readonly prefixIds: number[] = [];
  private readonly textStarts: number[] = [];
  private eligible = 0;
  private lastVoice: string | null = null;
  private lastVoiceName = '';

  observe(cue: Cue): void {
    if (cue.speaker !== null) {
      // Consecutive cues usually share a voice: reuse the split instead of redoing it.
      if (cue.speaker !== this.lastVoice) {
        this.lastVoice = cue.speaker;
        const voice = splitVoiceName(cue.speaker);
        this.lastVoiceName = voice.name;
        this.voiceNames.add(voice.name);
        if (voice.role !== null && !this.roles.has(voice.name)) this.roles.set(voice.name, voice.role);
      }
      cue.speaker = this.lastVoiceName;
      this.prefixIds.push(-1);
      this.textStarts.push(0);
      return;
    }
    this.eligible++;
    const id = this.reader.read(cue.text);
    this.prefixIds.push(id);
    if (id < 0) {
      this.textStarts.push(0);
      return;
    }
    this.textStarts.push(this.reader.textStart(cue.text, id));
    this.candidates.add(this.reader.speakerOf(id));
  }

  /**
   * Sets `speaker` and strips the prefix of every cue whose prefix is
   * confirmed; `cues` are the observed cues, in order. Returns the role of
   * each speaker that has one, and by how much stripping the prefixes lowers
   * the word count: a prefix `Ana Silva: ` takes its label's words, one fewer
   * when the words follow the colon without a space (after a full-width `：`),
   * as the label's last word and the first spoken one were counted as one.
   */
  resolve(cues: Cue[]): { roles: Map<string, string>; wordsRemoved: number } {
    let wordsRemoved = 0;
    if (this.candidates.tallies.size === 0) return { roles: this.roles, wordsRemoved };
    const confirmed = confirmSpeakers(this.candidates.tallies, this.voiceNames, this.eligible);
    for (let i = 0; i < cues.length; i++) {
      const id = this.prefixIds[i] as number;
      if (id < 0) continue;
      const label = this.reader.speakerOf(id);
      if (!confirmed.has(label.name)) continue;
      const cue = cues[i] as Cue;
      cue.speaker = label.name;
      const textStart = this.textStarts[i] as number;
      // `Ana Silva：words` (full-width colon, no space) was counted with `Silva：words` as one word.
      const glued = textStart < cue.text.length && cue.text.charCodeAt(textStart - 1) !== 0x20;
      cue.text = cue.text.slice(textStart);
      wordsRemoved += this.reader.labelWords(id) - (glued ? 1 : 0);
    }
    for (const [name, role] of this.candidates.rolesOf(confirmed)) if (!this.roles.has(name)) this.roles.set(name, role);
    return { roles: this.roles, wordsRemoved };
  }
}

/** Speakers in order of first appearance, each with its first known role. */
export function listSpeakers(cues: readonly Cue[], roles: ReadonlyMap<string, string>): Speaker[] {
  const seen = new Set<string>();
  const speakers: Speaker[] = [];
  let last: string | null = null;
  for (const cue of cues) {
    if (cue.speaker === null || cue.speaker === last) continue;
    last = cue.speaker;
    if (seen.has(cue.speaker)) continue;
    seen.add(cue.speaker);
    speakers.push({ name: cue.speaker, role: roles.get(cue.speaker) ?? null });
  }
  return speakers;
}

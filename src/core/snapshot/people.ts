/**
 * The people of a call: its speakers, and the people they name with a role
 * ("my director, Edward Chase", "Andrew is a Senior Financial Analyst", "Derek
 * Mott from IT owned the integrations"), and speakers who give their own
 * title, in lower case too ("I'm Pau Roca, revenue analyst", "I'm the
 * operations lead here"). A capitalised pair counts as a person
 * only in such a context, so "Booking Data" or "Phase One" never do. Each
 * person keeps the sentences that name them and the role said for them.
 */

import { isNameLike, ORG_SUFFIXES, readSpokenTitle, readTitle, TITLE_HEADS, withoutHonorific, type NamedSentence } from './names.js';

export interface Person {
  name: string;
  isSpeaker: boolean;
  /** Job title or role as said ("Senior Financial Analyst", "executive sponsor"); null when none was said. */
  role: string | null;
  /** Sentence that states the role. */
  roleSentenceId: number | null;
  /** Every sentence that says who the person is (role, team, reporting line). */
  roleSentenceIds: number[];
  /** Sentences that name the person (for speakers: also self-introductions). */
  sentenceIds: number[];
  /** Speaker who first names the person; their side is the person's default side. */
  namedBy: string | null;
}

const ARTICLE = /^(?:a|an|the|our|my|their|his|her|your)\s+/i;
/**
 * Words that may sit between an article and a title ("our new executive sponsor"); the article may
 * open the sentence ("Our general manager, X"), and an honorific may precede the name ("our CFO, Dr. X").
 * A verb or a second article ends the phrase: in "the contact is our CFO, X" the title is "CFO".
 */
const ROLE_BEFORE_NAME =
  /(?:\b(?:[Mm]y|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Yy]our|[Tt]he|[Tt]his engagement's|[Tt]he engagement's|([A-Z][a-z]+'s))\s+)((?:(?!(?:is|are|was|were|be|as|our|my|their|his|her|your|the|a|an)\s)[\w-]+\s+){0,3}?[\w-]+),?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$/;
const SELF_INTRO = /\b(?:I'm|I am|my name is|this is)\s+$/i;
/** "Hi, Wren Talbot, transport director.": a speaker who opens a sentence with their own name introduces themselves. */
const OPENS_WITH_OWN_NAME = /^(?:(?:hi|hello|hey|yes|yeah|and|so|sure|good (?:morning|afternoon|evening)|morning|afternoon)[,!.]?\s+)*$/i;
/** "I'm the operations lead here", "I am a senior analyst": a speaker's title without their name. */
const OWN_TITLE = /\bI(?:'m|’m| am)\s+(?=(?:the|a|an|your|our)\s)/g;
/** Contexts that only people have: "X's manager", "X, who …", "X and I". */
const ORGANISATION_BEFORE = /\b(?:at|from)\s+$/i;
const PERSON_CONTEXT_AFTER = /^(?:'s\s+(?:manager|boss|director|lead|team lead)\b|,?\s+(?:who|and I|and myself)\b)/;

function newPerson(name: string, namedBy: string | null): Person {
  return { name, isSpeaker: false, role: null, roleSentenceId: null, roleSentenceIds: [], sentenceIds: [], namedBy };
}

function firstNameOf(name: string): string {
  return withoutHonorific(name).split(' ')[0]!;
}

/**
 * Finds people.
 * @param speakerNames speaker labels of the transcript.
 */
export function findPeople(sentences: readonly NamedSentence[], speakerNames: readonly string[], vocabulary: ReadonlySet<string>): Person[] {
  const people = new Map<string, Person>();
  for (const name of speakerNames) {
    people.set(name, { name, isSpeaker: true, role: null, roleSentenceId: null, roleSentenceIds: [], sentenceIds: [], namedBy: name });
  }
  const speakerByFirstName = new Map(speakerNames.map((name) => [firstNameOf(name), name]));
  // "Ilse Quennell" said by the speaker labelled "Dr. Ilse Quennell".
  const speakerByBareName = new Map(speakerNames.filter((name) => withoutHonorific(name) !== name).map((name) => [withoutHonorific(name), name]));

  for (const sentence of sentences) {
    const found: Array<{ name: string; start: number; end: number; person: Person | null; role: string | null }> = [];
    for (const run of sentence.runs) {
      const runName = run.name;
      const candidate = people.has(runName) || speakerByFirstName.has(runName) || speakerByBareName.has(runName) ? runName : personNameFromRun(run.words, vocabulary);
      if (!candidate) continue;
      const start = sentence.text.indexOf(candidate, run.start);
      const end = start + candidate.length;
      const before = sentence.text.slice(Math.max(0, start - 60), start);
      const after = sentence.text.slice(end);
      const speakerName = people.has(candidate) ? candidate : speakerByBareName.get(candidate) ?? speakerByFirstName.get(candidate);
      const known = speakerName ? people.get(speakerName)! : people.get(candidate);
      const selfIntro =
        sentence.speaker !== null &&
        firstNameOf(candidate) === firstNameOf(sentence.speaker) &&
        (SELF_INTRO.test(before) || (start === before.length && candidate.includes(' ') && OPENS_WITH_OWN_NAME.test(before)));
      // Titles said in lower case are read only right after one's own name, where a title is expected.
      const role = (selfIntro ? spokenTitleAfter(after) : null) ?? roleNear(before, after);
      // "… here at Acme Outfitters, and I'm …": after "at" or "from" comes an organisation, not a person.
      const inContext = candidate.includes(' ') && !ORGANISATION_BEFORE.test(before) && (role !== null || selfIntro || PERSON_CONTEXT_AFTER.test(after));
      found.push({ name: candidate, start, end, person: known ?? (inContext ? newPerson(candidate, sentence.speaker) : null), role });
    }
    // Names listed with a person ("Tom Ives and Vincent Martin") are people too.
    for (let index = 0; index < found.length; index++) {
      const entry = found[index]!;
      if (entry.person || !entry.name.includes(' ')) continue;
      const neighbours = [found[index - 1], found[index + 1]].filter((other) => other?.person);
      const listed = neighbours.some((other) => {
        const between = other!.start < entry.start ? sentence.text.slice(other!.end, entry.start) : sentence.text.slice(entry.end, other!.start);
        return /^\s*(?:,|and|, and|&)\s*$/.test(between);
      });
      if (listed) entry.person = newPerson(entry.name, sentence.speaker);
    }
    const speaker = sentence.speaker !== null ? people.get(sentence.speaker) : undefined;
    if (speaker && !hasTitle(speaker) && !found.some((entry) => entry.person === speaker && entry.role)) {
      const role = ownTitle(sentence.text);
      if (role) found.push({ name: speaker.name, start: 0, end: 0, person: speaker, role });
    }
    for (const { person, role } of found) {
      if (!person) continue;
      people.set(person.name, person);
      // Sentences come in order, so a sentence already listed is the last one (no scan of a long list).
      if (person.sentenceIds.at(-1) !== sentence.id) person.sentenceIds.push(sentence.id);
      if (role && person.roleSentenceIds.at(-1) !== sentence.id) person.roleSentenceIds.push(sentence.id);
      // "Marta from Larkhill" says where someone is from; a title said later ("I'm the clinic operations coordinator") replaces it.
      if (role && (!person.role || (!hasTitle(person) && !role.startsWith('from ')))) {
        person.role = role;
        person.roleSentenceId = sentence.id;
      }
    }
  }
  return [...people.values()];
}

/** A role that is a title, not only the organisation someone is "from". */
export function hasTitle(person: Person): person is Person & { role: string } {
  return person.role !== null && !person.role.startsWith('from ');
}

/** "Edward Chase", "Nora Vance", "Mary-Kate O'Neil": 2-3 capitalised words, the first name-like. */
function personNameFromRun(words: readonly string[], vocabulary: ReadonlySet<string>): string | null {
  if (words.length < 1 || words.length > 3) return null;
  if (!isNameLike(words[0]!, vocabulary)) return null;
  if (words.some((word) => !/^\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{L}'’-]*$/u.test(word))) return null;
  if (words.some((word) => TITLE_HEADS.has(word.toLowerCase()) || ORG_SUFFIXES.has(word.toLowerCase()))) return null;
  return words.join(' ');
}

/** ", revenue analyst at Contoso." -> "revenue analyst": the title a speaker gives after their own name. */
function spokenTitleAfter(after: string): string | null {
  const appositive = /^\s*[,\u2014\u2013-]\s*(.{2,80})/.exec(after);
  return appositive ? readSpokenTitle(appositive[1]!) : null;
}

/** The title in "I'm the operations lead here" or "I am a Senior Analyst", lower case or capitalised. */
function ownTitle(text: string): string | null {
  OWN_TITLE.lastIndex = 0;
  for (let match = OWN_TITLE.exec(text); match !== null; match = OWN_TITLE.exec(text)) {
    const rest = text.slice(match.index + match[0].length);
    const title = readSpokenTitle(rest) ?? readTitle(rest.replace(ARTICLE, ''));
    if (title) return title;
  }
  return null;
}

/** The role said next to a name, before it ("my director, X") or after it ("X is a Senior Analyst"). */
function roleNear(before: string, after: string): string | null {
  const afterMatch = /^,?\s+(?:is|was|will be|has been|as)\s+(?:(?:a|an|the|our|my|their)\s+|([A-Z][\w-]*(?:\s[A-Z][\w-]*)?'s)\s+)?(.{2,80})/.exec(after);
  // "Our CFO, X, as the main contact": being the contact is no title, so the title before the name is read instead.
  const title = afterMatch ? readTitle(afterMatch[2]!) ?? readRoleNoun(afterMatch[2]!) : null;
  if (title && !(/\bcontact$/i.test(title) && roleBefore(before))) return afterMatch![1] ? `${afterMatch![1]} ${title}` : title;
  // "Ivo Kessler, who's our head of yard operations", "Ivo's our head of yard operations": a title said in lower case after "who's our".
  const whose = /^(?:,\s+who(?:['’]s| is)|['’]s)\s+(?:our|the|my|their)\s+(.{2,80})/.exec(after);
  if (whose) {
    const title = readSpokenTitle(whose[1]!) ?? readTitle(whose[1]!);
    if (title) return title;
  }
  const appositive = /^,\s+(?:(?:a|an|the|our|my|their)\s+)?(.{2,80})/.exec(after);
  if (appositive) {
    const title = readTitle(appositive[1]!);
    if (title && !/^(?:and|but|so)\b/i.test(appositive[1]!)) return title;
  }
  const titleBefore = roleBefore(before);
  if (titleBefore) return titleBefore;
  const from = /^,?\s+from\s+((?:(?:the|our|their|your)\s+)?(?:[A-Z][\w&-]*\s?){1,4}(?:team|Team)?)/.exec(after);
  if (from) return `from ${from[1]!.trim()}`;
  return null;
}

/** The title said just before a name: "my director, X", "Corlane's consultant, X". */
function roleBefore(before: string): string | null {
  const beforeMatch = ROLE_BEFORE_NAME.exec(before);
  if (!beforeMatch) return null;
  const phrase = beforeMatch[2]!.replace(ARTICLE, '');
  const head = phrase.split(/\s+/).pop()!.toLowerCase();
  // "Corlane's consultant, Mira Schott": whose role it is tells the side, so it stays.
  return TITLE_HEADS.has(head) || head === 'sponsor' ? (beforeMatch[1] ? `${beforeMatch[1]} ${phrase}` : phrase) : null;
}

/** "primary stakeholder", "decision maker", "executive sponsor": role nouns that are not job titles. */
function readRoleNoun(text: string): string | null {
  const match = /^((?:[\w-]+\s){0,2}(?:sponsor|stakeholder|decision maker|point of contact|contact|champion|owner|lead|manager))\b/i.exec(text);
  return match ? match[1]!.trim() : null;
}

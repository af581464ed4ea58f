/**
 * Property-based tests for the transcript pipeline's public entry points
 * (decode, detect, the three parsers, buildTranscript, sanitize, time codes).
 * Generated valid WebVTT, SRT and plain-text files must parse back to exactly
 * the speakers, texts, times and lines they were built from; arbitrary strings,
 * bytes and mutated valid files must either parse to a sound transcript or
 * fail with a coded AppError, never an uncoded exception. Each property runs
 * under fast-check's interrupt plugin with a generous limit: a guard that fails
 * the property on runaway (super-linear) inputs, not a speed assertion. It acts
 * between runs, so a synchronous endless loop would still stall the worker.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../errors.js';
import {
  buildTranscript,
  decodeTranscriptBytes,
  detectFormat,
  formatCitation,
  formatClock,
  parseSpeakerLabel,
  parseSrt,
  parseTxt,
  parseUserOffset,
  parseVtt,
  sanitizeText,
  type FinishedCues,
  type Speaker,
  type Transcript,
  type TranscriptFormat,
} from './index.js';

const LOADED_AT = '2025-01-01T00:00:00.000Z';
/** Fails the property (not just stops it) when its runs take this long in total: a hang guard only. */
const HANG_GUARD = [fc.interruptAfterTimeLimit(20_000, { failOnInterrupt: true })];
const FORMATS: readonly TranscriptFormat[] = ['vtt', 'srt', 'txt'];

/**
 * What the parsers promise to remove from cue text: controls, invisible format characters, tag
 * characters (U+E0000–U+E007F) and a lone high half of one, which could pair up into one later.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|\udb40(?:[\udc00-\udc7f]|(?![\udc00-\udfff]))/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
/** Any whitespace other than the plain space. */
const OTHER_WHITESPACE = /[^\S ]/;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Runs `fn`; an AppError becomes a failed outcome, anything else thrown fails the property. */
function outcomeOf<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(ERROR_CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
    return { ok: false, error };
  }
}

/** Lines of the text as an editor shows them (BOM dropped, CRLF and CR as line breaks). */
function lineCountOf(text: string): number {
  return text.replace(/^\ufeff/, '').split(/\r\n?|\n/).length;
}

function build(text: string, formatHint?: TranscriptFormat): Transcript {
  return buildTranscript({ text, id: 'prop', source: { kind: 'inline', name: null }, formatHint, loadedAt: LOADED_AT });
}

function wordsOf(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}

/**
 * MALFORMED always names a line inside the file. Other codes that name a line stay inside it too,
 * except that TRANSCRIPT_EMPTY may name the line just after it, where the missing cues belong
 * (`WEBVTT` alone: "no caption text (line 2)").
 */
function expectErrorLineInFile(error: AppError, text: string): void {
  if (error.code === 'TRANSCRIPT_MALFORMED') expect(error.line).toBeDefined();
  if (error.line !== undefined) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lineCountOf(text) + (error.code === 'TRANSCRIPT_EMPTY' ? 1 : 0));
  }
}

/** What every parser result must satisfy, whatever the input. */
function expectSoundCues(parsed: FinishedCues, text: string): void {
  const lines = lineCountOf(text);
  expect(parsed.cues.length).toBeGreaterThan(0);
  let previousLine = 0;
  parsed.cues.forEach((cue, index) => {
    expect(cue.index).toBe(index);
    expect(cue.text.length).toBeGreaterThan(0);
    expect(cue.text).not.toMatch(INVISIBLE);
    expect(cue.text).not.toMatch(OTHER_WHITESPACE);
    expect(cue.text).not.toMatch(/^ | $| {2}/);
    if (cue.speaker !== null) {
      expect(cue.speaker.trim()).toBe(cue.speaker);
      expect(cue.speaker.length).toBeGreaterThan(0);
      expect(cue.speaker).not.toMatch(INVISIBLE);
    }
    expect(cue.line).toBeGreaterThan(previousLine);
    expect(cue.line).toBeLessThanOrEqual(lines);
    previousLine = cue.line;
    expect(cue.startMs === null).toBe(cue.endMs === null);
    if (cue.startMs !== null && cue.endMs !== null) {
      expect(Number.isSafeInteger(cue.startMs) && cue.startMs >= 0).toBe(true);
      expect(cue.endMs).toBeGreaterThanOrEqual(cue.startMs);
    }
  });
  const speakerNames = [...new Set(parsed.cues.flatMap((cue) => (cue.speaker === null ? [] : [cue.speaker])))];
  expect(parsed.speakers.map((speaker) => speaker.name)).toEqual(speakerNames);
  expect(parsed.wordCount).toBe(parsed.cues.reduce((sum, cue) => sum + wordsOf(cue.text), 0));
  for (const warning of parsed.warnings) {
    if (warning.line !== undefined) expect(warning.line).toBeGreaterThanOrEqual(1);
    if (warning.line !== undefined) expect(warning.line).toBeLessThanOrEqual(lines);
  }
}

/** Transcript-level soundness: the parser's promises, plus turns that partition the cues in order. */
function expectSoundTranscript(transcript: Transcript, text: string): void {
  expectSoundCues(transcript, text);
  const { cues, turns } = transcript;
  let nextCue = 0;
  turns.forEach((turn, index) => {
    expect(turn.index).toBe(index);
    expect(turn.firstCue).toBe(nextCue);
    expect(turn.lastCue).toBeGreaterThanOrEqual(turn.firstCue);
    const merged = cues.slice(turn.firstCue, turn.lastCue + 1);
    expect(merged.every((cue) => cue.speaker === turn.speaker)).toBe(true);
    expect(turn.text).toBe(merged.map((cue) => cue.text).join(' '));
    nextCue = turn.lastCue + 1;
  });
  expect(nextCue).toBe(cues.length);
}

// ---------------------------------------------------------------------------
// Generated valid transcripts
// ---------------------------------------------------------------------------

interface Token {
  /** As written in the file. */
  raw: string;
  /** As the parser must return it. */
  text: string;
}

interface CuePlan {
  speaker: number;
  gapMs: number;
  durationMs: number;
  tokens: Token[];
  /** Token index where the text wraps onto a second line (0: one line). */
  wrapAt: number;
  identifier: 'none' | 'number' | 'guid';
  guid: string;
  settings: boolean;
  noteBefore: boolean;
}

interface FilePlan {
  format: TranscriptFormat;
  speakers: Speaker[];
  /** vtt: prefix | voice; srt: prefix; txt: plain | leading | bare | after | otter. */
  style: string;
  /**
   * Colon after a prefix label. `：` only in caption formats: a plain-text first line with commas
   * and no `: ` can pass for a CSV header, a detection heuristic rather than a parse.
   */
  colon: string;
  /** `mm:ss.ttt` rather than `hh:mm:ss.ttt` in WebVTT while under an hour. */
  shortStamps: boolean;
  header: string;
  cues: CuePlan[];
}

interface ExpectedCue {
  speaker: string;
  text: string;
  startMs: number | null;
  endMs: number | null;
  line: number;
}

interface RenderedFile {
  lines: string[];
  cues: ExpectedCue[];
  speakers: Speaker[];
  wordCount: number;
}

const upperInitial = fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWZÁÉÖØŁŽ');
const lowerTail = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnoprstuvyzéñøüç'), minLength: 1, maxLength: 7 });
const nameWord = fc.tuple(upperInitial, lowerTail).map(([first, rest]) => first + rest);
const cjkName = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)), minLength: 2, maxLength: 3 });
const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(nameWord, { minLength: 2, maxLength: 3 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: nameWord },
  { weight: 1, arbitrary: cjkName },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => `Speaker ${n}`) },
);
const roleArb = fc.option(nameWord, { nil: null, freq: 3 });
/** Speakers whose `Name (Role)` label the speaker rule accepts as written. */
const speakerArb = fc.record({ name: nameArb, role: roleArb }).filter(({ name, role }) => {
  const label = parseSpeakerLabel(role === null ? name : `${name} (${role})`);
  return label !== null && label.name === name && label.role === role;
});

const wordArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'é', 'ß', '日', '本', '🎉'), minLength: 1, maxLength: 8 }),
    fc.constantFrom('', '', '', '.', ',', '!', '?', '%', "'s"),
  )
  .map(([word, end]) => word + end);
const plainToken = wordArb.map((word): Token => ({ raw: word, text: word }));
/** Markup that WebVTT and SRT cues carry and the parser must strip or decode. */
const markupToken = fc.oneof(
  fc.tuple(wordArb, fc.constantFrom('i', 'b', 'u', 'c.yellow')).map(([word, tag]): Token => ({ raw: `<${tag}>${word}</${tag.split('.')[0]}>`, text: word })),
  fc.tuple(wordArb, wordArb).map(([a, b]): Token => ({ raw: `${a}&amp;${b}`, text: `${a}&${b}` })),
  wordArb.map((word): Token => ({ raw: `&lt;${word}&gt;`, text: `<${word}>` })),
  wordArb.map((word): Token => ({ raw: `&#39;${word}&#x27;`, text: `'${word}'` })),
  wordArb.map((word): Token => ({ raw: `<00:00:01.500>${word}`, text: word })),
);
const srtOnlyToken = wordArb.map((word): Token => ({ raw: `{\\an8}<font color="#ffff00">${word}</font>`, text: word }));

function cuePlanArb(tokenArb: fc.Arbitrary<Token>): fc.Arbitrary<Omit<CuePlan, 'speaker'>> {
  return fc.record({
    gapMs: fc.integer({ min: 0, max: 90_000 }),
    durationMs: fc.integer({ min: 0, max: 15_000 }),
    tokens: fc.array(tokenArb, { minLength: 1, maxLength: 10 }),
    wrapAt: fc.nat({ max: 9 }),
    identifier: fc.constantFrom('none', 'number', 'guid'),
    guid: fc.uuid(),
    settings: fc.boolean(),
    noteBefore: fc.boolean(),
  });
}

function tokensFor(format: TranscriptFormat): fc.Arbitrary<Token> {
  if (format === 'txt') return plainToken;
  const markup = format === 'srt' ? fc.oneof(markupToken, srtOnlyToken) : markupToken;
  return fc.oneof({ weight: 4, arbitrary: plainToken }, { weight: 1, arbitrary: markup });
}

const STYLES: Readonly<Record<TranscriptFormat, readonly string[]>> = {
  vtt: ['prefix', 'voice'],
  srt: ['prefix'],
  txt: ['plain', 'leading', 'bare', 'after', 'otter'],
};

/** A file plan; every speaker speaks at least twice, so the speaker rule has its evidence in every style. */
const filePlanArb: fc.Arbitrary<FilePlan> = fc.constantFrom(...FORMATS).chain((format) =>
  fc
    .record({
      speakers: fc.uniqueArray(speakerArb, { minLength: 1, maxLength: 4, selector: (speaker) => speaker.name }),
      style: fc.constantFrom(...STYLES[format]),
      colon: format === 'txt' ? fc.constant(': ') : fc.constantFrom(': ', ': ', '：', '： '),
      shortStamps: fc.boolean(),
      header: fc.constantFrom('', ' - Weekly sync', '\nKind: captions\nLanguage: en'),
      extraSpeakers: fc.array(fc.nat(), { maxLength: 10 }),
      plans: fc.array(cuePlanArb(tokensFor(format)), { minLength: 1, maxLength: 18 }),
    })
    .chain(({ speakers, extraSpeakers, plans, ...rest }) => {
      const order = [...speakers.flatMap((_, i) => [i, i]), ...extraSpeakers.map((n) => n % speakers.length)];
      return fc.shuffledSubarray(order, { minLength: order.length }).map(
        (shuffled): FilePlan => ({
          ...rest,
          format,
          speakers,
          cues: shuffled.map((speaker, i) => ({ ...(plans[i % plans.length] as Omit<CuePlan, 'speaker'>), speaker })),
        }),
      );
    }),
);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function clockParts(ms: number): { h: number; m: number; s: number; milli: number } {
  return { h: Math.floor(ms / 3_600_000), m: Math.floor(ms / 60_000) % 60, s: Math.floor(ms / 1000) % 60, milli: ms % 1000 };
}

function captionStamp(ms: number, format: 'vtt' | 'srt', short: boolean): string {
  const { h, m, s, milli } = clockParts(ms);
  if (format === 'srt') return `${pad(h)}:${pad(m)}:${pad(s)},${pad(milli, 3)}`;
  return `${short && h === 0 ? '' : `${pad(h)}:`}${pad(m)}:${pad(s)}.${pad(milli, 3)}`;
}

/** Whole-second stamps as plain-text tools write them: `1:02:03`, `02:03`. */
function textStamp(ms: number): string {
  const { h, m, s } = clockParts(ms);
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function labelOf(speaker: Speaker): string {
  return speaker.role === null ? speaker.name : `${speaker.name} (${speaker.role})`;
}

/** Writes the plan as a file and says what the parser must return for it. */
function renderFile(plan: FilePlan): RenderedFile {
  const lines: string[] = [];
  const cues: ExpectedCue[] = [];
  const txt = plan.format === 'txt';
  const stamped = !txt || plan.style !== 'plain';
  if (plan.format === 'vtt') lines.push(...`WEBVTT${plan.header}`.split('\n'), '');
  let clock = 0;
  plan.cues.forEach((cue, index) => {
    // Plain-text stamps have whole seconds.
    clock += txt ? Math.floor(cue.gapMs / 1000) * 1000 : cue.gapMs;
    const speaker = plan.speakers[cue.speaker] as Speaker;
    const raws = cue.tokens.map((token) => token.raw);
    const text = cue.tokens.map((token) => token.text).join(' ');
    const wrap = cue.wrapAt % raws.length;
    const textLines = wrap === 0 ? [raws.join(' ')] : [raws.slice(0, wrap).join(' '), raws.slice(wrap).join(' ')];
    const label = labelOf(speaker);
    if (txt) {
      const stamp = textStamp(clock);
      const first = textLines[0] as string;
      const opening = {
        plain: [`${label}: ${first}`],
        leading: [`[${stamp}] ${label}: ${first}`],
        bare: [`${stamp} ${label}: ${first}`],
        after: [`${label} [${stamp}]: ${first}`],
        otter: [`${label}  ${stamp}`, first],
      }[plan.style] as string[];
      cues.push({ speaker: speaker.name, text, startMs: stamped ? clock : null, endMs: stamped ? clock : null, line: lines.length + 1 });
      lines.push(...opening, ...textLines.slice(1));
      return;
    }
    if (plan.format === 'vtt' && cue.noteBefore) lines.push('NOTE edited by hand', '');
    if (cue.identifier === 'number') lines.push(String(index + 1));
    if (cue.identifier === 'guid') lines.push(`${cue.guid}-${index}`);
    const format = plan.format as 'vtt' | 'srt';
    const timing = `${captionStamp(clock, format, plan.shortStamps)} --> ${captionStamp(clock + cue.durationMs, format, plan.shortStamps)}`;
    cues.push({ speaker: speaker.name, text, startMs: clock, endMs: clock + cue.durationMs, line: lines.length + 1 });
    lines.push(plan.format === 'vtt' && cue.settings ? `${timing} align:start position:10%` : timing);
    if (plan.style === 'voice') {
      textLines[0] = `<v ${label}>${textLines[0] as string}`;
      textLines[textLines.length - 1] += '</v>';
    } else {
      textLines[0] = `${label}${plan.colon}${textLines[0] as string}`;
    }
    lines.push(...textLines, '');
  });
  if (txt && stamped) {
    // A stamped line ends where the next one starts.
    for (let i = 0; i < cues.length - 1; i++) (cues[i] as ExpectedCue).endMs = (cues[i + 1] as ExpectedCue).startMs;
  }
  const speakers: Speaker[] = [];
  for (const cue of cues) {
    if (speakers.some((speaker) => speaker.name === cue.speaker)) continue;
    const planned = plan.speakers.find((speaker) => speaker.name === cue.speaker) as Speaker;
    speakers.push({ name: planned.name, role: planned.role });
  }
  return { lines, cues, speakers, wordCount: cues.reduce((sum, cue) => sum + wordsOf(cue.text), 0) };
}

// ---------------------------------------------------------------------------
// Mutations and free-form input
// ---------------------------------------------------------------------------

/** Pieces of transcript syntax, so random input reaches deep into the parsers rather than stopping at detection. */
const SYNTAX_PIECES = [
  'WEBVTT', 'WEBVTT ', '\n', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '-->', ' --> ', '00:00:01.000', '00:01.000',
  '00:00:02,500', '99:59:59.999', '1:2', '12345:00', '0:00:00', '1', '42', '\ufeff', '<v ', '<v.loud ', '<', '>', '</v>',
  '<i>', '</i>', '<00:00:01.000>', '&', '&amp;', '&#x', '&#', ';', '&#0;', '&#xD800;', '&#x10FFFF;', '&#xE0041;',
  '&nbsp;', '&lrm;', ':', '：', ': ', 'Ana Ruiz', 'Ana Ruiz (Customer)', 'Li', 'Speaker 2', '[00:05]', '(01:02)', '[',
  ']', '(', ')', 'NOTE', 'STYLE', 'REGION', '{\\an8}', '{', '"', ',', ';', 'https://x.test/a', '\u200b', '\u202e',
  '\u2066', '\u2028', '\u00a0', '\u0085', '\u0000', '\u0007', '\udb40', '\udb40\udc41', '\ud800', '\udc00', 'é', '🎉',
  '李伟', 'word', 'Hello there.',
];
const syntaxSoup = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SYNTAX_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 80 })
  .map((pieces) => pieces.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), syntaxSoup);
const formatHintArb = fc.option(fc.constantFrom(...FORMATS), { nil: undefined });

type Mutation =
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'inject'; at: number; column: number; piece: string };

const INJECTED = ['\u200b', '\u202e', '\u2066', '\ufeff', '\u0000', '\u{E0041}', '&amp;', '&#x200b;', '&nbsp;', '<i>', '</v>', '<v X>', '\t', '-->', ':', '&'];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(syntaxSoup, fc.constantFrom('', 'WEBVTT', 'NOTE x', '7', '00:00:05.000 --> 00:00:01.000', 'not --> a time')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), column: fc.nat(), piece: fc.constantFrom(...INJECTED) }),
);

function mutate(original: readonly string[], mutations: readonly Mutation[]): string[] {
  const lines = [...original];
  for (const mutation of mutations) {
    const at = mutation.at % (lines.length + 1);
    const existing = Math.min(at, lines.length - 1);
    if (mutation.kind === 'insert') lines.splice(at, 0, mutation.line);
    if (lines.length === 0) continue;
    if (mutation.kind === 'delete') lines.splice(existing, 1);
    if (mutation.kind === 'duplicate') lines.splice(existing, 0, lines[existing] as string);
    if (mutation.kind === 'swap') {
      const other = mutation.other % lines.length;
      [lines[existing], lines[other]] = [lines[other] as string, lines[existing] as string];
    }
    if (mutation.kind === 'inject') {
      const line = lines[existing] as string;
      const column = mutation.column % (line.length + 1);
      lines[existing] = line.slice(0, column) + mutation.piece + line.slice(column);
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------

describe('transcript pipeline on generated valid files (property)', () => {
  it('parses every cue back: speakers, text, times, lines, roles and word count', () => {
    fc.assert(
      fc.property(filePlanArb, fc.constantFrom('\n', '\r\n'), formatHintArb, (plan, newline, hint) => {
        const file = renderFile(plan);
        const text = file.lines.join(newline);
        const transcript = build(text, hint);
        expect(transcript.format).toBe(plan.format);
        expect(transcript.warnings).toEqual([]);
        expect(transcript.cues.map(({ speaker, text: cueText, startMs, endMs, line }) => ({ speaker, text: cueText, startMs, endMs, line }))).toEqual(file.cues);
        expect(transcript.speakers).toEqual(file.speakers);
        expect(transcript.wordCount).toBe(file.wordCount);
        expectSoundTranscript(transcript, text);
      }),
      { numRuns: 120, plugins: HANG_GUARD },
    );
  });

  it('detects the generated format from content whatever the extension hint says', () => {
    fc.assert(
      fc.property(filePlanArb, formatHintArb, (plan, hint) => {
        expect(detectFormat(renderFile(plan).lines.join('\n'), hint)).toBe(plan.format);
      }),
      { numRuns: 100, plugins: HANG_GUARD },
    );
  });
});

describe('transcript pipeline on damaged and arbitrary input (property)', () => {
  it('answers a mutated valid file with a sound transcript or a coded error naming a line inside the file', () => {
    fc.assert(
      fc.property(
        filePlanArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        formatHintArb,
        (plan, mutations, newline, bom, hint) => {
          const text = (bom ? '\ufeff' : '') + mutate(renderFile(plan).lines, mutations).join(newline);
          const outcome = outcomeOf(() => build(text, hint));
          if (outcome.ok) expectSoundTranscript(outcome.value, text);
          else expectErrorLineInFile(outcome.error, text);
        },
      ),
      { numRuns: 150, plugins: HANG_GUARD },
    );
  });

  it('answers any string with a sound transcript or a coded error, through detection and through each parser', () => {
    fc.assert(
      fc.property(anyText, formatHintArb, (text, hint) => {
        const built = outcomeOf(() => build(text, hint));
        if (built.ok) expectSoundTranscript(built.value, text);
        else expectErrorLineInFile(built.error, text);
        for (const parse of [parseVtt, parseSrt, parseTxt]) {
          const parsed = outcomeOf(() => parse(text));
          if (parsed.ok) expectSoundCues(parsed.value, text);
          else expectErrorLineInFile(parsed.error, text);
        }
      }),
      { numRuns: 300, plugins: HANG_GUARD },
    );
  });

  it('answers any bytes with text or TRANSCRIPT_TOO_LARGE / TRANSCRIPT_NOT_TEXT, and the text with a transcript or a coded error', () => {
    const validPrefix = fc.constantFrom('', 'WEBVTT\n\n00:01.000 --> 00:02.000\n', '1\n00:00:01,000 --> 00:00:02,000\n', 'Ana Ruiz: ');
    const bytesArb = fc.tuple(validPrefix, fc.uint8Array({ maxLength: 120 }), syntaxSoup).map(([prefix, bytes, soup]) => {
      const encoder = new TextEncoder();
      return Uint8Array.from([...encoder.encode(prefix), ...bytes, ...encoder.encode(soup)]);
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), bytesArb), fc.nat({ max: 600 }), (bytes, maxBytes) => {
        const decoded = outcomeOf(() => decodeTranscriptBytes(bytes, maxBytes));
        if (bytes.byteLength > maxBytes) {
          expect(decoded.ok ? 'decoded' : decoded.error.code).toBe('TRANSCRIPT_TOO_LARGE');
          return;
        }
        if (!decoded.ok) {
          expect(decoded.error.code).toBe('TRANSCRIPT_NOT_TEXT');
          return;
        }
        const built = outcomeOf(() => build(decoded.value));
        if (built.ok) expectSoundTranscript(built.value, decoded.value);
        else expectErrorLineInFile(built.error, decoded.value);
      }),
      { numRuns: 300, plugins: HANG_GUARD },
    );
  });

  it('decodes the UTF-8 of any text without binary controls back to the same text, BOM dropped', () => {
    const textUnit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[\u0000-\u0008\u000b\u000e-\u001f]/.test(c)), fc.constantFrom('\n', '\r\n', '\t', '\ufeff'));
    fc.assert(
      fc.property(fc.string({ unit: textUnit, maxLength: 200 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(decodeTranscriptBytes(bytes, bytes.byteLength)).toBe(text.replace(/^\ufeff/, ''));
      }),
      { numRuns: 200, plugins: HANG_GUARD },
    );
  });
});

describe('sanitizeText (property)', () => {
  const SPECIAL = [
    ' ', '  ', '\t', '\n', '\r', '\u000b', '\f', '\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad',
    '\u061c', '\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u200d', '\u200e', '\u2028', '\u202a', '\u202e', '\u202f',
    '\u205f', '\u2060', '\u2066', '\u2069', '\u206f', '\u3000', '\ufeff', '\u{E0001}', '\u{E0041}', '\u{E007F}', '\u{E0100}',
    '\udb40', '\ud800', '\udc00', '<b>', '&amp;', 'a', 'Z', 'é', '😀',
  ];
  const messyText = fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });

  it('removes every control and invisible character, collapses whitespace and keeps everything visible in order', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const { text, removed } = sanitizeText(raw);
        expect(text).not.toMatch(INVISIBLE);
        expect(text).not.toMatch(OTHER_WHITESPACE);
        expect(text).not.toMatch(/^ | $| {2}/);
        expect(text.replace(/ /g, '')).toBe(raw.replace(INVISIBLE_ALL, '').replace(/\s/g, ''));
        expect(removed).toBe((raw.replace(/[\t\n\u000b\f\r]/g, ' ').match(INVISIBLE_ALL) ?? []).length);
      }),
      { numRuns: 500, plugins: HANG_GUARD },
    );
  });

  it('is idempotent: cleaning clean text changes and removes nothing', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const once = sanitizeText(raw).text;
        expect(sanitizeText(once)).toEqual({ text: once, removed: 0 });
      }),
      { numRuns: 500, plugins: HANG_GUARD },
    );
  });
});

describe('time codes (property)', () => {
  /** Up to 999 hours: the widest clock `parseUserOffset` reads. */
  const millis = fc.integer({ min: 0, max: 1000 * 3_600_000 - 1 });
  const floorSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

  it('reads back a formatted clock or citation to the whole second', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        expect(parseUserOffset(formatClock(ms), 'start')).toBe(floorSecond(ms));
        expect(parseUserOffset(formatCitation(ms).slice(1, -1), 'start')).toBe(floorSecond(ms));
      }),
      { numRuns: 300, plugins: HANG_GUARD },
    );
  });

  it('reads seconds given as a number or a decimal string to the millisecond', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        expect(parseUserOffset(ms / 1000, 'end')).toBe(ms);
        expect(parseUserOffset(String(ms / 1000), 'end')).toBe(ms);
      }),
      { numRuns: 300, plugins: HANG_GUARD },
    );
  });

  it('answers any value with a finite whole number of milliseconds or INVALID_ARGUMENT', () => {
    const clockish = fc.string({ unit: fc.constantFrom(...'0123456789:.: -eE+'), maxLength: 24 });
    const longDigits = fc.integer({ min: 300, max: 420 }).map((length) => '9'.repeat(length));
    const value = fc.oneof(fc.string(), clockish, longDigits, fc.double(), fc.constantFrom(Number.MAX_VALUE, 1e306, Infinity, NaN, -0, -1));
    fc.assert(
      fc.property(value, (input) => {
        const outcome = outcomeOf(() => parseUserOffset(input, 'start'));
        if (outcome.ok) {
          expect(Number.isInteger(outcome.value)).toBe(true);
          expect(outcome.value).toBeGreaterThanOrEqual(0);
        } else {
          expect(outcome.error.code).toBe('INVALID_ARGUMENT');
          expect(outcome.error.message).toContain('start');
        }
      }),
      { numRuns: 400, plugins: HANG_GUARD },
    );
  });
});

/**
 * Deterministic synthetic meeting transcripts for benchmarks: Zoom-style
 * (`Name: text`) or Teams-style (`<v Name>` with GUID cue ids) WebVTT with a
 * chosen number of speakers, sized by bytes or by meeting length. The same
 * seed always gives the same file, so runs compare like with like.
 */

export interface GenerateVttOptions {
  /** PRNG seed; the same seed gives the same transcript. Default 1. */
  seed?: number;
  /** Number of distinct speakers (2–12). Default 4. */
  speakers?: number;
  /** Stop once the meeting reaches this length, even if targetBytes is not reached. */
  durationMs?: number;
  /** `zoom` writes `Name: text` prefixes and numeric ids; `teams` writes `<v Name>` tags and GUID ids. Default zoom. */
  style?: 'zoom' | 'teams';
  /** Average words per cue. Default 32 (long-ish Zoom cues). */
  wordsPerCue?: number;
}

const FIRST_NAMES = ['Ana', 'Kwame', 'Mei', 'Lars', 'Priya', 'Diego', 'Aisha', 'Tomasz', 'Yuki', 'Noor', 'Elena', 'Sipho'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Tanaka', 'Castillo', 'Novak', 'Mensah', 'Fischer', 'Iyer'];
const WORDS = (
  'the team rollout dashboard renewal onboarding adoption pipeline license seats region quarter budget we our ' +
  'customer workflow report integration migration support ticket timeline pilot launch training data export ' +
  'security review contract pricing usage metrics weekly sync and to of for with on that this is was will can ' +
  'should need want think about really just also next last month year percent hundred thousand users admins ' +
  'process approval feedback issue fixed improved faster hours saved cost savings revenue growth goal plan'
).split(' ');

/** mulberry32: tiny, fast and good enough for test data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function vttTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}`;
}

function guid(random: () => number): string {
  const hex = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

/**
 * Generates a WebVTT transcript of about `targetBytes` (UTF-8; the text is ASCII)
 * or `durationMs` of meeting, whichever is reached first. Pass
 * `Number.POSITIVE_INFINITY` as `targetBytes` to size by duration only.
 * @example generateVtt(10 * 1024 * 1024, { speakers: 6, seed: 7 })
 * @example generateVtt(Number.POSITIVE_INFINITY, { durationMs: 4 * 3_600_000, style: 'teams' })
 */
export function generateVtt(targetBytes: number, options: GenerateVttOptions = {}): string {
  const { seed = 1, speakers = 4, durationMs = Number.POSITIVE_INFINITY, style = 'zoom', wordsPerCue = 32 } = options;
  if (!Number.isFinite(targetBytes) && !Number.isFinite(durationMs)) {
    throw new Error('generateVtt needs a finite targetBytes or durationMs.');
  }
  const random = createRandom(seed);
  const names = Array.from({ length: Math.max(2, Math.min(12, speakers)) }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(i * 7 + seed) % LAST_NAMES.length] as string;
    return `${first} ${last}`;
  });
  const parts: string[] = ['WEBVTT\n\n'];
  let bytes = parts[0]!.length;
  let clock = 1000 + Math.floor(random() * 5000);
  let speaker = 0;
  for (let cue = 1; bytes < targetBytes && clock < durationMs; cue++) {
    // Speakers usually alternate but sometimes keep the floor for a few cues, as people do.
    if (random() < 0.7) speaker = (speaker + 1 + Math.floor(random() * (names.length - 1))) % names.length;
    const wordCount = Math.max(3, Math.round(wordsPerCue * (0.4 + random() * 1.2)));
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(WORDS[Math.floor(random() * WORDS.length)] as string);
    const sentence = `${words.join(' ')}.`;
    const text = sentence.charAt(0).toUpperCase() + sentence.slice(1);
    const length = 400 * wordCount + Math.floor(random() * 800);
    const name = names[speaker] as string;
    const block =
      style === 'teams'
        ? `${guid(random)}/${cue}-0\n${vttTime(clock)} --> ${vttTime(clock + length)}\n<v ${name}>${text}</v>\n\n`
        : `${cue}\n${vttTime(clock)} --> ${vttTime(clock + length)}\n${name}: ${text}\n\n`;
    parts.push(block);
    bytes += block.length;
    clock += length + Math.floor(random() * 600);
  }
  return parts.join('');
}

/**
 * Transcripts for the language-model tests: the bundled example, and small
 * Zoom-style meetings written inline as speaker and text pairs (one cue
 * every 10 seconds, so every pair is its own turn when speakers alternate).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTranscript } from '../../src/core/transcript/index.js';
import type { Transcript } from '../../src/core/transcript/types.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'quest_enterprises_project_kickoff_transcript.vtt');

export function transcriptFromVtt(text: string, id = 't-test'): Transcript {
  return buildTranscript({ text, id, source: { kind: 'inline', name: null }, loadedAt: '2025-01-01T00:00:00.000Z' });
}

export function exampleTranscript(): Transcript {
  return transcriptFromVtt(readFileSync(EXAMPLE, 'utf8'), 't-example');
}

function stamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
}

/** A WebVTT meeting from `[speaker, text]` pairs. */
export function meeting(pairs: ReadonlyArray<readonly [string, string]>, id = 't-meeting'): Transcript {
  const cues = pairs.map(([speaker, text], i) => `${i + 1}\n${stamp(i * 10)} --> ${stamp(i * 10 + 8)}\n${speaker}: ${text}`);
  return transcriptFromVtt(`WEBVTT\n\n${cues.join('\n\n')}\n`, id);
}

/** A short customer call with a company, a contact, figures and a correction. */
export function shortCall(): Transcript {
  return meeting([
    ['Maya Lindgren', 'Thanks for joining, this is the kickoff for the Harborline rollout project today.'],
    ['Tom Okafor', 'Our company name is Harborline Logistics and we are headquartered in Rotterdam, Netherlands.'],
    ['Maya Lindgren', 'What was the main problem before you started with the new routing platform?'],
    ['Tom Okafor', 'The problem was manual planning in spreadsheets, which took our dispatchers hours every single morning.'],
    ['Maya Lindgren', 'And how many users are on the platform right now across the dispatch teams?'],
    ['Tom Okafor', 'We have 120 users on the platform now, and planning is 40 percent faster than before.'],
    ['Tom Okafor', 'Sorry, actually we have 140 users as of this week, the last two depots joined.'],
    ['Maya Lindgren', 'If everything goes well we could maybe save a million dollars next year, but that is a guess.'],
    ['Tom Okafor', 'The dashboard integration with our warehouse system went live last month and it works well.'],
    ['Maya Lindgren', 'Thank you, I appreciate the feedback, and we will share a screenshot of the dashboard later.'],
  ]);
}

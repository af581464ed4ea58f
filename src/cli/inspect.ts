/**
 * `inspect`: what a transcript file holds (format, duration, speakers with
 * talk share, counts, warnings). It parses the file and keeps nothing, so it
 * loads neither the workspace nor the search index.
 */

import { readTranscriptInput } from '../app/transcript-input.js';
import { talkSharesOf, transcriptStats } from '../core/analysis/stats.js';
import { summarizeTranscript } from '../core/analysis/summary.js';
import { buildTranscript } from '../core/transcript/build-transcript.js';
import type { Config } from '../config.js';
import { commandLineRoots, print } from './support.js';

export async function runInspect(config: Config, file: string, options: { json: boolean }): Promise<void> {
  const { text, source } = await readTranscriptInput({ path: file }, { roots: await commandLineRoots(config, file), maxBytes: config.maxTranscriptBytes, cwd: config.cwd });
  // Parsed and shown, never stored: no workspace, no search index, no id a user could use.
  const transcript = buildTranscript({ text, id: 'inspect', source, turnGapMs: config.turnGapMs, loadedAt: new Date().toISOString(), kept: false });
  const stats = transcriptStats(transcript);
  const summary = summarizeTranscript(transcript, talkSharesOf(stats));
  if (options.json) {
    const { resource_uri: _uri, transcript_id: _id, ...rest } = summary;
    print(JSON.stringify({ ...rest, stats }, null, 2));
    return;
  }
  const lines = [
    `${summary.title}`,
    `  format     ${summary.format}`,
    `  duration   ${summary.duration}`,
    `  cues       ${summary.cue_count}`,
    `  turns      ${summary.turn_count}`,
    `  words      ${summary.word_count}`,
    `  speakers   ${summary.speakers.length}`,
    ...stats.speakers.map((s) => `    ${s.name}${s.role ? ` (${s.role})` : ''}: ${Math.round(s.talk_share * 100)}% of talk, ${s.turns} turns, ${s.words} words`),
    `  warnings   ${summary.warnings.length}`,
    ...summary.warnings.map((w) => `    ${w.line ? `line ${w.line}: ` : ''}${w.message}`),
  ];
  print(lines.join('\n'));
}


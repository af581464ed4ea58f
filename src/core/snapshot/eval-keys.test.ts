/**
 * The offline engine against the answer keys: the real kickoff call
 * (quest-gold.json) and nine hand-written calls of other shapes (Teams voice
 * tags with GUID cue ids, Zoom `Name (Role):`, SRT, plain text with and without stamps), scored with the same
 * function as `npm run eval`. Targets: fields and facts >= 95 %, every search
 * question answered in the top 5, every quote grounded, nothing invented.
 */

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSnapshot, type AnswerKey } from '../../../scripts/eval-score.js';
import { TranscriptSearchIndex } from '../search/search-index.js';
import { buildTranscript } from '../transcript/build-transcript.js';
import { buildSnapshot } from './build.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');

const KEYS: Array<{ key: string; transcript: string }> = [
  { key: 'quest-gold.json', transcript: 'quest_enterprises_project_kickoff_transcript.vtt' },
  { key: 'eval/harborline-qbr-teams.gold.json', transcript: 'eval/harborline-qbr-teams.vtt' },
  { key: 'eval/brightwater-renewal-zoom.gold.json', transcript: 'eval/brightwater-renewal-zoom.vtt' },
  { key: 'eval/maple-finch-story.gold.json', transcript: 'eval/maple-finch-story.srt' },
  { key: 'eval/brandt-stamping-story.gold.json', transcript: 'eval/brandt-stamping-story.txt' },
  { key: 'eval/ridgemont-advising-teams.gold.json', transcript: 'eval/ridgemont-advising-teams.vtt' },
  { key: 'eval/tallgrass-fraud-review-zoom.gold.json', transcript: 'eval/tallgrass-fraud-review-zoom.vtt' },
  { key: 'eval/eastbrook-water-teams.gold.json', transcript: 'eval/eastbrook-water-teams.vtt' },
  { key: 'eval/almendro-hotels-stamped.gold.json', transcript: 'eval/almendro-hotels-stamped.txt' },
  { key: 'eval/cascade-mobile-zoom.gold.json', transcript: 'eval/cascade-mobile-zoom.vtt' },
];

describe.each(KEYS)('offline snapshot of $transcript', ({ key, transcript: file }) => {
  const answers = JSON.parse(readFileSync(join(FIXTURES, key), 'utf8')) as AnswerKey;
  const transcript = buildTranscript({
    text: readFileSync(join(FIXTURES, file), 'utf8'),
    id: 't1',
    source: { kind: 'file', name: basename(file) },
    loadedAt: '2025-01-01T00:00:00.000Z',
  });
  const snapshot = buildSnapshot(transcript, { id: 's1', now: '2025-01-01T00:00:00.000Z' });
  const index = new TranscriptSearchIndex();
  index.add(transcript);
  const score = scoreSnapshot(snapshot, answers, (query) => index.search(query, { limit: 5 }).map((hit) => hit.text));

  it('finds the fields the call states and invents none', () => {
    const misses = score.fields.checks.filter((check) => !check.pass).map((check) => `${check.id}: ${check.got}`);
    expect(misses).toEqual([]);
    expect(score.invented).toEqual([]);
  });

  it('covers the facts of the key', () => {
    expect(score.facts.checks.filter((check) => !check.pass).map((check) => check.id)).toEqual([]);
  });

  it('grounds every quote in its turn', () => {
    expect(score.groundedRatio).toBe(1);
    expect(snapshot.validation.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('answers every search question in the top 5', () => {
    expect(score.search!.checks.filter((check) => !check.pass).map((check) => check.id)).toEqual([]);
  });
});

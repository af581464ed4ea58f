import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../transcript/build-transcript.js';
import { TranscriptSearchIndex } from './search-index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

interface GoldQuery {
  query: string;
  any: string[];
}

const gold = JSON.parse(fixture('quest-gold.json')) as { search: GoldQuery[] };

describe('search on the real kickoff call (answer key)', () => {
  const index = new TranscriptSearchIndex();
  index.add(
    buildTranscript({
      text: fixture('quest_enterprises_project_kickoff_transcript.vtt'),
      id: 'kickoff',
      source: { kind: 'file', name: 'quest_enterprises_project_kickoff_transcript.vtt' },
      loadedAt: '2025-01-01T00:00:00.000Z',
    }),
  );

  it('has search questions to check', () => {
    expect(gold.search.length).toBeGreaterThan(0);
  });

  it.each(gold.search)('puts an answer to $query in the top 5 hits', ({ query, any }) => {
    const texts = index.search(query, { limit: 5 }).map((hit) => hit.text.replace(/\s+/g, ' ').toLowerCase());
    expect(texts.some((text) => any.some((answer) => text.includes(answer.toLowerCase())))).toBe(true);
  });
});

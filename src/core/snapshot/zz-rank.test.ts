import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildTranscript } from '../transcript/build-transcript.js';
import { analyseTranscript } from './analysis.js';
import { extractFields, supportingSentences } from './fields.js';
import { inverseDocumentFrequency, scoreSentences } from './section-ranking.js';
it('rank', () => {
  const f = process.env.F ?? 'test/fixtures/quest_enterprises_project_kickoff_transcript.vtt';
  const t = buildTranscript({ text: readFileSync(f,'utf8'), id: 'x', source: { kind: 'file', name: 'x.vtt' }, loadedAt: '2025-01-01T00:00:00Z' });
  const a = analyseTranscript(t);
  const { fields, candidates } = extractFields(a);
  const ctx = { analysis: a, fieldSupport: supportingSentences(candidates, fields), idf: inverseDocumentFrequency(a.sentences), used: new Map() };
  for (const slug of (process.env.S ?? 'background').split(',')) {
    console.log('### ' + slug);
    for (const r of scoreSentences(slug as never, ctx).slice(0, 8)) console.log(r.score.toFixed(2), r.sentence.speaker?.split(' ')[0], r.sentence.text.slice(0, 140));
  }
});

import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildTranscript } from '../transcript/build-transcript.js';
import { buildSnapshot } from './build.js';
it('scratch', () => {
for (const f of ['test/fixtures/quest_enterprises_project_kickoff_transcript.vtt','test/fixtures/eval/harborline-qbr-teams.vtt','test/fixtures/eval/brightwater-renewal-zoom.vtt','test/fixtures/eval/maple-finch-story.srt']) {
  const t = buildTranscript({ text: readFileSync(f,'utf8'), id: 'x', source: { kind: 'file', name: f.split('/').pop()! }, loadedAt: '2025-01-01T00:00:00Z' });
  let s = buildSnapshot(t, { id: 's', now: '2025-01-01T00:00:00Z' });
  const t0 = performance.now();
  for (let i=0;i<5;i++) s = buildSnapshot(t, { id: 's', now: '2025-01-01T00:00:00Z' });
  const out = [`# ${s.title} (${((performance.now()-t0)/5).toFixed(1)} ms)`, JSON.stringify(s.validation), ''];
  for (const sec of s.sections) out.push(`## ${sec.title}  (conf ${sec.confidence}; missing ${sec.missing_fields.join(',')}; ${sec.evidence.length} ev)`, sec.content, '');
  writeFileSync('/tmp/snap-' + f.split('/').pop() + '.md', out.join('\n'));
}
});

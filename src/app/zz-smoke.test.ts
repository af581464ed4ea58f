import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildTranscript } from '../core/transcript/index.js';
import { createSilentLogger } from '../logger.js';
import { startFakeAnthropic } from '../../test/fakes/fake-anthropic.js';
import { generateSnapshotWithEngine } from './llm-snapshot.js';
import { DEFAULT_LLM_SETTINGS } from './llm-settings.js';

it('smoke', async () => {
  const t = buildTranscript({ text: readFileSync('test/fixtures/quest_enterprises_project_kickoff_transcript.vtt', 'utf8'), id: 't1', source: { kind: 'file', name: 'x.vtt' }, loadedAt: new Date(0).toISOString() } as any);
  const fake = await startFakeAnthropic({ apiKey: 'k', latencyMs: 20 });
  const s = await generateSnapshotWithEngine(t, { engine: 'anthropic', settings: { ...DEFAULT_LLM_SETTINGS, anthropicApiKey: 'k', anthropicBaseUrl: fake.url, maxRetries: 0 }, id: 's', now: new Date(0).toISOString(), logger: createSilentLogger(), onProgress: (d, tot, m) => console.log(d, tot, m) });
  console.log(s.engine, s.metrics, fake.requests.length, fake.maxInFlight, fake.requests.map(r => r.task));
  console.log(JSON.stringify(s.validation, null, 1));
  for (const sec of s.sections) console.log('##', sec.slug, sec.confidence, '\n', sec.content.slice(0, 500));
  console.log('seen', fake.turnsSeen().size, t.turns.length);
  await fake.close();
});

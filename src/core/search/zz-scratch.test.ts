import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TranscriptSearchIndex } from './search-index.js';
import type { Transcript, Turn } from '../transcript/types.js';

function ms(t: string) { const [h, m, s] = t.split(':'); return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000; }
import { buildTranscript } from '../transcript/build-transcript.js';
function load(): Transcript {
  return buildTranscript({ text: readFileSync('test/fixtures/quest_enterprises_project_kickoff_transcript.vtt', 'utf8'), id: 'quest', source: { kind: 'file', name: 'q.vtt' }, loadedAt: '' });
}
function loadOld(): Transcript {
  const raw = readFileSync('test/fixtures/quest_enterprises_project_kickoff_transcript.vtt', 'utf8');
  const blocks = raw.split(/\n\s*\n/).slice(1);
  const turns: Turn[] = [];
  for (const b of blocks) {
    const lines = b.trim().split('\n');
    const ti = lines.findIndex((l) => l.includes('-->'));
    if (ti < 0) continue;
    const [a, z] = lines[ti]!.split(' --> ');
    let text = lines.slice(ti + 1).join(' ').replace(/^\d+:/, '');
    const m = /^([^:]{1,40}): (.*)$/.exec(text);
    const speaker = m ? m[1]! : null; text = m ? m[2]! : text;
    const last = turns.at(-1);
    if (last && last.speaker === speaker) { last.text += ' ' + text; last.endMs = ms(z!.trim()); continue; }
    turns.push({ index: turns.length, speaker, startMs: ms(a!.trim()), endMs: ms(z!.trim()), text, firstCue: 0, lastCue: 0 });
  }
  return { id: 'quest', title: 'q', source: { kind: 'file', name: 'q' }, format: 'vtt', cues: [], turns, speakers: [], durationMs: null, wordCount: 0, warnings: [], loadedAt: '' };
}

it('scratch', () => {
  const t = load();
  console.log('turns', t.turns.length);
  const index = new TranscriptSearchIndex();
  index.add(t);
  const gold = JSON.parse(readFileSync('test/fixtures/quest-gold.json', 'utf8')).search as { query: string; any: string[] }[];
  const extra = [
    ['Where is Bob located?', 'here in Boston'],
    ["who is Andrew Neighbor's manager", 'Shannon Stone is Andrew'],
    ['what training will Franklin attend', 'Virtual Instructor-Led'],
    ["what is the dog's name", 'dog, Sadie'],
    ['support ticket number', 'Support Ticket Number'],
    ['who will maintain the dashboard', 'maintaining the Booking'],
    ['what is Franklin background', 'background in programming'],
    ['project start date', 'July 14, 2024'],
    ['who is the decision maker', 'decision maker'],
    ["what time is Franklin's team call", '9:30 a.m.'],
    ['what is wrong with the ServiceNow connector', "doesn't work properly"],
    ['how many billable hours', 'billable hours'],
  ].map(([query, a]) => ({ query: query!, any: [a!] }));
  const verbose = process.env.V === '1';
  for (const { query, any } of [...gold, ...extra]) {
    const hits = index.search(query, { limit: 10 });
    const rank = hits.findIndex((h) => any.some((s) => h.text.toLowerCase().includes(s.toLowerCase())));
    console.log(`\n### ${query} -> rank ${rank + 1}`);
    if (verbose || rank < 0 || rank > 2) for (const h of hits) console.log(`  ${h.score.toFixed(2)} #${h.turnIndex} ${h.speaker}: ${h.text.slice(0, 400)}`);
  }
});

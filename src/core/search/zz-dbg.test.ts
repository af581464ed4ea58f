import { it } from 'vitest';
import { TranscriptSearchIndex } from './search-index.js';
it('dbg', () => {
  const sp = ['Eli Park', 'Dana Cole', 'Eli Park', 'Dana Cole', 'Eli Park', 'Dana Cole'];
  const mk = (texts: string[]) => ({ id: 'x', title: 'x', source: { kind: 'inline' as const, name: null }, format: 'vtt' as const, cues: [], speakers: [], durationMs: null, wordCount: 0, warnings: [], loadedAt: '',
    turns: texts.map((text, index) => ({ index, speaker: sp[index]!, startMs: index * 1000, endMs: index * 1000 + 900, text, firstCue: index, lastCue: index })) });
  const i = new TranscriptSearchIndex();
  i.add(mk([
    'Pricing is based on the number of seats.',
    'The forecast is based on last year.',
    'Thanks, Dana, that helps.',
    'Sure. I am based in Lisbon these days.',
    'Great, let us move on to the renewal.',
    'The renewal is due in March.',
  ]));
  console.log(i.search('Where is Dana based?').map(h => [h.score, h.text.slice(0, 30)]));
});

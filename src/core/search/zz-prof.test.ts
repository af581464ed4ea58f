import { it } from 'vitest';
import { generateVtt } from '../../../bench/generate.js';
import { buildTranscript } from '../transcript/build-transcript.js';
import { forEachTerm } from './analyze.js';
import { buildSegment } from './segment.js';
it('prof', () => {
  const big = buildTranscript({ text: generateVtt(10 * 1024 * 1024, { speakers: 6, seed: 7 }), id: 'big', source: { kind: 'inline', name: null }, loadedAt: '' });
  for (let r = 0; r < 3; r++) {
    let t = performance.now(); let n = 0;
    for (const turn of big.turns) forEachTerm(turn.text, () => { n++; });
    const tok = performance.now() - t;
    t = performance.now(); let m = 0;
    const re = /[\p{L}\p{N}]+/gu;
    for (const turn of big.turns) { re.lastIndex = 0; while (re.exec(turn.text)) m++; }
    const rx = performance.now() - t;
    t = performance.now();
    buildSegment(big, 0);
    console.log({ n, m, tokenizeMs: tok, bareRegexMs: rx, segmentMs: performance.now() - t });
  }
}, 120000);

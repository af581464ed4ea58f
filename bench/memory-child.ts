/**
 * Child process of the memory benchmark: `node --expose-gc [--max-old-space-size=N] memory-child.js <file> <loads> <principals>`.
 * Loads the file through a workspace with the default limits: first a few
 * times for one principal (nothing evicted) to measure the memory retained
 * per input byte, then `loads` times round-robin over `principals` to see the
 * budget hold. Prints JSON.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../src/app/workspace.js';
import { loadConfig } from '../src/config.js';
import { createSilentLogger } from '../src/logger.js';

const [file, loadsArg, principalsArg] = process.argv.slice(2) as [string, string, string];
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');
const config = loadConfig({ TRANSCRIPT_ROOTS: path.dirname(file) }, path.dirname(file));
const workspace = new Workspace({ config, logger: createSilentLogger() });
const inputBytes = statSync(file).size;
const load = (principal: string) => workspace.session(principal).loadTranscript({ path: file }, { roots: config.transcriptRoots });
const retained = () => {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const RETENTION_LOADS = 3;
const before = retained();
for (let i = 0; i < RETENTION_LOADS; i++) await load('retention');
const retainedPerInputByte = (retained() - before) / (RETENTION_LOADS * inputBytes);

let peakRss = 0;
for (let i = 0; i < Number(loadsArg); i++) {
  await load(`p${i % Number(principalsArg)}`);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const kept = workspace.session('p0').listTranscripts().length;
const liveAtEnd = retained();
process.stdout.write(
  JSON.stringify({
    retained_per_input_byte: retainedPerInputByte,
    peak_rss_mb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    live_mb_at_end: liveAtEnd / 1024 / 1024,
    stored_mb: workspace.storedBytes / 1024 / 1024,
    budget_mb: config.storeMaxBytes / 1024 / 1024,
    kept_by_first_principal: kept,
  }),
);

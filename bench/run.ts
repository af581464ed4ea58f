/**
 * `npm run bench`: every speed and memory figure, printed as one table per
 * area. Targets live here and in the issue notes, never in timed tests.
 * Run from the package root after `npm run build`.
 */

import { benchApp } from './app.bench-lib.js';
import { benchHttp } from './http.bench-lib.js';
import { benchLlm } from './llm.bench-lib.js';
import { benchParse } from './parse.bench-lib.js';
import { benchSearch } from './search.bench-lib.js';
import { benchStartup } from './startup.bench-lib.js';

const areas: Array<[string, () => Promise<Record<string, number | string>>]> = [
  ['Parsing', benchParse],
  ['Search', benchSearch],
  ['Load, snapshot, CLI', benchApp],
  ['Start-up', benchStartup],
  ['Language model (fake API)', benchLlm],
  ['HTTP load', benchHttp],
];

const only = process.argv.slice(2);
for (const [name, run] of areas) {
  if (only.length > 0 && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
  const figures = await run();
  console.log(`\n## ${name}`);
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(width)}  ${value}`);
}

#!/usr/bin/env node
/**
 * Bundles the command line after `tsc` (the last step of `npm run build`):
 * `dist/cli/main.js` becomes one ES module with the parser and `main`, and
 * each command's code (and the libraries it uses) a chunk in `dist/chunks/`
 * that the command imports when it runs. A cold start then reads a handful of
 * files instead of some three hundred modules (zod alone is about a hundred),
 * which is most of what Node spends before the first line of a command runs.
 *
 * The rest of `dist/` is tsc's output as before (the library entry
 * `dist/server/create-server.js`, and what tests import). Chunks sit at the
 * same depth as `dist/app/`, so paths built from `import.meta.url` (the bundled
 * examples) resolve alike. Left to Node: pino (CommonJS that starts worker
 * threads by file name), chrono-node (required on first use, see
 * core/snapshot/dates.ts) and gpt-tokenizer (megabytes of tables, only for
 * model engines). `dist/chunks/inputs.json` names the sources of every output
 * file, so test/e2e/cli-start.test.ts can still tell which modules a command
 * loaded.
 */

import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const CHUNKS = path.join(DIST, 'chunks');

rmSync(CHUNKS, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: DIST,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pino', 'chrono-node', 'gpt-tokenizer'],
  // commander and a few others are CommonJS inside: their `require` of Node built-ins needs a real one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});

const inputsOf = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [path.relative(DIST, path.join(ROOT, file)), Object.keys(output.inputs)]));
writeFileSync(path.join(CHUNKS, 'inputs.json'), `${JSON.stringify(inputsOf, null, 1)}\n`);

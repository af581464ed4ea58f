#!/usr/bin/env node
/**
 * Bundles the command line after `tsc` (the last step of `npm run build`):
 * `dist/cli/main.js` becomes one ES module with the parser and `main`, and
 * each command's code (and the libraries it uses) a chunk in `dist/chunks/`
 * that the command imports when it runs. A cold start then reads a few dozen
 * files instead of some 280 modules (zod alone is about a hundred, chrono-node
 * fifty): 10 to 20 % of a cold snapshot's CPU went to resolving and reading them.
 *
 * The rest of `dist/` is tsc's output as before (the library entry
 * `dist/server/create-server.js`, and what tests import). Chunks sit at the
 * same depth as `dist/app/`, so paths built from `import.meta.url` (the bundled
 * examples) resolve alike. Left to Node: gpt-tokenizer (megabytes of tables,
 * only for model engines); chrono-node is bundled on its own (below). pino is
 * bundled as the logger uses it, writing in-process; a pino transport would
 * start a worker thread from a file the bundle does not hold (pino documents
 * how to bundle those), so adding one means revisiting this. `dist/chunks/inputs.json` names the sources of every output
 * file, so test/e2e/cli-start.test.ts can still tell which modules a command
 * loaded.
 */

import { writeFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const CHUNKS = path.join(DIST, 'chunks');

/**
 * chrono-node is required on first use (core/snapshot/dates.ts), so a server
 * that never reads a date never loads it; Node would then read its fifty
 * CommonJS files. The bundle requires one file built from them instead, at the
 * same moment: the specifier is swapped in the bundled copy of dates.ts only.
 */
const CHRONO = { specifier: "createRequire(import.meta.url)('chrono-node/en')", bundle: 'chunks/chrono-en.cjs' };

const chronoInOneFile = {
  name: 'chrono-in-one-file',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]snapshot[\\/]dates\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // A dates.ts that no longer loads chrono this way must fail the build, not quietly load the fifty files again.
      if (source.split(CHRONO.specifier).length !== 2) throw new Error(`${args.path} no longer holds ${CHRONO.specifier} once: update scripts/bundle-cli.mjs`);
      return { contents: source.replace(CHRONO.specifier, `createRequire(import.meta.url)('./${path.basename(CHRONO.bundle)}')`), loader: 'ts' };
    });
  },
};

rmSync(CHUNKS, { recursive: true, force: true });
const chrono = await build({
  absWorkingDir: ROOT,
  stdin: { contents: "module.exports = require('chrono-node/en');", resolveDir: ROOT, loader: 'js' },
  outfile: path.join(DIST, CHRONO.bundle),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
});
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
  external: ['gpt-tokenizer'],
  // commander and a few others are CommonJS inside: their `require` of Node built-ins needs a real one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  plugins: [chronoInOneFile],
});

const outputs = { ...result.metafile.outputs, ...chrono.metafile.outputs };
const inputsOf = Object.fromEntries(Object.entries(outputs).map(([file, output]) => [path.relative(DIST, path.join(ROOT, file)), Object.keys(output.inputs)]));
writeFileSync(path.join(CHUNKS, 'inputs.json'), `${JSON.stringify(inputsOf, null, 1)}\n`);

/**
 * A fast start: each command of the built CLI loads only what it uses. The
 * CLI runs under a module hook that records every module it resolves, so the
 * test sees what a user's process loads (times are the benchmark's business).
 * The CLI is bundled (scripts/bundle-cli.mjs): a loaded bundle file stands for
 * the sources it was built from, as listed in `dist/chunks/inputs.json`, so
 * each check names sources (`/src/...`, `/node_modules/...`) either way.
 */

import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEST_VTT } from '../support/harness.js';
import { CLI, PACKAGE_ROOT, serverEnv } from '../support/spawn.js';

const run = promisify(execFile);

const HOOKS = `
import { appendFileSync } from 'node:fs';
let traceFile;
export function initialize(data) { traceFile = data.traceFile; }
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(traceFile, resolved.url + '\\n');
  return resolved;
}
`;

/** Modules no file command needs: the MCP SDK, both model SDKs, the tokenizer. */
const SERVER_AND_MODEL_MODULES = ['/node_modules/@modelcontextprotocol/', '/node_modules/@anthropic-ai/', '/node_modules/openai/', '/node_modules/gpt-tokenizer/'];

const DIST = path.join(PACKAGE_ROOT, 'dist');

describe('CLI start-up', () => {
  let dir: string;
  let traceCount = 0;
  /** Bundle file (relative to dist/) -> the sources in it (relative to the package root). */
  let bundleInputs: Record<string, string[]>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cli-start-'));
    await writeFile(path.join(dir, 'hooks.mjs'), HOOKS);
    bundleInputs = JSON.parse(await readFile(path.join(DIST, 'chunks', 'inputs.json'), 'utf8')) as Record<string, string[]>;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The traced URLs, each bundle file replaced by the sources it holds (`/src/cli/main.ts`, `/node_modules/zod/...`). */
  async function modulesIn(traceFile: string): Promise<string[]> {
    const urls = (await readFile(traceFile, 'utf8')).split('\n').filter(Boolean);
    return urls.flatMap((url) => {
      const inputs = url.startsWith('file:') ? bundleInputs[path.relative(DIST, fileURLToPath(url))] : undefined;
      return inputs ? inputs.map((input) => `/${input}`) : [url];
    });
  }

  /** Runs the CLI and returns the modules it loaded. */
  async function modulesLoadedBy(args: string[]): Promise<string[]> {
    const traceFile = path.join(dir, `trace-${traceCount++}.txt`);
    await writeFile(traceFile, '');
    await run(process.execPath, [...tracing(traceFile), CLI, ...args], { env: serverEnv({ LOG_LEVEL: 'warn' }), maxBuffer: 20 * 1024 * 1024 });
    return modulesIn(traceFile);
  }

  /**
   * Node flags that record every ES module resolved, and the file of every
   * CommonJS `require` (chrono-node is required when a date is first read).
   */
  function tracing(traceFile: string): string[] {
    const register = `
      import { register } from 'node:module';
      import { appendFileSync } from 'node:fs';
      import Module from 'node:module';
      register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)}, { data: { traceFile: ${JSON.stringify(traceFile)} } });
      const require = Module.prototype.require;
      Module.prototype.require = function (id) {
        const file = Module._resolveFilename(id, this);
        appendFileSync(${JSON.stringify(traceFile)}, (file.startsWith('/') ? 'file://' + file : file) + '\\n');
        return require.call(this, id);
      };`;
    return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
  }

  /** Starts the stdio server, waits for its answer to `initialize`, stops it, and returns what it had loaded by then. */
  async function modulesLoadedToInitialize(): Promise<string[]> {
    const traceFile = path.join(dir, `trace-${traceCount++}.txt`);
    await writeFile(traceFile, '');
    const child = spawn(process.execPath, [...tracing(traceFile), CLI, 'serve'], { env: serverEnv({ LOG_LEVEL: 'warn' }), stdio: ['pipe', 'pipe', 'ignore'] });
    const answered = new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"id":1')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before answering initialize`)));
    });
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'cli-start-test', version: '1.0.0' } } };
    try {
      child.stdin.write(`${JSON.stringify(initialize)}\n`);
      await answered;
      return await modulesIn(traceFile);
    } finally {
      child.kill();
    }
  }

  const loadedAny = (modules: string[], fragments: string[]) => fragments.filter((fragment) => modules.some((url) => url.includes(fragment)));

  it('runs the bundled CLI, whose files the trace can name', async () => {
    expect(bundleInputs['cli/main.js']).toContain('src/cli/main.ts');
    // tsc alone writes an unbundled dist/cli/main.js over the bundle: `npm run build` makes both.
    expect(await modulesLoadedBy(['--help']), 'dist/cli/main.js is not the bundle: run npm run build').toContain('/src/cli/main.ts');
  });

  it('--help loads the command parser and nothing of the product', async () => {
    const modules = await modulesLoadedBy(['--help']);
    expect(modules.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
    expect(loadedAny(modules, [...SERVER_AND_MODEL_MODULES, '/node_modules/zod/', '/node_modules/pino/', '/node_modules/chrono-node/', '/src/config.ts', '/src/app/workspace.ts'])).toEqual([]);
  });

  it('inspect parses the file without the workspace, the search index, the snapshot engine or a schema library', async () => {
    const modules = await modulesLoadedBy(['inspect', QUEST_VTT, '--json']);
    expect(modules.some((url) => url.includes('/src/core/transcript/'))).toBe(true);
    expect(modules.some((url) => url.includes('/src/config.ts'))).toBe(true);
    expect(loadedAny(modules, [...SERVER_AND_MODEL_MODULES, '/src/app/workspace.ts', '/src/core/search/', '/src/core/snapshot/', '/node_modules/chrono-node/', '/node_modules/pino/', '/node_modules/zod/'])).toEqual([]);
  });

  it('the stdio server answers initialize before loading the date parser, which the example snapshot then requires', async () => {
    const atInitialize = await modulesLoadedToInitialize();
    expect(atInitialize.some((url) => url.includes('/node_modules/@modelcontextprotocol/server/'))).toBe(true);
    expect(loadedAny(atInitialize, ['chrono-node'])).toEqual([]);
    // The trace sees the require, so the check above can fail: the example states dates.
    expect(loadedAny(await modulesLoadedBy(['snapshot', QUEST_VTT, '--format', 'json', '--engine', 'offline']), ['chrono-node'])).toEqual(['chrono-node']);
  });

  it('an offline snapshot loads neither the MCP SDK nor a model SDK, nor the model code, the Zoom client, a schema library or the logger it has no line for', async () => {
    const modules = await modulesLoadedBy(['snapshot', QUEST_VTT, '--format', 'json', '--engine', 'offline']);
    expect(modules.some((url) => url.includes('/src/core/snapshot/'))).toBe(true);
    expect(
      loadedAny(modules, [...SERVER_AND_MODEL_MODULES, '/src/app/llm-snapshot.ts', '/src/core/llm/schemas.ts', '/src/adapters/zoom/zoom-client.ts', '/src/app/vendor-profile.ts', '/node_modules/zod/', '/node_modules/pino/']),
    ).toEqual([]);
  });

  it('a snapshot with --vendor loads the schema that reads the profile', async () => {
    const modules = await modulesLoadedBy(['snapshot', QUEST_VTT, '--format', 'json', '--engine', 'offline', '--vendor', 'Fabrikam']);
    expect(loadedAny(modules, ['/src/app/vendor-profile.ts', '/node_modules/zod/'])).toEqual(['/src/app/vendor-profile.ts', '/node_modules/zod/']);
  });
});

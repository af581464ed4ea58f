#!/usr/bin/env node
/**
 * Runs the official MCP conformance suite (@modelcontextprotocol/conformance)
 * against our Streamable HTTP server: `npm run conformance` builds, then calls
 * this script. The suite needs Node 22 while the project stays on Node 20, so
 * both the suite and a Node 22 binary are installed on demand into the
 * gitignored `.conformance/` folder (pinned versions; skipped when present).
 * The server runs from `dist/` on a free loopback port with a clean
 * environment (no credentials, offline engine, demo transcript loaded); the
 * suite checks it against `conformance/expected-failures.yml` and this script
 * exits with the suite's code. Extra arguments go to the suite, e.g.
 * `npm run conformance -- --scenario ping --verbose`. Results land in
 * `.conformance/results/`, the server's log in `.conformance/server.log`.
 */

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The versions this setup was tested with; bump both here and re-check the baseline. */
const SUITE_VERSION = '0.1.16';
const NODE22_VERSION = '22.23.3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(ROOT, '.conformance');
const NODE22 = path.join(TOOLS_DIR, 'node_modules', '.bin', 'node');
const SUITE_PACKAGE_DIR = path.join(TOOLS_DIR, 'node_modules', '@modelcontextprotocol', 'conformance');
const SUITE_CLI = path.join(SUITE_PACKAGE_DIR, 'dist', 'index.js');
const BASELINE = path.join(ROOT, 'conformance', 'expected-failures.yml');
const RESULTS_DIR = path.join(TOOLS_DIR, 'results');
const SERVER_LOG = path.join(TOOLS_DIR, 'server.log');
const SERVER_ENTRY = path.join(ROOT, 'dist', 'cli', 'main.js');
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

function say(message) {
  process.stderr.write(`[conformance] ${message}\n`);
}

/** Children to end if this script dies or is interrupted before it stops them itself. */
const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function installedVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function node22Works() {
  const probe = spawnSync(NODE22, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === `v${NODE22_VERSION}`;
}

function toolsReady() {
  return installedVersion(SUITE_PACKAGE_DIR) === SUITE_VERSION && existsSync(SUITE_CLI) && node22Works();
}

/** Installs into `.conformance/` only, never into the project's own node_modules or package.json. */
function ensureTools() {
  if (toolsReady()) return;
  say(`installing node@${NODE22_VERSION} and @modelcontextprotocol/conformance@${SUITE_VERSION} into .conformance/`);
  mkdirSync(TOOLS_DIR, { recursive: true });
  const install = spawnSync(
    'npm',
    ['install', '--prefix', TOOLS_DIR, '--loglevel=error', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node@${NODE22_VERSION}`, `@modelcontextprotocol/conformance@${SUITE_VERSION}`],
    { cwd: TOOLS_DIR, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (install.status !== 0 || !toolsReady()) throw new Error('installing the conformance tools failed (see npm output above).');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Only what the server needs: none of the caller's API keys or tokens reach it. */
function serverEnvironment() {
  return {
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'info',
    SNAPSHOT_ENGINE: 'offline',
    MCP_HTTP_SHUTDOWN_GRACE_SECONDS: '2',
  };
}

function startServer(port) {
  if (!existsSync(SERVER_ENTRY)) throw new Error('dist/cli/main.js is missing: run `npm run build` first (npm run conformance does).');
  const log = openSync(SERVER_LOG, 'w');
  const child = track(
    spawn(process.execPath, [SERVER_ENTRY, 'serve', '--http', '--host', HOST, '--port', String(port), '--demo'], {
      cwd: ROOT,
      env: serverEnvironment(),
      stdio: ['ignore', log, log],
    }),
  );
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited };
}

function serverLogTail() {
  try {
    return readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitUntilHealthy(port, server) {
  let exit;
  void server.exited.then((outcome) => {
    exit = outcome;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`the server exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${serverLogTail()}`);
    try {
      const response = await fetch(`http://${HOST}:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /healthz within ${READY_TIMEOUT_MS / 1000} s:\n${serverLogTail()}`);
}

async function stopServer(server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  let timer;
  const gaveUp = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), STOP_TIMEOUT_MS);
  });
  const stopped = await Promise.race([server.exited, gaveUp]);
  clearTimeout(timer);
  if (!stopped) {
    say('the server did not stop after SIGTERM; killing it');
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

function runSuite(url, extraArgs) {
  return new Promise((resolve, reject) => {
    const args = [SUITE_CLI, 'server', '--url', url, '--expected-failures', BASELINE, '--output-dir', RESULTS_DIR, ...extraArgs];
    const suite = track(spawn(NODE22, args, { cwd: ROOT, stdio: 'inherit' }));
    suite.once('error', reject);
    // Killed by a signal: no exit code, and certainly no pass.
    suite.once('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  const started = Date.now();
  ensureTools();
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  const port = await freePort();
  const server = startServer(port);
  let exitCode = 1;
  try {
    await waitUntilHealthy(port, server);
    const url = `http://${HOST}:${port}/mcp`;
    say(`server ready at ${url}; running the suite (${SUITE_VERSION}) under Node ${NODE22_VERSION}`);
    exitCode = await runSuite(url, process.argv.slice(2));
  } finally {
    await stopServer(server);
  }
  say(`suite exit code ${exitCode}; ${((Date.now() - started) / 1000).toFixed(1)} s; results in .conformance/results/, server log in .conformance/server.log`);
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
/**
 * The command line: `serve` (default; the MCP server on stdio), `inspect`,
 * `search` and `snapshot` on a local file. Exit codes: 0 ok, 1 bad input,
 * 2 usage. Dependencies are built here and passed down.
 *
 * A fast start: this module loads only commander. Configuration is read when
 * a command runs (never for `--help`), and each command imports its own
 * module, so `inspect` never loads the MCP SDK, the model SDKs or the
 * snapshot engine.
 */

import module from 'node:module';
import v8 from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import type { Config } from '../config.js';
import { loadEnvFile, type EnvFileOutcome } from './env-file.js';
import { isAppError } from '../core/errors.js';
import { PACKAGE_VERSION } from '../version.js';
import { SNAPSHOT_ENGINES } from '../app/engines.js';
import type { VendorProfile } from '../core/snapshot/types.js';

// Node 22.1+ keeps V8's compiled code of the modules each command loads next (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so later starts skip compiling them; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// V8 first runs a regular expression in its interpreter and compiles it to machine code on the second use; the engine and chrono-node run many large ones only a few times each, so a cold snapshot compiled most of them twice (about 15 % of its CPU). Read by V8 whenever a pattern first runs, so setting it now is safe.
v8.setFlagsFromString('--no-regexp-tier-up');

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command()
    .name('mcp-snapshot-server')
    .description('MCP server and CLI: meeting transcripts into cited answers and Customer Success Snapshots.')
    .version(PACKAGE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) });

  program
    .command('serve', { isDefault: true })
    .description('Run the MCP server: on stdio (the default with no command), or as a shared team server over Streamable HTTP.')
    .option('--demo', 'preload the bundled example transcript as demo-quest (same as DEMO_MODE=true)')
    .option('--http', 'serve Streamable HTTP at /mcp instead of stdio')
    .option('--host <host>', 'HTTP bind address (default MCP_HTTP_HOST, 127.0.0.1)')
    .option('--port <port>', 'HTTP port (default MCP_HTTP_PORT, 3333)', (value) => {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CommanderError(EXIT_USAGE, 'usage', '--port must be a whole number from 0 to 65535');
      return port;
    })
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (default MCP_HTTP_TLS_CERT_FILE); reread on SIGHUP')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert (default MCP_HTTP_TLS_KEY_FILE)')
    .option('--behind-tls-proxy', 'a proxy in front terminates TLS: allow plain HTTP beyond loopback (same as MCP_HTTP_BEHIND_TLS_PROXY=true)')
    .action(async (options: { demo?: boolean; http?: boolean; host?: string; port?: number; tlsCert?: string; tlsKey?: string; behindTlsProxy?: boolean }) => {
      const config = await startup();
      const { runServe, runServeHttp } = await import('./commands.js');
      const demo = Boolean(options.demo) || config.demoMode;
      if (options.http) {
        const certFile = options.tlsCert ?? config.http.tlsCertFile;
        const keyFile = options.tlsKey ?? config.http.tlsKeyFile;
        if ((certFile === undefined) !== (keyFile === undefined)) throw new CommanderError(EXIT_USAGE, 'usage', 'give both --tls-cert and --tls-key (or MCP_HTTP_TLS_CERT_FILE and MCP_HTTP_TLS_KEY_FILE)');
        const tls = certFile !== undefined && keyFile !== undefined ? { certFile, keyFile } : undefined;
        const behindTlsProxy = Boolean(options.behindTlsProxy) || config.http.behindTlsProxy;
        return runServeHttp(config, { demo, host: options.host ?? config.http.host, port: options.port ?? config.http.port, tls, behindTlsProxy });
      }
      if ([options.host, options.port, options.tlsCert, options.tlsKey, options.behindTlsProxy].some((value) => value !== undefined)) {
        throw new CommanderError(EXIT_USAGE, 'usage', '--host, --port, --tls-cert, --tls-key and --behind-tls-proxy go with --http');
      }
      return runServe(config, { demo });
    });

  program
    .command('inspect')
    .description('Show format, duration, speakers with talk share, cues, turns and warnings of a transcript file.')
    .argument('<file>', 'a .vtt, .srt or .txt transcript')
    .option('--json', 'print JSON instead of text')
    .action(async (file: string, options: { json?: boolean }) => {
      const config = await startup({ workspace: false });
      const { runInspect } = await import('./inspect.js');
      return runInspect(config, file, { json: Boolean(options.json) });
    });

  program
    .command('search')
    .description('Ranked search in a transcript file: hits with timestamps and speakers.')
    .argument('<file>', 'a .vtt, .srt or .txt transcript')
    .argument('<query...>', 'words or a question')
    .option('-n, --limit <n>', 'how many hits', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 50) throw new CommanderError(EXIT_USAGE, 'usage', '--limit must be a whole number from 1 to 50');
      return n;
    }, 10)
    .option('--json', 'print JSON instead of text')
    .action(async (file: string, query: string[], options: { limit: number; json?: boolean }) => {
      const config = await startup();
      const { runSearch } = await import('./workspace-commands.js');
      return runSearch(config, file, query.join(' '), options);
    });

  program
    .command('snapshot')
    .description('Write the Customer Success Snapshot of a transcript file.')
    .argument('<file>', 'a .vtt, .srt or .txt transcript')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'markdown', 'json', 'html']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .addOption(new Option('-e, --engine <engine>', 'snapshot engine (default SNAPSHOT_ENGINE, auto)').choices([...SNAPSHOT_ENGINES]))
    .option('--mask-pii', 'mask e-mail addresses and phone numbers in the snapshot (default MASK_PII)')
    .option('--vendor <name>', 'your company (or its JSON profile, as SNAPSHOT_VENDOR), so the snapshot tells your side from the customer\'s (default SNAPSHOT_VENDOR)')
    .action(async (file: string, options: { format: string; out?: string; engine?: string; maskPii?: boolean; vendor?: string }) => {
      const config = await startup();
      const vendor = options.vendor === undefined ? undefined : await vendorFlag(options.vendor);
      const { runSnapshot } = await import('./workspace-commands.js');
      return runSnapshot(config, file, { ...options, engine: options.engine ?? config.snapshotEngine, maskPii: options.maskPii ?? config.maskPii, vendor });
    });

  const zoom = program.command('zoom').description('Zoom cloud recordings (needs ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).');
  zoom
    .command('list')
    .description('List recorded meetings that have a transcript (default: the last 30 days).')
    .option('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD')
    .option('--user <id>', 'Zoom user id or e-mail (default ZOOM_DEFAULT_USER_ID)')
    .option('--all', 'also list recordings without a transcript')
    .option('--json', 'print JSON instead of text')
    .action(async (options: { from?: string; to?: string; user?: string; all?: boolean; json?: boolean }) => {
      const config = await startup();
      const { runZoomList } = await import('./workspace-commands.js');
      return runZoomList(config, options);
    });
  zoom
    .command('import')
    .description('Download a meeting\'s transcript; print its summary, or its snapshot with --snapshot.')
    .argument('<meeting>', 'meeting uuid (from zoom list) or meeting id')
    .option('--snapshot', 'write the snapshot instead of the summary')
    .addOption(new Option('-f, --format <format>', 'snapshot format').choices(['md', 'markdown', 'json', 'html']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--mask-pii', 'with --snapshot: mask e-mail addresses and phone numbers (default MASK_PII)')
    .action(async (meeting: string, options: { snapshot?: boolean; format: string; out?: string; maskPii?: boolean }) => {
      const config = await startup();
      const { runZoomImport } = await import('./workspace-commands.js');
      return runZoomImport(config, meeting, { ...options, maskPii: options.maskPii ?? config.maskPii });
    });

  return program;
}

/** `--vendor`: a company name, or its JSON profile as SNAPSHOT_VENDOR takes it; read after startup so `--help` never loads the schema. */
async function vendorFlag(value: string): Promise<VendorProfile> {
  const { parseVendorSetting } = await import('../app/vendor-profile.js');
  const vendor = parseVendorSetting(value);
  if (!vendor) throw new CommanderError(EXIT_USAGE, 'usage', '--vendor must be a company name (up to 120 characters) or a JSON profile {"company": "...", "aliases": [...], "products": [...], "domains": [...]}');
  return vendor;
}

/** A configuration that cannot be used: the command never starts (exit 2). */
class StartupError extends Error {
  constructor(readonly reason: unknown) {
    super('startup failed');
  }
}

/** The configuration of the running command, once `startup` has read it (for logging its failure). */
let configured: Config | undefined;

/**
 * Reads `.env` and the environment, and warns about startup problems: a key of
 * the wrong shape, a `.env` others can read (names only, never values). A
 * command that builds a workspace also reads SNAPSHOT_VENDOR now (the
 * workspace's vendor), so a bad one stops it before it starts, as any bad
 * variable does; `inspect` skips it and its schema library.
 */
async function startup(command: { workspace: boolean } = { workspace: true }): Promise<Config> {
  const { configuredSecrets, loadConfig, secretShapeWarnings } = await import('../config.js');
  let config: Config;
  let envFile: EnvFileOutcome | null;
  try {
    envFile = loadEnvFile(process.cwd());
    config = loadConfig();
    // Its schema library loads only when the setting is there.
    if (command.workspace && config.vendorSetting !== undefined) (await import('../app/vendor-profile.js')).configuredVendor(config.vendorSetting);
  } catch (error) {
    throw new StartupError(error);
  }
  const warnings = secretShapeWarnings();
  if (envFile?.exposed) warnings.push(`${envFile.name} is readable by other users of this machine; make it private (chmod 600 ${envFile.name}).`);
  if (warnings.length > 0) {
    const { createLogger } = await import('../logger.js');
    const logger = createLogger(config.logLevel, undefined, configuredSecrets(config));
    for (const warning of warnings) logger.warn({ event: 'startup_warning', security: true }, warning);
  }
  configured = config;
  return config;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT_OK;
      if (error.code === 'usage') process.stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const { describeError, newCorrelationId } = await import('../server/results.js');
    const correlationId = newCorrelationId();
    if (error instanceof StartupError) {
      process.stderr.write(`${describeError(error.reason, correlationId).text}\n`);
      return EXIT_USAGE;
    }
    if (!isAppError(error) && configured !== undefined) {
      const { createLogger } = await import('../logger.js');
      const { configuredSecrets } = await import('../config.js');
      createLogger(configured.logLevel, undefined, configuredSecrets(configured)).error({ event: 'cli_failed', correlation_id: correlationId, stack: (error as Error)?.stack }, 'command failed');
    }
    process.stderr.write(`${describeError(error, correlationId).text}\n`);
    return EXIT_BAD_INPUT;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});

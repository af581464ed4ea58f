/**
 * Configuration: read once from the environment, checked by the typed
 * readers of `env-variables.ts` (no schema library: every command pays for
 * this at start), and passed down as a typed `Config`. Nothing else reads
 * `process.env`. Every variable is documented in README.md and `.env.example`.
 */

import path from 'node:path';
import { flag, integer, number, oneOf, readVariables, text, url, type ValuesOf } from './env-variables.js';
import { LLM_ENV_VARS, parseLlmSettings, type LlmSettings } from './app/llm-settings.js';
import { SNAPSHOT_ENGINES, type SnapshotEngineChoice } from './app/engines.js';
import { assertSafeZoomUrls, ZOOM_CREDENTIAL_VARIABLES, ZOOM_DEFAULTS, type ZoomSettings } from './adapters/zoom/config.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function positiveInt(defaultValue: number, max = Number.MAX_SAFE_INTEGER) {
  return integer(1, max, defaultValue);
}

/**
 * Bytes of stored data (transcript text and snapshots) for all principals
 * together. A transcript holds about 3.5 bytes of memory per byte of text,
 * search index included (npm run bench), so the default keeps the process
 * well under 1 GB.
 */
const DEFAULT_STORE_MAX_BYTES = 64 * 1024 * 1024;

const ENV_VARIABLES = {
  TRANSCRIPT_ROOTS: text(Infinity),
  MAX_TRANSCRIPT_BYTES: positiveInt(10 * 1024 * 1024, 100 * 1024 * 1024),
  TRANSCRIPT_TTL_SECONDS: positiveInt(24 * 60 * 60),
  SNAPSHOT_TTL_SECONDS: positiveInt(24 * 60 * 60),
  MAX_TRANSCRIPTS: positiveInt(100, 100_000),
  MAX_SNAPSHOTS: positiveInt(200, 100_000),
  STORE_MAX_BYTES: positiveInt(DEFAULT_STORE_MAX_BYTES, 64 * 1024 * 1024 * 1024),
  PRINCIPAL_MAX_TRANSCRIPTS: positiveInt(50, 100_000),
  PRINCIPAL_MAX_TRANSCRIPT_BYTES: positiveInt(32 * 1024 * 1024, 64 * 1024 * 1024 * 1024),
  PRINCIPAL_MAX_SNAPSHOTS: positiveInt(100, 100_000),
  PRINCIPAL_MAX_SNAPSHOT_BYTES: positiveInt(8 * 1024 * 1024, 64 * 1024 * 1024 * 1024),
  TURN_GAP_SECONDS: number(0, 3600, 30),
  DEMO_MODE: flag(false),
  MASK_PII: flag(false),
  SNAPSHOT_ENGINE: oneOf(SNAPSHOT_ENGINES, 'auto'),
  // Kept as text: its schema (zod, app/vendor-profile.ts) loads only with a workspace.
  SNAPSHOT_VENDOR: text(10_000),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  TOOL_CALLS_PER_MINUTE: positiveInt(300, 1_000_000),
  MCP_HTTP_HOST: text(255, '127.0.0.1'),
  MCP_HTTP_PORT: integer(0, 65535, 3333),
  MCP_HTTP_TOKENS_FILE: text(4096),
  MCP_HTTP_TOKENS: text(100_000),
  MCP_ALLOWED_HOSTS: text(10_000),
  MCP_ALLOWED_ORIGINS: text(10_000),
  MCP_HTTP_MAX_BODY_BYTES: positiveInt(4 * 1024 * 1024, 200 * 1024 * 1024),
  MCP_HTTP_RATE_LIMIT_PER_MINUTE: positiveInt(600, 1_000_000),
  MCP_HTTP_SHUTDOWN_GRACE_SECONDS: number(0, 600, 10),
  MCP_HTTP_TLS_CERT_FILE: text(4096),
  MCP_HTTP_TLS_KEY_FILE: text(4096),
  MCP_HTTP_BEHIND_TLS_PROXY: flag(false),
  ZOOM_ACCOUNT_ID: text(200),
  ZOOM_CLIENT_ID: text(200),
  ZOOM_CLIENT_SECRET: text(500),
  ZOOM_DEFAULT_USER_ID: text(128, ZOOM_DEFAULTS.defaultUserId),
  ZOOM_CACHE_TTL_SECONDS: positiveInt(ZOOM_DEFAULTS.cacheTtlSeconds),
  ZOOM_MAX_CACHE_SIZE: positiveInt(ZOOM_DEFAULTS.maxCacheSize, 100_000),
  ZOOM_API_BASE_URL: url({ http: false }, ZOOM_DEFAULTS.apiBaseUrl),
  ZOOM_OAUTH_URL: url({ http: false }, ZOOM_DEFAULTS.oauthUrl),
};

export type { SnapshotEngineChoice };

/** Every environment variable the server reads, for the documentation check. */
export const CONFIG_VARIABLES: ReadonlyArray<string> = [...Object.keys(ENV_VARIABLES), ...LLM_ENV_VARS];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `serve --http` settings; tokens are read from their file when the server starts. */
export interface HttpConfig {
  host: string;
  port: number;
  tokensFile: string | undefined;
  tokensInline: string | undefined;
  allowedHosts: string | undefined;
  allowedOrigins: string | undefined;
  maxBodyBytes: number;
  ratePerMinute: number;
  shutdownGraceMs: number;
  /** PEM certificate (with chain) and key for native HTTPS; both or neither. */
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** The operator states that a proxy in front terminates TLS. */
  behindTlsProxy: boolean;
}

export interface Config {
  /** Absolute root directories from TRANSCRIPT_ROOTS; empty means "client roots, else cwd". */
  transcriptRoots: string[];
  maxTranscriptBytes: number;
  transcriptTtlMs: number;
  snapshotTtlMs: number;
  /** Transcripts kept, all principals together (fairly: see adapters/store/memory.ts). */
  maxTranscripts: number;
  maxSnapshots: number;
  /** Bytes of stored data, all principals together: transcript text (UTF-8) and snapshots (JSON). */
  storeMaxBytes: number;
  /** What each principal may keep: its own least recently used go first. */
  principalQuotas: {
    transcripts: { maxEntries: number; maxBytes: number };
    snapshots: { maxEntries: number; maxBytes: number };
  };
  turnGapMs: number;
  demoMode: boolean;
  /** Default of `mask_pii`: mask e-mails and phone numbers in generated snapshots. */
  maskPii: boolean;
  snapshotEngine: SnapshotEngineChoice;
  /**
   * SNAPSHOT_VENDOR as given: the user's own organisation, so snapshots tell
   * its side from the customer's. Read as a profile by `configuredVendor`
   * (app/vendor-profile.ts) where a workspace is built: every command but
   * `inspect`, which then never loads that schema.
   */
  vendorSetting: string | undefined;
  logLevel: LogLevel;
  /** Tool calls each principal may make per minute (a burst of this many, refilled evenly). */
  toolCallsPerMinute: number;
  http: HttpConfig;
  /** Language-model engines: keys, endpoint, model and limits (see app/llm-settings.ts). */
  llm: LlmSettings;
  /** Null unless all three Zoom credentials are set. */
  zoom: ZoomSettings | null;
  cwd: string;
}

/** The configured values that must never appear in a log line, result or error. */
export function configuredSecrets(config: Config): string[] {
  const inlineTokens = (config.http.tokensInline ?? '').split(',').map((entry) => entry.slice(entry.indexOf(':') + 1).trim());
  return [config.llm.anthropicApiKey, config.llm.apiKey, config.zoom?.clientSecret, ...inlineTokens].filter((value): value is string => Boolean(value));
}

/** Shapes of the keys we can recognise; a mismatch is usually a truncated paste or a key for another service. */
const SECRET_SHAPES: ReadonlyArray<{ variable: string; shape: RegExp; expected: string }> = [
  { variable: 'ANTHROPIC_API_KEY', shape: /^sk-ant-[A-Za-z0-9_-]{20,}$/, expected: 'an Anthropic key starting with sk-ant-' },
  { variable: 'LLM_ANTHROPIC_API_KEY', shape: /^sk-ant-[A-Za-z0-9_-]{20,}$/, expected: 'an Anthropic key starting with sk-ant-' },
  { variable: 'LLM_API_KEY', shape: /^[\x21-\x7e]+$/, expected: 'one word of printable characters' },
  { variable: 'ZOOM_ACCOUNT_ID', shape: /^[A-Za-z0-9_-]{8,64}$/, expected: 'a Zoom account id (letters, digits, - and _)' },
  { variable: 'ZOOM_CLIENT_ID', shape: /^[A-Za-z0-9_-]{8,64}$/, expected: 'a Zoom client id (letters, digits, - and _)' },
  { variable: 'ZOOM_CLIENT_SECRET', shape: /^[A-Za-z0-9_-]{16,128}$/, expected: 'a Zoom client secret (16 or more letters and digits)' },
];

/**
 * Keys whose value does not have the expected shape, as warnings naming the variable and
 * never the value. Not errors: providers change formats, and the first call will say more.
 */
export function secretShapeWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  return SECRET_SHAPES.filter(({ variable, shape }) => env[variable] !== undefined && env[variable] !== '' && !shape.test(env[variable]!)).map(
    ({ variable, expected }) => `${variable} does not look like ${expected}; check that it was copied whole.`,
  );
}

/** Reads and validates the environment. Throws ConfigError naming the variable (never echoing its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const vars = readVariables(ENV_VARIABLES, env);
  return {
    transcriptRoots: (vars.TRANSCRIPT_ROOTS ?? '')
      .split(path.delimiter)
      .map((root) => root.trim())
      .filter(Boolean)
      .map((root) => path.resolve(cwd, root)),
    maxTranscriptBytes: vars.MAX_TRANSCRIPT_BYTES,
    transcriptTtlMs: vars.TRANSCRIPT_TTL_SECONDS * 1000,
    snapshotTtlMs: vars.SNAPSHOT_TTL_SECONDS * 1000,
    maxTranscripts: vars.MAX_TRANSCRIPTS,
    maxSnapshots: vars.MAX_SNAPSHOTS,
    storeMaxBytes: vars.STORE_MAX_BYTES,
    principalQuotas: {
      transcripts: { maxEntries: vars.PRINCIPAL_MAX_TRANSCRIPTS, maxBytes: vars.PRINCIPAL_MAX_TRANSCRIPT_BYTES },
      snapshots: { maxEntries: vars.PRINCIPAL_MAX_SNAPSHOTS, maxBytes: vars.PRINCIPAL_MAX_SNAPSHOT_BYTES },
    },
    turnGapMs: Math.round(vars.TURN_GAP_SECONDS * 1000),
    demoMode: vars.DEMO_MODE,
    maskPii: vars.MASK_PII,
    snapshotEngine: vars.SNAPSHOT_ENGINE,
    vendorSetting: vars.SNAPSHOT_VENDOR,
    logLevel: vars.LOG_LEVEL,
    toolCallsPerMinute: vars.TOOL_CALLS_PER_MINUTE,
    http: {
      host: vars.MCP_HTTP_HOST,
      port: vars.MCP_HTTP_PORT,
      tokensFile: vars.MCP_HTTP_TOKENS_FILE,
      tokensInline: vars.MCP_HTTP_TOKENS,
      allowedHosts: vars.MCP_ALLOWED_HOSTS,
      allowedOrigins: vars.MCP_ALLOWED_ORIGINS,
      maxBodyBytes: vars.MCP_HTTP_MAX_BODY_BYTES,
      ratePerMinute: vars.MCP_HTTP_RATE_LIMIT_PER_MINUTE,
      shutdownGraceMs: Math.round(vars.MCP_HTTP_SHUTDOWN_GRACE_SECONDS * 1000),
      tlsCertFile: vars.MCP_HTTP_TLS_CERT_FILE,
      tlsKeyFile: vars.MCP_HTTP_TLS_KEY_FILE,
      behindTlsProxy: vars.MCP_HTTP_BEHIND_TLS_PROXY,
    },
    llm: parseLlmSettings(env),
    zoom: zoomSettings(vars),
    cwd,
  };
}

function zoomSettings(vars: ValuesOf<typeof ENV_VARIABLES>): ZoomSettings | null {
  const urls = { apiBaseUrl: vars.ZOOM_API_BASE_URL.replace(/\/+$/, ''), oauthUrl: vars.ZOOM_OAUTH_URL };
  assertSafeZoomUrls(urls);
  const credentials = ZOOM_CREDENTIAL_VARIABLES.map((name) => vars[name]);
  if (credentials.some((value) => value === undefined)) return null;
  const [accountId, clientId, clientSecret] = credentials as [string, string, string];
  return {
    accountId,
    clientId,
    clientSecret,
    defaultUserId: vars.ZOOM_DEFAULT_USER_ID,
    cacheTtlMs: vars.ZOOM_CACHE_TTL_SECONDS * 1000,
    maxCacheSize: vars.ZOOM_MAX_CACHE_SIZE,
    ...urls,
  };
}

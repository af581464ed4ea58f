/**
 * Language-model settings: plain values read once from the environment
 * (through `parseLlmSettings`, which `config.ts` calls with its env), and the
 * choice of engine. `auto` picks the MCP client's own model when the client
 * offers sampling, else Anthropic when a key is set, else an
 * OpenAI-compatible server when a base URL is set, else the offline engine.
 * An engine asked for by name but not set up is reported, not silently
 * swapped: the snapshot says LLM_NOT_CONFIGURED and comes from the offline
 * engine.
 */

import { integer, readVariables, trimmedText, url } from '../env-variables.js';
import { DEFAULT_CHUNK_TOKENS } from '../core/llm/chunk-budget.js';
import { SNAPSHOT_ENGINES, type SnapshotEngineChoice } from './engines.js';

export { SNAPSHOT_ENGINES, type SnapshotEngineChoice };
export type ModelEngine = Exclude<SnapshotEngineChoice, 'auto' | 'offline'>;

export interface LlmSettings {
  /** ANTHROPIC_API_KEY, or LLM_ANTHROPIC_API_KEY (which wins when both are set). */
  anthropicApiKey?: string;
  /** LLM_ANTHROPIC_BASE_URL, or ANTHROPIC_BASE_URL as Anthropic's own tools read it (the first wins when both are set): a proxy, gateway or test server; the public API by default. */
  anthropicBaseUrl?: string;
  /** LLM_BASE_URL: an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl?: string;
  /** LLM_API_KEY: that server's key, when it needs one. */
  apiKey?: string;
  /** LLM_MODEL: the model for whichever engine runs (Anthropic default: a current Sonnet; required for openai; a hint for sampling). */
  model?: string;
  /** LLM_MAX_CONCURRENCY: calls in flight at once. */
  maxConcurrency: number;
  /** LLM_RATE_LIMIT_PER_MINUTE: call starts in any 60 s. */
  ratePerMinute: number;
  /** LLM_TIMEOUT_MS: per call, the SDK's retries of that call included. */
  timeoutMs: number;
  /** LLM_MAX_RETRIES: the SDK's retries per call (429, 5xx, 529, connection errors). */
  maxRetries: number;
  /** LLM_CHUNK_TOKENS: transcript tokens per map call; lower it for models with small contexts. */
  chunkTokens: number;
}

export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  maxConcurrency: 4,
  ratePerMinute: 50,
  timeoutMs: 120_000,
  maxRetries: 2,
  chunkTokens: DEFAULT_CHUNK_TOKENS,
};

const LLM_VARIABLES = {
  ANTHROPIC_API_KEY: trimmedText(),
  LLM_ANTHROPIC_API_KEY: trimmedText(),
  ANTHROPIC_BASE_URL: url({ http: true }),
  LLM_ANTHROPIC_BASE_URL: url({ http: true }),
  LLM_BASE_URL: url({ http: true }),
  LLM_API_KEY: trimmedText(),
  LLM_MODEL: trimmedText(),
  LLM_MAX_CONCURRENCY: integer(1, 64, DEFAULT_LLM_SETTINGS.maxConcurrency),
  LLM_RATE_LIMIT_PER_MINUTE: integer(1, 100_000, DEFAULT_LLM_SETTINGS.ratePerMinute),
  LLM_TIMEOUT_MS: integer(1_000, 3_600_000, DEFAULT_LLM_SETTINGS.timeoutMs),
  LLM_MAX_RETRIES: integer(0, 10, DEFAULT_LLM_SETTINGS.maxRetries),
  LLM_CHUNK_TOKENS: integer(1_000, 1_000_000, DEFAULT_LLM_SETTINGS.chunkTokens),
};

/** The environment variables this module reads, for documentation and for `config.ts`. */
export const LLM_ENV_VARS = Object.keys(LLM_VARIABLES);

/**
 * Reads the language-model settings from an environment object (empty
 * strings count as unset).
 * @throws ConfigError naming the variable, never echoing its value.
 */
export function parseLlmSettings(env: Readonly<Record<string, string | undefined>>): LlmSettings {
  const vars = readVariables(LLM_VARIABLES, env);
  const settings: LlmSettings = {
    maxConcurrency: vars.LLM_MAX_CONCURRENCY,
    ratePerMinute: vars.LLM_RATE_LIMIT_PER_MINUTE,
    timeoutMs: vars.LLM_TIMEOUT_MS,
    maxRetries: vars.LLM_MAX_RETRIES,
    chunkTokens: vars.LLM_CHUNK_TOKENS,
  };
  const anthropicApiKey = vars.LLM_ANTHROPIC_API_KEY ?? vars.ANTHROPIC_API_KEY;
  if (anthropicApiKey) settings.anthropicApiKey = anthropicApiKey;
  const anthropicBaseUrl = vars.LLM_ANTHROPIC_BASE_URL ?? vars.ANTHROPIC_BASE_URL;
  if (anthropicBaseUrl) settings.anthropicBaseUrl = anthropicBaseUrl;
  if (vars.LLM_BASE_URL) settings.baseUrl = vars.LLM_BASE_URL;
  if (vars.LLM_API_KEY) settings.apiKey = vars.LLM_API_KEY;
  if (vars.LLM_MODEL) settings.model = vars.LLM_MODEL;
  return settings;
}

export type EngineResolution = { kind: 'offline' } | { kind: 'model'; engine: ModelEngine } | { kind: 'not_configured'; engine: ModelEngine; reason: string };

const NOT_SET_UP: Readonly<Record<ModelEngine, string>> = {
  sampling: 'The MCP client does not offer sampling on this connection.',
  anthropic: 'No Anthropic API key is set (ANTHROPIC_API_KEY).',
  openai: 'The openai engine needs LLM_BASE_URL and LLM_MODEL.',
};

function isSetUp(engine: ModelEngine, settings: LlmSettings, samplingOffered: boolean): boolean {
  if (engine === 'sampling') return samplingOffered;
  if (engine === 'anthropic') return settings.anthropicApiKey !== undefined;
  return settings.baseUrl !== undefined && settings.model !== undefined;
}

/** Which engine runs for a choice, given the settings and whether the MCP client offers sampling. */
export function resolveEngine(choice: SnapshotEngineChoice, settings: LlmSettings, samplingOffered: boolean): EngineResolution {
  if (choice === 'offline') return { kind: 'offline' };
  if (choice !== 'auto') return isSetUp(choice, settings, samplingOffered) ? { kind: 'model', engine: choice } : { kind: 'not_configured', engine: choice, reason: NOT_SET_UP[choice] };
  for (const engine of ['sampling', 'anthropic', 'openai'] as const) if (isSetUp(engine, settings, samplingOffered)) return { kind: 'model', engine };
  // A base URL without a model shows intent to use a server: say what is missing rather than go quietly offline.
  if (settings.baseUrl !== undefined) return { kind: 'not_configured', engine: 'openai', reason: NOT_SET_UP.openai };
  return { kind: 'offline' };
}

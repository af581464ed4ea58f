import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_LLM_SETTINGS, parseLlmSettings, resolveEngine } from './llm-settings.js';

describe('parseLlmSettings', () => {
  it('has documented defaults and reads every variable', () => {
    expect(parseLlmSettings({})).toEqual(DEFAULT_LLM_SETTINGS);
    expect(DEFAULT_LLM_SETTINGS).toMatchObject({ maxConcurrency: 4, ratePerMinute: 50 });
    expect(
      parseLlmSettings({
        ANTHROPIC_API_KEY: 'a',
        LLM_ANTHROPIC_API_KEY: 'b',
        LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        LLM_API_KEY: 'c',
        LLM_MODEL: 'llama3.1',
        LLM_MAX_CONCURRENCY: '2',
        LLM_RATE_LIMIT_PER_MINUTE: '10',
        LLM_TIMEOUT_MS: '5000',
        LLM_MAX_RETRIES: '0',
        LLM_CHUNK_TOKENS: '4000',
      }),
    ).toEqual({ anthropicApiKey: 'b', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'c', model: 'llama3.1', maxConcurrency: 2, ratePerMinute: 10, timeoutMs: 5000, maxRetries: 0, chunkTokens: 4000 });
    expect(parseLlmSettings({ ANTHROPIC_API_KEY: 'a', LLM_ANTHROPIC_API_KEY: '' }).anthropicApiKey).toBe('a');
  });

  it('honours ANTHROPIC_BASE_URL as the Anthropic SDK does, LLM_ANTHROPIC_BASE_URL winning when both are set', () => {
    expect(parseLlmSettings({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:8080' }).anthropicBaseUrl).toBe('http://127.0.0.1:8080');
    expect(parseLlmSettings({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:8080', LLM_ANTHROPIC_BASE_URL: 'http://127.0.0.1:9090' }).anthropicBaseUrl).toBe('http://127.0.0.1:9090');
    expect(parseLlmSettings({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:8080', LLM_ANTHROPIC_BASE_URL: '' }).anthropicBaseUrl).toBe('http://127.0.0.1:8080');
    expect(() => parseLlmSettings({ ANTHROPIC_BASE_URL: 'file:///etc/passwd' })).toThrow(/ANTHROPIC_BASE_URL/);
  });

  it('names a bad variable without echoing its value', () => {
    expect(() => parseLlmSettings({ LLM_BASE_URL: 'ftp://secret-host' })).toThrow(ConfigError);
    expect(() => parseLlmSettings({ LLM_MAX_CONCURRENCY: '0' })).toThrow(/LLM_MAX_CONCURRENCY/);
    expect(() => parseLlmSettings({ LLM_BASE_URL: 'not a url sk-secret' })).toThrow(/^(?!.*sk-secret).*LLM_BASE_URL/);
  });
});

describe('resolveEngine', () => {
  const anthropic = { ...DEFAULT_LLM_SETTINGS, anthropicApiKey: 'k' };
  const openai = { ...DEFAULT_LLM_SETTINGS, baseUrl: 'http://127.0.0.1:1/v1', model: 'm' };

  it('auto prefers sampling, then Anthropic, then an OpenAI-compatible server, then offline', () => {
    expect(resolveEngine('auto', { ...anthropic, ...openai }, true)).toEqual({ kind: 'model', engine: 'sampling' });
    expect(resolveEngine('auto', { ...anthropic, ...openai }, false)).toEqual({ kind: 'model', engine: 'anthropic' });
    expect(resolveEngine('auto', openai, false)).toEqual({ kind: 'model', engine: 'openai' });
    expect(resolveEngine('auto', DEFAULT_LLM_SETTINGS, false)).toEqual({ kind: 'offline' });
    expect(resolveEngine('offline', anthropic, true)).toEqual({ kind: 'offline' });
  });

  it('reports an engine asked for by name that is not set up', () => {
    expect(resolveEngine('anthropic', DEFAULT_LLM_SETTINGS, true)).toMatchObject({ kind: 'not_configured', engine: 'anthropic' });
    expect(resolveEngine('sampling', anthropic, false)).toMatchObject({ kind: 'not_configured', engine: 'sampling' });
    expect(resolveEngine('auto', { ...DEFAULT_LLM_SETTINGS, baseUrl: 'http://127.0.0.1:1/v1' }, false)).toMatchObject({ kind: 'not_configured', engine: 'openai' });
  });
});

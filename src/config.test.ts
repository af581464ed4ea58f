import { describe, expect, it } from 'vitest';
import { configuredSecrets, loadConfig, secretShapeWarnings } from './config.js';
import { ConfigError } from './core/errors.js';
import { configuredVendor } from './app/vendor-profile.js';

function configError(env: Record<string, string>, read: (env: Record<string, string>) => unknown = (env) => loadConfig(env, '/srv')): ConfigError {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives documented defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv');
    expect(config).toMatchObject({ maxTranscriptBytes: 10 * 1024 * 1024, transcriptTtlMs: 86_400_000, turnGapMs: 30_000, snapshotEngine: 'auto', demoMode: false, zoom: null });
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3333, ratePerMinute: 600 });
    expect(config.transcriptRoots).toEqual([]);
  });

  it('resolves TRANSCRIPT_ROOTS against the working directory', () => {
    expect(loadConfig({ TRANSCRIPT_ROOTS: 'calls:/data/archive' }, '/srv').transcriptRoots).toEqual(['/srv/calls', '/data/archive']);
  });

  it.each([
    ['MAX_TRANSCRIPT_BYTES', '-5'],
    ['MAX_TRANSCRIPT_BYTES', 'lots'],
    ['TRANSCRIPT_TTL_SECONDS', '0'],
    ['TURN_GAP_SECONDS', '99999'],
    ['SNAPSHOT_ENGINE', 'gpt'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_MODE', 'perhaps'],
    ['MCP_HTTP_PORT', '70000'],
    ['ZOOM_API_BASE_URL', 'not a url'],
    ['MASK_PII', 'sometimes'],
    ['TOOL_CALLS_PER_MINUTE', '-1'],
    ['TOOL_CALLS_PER_MINUTE', '1e99'],
  ])('names %s without echoing its bad value', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(name);
    expect(error.message).not.toContain(value);
  });

  /** SNAPSHOT_VENDOR as the commands that make snapshots read it. */
  const vendorOf = (env: Record<string, string>) => configuredVendor(loadConfig(env, '/srv').vendorSetting);

  it('reads SNAPSHOT_VENDOR as a company name or a JSON profile, domains in lower case', () => {
    expect(vendorOf({})).toBeNull();
    expect(vendorOf({ SNAPSHOT_VENDOR: ' Fabrikam ' })).toEqual({ company: 'Fabrikam' });
    const profile = '{"company": "Fabrikam", "aliases": ["Fabrikam Logistics"], "products": ["Fabrikam Dispatch"], "domains": ["Fabrikam.Example"]}';
    expect(vendorOf({ SNAPSHOT_VENDOR: profile })).toEqual({ company: 'Fabrikam', aliases: ['Fabrikam Logistics'], products: ['Fabrikam Dispatch'], domains: ['fabrikam.example'] });
  });

  it.each([
    ['JSON cut short', '{"company": "Fabrikam-canary"'],
    ['no company', '{"products": ["Canary Dispatch"]}'],
    ['a misspelt key', '{"company": "Fabrikam", "product": ["Canary Dispatch"]}'],
    ['a domain with its @', '{"company": "Fabrikam", "domains": ["@canary.example"]}'],
    ['a name too long', 'Canary'.repeat(40)],
    ['longer than any profile', `{"company": "${'Canary'.repeat(2000)}"}`],
  ])('names SNAPSHOT_VENDOR without echoing it when it is %s', (_, value) => {
    const error = configError({ SNAPSHOT_VENDOR: value }, vendorOf);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('SNAPSHOT_VENDOR');
    expect(error.message).not.toMatch(/canary/i);
  });

  it('reads numbers, flags, choices and URLs as written, an empty value as unset', () => {
    const config = loadConfig(
      {
        MAX_TRANSCRIPT_BYTES: ' 2048 ',
        TURN_GAP_SECONDS: '2.5',
        MCP_HTTP_PORT: '0',
        DEMO_MODE: 'yes',
        MASK_PII: '1',
        MCP_HTTP_BEHIND_TLS_PROXY: 'no',
        SNAPSHOT_ENGINE: 'offline',
        LOG_LEVEL: '',
        ZOOM_API_BASE_URL: ' https://api.zoom.example/v2/ ',
      },
      '/srv',
    );
    expect(config).toMatchObject({ maxTranscriptBytes: 2048, turnGapMs: 2500, demoMode: true, maskPii: true, snapshotEngine: 'offline', logLevel: 'info' });
    expect(config.http).toMatchObject({ port: 0, behindTlsProxy: false });
    expect(loadConfig({ ZOOM_API_BASE_URL: ' https://api.zoom.example/v2/ ', ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'b', ZOOM_CLIENT_SECRET: 'c' }, '/srv').zoom?.apiBaseUrl).toBe('https://api.zoom.example/v2');
  });

  it.each([
    ['MAX_TRANSCRIPT_BYTES', '2.5'],
    ['MAX_TRANSCRIPT_BYTES', String(200 * 1024 * 1024)],
    ['STORE_MAX_BYTES', '9007199254740993'],
    ['TURN_GAP_SECONDS', 'Infinity'],
    ['TURN_GAP_SECONDS', '-1'],
    ['DEMO_MODE', 'TRUE'],
    ['LOG_LEVEL', 'Info'],
    ['MCP_HTTP_HOST', 'h'.repeat(256)],
    ['ZOOM_DEFAULT_USER_ID', 'u'.repeat(129)],
    ['ZOOM_OAUTH_URL', '//zoom.example/oauth'],
    ['LLM_API_KEY', '   '],
    ['LLM_BASE_URL', 'http:127.0.0.1:11434/v1'],
    ['LLM_MAX_RETRIES', '11'],
  ])('refuses %s=%j', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name);
  });

  it('names every bad variable at once', () => {
    expect(configError({ MAX_TRANSCRIPTS: '0', MCP_HTTP_PORT: 'http' }).message).toBe('Invalid configuration: MAX_TRANSCRIPTS, MCP_HTTP_PORT have an invalid value. See .env.example.');
  });

  it('refuses Zoom URLs that would send credentials over plain HTTP off this machine', () => {
    expect(configError({ ZOOM_OAUTH_URL: 'http://zoom.example.com/oauth/token' }).message).toContain('ZOOM_OAUTH_URL');
    expect(loadConfig({ ZOOM_API_BASE_URL: 'http://127.0.0.1:9999/v2' }, '/srv').zoom).toBeNull();
  });

  it('enables Zoom only with all three credentials, and lists every configured secret', () => {
    const partial = loadConfig({ ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'b' }, '/srv');
    expect(partial.zoom).toBeNull();
    const full = loadConfig({ ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'b', ZOOM_CLIENT_SECRET: 'zoom-secret-1', ANTHROPIC_API_KEY: 'sk-ant-x1', MCP_HTTP_TOKENS: 'alice:tok-alice-1,bob:tok-bob-2' }, '/srv');
    expect(full.zoom).toMatchObject({ accountId: 'a', clientId: 'b', clientSecret: 'zoom-secret-1', defaultUserId: 'me' });
    expect(configuredSecrets(full).sort()).toEqual(['sk-ant-x1', 'tok-alice-1', 'tok-bob-2', 'zoom-secret-1']);
  });
});

describe('secretShapeWarnings', () => {
  it('accepts keys of the expected shapes', () => {
    expect(
      secretShapeWarnings({
        ANTHROPIC_API_KEY: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345',
        LLM_API_KEY: 'ollama',
        ZOOM_ACCOUNT_ID: 'AbC123dEf456',
        ZOOM_CLIENT_ID: 'xYz_789-abcDEF',
        ZOOM_CLIENT_SECRET: 'abcdefghijklmnopqrstuvwxyz012345',
      }),
    ).toEqual([]);
  });

  it('names each key of the wrong shape and never shows its value', () => {
    const warnings = secretShapeWarnings({
      ANTHROPIC_API_KEY: 'sk-proj-canary-openai-style-key-0000',
      LLM_API_KEY: 'canary with spaces\n',
      ZOOM_CLIENT_SECRET: 'canary',
    });
    expect(warnings).toHaveLength(3);
    expect(warnings.join(' ')).toMatch(/ANTHROPIC_API_KEY.*LLM_API_KEY.*ZOOM_CLIENT_SECRET/);
    expect(warnings.join(' ')).not.toContain('canary');
  });
});

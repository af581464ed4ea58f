import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { loadTokens, parseTokens } from './tokens.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('parseTokens', () => {
  it('reads principal:token lines, skipping blanks and comments', () => {
    expect(parseTokens(`# team tokens\nalice:${A}\n\n  bob : ${B}  \n`)).toEqual([
      { principal: 'alice', token: A },
      { principal: 'bob', token: B },
    ]);
  });

  it('reads a comma-separated one-liner', () => {
    expect(parseTokens(`alice:${A},bob:${B}`)).toEqual([
      { principal: 'alice', token: A },
      { principal: 'bob', token: B },
    ]);
  });

  it('keeps colons inside the token and lets one principal hold several tokens', () => {
    expect(parseTokens(`ci.bot@team:${A}:x,ci.bot@team:${B}`)).toEqual([
      { principal: 'ci.bot@team', token: `${A}:x` },
      { principal: 'ci.bot@team', token: B },
    ]);
  });

  it.each([
    ['no colon', A, /entry 1: expected "principal:token"/],
    ['no principal', `:${A}`, /expected "principal:token"/],
    ['a bad principal', `al ice:${A}`, /principal must be/],
    ['a short token', 'alice:short-token', /shorter than 16 characters/],
    ['a token with a space', `alice:${A} ${B}`, /spaces or non-ASCII/],
    ['a token given twice', `alice:${A},bob:${A}`, /entry 2: this token is already given/],
  ])('rejects %s with a ConfigError that does not echo the token', (_name, text, message) => {
    let caught: unknown;
    try {
      parseTokens(text, 'MCP_HTTP_TOKENS');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toMatch(/^MCP_HTTP_TOKENS/);
    expect((caught as Error).message).not.toContain(A);
  });

  it('names the line in a multi-line file', () => {
    expect(() => parseTokens(`alice:${A}\n# note\nbob:oops`, 'MCP_HTTP_TOKENS_FILE')).toThrow(/MCP_HTTP_TOKENS_FILE, line 3: the token for "bob" is shorter/);
  });
});

describe('loadTokens', () => {
  it('combines the file and the inline list, and returns [] when neither is set', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tokens-'));
    try {
      const file = path.join(dir, 'tokens.txt');
      writeFileSync(file, `alice:${A}\n`);
      expect(await loadTokens({ file, inline: `bob:${B}` })).toEqual([
        { principal: 'alice', token: A },
        { principal: 'bob', token: B },
      ]);
      expect(await loadTokens({})).toEqual([]);
      await expect(loadTokens({ file, inline: `bob:${A}` })).rejects.toThrow(/same token twice/);
      writeFileSync(file, '# nothing yet\n');
      await expect(loadTokens({ file })).rejects.toThrow(/holds no "principal:token" lines/);
      await expect(loadTokens({ file: path.join(dir, 'missing.txt') })).rejects.toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The token table of the HTTP server: which bearer tokens may call it and as
 * which principal. Tokens come as `principal:token` entries, one a line in a
 * file (MCP_HTTP_TOKENS_FILE, `#` comments allowed) or comma-separated in one
 * variable (MCP_HTTP_TOKENS). Parsing is strict so a typo fails at start-up,
 * and every error names the entry, never the token.
 */

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../core/errors.js';

export interface TokenEntry {
  principal: string;
  token: string;
}

/** Shorter tokens are guessable; `openssl rand -hex 32` gives 64 characters. */
export const MIN_TOKEN_LENGTH = 16;

const PRINCIPAL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

/**
 * Parses `principal:token` entries separated by newlines or commas. Blank
 * entries and lines starting with `#` are skipped; the token is everything
 * after the first colon. One principal may hold several tokens (rotation);
 * one token may not serve two principals.
 *
 * @example parseTokens('alice:4f9c…e1\nbob:7a2d…90') // [{ principal: 'alice', token: '4f9c…e1' }, …]
 * @param source names the origin in error messages, e.g. "MCP_HTTP_TOKENS_FILE".
 */
export function parseTokens(text: string, source = 'the token list'): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineIndex) => {
    const items = line.split(',');
    items.forEach((item, itemIndex) => {
      const entry = item.trim();
      if (entry === '' || entry.startsWith('#')) return;
      const where = lines.length > 1 ? `${source}, line ${lineIndex + 1}` : `${source}, entry ${itemIndex + 1}`;
      entries.push(parseEntry(entry, where, seen));
    });
  });
  return entries;
}

function parseEntry(entry: string, where: string, seen: Set<string>): TokenEntry {
  const colon = entry.indexOf(':');
  if (colon <= 0) throw new ConfigError(`${where}: expected "principal:token".`);
  const principal = entry.slice(0, colon).trim();
  const token = entry.slice(colon + 1).trim();
  if (!PRINCIPAL_PATTERN.test(principal)) {
    throw new ConfigError(`${where}: the principal must be 1-64 letters, digits or . _ @ - (starting with a letter or digit).`);
  }
  if (token.length < MIN_TOKEN_LENGTH) throw new ConfigError(`${where}: the token for "${principal}" is shorter than ${MIN_TOKEN_LENGTH} characters.`);
  if (!TOKEN_PATTERN.test(token)) throw new ConfigError(`${where}: the token for "${principal}" contains spaces or non-ASCII characters.`);
  if (seen.has(token)) throw new ConfigError(`${where}: this token is already given to a principal; each token must be unique.`);
  seen.add(token);
  return { principal, token };
}

/**
 * Reads the token table from a file and/or an inline list (both may be
 * given; their entries are combined). Returns [] when neither is set.
 */
export async function loadTokens(sources: { file?: string; inline?: string }): Promise<TokenEntry[]> {
  const entries: TokenEntry[] = [];
  if (sources.file) {
    let text: string;
    try {
      text = await readFile(sources.file, 'utf8');
    } catch (error) {
      throw new ConfigError('MCP_HTTP_TOKENS_FILE cannot be read: check the path and its permissions.', { cause: error });
    }
    const fromFile = parseTokens(text, 'MCP_HTTP_TOKENS_FILE');
    if (fromFile.length === 0) throw new ConfigError('MCP_HTTP_TOKENS_FILE holds no "principal:token" lines.');
    entries.push(...fromFile);
  }
  if (sources.inline) entries.push(...parseTokens(sources.inline, 'MCP_HTTP_TOKENS'));
  const tokens = new Set(entries.map((entry) => entry.token));
  if (tokens.size !== entries.length) throw new ConfigError('MCP_HTTP_TOKENS and MCP_HTTP_TOKENS_FILE give the same token twice; each token must be unique.');
  return entries;
}

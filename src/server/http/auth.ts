/**
 * Bearer authentication: maps the `Authorization: Bearer <token>` header to
 * the principal that owns the token. Tokens are kept only as SHA-256 digests
 * and compared with `timingSafeEqual` against every entry, so neither the
 * comparison nor the position of a match leaks through timing.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenEntry } from './tokens.js';

export const AUTH_REALM = 'mcp-snapshot-server';

export type AuthFailure = 'missing_token' | 'invalid_token';

export type AuthOutcome = { ok: true; principal: string } | { ok: false; reason: AuthFailure };

export type BearerAuthenticator = (authorizationHeader: string | undefined) => AuthOutcome;

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * A header that is absent or uses another scheme is "missing" (RFC 6750
 * asks for a bare challenge then); a Bearer header with a token we do not
 * know is "invalid".
 */
export function createBearerAuthenticator(entries: ReadonlyArray<TokenEntry>): BearerAuthenticator {
  const table = entries.map((entry) => ({ principal: entry.principal, digest: digest(entry.token) }));
  return (header) => {
    const match = /^Bearer[ ]+(\S*)[ ]*$/i.exec(header ?? '');
    if (!match) return { ok: false, reason: 'missing_token' };
    const presented = digest(match[1] ?? '');
    let principal: string | undefined;
    // No early exit: every request costs the same whichever entry matches.
    for (const entry of table) {
      if (timingSafeEqual(entry.digest, presented) && principal === undefined) principal = entry.principal;
    }
    return principal === undefined ? { ok: false, reason: 'invalid_token' } : { ok: true, principal };
  };
}

/**
 * More than one Authorization header: which one counts would depend on the
 * parser (Node keeps the first, a proxy may keep the last), so the request
 * is malformed, RFC 6750's `invalid_request` (400), refused before any token
 * is looked at.
 */
export function hasRepeatedAuthorization(headersDistinct: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  return (headersDistinct['authorization']?.length ?? 0) > 1;
}

/** The `WWW-Authenticate` value for a 401, or for the 400 of a malformed request. */
export function bearerChallenge(reason: AuthFailure | 'invalid_request'): string {
  const base = `Bearer realm="${AUTH_REALM}"`;
  if (reason === 'invalid_request') return `${base}, error="invalid_request", error_description="Send one Authorization header."`;
  return reason === 'invalid_token' ? `${base}, error="invalid_token", error_description="The bearer token is not valid."` : base;
}

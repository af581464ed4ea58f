import { describe, expect, it } from 'vitest';
import { bearerChallenge, createBearerAuthenticator, hasRepeatedAuthorization } from './auth.js';

const authenticate = createBearerAuthenticator([
  { principal: 'alice', token: 'alice-token-0123456789' },
  { principal: 'alice', token: 'alice-rotated-token-0123' },
  { principal: 'bob', token: 'bob-token-9876543210' },
]);

describe('createBearerAuthenticator', () => {
  it('maps each token to its principal, whatever the scheme case', () => {
    expect(authenticate('Bearer alice-token-0123456789')).toEqual({ ok: true, principal: 'alice' });
    expect(authenticate('bearer alice-rotated-token-0123')).toEqual({ ok: true, principal: 'alice' });
    expect(authenticate('Bearer bob-token-9876543210')).toEqual({ ok: true, principal: 'bob' });
  });

  it('calls an absent header or another scheme missing, and an unknown token invalid', () => {
    expect(authenticate(undefined)).toEqual({ ok: false, reason: 'missing_token' });
    expect(authenticate('Basic YWxpY2U6c2VjcmV0')).toEqual({ ok: false, reason: 'missing_token' });
    expect(authenticate('Bearer')).toEqual({ ok: false, reason: 'missing_token' });
    expect(authenticate('Bearer bob-token-987654321')).toEqual({ ok: false, reason: 'invalid_token' });
    expect(authenticate('Bearer bob-token-9876543210x')).toEqual({ ok: false, reason: 'invalid_token' });
    expect(authenticate('Bearer bob')).toEqual({ ok: false, reason: 'invalid_token' });
    expect(authenticate('Bearer alice-token-0123456789 extra')).toEqual({ ok: false, reason: 'missing_token' });
  });

  it('refuses everything when there are no tokens', () => {
    expect(createBearerAuthenticator([])('Bearer anything-at-all-here')).toEqual({ ok: false, reason: 'invalid_token' });
  });
});

describe('hasRepeatedAuthorization', () => {
  it('is true only for two or more Authorization headers, whatever they hold', () => {
    expect(hasRepeatedAuthorization({})).toBe(false);
    expect(hasRepeatedAuthorization({ authorization: ['Bearer alice-token-0123456789'] })).toBe(false);
    expect(hasRepeatedAuthorization({ authorization: ['Bearer alice-token-0123456789', 'Bearer alice-token-0123456789'] })).toBe(true);
    expect(hasRepeatedAuthorization({ authorization: ['Bearer bob-token-9876543210', ''] })).toBe(true);
  });
});

describe('bearerChallenge', () => {
  it('is bare for a missing token, names invalid_token for a wrong one and invalid_request for a malformed request', () => {
    expect(bearerChallenge('missing_token')).toBe('Bearer realm="mcp-snapshot-server"');
    expect(bearerChallenge('invalid_token')).toMatch(/^Bearer realm="mcp-snapshot-server", error="invalid_token"/);
    expect(bearerChallenge('invalid_request')).toMatch(/^Bearer realm="mcp-snapshot-server", error="invalid_request"/);
  });
});

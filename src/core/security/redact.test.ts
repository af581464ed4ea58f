import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, redactDeep, REDACTED } from './redact.js';

const redact = createRedactor(['zoom-secret-value-123', 'tiny']);

describe('redactor', () => {
  it.each([
    ['Anthropic key', 'key=sk-ant-api03-AbCdEf0123456789xyz used'],
    ['OpenAI-style key', 'using sk-proj-abcdefghijklmnop0123 now'],
    ['bearer token', 'Authorization: Bearer abc.def-ghi_jkl~012'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36P'],
    ['configured secret', 'secret zoom-secret-value-123 leaked'],
    ['e-mail', 'write to ann.lee@example.co.uk please'],
    ['phone', 'call me at +1 415-555-0199 tomorrow'],
    ['card-like number', 'card 4111 1111 1111 1111 on file'],
  ])('masks a %s', (_name, text) => {
    const result = redact(text);
    expect(result).toContain(REDACTED);
    expect(result).not.toMatch(/sk-ant-api03-Ab|abcdefghijklmnop|abc\.def|SflKx|zoom-secret|ann\.lee|555-0199|4111 1111/);
  });

  it('keeps ordinary meeting text, times, years and short figures', () => {
    const text = 'On 2024-07-14 at 9:00 a.m. ET we agreed 80 hours, 40% faster, $1,200,000 saved; tiny changes.';
    expect(redact(text)).toBe(text);
  });

  it('can leave personal data and mask credentials only', () => {
    const credentialsOnly = createRedactor(['zoom-secret-value-123'], { personalData: false });
    expect(credentialsOnly('ann@example.com zoom-secret-value-123 sk-ant-api03-0123456789abcdef')).toBe(`ann@example.com ${REDACTED} ${REDACTED}`);
  });

  it('redacts every string inside objects and arrays', () => {
    expect(redactDeep({ a: ['mail ann@example.com'], b: { c: 'sk-ant-api03-0123456789abcdef' }, n: 3 }, redact)).toEqual({ a: [`mail ${REDACTED}`], b: { c: REDACTED }, n: 3 });
  });

  it('is idempotent and complete for generated secrets (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/);
    fc.assert(
      fc.property(fc.string(), secret, fc.string(), fc.constantFrom('sk-ant-', 'sk-', 'Bearer '), (before, body, after, prefix) => {
        const text = `${before} ${prefix}${body} ${after}`;
        const once = redact(text);
        expect(redact(once)).toBe(once);
        expect(once).not.toContain(`${prefix}${body}`);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { buildHostOriginPolicy, checkHostAndOrigin, isLoopbackHost, normalizeHostname, parseHostList } from './host-origin.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com', 'localhost.example.com', '128.0.0.1'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('normalizeHostname and parseHostList', () => {
  it('keeps only the lower-case hostname, bracketing IPv6', () => {
    expect(normalizeHostname('MCP.Team.Example:8443')).toBe('mcp.team.example');
    expect(normalizeHostname('https://console.team.example')).toBe('console.team.example');
    expect(normalizeHostname('::1')).toBe('[::1]');
    expect(normalizeHostname('[fd00::5]:3333')).toBe('[fd00::5]');
  });

  it('parses a comma list and names the variable on a bad entry', () => {
    expect(parseHostList(' a.example , b.example:80,,', 'MCP_ALLOWED_HOSTS')).toEqual(['a.example', 'b.example']);
    expect(parseHostList(undefined, 'MCP_ALLOWED_HOSTS')).toEqual([]);
    expect(() => parseHostList('good.example, bad host', 'MCP_ALLOWED_HOSTS')).toThrow(ConfigError);
    expect(() => parseHostList('bad host', 'MCP_ALLOWED_ORIGINS')).toThrow(/^MCP_ALLOWED_ORIGINS: "bad host"/);
  });
});

describe('checkHostAndOrigin', () => {
  const policy = buildHostOriginPolicy('127.0.0.1', ['mcp.team.example'], ['console.team.example']);

  it('allows loopback and configured hosts on any port, with no Origin or an allowed one', () => {
    expect(checkHostAndOrigin({ host: '127.0.0.1:3333' }, policy)).toEqual({ ok: true });
    expect(checkHostAndOrigin({ host: 'localhost' }, policy)).toEqual({ ok: true });
    expect(checkHostAndOrigin({ host: '[::1]:3333' }, policy)).toEqual({ ok: true });
    expect(checkHostAndOrigin({ host: 'mcp.team.example:443', origin: 'https://console.team.example' }, policy)).toEqual({ ok: true });
    expect(checkHostAndOrigin({ host: 'localhost:3333', origin: 'http://localhost:5173' }, policy)).toEqual({ ok: true });
  });

  it('refuses a rebinding Host, a missing Host, a foreign Origin and the opaque "null" origin', () => {
    expect(checkHostAndOrigin({ host: 'attacker.example:3333' }, policy)).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(checkHostAndOrigin({}, policy)).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(checkHostAndOrigin({ host: 'localhost', origin: 'https://attacker.example' }, policy)).toEqual({ ok: false, reason: 'origin_not_allowed' });
    expect(checkHostAndOrigin({ host: 'localhost', origin: 'null' }, policy)).toEqual({ ok: false, reason: 'origin_not_allowed' });
  });

  it('counts a specific bind address as a host name, but not a wildcard one', () => {
    expect(buildHostOriginPolicy('10.1.2.3').hosts).toContain('10.1.2.3');
    expect(buildHostOriginPolicy('0.0.0.0').hosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });
});

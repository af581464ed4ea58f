/**
 * DNS-rebinding and cross-site protection. A browser tricked into calling
 * this server sends the attacker's name in `Host` (rebinding) or the
 * attacker's page in `Origin` (cross-site), so both must name a host we
 * serve. Lists hold hostnames, port-agnostic, as the SDK's validators expect;
 * loopback names are always allowed.
 */

import { isIP, isIPv6 } from 'node:net';
import { validateHostHeader, validateOriginHeader } from '@modelcontextprotocol/server';
import { ConfigError } from '../../core/errors.js';

export const LOOPBACK_HOSTNAMES: ReadonlyArray<string> = ['localhost', '127.0.0.1', '[::1]'];

const WILDCARD_ADDRESSES = new Set(['', '0.0.0.0', '::', '[::]']);

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** True for a bind address that listens on every interface. */
export function isWildcardAddress(host: string): boolean {
  return WILDCARD_ADDRESSES.has(host);
}

/** One allow-list entry as the hostname the SDK compares: lower case, no port, IPv6 in brackets. */
export function normalizeHostname(entry: string): string {
  const trimmed = entry.trim();
  const asUrl = trimmed.includes('://') ? trimmed : `http://${isIPv6(trimmed) ? `[${trimmed}]` : trimmed}`;
  try {
    const { hostname } = new URL(asUrl);
    if (hostname !== '') return hostname;
  } catch {
    // reported below
  }
  throw new ConfigError(`"${trimmed}" is not a host name, address or origin.`);
}

/**
 * Parses a comma-separated list (MCP_ALLOWED_HOSTS, MCP_ALLOWED_ORIGINS).
 * Entries may carry a port or a scheme (`https://app.example.com`); only the
 * hostname counts.
 */
export function parseHostList(text: string | undefined, variable: string): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    try {
      return normalizeHostname(entry);
    } catch (error) {
      throw new ConfigError(`${variable}: ${(error as Error).message}`);
    }
  });
}

export interface HostOriginPolicy {
  hosts: string[];
  origins: string[];
}

/** Loopback names plus the extras; the bind address counts as a host name unless it is a wildcard. */
export function buildHostOriginPolicy(bindHost: string, extraHosts: string[] = [], extraOrigins: string[] = []): HostOriginPolicy {
  const bound = isWildcardAddress(bindHost) ? [] : [normalizeHostname(bindHost)];
  const unique = (values: string[]) => [...new Set(values.map(normalizeHostname))];
  return { hosts: unique([...LOOPBACK_HOSTNAMES, ...bound, ...extraHosts]), origins: unique([...LOOPBACK_HOSTNAMES, ...extraOrigins]) };
}

export type HostOriginVerdict = { ok: true } | { ok: false; reason: 'host_not_allowed' | 'origin_not_allowed' };

/** A missing `Origin` passes (non-browser clients send none); a missing or foreign `Host` does not. */
export function checkHostAndOrigin(headers: { host?: string | undefined; origin?: string | undefined }, policy: HostOriginPolicy): HostOriginVerdict {
  if (!validateHostHeader(headers.host, policy.hosts).ok) return { ok: false, reason: 'host_not_allowed' };
  if (!validateOriginHeader(headers.origin, policy.origins).ok) return { ok: false, reason: 'origin_not_allowed' };
  return { ok: true };
}

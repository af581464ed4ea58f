/**
 * Zoom settings as plain values. `src/config.ts` reads the ZOOM_* variables
 * (defaults below) and passes `ZoomSettings`, or null when a credential is
 * missing, so the server starts without Zoom and only the Zoom tools say what
 * to set. The URLs are settings so tests and other Zoom regions can point
 * elsewhere; `assertSafeZoomUrls` keeps credentials off plain HTTP except to
 * this machine.
 */

import { ConfigError } from '../../core/errors.js';

export interface ZoomSettings {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** User whose recordings are listed when the caller names none; `me` is the app's owner. */
  defaultUserId: string;
  cacheTtlMs: number;
  maxCacheSize: number;
  /** Without a trailing slash, e.g. https://api.zoom.us/v2. */
  apiBaseUrl: string;
  oauthUrl: string;
}

export const ZOOM_DEFAULTS = {
  defaultUserId: 'me',
  cacheTtlSeconds: 900,
  maxCacheSize: 100,
  apiBaseUrl: 'https://api.zoom.us/v2',
  oauthUrl: 'https://zoom.us/oauth/token',
} as const;

/** The variables that must all be set for Zoom to work. */
export const ZOOM_CREDENTIAL_VARIABLES = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * @throws ConfigError naming the variable when a URL is not https (plain http only to this machine).
 */
export function assertSafeZoomUrls(settings: Pick<ZoomSettings, 'apiBaseUrl' | 'oauthUrl'>): void {
  const urls = [
    ['ZOOM_API_BASE_URL', settings.apiBaseUrl],
    ['ZOOM_OAUTH_URL', settings.oauthUrl],
  ] as const;
  for (const [variable, value] of urls) {
    let url: URL;
    try {
      url = new URL(value);
    } catch (error) {
      throw new ConfigError(`Invalid configuration: ${variable} is not a URL.`, { cause: error });
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    if (!secure) throw new ConfigError(`Invalid configuration: ${variable} must be an https:// URL (http:// only for localhost).`);
  }
}

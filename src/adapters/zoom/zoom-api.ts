/**
 * Authorized calls to Zoom: the access token as a Bearer header, redirects
 * followed by hand so the token only ever goes to Zoom's own hosts (the API
 * and sign-in origins and, over https, their subdomains; a redirect to a
 * storage host is followed without it). A 401 to a token we sent refreshes the
 * token once and retries once; a second 401 is ZOOM_AUTH_FAILED, never a loop.
 */

import type { ZoomSettings } from './config.js';
import { badResponse, errorFromResponse, fetchWithRetry, readJson, type HttpDeps } from './http.js';
import type { ZoomTokenProvider } from './token.js';

export interface ApiCall {
  /** Names the call in logs and messages, e.g. `list_recordings`. */
  operation: string;
  /** Our message for a 404, which only the caller can word. */
  notFound: string;
  signal?: AbortSignal | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export class ZoomApi {
  private readonly apiBase: URL;
  private readonly trustedOrigins: Set<string>;
  private readonly trustedDomain: string;

  constructor(
    settings: Pick<ZoomSettings, 'apiBaseUrl' | 'oauthUrl'>,
    private readonly tokens: ZoomTokenProvider,
    private readonly http: HttpDeps,
  ) {
    this.apiBase = new URL(settings.apiBaseUrl.replace(/\/+$/, ''));
    const oauth = new URL(settings.oauthUrl);
    this.trustedOrigins = new Set([this.apiBase.origin, oauth.origin]);
    this.trustedDomain = oauth.hostname;
  }

  /** Whether `url` may receive the access token: a Zoom origin we were configured with, or an https subdomain of the sign-in host. */
  isTrusted(url: URL): boolean {
    return this.trustedOrigins.has(url.origin) || (url.protocol === 'https:' && url.hostname.endsWith(`.${this.trustedDomain}`));
  }

  /**
   * GET `path` (already encoded, relative to the API base) and return its JSON.
   * @throws ZoomApiError for every failure, with the caller's 404 message.
   */
  async getJson(path: string, query: Record<string, string>, call: ApiCall): Promise<unknown> {
    const url = new URL(`${this.apiBase.href}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await this.get(url, call);
    return readJson(response, call, this.http.logger);
  }

  /**
   * GET an absolute URL with the token, following redirects, and return the final 2xx response
   * with its body unread.
   */
  async get(url: URL, call: ApiCall): Promise<Response> {
    let refreshed = false;
    for (;;) {
      const token = await this.tokens.get(call.signal);
      const { response, authorized } = await this.followRedirects(url, token, call);
      if (response.ok) return response;
      if (response.status === 401 && authorized && !refreshed) {
        await response.body?.cancel().catch(() => undefined);
        this.http.logger.info({ event: 'zoom_token_rejected', operation: call.operation }, 'zoom rejected the access token; refreshing once');
        this.tokens.invalidate(token);
        refreshed = true;
        continue;
      }
      throw await errorFromResponse(response, call, call.notFound, this.http.logger);
    }
  }

  private async followRedirects(start: URL, token: string, call: ApiCall): Promise<{ response: Response; authorized: boolean }> {
    let url = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const authorized = this.isTrusted(url);
      const headers: Record<string, string> = { accept: 'application/json, text/vtt, */*' };
      if (authorized) headers.authorization = `Bearer ${token}`;
      const response = await fetchWithRetry({ operation: call.operation, url: url.href, headers, signal: call.signal }, this.http);
      if (!REDIRECT_STATUSES.has(response.status)) return { response, authorized };
      await response.body?.cancel().catch(() => undefined);
      const next = redirectTarget(response.headers.get('location'), url);
      if (next === null) break;
      url = next;
    }
    this.http.logger.warn({ event: 'zoom_bad_redirect', operation: call.operation }, 'zoom redirect missing, unusable or too long');
    throw badResponse(call.operation);
  }
}

function redirectTarget(location: string | null, base: URL): URL | null {
  if (location === null) return null;
  try {
    const target = new URL(location, base);
    return target.protocol === 'https:' || target.protocol === 'http:' ? target : null;
  } catch {
    return null;
  }
}

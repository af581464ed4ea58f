/**
 * Server-to-Server OAuth access tokens: `POST {oauthUrl}?grant_type=account_credentials&account_id=…`
 * with the client id and secret as HTTP Basic. A token is reused until shortly
 * before `expires_in` runs out, and however many calls need a new one at once,
 * one request fetches it (single flight). A caller who cancels stops waiting
 * without cancelling the refresh the others share. Refused credentials are
 * ZOOM_AUTH_FAILED at once: retrying cannot fix them.
 */

import { z } from 'zod';
import { ZoomApiError } from '../../core/errors.js';
import type { ZoomSettings } from './config.js';
import { badResponse, errorFromResponse, fetchWithRetry, readJson, type HttpDeps } from './http.js';

export type ZoomCredentials = Pick<ZoomSettings, 'accountId' | 'clientId' | 'clientSecret' | 'oauthUrl'>;

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});

/** Refresh this long before expiry (at most a tenth of the lifetime), so a token never expires in flight. */
const REFRESH_MARGIN_MS = 60_000;

interface CachedToken {
  value: string;
  refreshAt: number;
}

export class ZoomTokenProvider {
  private cached: CachedToken | null = null;
  private refreshing: Promise<CachedToken> | null = null;

  constructor(
    private readonly credentials: ZoomCredentials,
    private readonly http: HttpDeps,
  ) {}

  /** A usable access token, from the cache or from the one refresh in flight. */
  async get(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    if (this.cached !== null && this.http.now() < this.cached.refreshAt) return this.cached.value;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return (await abortable(this.refreshing, signal)).value;
  }

  /**
   * Forgets `rejected` after Zoom answered 401 to it. A token already replaced is
   * left alone, so several calls rejected together still cause one refresh.
   */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = null;
  }

  private async refresh(): Promise<CachedToken> {
    const { accountId, clientId, clientSecret, oauthUrl } = this.credentials;
    const url = new URL(oauthUrl);
    url.searchParams.set('grant_type', 'account_credentials');
    url.searchParams.set('account_id', accountId);
    const request = { operation: 'token', url: url.href, method: 'POST' as const };
    const response = await fetchWithRetry(
      { ...request, headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, accept: 'application/json' } },
      this.http,
    );
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      this.http.logger.warn({ event: 'zoom_token_refused', status: response.status }, 'zoom refused the app credentials');
      throw new ZoomApiError(
        'ZOOM_AUTH_FAILED',
        'Zoom refused the app credentials: check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (a Server-to-Server OAuth app, activated).',
        { status: response.status },
      );
    }
    if (!response.ok) {
      throw await errorFromResponse(response, request, 'The Zoom sign-in address answered "not found": check ZOOM_OAUTH_URL.', this.http.logger);
    }
    const parsed = TokenResponse.safeParse(await readJson(response, request, this.http.logger));
    if (!parsed.success) {
      this.http.logger.warn({ event: 'zoom_bad_response', operation: 'token' }, 'zoom token answer had an unexpected shape');
      throw badResponse('token');
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    const token = { value: parsed.data.access_token, refreshAt: this.http.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10) };
    this.cached = token;
    this.http.logger.info({ event: 'zoom_token_refreshed', expires_in_s: parsed.data.expires_in }, 'zoom access token refreshed');
    return token;
  }
}

/** `promise`, or the signal's reason if the signal aborts first; the promise itself keeps running. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A fake Zoom on 127.0.0.1 for the adapter's tests: the Server-to-Server
 * OAuth endpoint (HTTP Basic checked), the cloud-recording API (Bearer
 * checked, Zoom's JSON shapes, the one-month range limit, `page_size` and
 * `next_page_token` paging), file downloads (optionally redirected on the same
 * origin or to a separate storage origin), and a gateway that decodes the path
 * once and collapses `//` as Zoom's does, so a UUID with `/` only works double
 * encoded. Tests script failures per route, revoke tokens, and read every
 * request back (method, path, query, auth kind).
 */

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZoomSettings } from '../../src/adapters/zoom/config.js';

export type FakeRoute = 'token' | 'list' | 'meeting' | 'download' | 'file' | 'storage' | 'unknown';

export interface RecordedRequest {
  route: FakeRoute;
  method: string;
  /** The path exactly as sent, still encoded. */
  rawPath: string;
  query: Record<string, string>;
  auth: 'basic' | 'bearer' | 'none';
  /** The meeting id or UUID as the fake decoded it (meeting route only). */
  meetingRef?: string;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON, a string as an HTML page, a Buffer as raw bytes (octet-stream unless `headers` says otherwise). */
  body?: unknown;
}

export interface FakeMeeting {
  uuid: string;
  id: number;
  topic: string;
  /** ISO time, e.g. 2024-03-05T15:00:00Z. */
  startTime: string;
  durationMinutes?: number;
  /** Host user id; `me` resolves to FAKE_OWNER_ID. */
  hostId?: string;
  /** The transcript file body; null: the recording has no transcript. */
  transcript: string | Buffer | null;
  transcriptStatus?: 'completed' | 'processing';
  transcriptContentType?: string;
  /** Send the body in pieces without Content-Length. */
  chunked?: boolean;
  /** `same-origin`: 302 to another path here; `storage`: 302 to the storage origin (no token needed there). */
  redirect?: 'same-origin' | 'storage';
}

export interface FakeZoomOptions {
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Access tokens start with this, so tests can look for them in logs and errors. */
  tokenPrefix?: string;
  tokenLifetimeSeconds?: number;
}

export const FAKE_OWNER_ID = 'owner-user-1';

interface PageState {
  key: string;
  offset: number;
}

export function zoomError(status: number, code: number, message: string, headers?: Record<string, string>): ScriptedResponse {
  return { status, body: { code, message }, ...(headers ? { headers } : {}) };
}

export class FakeZoom {
  readonly requests: RecordedRequest[] = [];
  readonly issuedTokens: string[] = [];
  /** Zoom allows up to 300 a page; lower it to force many pages. */
  maxPageSize = 300;
  tokenLifetimeSeconds: number;

  private readonly meetings: FakeMeeting[] = [];
  private readonly validTokens = new Set<string>();
  private readonly scripts = new Map<FakeRoute, ScriptedResponse[]>();
  private readonly pageTokens = new Map<string, PageState>();
  private revokeAfterApiCalls: number | null = null;
  private readonly accountId: string;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly tokenPrefix: string;

  private constructor(
    private readonly server: http.Server,
    private readonly storage: http.Server,
    options: FakeZoomOptions,
  ) {
    this.accountId = options.accountId ?? 'fake-account';
    this.clientId = options.clientId ?? 'fake-client-id';
    this.clientSecret = options.clientSecret ?? 'fake-client-secret';
    this.tokenPrefix = options.tokenPrefix ?? 'fake-token-';
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  }

  static async start(options: FakeZoomOptions = {}): Promise<FakeZoom> {
    let fake: FakeZoom | undefined;
    const server = http.createServer((req, res) => fake!.handle(req, res));
    const storage = http.createServer((req, res) => fake!.handleStorage(req, res));
    fake = new FakeZoom(server, storage, options);
    await Promise.all([listen(server), listen(storage)]);
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get storageBaseUrl(): string {
    return `http://127.0.0.1:${(this.storage.address() as AddressInfo).port}`;
  }

  settings(overrides: Partial<ZoomSettings> = {}): ZoomSettings {
    return {
      accountId: this.accountId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      defaultUserId: 'me',
      cacheTtlMs: 900_000,
      maxCacheSize: 100,
      apiBaseUrl: `${this.baseUrl}/v2`,
      oauthUrl: `${this.baseUrl}/oauth/token`,
      ...overrides,
    };
  }

  addMeeting(meeting: FakeMeeting): void {
    this.meetings.push(meeting);
  }

  /** The next requests to `route` get these answers, in order, before any normal handling. */
  script(route: FakeRoute, ...responses: ScriptedResponse[]): void {
    this.scripts.set(route, [...(this.scripts.get(route) ?? []), ...responses]);
  }

  /** Every token issued so far stops working (Zoom: 401, code 124). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  /** Lets `count` more API calls through, then revokes every token (0: the next call is rejected). */
  revokeTokensAfter(count: number): void {
    this.revokeAfterApiCalls = count;
  }

  count(route: FakeRoute): number {
    return this.requests.filter((request) => request.route === route).length;
  }

  async close(): Promise<void> {
    for (const server of [this.server, this.storage]) server.closeAllConnections();
    await Promise.all([this.server, this.storage].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const rawPath = url.pathname;
    // Zoom's gateway decodes the path once and collapses repeated slashes before routing.
    const gatewayPath = safeDecode(rawPath).replace(/\/{2,}/g, '/');
    const query = Object.fromEntries(url.searchParams);
    const authHeader = req.headers.authorization ?? '';
    const auth = authHeader.startsWith('Basic ') ? 'basic' : authHeader.startsWith('Bearer ') ? 'bearer' : 'none';
    const meetingMatch = /^\/v2\/meetings\/(.+)\/recordings$/.exec(gatewayPath);
    const listMatch = /^\/v2\/users\/([^/]+)\/recordings$/.exec(gatewayPath);
    const fileMatch = /^\/rec\/(download|files)\/([^/]+)$/.exec(gatewayPath);
    const route: FakeRoute =
      rawPath === '/oauth/token' ? 'token' : listMatch ? 'list' : meetingMatch ? 'meeting' : fileMatch?.[1] === 'download' ? 'download' : fileMatch ? 'file' : 'unknown';
    const meetingRef = meetingMatch ? safeDecode(meetingMatch[1]!) : undefined;
    this.requests.push({ route, method: req.method ?? 'GET', rawPath, query, auth, ...(meetingRef !== undefined ? { meetingRef } : {}) });

    const scripted = this.scripts.get(route)?.shift();
    if (scripted) return send(res, scripted.status, scripted.body ?? {}, scripted.headers);

    if (route === 'token') return this.token(req, res, query, authHeader);
    if (route === 'unknown') return send(res, 404, { code: 404, message: 'Not found.' });
    if (this.revokeAfterApiCalls === 0) {
      this.revokeAfterApiCalls = null;
      this.revokeTokens();
    }
    const token = authHeader.slice('Bearer '.length);
    if (auth !== 'bearer' || !this.validTokens.has(token)) return send(res, 401, { code: 124, message: 'Invalid access token.' });
    if (this.revokeAfterApiCalls !== null) this.revokeAfterApiCalls -= 1;
    if (route === 'list') return this.list(res, safeDecode(listMatch![1]!), query);
    if (route === 'meeting') return this.meeting(res, meetingRef!);
    return this.file(res, fileMatch![2]!, route === 'download');
  }

  private handleStorage(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.storageBaseUrl);
    const authHeader = req.headers.authorization ?? '';
    this.requests.push({ route: 'storage', method: req.method ?? 'GET', rawPath: url.pathname, query: Object.fromEntries(url.searchParams), auth: authHeader ? (authHeader.startsWith('Basic ') ? 'basic' : 'bearer') : 'none' });
    const fileId = /^\/cdn\/([^/]+)$/.exec(url.pathname)?.[1];
    const meeting = fileId === undefined ? undefined : this.meetingByFileId(fileId);
    if (meeting === undefined) return send(res, 404, { code: 404, message: 'Not found.' });
    this.sendTranscript(res, meeting);
  }

  private token(req: http.IncomingMessage, res: http.ServerResponse, query: Record<string, string>, authHeader: string): void {
    if (req.method !== 'POST') return send(res, 405, { reason: 'Method not allowed', error: 'invalid_request' });
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (authHeader !== expected) return send(res, 401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    if (query.grant_type !== 'account_credentials') return send(res, 400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    if (query.account_id !== this.accountId) return send(res, 400, { reason: 'Invalid account_id', error: 'invalid_request' });
    const accessToken = `${this.tokenPrefix}${this.issuedTokens.length + 1}-${randomBytes(6).toString('hex')}`;
    this.issuedTokens.push(accessToken);
    this.validTokens.add(accessToken);
    send(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: this.tokenLifetimeSeconds, scope: 'cloud_recording:read:list_user_recordings:admin cloud_recording:read:list_recording_files:admin', api_url: 'https://api.zoom.us' });
  }

  private list(res: http.ServerResponse, userId: string, query: Record<string, string>): void {
    const hostId = userId === 'me' ? FAKE_OWNER_ID : userId;
    if (!this.meetings.some((m) => (m.hostId ?? FAKE_OWNER_ID) === hostId) && hostId !== FAKE_OWNER_ID) {
      return send(res, 404, { code: 1001, message: `User does not exist: ${userId}.` });
    }
    const { from, to } = query;
    if (!from || !to || !isDay(from) || !isDay(to) || to < from || to > oneMonthAfter(from)) {
      return send(res, 400, { code: 300, message: 'The date range must be within one month.' });
    }
    const pageSize = Math.min(Number(query.page_size ?? 30) || 30, 300, this.maxPageSize);
    const key = `${hostId}|${from}|${to}`;
    let offset = 0;
    if (query.next_page_token) {
      const state = this.pageTokens.get(query.next_page_token);
      if (state === undefined || state.key !== key) return send(res, 400, { code: 300, message: 'Invalid next_page_token.' });
      offset = state.offset;
    }
    const matching = this.meetings
      .filter((m) => (m.hostId ?? FAKE_OWNER_ID) === hostId && m.startTime.slice(0, 10) >= from && m.startTime.slice(0, 10) <= to)
      .sort((a, b) => b.startTime.localeCompare(a.startTime));
    const page = matching.slice(offset, offset + pageSize);
    let nextPageToken = '';
    if (offset + pageSize < matching.length) {
      nextPageToken = randomBytes(12).toString('base64url');
      this.pageTokens.set(nextPageToken, { key, offset: offset + pageSize });
    }
    send(res, 200, {
      from,
      to,
      page_count: Math.ceil(matching.length / pageSize),
      page_size: pageSize,
      total_records: matching.length,
      next_page_token: nextPageToken,
      meetings: page.map((m) => this.meetingJson(m)),
    });
  }

  private meeting(res: http.ServerResponse, meetingRef: string): void {
    const byUuid = this.meetings.find((m) => m.uuid === meetingRef);
    const latestById = this.meetings.filter((m) => String(m.id) === meetingRef).sort((a, b) => b.startTime.localeCompare(a.startTime))[0];
    const meeting = byUuid ?? latestById;
    if (meeting === undefined) return send(res, 404, { code: 3301, message: 'This recording does not exist.' });
    send(res, 200, this.meetingJson(meeting));
  }

  private file(res: http.ServerResponse, fileId: string, isDownloadLink: boolean): void {
    const meeting = this.meetingByFileId(fileId);
    if (meeting === undefined) return send(res, 404, { code: 3301, message: 'This recording does not exist.' });
    if (isDownloadLink && meeting.redirect === 'same-origin') return redirect(res, `/rec/files/${fileId}`);
    if (isDownloadLink && meeting.redirect === 'storage') return redirect(res, `${this.storageBaseUrl}/cdn/${fileId}`);
    this.sendTranscript(res, meeting);
  }

  private sendTranscript(res: http.ServerResponse, meeting: FakeMeeting): void {
    const body = Buffer.from(meeting.transcript ?? '');
    const headers = { 'content-type': meeting.transcriptContentType ?? 'text/vtt;charset=utf-8' };
    if (!meeting.chunked) {
      res.writeHead(200, { ...headers, 'content-length': String(body.byteLength) });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    const half = Math.floor(body.byteLength / 2);
    res.write(body.subarray(0, half));
    res.end(body.subarray(half));
  }

  private meetingByFileId(fileId: string): FakeMeeting | undefined {
    return this.meetings.find((m) => m.transcript !== null && transcriptFileId(m) === fileId);
  }

  private meetingJson(meeting: FakeMeeting): Record<string, unknown> {
    const files: Record<string, unknown>[] = [
      {
        id: `${meeting.id}-video`,
        meeting_id: meeting.uuid,
        recording_start: meeting.startTime,
        recording_end: meeting.startTime,
        file_type: 'MP4',
        file_extension: 'MP4',
        file_size: 1_000_000,
        play_url: `${this.baseUrl}/rec/play/${meeting.id}-video`,
        download_url: `${this.baseUrl}/rec/download/${meeting.id}-video`,
        status: 'completed',
        recording_type: 'shared_screen_with_speaker_view',
      },
    ];
    if (meeting.transcript !== null) {
      files.push({
        id: transcriptFileId(meeting),
        meeting_id: meeting.uuid,
        recording_start: meeting.startTime,
        recording_end: meeting.startTime,
        file_type: 'TRANSCRIPT',
        file_extension: 'VTT',
        file_size: Buffer.byteLength(meeting.transcript),
        download_url: `${this.baseUrl}/rec/download/${transcriptFileId(meeting)}`,
        status: meeting.transcriptStatus ?? 'completed',
        recording_type: 'audio_transcript',
      });
    }
    return {
      uuid: meeting.uuid,
      id: meeting.id,
      account_id: this.accountId,
      host_id: meeting.hostId ?? FAKE_OWNER_ID,
      topic: meeting.topic,
      type: 2,
      start_time: meeting.startTime,
      timezone: 'UTC',
      duration: meeting.durationMinutes ?? 30,
      total_size: 1_000_000,
      recording_count: files.length,
      share_url: `${this.baseUrl}/rec/share/${meeting.id}`,
      recording_files: files,
    };
  }
}

function transcriptFileId(meeting: FakeMeeting): string {
  return `${Buffer.from(meeting.uuid).toString('base64url')}-transcript`;
}

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const contentType = Buffer.isBuffer(body) ? 'application/octet-stream' : typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json;charset=UTF-8';
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.byteLength), ...headers });
  res.end(bytes);
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': '0' });
  res.end();
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Zoom's limit: `to` at most one calendar month after `from` (same day next month). */
function oneMonthAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

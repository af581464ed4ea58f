/**
 * The HTTP plumbing both fake providers share: a server on 127.0.0.1 with a
 * random port, JSON bodies, a fixed simulated latency per call, faults
 * consumed one per request (status codes with their error bodies, slow
 * replies, malformed or truncated answers), any answer a test writes in
 * place of the model's, a record of every request, and the highest number
 * of requests seen in flight at once. A slow reply stops when the client
 * goes away, so aborted tests leave no timers behind, and is counted as
 * abandoned: what a cancelled caller must cause.
 */

import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerPrompt, headerValue, tokensOf, transcriptLines, type FakeModelOptions } from './fake-model.js';

export type Fault =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'malformed' }
  | { kind: 'truncated' };

export interface FakeServerOptions {
  /** Answer delay per request, in milliseconds (the simulated model latency). */
  latencyMs?: number;
  /** Faults for the next requests, one each, in order. */
  faults?: Fault[];
  /** A fault for every request once `faults` is used up. */
  fault?: Fault;
  model?: FakeModelOptions;
  /** The API key the fake accepts. */
  apiKey?: string;
  /**
   * Replaces the model's answer (hostile-output tests): gets the request and
   * the answer the fake model would have given, and returns the text to send
   * instead, or `{ body }` to send as the whole 200 response, envelope included.
   */
  answer?: (prompt: ModelPrompt) => string | { body: unknown };
}

export interface ModelPrompt {
  task: string;
  user: string;
  /** What the fake model would have answered. */
  honest: string;
}

export interface RecordedRequest {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  system: string;
  user: string;
  task: string;
  /** Turn indexes in the request's transcript data block. */
  turns: number[];
  /** Input tokens the fake reported for this request (0 until it answers). */
  inputTokens: number;
}

/** What a provider's wire format looks like, around the shared fake model. */
export interface ProviderShape {
  path: string;
  /** Headers a request must carry (else 400). */
  requiredHeaders: string[];
  /** The API key the request carries, or null. */
  keyOf(headers: http.IncomingHttpHeaders): string | null;
  promptOf(body: Record<string, unknown>): { system: string; user: string };
  success(text: string, usage: { input: number; output: number }, stop: 'complete' | 'truncated'): unknown;
  error(status: number): unknown;
}

export class FakeProviderServer {
  readonly requests: RecordedRequest[] = [];
  maxInFlight = 0;
  /** Requests whose client closed the connection before the (slow) answer was sent. */
  abandoned = 0;
  private inFlight = 0;
  private readonly activity = new EventEmitter();
  private readonly server: http.Server;
  private readonly faults: Fault[];
  url = '';

  constructor(
    private readonly shape: ProviderShape,
    readonly options: FakeServerOptions = {},
  ) {
    this.faults = [...(options.faults ?? [])];
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once `condition` holds, checked now and again each time a request arrives or is abandoned. */
  until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return;
        this.activity.off('change', check);
        resolve();
      };
      this.activity.on('change', check);
      check();
    });
  }

  /** Every turn index that reached the fake in a transcript data block. */
  turnsSeen(): Set<number> {
    return new Set(this.requests.flatMap((request) => request.turns));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== this.shape.path) return this.send(res, 404, { error: 'not found' });
    if (this.shape.requiredHeaders.some((name) => req.headers[name] === undefined)) return this.send(res, 400, this.shape.error(400));
    if (this.options.apiKey !== undefined && this.shape.keyOf(req.headers) !== this.options.apiKey) return this.send(res, 401, this.shape.error(401));
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const { system, user } = this.shape.promptOf(body);
    const recorded: RecordedRequest = { headers: req.headers, body, system, user, task: headerValue(user, 'TASK'), turns: transcriptLines(user).map((line) => line.turn), inputTokens: 0 };
    this.requests.push(recorded);
    this.activity.emit('change');

    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const fault = this.faults.shift() ?? this.options.fault;
      const delay = fault?.kind === 'slow' ? fault.delayMs : (this.options.latencyMs ?? 0);
      if (!(await this.wait(delay, req))) return;
      if (fault?.kind === 'status') {
        const headers: Record<string, string> = fault.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(fault.retryAfterMs), 'retry-after': String(Math.ceil(fault.retryAfterMs / 1000)) };
        return this.send(res, fault.status, this.shape.error(fault.status), headers);
      }
      const honest = fault?.kind === 'malformed' ? 'Sure! Here is the snapshot you asked for, in prose.' : answerPrompt(user, this.options.model);
      const replaced = this.options.answer?.({ task: recorded.task, user, honest });
      if (typeof replaced === 'object') return this.send(res, 200, replaced.body);
      const text = replaced ?? honest;
      const answer = fault?.kind === 'truncated' ? text.slice(0, Math.floor(text.length / 2)) : text;
      const usage = { input: tokensOf(system, user), output: tokensOf(answer) };
      recorded.inputTokens = usage.input;
      this.send(res, 200, this.shape.success(answer, usage, fault?.kind === 'truncated' ? 'truncated' : 'complete'));
    } finally {
      this.inFlight--;
    }
  }

  /** Waits `ms`; false when the client went away first. */
  private wait(ms: number, req: http.IncomingMessage): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onClose = () => {
        clearTimeout(timer);
        this.abandoned++;
        this.activity.emit('change');
        resolve(false);
      };
      // A kept-alive socket outlives the answer: only a close before it counts.
      const timer = setTimeout(() => {
        req.socket.off('close', onClose);
        resolve(true);
      }, ms);
      req.socket.once('close', onClose);
    });
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}

/**
 * The hostile-request corpus against a real HTTP server on 127.0.0.1: every
 * case gets its status; no answer (headers included) carries a stack trace,
 * an absolute path, a token or another principal's data; no log line carries
 * a token; and afterwards the server still serves a normal authenticated
 * client, with both principals' data intact.
 */

import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_HEADER_CASES, type HeaderTarget } from '../hostile/http-header-cases.js';
import { callOk } from '../support/harness.js';
import { ALICE, BOB, connectClient, rawRequest, startTestServer, type Running } from './http-harness.js';

const MAX_BODY_BYTES = 4096;
const BOB_CALL = 'Rosa Diaz (Customer): Our depot rollout finished in May.\nKai Ito (Vendor): Great, what is next for the team?\n';

interface Answer {
  status: number;
  /** Status line, headers and body, for leak checks. */
  text: string;
  body: string;
}

/** Writes `raw` on a fresh connection and reads the answer until the server closes it. */
function sendRaw(port: string, raw: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe('hostile HTTP requests', () => {
  let running: Running;
  const logLines: string[] = [];
  let target: HeaderTarget;
  let bobTranscript: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    running = await startTestServer({ maxBodyBytes: MAX_BODY_BYTES, logger: pino({ level: 'debug' }, sink) });
    target = { port: running.url.port, alice: ALICE, bob: BOB, maxBodyBytes: MAX_BODY_BYTES };
    const bob = await connectClient(running.url, BOB.token);
    bobTranscript = (await callOk<{ transcript_id: string }>(bob, 'load_transcript', { content: BOB_CALL })).transcript_id;
    await bob.close();
  });
  afterAll(async () => {
    await running?.server.close();
  });

  it('has at least 12 cases', () => {
    expect(HOSTILE_HEADER_CASES.length).toBeGreaterThanOrEqual(12);
  });

  for (const testCase of HOSTILE_HEADER_CASES) {
    it(`${testCase.name}: ${testCase.expectedStatus}`, async () => {
      const request = testCase.build(target);
      let answer: Answer;
      if ('raw' in request) {
        answer = await sendRaw(target.port, request.raw);
      } else {
        const response = await rawRequest(running.url, request);
        answer = { status: response.status, text: `${JSON.stringify(response.headers)}\n${response.body}`, body: response.body };
      }
      expect(answer.status, answer.body.slice(0, 300)).toBe(testCase.expectedStatus);
      if (testCase.expectedBody) expect(answer.body).toMatch(testCase.expectedBody);
      expect(answer.text).not.toMatch(/\n\s+at /);
      expect(answer.text).not.toMatch(/(?:^|[\s"'(])\/(?:tmp|work|home|root|usr|var|etc|opt)\//);
      expect(answer.text).not.toContain('node_modules');
      expect(answer.text).not.toContain(ALICE.token);
      expect(answer.text).not.toContain(BOB.token);
      expect(answer.text).not.toContain('k'.repeat(64));
      expect(answer.text).not.toContain(bobTranscript);
    });
  }

  it('logs no token of any case', () => {
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [ALICE.token, BOB.token, ALICE.token.slice(0, -1), 'k'.repeat(64)]) expect(logs).not.toContain(secret);
  });

  it('still serves a normal authenticated client afterwards, each principal seeing only its own data', async () => {
    const alice = await connectClient(running.url, ALICE.token);
    const bob = await connectClient(running.url, BOB.token);
    try {
      const mine = await callOk<{ transcript_id: string }>(alice, 'load_transcript', { content: 'Ann Lee (Customer): The pilot went live last week.\n' });
      const aliceList = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(alice, 'list_transcripts', {});
      expect(aliceList.transcripts.map((t) => t.transcript_id)).toEqual([mine.transcript_id]);
      const bobList = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(bob, 'list_transcripts', {});
      expect(bobList.transcripts.map((t) => t.transcript_id)).toEqual([bobTranscript]);
    } finally {
      await alice.close();
      await bob.close();
    }
  });
});

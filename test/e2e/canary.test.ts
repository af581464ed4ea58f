/**
 * The canary test: the built server started with canary values in every
 * secret variable, driven through every tool including failure paths (bad
 * files, model errors, Zoom errors, HTTP authentication failures); no canary
 * may appear in stdout (results), stderr (logs), log notifications, HTTP
 * answers or files the CLI writes.
 */

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOOLS } from '../../src/server/create-server.js';
import { FIXTURES_DIR, QUEST_VTT } from '../support/harness.js';
import { CLI, serverEnv, spawnHttpServer } from '../support/spawn.js';

const CANARIES = {
  ANTHROPIC_API_KEY: 'sk-ant-api03-CANARYanthropic000111222333',
  LLM_API_KEY: 'CANARYopenaikey000111222333444',
  ZOOM_CLIENT_SECRET: 'CANARYzoomsecret000111222333',
  MCP_HTTP_TOKENS: 'alice:CANARYhttptoken000111222333',
};

describe('no secret ever leaves the server', () => {
  let failing: http.Server;
  let failingUrl: string;
  beforeAll(async () => {
    // One local server that fails every upstream call: model 401s, Zoom 401s that echo what they were sent.
    failing = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `bad key ${req.headers['x-api-key'] ?? req.headers.authorization ?? ''} ${body.slice(0, 100)}` } }));
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => failing.close(resolve));
  });

  const canaryEnv = () => ({
    ...CANARIES,
    LOG_LEVEL: 'debug',
    TRANSCRIPT_ROOTS: FIXTURES_DIR,
    LLM_ANTHROPIC_BASE_URL: failingUrl,
    LLM_BASE_URL: `${failingUrl}/v1`,
    LLM_MODEL: 'any-model',
    LLM_MAX_RETRIES: '0',
    ZOOM_ACCOUNT_ID: 'acct',
    ZOOM_CLIENT_ID: 'client',
    ZOOM_API_BASE_URL: failingUrl,
    ZOOM_OAUTH_URL: `${failingUrl}/oauth/token`,
  });

  function expectNoCanary(everything: string) {
    for (const [name, canary] of Object.entries(CANARIES)) {
      const value = canary.includes(':') ? canary.split(':')[1]! : canary;
      expect(everything.includes(value), `${name} leaked`).toBe(false);
    }
  }

  it('keeps every canary out of results, errors and logs', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env: serverEnv(canaryEnv()), stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'canary', version: '1.0.0' });
    const seen: unknown[] = [];
    await client.connect(transport);
    client.setNotificationHandler('notifications/message', (notification) => void seen.push(notification));
    await client.setLoggingLevel('debug');
    const called = new Set<string>();
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = await client.callTool({ name, arguments: args });
        called.add(name);
        seen.push(result);
        return result;
      };
      const loaded = await call('load_transcript', { path: QUEST_VTT });
      const id = (loaded.structuredContent as { transcript_id: string }).transcript_id;
      await call('load_transcript', { path: '/etc/passwd' });
      await call('load_transcript', { content: `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn: my key is ${CANARIES.ANTHROPIC_API_KEY}\n` });
      for (const engine of ['anthropic', 'openai', 'auto']) {
        const snapshot = await call('generate_snapshot', { transcript_id: id, engine });
        expect((snapshot.structuredContent as { engine: string }).engine).toBe('offline');
      }
      await call('list_zoom_recordings', {});
      await call('import_zoom_transcript', { meeting_id: '123456789' });
      await call('read_transcript', { transcript_id: id, start: 'bogus' });
      await call('search_transcripts', { query: CANARIES.ZOOM_CLIENT_SECRET });
      await call('list_transcripts', {});
      await call('transcript_stats', { transcript_id: id });
      const snapshot = await call('generate_snapshot', { transcript_id: id, engine: 'offline', format: 'html' });
      const snapshotId = (snapshot.structuredContent as { id: string }).id;
      await call('get_snapshot', { snapshot_id: snapshotId, format: 'markdown' });
      await call('list_snapshots', {});
      await call('update_snapshot_field', { snapshot_id: snapshotId, field: 'contact_email', value: CANARIES.LLM_API_KEY });
      await call('update_snapshot_field', { snapshot_id: snapshotId, field: 'contact_position', value: `Lead ${CANARIES.ZOOM_CLIENT_SECRET}` });
      await call('write_snapshot_section', {
        snapshot_id: snapshotId,
        section: 'additional_commentary',
        content: `The key ${CANARIES.ANTHROPIC_API_KEY} was mentioned.`,
        evidence: [{ turn_index: 0, quote: CANARIES.LLM_API_KEY }, { turn_index: 99_999, quote: 'nothing' }],
        fields: { contact_email: { value: CANARIES.LLM_API_KEY, evidence: [{ turn_index: 1, quote: CANARIES.ZOOM_CLIENT_SECRET }] } },
      });
      await call('security_status', {});
      await call('delete_snapshot', { snapshot_id: snapshotId });
      await call('delete_transcript', { transcript_id: id });
      await call('delete_customer_data', { company_name: 'Quest Enterprises' });
      expect([...called].sort()).toEqual(ALL_TOOLS.map((tool) => tool.name).sort());
    } finally {
      await client.close();
    }
    expectNoCanary(JSON.stringify(seen) + stderr);
    expect(stderr).toContain('tool_rejected');
  });

  it('keeps every canary out of HTTP answers to failed authentication and out of the server log', async () => {
    const server = await spawnHttpServer(canaryEnv());
    try {
      const answers: string[] = [];
      const attempt = async (headers: Record<string, string>) => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
        return response.status;
      };
      const token = CANARIES.MCP_HTTP_TOKENS.split(':')[1]!;
      expect(await attempt({})).toBe(401);
      expect(await attempt({ authorization: `Bearer ${token}x` })).toBe(401);
      expect(await attempt({ authorization: `Bearer ${token.slice(0, -1)}` })).toBe(401);
      expect(await attempt({ authorization: `Basic ${Buffer.from(`alice:${token}`).toString('base64')}` })).toBe(401);
      expect(await attempt({ authorization: `Bearer ${token}`, origin: 'https://evil.example' })).toBe(403);
      expectNoCanary(answers.join('\n') + server.stderr());
      expect(server.stderr()).toContain('http_auth_failed');
    } finally {
      server.child.kill('SIGTERM');
    }
  });

  it('keeps every canary out of the files the CLI writes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'canary-'));
    try {
      for (const format of ['md', 'json', 'html']) {
        const out = path.join(dir, `snapshot.${format}`);
        const { stderr } = await promisify(execFile)(process.execPath, [CLI, 'snapshot', QUEST_VTT, '--format', format, '--out', out, '--engine', 'anthropic'], { env: serverEnv(canaryEnv()) });
        expectNoCanary((await readFile(out, 'utf8')) + stderr);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

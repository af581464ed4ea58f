/**
 * The canary test: the built server started with canary values in every
 * secret variable, driven through every tool including failure paths (bad
 * files, model errors, Zoom errors); no canary may appear in stdout (results),
 * stderr (logs) or log notifications.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOOLS } from '../../src/server/create-server.js';
import { FIXTURES_DIR, QUEST_VTT } from '../support/harness.js';
import { CLI, serverEnv } from '../support/spawn.js';

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

  it('keeps every canary out of results, errors and logs', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI],
      env: serverEnv({
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
      }),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'canary', version: '1.0.0' });
    const seen: unknown[] = [];
    await client.connect(transport);
    client.setNotificationHandler('notifications/message', (notification) => void seen.push(notification));
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = await client.callTool({ name, arguments: args });
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
      const tools = await client.listTools();
      expect(tools.tools.length).toBe(ALL_TOOLS.length);
    } finally {
      await client.close();
    }
    const everything = JSON.stringify(seen) + stderr;
    for (const [name, canary] of Object.entries(CANARIES)) {
      const value = canary.includes(':') ? canary.split(':')[1]! : canary;
      expect(everything.includes(value), `${name} leaked`).toBe(false);
    }
    expect(stderr).toContain('tool_rejected');
  });
});

/**
 * The hostile-input corpus driven through the real `load_transcript` tool and
 * the tool-argument table: every case gets its coded error (or loads), nothing
 * crashes or hangs, no reply carries a stack trace or a full path, and the
 * server keeps serving afterwards.
 */

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { hostileContentCases } from '../hostile/content-cases.js';
import { setupHostileFileCorpus, type HostileFileCorpus } from '../hostile/file-cases.js';
import { HOSTILE_HEADER_CASES } from '../hostile/http-header-cases.js';
import { HOSTILE_CLIENT_WRITES } from '../hostile/client-write-cases.js';
import { HOSTILE_MODEL_CASES } from '../hostile/model-output-cases.js';
import { HOSTILE_STDIO_CASES } from '../hostile/stdio-message-cases.js';
import { HOSTILE_TOOL_ARGUMENT_CASES } from '../hostile/tool-argument-cases.js';
import { HOSTILE_ZOOM_CASES } from '../hostile/zoom-payload-cases.js';
import { callOk, connect, textOf, type Connected } from '../support/harness.js';

function expectCleanError(text: string, corpus: HostileFileCorpus) {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toContain(corpus.baseDir);
  expect(text).not.toMatch(/\/(tmp|work|home|root|etc)\//);
  expect(text).toMatch(/\[ref: [0-9a-f]{12}\]$/);
}

describe('hostile inputs through the MCP tools', () => {
  let corpus: HostileFileCorpus;
  let connected: Connected;

  beforeAll(async () => {
    corpus = await setupHostileFileCorpus();
    const config = loadConfig({ TRANSCRIPT_ROOTS: corpus.roots.join(path.delimiter), MAX_TRANSCRIPT_BYTES: String(corpus.maxBytes) }, corpus.cwd);
    connected = await connect({ config });
  });
  afterAll(async () => {
    await connected.close();
    await corpus.cleanup();
  });

  it('has a corpus of at least 60 cases across its eight entry points, at least 8 each', () => {
    const casesPerEntryPoint = {
      files: corpus.cases.length,
      inlineContent: hostileContentCases().length,
      toolArguments: HOSTILE_TOOL_ARGUMENT_CASES.length,
      httpHeaders: HOSTILE_HEADER_CASES.length,
      zoomPayloads: HOSTILE_ZOOM_CASES.length,
      modelOutputs: HOSTILE_MODEL_CASES.length,
      clientWrites: HOSTILE_CLIENT_WRITES.length,
      // Driven through the built server by test/e2e/stdio-limits.test.ts.
      stdioMessages: HOSTILE_STDIO_CASES.length,
    };
    for (const [entryPoint, count] of Object.entries(casesPerEntryPoint)) expect(count, entryPoint).toBeGreaterThanOrEqual(8);
    expect(Object.values(casesPerEntryPoint).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(60);
  });

  it('answers every file case with its code', async () => {
    for (const testCase of corpus.cases) {
      const result = await connected.client.callTool({ name: 'load_transcript', arguments: { path: testCase.path } });
      const text = textOf(result as never);
      if (testCase.expectedCode === null) {
        expect(result.isError, `${testCase.name}: ${text}`).toBeFalsy();
      } else {
        expect(result.isError, testCase.name).toBe(true);
        expect(text.startsWith(testCase.expectedCode), `${testCase.name}: ${text}`).toBe(true);
        expectCleanError(text, corpus);
      }
    }
  });

  it('answers every content case with its code', async () => {
    const bytesDir = path.join(corpus.roots[0]!, 'bytes');
    await fs.mkdir(bytesDir, { recursive: true });
    for (const [i, testCase] of hostileContentCases().entries()) {
      let args: Record<string, unknown>;
      if (typeof testCase.input === 'string') {
        args = { content: testCase.input };
      } else {
        const file = path.join(bytesDir, `case-${i}.vtt`);
        await fs.writeFile(file, testCase.input);
        args = { path: file };
      }
      const result = await connected.client.callTool({ name: 'load_transcript', arguments: args });
      const text = textOf(result as never);
      if (testCase.expectedCode === null) {
        expect(result.isError, `${testCase.name}: ${text.slice(0, 300)}`).toBeFalsy();
        if (testCase.expectedWarning) {
          const warnings = (result.structuredContent as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code);
          expect(warnings, testCase.name).toContain(testCase.expectedWarning);
        }
      } else {
        expect(result.isError, testCase.name).toBe(true);
        expect(text.startsWith(testCase.expectedCode), `${testCase.name}: ${text.slice(0, 300)}`).toBe(true);
        expectCleanError(text, corpus);
      }
    }
  });

  it('names the line of a malformed transcript', async () => {
    const content = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn Lee: fine\n\n00:00:bad --> what\nbroken one\n\n00:00:bad --> what\nbroken two\n\n00:00:bad --> what\nbroken three\n';
    const result = await connected.client.callTool({ name: 'load_transcript', arguments: { content } });
    expect(result.isError).toBe(true);
    expect(textOf(result as never)).toMatch(/^TRANSCRIPT_MALFORMED \(line \d+\)/);
  });

  it('rejects hostile tool arguments without crashing', async () => {
    const { transcript_id: id } = await callOk<{ transcript_id: string }>(connected.client, 'load_transcript', { content: 'Ann Lee: the pilot went live.\nBo Chan: great news.' });
    for (const testCase of HOSTILE_TOOL_ARGUMENT_CASES) {
      const result = await connected.client.callTool({ name: testCase.tool, arguments: testCase.args({ transcriptId: id }) });
      const text = textOf(result as never);
      const label = `${testCase.tool}: ${testCase.name}: ${text.slice(0, 200)}`;
      expect(result.isError, label).toBe(true);
      if (testCase.expected === 'schema') {
        expect(text, label).toMatch(new RegExp(`^Input validation error: Invalid arguments for tool ${testCase.tool}:`));
        expect(text).not.toMatch(/\n\s+at /);
        expect(text).not.toContain(corpus.baseDir);
      } else {
        expect(text.startsWith(`${testCase.expected}:`), label).toBe(true);
        expectCleanError(text, corpus);
      }
    }
    // Still serving, and the good transcript is intact.
    const listed = await callOk<{ transcripts: Array<{ transcript_id: string }> }>(connected.client, 'list_transcripts', {});
    expect(listed.transcripts.map((t) => t.transcript_id)).toContain(id);
    const search = await callOk<{ hits: unknown[] }>(connected.client, 'search_transcripts', { query: 'pilot live', transcript_id: id });
    expect(search.hits.length).toBe(1);
  });
});

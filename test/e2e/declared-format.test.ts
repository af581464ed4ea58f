/**
 * A .vtt or .srt file whose content is not that format, through the built CLI
 * and the built server: refused with TRANSCRIPT_MALFORMED naming line 1 and
 * what was expected, unless the caller names the format; .txt stays permissive.
 */

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, serverEnv } from '../support/spawn.js';

const run = promisify(execFile);
const ONE_WORD = 'a'.repeat(5 * 1024 * 1024);

async function inspect(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'inspect', file], { env: serverEnv({ LOG_LEVEL: 'warn' }) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe('a file that is not what its name says', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'declared-format-'));
    await writeFile(path.join(dir, 'call.vtt'), ONE_WORD);
    await writeFile(path.join(dir, 'call.txt'), ONE_WORD);
    await writeFile(path.join(dir, 'notes.srt'), 'Ann Lee: the pilot went live.\nBo Chan: great news.\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the CLI refuses a .vtt without a WEBVTT header and a .srt without cues, naming line 1', async () => {
    const vtt = await inspect(path.join(dir, 'call.vtt'));
    expect(vtt.code).toBe(1);
    expect(vtt.stderr).toMatch(/^TRANSCRIPT_MALFORMED \(line 1\): The file is named \.vtt but is not WebVTT: line 1 should be the "WEBVTT" header\./);
    const srt = await inspect(path.join(dir, 'notes.srt'));
    expect(srt.code).toBe(1);
    expect(srt.stderr).toMatch(/^TRANSCRIPT_MALFORMED \(line 1\): .*should be a cue number or a timing/);
    expect(`${vtt.stderr}${srt.stderr}`).not.toContain('aaaa');
    expect(`${vtt.stderr}${srt.stderr}`).not.toContain('pilot');
  });

  it('the CLI still reads the same text from a .txt file', async () => {
    const txt = await inspect(path.join(dir, 'call.txt'));
    expect(txt.code).toBe(0);
    expect(txt.stdout).toMatch(/format\s+txt/);
  });

  it('the server refuses it by path, and loads it when the caller names the format', async () => {
    const client = new Client({ name: 'declared-format', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI], env: serverEnv({ TRANSCRIPT_ROOTS: dir, LOG_LEVEL: 'warn' }) }));
    try {
      const refused = await client.callTool({ name: 'load_transcript', arguments: { path: path.join(dir, 'call.vtt') } });
      expect(refused.isError).toBe(true);
      expect((refused.content as Array<{ text: string }>)[0]!.text).toMatch(/^TRANSCRIPT_MALFORMED \(line 1\): /);
      const loaded = await client.callTool({ name: 'load_transcript', arguments: { path: path.join(dir, 'notes.srt'), format: 'txt' } });
      expect(loaded.isError).toBeFalsy();
      expect(loaded.structuredContent).toMatchObject({ format: 'txt' });
    } finally {
      await client.close();
    }
  });
});

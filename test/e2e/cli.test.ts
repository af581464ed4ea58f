/** The built CLI as users run it: output, files written, exit codes 0 / 1 / 2. */

import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEST_VTT } from '../support/harness.js';
import { CLI, PACKAGE_ROOT, serverEnv } from '../support/spawn.js';
import { FakeZoom } from '../fakes/fake-zoom.js';
import { CANARY_SECRET, CANARY_TOKEN_PREFIX, meeting } from '../zoom/harness.js';

const run = promisify(execFile);

async function cli(args: string[], cwd?: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: serverEnv({ LOG_LEVEL: 'warn', ...env }), cwd, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cli-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('inspects a transcript as text and JSON', async () => {
    const text = await cli(['inspect', QUEST_VTT]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/format\s+vtt/);
    expect(text.stdout).toMatch(/Franklin Dorsey: \d+% of talk/);
    const json = await cli(['inspect', QUEST_VTT, '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ format: 'vtt', cue_count: 133 });
    expect(parsed.speakers).toHaveLength(2);
  });

  it('searches with ranked, timestamped hits', async () => {
    const result = await cli(['search', QUEST_VTT, 'what', 'does', 'ETR', 'stand', 'for', '-n', '5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. \[\d\d:\d\d:\d\d\] /);
    expect(result.stdout).toContain('Entitlement Time Review');
  });

  it('writes the snapshot as Markdown, JSON and HTML', async () => {
    const md = await cli(['snapshot', QUEST_VTT]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Customer Success Snapshot/);
    expect(md.stdout).toContain('## Executive Summary');

    const jsonFile = path.join(dir, 'snap.json');
    const json = await cli(['snapshot', QUEST_VTT, '--format', 'json', '--out', jsonFile, '--engine', 'offline']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe('');
    const snapshot = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(snapshot.sections).toHaveLength(11);
    expect(snapshot.engine).toBe('offline');
    expect((await stat(jsonFile)).mode & 0o077).toBe(0);

    const htmlFile = path.join(dir, 'snap.html');
    expect((await cli(['snapshot', QUEST_VTT, '-f', 'html', '-o', htmlFile])).code).toBe(0);
    expect(await readFile(htmlFile, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('exits 1 with a coded error for bad input, naming only the file', async () => {
    const missing = await cli(['inspect', path.join(dir, 'nope.vtt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^FILE_NOT_FOUND/);
    expect(missing.stderr).not.toContain(dir);
    const bad = path.join(dir, 'bad.vtt');
    await writeFile(bad, 'WEBVTT\n\n00:00:xx --> nope\nbroken\n\n00:00:yy --> nope\nbroken\n');
    const malformed = await cli(['snapshot', bad]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^TRANSCRIPT_MALFORMED \(line \d+\)/);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists Zoom recordings and imports one straight into a snapshot', async () => {
    const fake = await FakeZoom.start({ accountId: 'acct-1', clientId: 'client-1', clientSecret: CANARY_SECRET, tokenPrefix: CANARY_TOKEN_PREFIX });
    try {
      const today = new Date().toISOString().slice(0, 10);
      fake.addMeeting(meeting({ startTime: `${today}T09:00:00Z`, topic: 'Renewal call' }));
      const s = fake.settings();
      const env = { ZOOM_ACCOUNT_ID: s.accountId, ZOOM_CLIENT_ID: s.clientId, ZOOM_CLIENT_SECRET: s.clientSecret, ZOOM_API_BASE_URL: s.apiBaseUrl, ZOOM_OAUTH_URL: s.oauthUrl };
      const list = await cli(['zoom', 'list', '--json'], undefined, env);
      expect(list.code, list.stderr).toBe(0);
      const uuid = (JSON.parse(list.stdout) as { meetings: Array<{ uuid: string }> }).meetings[0]!.uuid;
      const imported = await cli(['zoom', 'import', uuid, '--snapshot', '-f', 'json'], undefined, env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ engine: 'offline', sections: expect.any(Array) });
      for (const output of [list.stdout, list.stderr, imported.stdout, imported.stderr]) {
        expect(output).not.toContain(CANARY_SECRET);
        expect(output).not.toContain(CANARY_TOKEN_PREFIX);
      }
      const unconfigured = await cli(['zoom', 'list']);
      expect(unconfigured.code).toBe(1);
      expect(unconfigured.stderr).toMatch(/^ZOOM_NOT_CONFIGURED/);
    } finally {
      await fake.close();
    }
  });

  it('exits 2 for usage errors and 0 for help on every command', async () => {
    expect((await cli(['inspect'])).code).toBe(2);
    expect((await cli(['snapshot', QUEST_VTT, '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['search', QUEST_VTT, 'x', '-n', '0'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    for (const command of ['serve', 'inspect', 'search', 'snapshot']) {
      const help = await cli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain('Usage:');
    }
    const badVendor = await cli(['snapshot', QUEST_VTT, '--vendor', '{"company": "canary"']);
    expect(badVendor.code).toBe(2);
    expect(badVendor.stderr).toMatch(/--vendor must be a company name/);
    const badConfig = await cli(['inspect', QUEST_VTT], undefined, { MAX_TRANSCRIPT_BYTES: 'plenty' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/^CONFIG_INVALID: .*MAX_TRANSCRIPT_BYTES/);
    expect(badConfig.stderr).not.toContain('plenty');
    const version = await cli(['--version']);
    const pkg = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
    const topHelp = await cli(['--help']);
    expect(topHelp.code).toBe(0);
    expect(topHelp.stdout).toMatch(/snapshot/);
  });

  it('reads a .env file under the environment, and names a key of the wrong shape and a readable .env without their values', async () => {
    const project = await mkdtemp(path.join(dir, 'env-'));
    await writeFile(path.join(project, '.env'), 'MAX_TRANSCRIPT_BYTES=100\nLLM_API_KEY=dotenv canary value\n', { mode: 0o644 });
    await chmod(path.join(project, '.env'), 0o644);
    const loaded = await cli(['inspect', QUEST_VTT], project, { ANTHROPIC_API_KEY: 'wrong-shape-canary-0123456789' });
    expect(loaded.code).toBe(1);
    expect(loaded.stderr).toMatch(/TRANSCRIPT_TOO_LARGE/);
    expect(loaded.stderr).toMatch(/ANTHROPIC_API_KEY does not look like an Anthropic key/);
    expect(loaded.stderr).toMatch(/LLM_API_KEY does not look like/);
    expect(loaded.stderr).toMatch(/\.env is readable by other users/);
    expect(loaded.stderr).not.toMatch(/canary/);

    await chmod(path.join(project, '.env'), 0o600);
    const overridden = await cli(['inspect', QUEST_VTT], project, { MAX_TRANSCRIPT_BYTES: '10485760' });
    expect(overridden.code).toBe(0);
    expect(overridden.stderr).not.toMatch(/readable by other users/);
  });

  it('takes --vendor as a name or a JSON profile, over SNAPSHOT_VENDOR', async () => {
    const named = await cli(['snapshot', QUEST_VTT, '--format', 'json', '--vendor', 'Fabrikam']);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({ engine: 'offline' });
    const profiled = await cli(['snapshot', QUEST_VTT, '--format', 'json', '--vendor', '{"company": "Fabrikam", "domains": ["fabrikam.example"]}'], undefined, { SNAPSHOT_VENDOR: 'Contoso' });
    expect(profiled.code).toBe(0);
    // Every command with a workspace refuses a bad setting before it starts, the server too; inspect never reads it.
    for (const args of [['snapshot', QUEST_VTT], ['search', QUEST_VTT, 'budget'], ['serve']]) {
      const badSetting = await cli(args, undefined, { SNAPSHOT_VENDOR: '{"company": 42}' });
      expect(badSetting.code, args[0]).toBe(2);
      expect(badSetting.stderr).toMatch(/^CONFIG_INVALID: .*SNAPSHOT_VENDOR/);
    }
    expect((await cli(['inspect', QUEST_VTT], undefined, { SNAPSHOT_VENDOR: '{"company": 42}' })).code).toBe(0);
  });

  it('masks e-mails and phone numbers in the snapshot with --mask-pii', async () => {
    const file = path.join(dir, 'contact.txt');
    await writeFile(file, 'Dana Ortiz: Reach me at dana.ortiz@brightwater.example or +1 415 555 0142.\nSam Lee: Thanks Dana, and how many drivers use it?\nDana Ortiz: About 350 drivers.\n');
    const masked = await cli(['snapshot', file, '--format', 'json', '--mask-pii']);
    expect(masked.code).toBe(0);
    expect(masked.stdout).not.toMatch(/dana\.ortiz@|555 0142/);
    expect(JSON.parse(masked.stdout)).toMatchObject({ pii_masked: true });
  });
});

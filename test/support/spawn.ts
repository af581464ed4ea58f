/**
 * End-to-end support: the built server (`dist/cli/main.js`) spawned as users
 * run it, with a clean environment and captured stderr.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

/** The environment a spawned server gets: PATH and HOME only, plus what the test sets. */
export function serverEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...extra };
}

/** Spawns `serve --http --port 0` and resolves with the URL it logs once it listens (LOG_LEVEL is forced to info for that line). */
export async function spawnHttpServer(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--http', '--port', '0'], { env: serverEnv({ ...env, LOG_LEVEL: 'info' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"url":"(http:[^"]+)"/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/**
 * End-to-end support: the built server (`dist/cli/main.js`) spawned as users
 * run it, with a clean environment and captured stderr.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

/** The environment a spawned server gets: PATH and HOME only, plus what the test sets. */
export function serverEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...extra };
}

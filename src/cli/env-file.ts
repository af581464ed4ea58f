/**
 * The optional `.env` file in the working directory: its variables fill in
 * what the environment does not set (the environment always wins). A file
 * holding keys must be private to its owner, so one that the group or others
 * can read is loaded but reported, by name only, never with its contents.
 */

import fs from 'node:fs';
import path from 'node:path';

export interface EnvFileOutcome {
  /** The file's name as shown to the user (relative to the working directory). */
  name: string;
  /** Group or others may read it. */
  exposed: boolean;
}

export function loadEnvFile(cwd: string): EnvFileOutcome | null {
  const file = path.join(cwd, '.env');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  process.loadEnvFile(file);
  // Windows has no POSIX mode bits worth reading.
  const exposed = process.platform !== 'win32' && (stat.mode & 0o044) !== 0;
  return { name: '.env', exposed };
}

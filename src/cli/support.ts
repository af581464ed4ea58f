/**
 * What the CLI commands share: stdout output, and the folders a file named
 * on the command line may be read from. Light on purpose: every command
 * loads it.
 */

import path from 'node:path';
import { resolveAllowedRoots } from '../adapters/files/safe-path.js';
import type { Config } from '../config.js';

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Files named on the command line are the user's own choice, so any readable
 * folder is allowed (the MCP server, where a model picks paths, is the one
 * confined to roots); the extension, regular file and size checks still apply.
 */
export function commandLineRoots(config: Config, file: string): Promise<string[]> {
  return resolveAllowedRoots([path.parse(path.resolve(config.cwd, file)).root], config.cwd);
}

/**
 * What `npm install mcp-snapshot-server` brings is what the shipped code
 * imports: every package the code under src/ imports (tests aside) is a
 * runtime dependency, or a user's install breaks; and every runtime
 * dependency is imported there, or users download what only the benchmark
 * or the tests need.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
/** Static imports and re-exports (at the start of a line, possibly spanning lines), and dynamic imports; relative ones aside. */
const IMPORT_SPECIFIER = /^(?:import|export)\s(?:[^;']*?\sfrom\s)?\s*'([^'.][^']*)'|\bimport\(\s*'([^'.][^']*)'\s*\)/gm;

function shippedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return shippedSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const imported = new Set(
  shippedSources(path.join(ROOT, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)].map((match) => (match[1] ?? match[2])!).filter((specifier) => !specifier.startsWith('node:')).map(packageOf),
  ),
);

describe('runtime dependencies', () => {
  it('include every package the shipped code imports', () => {
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('include nothing the shipped code does not import', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });
});

/**
 * Property-based tests for the path check: `readTranscriptFile` (which applies the
 * checks in `safe-path.ts`) and `isWithinRoot`. A real temp dir holds an allowed root
 * and siblings sharing its name's prefix (`root-evil`, `rootx`), with symlinks inside
 * the root pointing out and in, a FIFO, a link loop and a directory named like a
 * transcript. Every file's content names where it lives, so a read that succeeds shows
 * which real file it opened: generated paths (`..`, `.`, empty and encoded segments,
 * lookalikes, backslashes, NUL, absolute prefixes, walks through the real links) must never
 * open one outside the root, fail only with coded errors, get PATH_OUTSIDE_ROOTS exactly when
 * they lead outside (by an independent resolver), and read the file they name when they stay inside.
 */

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, InputError } from '../../core/errors.js';
import { readTranscriptFile, type TranscriptFile } from './read-transcript-file.js';
import { isWithinRoot } from './safe-path.js';

/** Per-run limit (a read that waits on a FIFO fails the property) and a whole-property hang guard. */
const HANG_GUARD = [fc.timeout(5_000), fc.interruptAfterTimeLimit(20_000, { failOnInterrupt: true })];
const MAX_BYTES = 4096;
const INSIDE = 'inside:';
const OUTSIDE = 'outside:';

/** Regular files, relative to the temp dir; content is the marker plus the path, so a read shows what it opened. */
const FILES = [
  'root/a.vtt',
  'root/..notes.vtt',
  'root/Café.srt',
  'root/sub/b.txt',
  'root/sub/deeper/c.vtt',
  'root-evil/secret.vtt',
  'root-evil/sub/b.txt',
  'rootx/secret.vtt',
  'secret.vtt',
];
/** Symlinks: [link, target]; targets are relative to the link's folder unless absolute (`@` = temp dir). */
const LINKS: ReadonlyArray<readonly [string, string]> = [
  ['root/link-in.vtt', 'sub/deeper/c.vtt'],
  ['root/dir-in', 'sub'],
  ['root/link-out.vtt', '../root-evil/secret.vtt'],
  ['root/link-abs-out.vtt', '@/rootx/secret.vtt'],
  ['root/dir-out', '../root-evil'],
  ['root/sub/up-out', '../../rootx'],
  ['root/dangling-out.vtt', '../root-evil/missing.vtt'],
  ['root/loop.vtt', 'loop.vtt'],
  ['root-link', 'root'],
];

let base = '';
let root = '';

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'safe-path-property-')));
  root = path.join(base, 'root');
  for (const file of FILES) {
    await fs.mkdir(path.dirname(path.join(base, file)), { recursive: true });
    await fs.writeFile(path.join(base, file), `${file.startsWith('root/') ? INSIDE : OUTSIDE}${file}\n`);
  }
  await fs.mkdir(path.join(root, 'dir.vtt'));
  for (const [link, target] of LINKS) await fs.symlink(target.replace(/^@/, base), path.join(base, link));
  execFileSync('mkfifo', [path.join(root, 'pipe.vtt')]);
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

type ReadOutcome = { ok: true; file: TranscriptFile; content: string } | { ok: false; code: string; message: string };

/** Reads `requested`; a coded InputError is a refusal, anything else thrown fails the property. */
async function attempt(requested: string, cwd: string): Promise<ReadOutcome> {
  try {
    const file = await readTranscriptFile(requested, { roots: [root], maxBytes: MAX_BYTES, cwd });
    return { ok: true, file, content: Buffer.from(file.bytes).toString('utf8') };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(ERROR_CODES).toContain(error.code);
    return { ok: false, code: error.code, message: error.message };
  }
}

/** Lexical normalisation by a stack of segments: the reference the checks are compared against. */
function segmentsOf(absolutePath: string): string[] {
  const stack: string[] = [];
  for (const segment of absolutePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') stack.pop();
    else stack.push(segment);
  }
  return stack;
}

function startsWithSegments(candidate: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= candidate.length && prefix.every((segment, i) => candidate[i] === segment);
}

/**
 * Where an absolute path really leads: segment by segment, following every symlink (dangling
 * ones too, to where their target would be), keeping missing segments as written. An
 * independent walk to hold the adapter's recursive resolution against.
 */
async function whereItLeads(absolutePath: string, hops = 0): Promise<string> {
  const segments = segmentsOf(absolutePath);
  let reached = '/';
  for (const [i, segment] of segments.entries()) {
    const next = path.join(reached, segment);
    const stats = await fs.lstat(next).catch(() => null);
    if (stats === null) return path.join(next, ...segments.slice(i + 1));
    reached = stats.isSymbolicLink() && hops < 40 ? await whereItLeads(path.resolve(reached, await fs.readlink(next)), hops + 1) : next;
  }
  return reached;
}

/** What `assertUsablePath` refuses on POSIX, as its contract states it. */
function isUnusablePath(requested: string): boolean {
  return requested.trim() === '' || requested.includes('\0') || /^[A-Za-z]:[\\/]|^\\\\/.test(requested);
}

const hostileSegment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '..', '..', '.', '', 'root', 'root-evil', 'rootx', 'root-link', 'sub', 'deeper', 'dir-in', 'dir-out', 'up-out',
      'a.vtt', 'b.txt', 'c.vtt', '..notes.vtt', 'Café.srt', 'Cafe\u0301.srt', 'secret.vtt', 'link-in.vtt', 'link-out.vtt',
      'link-abs-out.vtt', 'dangling-out.vtt', 'loop.vtt', 'pipe.vtt', 'dir.vtt', 'missing.vtt', 'A.VTT', '%2e%2e',
      '%2e%2e%2fsecret.vtt', '..%2f', '\uff0e\uff0e', '\u2024\u2024', 'root\u200b', '\uff52\uff4f\uff4f\uff54', '...',
      '..\\secret.vtt', '..\\..', 'a.vtt\0', 'C:', '~', 'a.vtt ', ' ..', '.. ', 'file:', '\\\\server',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const separator = fc.constantFrom('/', '/', '/', '//', '\\', '/./');
const relativePath = fc
  .tuple(fc.array(fc.tuple(hostileSegment, separator), { maxLength: 7 }), hostileSegment)
  .map(([steps, last]) => steps.map(([segment, sep]) => segment + sep).join('') + last);

/**
 * Reads `requested` and checks the answer: a read opened a file inside the root (its content
 * says so) under its own name; a refusal is coded and names no folder; an unusable path gets
 * INVALID_ARGUMENT; otherwise PATH_OUTSIDE_ROOTS comes exactly when the path leads outside the
 * root, whether what it leads to exists or not (nothing outside may be probed).
 */
async function expectSafeOutcome(requested: string, cwd: string): Promise<void> {
  const outcome = await attempt(requested, cwd);
  if (outcome.ok) {
    expect(outcome.content.startsWith(INSIDE)).toBe(true);
    expect(outcome.content.trimEnd().endsWith(`/${outcome.file.basename}`)).toBe(true);
    return;
  }
  expect(outcome.message).not.toContain(base);
  if (isUnusablePath(requested)) {
    expect(outcome.code).toBe('INVALID_ARGUMENT');
    return;
  }
  const leadsOutside = !startsWithSegments(segmentsOf(await whereItLeads(path.resolve(cwd, requested))), segmentsOf(root));
  expect(outcome.code === 'PATH_OUTSIDE_ROOTS').toBe(leadsOutside);
}

const startArb = fc.constantFrom('', '', '@/', '@/root/', '/', '@/root-evil/');
const cwdArb = fc.constantFrom('root', 'root/sub', '', 'root-evil');

describe('readTranscriptFile on generated paths (property)', () => {
  it('never opens a file outside the root and refuses hostile path strings with coded errors', async () => {
    await fc.assert(
      fc.asyncProperty(startArb, relativePath, cwdArb, async (start, rest, cwdName) => {
        await expectSafeOutcome(start.replace(/^@/, base) + rest, path.join(base, cwdName));
      }),
      { numRuns: 150, plugins: HANG_GUARD },
    );
  });

  it('never opens a file outside the root on walks through the real tree, its symlinks and `..`', async () => {
    // Each step takes an entry of the folder reached so far (or `..`, `.`), so links are followed for real.
    const step = fc.record({ pick: fc.noBias(fc.nat({ max: 10_000 })), hostile: fc.option(hostileSegment, { freq: 5, nil: null }), separator });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('', '@/', '@/root/'), fc.array(step, { minLength: 1, maxLength: 5 }), cwdArb, async (start, steps, cwdName) => {
        const cwd = path.join(base, cwdName);
        let requested = start.replace(/^@/, base);
        let reached = path.resolve(cwd, requested || '.');
        for (const [i, { pick, hostile, separator: sep }] of steps.entries()) {
          // Above the temp dir only the way back in is offered, so the walk never depends on what else is in /tmp.
          const listing = startsWithSegments(segmentsOf(reached), segmentsOf(base))
            ? await fs.readdir(reached).then((names) => names.sort(), () => [])
            : [path.basename(base)];
          const entries = hostile === null ? ['..', '.', ...listing] : [hostile];
          const segment = entries[pick % entries.length] as string;
          requested += (i === 0 ? '' : sep) + segment;
          reached = path.resolve(reached, segment);
        }
        await expectSafeOutcome(requested, cwd);
      }),
      { numRuns: 200, plugins: HANG_GUARD },
    );
  });

  /** The folders inside the root, as a path walk sees them; `dir-in` is a symlink to `sub`. */
  const TREE: Readonly<Record<string, { dirs: readonly string[]; files: readonly string[] }>> = {
    '': { dirs: ['sub', 'dir-in'], files: ['a.vtt', '..notes.vtt', 'Café.srt', 'link-in.vtt'] },
    sub: { dirs: ['deeper'], files: ['b.txt'] },
    'sub/deeper': { dirs: [], files: ['c.vtt'] },
  };
  const LINK_TARGETS: Readonly<Record<string, string>> = { 'link-in.vtt': 'sub/deeper/c.vtt' };

  it('reads the file a path names when every step stays inside the root, however it is written', async () => {
    const step = fc.record({ move: fc.constantFrom('down', 'down', 'up', 'dot', 'empty'), pick: fc.nat() });
    const start = fc.constantFrom('relative', 'absolute', 'via-link-to-root');
    await fc.assert(
      fc.asyncProperty(start, fc.array(step, { maxLength: 8 }), fc.nat(), async (how, steps, filePick) => {
        const written: string[] = [];
        const stack: string[] = [];
        const realFolder = (): string => stack.map((name) => (name === 'dir-in' ? 'sub' : name)).join('/');
        for (const { move, pick } of steps) {
          const dirs = (TREE[realFolder()] as { dirs: readonly string[] }).dirs;
          if (move === 'down' && dirs.length > 0) {
            const dir = dirs[pick % dirs.length] as string;
            stack.push(dir);
            written.push(dir);
          } else if (move === 'up' && stack.length > 0) {
            stack.pop();
            written.push('..');
          } else if (move === 'dot') {
            written.push('.');
          } else if (move === 'empty' && written.length > 0) {
            // A doubled separator; a leading one would make the path absolute.
            written.push('');
          }
        }
        const files = (TREE[realFolder()] as { files: readonly string[] }).files;
        const fileName = files[filePick % files.length] as string;
        written.push(fileName);
        const relative = written.join('/');
        const requested = { relative, absolute: `${root}/${relative}`, 'via-link-to-root': `${base}/root-link/${relative}` }[how] as string;
        const expectedFile = LINK_TARGETS[fileName] ?? [realFolder(), fileName].filter((part) => part !== '').join('/');

        const outcome = await attempt(requested, root);
        expect(outcome.ok ? outcome.content : outcome.code).toBe(`${INSIDE}root/${expectedFile}\n`);
      }),
      { numRuns: 150, plugins: HANG_GUARD },
    );
  });
});

describe('isWithinRoot (property)', () => {
  it('agrees with a segment-by-segment comparison of the normalised paths', () => {
    const segment = fc.constantFrom('data', 'calls', 'calls-evil', 'callsx', 'call', '..', '.', '', '..notes', 'sub');
    const pathArb = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([absolute, parts]) => (absolute ? '/' : '') + parts.join('/'));
    fc.assert(
      fc.property(pathArb, pathArb, (candidate, rootPath) => {
        const expected = candidate.startsWith('/') && rootPath.startsWith('/') && startsWithSegments(segmentsOf(candidate), segmentsOf(rootPath));
        expect(isWithinRoot(candidate, rootPath)).toBe(expected);
      }),
      { numRuns: 1000, plugins: [fc.interruptAfterTimeLimit(20_000, { failOnInterrupt: true })] },
    );
  });
});

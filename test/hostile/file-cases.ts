/**
 * Hostile-input corpus for reading transcript files: builds, in a fresh temp dir, allowed
 * roots full of traps (symlinks out, prefix-sibling dirs, a FIFO, a live Unix socket, a
 * link to a device, an oversized file, link loops) plus a few files that must load, and
 * lists each request with the error code it must get (null: loads). Used by the file
 * adapter's unit tests and, unchanged, to drive the `load_transcript` tool end to end.
 * Relative case paths resolve against `corpus.cwd`; absolute ones do not care.
 */

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ErrorCode } from '../../src/core/errors.js';

export interface HostileFileCase {
  name: string;
  /** As a caller would send it: absolute, or relative to `corpus.cwd`. */
  path: string;
  /** The error code the read must fail with; null when the file must load. */
  expectedCode: ErrorCode | null;
}

export interface HostileFileCorpus {
  /** The temp dir holding everything; no error message may contain it. */
  baseDir: string;
  /** Real, absolute allowed roots. */
  roots: string[];
  cwd: string;
  maxBytes: number;
  cases: HostileFileCase[];
  cleanup(): Promise<void>;
}

/** The product's default cap; the oversized file is one byte over it. */
export const CORPUS_MAX_BYTES = 10 * 1024 * 1024;

const VALID_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSpeaker A: Thanks for joining, shall we start?\n';
const VALID_SRT = '1\n00:00:01,000 --> 00:00:04,000\nSpeaker B: Yes, let us begin with the timeline.\n';
const VALID_TXT = 'Speaker A: The rollout starts next month.\nSpeaker B: We need the training plan first.\n';

function isRootUser(): boolean {
  return process.getuid?.() === 0;
}

export async function setupHostileFileCorpus(): Promise<HostileFileCorpus> {
  const baseDir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hostile-files-')));
  const root = path.join(baseDir, 'calls');
  const secondRoot = path.join(baseDir, 'archive');
  const sibling = path.join(baseDir, 'calls-evil');
  const outside = path.join(baseDir, 'outside');
  for (const dir of [root, secondRoot, sibling, outside, path.join(root, 'sub'), path.join(root, 'x.vtt')]) {
    await fs.mkdir(dir, { recursive: true });
  }
  const inRoot = (name: string) => path.join(root, name);

  await fs.writeFile(inRoot('call.vtt'), VALID_VTT);
  await fs.writeFile(inRoot('UPPER.VTT'), VALID_VTT);
  await fs.writeFile(inRoot('Mixed.Srt'), VALID_SRT);
  await fs.writeFile(inRoot('notes.txt'), VALID_TXT);
  await fs.writeFile(inRoot('réunion équipe.vtt'), VALID_VTT);
  await fs.writeFile(path.join(secondRoot, 'older.srt'), VALID_SRT);
  await fs.writeFile(inRoot('secret.key'), 'not a transcript\n');
  await fs.writeFile(inRoot('README'), 'no extension\n');
  await fs.writeFile(inRoot('.vtt'), VALID_VTT);
  await fs.writeFile(inRoot('call.vtt.exe'), VALID_VTT);
  await fs.writeFile(inRoot('big.vtt'), Buffer.alloc(CORPUS_MAX_BYTES + 1, 0x61));
  await fs.writeFile(path.join(sibling, 'call.vtt'), VALID_VTT);
  await fs.writeFile(path.join(outside, 'secret.vtt'), VALID_VTT);

  await fs.symlink('call.vtt', inRoot('alias.vtt'));
  await fs.symlink('secret.key', inRoot('disguised.vtt'));
  await fs.symlink('../outside/secret.vtt', inRoot('escape.vtt'));
  await fs.symlink('../outside/missing.vtt', inRoot('dangling-out.vtt'));
  await fs.symlink('missing-target.vtt', inRoot('dangling-in.vtt'));
  await fs.symlink('loop-b.vtt', inRoot('loop-a.vtt'));
  await fs.symlink('loop-a.vtt', inRoot('loop-b.vtt'));
  await fs.symlink('../outside', inRoot('linkdir'));
  await fs.symlink('/dev/zero', inRoot('zero.vtt'));
  await fs.symlink(root, path.join(baseDir, 'calls-link'));

  execFileSync('mkfifo', [inRoot('pipe.vtt')]);
  // The socket file exists only while its server listens, so the server lives until cleanup.
  const socketServer = net.createServer();
  await new Promise<void>((resolve, reject) => {
    socketServer.once('error', reject);
    socketServer.listen(inRoot('sock.vtt'), resolve);
  });

  const cases: HostileFileCase[] = [
    { name: 'empty path', path: '', expectedCode: 'INVALID_ARGUMENT' },
    { name: 'whitespace-only path', path: '   ', expectedCode: 'INVALID_ARGUMENT' },
    { name: 'NUL byte in path', path: `${inRoot('call.vtt')}\0.txt`, expectedCode: 'INVALID_ARGUMENT' },
    { name: 'Windows drive path', path: 'C:\\calls\\call.vtt', expectedCode: 'INVALID_ARGUMENT' },
    { name: 'Windows UNC path', path: '\\\\fileserver\\calls\\call.vtt', expectedCode: 'INVALID_ARGUMENT' },

    { name: 'plain .vtt inside root', path: inRoot('call.vtt'), expectedCode: null },
    { name: 'relative name against cwd', path: 'call.vtt', expectedCode: null },
    { name: 'uppercase extension', path: inRoot('UPPER.VTT'), expectedCode: null },
    { name: 'mixed-case .srt', path: inRoot('Mixed.Srt'), expectedCode: null },
    { name: 'plain .txt', path: inRoot('notes.txt'), expectedCode: null },
    { name: 'non-ASCII name with space', path: inRoot('réunion équipe.vtt'), expectedCode: null },
    { name: 'file in the second root', path: path.join(secondRoot, 'older.srt'), expectedCode: null },
    { name: 'symlink inside pointing inside', path: inRoot('alias.vtt'), expectedCode: null },
    { name: '.. that stays inside', path: `${inRoot('sub')}/../call.vtt`, expectedCode: null },
    { name: 'root reached through a symlinked dir', path: path.join(baseDir, 'calls-link', 'call.vtt'), expectedCode: null },

    { name: 'missing file inside root', path: inRoot('missing.vtt'), expectedCode: 'FILE_NOT_FOUND' },
    { name: 'missing dir inside root', path: inRoot('nowhere/missing.vtt'), expectedCode: 'FILE_NOT_FOUND' },
    { name: 'path through a regular file', path: inRoot('call.vtt/inner.vtt'), expectedCode: 'FILE_NOT_FOUND' },
    { name: 'dangling symlink pointing inside', path: inRoot('dangling-in.vtt'), expectedCode: 'FILE_NOT_FOUND' },
    { name: 'name longer than the OS allows', path: inRoot(`${'a'.repeat(300)}.vtt`), expectedCode: 'FILE_NOT_FOUND' },
    { name: 'file:// URL is a relative name, not decoded', path: `file://${inRoot('call.vtt')}`, expectedCode: 'FILE_NOT_FOUND' },
    { name: 'tilde is not expanded', path: '~/call.vtt', expectedCode: 'FILE_NOT_FOUND' },

    { name: 'existing file outside roots', path: path.join(outside, 'secret.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'missing file outside roots', path: path.join(outside, 'missing.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'missing dir outside roots', path: path.join(outside, 'nowhere', 'missing.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'system file', path: '/etc/passwd', expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'prefix-sharing sibling dir', path: path.join(sibling, 'call.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'absolute .. escape', path: `${root}/../outside/secret.vtt`, expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'relative .. escape', path: '../outside/secret.vtt', expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'deep relative .. escape', path: '../../../../../../../../etc/hosts', expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'parent of the root', path: baseDir, expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'symlink inside pointing outside', path: inRoot('escape.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'dangling symlink pointing outside', path: inRoot('dangling-out.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'file under a symlinked dir pointing outside', path: inRoot('linkdir/secret.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },
    { name: 'symlink to a device', path: inRoot('zero.vtt'), expectedCode: 'PATH_OUTSIDE_ROOTS' },

    { name: 'wrong extension', path: inRoot('secret.key'), expectedCode: 'FILE_NOT_ALLOWED' },
    { name: 'no extension', path: inRoot('README'), expectedCode: 'FILE_NOT_ALLOWED' },
    { name: 'dotfile named only .vtt', path: inRoot('.vtt'), expectedCode: 'FILE_NOT_ALLOWED' },
    { name: 'double extension ending elsewhere', path: inRoot('call.vtt.exe'), expectedCode: 'FILE_NOT_ALLOWED' },
    { name: '.vtt symlink to a wrong-extension file', path: inRoot('disguised.vtt'), expectedCode: 'FILE_NOT_ALLOWED' },
    { name: 'missing file with wrong extension', path: inRoot('missing.key'), expectedCode: 'FILE_NOT_ALLOWED' },

    { name: 'the root directory itself', path: root, expectedCode: 'FILE_NOT_REGULAR' },
    { name: 'the root as "."', path: '.', expectedCode: 'FILE_NOT_REGULAR' },
    { name: 'directory named x.vtt', path: inRoot('x.vtt'), expectedCode: 'FILE_NOT_REGULAR' },
    { name: 'FIFO named pipe.vtt', path: inRoot('pipe.vtt'), expectedCode: 'FILE_NOT_REGULAR' },
    { name: 'Unix socket named sock.vtt', path: inRoot('sock.vtt'), expectedCode: 'FILE_NOT_REGULAR' },
    { name: 'symlink loop', path: inRoot('loop-a.vtt'), expectedCode: 'FILE_NOT_REGULAR' },

    { name: 'one byte over the 10 MB cap', path: inRoot('big.vtt'), expectedCode: 'TRANSCRIPT_TOO_LARGE' },
  ];

  // Root reads every file whatever its mode, so the permission case exists only for other users.
  if (!isRootUser()) {
    await fs.writeFile(inRoot('locked.vtt'), VALID_VTT, { mode: 0o000 });
    cases.push({ name: 'file without read permission', path: inRoot('locked.vtt'), expectedCode: 'FILE_UNREADABLE' });
  }

  return {
    baseDir,
    roots: [root, secondRoot],
    cwd: root,
    maxBytes: CORPUS_MAX_BYTES,
    cases,
    async cleanup() {
      await new Promise<void>((resolve) => socketServer.close(() => resolve()));
      await fs.rm(baseDir, { recursive: true, force: true });
    },
  };
}

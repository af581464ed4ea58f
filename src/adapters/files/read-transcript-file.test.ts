import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, InputError } from '../../core/errors.js';
import { setupHostileFileCorpus } from '../../../test/hostile/file-cases.js';
import { readRegularFile, readTranscriptFile } from './read-transcript-file.js';
import { displayName, resolveAllowedRoots } from './safe-path.js';

const corpus = await setupHostileFileCorpus();
afterAll(() => corpus.cleanup());

const corpusOptions = { roots: corpus.roots, maxBytes: corpus.maxBytes, cwd: corpus.cwd };
const [root = '', secondRoot = ''] = corpus.roots;

/** The rejection of `promise` as an AppError; fails the test if it resolves or throws anything else. */
async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as AppError;
}

async function makeTempDir(): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'read-transcript-')));
}

describe('readTranscriptFile on the hostile corpus', () => {
  it.each(corpus.cases)('$name -> $expectedCode', async ({ path: requested, expectedCode }) => {
    const read = readTranscriptFile(requested, corpusOptions);
    if (expectedCode === null) {
      const file = await read;
      expect(file.bytes.length).toBeGreaterThan(0);
      return;
    }
    const error = await rejectionOf(read);
    expect(error.code).toBe(expectedCode);
    expect(error.message).not.toContain(corpus.baseDir);
    expect(error.message).not.toContain('/');
    if (requested.trim() !== '' && !requested.includes('\0')) {
      expect(error.message).toContain(displayName(requested));
    }
  });
});

describe('readTranscriptFile results', () => {
  it('returns the bytes, the real name and the lower-case extension', async () => {
    const file = await readTranscriptFile(path.join(root, 'UPPER.VTT'), corpusOptions);
    expect(file.basename).toBe('UPPER.VTT');
    expect(file.extension).toBe('vtt');
    expect(Buffer.from(file.bytes)).toEqual(await fs.readFile(path.join(root, 'UPPER.VTT')));
  });

  it.each([
    ['Mixed.Srt', 'srt'],
    ['notes.txt', 'txt'],
  ])('reads %s as %s', async (fileName, extension) => {
    expect((await readTranscriptFile(fileName, corpusOptions)).extension).toBe(extension);
  });

  it('names a symlinked file by its real name', async () => {
    const file = await readTranscriptFile('alias.vtt', corpusOptions);
    expect(file.basename).toBe('call.vtt');
  });

  it('resolves relative paths against cwd, not the process directory', async () => {
    const file = await readTranscriptFile('older.srt', { ...corpusOptions, cwd: secondRoot });
    expect(file.basename).toBe('older.srt');
  });

  it('reads nothing when no root is allowed', async () => {
    const error = await rejectionOf(readTranscriptFile('call.vtt', { ...corpusOptions, roots: [] }));
    expect(error.code).toBe('PATH_OUTSIDE_ROOTS');
  });
});

describe('readTranscriptFile does not reveal what lies outside the roots', () => {
  it('answers identically for an existing and a missing file outside', async () => {
    const outside = path.join(corpus.baseDir, 'outside');
    const existing = await rejectionOf(readTranscriptFile(path.join(outside, 'secret.vtt'), corpusOptions));
    const missing = await rejectionOf(readTranscriptFile(path.join(outside, 'nowhere', 'secret.vtt'), corpusOptions));
    expect([existing.code, existing.message]).toEqual([missing.code, missing.message]);
  });

  it('answers identically for a link to an existing and to a missing file outside', async () => {
    const existing = await rejectionOf(readTranscriptFile('escape.vtt', corpusOptions));
    const dangling = await rejectionOf(readTranscriptFile('dangling-out.vtt', corpusOptions));
    expect(existing.code).toBe('PATH_OUTSIDE_ROOTS');
    expect(dangling.code).toBe('PATH_OUTSIDE_ROOTS');
  });

  it('names a link by the name asked for, never its target', async () => {
    const escape = await rejectionOf(readTranscriptFile('escape.vtt', corpusOptions));
    const disguised = await rejectionOf(readTranscriptFile('disguised.vtt', corpusOptions));
    expect(escape.message).toContain('"escape.vtt"');
    expect(disguised.message).toContain('"disguised.vtt" is a link to a file that is not a transcript');
    for (const error of [escape, disguised]) {
      expect(error.message).not.toContain('secret');
    }
  });
});

describe('readTranscriptFile on special files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const error = await rejectionOf(readTranscriptFile('pipe.vtt', corpusOptions));
    expect(error.code).toBe('FILE_NOT_REGULAR');
    expect(error.message).toBe('"pipe.vtt" is a named pipe, not a regular file; pass a transcript file.');
  });

  it('refuses a directory with a transcript name, and the root itself', async () => {
    const directory = await rejectionOf(readTranscriptFile('x.vtt', corpusOptions));
    expect(directory.message).toContain('"x.vtt" is a directory');
    const rootItself = await rejectionOf(readTranscriptFile(root, corpusOptions));
    expect(rootItself.message).toContain('is an allowed folder, not a regular file');
  });
});

describe('readTranscriptFile size limit', () => {
  it('accepts a file of exactly maxBytes and refuses one byte more', async () => {
    const dir = await makeTempDir();
    try {
      await fs.writeFile(path.join(dir, 'exact.vtt'), Buffer.alloc(2048, 0x61));
      await fs.writeFile(path.join(dir, 'over.vtt'), Buffer.alloc(2049, 0x61));
      const options = { roots: [dir], maxBytes: 2048, cwd: dir };
      expect((await readTranscriptFile('exact.vtt', options)).bytes.length).toBe(2048);
      const error = await rejectionOf(readTranscriptFile('over.vtt', options));
      expect(error.code).toBe('TRANSCRIPT_TOO_LARGE');
      expect(error.message).toBe('"over.vtt" is larger than the 2 KB limit for a transcript.');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads an empty file as zero bytes (emptiness is the parser’s call)', async () => {
    const dir = await makeTempDir();
    try {
      await fs.writeFile(path.join(dir, 'empty.txt'), '');
      const file = await readTranscriptFile('empty.txt', { roots: [dir], maxBytes: 1024, cwd: dir });
      expect(file.bytes.length).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('readRegularFile', () => {
  it.each(['/dev/zero', '/dev/null'])('refuses the device %s after opening, without reading it', async (device) => {
    const error = await rejectionOf(readRegularFile(device, { maxBytes: 1024, name: '"device.vtt"' }));
    expect(error.code).toBe('FILE_NOT_REGULAR');
    expect(error.message).toContain('"device.vtt" is a device');
  });

  it('does not follow a symlink in the last segment (O_NOFOLLOW)', async () => {
    const error = await rejectionOf(readRegularFile(path.join(root, 'alias.vtt'), { maxBytes: 1024, name: '"alias.vtt"' }));
    expect(error.code).toBe('FILE_NOT_REGULAR');
  });

  // procfs files report size 0 to fstat yet read as text: a stand-in for a file that grew after fstat.
  it.skipIf(!existsSync('/proc/self/status'))('bounds the read itself, not only the fstat size', async () => {
    expect((await fs.stat('/proc/self/status')).size).toBe(0);
    const error = await rejectionOf(readRegularFile('/proc/self/status', { maxBytes: 16, name: '"status"' }));
    expect(error.code).toBe('TRANSCRIPT_TOO_LARGE');
    const bytes = await readRegularFile('/proc/self/status', { maxBytes: 1024 * 1024, name: '"status"' });
    expect(Buffer.from(bytes).toString('utf8')).toContain('Name:');
  });
});

// resolveAllowedRoots lives in safe-path.ts; it is tested here because it needs the corpus's real directories.
describe('resolveAllowedRoots', () => {
  it('makes roots absolute and real, skipping missing, blank, non-directory and repeated ones', async () => {
    const resolved = await resolveAllowedRoots(
      ['calls', path.join(corpus.baseDir, 'calls-link'), 'archive/', '', 'missing', 'calls/call.vtt', 'bad\0root'],
      corpus.baseDir,
    );
    expect(resolved).toEqual([root, secondRoot]);
  });

  it('returns no roots rather than inventing a fallback', async () => {
    expect(await resolveAllowedRoots(['does-not-exist'], corpus.baseDir)).toEqual([]);
    expect(await resolveAllowedRoots([], corpus.baseDir)).toEqual([]);
  });
});

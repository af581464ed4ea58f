import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import {
  assertUsablePath,
  codeForErrno,
  displayName,
  fileErrors,
  fileKind,
  formatByteSize,
  isWindowsStylePath,
  isWithinAnyRoot,
  isWithinRoot,
  rootsFromFileUris,
  transcriptExtension,
} from './safe-path.js';

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof InputError ? error.code : 'not an InputError';
  }
}

describe('isWithinRoot', () => {
  it.each([
    ['/data/calls/a.vtt', '/data/calls', true],
    ['/data/calls/sub/deep/a.vtt', '/data/calls', true],
    ['/data/calls', '/data/calls', true],
    ['/data/calls/', '/data/calls', true],
    ['/data/calls/..notes.vtt', '/data/calls', true],
    ['/data/calls/sub/../a.vtt', '/data/calls', true],
    ['/any/file.vtt', '/', true],
    ['/data/calls-evil/a.vtt', '/data/calls', false],
    ['/data/callsx', '/data/calls', false],
    ['/data/calls/../secret.vtt', '/data/calls', false],
    ['/data', '/data/calls', false],
    ['/etc/passwd', '/data/calls', false],
    ['data/calls/a.vtt', '/data/calls', false],
    ['/data/calls/a.vtt', 'data/calls', false],
  ])('%s in %s -> %s', (candidate, root, expected) => {
    expect(isWithinRoot(candidate, root)).toBe(expected);
  });

  it('accepts a path held by any one of several roots, and none when there are no roots', () => {
    expect(isWithinAnyRoot('/b/x.vtt', ['/a', '/b'])).toBe(true);
    expect(isWithinAnyRoot('/c/x.vtt', ['/a', '/b'])).toBe(false);
    expect(isWithinAnyRoot('/a/x.vtt', [])).toBe(false);
  });
});

describe('transcriptExtension', () => {
  it.each([
    ['call.vtt', 'vtt'],
    ['CALL.VTT', 'vtt'],
    ['minutes.Srt', 'srt'],
    ['notes.TXT', 'txt'],
    ['archive.tar.vtt', 'vtt'],
    ['call.vtt.exe', null],
    ['secret.key', null],
    ['README', null],
    ['.vtt', null],
    ['call.vtt ', null],
    ['call.', null],
    ['call.vttx', null],
  ])('%j -> %s', (fileName, expected) => {
    expect(transcriptExtension(fileName)).toBe(expected);
  });
});

describe('isWindowsStylePath', () => {
  it.each([
    ['C:\\calls\\a.vtt', true],
    ['d:/calls/a.vtt', true],
    ['\\\\server\\share\\a.vtt', true],
    ['\\\\?\\C:\\a.vtt', true],
    ['C:a.vtt', false],
    ['/calls/a.vtt', false],
    ['calls\\a.vtt', false],
    ['//server/share/a.vtt', false],
  ])('%j -> %s', (requested, expected) => {
    expect(isWindowsStylePath(requested)).toBe(expected);
  });
});

describe('assertUsablePath', () => {
  it.each([
    ['', 'INVALID_ARGUMENT'],
    ['  \t', 'INVALID_ARGUMENT'],
    ['call\0.vtt', 'INVALID_ARGUMENT'],
    ['/calls/call.vtt\0', 'INVALID_ARGUMENT'],
    ['C:\\calls\\call.vtt', 'INVALID_ARGUMENT'],
    ['\\\\server\\share\\call.vtt', 'INVALID_ARGUMENT'],
    ['call.vtt', undefined],
    ['../call.vtt', undefined],
    [' call with spaces.vtt', undefined],
  ])('%j -> %s', (requested, expected) => {
    expect(codeOf(() => assertUsablePath(requested))).toBe(expected);
  });

  it('leaves Windows paths alone where they are native', () => {
    expect(codeOf(() => assertUsablePath('C:\\calls\\call.vtt', '\\'))).toBeUndefined();
  });

  it('names a Windows path by its last segment only', () => {
    expect(() => assertUsablePath('C:\\Users\\jdoe\\calls\\q3.vtt')).toThrow(/^"q3\.vtt" is a Windows path/);
    expect(() => assertUsablePath('C:\\Users\\jdoe\\calls\\q3.vtt')).not.toThrow(/Users|jdoe|calls/);
  });
});

describe('displayName', () => {
  it.each([
    ['/srv/calls/q3.vtt', '"q3.vtt"'],
    ['/srv/calls/../q3.vtt', '"q3.vtt"'],
    ['/srv/calls/', '"calls"'],
    ['C:\\Users\\pat\\q3.vtt', '"q3.vtt"'],
    ['q3.vtt', '"q3.vtt"'],
    ['/', '""'],
    ['bad\nname.vtt', '"bad\\nname.vtt"'],
    [`/srv/${'a'.repeat(100)}.vtt`, `"${'a'.repeat(80)}…"`],
  ])('%j -> %s', (requested, expected) => {
    expect(displayName(requested)).toBe(expected);
  });
});

describe('codeForErrno', () => {
  it.each([
    ['ENOENT', 'FILE_NOT_FOUND'],
    ['ENOTDIR', 'FILE_NOT_FOUND'],
    ['ENAMETOOLONG', 'FILE_NOT_FOUND'],
    ['EISDIR', 'FILE_NOT_REGULAR'],
    ['ELOOP', 'FILE_NOT_REGULAR'],
    ['ENXIO', 'FILE_NOT_REGULAR'],
    ['EOPNOTSUPP', 'FILE_NOT_REGULAR'],
    ['ENODEV', 'FILE_NOT_REGULAR'],
    ['EACCES', 'FILE_UNREADABLE'],
    ['EPERM', 'FILE_UNREADABLE'],
    ['EIO', 'FILE_UNREADABLE'],
    [undefined, 'FILE_UNREADABLE'],
  ])('%s -> %s', (errno, expected) => {
    expect(codeForErrno(errno)).toBe(expected);
  });
});

describe('fileKind', () => {
  const stats = (kind: 'directory' | 'fifo' | 'socket' | 'char' | 'block' | 'other') => ({
    isDirectory: () => kind === 'directory',
    isFIFO: () => kind === 'fifo',
    isSocket: () => kind === 'socket',
    isCharacterDevice: () => kind === 'char',
    isBlockDevice: () => kind === 'block',
  });

  it.each([
    ['directory', 'a directory'],
    ['fifo', 'a named pipe'],
    ['socket', 'a socket'],
    ['char', 'a device'],
    ['block', 'a device'],
    ['other', 'a special file'],
  ] as const)('%s -> %s', (kind, expected) => {
    expect(fileKind(stats(kind))).toBe(expected);
  });
});

describe('formatByteSize', () => {
  it.each([
    [10 * 1024 * 1024, '10 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [1536, '1.5 KB'],
    [1024, '1 KB'],
    [999, '999 bytes'],
  ])('%d -> %s', (bytes, expected) => {
    expect(formatByteSize(bytes)).toBe(expected);
  });
});

describe('fileErrors', () => {
  it('builds coded errors whose messages name the file and no directory', () => {
    const name = displayName('/srv/calls/q3.vtt');
    const errors = [
      fileErrors.outsideRoots(name),
      fileErrors.unsupportedExtension(name),
      fileErrors.linkToUnsupportedFile(name),
      fileErrors.notRegular(name, 'a named pipe'),
      fileErrors.tooLarge(name, 1024),
      fileErrors.access('ENOENT', name, new Error("ENOENT: no such file, open '/srv/calls/q3.vtt'")),
      fileErrors.access('EACCES', name, undefined),
      fileErrors.access('ELOOP', name, undefined),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'PATH_OUTSIDE_ROOTS',
      'FILE_NOT_ALLOWED',
      'FILE_NOT_ALLOWED',
      'FILE_NOT_REGULAR',
      'TRANSCRIPT_TOO_LARGE',
      'FILE_NOT_FOUND',
      'FILE_UNREADABLE',
      'FILE_NOT_REGULAR',
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain('"q3.vtt"');
      expect(error.message).not.toContain('/');
      expect(error.message).not.toContain('srv');
    }
  });

  it('keeps the OS error as the cause for logs, out of the message', () => {
    const cause = new Error('EACCES: permission denied');
    const error = fileErrors.access('EACCES', '"q3.vtt"', cause);
    expect(error.cause).toBe(cause);
    expect(error.message).not.toContain('EACCES');
  });
});

describe('rootsFromFileUris', () => {
  it('decodes file URIs and drops everything else', () => {
    expect(
      rootsFromFileUris([
        'file:///srv/calls',
        'file:///srv/my%20calls/',
        'FILE:///srv/upper',
        'file://localhost/srv/local',
        'https://example.test/calls',
        'file://remote-host/share',
        'file:///srv/a%2Fb',
        'file:///srv/nul%00byte',
        'not a uri',
        '/plain/path',
        '',
      ]),
    ).toEqual(['/srv/calls', '/srv/my calls/', '/srv/upper', '/srv/local']);
  });
});

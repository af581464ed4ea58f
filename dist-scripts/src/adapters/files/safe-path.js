/**
 * Pure checks behind reading a transcript file: is the path argument usable, does an
 * allowed root hold a resolved path (separator-aware, so `/data/calls-evil` is not inside
 * `/data/calls`), does a file name carry a transcript extension, which error code an OS
 * errno becomes, and the wording of every file error. Messages name a file only by the
 * last segment of the path the caller sent, never a directory, a root or a symlink target.
 * All pure except `resolveAllowedRoots`, which turns configured or client roots into the
 * real directories the checks compare against; `read-transcript-file.ts` does the reading.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';
import { TRANSCRIPT_FORMATS } from '../../core/transcript/types.js';
const WINDOWS_DRIVE_PATH = /^[A-Za-z]:[\\/]/;
const WINDOWS_UNC_PATH = /^\\\\/;
const DISPLAY_NAME_MAX_CHARS = 80;
const ALLOWED_EXTENSIONS_TEXT = '.vtt, .srt and .txt';
/** `C:\calls\x.vtt` or `\\server\share\x.vtt`: meaningful on Windows, a puzzle on POSIX. */
export function isWindowsStylePath(requestedPath) {
    return WINDOWS_DRIVE_PATH.test(requestedPath) || WINDOWS_UNC_PATH.test(requestedPath);
}
/**
 * Last non-empty segment of the requested path (either separator), JSON-quoted so control
 * characters stay visible, and shortened: the only part of a path an error may show.
 * @example displayName('/srv/calls/../q3.vtt') // '"q3.vtt"'
 */
export function displayName(requestedPath) {
    const lastSegment = requestedPath.split(/[\\/]/).filter((segment) => segment !== '').pop() ?? '';
    const shortened = lastSegment.length > DISPLAY_NAME_MAX_CHARS ? `${lastSegment.slice(0, DISPLAY_NAME_MAX_CHARS)}…` : lastSegment;
    return JSON.stringify(shortened);
}
/** Throws INVALID_ARGUMENT for a path no file can have: empty, with a NUL byte, or Windows-style on POSIX. */
export function assertUsablePath(requestedPath, separator = path.sep) {
    if (requestedPath.trim() === '') {
        throw new InputError('INVALID_ARGUMENT', 'The file path is empty; pass the path of a .vtt, .srt or .txt file.');
    }
    if (requestedPath.includes('\0')) {
        throw new InputError('INVALID_ARGUMENT', 'The file path contains a NUL byte, which no file name can hold.');
    }
    if (separator === '/' && isWindowsStylePath(requestedPath)) {
        throw new InputError('INVALID_ARGUMENT', `${displayName(requestedPath)} is a Windows path (drive letter or network share); this server runs on a POSIX system, so pass a POSIX path.`);
    }
}
/**
 * True when absolute `candidate` is `root` itself or below it. Compares whole segments,
 * so a sibling sharing a prefix (`/data/calls-evil`) is outside, while a name that merely
 * starts with dots (`/data/calls/..notes.vtt`) is inside. Relative inputs are never inside.
 */
export function isWithinRoot(candidate, root) {
    if (!path.isAbsolute(candidate) || !path.isAbsolute(root))
        return false;
    const relative = path.relative(root, candidate);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
export function isWithinAnyRoot(candidate, roots) {
    return roots.some((root) => isWithinRoot(candidate, root));
}
/**
 * The transcript format a file name's extension names, any case; null for anything else.
 * @example transcriptExtension('Kickoff.VTT') // 'vtt'
 */
export function transcriptExtension(fileName) {
    const extension = path.extname(fileName).slice(1).toLowerCase();
    return TRANSCRIPT_FORMATS.find((format) => format === extension) ?? null;
}
/**
 * The code a failed realpath/open/read becomes. Permission and I/O problems share
 * FILE_UNREADABLE, whose message says no more than "cannot be read".
 */
export function codeForErrno(errno) {
    switch (errno) {
        case 'ENOENT':
        case 'ENOTDIR':
        case 'ENAMETOOLONG':
            return 'FILE_NOT_FOUND';
        case 'EISDIR':
        case 'ELOOP': // a link loop, or O_NOFOLLOW meeting a link swapped in after resolution
        case 'ENXIO': // opening a Unix socket (Linux)
        case 'EOPNOTSUPP': // opening a Unix socket (macOS)
        case 'ENODEV':
            return 'FILE_NOT_REGULAR';
        default:
            return 'FILE_UNREADABLE';
    }
}
/** What a non-regular file is, for the FILE_NOT_REGULAR message. */
export function fileKind(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    return 'a special file';
}
/** 10485760 -> "10 MB"; 1536 -> "1.5 KB". Binary units, as the limits are set. */
export function formatByteSize(bytes) {
    const KIB = 1024;
    const MIB = KIB * KIB;
    if (bytes >= MIB)
        return `${Number((bytes / MIB).toFixed(1))} MB`;
    if (bytes >= KIB)
        return `${Number((bytes / KIB).toFixed(1))} KB`;
    return `${bytes} bytes`;
}
/** Every file error, worded once. `name` is a `displayName(...)`, already quoted. */
export const fileErrors = {
    outsideRoots: (name) => new InputError('PATH_OUTSIDE_ROOTS', `${name} is outside the folders this server may read (set by TRANSCRIPT_ROOTS or the client's roots).`),
    unsupportedExtension: (name) => new InputError('FILE_NOT_ALLOWED', `${name} is not a transcript file: only ${ALLOWED_EXTENSIONS_TEXT} files can be read.`),
    linkToUnsupportedFile: (name) => new InputError('FILE_NOT_ALLOWED', `${name} is a link to a file that is not a transcript: only ${ALLOWED_EXTENSIONS_TEXT} files can be read.`),
    notRegular: (name, kind) => new InputError('FILE_NOT_REGULAR', `${name} is ${kind}, not a regular file; pass a transcript file.`),
    tooLarge: (name, maxBytes) => new InputError('TRANSCRIPT_TOO_LARGE', `${name} is larger than the ${formatByteSize(maxBytes)} limit for a transcript.`),
    access: (errno, name, cause) => {
        const code = codeForErrno(errno);
        const messages = {
            FILE_NOT_FOUND: `${name} was not found in the allowed folders; check the file name.`,
            FILE_NOT_REGULAR: `${name} is not a regular file (a socket, device or link loop); pass a transcript file.`,
            FILE_UNREADABLE: `${name} cannot be read; check that the server is allowed to read it.`,
        };
        return new InputError(code, messages[code], {}, { cause });
    },
};
/**
 * Local directories named by MCP client roots. Non-file URIs, file URIs with a remote
 * host, encoded slashes or NUL bytes are dropped rather than guessed at.
 * @example rootsFromFileUris(['file:///srv/my%20calls', 'https://x.test/']) // ['/srv/my calls']
 */
export function rootsFromFileUris(uris) {
    return uris.flatMap((uri) => {
        try {
            const url = new URL(uri);
            if (url.protocol !== 'file:')
                return [];
            const directory = fileURLToPath(url);
            return directory.includes('\0') ? [] : [directory];
        }
        catch {
            return [];
        }
    });
}
/**
 * Makes roots absolute (against `cwd`) and real, skipping blank ones, ones that do not
 * exist or are not directories, and duplicates. An empty result stays empty: choosing a
 * fallback (the working directory) is the caller's decision, never a silent widening.
 */
export async function resolveAllowedRoots(rawRoots, cwd) {
    const resolved = await Promise.all(rawRoots.map(async (rawRoot) => {
        if (rawRoot.trim() === '' || rawRoot.includes('\0'))
            return null;
        try {
            const realRoot = await fs.realpath(path.resolve(cwd, rawRoot));
            return (await fs.stat(realRoot)).isDirectory() ? realRoot : null;
        }
        catch {
            return null;
        }
    }));
    return [...new Set(resolved.filter((root) => root !== null))];
}

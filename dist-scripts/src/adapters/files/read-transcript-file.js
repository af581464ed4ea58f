/**
 * Reads one transcript file a caller named, only from inside the allowed roots. The steps,
 * in order, each with its error code: (1) the argument: empty, NUL byte or a Windows path
 * on POSIX -> INVALID_ARGUMENT; (2) resolve against `cwd` (`..` is applied lexically) and
 * follow symlinks to the real path; (3) a real path outside every root -> PATH_OUTSIDE_ROOTS,
 * a root itself -> FILE_NOT_REGULAR; (4) the requested name and the real name must both end
 * in .vtt, .srt or .txt (any case) -> else FILE_NOT_ALLOWED; (5) only now may "missing"
 * be said -> FILE_NOT_FOUND (or FILE_UNREADABLE, FILE_NOT_REGULAR for a link loop);
 * (6) open with O_NOFOLLOW | O_NONBLOCK and fstat the handle: not a regular file ->
 * FILE_NOT_REGULAR at once (a FIFO is never waited on), bigger than `maxBytes` ->
 * TRANSCRIPT_TOO_LARGE, and the read stops after maxBytes + 1 bytes so a file that grows
 * after fstat is still refused. Existence rule: callers must not learn what exists outside
 * the roots, so a missing path is resolved through its deepest existing ancestor (and
 * through dangling symlinks) before the roots check, and anything outside gets
 * PATH_OUTSIDE_ROOTS whether it exists or not. Residual risk: a directory inside a root
 * swapped for a symlink between the check and the open is followed (Node has no
 * openat2/RESOLVE_BENEATH); only whoever can already write inside a root can do that.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../core/errors.js';
import { assertUsablePath, displayName, fileErrors, fileKind, isWithinAnyRoot, transcriptExtension, } from './safe-path.js';
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** Same limit as Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
const READ_CHUNK_BYTES = 1024 * 1024;
/** Reads the transcript file `requestedPath` names; the module header lists each check and its code. */
export async function readTranscriptFile(requestedPath, options) {
    assertUsablePath(requestedPath);
    const name = displayName(requestedPath);
    const absolutePath = path.resolve(options.cwd, requestedPath);
    const { realPath, failure } = await resolveRealPath(absolutePath);
    if (!isWithinAnyRoot(realPath, options.roots))
        throw fileErrors.outsideRoots(name);
    if (options.roots.includes(realPath))
        throw fileErrors.notRegular(name, 'an allowed folder');
    if (transcriptExtension(path.basename(absolutePath)) === null)
        throw fileErrors.unsupportedExtension(name);
    const extension = transcriptExtension(path.basename(realPath));
    if (extension === null)
        throw fileErrors.linkToUnsupportedFile(name);
    if (failure !== null)
        throw fileErrors.access(failure.errno, name, failure.cause);
    const bytes = await readRegularFile(realPath, { maxBytes: options.maxBytes, name });
    return { bytes, basename: path.basename(realPath), extension };
}
/**
 * Opens `realPath` without following a final symlink or blocking on a FIFO, checks the
 * open handle is a regular file of at most `maxBytes`, and reads it. `name` (a
 * `displayName`) is the only part of the path its errors show. Does no roots check.
 */
export async function readRegularFile(realPath, options) {
    const { maxBytes, name } = options;
    let handle;
    try {
        handle = await fs.open(realPath, OPEN_FLAGS);
    }
    catch (error) {
        throw fileErrors.access(errnoOf(error), name, error);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw fileErrors.notRegular(name, fileKind(stats));
        if (stats.size > maxBytes)
            throw fileErrors.tooLarge(name, maxBytes);
        const bytes = await readAtMost(handle, maxBytes);
        if (bytes === null)
            throw fileErrors.tooLarge(name, maxBytes);
        return bytes;
    }
    catch (error) {
        throw isAppError(error) ? error : fileErrors.access(errnoOf(error), name, error);
    }
    finally {
        await handle.close();
    }
}
/**
 * The real path, or for a path that does not resolve, where it would be: its deepest
 * resolvable ancestor plus the remaining segments, following dangling symlinks to their
 * targets. That is what lets a missing path outside the roots read as outside.
 */
async function resolveRealPath(absolutePath, hops = 0) {
    try {
        return { realPath: await fs.realpath(absolutePath), failure: null };
    }
    catch (cause) {
        const failure = { errno: errnoOf(cause), cause };
        const parent = path.dirname(absolutePath);
        if (parent === absolutePath)
            return { realPath: absolutePath, failure };
        const parentResolution = await resolveRealPath(parent, hops);
        const linkTarget = await fs.readlink(absolutePath).catch(() => null);
        if (linkTarget !== null && hops < MAX_SYMLINK_HOPS) {
            const target = await resolveRealPath(path.resolve(parentResolution.realPath, linkTarget), hops + 1);
            return { realPath: target.realPath, failure: target.failure ?? failure };
        }
        return { realPath: path.join(parentResolution.realPath, path.basename(absolutePath)), failure };
    }
}
/** Reads from the start to EOF; null as soon as more than `limit` bytes arrive. */
async function readAtMost(handle, limit) {
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, limit + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
        if (bytesRead === 0)
            return Buffer.concat(chunks, total);
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > limit)
            return null;
    }
}
function errnoOf(error) {
    return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
        ? error.code
        : undefined;
}

/**
 * Opaque cursors for paged tools: base64url of a small JSON object. A cursor
 * from another listing or a forged one is an INVALID_CURSOR error, not a crash.
 */
import { InputError } from '../core/errors.js';
export function encodeCursor(position) {
    return Buffer.from(JSON.stringify([position.scope, position.offset]), 'utf8').toString('base64url');
}
export function decodeCursor(cursor, scope) {
    if (cursor === undefined)
        return 0;
    try {
        const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(parsed) && parsed[0] === scope && Number.isSafeInteger(parsed[1]) && parsed[1] >= 0) {
            return parsed[1];
        }
    }
    catch {
        // fall through to the coded error
    }
    throw new InputError('INVALID_CURSOR', 'That cursor does not belong to this listing; start again without a cursor.');
}

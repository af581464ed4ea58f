/**
 * Our own cursor over a merged Zoom listing (Zoom's `next_page_token` expires
 * after 15 minutes and belongs to one month window, so it never reaches the
 * caller). The cursor is base64url JSON holding the whole query and an offset:
 * a next page needs only the cursor, and a cursor from another query or a
 * forged one is INVALID_CURSOR.
 */

import { InputError } from '../../core/errors.js';

export interface ListingQuery {
  userId: string;
  from: string;
  to: string;
  includeWithoutTranscript: boolean;
}

export interface ListingPosition extends ListingQuery {
  offset: number;
}

const VERSION = 'zr1';

export function encodeListingCursor(position: ListingPosition): string {
  const { userId, from, to, includeWithoutTranscript, offset } = position;
  return Buffer.from(JSON.stringify([VERSION, userId, from, to, includeWithoutTranscript, offset]), 'utf8').toString('base64url');
}

/** @throws InputError INVALID_CURSOR for anything `encodeListingCursor` did not make. */
export function decodeListingCursor(cursor: string): ListingPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 6) {
      const [version, userId, from, to, includeWithoutTranscript, offset] = parsed as unknown[];
      if (
        version === VERSION &&
        typeof userId === 'string' &&
        typeof from === 'string' &&
        typeof to === 'string' &&
        typeof includeWithoutTranscript === 'boolean' &&
        Number.isSafeInteger(offset) &&
        (offset as number) >= 0
      ) {
        return { userId, from, to, includeWithoutTranscript, offset: offset as number };
      }
    }
  } catch {
    // fall through to the coded error
  }
  throw invalidCursor();
}

export function invalidCursor(): InputError {
  return new InputError('INVALID_CURSOR', 'That cursor does not belong to this Zoom listing; start again without a cursor.');
}

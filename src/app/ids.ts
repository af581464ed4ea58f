/** Random, unguessable ids: 72 bits of entropy, URL-safe, with a readable prefix. */

import { randomBytes } from 'node:crypto';

export type IdPrefix = 't' | 's';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}

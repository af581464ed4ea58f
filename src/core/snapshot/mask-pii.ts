/**
 * Optional masking of personal data in a snapshot (`mask_pii`, `--mask-pii`):
 * e-mail addresses, phone numbers and card-like numbers become `[email]`,
 * `[phone]`, `[card number]` in prose, quotes, field values and issues, so the
 * document can be shared beyond the account team. A field the user filled in
 * themselves (`source: "user"`) is kept: they asked for that value. Masked
 * quotes are no longer verbatim at the masked spans; `grounded_ratio` was
 * measured before masking.
 */

import { maskPersonalData, redactDeep } from '../security/redact.js';
import type { FieldName, Snapshot, SnapshotField } from './types.js';

function mask<T>(value: T): T {
  return redactDeep(value, maskPersonalData) as T;
}

export function maskSnapshotPersonalData(snapshot: Snapshot): Snapshot {
  const fields = Object.fromEntries(
    Object.entries(snapshot.fields).map(([name, field]: [string, SnapshotField]) => [name, field.value !== null && field.source === 'user' ? field : mask(field)]),
  ) as Record<FieldName, SnapshotField>;
  return {
    ...snapshot,
    title: maskPersonalData(snapshot.title),
    meeting: mask(snapshot.meeting),
    fields,
    sections: mask(snapshot.sections),
    validation: mask(snapshot.validation),
    pii_masked: true,
  };
}

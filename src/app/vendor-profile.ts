/**
 * Who the user works for, as the three ways of giving it accept it: the
 * `SNAPSHOT_VENDOR` setting, the `vendor` argument of `generate_snapshot` and
 * the CLI's `--vendor`. Each takes the company name alone, or
 * `{ company, aliases?, products?, domains? }` (the setting and the flag as
 * JSON). One schema, so the three agree; the engine decides the sides with
 * the profile (core/snapshot, `BuildSnapshotOptions.vendor`). The setting is
 * read here, not with the other variables, so that commands without a
 * workspace (`inspect`, `--help`) never load zod.
 */

import { z } from 'zod';
import type { VendorProfile } from '../core/snapshot/types.js';
import { invalidConfiguration } from '../env-variables.js';

/** Company, alias and product names: as long as a snapshot's own field values. */
const NAME_LENGTH = 120;
/** Enough for a real company's brands and domains, small enough that no argument grows the work. */
const MAX_NAMES = 20;

const name = z.string().trim().min(1).max(NAME_LENGTH);
const names = (what: string) => z.array(name).max(MAX_NAMES).optional().describe(what);
/** A host name such as `fabrikam.example`: lower-case labels joined by dots, no `@`, no scheme. */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'must be an e-mail domain such as "fabrikam.example"');

export const VendorObjectSchema = z.strictObject({
  company: name.describe('Your company, as people say it on calls.'),
  aliases: names('Other names of your company (short forms, former names).'),
  products: names('Your products and services, as customers name them.'),
  domains: z.array(domain).max(MAX_NAMES).optional().describe('Your e-mail domains, without "@" (e.g. "fabrikam.example"): a speaker on one of them is on your side.'),
});

/** A company name, or the whole profile. */
export const VendorInputSchema = z.union([name, VendorObjectSchema]);
export type VendorInput = z.infer<typeof VendorInputSchema>;

export function toVendorProfile(input: VendorInput): VendorProfile {
  return typeof input === 'string' ? { company: input } : input;
}

/**
 * Reads the text form of the setting and the flag: JSON when it starts with
 * `{`, else a company name. Null when it is not a valid profile; callers
 * name their variable or flag and never echo the value.
 */
export function parseVendorSetting(text: string): VendorProfile | null {
  let input: unknown = text;
  if (text.trim().startsWith('{')) {
    try {
      input = JSON.parse(text);
    } catch {
      return null;
    }
  }
  const parsed = VendorInputSchema.safeParse(input);
  return parsed.success ? toVendorProfile(parsed.data) : null;
}

/**
 * SNAPSHOT_VENDOR as a profile; null when unset.
 * @throws ConfigError naming the variable, never echoing its value.
 */
export function configuredVendor(setting: string | undefined): VendorProfile | null {
  if (setting === undefined) return null;
  const vendor = parseVendorSetting(setting);
  if (vendor === null) throw invalidConfiguration(['SNAPSHOT_VENDOR']);
  return vendor;
}

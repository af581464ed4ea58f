/**
 * Token counting for chunk budgets and for usage the provider does not
 * report (sampling). A real BPE tokenizer (`gpt-tokenizer`, o200k_base)
 * rather than a characters-per-token guess; Claude's tokenizer differs by a
 * few per cent, which the chunk budget's margin absorbs. Loaded on first use
 * (about 0.3 s), so commands that never call a model never pay for it.
 */

import type { CountTokens } from '../../core/llm/index.js';

let loading: Promise<CountTokens> | undefined;

export function loadTokenCounter(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then(({ countTokens }) => (text: string) => countTokens(text));
  return loading;
}

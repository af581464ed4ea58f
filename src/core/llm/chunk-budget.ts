/**
 * Default chunk budget in tokens (`LLM_CHUNK_TOKENS`); models with small
 * contexts need less. A module without imports, so the settings can name it
 * without loading the prompts and the snapshot engine behind them.
 */
export const DEFAULT_CHUNK_TOKENS = 12_000;

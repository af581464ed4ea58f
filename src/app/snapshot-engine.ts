/**
 * A snapshot with the engine chosen (see `resolveEngine`): the offline engine
 * here, a language model through `llm-snapshot.ts`, imported only then, so an
 * offline snapshot never loads the model code, its prompts and the schemas
 * of the model's output.
 */

import { SECTION_SLUGS, buildSnapshot, sectionSpec } from '../core/snapshot/index.js';
import type { SectionSlug, Snapshot, ValidationIssue } from '../core/snapshot/types.js';
import type { Transcript } from '../core/transcript/types.js';
import type { EngineSnapshotMetrics, EngineSnapshotOptions } from './llm-snapshot.js';
import { resolveEngine } from './llm-settings.js';

function requestedSlugs(sections: readonly SectionSlug[] | undefined): SectionSlug[] {
  if (!sections) return [...SECTION_SLUGS];
  for (const slug of sections) sectionSpec(slug);
  return SECTION_SLUGS.filter((slug) => sections.includes(slug));
}

/** What the model calls of a run cost; none for the offline engine. */
export function metricsOf(caller: { calls: number; inputTokens: number; outputTokens: number; rounds: number } | null, started: number): EngineSnapshotMetrics {
  return {
    duration_ms: Math.round(performance.now() - started),
    llm_calls: caller?.calls ?? 0,
    input_tokens: caller?.inputTokens ?? 0,
    output_tokens: caller?.outputTokens ?? 0,
    rounds: caller?.rounds ?? 0,
  };
}

export function offlineResult(offline: Snapshot, metrics: EngineSnapshotMetrics, issues: ValidationIssue[] = []): Snapshot {
  return { ...offline, validation: { ...offline.validation, issues: [...offline.validation.issues, ...issues] }, metrics };
}

/**
 * Builds a snapshot with the engine chosen. Never rejects because a model
 * failed: the offline snapshot comes back instead, with an issue naming the
 * code. Rejects with the signal's reason on cancel, and with InputError
 * INVALID_ARGUMENT for an unknown section slug.
 */
export async function generateSnapshotWithEngine(transcript: Transcript, options: EngineSnapshotOptions): Promise<Snapshot> {
  const started = performance.now();
  const slugs = requestedSlugs(options.sections);
  const resolution = resolveEngine(options.engine, options.settings, Boolean(options.sampling));
  if (resolution.kind === 'model') {
    const { generateModelSnapshot } = await import('./llm-snapshot.js');
    return generateModelSnapshot(transcript, options, { engine: resolution.engine, slugs, started });
  }
  // The offline engine alone reports its own progress, section by section.
  const offline = buildSnapshot(transcript, { id: options.id, now: options.now, sections: slugs, onProgress: options.onProgress, ...(options.vendor ? { vendor: options.vendor } : {}) });
  const notConfigured: ValidationIssue[] =
    resolution.kind === 'not_configured' ? [{ code: 'LLM_NOT_CONFIGURED', severity: 'warning', message: `${resolution.reason} This snapshot comes from the offline engine.` }] : [];
  return offlineResult(offline, metricsOf(null, started), notConfigured);
}

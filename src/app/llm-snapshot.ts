/**
 * Snapshots with a language model, in at most three sequential rounds
 * whatever the transcript's length:
 *
 * 1. Map: the whole transcript, cut at turn boundaries into chunks under a
 *    token budget, is read by parallel calls that extract field candidates
 *    and section facts, each citing a turn and a verbatim quote. A transcript
 *    of at most half a chunk skips this: one call extracts and writes.
 * 2. Reduce: the candidates are merged locally (later corrections win,
 *    hypotheticals are not results, the offline engine's fields join as
 *    evidence), then a few parallel calls write the sections from the merged
 *    facts.
 * 3. Verify locally and, only for sections where verification found a gap,
 *    one repair round.
 *
 * The offline engine runs first: its fields join the merge, and its snapshot
 * is the answer whenever the model fails (after the SDK's own retries), with
 * a validation issue naming the code. A cancel (the caller's signal) stops
 * the calls in flight and rejects; it never falls back.
 */

import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { LlmUnavailableError } from '../core/errors.js';
import {
  FACT_SECTIONS,
  Grounder,
  assembleSnapshot,
  countDrop,
  describeDrops,
  extractAndWriteRequest,
  extractRequest,
  factsFor,
  findGap,
  mergeFacts,
  mergeFields,
  parseModelOutput,
  planChunks,
  prepareTranscript,
  renderSection,
  renderTurnLine,
  repairRequest,
  repairTurns,
  summaryClaimsBackedElsewhere,
  totalDrops,
  verifyClaims,
  writeRequest,
  WRITER_GROUPS,
  type CountTokens,
  type DropTally,
  type FieldCandidateOutput,
  type MergedFact,
  type ModelRequest,
  type ParsedOutput,
  type PreparedTranscript,
  type SectionDraftOutput,
  type SectionOutcome,
} from '../core/llm/index.js';
import { NOT_A_CUSTOMER_CALL, buildSnapshot, sectionSpec, type FieldCheckContext } from '../core/snapshot/index.js';
import type { FieldName, SectionSlug, Snapshot, SnapshotField, SnapshotSection, ValidationIssue, VendorProfile } from '../core/snapshot/types.js';
import type { Transcript } from '../core/transcript/types.js';
import type { CreateMessage } from '../adapters/llm/mcp-sampling.js';
import { CallLimiter } from '../adapters/llm/limiter.js';
import type { LlmClient } from '../adapters/llm/port.js';
import { loadTokenCounter } from '../adapters/llm/tokenizer.js';
import type { Logger } from '../logger.js';
import type { LlmSettings, ModelEngine, SnapshotEngineChoice } from './llm-settings.js';
import { metricsOf, offlineResult } from './snapshot-engine.js';

/** Facts per section given to a writer, and per section in the Executive Summary's digest. */
const MAX_FACTS_PER_SECTION = 24;
const DIGEST_FACTS_PER_SECTION = 3;

export interface SamplingAccess {
  /** The server's `ctx.mcpReq.requestSampling`, wrapped: `(params, { signal }) => ctx.mcpReq.requestSampling(params, { signal })`. */
  createMessage: CreateMessage;
  /**
   * The requests travel inside `input_required` results (2026-07-28 protocol) and the client runs
   * them: no server-side concurrency cap, which would only split one round into several.
   */
  inBand?: boolean;
}

export interface EngineSnapshotOptions {
  engine: SnapshotEngineChoice;
  settings: LlmSettings;
  /** Offered only when the client declared sampling and the connection allows it. */
  sampling?: SamplingAccess | null;
  id: string;
  /** ISO time of the build. */
  now: string;
  sections?: readonly SectionSlug[];
  /** The user's own organisation, for the offline engine (and so the models' draft) to tell the sides apart. */
  vendor?: VendorProfile;
  onProgress?: (done: number, total: number, message: string) => void;
  /** An MCP cancel or Ctrl-C: aborts the calls in flight; the promise rejects with its reason. */
  signal?: AbortSignal;
  logger: Logger;
}

/** The snapshot's metrics, with the sequential model rounds (0 for the offline engine). */
export type EngineSnapshotMetrics = Snapshot['metrics'] & { rounds: number };

class Progress {
  private done = 0;
  constructor(
    private total: number,
    private readonly report: EngineSnapshotOptions['onProgress'],
  ) {}

  step(message: string): void {
    this.done++;
    this.total = Math.max(this.total, this.done);
    this.report?.(this.done, this.total, message);
  }

  expect(more: number): void {
    this.total += more;
  }
}

/** Counts calls, tokens and rounds, and runs every call through the limiter under the run's signal. */
class ModelCaller {
  calls = 0;
  inputTokens = 0;
  outputTokens = 0;
  rounds = 0;

  constructor(
    readonly client: LlmClient,
    private readonly limiter: CallLimiter,
    private readonly signal: AbortSignal,
  ) {}

  async ask(request: ModelRequest): Promise<ParsedOutput> {
    const completion = await this.limiter.run((signal) => {
      this.calls++;
      return this.client.complete(request, { signal });
    }, this.signal);
    this.inputTokens += completion.inputTokens;
    this.outputTokens += completion.outputTokens;
    return parseModelOutput(request.output, completion.text);
  }
}

/** Runs tasks in parallel; the first failure aborts the others (so no further calls start) and is rethrown. */
async function allOrNothing<T>(tasks: ReadonlyArray<() => Promise<T>>, abort: AbortController): Promise<T[]> {
  try {
    return await Promise.all(tasks.map((task) => task()));
  } catch (error) {
    abort.abort(error);
    throw error;
  }
}

async function createClient(engine: ModelEngine, options: EngineSnapshotOptions, countTokens: CountTokens): Promise<LlmClient> {
  const { settings, logger } = options;
  if (engine === 'anthropic') {
    const { createAnthropicClient } = await import('../adapters/llm/anthropic.js');
    return createAnthropicClient({ apiKey: settings.anthropicApiKey ?? '', model: settings.model, baseUrl: settings.anthropicBaseUrl, maxRetries: settings.maxRetries, timeoutMs: settings.timeoutMs, logger });
  }
  if (engine === 'openai') {
    const { createOpenAiCompatibleClient } = await import('../adapters/llm/openai-compatible.js');
    return createOpenAiCompatibleClient({ baseUrl: settings.baseUrl ?? '', apiKey: settings.apiKey, model: settings.model ?? '', maxRetries: settings.maxRetries, timeoutMs: settings.timeoutMs, logger, countTokens });
  }
  const { createSamplingClient } = await import('../adapters/llm/mcp-sampling.js');
  const createMessage = options.sampling?.createMessage;
  if (!createMessage) throw new LlmUnavailableError('LLM_NOT_CONFIGURED', 'The MCP client does not offer sampling on this connection.');
  return createSamplingClient({ createMessage, countTokens, modelHints: settings.model ? [settings.model] : undefined });
}

interface Drafted {
  mode: 'single-pass' | 'map-reduce';
  chunks: number;
  fields: Record<FieldName, SnapshotField>;
  /** Merged facts (none in a single pass, where the model read the transcript itself). */
  facts: MergedFact[];
  drafts: SectionDraftOutput[];
}

interface RunContext {
  transcript: Transcript;
  prepared: PreparedTranscript;
  offline: Snapshot;
  slugs: SectionSlug[];
  caller: ModelCaller;
  abort: AbortController;
  progress: Progress;
  nonce: () => string;
  grounder: Grounder;
  /** Drops while merging what was extracted (field candidates, facts, answers that did not fit the schema). */
  extractionTally: DropTally;
  /** The type checks' view of the call (the vendor's names and domains). */
  checks: FieldCheckContext;
  /** The offline engine's gate found no customer call: the model may state no field either. */
  notACustomerCall: boolean;
}

/** Rounds 1 and 2 (or the single pass): what the model extracted and drafted. */
async function draft(context: RunContext, countTokens: CountTokens, chunkTokens: number): Promise<Drafted> {
  const { prepared, offline, slugs, caller, abort, progress, nonce, grounder, extractionTally, checks } = context;
  const fieldsOf = (candidates: readonly FieldCandidateOutput[]) => mergeFields(context.notACustomerCall ? [] : candidates, offline.fields, grounder, extractionTally, checks);
  const plan = planChunks(prepared.turns, countTokens, chunkTokens);
  const meetingDate = offline.meeting.date;

  if (plan.mode === 'single-pass') {
    progress.expect(1);
    caller.rounds++;
    const chunk = plan.chunks[0] ?? { index: 0, lines: [], turnIndexes: [], tokens: 0 };
    const output = await caller.ask(extractAndWriteRequest({ chunk, slugs, meetingDate, nonce: nonce() }));
    countDrop(extractionTally, 'schema', output.rejected);
    progress.step('Read the meeting and wrote the sections');
    return { mode: plan.mode, chunks: 1, fields: fieldsOf(output.fields), facts: [], drafts: output.sections };
  }

  const groups = WRITER_GROUPS.map((group) => group.filter((slug) => slugs.includes(slug))).filter((group) => group.length > 0);
  progress.expect(plan.chunks.length + 1 + groups.length);
  caller.rounds++;
  const extractions = await allOrNothing(
    plan.chunks.map((chunk) => async () => {
      const output = await caller.ask(extractRequest({ chunk, chunkCount: plan.chunks.length, meetingDate, nonce: nonce() }));
      progress.step(`Read part ${chunk.index + 1} of ${plan.chunks.length} of the meeting`);
      return output;
    }),
    abort,
  );
  countDrop(extractionTally, 'schema', extractions.reduce((sum, output) => sum + output.rejected, 0));
  const facts = mergeFacts(extractions.flatMap((output) => output.facts), grounder, extractionTally);
  const fields = fieldsOf(extractions.flatMap((output) => output.fields));
  progress.step(`Merged ${facts.length} facts from ${plan.chunks.length} parts`);

  caller.rounds++;
  const digest = FACT_SECTIONS.flatMap((slug) => factsFor(facts, slug, DIGEST_FACTS_PER_SECTION));
  const written = await allOrNothing(
    groups.map((group) => async () => {
      const own = group.flatMap((slug) => (slug === 'executive_summary' ? [] : factsFor(facts, slug, MAX_FACTS_PER_SECTION)));
      const given = group.includes('executive_summary') ? [...new Set([...own, ...digest])] : own;
      const output = await caller.ask(writeRequest({ slugs: group, fields, facts: given, nonce: nonce() }));
      progress.step(`Wrote ${group.map((slug) => sectionSpec(slug).title).join(', ')}`);
      return output;
    }),
    abort,
  );
  countDrop(extractionTally, 'schema', written.reduce((sum, output) => sum + output.rejected, 0));
  return { mode: plan.mode, chunks: plan.chunks.length, fields, facts, drafts: written.flatMap((output) => output.sections) };
}

interface Verified {
  outcome: SectionOutcome;
  /** Everything verification removed from this section, the first draft's drops included after a repair. */
  tally: DropTally;
  repaired?: boolean;
}

function verifyDraft(slug: SectionSlug, drafts: readonly SectionDraftOutput[], grounder: Grounder): Verified {
  const claims = drafts.find((candidate) => candidate.slug === slug)?.claims ?? [];
  const tally: DropTally = {};
  return { outcome: { slug, claims: verifyClaims(claims, grounder, tally), drafted: claims.length }, tally };
}

/** Verifies every section; the summary last, keeping only figures the other sections or fields state. */
function verifyAll(slugs: readonly SectionSlug[], drafts: readonly SectionDraftOutput[], drafted: Drafted, grounder: Grounder): Map<SectionSlug, Verified> {
  const verified = new Map<SectionSlug, Verified>();
  for (const slug of slugs) if (slug !== 'executive_summary') verified.set(slug, verifyDraft(slug, drafts, grounder));
  if (slugs.includes('executive_summary')) verified.set('executive_summary', verifySummary(verifyDraft('executive_summary', drafts, grounder), verified, drafted));
  return verified;
}

function verifySummary(summary: Verified, others: ReadonlyMap<SectionSlug, Verified>, drafted: Drafted): Verified {
  const rendered = [...others.values()].map(({ outcome }) => renderSection(outcome, drafted.fields));
  return { outcome: summaryClaimsBackedElsewhere(summary.outcome, rendered, drafted.fields, summary.tally), tally: summary.tally };
}

interface Material {
  factTurns: number[];
  claimTurns: number[];
  offlineTurns: number[];
}

/** The turns a section can draw on: its facts', its kept claims', the offline engine's evidence. */
function materialOf(slug: SectionSlug, drafted: Drafted, offline: Snapshot, verified: ReadonlyMap<SectionSlug, Verified>): Material {
  return {
    factTurns: (slug === 'executive_summary' ? drafted.facts : drafted.facts.filter((fact) => fact.section === slug)).map((fact) => fact.evidence.turn_index),
    claimTurns: (verified.get(slug)?.outcome.claims ?? []).flatMap((claim) => claim.evidence.map((item) => item.turn_index)),
    offlineTurns: (offline.sections.find((section) => section.slug === slug)?.evidence ?? []).map((item) => item.turn_index),
  };
}

/** Whether a section left unwritten is a gap: facts exist for it (after a map), or, after a single pass, the offline engine found evidence. */
function hasMaterial(material: Material, drafted: Drafted): boolean {
  return drafted.mode === 'map-reduce' ? material.factTurns.length > 0 : material.offlineTurns.length > 0;
}

function addTallies(a: DropTally, b: DropTally): DropTally {
  const sum: DropTally = { ...a };
  for (const [reason, count] of Object.entries(b) as Array<[keyof DropTally, number]>) countDrop(sum, reason, count);
  return sum;
}

/** Round 3, only for gaps: one parallel call per section verification found a gap in. Failures here keep what was verified. */
async function repairGaps(context: RunContext, drafted: Drafted, verified: Map<SectionSlug, Verified>, issues: ValidationIssue[]): Promise<Set<SectionSlug>> {
  const { caller, progress, nonce, grounder, prepared, offline } = context;
  const gaps = [...verified.values()].flatMap(({ outcome, tally }) => {
    const gap = findGap(outcome, tally, hasMaterial(materialOf(outcome.slug, drafted, offline, verified), drafted));
    return gap ? [gap] : [];
  });
  const repaired = new Set<SectionSlug>();
  if (gaps.length === 0) return repaired;
  caller.rounds++;
  progress.expect(gaps.length);
  const turnByIndex = new Map(prepared.turns.map((turn) => [turn.index, turn]));
  await Promise.all(
    gaps.map(async (gap) => {
      const { factTurns, claimTurns, offlineTurns } = materialOf(gap.slug, drafted, offline, verified);
      const lines = repairTurns([factTurns, claimTurns, offlineTurns])
        .map((index) => turnByIndex.get(index))
        .filter((turn) => turn !== undefined && !turn.withheld)
        .map((turn) => renderTurnLine(turn!));
      try {
        const output = await caller.ask(repairRequest({ slug: gap.slug, problems: gap.problems, lines, fields: drafted.fields, nonce: nonce() }));
        const again = verifyDraft(gap.slug, output.sections, grounder);
        const before = verified.get(gap.slug);
        if (again.outcome.claims.length > (before?.outcome.claims.length ?? 0)) {
          verified.set(gap.slug, { outcome: again.outcome, tally: addTallies(before?.tally ?? {}, again.tally), repaired: true });
          repaired.add(gap.slug);
        }
      } catch (error) {
        context.abort.signal.throwIfAborted();
        const code = error instanceof LlmUnavailableError ? error.code : 'LLM_UNAVAILABLE';
        issues.push({ code, severity: 'warning', message: `The repair of ${sectionSpec(gap.slug).title} failed; it keeps what passed verification.`, section: gap.slug });
      } finally {
        progress.step(`Repaired ${sectionSpec(gap.slug).title}`);
      }
    }),
  );
  if (repaired.size > 0 && verified.has('executive_summary')) {
    const others = new Map([...verified].filter(([slug]) => slug !== 'executive_summary'));
    const summary = verified.get('executive_summary')!;
    verified.set('executive_summary', { ...verifySummary(summary, others, drafted), repaired: summary.repaired });
  }
  return repaired;
}

function dropIssues(verified: ReadonlyMap<SectionSlug, Verified>, extractionTally: DropTally): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { outcome, tally, repaired } of verified.values()) {
    const dropped = totalDrops(tally);
    if (dropped === 0) continue;
    issues.push({
      code: 'LLM_CLAIMS_DROPPED',
      severity: repaired ? 'info' : 'warning',
      message: `Verification removed ${dropped} statement(s) the model wrote for ${sectionSpec(outcome.slug).title}: ${describeDrops(tally).join('; ')}.${repaired ? ' The section was then written again and verified.' : ''}`,
      section: outcome.slug,
    });
  }
  const setAside = totalDrops(extractionTally);
  if (setAside > 0) {
    issues.push({ code: 'LLM_EVIDENCE_DROPPED', severity: 'info', message: `Verification set aside ${setAside} item(s) the model extracted: ${describeDrops(extractionTally).join('; ')}.` });
  }
  return issues;
}

/** A verified section, or the offline engine's when nothing the model wrote for it passed and the offline engine found evidence. */
function finalSection(verified: Verified, drafted: Drafted, offline: Snapshot, issues: ValidationIssue[]): SnapshotSection {
  const section = renderSection(verified.outcome, drafted.fields);
  const fallback = offline.sections.find((candidate) => candidate.slug === verified.outcome.slug);
  if (section.evidence.length > 0 || !fallback || fallback.evidence.length === 0) return section;
  issues.push({ code: 'SECTION_FROM_OFFLINE', severity: 'info', message: `${fallback.title} comes from the offline engine: nothing the model wrote for it passed verification.`, section: fallback.slug });
  return fallback;
}

function logSecurity(transcript: Transcript, prepared: PreparedTranscript, logger: Logger): void {
  if (prepared.suspicious.length > 0) {
    logger.warn(
      { event: 'prompt_injection_suspected', transcript_id: transcript.id, turns: prepared.suspicious.map((item) => item.turnIndex), kinds: [...new Set(prepared.suspicious.map((item) => item.kind))] },
      'transcript turns withheld from the language model',
    );
  }
  if (prepared.invisibleRemoved > 0) {
    logger.warn({ event: 'invisible_characters_stripped', transcript_id: transcript.id, count: prepared.invisibleRemoved }, 'invisible characters removed before prompting');
  }
}

const ENGINE_LABELS: Readonly<Record<ModelEngine, string>> = { anthropic: 'the Anthropic model', openai: 'the OpenAI-compatible model', sampling: "the MCP client's model" };

/**
 * The model's part of `generateSnapshotWithEngine` (snapshot-engine.ts), for
 * the sections `slugs`. Never rejects because a model failed: the offline
 * snapshot comes back instead, with an issue naming the code. Rejects with
 * the signal's reason on cancel.
 */
export async function generateModelSnapshot(transcript: Transcript, options: EngineSnapshotOptions, run: { engine: ModelEngine; slugs: SectionSlug[]; started: number }): Promise<Snapshot> {
  const { engine, slugs, started } = run;
  const { logger } = options;
  const signal = options.signal ?? new AbortController().signal;
  // Known steps: the offline draft, verification, assembly; the model's steps are added once planned.
  const progress = new Progress(3, options.onProgress);
  const offline = buildSnapshot(transcript, { id: options.id, now: options.now, sections: slugs, ...(options.vendor ? { vendor: options.vendor } : {}) });
  const gateIssue = offline.validation.issues.find((issue) => issue.code === NOT_A_CUSTOMER_CALL);
  progress.step('Built the offline draft');
  signal.throwIfAborted();

  const prepared = prepareTranscript(transcript);
  logSecurity(transcript, prepared, logger);
  const abort = new AbortController();
  // Every queued model call listens on this signal; dozens on a long meeting are expected.
  setMaxListeners(0, abort.signal);
  const onCancel = () => abort.abort(signal.reason);
  signal.addEventListener('abort', onCancel, { once: true });
  let caller: ModelCaller | null = null;
  try {
    const countTokens = await loadTokenCounter();
    const client = await createClient(engine, options, countTokens);
    const limits = client.engine === 'sampling' && options.sampling?.inBand ? { ...options.settings, maxConcurrency: Number.MAX_SAFE_INTEGER } : options.settings;
    caller = new ModelCaller(client, new CallLimiter(limits), abort.signal);
    const context: RunContext = {
      transcript,
      prepared,
      offline,
      slugs,
      caller,
      abort,
      progress,
      nonce: () => randomBytes(8).toString('hex'),
      grounder: new Grounder(transcript, new Set(prepared.suspicious.map((item) => item.turnIndex))),
      extractionTally: {},
      checks: options.vendor ? { vendorNames: [options.vendor.company, ...(options.vendor.aliases ?? [])], vendorDomains: options.vendor.domains ?? [] } : {},
      notACustomerCall: gateIssue !== undefined,
    };
    const drafted = await draft(context, countTokens, options.settings.chunkTokens);
    const verified = verifyAll(slugs, drafted.drafts, drafted, context.grounder);
    progress.step('Verified every citation, quote and figure');
    const issues: ValidationIssue[] = [];
    const repaired = await repairGaps(context, drafted, verified, issues);
    const sections = slugs.map((slug) => finalSection(verified.get(slug)!, drafted, offline, issues));
    const metrics = metricsOf(caller, started);
    const summaryIssue: ValidationIssue = {
      code: 'LLM_ENGINE',
      severity: 'info',
      message: `Written by ${ENGINE_LABELS[client.engine]} (${client.model}) in ${metrics.rounds} round(s) and ${metrics.llm_calls} call(s)${repaired.size > 0 ? `, ${repaired.size} section(s) repaired` : ''}; every citation, quote and figure was checked against the transcript.`,
    };
    const snapshot = assembleSnapshot({ offline, transcript, engine: client.engine, fields: drafted.fields, sections, issues: [...(gateIssue ? [gateIssue] : []), summaryIssue, ...dropIssues(verified, context.extractionTally), ...issues], metrics });
    progress.step('Assembled the snapshot');
    logger.info(
      { event: 'llm_snapshot_generated', transcript_id: transcript.id, engine: client.engine, model: client.model, mode: drafted.mode, chunks: drafted.chunks, rounds: metrics.rounds, llm_calls: metrics.llm_calls, input_tokens: metrics.input_tokens, output_tokens: metrics.output_tokens, repaired: repaired.size },
      'language-model snapshot generated',
    );
    return snapshot;
  } catch (error) {
    signal.throwIfAborted();
    const failure = error instanceof LlmUnavailableError ? error : new LlmUnavailableError('LLM_UNAVAILABLE', 'The language-model engine failed unexpectedly.', { cause: error });
    logger.warn({ event: 'llm_snapshot_fallback', transcript_id: transcript.id, engine, code: failure.code, error: error instanceof Error ? error.name : typeof error }, 'language model failed; offline snapshot used');
    return offlineResult(offline, metricsOf(caller, started), [
      { code: failure.code, severity: 'warning', message: `${failure.message} This snapshot comes from the offline engine instead of ${ENGINE_LABELS[engine]}.` },
    ]);
  } finally {
    signal.removeEventListener('abort', onCancel);
  }
}

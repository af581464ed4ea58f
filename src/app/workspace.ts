/**
 * The application layer: what a user can do with transcripts and snapshots,
 * wired from the pure core and the adapters. Both delivery layers (MCP server
 * and CLI) call this, so a behaviour lives in one place.
 *
 * State is shared by every connection of the process; each caller works
 * through a `WorkspaceSession` bound to a principal and sees only what that
 * principal created: another principal's id answers exactly like an unknown id.
 */

import { NotFoundError } from '../core/errors.js';
import { buildTranscript } from '../core/transcript/index.js';
import type { Transcript } from '../core/transcript/types.js';
import { TranscriptSearchIndex, type SearchHit } from '../core/search/search-index.js';
import { maskSnapshotPersonalData, rebuildAfterFieldUpdate, validateFieldValue } from '../core/snapshot/index.js';
import type { FieldName, SectionSlug, Snapshot, VendorProfile } from '../core/snapshot/types.js';
import { applyClientSection, type ClientSectionInput, type ClientWriteOutcome } from '../core/llm/client-section.js';
import { MemoryStorage } from '../adapters/store/memory.js';
import type { ListRecordingsInput, ZoomClient, ZoomRecordingList } from '../adapters/zoom/zoom-client.js';
import type { KeyedStore, RemovalReason } from '../adapters/store/port.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { newId } from './ids.js';
import { readTranscriptInput, type LoadInput } from './transcript-input.js';
import { LogFeed } from './log-feed.js';
import { SecurityMonitor, type SecurityStatus } from './security-monitor.js';
import type { SamplingAccess } from './llm-snapshot.js';
import { generateSnapshotWithEngine } from './snapshot-engine.js';
import type { SnapshotEngineChoice } from './llm-settings.js';

/** What a transcript counts against the quotas and the budget: its text, as UTF-8. */
function storedBytesOfTranscript(transcript: Transcript): number {
  let bytes = 0;
  for (const turn of transcript.turns) bytes += Buffer.byteLength(turn.text, 'utf8');
  return bytes;
}

/** What a snapshot counts: its JSON. */
function storedBytesOfSnapshot(snapshot: Snapshot): number {
  return Buffer.byteLength(JSON.stringify(snapshot), 'utf8');
}

export interface LoadOptions {
  /** Directories `path` may be read from (already resolved). */
  roots: string[];
  /** Use this id instead of a random one (the bundled demo). */
  id?: string;
  /** Told each finished stage: read, parsed, stored (`done` of `total`, with a message a user can follow). */
  onProgress?: (done: number, total: number, message: string) => void;
  /** A cancel stops the load between stages; once it fired, nothing is stored. */
  signal?: AbortSignal;
}

/** The stages of a load that report progress: read, parsed, stored and indexed. */
const LOAD_STAGES = 3;

/**
 * Yields once to the event loop, so a cancel that arrived on the wire while a
 * synchronous stage ran is dispatched (setImmediate runs after pending I/O),
 * then stops if the signal fired.
 */
async function cancellationPoint(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

export interface SnapshotRequest {
  /** Default SNAPSHOT_ENGINE. */
  engine?: SnapshotEngineChoice;
  /** The MCP client's model, when the connection offers sampling. */
  sampling?: SamplingAccess | null;
  sections?: SectionSlug[];
  /** Mask e-mails and phone numbers in what is stored and shown; default MASK_PII. */
  maskPii?: boolean;
  /** The user's own organisation for this call; default SNAPSHOT_VENDOR. */
  vendor?: VendorProfile;
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

export type ChangeKind = 'transcripts' | 'snapshots';

export interface WorkspaceDeps {
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** Defaults to a client built from `config.zoom` (which answers ZOOM_NOT_CONFIGURED without credentials). */
  zoom?: ZoomClient;
  /** The log lines MCP clients may follow; give the same feed to createLogger. */
  logFeed?: LogFeed;
  /** False for a process that never searches (the CLI's `snapshot`): loads then skip building the search index. Default true. */
  searchable?: boolean;
}


export class Workspace {
  readonly config: Config;
  readonly logger: Logger;
  readonly logFeed: LogFeed;
  readonly monitor: SecurityMonitor;
  private readonly now: () => Date;
  private readonly storage: MemoryStorage;
  private readonly transcripts: KeyedStore<Transcript>;
  private readonly snapshots: KeyedStore<Snapshot>;
  private readonly index: TranscriptSearchIndex | null;
  private readonly listeners = new Set<(kind: ChangeKind, owner: string) => void>();
  /** Given in the deps, or built by `zoom()`. */
  private zoomClient: ZoomClient | undefined;
  private settingVendor: Promise<VendorProfile | null> | undefined;

  constructor({ config, logger, now = () => new Date(), zoom, logFeed = new LogFeed(), searchable = true }: WorkspaceDeps) {
    this.config = config;
    this.index = searchable ? new TranscriptSearchIndex() : null;
    this.logFeed = logFeed;
    this.monitor = new SecurityMonitor(logger, () => now().getTime());
    this.logger = logger;
    this.now = now;
    this.zoomClient = zoom;
    this.storage = new MemoryStorage({ maxBytes: config.storeMaxBytes, maxBytesVariable: 'STORE_MAX_BYTES' });
    this.transcripts = this.storage.collection<Transcript>({
      noun: 'transcript',
      ttlMs: config.transcriptTtlMs,
      maxEntries: config.maxTranscripts,
      perOwner: config.principalQuotas.transcripts,
      variables: { perOwnerBytes: 'PRINCIPAL_MAX_TRANSCRIPT_BYTES' },
      onRemoved: (id, entry, reason) => this.afterTranscriptRemoved(id, entry.owner, reason),
    });
    this.snapshots = this.storage.collection<Snapshot>({
      noun: 'snapshot',
      ttlMs: config.snapshotTtlMs,
      maxEntries: config.maxSnapshots,
      perOwner: config.principalQuotas.snapshots,
      variables: { perOwnerBytes: 'PRINCIPAL_MAX_SNAPSHOT_BYTES' },
      onRemoved: (id, entry, reason) => {
        // Named for its owner, who alone follows it: a quota eviction is then no mystery.
        this.logger.info({ event: 'snapshot_removed', snapshot_id: id, reason, principal: entry.owner }, 'snapshot removed');
        this.emit('snapshots', entry.owner);
      },
    });
  }

  session(principal: string): WorkspaceSession {
    return new WorkspaceSession(this, principal);
  }

  /** Called with the kind of list that changed (load, delete, expiry, eviction) and whose list it was. Returns an unsubscribe. */
  onChange(listener: (kind: ChangeKind, owner: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bytes counted against STORE_MAX_BYTES: transcript text and snapshots, all principals. */
  get storedBytes(): number {
    return this.storage.bytes;
  }

  /** @internal store access for sessions */
  get stores() {
    return { transcripts: this.transcripts, snapshots: this.snapshots, index: this.index };
  }

  /** The Zoom client, built on the first Zoom call: a snapshot of a file never loads the Zoom adapter and its schemas. */
  async zoom(): Promise<ZoomClient> {
    if (this.zoomClient === undefined) {
      const { createZoomClient } = await import('../adapters/zoom/zoom-client.js');
      this.zoomClient ??= createZoomClient(this.config.zoom, { logger: this.logger, maxTranscriptBytes: this.config.maxTranscriptBytes, now: () => this.now().getTime() });
    }
    return this.zoomClient;
  }

  /** Drops what the Zoom client cached (nothing when Zoom was never used). */
  clearZoomCache(): void {
    this.zoomClient?.clearCache();
  }

  /**
   * SNAPSHOT_VENDOR as a profile: the user's organisation, for snapshots whose
   * request names none. Read on first use, so its schema library loads only
   * when the setting is there (startup has already refused a bad one).
   */
  configuredVendor(): Promise<VendorProfile | null> {
    const setting = this.config.vendorSetting;
    this.settingVendor ??= setting === undefined ? Promise.resolve(null) : import('./vendor-profile.js').then((profiles) => profiles.configuredVendor(setting));
    return this.settingVendor;
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  emit(kind: ChangeKind, owner: string): void {
    for (const listener of this.listeners) listener(kind, owner);
  }

  private afterTranscriptRemoved(id: string, owner: string, reason: RemovalReason): void {
    this.index?.remove(id);
    this.zoomClient?.forgetTranscript(id);
    // Snapshots are derived from the transcript's text: they go with it.
    for (const entry of this.snapshots.values()) {
      if (entry.value.transcript_id === id) this.snapshots.delete(entry.value.id);
    }
    this.logger.info({ event: 'transcript_removed', transcript_id: id, reason, principal: owner }, 'transcript removed');
    this.emit('transcripts', owner);
  }
}

/** Validation issues that say a language model failed and the offline engine stood in. */
const MODEL_FAILURE_CODES = new Set(['LLM_RATE_LIMITED', 'LLM_TIMEOUT', 'LLM_AUTH_FAILED', 'LLM_BAD_OUTPUT', 'LLM_UNAVAILABLE', 'LLM_REQUEST_REJECTED']);

export class WorkspaceSession {
  /** Every event a session logs names its principal, so each client follows only its own. */
  private readonly logger: Logger;

  constructor(
    private readonly workspace: Workspace,
    readonly principal: string,
  ) {
    this.logger = workspace.logger.child({ principal });
  }

  private get stores() {
    return this.workspace.stores;
  }

  private ownTranscriptIds(): Set<string> {
    return new Set(this.listTranscripts().map((t) => t.id));
  }

  async loadTranscript(input: LoadInput, options: LoadOptions): Promise<Transcript> {
    const { config } = this.workspace;
    const { logger } = this;
    const { signal } = options;
    const report = (done: number, message: string) => options.onProgress?.(done, LOAD_STAGES, message);
    const { text, byteLength, source } = await readTranscriptInput(input, { roots: options.roots, maxBytes: config.maxTranscriptBytes, cwd: config.cwd });
    report(1, `Read ${byteLength} bytes`);
    await cancellationPoint(signal);
    const id = options.id ?? newId('t');
    const transcript = buildTranscript({
      text,
      id,
      title: input.title,
      source,
      formatHint: input.format,
      turnGapMs: config.turnGapMs,
      loadedAt: this.workspace.nowIso(),
    });
    report(2, `Parsed ${transcript.cues.length} cues into ${transcript.turns.length} turns (${transcript.format})`);
    await cancellationPoint(signal);
    // Storing and indexing is one synchronous step: a cancel sees either all of it or none.
    this.remember(transcript);
    report(LOAD_STAGES, 'Stored and indexed for search');
    logger.info(
      { event: 'transcript_loaded', transcript_id: id, format: transcript.format, bytes: byteLength, cues: transcript.cues.length, turns: transcript.turns.length, warnings: transcript.warnings.length },
      'transcript loaded',
    );
    return transcript;
  }

  /** Stores an already built transcript (Zoom imports and the demo use this path too). */
  remember(transcript: Transcript): void {
    const { transcripts, index } = this.stores;
    if (transcripts.has(transcript.id)) transcripts.delete(transcript.id);
    // May evict (this principal's least recently used first) or refuse with QUOTA_EXCEEDED; only what was stored is indexed.
    transcripts.set(transcript.id, { owner: this.principal, value: transcript }, storedBytesOfTranscript(transcript));
    index?.add(transcript);
    this.workspace.emit('transcripts', this.principal);
  }

  listTranscripts(): Transcript[] {
    return this.stores.transcripts
      .values()
      .filter((entry) => entry.owner === this.principal)
      .map((entry) => entry.value)
      .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt) || a.id.localeCompare(b.id));
  }

  getTranscript(id: string): Transcript {
    const entry = this.stores.transcripts.get(id);
    if (!entry || entry.owner !== this.principal) {
      throw new NotFoundError('TRANSCRIPT_NOT_FOUND', 'No transcript with that id (it may have expired or been deleted). Use list_transcripts to see what is loaded.');
    }
    return entry.value;
  }

  deleteTranscript(id: string): { transcriptsDeleted: number; snapshotsDeleted: number } {
    this.getTranscript(id);
    const snapshotsBefore = this.listSnapshots().length;
    this.stores.transcripts.delete(id);
    return { transcriptsDeleted: 1, snapshotsDeleted: snapshotsBefore - this.listSnapshots().length };
  }

  /**
   * Removes everything concerning a customer: with `transcriptId`, that transcript and its
   * snapshots; with `companyName`, every transcript whose title or text names the company
   * (case-insensitive) and every snapshot whose company field is that name. Search entries go
   * with their transcripts. Returns what was removed.
   */
  deleteCustomerData(target: { companyName?: string; transcriptId?: string }): { transcriptsDeleted: number; snapshotsDeleted: number } {
    const transcriptIds = new Set<string>();
    const snapshotIds = new Set<string>();
    if (target.transcriptId !== undefined) transcriptIds.add(this.getTranscript(target.transcriptId).id);
    const company = target.companyName?.trim().toLowerCase();
    if (company) {
      for (const transcript of this.listTranscripts()) {
        const mentions = transcript.title.toLowerCase().includes(company) || transcript.turns.some((turn) => turn.text.toLowerCase().includes(company));
        if (mentions) transcriptIds.add(transcript.id);
      }
      for (const snapshot of this.listSnapshots()) {
        const value = snapshot.fields.company_name.value;
        if (typeof value === 'string' && value.trim().toLowerCase() === company) snapshotIds.add(snapshot.id);
      }
    }
    for (const snapshot of this.listSnapshots()) if (transcriptIds.has(snapshot.transcript_id)) snapshotIds.add(snapshot.id);
    for (const id of snapshotIds) this.stores.snapshots.delete(id);
    for (const id of transcriptIds) this.stores.transcripts.delete(id);
    // The Zoom cache may hold listings and downloads about this customer: drop it whole.
    this.workspace.clearZoomCache();
    this.logger.info(
      { event: 'audit_customer_data_deleted', by: company ? 'company_name' : 'transcript_id', transcripts_deleted: transcriptIds.size, snapshots_deleted: snapshotIds.size },
      'customer data deleted',
    );
    return { transcriptsDeleted: transcriptIds.size, snapshotsDeleted: snapshotIds.size };
  }

  /** Counters only: shared by the whole server, no customer data in them. */
  securityStatus(): SecurityStatus {
    return this.workspace.monitor.status();
  }

  async listZoomRecordings(input: ListRecordingsInput, signal?: AbortSignal): Promise<ZoomRecordingList> {
    return (await this.workspace.zoom()).listRecordings(input, { signal });
  }

  async importZoomTranscript(meeting: string, options: { title?: string; onProgress?: (done: number, total: number, message: string) => void; signal?: AbortSignal }): Promise<Transcript> {
    const transcript = await (await this.workspace.zoom()).importTranscript(meeting, {
      id: newId('t'),
      loadedAt: this.workspace.nowIso(),
      turnGapMs: this.workspace.config.turnGapMs,
      ...options,
    });
    options.signal?.throwIfAborted();
    this.remember(transcript);
    this.logger.info({ event: 'zoom_transcript_imported', transcript_id: transcript.id, cues: transcript.cues.length, turns: transcript.turns.length }, 'zoom transcript imported');
    return transcript;
  }

  search(query: string, options: { transcriptId?: string; speaker?: string; limit?: number; explain?: boolean }): SearchHit[] {
    const { index } = this.stores;
    if (!index) throw new Error('search on a workspace built with searchable: false');
    const scope = options.transcriptId === undefined ? this.ownTranscriptIds() : new Set([this.getTranscript(options.transcriptId).id]);
    return index.search(query, { transcriptIds: scope, speaker: options.speaker, limit: options.limit ?? 10, explain: options.explain });
  }

  async generateSnapshot(transcriptId: string, request: SnapshotRequest = {}): Promise<Snapshot> {
    const transcript = this.getTranscript(transcriptId);
    const { config } = this.workspace;
    const { logger } = this;
    const started = performance.now();
    const generated = await generateSnapshotWithEngine(transcript, {
      engine: request.engine ?? config.snapshotEngine,
      settings: config.llm,
      sampling: request.sampling ?? null,
      id: newId('s'),
      now: this.workspace.nowIso(),
      sections: request.sections,
      vendor: request.vendor ?? (await this.workspace.configuredVendor()) ?? undefined,
      signal: request.signal,
      logger,
      onProgress: (done, total, message) => {
        request.signal?.throwIfAborted();
        request.onProgress?.(done, total, message);
      },
    });
    generated.metrics.duration_ms = Math.round(performance.now() - started);
    const snapshot = (request.maskPii ?? config.maskPii) ? maskSnapshotPersonalData(generated) : generated;
    const issueCodes = new Set(snapshot.validation.issues.map((issue) => issue.code));
    if ([...issueCodes].some((code) => MODEL_FAILURE_CODES.has(code))) this.workspace.monitor.record('model_errors');
    if (issueCodes.has('SUSPICIOUS_CONTENT')) this.workspace.monitor.record('suspicious_content');
    // Cancelled work is never stored half-made, and a transcript deleted or expired while the model wrote takes its snapshot with it.
    request.signal?.throwIfAborted();
    this.getTranscript(transcriptId);
    this.stores.snapshots.set(snapshot.id, { owner: this.principal, value: snapshot }, storedBytesOfSnapshot(snapshot));
    this.workspace.emit('snapshots', this.principal);
    this.logger.info(
      { event: 'snapshot_generated', snapshot_id: snapshot.id, transcript_id: transcriptId, engine: snapshot.engine, sections: snapshot.sections.length, grounded_ratio: snapshot.validation.grounded_ratio, duration_ms: snapshot.metrics.duration_ms },
      'snapshot generated',
    );
    return snapshot;
  }

  listSnapshots(): Snapshot[] {
    return this.stores.snapshots
      .values()
      .filter((entry) => entry.owner === this.principal)
      .map((entry) => entry.value)
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  }

  getSnapshot(id: string): Snapshot {
    const entry = this.stores.snapshots.get(id);
    if (!entry || entry.owner !== this.principal) {
      throw new NotFoundError('SNAPSHOT_NOT_FOUND', 'No snapshot with that id (it may have expired or been deleted). Use list_snapshots to see what exists.');
    }
    return entry.value;
  }

  deleteSnapshot(id: string): void {
    this.getSnapshot(id);
    this.stores.snapshots.delete(id);
  }

  /**
   * Stores what holds of a section the client's model wrote (see
   * core/llm/client-section.ts) and reports what was dropped and why.
   * Another principal's snapshot answers like an unknown id.
   */
  writeSnapshotSection(snapshotId: string, input: ClientSectionInput): ClientWriteOutcome {
    const snapshot = this.getSnapshot(snapshotId);
    const transcript = this.getTranscript(snapshot.transcript_id);
    const outcome = applyClientSection(snapshot, transcript, input);
    const written = outcome.snapshot !== snapshot && snapshot.pii_masked ? maskSnapshotPersonalData(outcome.snapshot) : outcome.snapshot;
    if (written !== snapshot) this.stores.snapshots.set(written.id, { owner: this.principal, value: written }, storedBytesOfSnapshot(written));
    if (outcome.dropped.some((item) => item.reason === 'reads_as_instructions')) this.workspace.monitor.record('suspicious_content');
    this.logger.info(
      { event: 'snapshot_section_written', snapshot_id: snapshotId, section: input.section, claims_kept: outcome.keptClaims.length, fields_kept: outcome.keptFields, dropped: outcome.dropped.map((item) => item.reason) },
      'client-written section checked',
    );
    return { ...outcome, snapshot: written };
  }

  updateSnapshotField(snapshotId: string, field: FieldName, rawValue: unknown): Snapshot {
    const snapshot = this.getSnapshot(snapshotId);
    const transcript = this.getTranscript(snapshot.transcript_id);
    const value = validateFieldValue(field, rawValue);
    const rebuilt = rebuildAfterFieldUpdate(snapshot, transcript, field, value);
    const updated = snapshot.pii_masked ? maskSnapshotPersonalData(rebuilt) : rebuilt;
    this.stores.snapshots.set(updated.id, { owner: this.principal, value: updated }, storedBytesOfSnapshot(updated));
    this.logger.info({ event: 'snapshot_field_updated', snapshot_id: snapshotId, field }, 'snapshot field updated');
    return updated;
  }
}

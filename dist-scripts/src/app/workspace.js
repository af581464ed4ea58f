/**
 * The application layer: what a user can do with transcripts and snapshots,
 * wired from the pure core and the adapters. Both delivery layers (MCP server
 * and CLI) call this, so a behaviour lives in one place.
 *
 * State is shared by every connection of the process; each caller works
 * through a `WorkspaceSession` bound to a principal and sees only what that
 * principal created: another principal's id answers exactly like an unknown id.
 */
import { InputError, NotFoundError } from '../core/errors.js';
import { buildTranscript, decodeTranscriptBytes } from '../core/transcript/index.js';
import { TranscriptSearchIndex } from '../core/search/search-index.js';
import { buildSnapshot, rebuildAfterFieldUpdate, validateFieldValue } from '../core/snapshot/index.js';
import { readTranscriptFile } from '../adapters/files/read-transcript-file.js';
import { MemoryStore } from '../adapters/store/memory.js';
import { newId } from './ids.js';
export class Workspace {
    config;
    logger;
    now;
    transcripts;
    snapshots;
    index = new TranscriptSearchIndex();
    listeners = new Set();
    constructor({ config, logger, now = () => new Date() }) {
        this.config = config;
        this.logger = logger;
        this.now = now;
        this.transcripts = new MemoryStore({
            ttlMs: config.transcriptTtlMs,
            maxEntries: config.maxTranscripts,
            onRemoved: (id, _entry, reason) => this.afterTranscriptRemoved(id, reason),
        });
        this.snapshots = new MemoryStore({
            ttlMs: config.snapshotTtlMs,
            maxEntries: config.maxSnapshots,
            onRemoved: (id, _entry, reason) => {
                this.logger.info({ event: 'snapshot_removed', snapshot_id: id, reason }, 'snapshot removed');
                this.emit('snapshots');
            },
        });
    }
    session(principal) {
        return new WorkspaceSession(this, principal);
    }
    /** Called with the kind of list that changed (load, delete, expiry, eviction). Returns an unsubscribe. */
    onChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** @internal store access for sessions */
    get stores() {
        return { transcripts: this.transcripts, snapshots: this.snapshots, index: this.index };
    }
    nowIso() {
        return this.now().toISOString();
    }
    emit(kind) {
        for (const listener of this.listeners)
            listener(kind);
    }
    afterTranscriptRemoved(id, reason) {
        this.index.remove(id);
        // Snapshots are derived from the transcript's text: they go with it.
        for (const entry of this.snapshots.values()) {
            if (entry.value.transcript_id === id)
                this.snapshots.delete(entry.value.id);
        }
        this.logger.info({ event: 'transcript_removed', transcript_id: id, reason }, 'transcript removed');
        this.emit('transcripts');
    }
}
export class WorkspaceSession {
    workspace;
    principal;
    constructor(workspace, principal) {
        this.workspace = workspace;
        this.principal = principal;
    }
    get stores() {
        return this.workspace.stores;
    }
    ownTranscriptIds() {
        return new Set(this.listTranscripts().map((t) => t.id));
    }
    async loadTranscript(input, options) {
        const { config, logger } = this.workspace;
        const hasPath = typeof input.path === 'string';
        const hasContent = typeof input.content === 'string';
        if (hasPath === hasContent) {
            throw new InputError('INVALID_ARGUMENT', 'Give exactly one of `path` (a .vtt, .srt or .txt file) or `content` (the transcript text).');
        }
        let text;
        let sourceName;
        if (hasPath) {
            const file = await readTranscriptFile(input.path, { roots: options.roots, maxBytes: config.maxTranscriptBytes, cwd: config.cwd });
            text = decodeTranscriptBytes(file.bytes, config.maxTranscriptBytes);
            sourceName = file.basename;
        }
        else {
            text = decodeTranscriptBytes(Buffer.from(input.content, 'utf8'), config.maxTranscriptBytes);
            sourceName = null;
        }
        const id = options.id ?? newId('t');
        const transcript = buildTranscript({
            text,
            id,
            title: input.title,
            source: { kind: hasPath ? 'file' : 'inline', name: sourceName },
            formatHint: input.format,
            turnGapMs: config.turnGapMs,
            loadedAt: this.workspace.nowIso(),
        });
        this.remember(transcript);
        logger.info({ event: 'transcript_loaded', transcript_id: id, format: transcript.format, bytes: Buffer.byteLength(text), cues: transcript.cues.length, turns: transcript.turns.length, warnings: transcript.warnings.length }, 'transcript loaded');
        return transcript;
    }
    /** Stores an already built transcript (Zoom imports and the demo use this path too). */
    remember(transcript) {
        const { transcripts, index } = this.stores;
        if (transcripts.has(transcript.id))
            transcripts.delete(transcript.id);
        transcripts.set(transcript.id, { owner: this.principal, value: transcript });
        index.add(transcript);
        this.workspace.emit('transcripts');
    }
    listTranscripts() {
        return this.stores.transcripts
            .values()
            .filter((entry) => entry.owner === this.principal)
            .map((entry) => entry.value)
            .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt) || a.id.localeCompare(b.id));
    }
    getTranscript(id) {
        const entry = this.stores.transcripts.get(id);
        if (!entry || entry.owner !== this.principal) {
            throw new NotFoundError('TRANSCRIPT_NOT_FOUND', 'No transcript with that id (it may have expired or been deleted). Use list_transcripts to see what is loaded.');
        }
        return entry.value;
    }
    deleteTranscript(id) {
        this.getTranscript(id);
        const snapshotsBefore = this.listSnapshots().length;
        this.stores.transcripts.delete(id);
        return { transcriptsDeleted: 1, snapshotsDeleted: snapshotsBefore - this.listSnapshots().length };
    }
    search(query, options) {
        const scope = options.transcriptId === undefined ? this.ownTranscriptIds() : new Set([this.getTranscript(options.transcriptId).id]);
        return this.stores.index.search(query, { transcriptIds: scope, speaker: options.speaker, limit: options.limit ?? 10 });
    }
    generateSnapshot(transcriptId, request = {}) {
        const transcript = this.getTranscript(transcriptId);
        const started = performance.now();
        const snapshot = buildSnapshot(transcript, {
            id: newId('s'),
            now: this.workspace.nowIso(),
            sections: request.sections,
            onProgress: (done, total, message) => {
                if (request.signal?.aborted)
                    throw request.signal.reason;
                request.onProgress?.(done, total, message);
            },
        });
        snapshot.metrics.duration_ms = Math.round(performance.now() - started);
        // Cancelled work is never stored half-made.
        request.signal?.throwIfAborted();
        this.stores.snapshots.set(snapshot.id, { owner: this.principal, value: snapshot });
        this.workspace.emit('snapshots');
        this.workspace.logger.info({ event: 'snapshot_generated', snapshot_id: snapshot.id, transcript_id: transcriptId, engine: snapshot.engine, sections: snapshot.sections.length, grounded_ratio: snapshot.validation.grounded_ratio, duration_ms: snapshot.metrics.duration_ms }, 'snapshot generated');
        return snapshot;
    }
    listSnapshots() {
        return this.stores.snapshots
            .values()
            .filter((entry) => entry.owner === this.principal)
            .map((entry) => entry.value)
            .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    }
    getSnapshot(id) {
        const entry = this.stores.snapshots.get(id);
        if (!entry || entry.owner !== this.principal) {
            throw new NotFoundError('SNAPSHOT_NOT_FOUND', 'No snapshot with that id (it may have expired or been deleted). Use list_snapshots to see what exists.');
        }
        return entry.value;
    }
    deleteSnapshot(id) {
        this.getSnapshot(id);
        this.stores.snapshots.delete(id);
    }
    updateSnapshotField(snapshotId, field, rawValue) {
        const snapshot = this.getSnapshot(snapshotId);
        const transcript = this.getTranscript(snapshot.transcript_id);
        const value = validateFieldValue(field, rawValue);
        const updated = rebuildAfterFieldUpdate(snapshot, transcript, field, value);
        this.stores.snapshots.set(updated.id, { owner: this.principal, value: updated });
        this.workspace.logger.info({ event: 'snapshot_field_updated', snapshot_id: snapshotId, field }, 'snapshot field updated');
        return updated;
    }
}

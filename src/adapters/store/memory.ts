/**
 * In-memory storage: collections (transcripts, snapshots) whose items each
 * belong to one principal, with a time-to-live, and three kinds of limit:
 *
 * - per principal, in each collection, a count and a byte quota: a principal
 *   over its quota loses its own least recently used items, never another's;
 * - per collection, a count for all principals together;
 * - for all collections together, a byte budget.
 *
 * The last two are shared, so they are enforced fairly: the item evicted is
 * the least recently used of the principal using the most, and never one of
 * a principal below its fair share (the limit divided by the principals
 * holding data). An item that cannot fit even so is refused with
 * QUOTA_EXCEEDED and nothing is evicted. Reading an item counts as use;
 * expiry runs from when the item was stored, on unref'd timers, so it does
 * not keep the process alive.
 */

import { InputError } from '../../core/errors.js';
import type { CollectionOptions, KeyedStore, Owned, RemovalReason } from './port.js';

interface Entry {
  key: string;
  id: string;
  collection: Collection<unknown>;
  owner: string;
  item: Owned<unknown>;
  bytes: number;
  expiresAt: number;
  timer: NodeJS.Timeout | undefined;
}

/** setTimeout's longest delay; a longer time-to-live re-arms the timer when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 10 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
}

function quotaExceeded(message: string): InputError {
  return new InputError('QUOTA_EXCEEDED', `${message} Nothing was stored.`);
}

export interface MemoryStorageOptions {
  /** Bytes all collections together may hold. */
  maxBytes: number;
  /** The variable that sets `maxBytes`, named in QUOTA_EXCEEDED messages. */
  maxBytesVariable: string;
  now?: () => number;
}

export class MemoryStorage {
  /** Every item of every collection, least recently used first (a Map keeps insertion order; a use re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;
  private collections = 0;
  readonly now: () => number;

  constructor(readonly options: MemoryStorageOptions) {
    this.now = options.now ?? Date.now;
  }

  collection<T>(options: CollectionOptions<T>): KeyedStore<T> {
    return new Collection<T>(this, options, this.collections++);
  }

  /** Bytes held by all collections. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** @internal */
  find(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.now()) {
      this.remove(entry, 'expired');
      return undefined;
    }
    return entry;
  }

  /** @internal Moves an item to the most recently used end. */
  touch(entry: Entry): void {
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
  }

  /** @internal Items of one collection, least recently used first. */
  *itemsOf(collection: Collection<unknown>): Generator<Entry> {
    for (const entry of this.entries.values()) if (entry.collection === collection) yield entry;
  }

  /** @internal */
  add(entry: Entry): void {
    const replaced = this.entries.get(entry.key);
    const victims = this.evictionsFor(entry, replaced);
    for (const victim of victims) {
      // An earlier eviction may have taken it already (a transcript takes its snapshots along).
      if (this.entries.get(victim.key) === victim) this.remove(victim, 'evicted');
    }
    if (replaced !== undefined && this.entries.get(replaced.key) === replaced) this.remove(replaced, null);
    this.entries.set(entry.key, entry);
    this.totalBytes += entry.bytes;
    entry.collection.count += 1;
    this.arm(entry);
  }

  /** @internal Removes an item; `reason` null replaces it silently. */
  remove(entry: Entry, reason: RemovalReason | null): void {
    this.entries.delete(entry.key);
    clearTimeout(entry.timer);
    this.totalBytes -= entry.bytes;
    entry.collection.count -= 1;
    if (reason !== null) entry.collection.removed(entry, reason);
  }

  private arm(entry: Entry): void {
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, entry.expiresAt - this.now()));
    entry.timer = setTimeout(() => {
      if (this.entries.get(entry.key) !== entry) return;
      if (entry.expiresAt <= this.now()) this.remove(entry, 'expired');
      else this.arm(entry);
    }, delay);
    entry.timer.unref();
  }

  /**
   * What must go for `entry` to fit, planned before anything is removed:
   * first the owner's own least recently used items (its quota in the
   * collection), then, fairly, whatever the collection's count and the byte
   * budget still require. Throws QUOTA_EXCEEDED when no fair plan exists.
   */
  private evictionsFor(entry: Entry, replaced: Entry | undefined): Entry[] {
    const { collection } = entry;
    const { noun, perOwner, variables } = collection.options;
    if (entry.bytes > perOwner.maxBytes) {
      throw quotaExceeded(`This ${noun} takes ${megabytes(entry.bytes)} MB; one principal may keep ${megabytes(perOwner.maxBytes)} MB of ${noun}s (${variables.perOwnerBytes}).`);
    }
    if (entry.bytes > this.options.maxBytes) {
      throw quotaExceeded(`This ${noun} takes ${megabytes(entry.bytes)} MB; the server keeps ${megabytes(this.options.maxBytes)} MB in all (${this.options.maxBytesVariable}).`);
    }
    const now = this.now();
    // Expired items are on their way out: they neither count nor get evicted.
    const all = [...this.entries.values()].filter((candidate) => candidate.expiresAt > now);
    const victims = new Set<Entry>();
    const live = (candidate: Entry) => candidate !== replaced && !victims.has(candidate);
    const oldest = (matches: (candidate: Entry) => boolean) => all.find((candidate) => live(candidate) && matches(candidate));

    const own = (candidate: Entry) => candidate.collection === collection && candidate.owner === entry.owner;
    const ownUsage = () => all.filter((candidate) => live(candidate) && own(candidate)).reduce((sum, candidate) => ({ count: sum.count + 1, bytes: sum.bytes + candidate.bytes }), { count: 1, bytes: entry.bytes });
    for (let usage = ownUsage(); usage.count > perOwner.maxEntries || usage.bytes > perOwner.maxBytes; usage = ownUsage()) {
      const victim = oldest(own);
      if (victim === undefined) break;
      victims.add(victim);
    }

    const sameCollection = (candidate: Entry) => candidate.collection === collection;
    const fair =
      this.evictFairly(entry, all, live, victims, sameCollection, () => 1, collection.options.maxEntries) &&
      this.evictFairly(entry, all, live, victims, () => true, (candidate) => candidate.bytes, this.options.maxBytes);
    if (!fair) {
      throw quotaExceeded(`The server's store is full of other principals' ${noun}s and snapshots, each within its fair share. Delete some of yours or try again later.`);
    }
    return [...victims];
  }

  /**
   * Adds victims until the items in scope, with `entry`, are within `limit`:
   * each time the least recently used item of the principal using the most,
   * among principals at or above their fair share. False when none is left.
   */
  private evictFairly(entry: Entry, all: Entry[], live: (candidate: Entry) => boolean, victims: Set<Entry>, inScope: (candidate: Entry) => boolean, measure: (candidate: Entry) => number, limit: number): boolean {
    for (;;) {
      const usage = new Map<string, number>([[entry.owner, measure(entry)]]);
      let total = measure(entry);
      for (const candidate of all) {
        if (!live(candidate) || !inScope(candidate)) continue;
        usage.set(candidate.owner, (usage.get(candidate.owner) ?? 0) + measure(candidate));
        total += measure(candidate);
      }
      if (total <= limit) return true;
      const fairShare = limit / usage.size;
      const heaviestFirst = [...usage].filter(([, used]) => used >= fairShare).sort((a, b) => b[1] - a[1]);
      let victim: Entry | undefined;
      for (const [owner] of heaviestFirst) {
        victim = all.find((candidate) => live(candidate) && inScope(candidate) && candidate.owner === owner);
        if (victim !== undefined) break;
      }
      if (victim === undefined) return false;
      victims.add(victim);
    }
  }
}

class Collection<T> implements KeyedStore<T> {
  count = 0;

  constructor(
    private readonly storage: MemoryStorage,
    readonly options: CollectionOptions<T>,
    private readonly number: number,
  ) {}

  private key(id: string): string {
    return `${this.number}:${id}`;
  }

  get(id: string): Owned<T> | undefined {
    const entry = this.storage.find(this.key(id));
    if (entry === undefined) return undefined;
    this.storage.touch(entry);
    return entry.item as Owned<T>;
  }

  has(id: string): boolean {
    return this.storage.find(this.key(id)) !== undefined;
  }

  set(id: string, item: Owned<T>, bytes: number): void {
    const entry: Entry = { key: this.key(id), id, collection: this as Collection<unknown>, owner: item.owner, item, bytes, expiresAt: this.storage.now() + this.options.ttlMs, timer: undefined };
    this.storage.add(entry);
  }

  delete(id: string): boolean {
    const entry = this.storage.find(this.key(id));
    if (entry === undefined) return false;
    this.storage.remove(entry, 'deleted');
    return true;
  }

  values(): Owned<T>[] {
    const now = this.storage.now();
    return [...this.storage.itemsOf(this as Collection<unknown>)]
      .filter((entry) => entry.expiresAt > now)
      .reverse()
      .map((entry) => entry.item as Owned<T>);
  }

  get size(): number {
    return this.count;
  }

  /** @internal */
  removed(entry: Entry, reason: RemovalReason): void {
    this.options.onRemoved?.(entry.id, entry.item as Owned<T>, reason);
  }
}

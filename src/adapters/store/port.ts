/**
 * The storage port: a keyed collection with expiry and a size cap. The memory
 * adapter implements it today; a persistent adapter can replace it without
 * touching the callers. `onRemoved` fires for expiry and eviction too, so the
 * search index and `list_changed` notifications stay in step with the data.
 */

export type RemovalReason = 'deleted' | 'expired' | 'evicted';

export interface KeyedStore<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
  set(id: string, value: T): void;
  delete(id: string): boolean;
  /** Values, most recently used first. Does not refresh recency. */
  values(): T[];
  readonly size: number;
}

export interface StoreOptions<T> {
  ttlMs: number;
  maxEntries: number;
  onRemoved?: (id: string, value: T, reason: RemovalReason) => void;
}

/**
 * The storage port: keyed collections of items that each belong to one
 * principal, with expiry, quotas and a byte budget shared by every
 * collection. The memory adapter implements it today; a persistent adapter
 * can replace it without touching the callers. `onRemoved` fires for expiry
 * and eviction too, so the search index and `list_changed` notifications stay
 * in step with the data.
 */

export type RemovalReason = 'deleted' | 'expired' | 'evicted';

export interface Owned<T> {
  owner: string;
  value: T;
}

export interface KeyedStore<T> {
  /** Reading an item counts as use (for least-recently-used eviction). */
  get(id: string): Owned<T> | undefined;
  has(id: string): boolean;
  /**
   * Stores (or replaces) an item of `bytes` for its owner, first evicting what
   * the quotas and the budget require (see the adapter). Throws QUOTA_EXCEEDED,
   * storing nothing, when the item cannot fit.
   */
  set(id: string, item: Owned<T>, bytes: number): void;
  delete(id: string): boolean;
  /** Items, most recently used first. Does not refresh recency. */
  values(): Owned<T>[];
  readonly size: number;
}

/** What one principal may keep in a collection. */
export interface OwnerQuota {
  maxEntries: number;
  maxBytes: number;
}

export interface CollectionOptions<T> {
  /** What the items are, in messages: "transcript", "snapshot". */
  noun: string;
  ttlMs: number;
  /** Items in the collection, all principals together. */
  maxEntries: number;
  perOwner: OwnerQuota;
  /** The variables that set the limits, named in QUOTA_EXCEEDED messages. */
  variables: { perOwnerBytes: string };
  onRemoved?: (id: string, item: Owned<T>, reason: RemovalReason) => void;
}

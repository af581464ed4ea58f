/**
 * In-memory store with a time-to-live and least-recently-used eviction,
 * on lru-cache (well kept, and its purge timers are unref'd, so expiry does
 * not keep the process alive). Reading an entry counts as use; expiry runs
 * from when the entry was stored.
 */

import { LRUCache } from 'lru-cache';
import type { KeyedStore, RemovalReason, StoreOptions } from './port.js';

export class MemoryStore<T extends object> implements KeyedStore<T> {
  private readonly cache: LRUCache<string, T>;

  constructor(options: StoreOptions<T>) {
    this.cache = new LRUCache<string, T>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      ttlAutopurge: true,
      updateAgeOnGet: false,
      allowStale: false,
      dispose: (value, id, reason) => {
        const mapped: RemovalReason | undefined =
          reason === 'delete' ? 'deleted' : reason === 'expire' ? 'expired' : reason === 'evict' ? 'evicted' : undefined;
        if (mapped) options.onRemoved?.(id, value, mapped);
      },
    });
  }

  get(id: string): T | undefined {
    return this.cache.get(id);
  }

  has(id: string): boolean {
    return this.cache.has(id);
  }

  set(id: string, value: T): void {
    this.cache.set(id, value);
  }

  delete(id: string): boolean {
    return this.cache.delete(id);
  }

  values(): T[] {
    return [...this.cache.values()];
  }

  get size(): number {
    return this.cache.size;
  }
}

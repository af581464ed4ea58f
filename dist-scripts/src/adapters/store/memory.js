/**
 * In-memory store with a time-to-live and least-recently-used eviction,
 * on lru-cache (well kept, and its purge timers are unref'd, so expiry does
 * not keep the process alive). Reading an entry counts as use; expiry runs
 * from when the entry was stored.
 */
import { LRUCache } from 'lru-cache';
export class MemoryStore {
    cache;
    constructor(options) {
        this.cache = new LRUCache({
            max: options.maxEntries,
            ttl: options.ttlMs,
            ttlAutopurge: true,
            updateAgeOnGet: false,
            allowStale: false,
            dispose: (value, id, reason) => {
                const mapped = reason === 'delete' ? 'deleted' : reason === 'expire' ? 'expired' : reason === 'evict' ? 'evicted' : undefined;
                if (mapped)
                    options.onRemoved?.(id, value, mapped);
            },
        });
    }
    get(id) {
        return this.cache.get(id);
    }
    has(id) {
        return this.cache.has(id);
    }
    set(id, value) {
        this.cache.set(id, value);
    }
    delete(id) {
        return this.cache.delete(id);
    }
    values() {
        return [...this.cache.values()];
    }
    get size() {
        return this.cache.size;
    }
}

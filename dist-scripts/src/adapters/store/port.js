/**
 * The storage port: a keyed collection with expiry and a size cap. The memory
 * adapter implements it today; a persistent adapter can replace it without
 * touching the callers. `onRemoved` fires for expiry and eviction too, so the
 * search index and `list_changed` notifications stay in step with the data.
 */
export {};

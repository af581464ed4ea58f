import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory.js';
import type { KeyedStore, RemovalReason } from './port.js';

const UNLIMITED = 1_000_000;

function setup(limits: { maxBytes?: number; maxEntries?: number; perOwnerEntries?: number; perOwnerBytes?: number; ttlMs?: number } = {}) {
  let clock = 0;
  const storage = new MemoryStorage({ maxBytes: limits.maxBytes ?? UNLIMITED, maxBytesVariable: 'STORE_MAX_BYTES', now: () => clock });
  const removed: Array<[string, RemovalReason]> = [];
  const collection = (noun: string): KeyedStore<string> =>
    storage.collection<string>({
      noun,
      ttlMs: limits.ttlMs ?? UNLIMITED,
      maxEntries: limits.maxEntries ?? UNLIMITED,
      perOwner: { maxEntries: limits.perOwnerEntries ?? UNLIMITED, maxBytes: limits.perOwnerBytes ?? UNLIMITED },
      variables: { perOwnerBytes: `PRINCIPAL_MAX_${noun.toUpperCase()}_BYTES` },
      onRemoved: (id, _item, reason) => removed.push([id, reason]),
    });
  return { storage, collection, removed, advance: (ms: number) => void (clock += ms) };
}

const ids = (store: KeyedStore<string>, owner: string) => store.values().filter((item) => item.owner === owner).map((item) => item.value);

describe('memory storage', () => {
  it("evicts a principal's own least recently used over its count and byte quotas, reading counting as use", () => {
    const { collection, removed } = setup({ perOwnerEntries: 3, perOwnerBytes: 250 });
    const store = collection('transcript');
    store.set('q', { owner: 'quiet', value: 'q' }, 100);
    for (const id of ['a', 'b', 'c']) store.set(id, { owner: 'noisy', value: id }, 50);
    store.get('a');
    store.set('d', { owner: 'noisy', value: 'd' }, 50);
    expect(ids(store, 'noisy')).toEqual(['d', 'a', 'c']);
    store.set('e', { owner: 'noisy', value: 'e' }, 120);
    expect(ids(store, 'noisy')).toEqual(['e', 'd', 'a']);
    expect(ids(store, 'quiet')).toEqual(['q']);
    expect(removed).toEqual([['b', 'evicted'], ['c', 'evicted']]);
  });

  it('shares the byte budget across collections, evicting from the principal using the most', () => {
    const { collection, storage } = setup({ maxBytes: 300 });
    const transcripts = collection('transcript');
    const snapshots = collection('snapshot');
    transcripts.set('q', { owner: 'quiet', value: 'q' }, 100);
    transcripts.set('n1', { owner: 'noisy', value: 'n1' }, 100);
    snapshots.set('s1', { owner: 'noisy', value: 's1' }, 60);
    transcripts.set('n2', { owner: 'noisy', value: 'n2' }, 100);
    expect(ids(transcripts, 'quiet')).toEqual(['q']);
    expect(ids(transcripts, 'noisy')).toEqual(['n2']);
    expect(ids(snapshots, 'noisy')).toEqual(['s1']);
    expect(storage.bytes).toBe(260);
  });

  it('refuses, evicting nothing, an item larger than a quota or one that only principals below their fair share could make room for', () => {
    const { collection } = setup({ maxBytes: 300, perOwnerBytes: 200 });
    const store = collection('transcript');
    expect(() => store.set('big', { owner: 'a', value: 'big' }, 201)).toThrow(/^This transcript takes .* MB; one principal may keep .* \(PRINCIPAL_MAX_TRANSCRIPT_BYTES\)\. Nothing was stored\.$/);
    store.set('a', { owner: 'a', value: 'a' }, 90);
    store.set('b', { owner: 'b', value: 'b' }, 90);
    // c's 190 bytes would need a or b gone, but each holds less than a third of the budget.
    expect(() => store.set('c', { owner: 'c', value: 'c' }, 190)).toThrow(expect.objectContaining({ code: 'QUOTA_EXCEEDED' }));
    expect(store.size).toBe(2);
    expect(store.has('c')).toBe(false);
  });

  it('expires items, replaces an id silently and keeps its accounting', () => {
    const { collection, removed, advance, storage } = setup({ ttlMs: 1000 });
    const store = collection('snapshot');
    store.set('s', { owner: 'a', value: 'first' }, 10);
    store.set('s', { owner: 'a', value: 'second' }, 30);
    expect(store.get('s')?.value).toBe('second');
    expect(storage.bytes).toBe(30);
    advance(1000);
    expect(store.get('s')).toBeUndefined();
    expect(store.values()).toEqual([]);
    expect(storage.bytes).toBe(0);
    expect(removed).toEqual([['s', 'expired']]);
  });
});

/** Small key-value needs (conversation state, action payloads, dedup, thread maps): keyv in Redis or memory. */
export interface KeyValue {
  /** The value at key, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** The values at several keys read together (one round trip where the store allows), in the keys' order. */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Sets a value, expiring after ttlMs when given. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** Deletes a key; true when it existed. */
  delete(key: string): Promise<boolean>;
  /** Sets a value and returns the one it replaced, in one step (stores that can; others do `get` then `set`). */
  exchange?<T>(key: string, value: T, ttlMs?: number): Promise<T | undefined>;
  /** Where the store keeps a key, for a script of the same store to read it (stores in Redis; the value is keyv's JSON envelope). */
  location?(key: string): string;
  /**
   * The value at `key` and, when it is an object whose `field` is a string `id`, the value at `next + id`: the key it
   * names, read in the same step (stores that can: a single Redis; a Cluster keeps the two keys in other slots).
   * `followed` is absent when nothing was followed.
   */
  getFollowing?<T, U>(key: string, field: string, next: string): Promise<{ value: T | undefined; followed?: { id: string; value: U | undefined } }>;
}

/** What `Dedup.claim` found: the key is now the caller's, another caller's live claim, or confirmed (handled). */
export type ClaimState = 'claimed' | 'held' | 'done';

/**
 * Once-only markers shared by every process: inbound update dedup, nudge dedup. For crash-safe inbound dedup,
 * `claim` takes a key briefly for one owner, `renew` keeps the claim alive while the work runs, `confirm` keeps the
 * key once the work is done, `release` gives it back when it failed. A claim nobody renews lapses by itself.
 */
export interface Dedup {
  /** True the first time a key is seen within ttlMs, false every other time, across processes. */
  first(key: string, ttlMs: number): Promise<boolean>;
  /** Claims the key for `owner` for ttlMs unless it is claimed (`held`) or confirmed (`done`). */
  claim(key: string, owner: string, ttlMs: number): Promise<ClaimState>;
  /** Extends `owner`'s claim to ttlMs from now; false when the claim is no longer theirs (gone, taken by another, or confirmed); never writes a claim that is gone. */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Marks the key as seen (confirmed) for ttlMs from now, whether or not it was marked before. */
  confirm(key: string, ttlMs: number): Promise<void>;
  /** Forgets the key (only `owner`'s claim when an owner is given): the next `first` or `claim` succeeds again. */
  release(key: string, owner?: string): Promise<void>;
}

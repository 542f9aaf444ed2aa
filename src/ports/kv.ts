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
}

/**
 * Once-only markers shared by every process: inbound update dedup, nudge dedup. For crash-safe inbound dedup,
 * `first` claims a key briefly, `confirm` keeps it once the work is done, `release` gives it back when it failed.
 */
export interface Dedup {
  /** True the first time a key is seen within ttlMs, false every other time, across processes. */
  first(key: string, ttlMs: number): Promise<boolean>;
  /** Marks the key as seen for ttlMs from now, whether or not it was marked before. */
  confirm(key: string, ttlMs: number): Promise<void>;
  /** Forgets the key: the next `first` is true again. */
  release(key: string): Promise<void>;
}

/** Small key-value needs (conversation state, action payloads, dedup, thread maps): keyv in Redis or memory. */
export interface KeyValue {
  /** The value at key, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Sets a value, expiring after ttlMs when given. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** Deletes a key; true when it existed. */
  delete(key: string): Promise<boolean>;
}

/** Once-only markers shared by every process: inbound update dedup, nudge dedup. */
export interface Dedup {
  /** True the first time a key is seen within ttlMs, false every other time, across processes. */
  first(key: string, ttlMs: number): Promise<boolean>;
}

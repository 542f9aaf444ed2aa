/** A bounded map that drops the least recently used entry first. */
export interface Lru<V> {
  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined;
  /** Stores a value, dropping the least recently used beyond the bound (nothing is kept with a bound of 0). */
  set(key: string, value: V): void;
  forget(key: string): void;
}

/** A Map in recency order: a read moves the entry last, so the first is the least recently used. */
export function createLru<V>(max: number): Lru<V> {
  const map = new Map<string, V>();
  return {
    get(key) {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key, value) {
      if (max <= 0) return;
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
    forget(key) {
      map.delete(key);
    },
  };
}

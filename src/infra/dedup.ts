import { Cluster, Redis } from 'ioredis';
import type { Dedup, KeyValue } from '../ports/kv.js';
import type { AtomicKeyValue, RedisClient } from './kv.js';

function isRedis(x: unknown): x is RedisClient {
  return x instanceof Redis || x instanceof Cluster;
}

function isAtomic(kv: KeyValue): kv is AtomicKeyValue {
  return typeof (kv as Partial<AtomicKeyValue>).add === 'function';
}

function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}

/**
 * Once-only markers.
 * - ioredis connection: `SET ${prefix}dedup:<key> 1 NX PX ttl` — one atomic command, so exactly one
 *   process wins even when several receive the same event.
 * - a KeyValue from src/infra/kv.ts: its atomic `add` under `dedup:<key>`.
 * - nothing, or a KeyValue without `add`: a process-local map (embedded mode); a get-then-set on a
 *   shared store would let two processes both see "first".
 * In each, `confirm` rewrites the mark with its new TTL and `release` deletes it.
 */
export function createDedup(source?: RedisClient | KeyValue, prefix = ''): Dedup {
  if (isRedis(source)) {
    const at = (key: string) => `${prefix}dedup:${key}`;
    return {
      first: async (key, ttlMs) => (await source.set(at(key), '1', 'PX', checkTtl(ttlMs), 'NX')) === 'OK',
      async confirm(key, ttlMs) {
        await source.set(at(key), '1', 'PX', checkTtl(ttlMs));
      },
      async release(key) {
        await source.del(at(key));
      },
    };
  }
  if (source && isAtomic(source)) {
    return {
      first: async (key, ttlMs) => source.add(`dedup:${key}`, 1, checkTtl(ttlMs)),
      confirm: async (key, ttlMs) => source.set(`dedup:${key}`, 1, checkTtl(ttlMs)),
      async release(key) {
        await source.delete(`dedup:${key}`);
      },
    };
  }
  return createMemoryDedup();
}

/** Process-local dedup: the check and the mark happen in one synchronous step. */
export function createMemoryDedup(): Dedup {
  const seen = new Map<string, number>();
  let calls = 0;
  return {
    async first(key, ttlMs) {
      const now = Date.now();
      const ttl = checkTtl(ttlMs);
      if (++calls % 1000 === 0) for (const [k, until] of seen) if (until <= now) seen.delete(k);
      const until = seen.get(key);
      if (until !== undefined && until > now) return false;
      seen.set(key, now + ttl);
      return true;
    },
    async confirm(key, ttlMs) {
      seen.set(key, Date.now() + checkTtl(ttlMs));
    },
    async release(key) {
      seen.delete(key);
    },
  };
}

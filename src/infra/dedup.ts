import { createHash } from 'node:crypto';
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
 * - ioredis connection: `createRedisDedup` (markers as fields of a few thousand small hashes, one Lua
 *   script per operation, so exactly one process wins even when several receive the same event).
 * - a KeyValue from src/infra/kv.ts: its atomic `add` under `dedup:<key>`.
 * - nothing, or a KeyValue without `add`: a process-local map (embedded mode); a get-then-set on a
 *   shared store would let two processes both see "first".
 * In each, `confirm` rewrites the mark with its new TTL and `release` deletes it.
 */
export function createDedup(source?: RedisClient | KeyValue, prefix = ''): Dedup {
  if (isRedis(source)) return createRedisDedup(source, prefix);
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

/**
 * The marker's expiry (ms, Redis' clock) is the field's value: a mark past it counts as absent. Writing a mark
 * also checks a few random fields of the bucket and deletes the expired ones (Redis 7.0 cannot expire a hash
 * field), which keeps the dead share of a bucket near 1/SAMPLES, and stretches the bucket's own TTL to cover
 * its longest-lived mark so that a bucket nobody writes to goes away whole.
 */
const WRITE_LUA = `
local ttl = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', now + ttl))
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
local sample = redis.call('HRANDFIELD', KEYS[1], tonumber(ARGV[3]), 'WITHVALUES')
for i = 1, #sample, 2 do
  if tonumber(sample[i + 1]) <= now then redis.call('HDEL', KEYS[1], sample[i]) end
end
return 1
`;
const NOW_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;
/** KEYS: bucket. ARGV: field, ttl ms, samples. 1 when the field was absent or expired (and is now claimed). */
const FIRST_LUA = `${NOW_LUA}
local until_ = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
if until_ and until_ > now then return 0 end
${WRITE_LUA}`;
/** KEYS: bucket. ARGV: field, ttl ms, samples. */
const CONFIRM_LUA = `${NOW_LUA}${WRITE_LUA}`;

/** Fields checked for expiry at each write. */
const SAMPLES = 4;

export interface RedisDedupOptions {
  /**
   * Hashes the markers are spread over. A hash stays in Redis' compact listpack encoding (about 20 bytes a
   * marker, against ~100 for a key of its own) up to `hash-max-listpack-entries` fields (128 by default), so
   * this is best near the live markers (updates within the longest TTL) / 100. Default 1,024.
   */
  shards?: number;
}

type ScriptCall = (bucket: string, field: Buffer, ttlMs: number, samples: number) => Promise<number>;

/**
 * Dedup on Redis at about 20 bytes a marker: a key's SHA-1 picks its hash (`<prefix>dedup:h:<n>`) and names its
 * field (8 bytes of the digest: a false "seen" needs two live keys to share 96 bits). Each operation is one
 * single-key Lua script, atomic across processes and Cluster-safe; expiry follows Redis' clock, not the callers'.
 */
export function createRedisDedup(redis: RedisClient, prefix = '', opts: RedisDedupOptions = {}): Dedup {
  const shards = opts.shards ?? 1024;
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive integer, got ${shards}`);
  redis.defineCommand('palabreDedupFirst', { numberOfKeys: 1, lua: FIRST_LUA });
  redis.defineCommand('palabreDedupConfirm', { numberOfKeys: 1, lua: CONFIRM_LUA });
  const commands = redis as unknown as Record<string, ScriptCall>;
  const first: ScriptCall = commands.palabreDedupFirst!.bind(redis);
  const confirm: ScriptCall = commands.palabreDedupConfirm!.bind(redis);
  const at = (key: string) => {
    const digest = createHash('sha1').update(key).digest();
    return { bucket: `${prefix}dedup:h:${digest.readUInt32BE(0) % shards}`, field: digest.subarray(4, 12) };
  };
  return {
    async first(key, ttlMs) {
      const { bucket, field } = at(key);
      return (await first(bucket, field, checkTtl(ttlMs), SAMPLES)) === 1;
    },
    async confirm(key, ttlMs) {
      const { bucket, field } = at(key);
      await confirm(bucket, field, checkTtl(ttlMs), SAMPLES);
    },
    async release(key) {
      const { bucket, field } = at(key);
      await redis.hdel(bucket, field);
    },
  };
}

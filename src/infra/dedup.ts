import { createHash } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import type { ClaimState, Dedup, KeyValue } from '../ports/kv.js';
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
export function createDedup(source?: RedisClient | KeyValue, prefix = '', redisOptions: RedisDedupOptions = {}): Dedup {
  if (isRedis(source)) return createRedisDedup(source, prefix, redisOptions);
  if (source && isAtomic(source)) {
    // A confirmed mark is 1, a claim is { owner }. Renewing and releasing read then write: a claim renewed in the
    // instant it lapses may be taken twice, which the Redis variant (one script per step) rules out.
    const k = (key: string) => `dedup:${key}`;
    const ownerOf = async (key: string) => (await source.get<{ owner?: string } | number>(k(key))) ?? null;
    return {
      first: async (key, ttlMs) => source.add(k(key), 1, checkTtl(ttlMs)),
      async claim(key, owner, ttlMs): Promise<ClaimState> {
        if (await source.add(k(key), { owner }, checkTtl(ttlMs))) return 'claimed';
        const v = await ownerOf(key);
        return v === null ? this.claim(key, owner, ttlMs) : typeof v === 'object' && v.owner ? 'held' : 'done';
      },
      async renew(key, owner, ttlMs) {
        const v = await ownerOf(key);
        if (v === null || typeof v !== 'object' || v.owner !== owner) return false;
        await source.set(k(key), { owner }, checkTtl(ttlMs));
        return true;
      },
      confirm: async (key, ttlMs) => source.set(k(key), 1, checkTtl(ttlMs)),
      async release(key, owner) {
        if (owner !== undefined) {
          const v = await ownerOf(key);
          if (!v || typeof v !== 'object' || v.owner !== owner) return;
        }
        await source.delete(k(key));
      },
    };
  }
  return createMemoryDedup();
}

/** Process-local dedup: the check and the mark happen in one synchronous step. */
export function createMemoryDedup(): Dedup {
  const seen = new Map<string, { until: number; owner?: string }>();
  let calls = 0;
  const live = (key: string, now: number) => {
    if (++calls % 1000 === 0) for (const [k, m] of seen) if (m.until <= now) seen.delete(k);
    const m = seen.get(key);
    return m && m.until > now ? m : undefined;
  };
  return {
    async first(key, ttlMs) {
      const now = Date.now();
      const ttl = checkTtl(ttlMs);
      if (live(key, now)) return false;
      seen.set(key, { until: now + ttl });
      return true;
    },
    async claim(key, owner, ttlMs) {
      const now = Date.now();
      const ttl = checkTtl(ttlMs);
      const m = live(key, now);
      if (m) return m.owner !== undefined ? 'held' : 'done';
      seen.set(key, { until: now + ttl, owner });
      return 'claimed';
    },
    async renew(key, owner, ttlMs) {
      const ttl = checkTtl(ttlMs);
      const m = seen.get(key);
      if (!m || m.owner !== owner) return false;
      seen.set(key, { until: Date.now() + ttl, owner });
      return true;
    },
    async confirm(key, ttlMs) {
      seen.set(key, { until: Date.now() + checkTtl(ttlMs) });
    },
    async release(key, owner) {
      if (owner === undefined || seen.get(key)?.owner === owner) seen.delete(key);
    },
  };
}

/**
 * A field's value is its expiry (ms, Redis' clock), followed by `:<owner>` while it is a claim: a confirmed mark is the
 * bare number. A mark past its expiry counts as absent. Writing a mark also checks a few random fields of the bucket
 * and deletes the expired ones (Redis 7.0 cannot expire a hash field), which keeps the dead share of a bucket near
 * 1/SAMPLES, and stretches the bucket's own TTL to cover its longest-lived mark so that a bucket nobody writes to goes
 * away whole.
 */
const HEAD_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function parse(v)
  if not v then return nil, nil end
  local c = string.find(v, ':', 1, true)
  if c then return tonumber(string.sub(v, 1, c - 1)), string.sub(v, c + 1) end
  return tonumber(v), nil
end
local function write(owner)
  local ttl = tonumber(ARGV[2])
  local value = string.format('%.0f', now + ttl)
  if owner then value = value .. ':' .. owner end
  redis.call('HSET', KEYS[1], ARGV[1], value)
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
  local sample = redis.call('HRANDFIELD', KEYS[1], tonumber(ARGV[3]), 'WITHVALUES')
  for i = 1, #sample, 2 do
    local until_ = parse(sample[i + 1])
    if not until_ or until_ <= now then redis.call('HDEL', KEYS[1], sample[i]) end
  end
end
local until_, owner = parse(redis.call('HGET', KEYS[1], ARGV[1]))
local alive = until_ ~= nil and until_ > now
`;
/** KEYS: bucket. ARGV: field, ttl ms, samples. 1 when the field was absent or expired (and is now marked). */
const FIRST_LUA = `${HEAD_LUA}
if alive then return 0 end
write(nil)
return 1`;
/** KEYS: bucket. ARGV: field, ttl ms, samples, owner. 0 claimed, 1 held by a live claim, 2 confirmed. */
const CLAIM_LUA = `${HEAD_LUA}
if alive then if owner then return 1 end return 2 end
write(ARGV[4])
return 0`;
/**
 * KEYS: bucket. ARGV: field, ttl ms, samples, owner. 1 when the claim is still the owner's (and now extended); a mark
 * that is gone is not written again (a renewal racing a release must not bring the claim back).
 */
const RENEW_LUA = `${HEAD_LUA}
if owner ~= ARGV[4] then return 0 end
write(ARGV[4])
return 1`;
/** KEYS: bucket. ARGV: field, ttl ms, samples. */
const CONFIRM_LUA = `${HEAD_LUA}
write(nil)
return 1`;
/** KEYS: bucket. ARGV: field, owner. Deletes the owner's claim only. */
const RELEASE_LUA = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v and string.sub(v, -(#ARGV[2] + 1)) == ':' .. ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

/** Fields checked for expiry at each write. */
const SAMPLES = 4;

/**
 * For another script that confirms a mark in the same step as its own writes (standalone Redis: any keys): a Lua
 * function `confirmMark(bucket, field, ttlMs)` writing what CONFIRM_LUA writes, expiry sampling included.
 */
export const CONFIRM_MARK_LUA_FN = `
local function confirmMark(bucket, field, ttl)
  ttl = tonumber(ttl)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('HSET', bucket, field, string.format('%.0f', now + ttl))
  if redis.call('PTTL', bucket) < ttl then redis.call('PEXPIRE', bucket, ttl) end
  local sample = redis.call('HRANDFIELD', bucket, ${SAMPLES}, 'WITHVALUES')
  for i = 1, #sample, 2 do
    local v = sample[i + 1]
    local c = string.find(v, ':', 1, true)
    local until_ = tonumber(c and string.sub(v, 1, c - 1) or v)
    if not until_ or until_ <= now then redis.call('HDEL', bucket, sample[i]) end
  end
end
`;

/** Where `createRedisDedup(…, prefix, { shards })` keeps a key's mark: its hash and its field. */
export function redisDedupLocation(prefix = '', shards = 1024): (key: string) => { bucket: string; field: Buffer } {
  return (key) => {
    const digest = createHash('sha1').update(key).digest();
    return { bucket: `${prefix}dedup:h:${digest.readUInt32BE(0) % shards}`, field: digest.subarray(4, 12) };
  };
}

export interface RedisDedupOptions {
  /**
   * Hashes the markers are spread over. A hash stays in Redis' compact listpack encoding (about 20 bytes a
   * marker, against ~100 for a key of its own) up to `hash-max-listpack-entries` fields (128 by default), so
   * this is best near the live markers (updates within the longest TTL) / 100. Default 1,024.
   */
  shards?: number;
  /**
   * Where claims go: an auto-pipelined connection (see readConnection), so that the claim of an inbound event leaves in
   * the same write as the first reads of its turn (Engine.prefetch). The other steps stay on the main connection; a
   * claim is awaited before any of them, so they cannot overtake it. Default: the main connection.
   */
  claims?: RedisClient;
}

type ScriptCall = (bucket: string, field: Buffer, ttlMs: number, samples: number, owner?: string) => Promise<number>;
type ReleaseCall = (bucket: string, field: Buffer, owner: string) => Promise<number>;
const CLAIM_STATES: readonly ClaimState[] = ['claimed', 'held', 'done'];

/** An owner is written after a ':' in the mark: keep it to characters that cannot be mistaken for anything else. */
function checkOwner(owner: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(owner)) throw new RangeError(`owner must be 1-64 characters of A-Z a-z 0-9 . _ -, got ${JSON.stringify(owner)}`);
  return owner;
}

/**
 * Dedup on Redis at about 20 bytes a marker: a key's SHA-1 picks its hash (`<prefix>dedup:h:<n>`) and names its
 * field (8 bytes of the digest: a false "seen" needs two live keys to share 96 bits). Each operation is one
 * single-key Lua script, atomic across processes and Cluster-safe; expiry follows Redis' clock, not the callers'.
 */
export function createRedisDedup(redis: RedisClient, prefix = '', opts: RedisDedupOptions = {}): Dedup {
  const shards = opts.shards ?? 1024;
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive integer, got ${shards}`);
  redis.defineCommand('palabreDedupFirst', { numberOfKeys: 1, lua: FIRST_LUA });
  redis.defineCommand('palabreDedupClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
  redis.defineCommand('palabreDedupRenew', { numberOfKeys: 1, lua: RENEW_LUA });
  redis.defineCommand('palabreDedupConfirm', { numberOfKeys: 1, lua: CONFIRM_LUA });
  redis.defineCommand('palabreDedupRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
  const commands = redis as unknown as Record<string, ScriptCall>;
  const first: ScriptCall = commands.palabreDedupFirst!.bind(redis);
  const claimVia = opts.claims ?? redis;
  if (opts.claims) opts.claims.defineCommand('palabreDedupClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
  const claim: ScriptCall = (claimVia as unknown as Record<string, ScriptCall>).palabreDedupClaim!.bind(claimVia);
  const renew: ScriptCall = commands.palabreDedupRenew!.bind(redis);
  const confirm: ScriptCall = commands.palabreDedupConfirm!.bind(redis);
  const releaseOwned = (commands.palabreDedupRelease as unknown as ReleaseCall).bind(redis);
  const at = redisDedupLocation(prefix, shards);
  return {
    async first(key, ttlMs) {
      const { bucket, field } = at(key);
      return (await first(bucket, field, checkTtl(ttlMs), SAMPLES)) === 1;
    },
    async claim(key, owner, ttlMs) {
      const { bucket, field } = at(key);
      return CLAIM_STATES[await claim(bucket, field, checkTtl(ttlMs), SAMPLES, checkOwner(owner))]!;
    },
    async renew(key, owner, ttlMs) {
      const { bucket, field } = at(key);
      return (await renew(bucket, field, checkTtl(ttlMs), SAMPLES, checkOwner(owner))) === 1;
    },
    async confirm(key, ttlMs) {
      const { bucket, field } = at(key);
      await confirm(bucket, field, checkTtl(ttlMs), SAMPLES);
    },
    async release(key, owner) {
      const { bucket, field } = at(key);
      if (owner === undefined) await redis.hdel(bucket, field);
      else await releaseOwned(bucket, field, checkOwner(owner));
    },
  };
}

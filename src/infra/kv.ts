import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { KeyValue } from '../ports/kv.js';
import { isCluster, type RedisClient } from './redis.js';

export type { RedisClient };

/** A KeyValue that can also write a key only when it is absent, atomically for every user of the same store. */
export interface AtomicKeyValue extends KeyValue {
  /** Sets the key unless it exists; true when this call set it. */
  add<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
}

/** Keyv's stored envelope; written by `add` in the same shape so `get` reads it back. */
function envelope(value: unknown, ttlMs?: number): string {
  return JSON.stringify({ value, expires: ttlMs ? Date.now() + ttlMs : undefined });
}

function positiveTtl(ttlMs?: number): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}

function wrap(keyv: Keyv, add: (key: string, raw: string, ttlMs?: number) => Promise<boolean>): AtomicKeyValue {
  return {
    get: async <T>(key: string) => (await keyv.get(key)) as T | undefined,
    getMany: async <T>(keys: readonly string[]) => (keys.length === 0 ? [] : ((await keyv.getMany([...keys])) as (T | undefined)[])),
    async set<T>(key: string, value: T, ttlMs?: number) {
      await keyv.set(key, value, positiveTtl(ttlMs));
    },
    delete: (key) => keyv.delete(key),
    add: async (key, value, ttlMs) => {
      const ttl = positiveTtl(ttlMs);
      return add(key, envelope(value, ttl), ttl);
    },
  };
}

/**
 * Map-backed store that forgets expired entries itself: Keyv's plain Map only drops them when read,
 * so write-once keys (dedup markers, link nonces) would pile up forever.
 */
class ExpiringMap implements KeyvStoreAdapter {
  opts = {};
  namespace?: string;
  private readonly entries = new Map<string, { raw: unknown; until: number }>();
  private writes = 0;

  async get<V>(key: string): Promise<V | undefined> {
    return this.live(key)?.raw as V | undefined;
  }
  async getMany<V>(keys: string[]): Promise<(V | undefined)[]> {
    return keys.map((k) => this.live(k)?.raw as V | undefined);
  }
  async set(key: string, raw: unknown, ttl?: number): Promise<boolean> {
    this.entries.set(key, { raw, until: ttl ? Date.now() + ttl : Infinity });
    if (++this.writes % 1000 === 0) this.sweep();
    return true;
  }
  /** Synchronous check-and-set: atomic within the process, which is all a memory store serves. */
  addNow(key: string, raw: unknown, ttl?: number): boolean {
    if (this.live(key)) return false;
    this.entries.set(key, { raw, until: ttl ? Date.now() + ttl : Infinity });
    return true;
  }
  async delete(key: string): Promise<boolean> {
    const existed = this.live(key) !== undefined;
    this.entries.delete(key);
    return existed;
  }
  async clear(): Promise<void> {
    this.entries.clear();
  }
  on() {
    return this;
  }
  private live(key: string) {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
  private sweep() {
    const now = Date.now();
    for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
  }
}

/** Keyv store over an existing ioredis connection; Redis itself expires keys (PX). */
class IoRedisStore implements KeyvStoreAdapter {
  opts = {};
  namespace?: string;
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    /** Where reads go (an auto-pipelined connection, see readConnection); the main connection by default. */
    private readonly reads: RedisClient = redis,
  ) {}

  async get<V>(key: string): Promise<V | undefined> {
    const raw = await this.reads.get(this.prefix + key);
    return (raw ?? undefined) as V | undefined;
  }
  /** One MGET; a Cluster refuses MGET across slots (these keys carry no hash tag), so there each key is read apart. */
  async getMany<V>(keys: string[]): Promise<(V | undefined)[]> {
    const full = keys.map((k) => this.prefix + k);
    const raws = this.reads.isCluster ? await Promise.all(full.map((k) => this.reads.get(k))) : await this.reads.mget(full);
    return raws.map((raw) => (raw ?? undefined) as V | undefined);
  }
  async set(key: string, raw: string, ttl?: number): Promise<boolean> {
    if (ttl) await this.redis.set(this.prefix + key, raw, 'PX', ttl);
    else await this.redis.set(this.prefix + key, raw);
    return true;
  }
  async add(key: string, raw: string, ttl?: number): Promise<boolean> {
    const ok = ttl ? await this.redis.set(this.prefix + key, raw, 'PX', ttl, 'NX') : await this.redis.set(this.prefix + key, raw, 'NX');
    return ok === 'OK';
  }
  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) === 1;
  }
  /** SET … GET: the new value in, the old one out, one command. */
  async exchange(key: string, raw: string, ttl?: number): Promise<string | null> {
    return ttl ? this.redis.set(this.prefix + key, raw, 'PX', ttl, 'GET') : this.redis.set(this.prefix + key, raw, 'GET');
  }
  /** Not used by Palabre; refusing is safer than a SCAN+DEL over a shared keyspace. */
  async clear(): Promise<void> {
    throw new Error('clear() is not supported on the shared Redis key-value store');
  }
  on() {
    return this;
  }
}

const keyvOptions = { useKeyPrefix: false, throwOnErrors: true, emitErrors: false } as const;

/** In-process KeyValue (embedded mode, tests). Values are JSON-serialized like in Redis, so both behave alike. */
export function createMemoryKv(): AtomicKeyValue {
  const store = new ExpiringMap();
  const keyv = new Keyv({ store, ...keyvOptions });
  return wrap(keyv, async (key, raw, ttl) => store.addNow(key, raw, ttl));
}

/**
 * KeyValue in Redis at `${prefix}kv:<key>`, through keyv over the shared ioredis connection.
 * (@keyv/redis is built on node-redis and cannot reuse an ioredis client or cluster, so a second
 * client library and connection pool would be needed for the same server.)
 */
export function createRedisKv(redis: RedisClient, prefix: string, reads: RedisClient = redis): AtomicKeyValue {
  const store = new IoRedisStore(redis, `${prefix}kv:`, reads);
  const keyv = new Keyv({ store, ...keyvOptions });
  const location = (key: string) => `${prefix}kv:${key}`;
  /** A stored envelope's value as `keyv.get` gives it (keyv's own decoding), undefined when absent or expired. */
  const decode = async <T>(raw: string | null): Promise<T | undefined> => {
    if (raw === null) return undefined;
    const data = await keyv.deserializeData<T>(raw);
    if (!data || (typeof data.expires === 'number' && data.expires <= Date.now())) return undefined;
    return data.value;
  };
  // The key followed to is named inside the script, not declared: a single Redis allows it, a Cluster would refuse it.
  const follow = isCluster(reads) ? null : defineFollow(reads);
  return {
    ...wrap(keyv, (key, raw, ttl) => store.add(key, raw, ttl)),
    location,
    ...(follow
      ? {
          async getFollowing<T, U>(key: string, field: string, next: string) {
            const [raw, id, followedRaw] = (await follow(location(key), field, location(next))) ?? [null];
            const value = await decode<T>(raw ?? null);
            return typeof id === 'string' ? { value, followed: { id, value: await decode<U>(followedRaw ?? null) } } : { value };
          },
        }
      : {}),
    async exchange<T>(key: string, value: T, ttlMs?: number) {
      const ttl = positiveTtl(ttlMs);
      return unwrap<T>(await store.exchange(key, envelope(value, ttl), ttl));
    },
  };
}

/** The value of a stored envelope (see `envelope`), undefined when absent, expired or not an envelope. */
function unwrap<T>(raw: string | null): T | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as { value?: T; expires?: number | null };
    if (typeof parsed !== 'object' || parsed === null || (typeof parsed.expires === 'number' && parsed.expires <= Date.now())) return undefined;
    return parsed.value;
  } catch {
    return undefined;
  }
}

/**
 * KEYS: a key. ARGV: a field, the location prefix of the key followed to. The value at the key (a keyv envelope) and,
 * when its value's field is a string, that string and the value at prefix .. string.
 */
const FOLLOW_LUA = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local ok, envelope = pcall(cjson.decode, raw)
if not ok or type(envelope) ~= 'table' or type(envelope.value) ~= 'table' then return { raw } end
local id = envelope.value[ARGV[1]]
if type(id) ~= 'string' then return { raw } end
return { raw, id, redis.call('GET', ARGV[2] .. id) }
`;

type FollowReply = [raw: string | null, id?: string, followed?: string | null] | null;

function defineFollow(reads: RedisClient): (key: string, field: string, next: string) => Promise<FollowReply> {
  reads.defineCommand('palabreKvFollow', { numberOfKeys: 1, lua: FOLLOW_LUA });
  return (reads as unknown as Record<string, (...a: string[]) => Promise<FollowReply>>).palabreKvFollow!.bind(reads);
}

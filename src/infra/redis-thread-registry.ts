import type { KeyValue } from '../ports/kv.js';
import type { Platform } from '../domain/types.js';
import type { MessageEntry, ThreadRegistry } from '../ports/threads.js';
import { createThreadRegistry, MESSAGE_TTL_MS } from './thread-registry.js';
import { isCluster, type RedisClient } from './redis.js';
import { createLru } from './lru.js';

/**
 * Remembers a message in its conversation's hash and refreshes the conversation's expiry. A hash past
 * ARGV[4] entries becomes the previous generation (replacing the one before), so an active chat keeps at
 * least its last N messages and at most 2N + 1, never growing without bound (Redis 7.0 cannot expire single hash fields).
 * KEYS: current, previous generation (same hash tag). ARGV: message id, case id, ttl ms, generation size.
 */
const REMEMBER_LUA = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('HLEN', KEYS[1]) > tonumber(ARGV[4]) then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
`;

export interface RedisThreadRegistryOptions {
  /** A conversation's map expires this long after its last remembered message (default as `createThreadRegistry`). */
  messageTtlMs?: number;
  /** Messages per generation of a conversation's map: replies find at least the last `n`. Default 1,000. */
  generation?: number;
  /** Where lookups go (an auto-pipelined connection, see readConnection); `redis` by default. */
  reads?: RedisClient;
  /**
   * Message → case entries this process keeps after finding them, for up to a minute (the message TTL if shorter): an
   * entry never changes once written, so the only staleness is a mapping answered up to that long after Redis forgot
   * it (its conversation's expiry, or two newer generations). Default 20,000 entries; 0 = none.
   */
  cache?: number;
}

/**
 * The thread registry on Redis with one hash per conversation (`p thread:chat:{<platform>:<conversation>}`,
 * field = message id, value = case id): about 20 bytes a message where one key each cost ~150. Case ↔ thread
 * maps (a few per case) stay on `kv`, which also answers for messages remembered there before this registry
 * was used (it can be dropped once those expired: `createThreadRegistry`'s message TTL after the switch).
 */
export function createRedisThreadRegistry(redis: RedisClient, prefix: string, kv: KeyValue, opts: RedisThreadRegistryOptions = {}): ThreadRegistry {
  const ttl = opts.messageTtlMs ?? MESSAGE_TTL_MS;
  const generation = opts.generation ?? 1000;
  const legacy = createThreadRegistry(kv, { messageTtlMs: ttl });
  redis.defineCommand('palabreRememberMessage', { numberOfKeys: 2, lua: REMEMBER_LUA });
  const remember = (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>).palabreRememberMessage!.bind(redis);
  // The hash tag keeps a conversation's two generations in one Cluster slot (RENAME needs it).
  const chatKey = (platform: string, conversationId: string) => `${prefix}thread:chat:{${platform}:${conversationId}}`;
  // A message is about one case for good: what was found here lately is answered without Redis.
  const known = createLru<{ caseId: string; until: number }>(opts.cache ?? 20_000);
  const keepFor = Math.min(ttl, 60_000);
  const knownKey = (key: string, messageId: string) => `${key}\n${messageId}`;

  const knownCase = (key: string, messageId: string): string | null => {
    const cached = known.get(knownKey(key, messageId));
    return cached && cached.until > Date.now() ? cached.caseId : null;
  };
  /** What was found in the conversation's hash (null: nothing), kept; else what the kv holds from earlier versions. */
  const found = (platform: Platform, conversationId: string, messageId: string, v: string | null): Promise<string | null> => {
    if (v === null) return legacy.caseOfMessage(platform, conversationId, messageId);
    known.set(knownKey(chatKey(platform, conversationId), messageId), { caseId: v, until: Date.now() + keepFor });
    return Promise.resolve(v);
  };

  return {
    async rememberMessage(platform, conversationId, messageId, caseId) {
      const key = chatKey(platform, conversationId);
      await remember(key, `${key}:prev`, messageId, caseId, ttl, generation);
    },
    async caseOfMessage(platform, conversationId, messageId) {
      const key = chatKey(platform, conversationId);
      const cached = knownCase(key, messageId);
      if (cached !== null) return cached;
      const reads = opts.reads ?? redis;
      // Both generations at once: one round trip (a pipeline, or the read connection's auto-pipelining).
      const res = opts.reads
        ? await Promise.all([reads.hget(key, messageId), reads.hget(`${key}:prev`, messageId)])
        : ((await redis.pipeline().hget(key, messageId).hget(`${key}:prev`, messageId).exec()) ?? []).map(([err, v]) => {
            if (err) throw err;
            return v;
          });
      return found(platform, conversationId, messageId, res.find((v): v is string => typeof v === 'string') ?? null);
    },
    // On a Cluster a case is in another slot than the conversation's hash: nobody can read both in one step.
    ...(isCluster(redis)
      ? {}
      : {
          messageEntry(platform: Platform, conversationId: string, messageId: string): MessageEntry {
            const key = chatKey(platform, conversationId);
            const cached = knownCase(key, messageId);
            if (cached !== null) return { known: cached };
            return { at: { key, previous: `${key}:prev`, field: messageId }, answer: (v) => found(platform, conversationId, messageId, v) };
          },
        }),
    setCaseThread: legacy.setCaseThread,
    caseThread: legacy.caseThread,
    caseOfThread: legacy.caseOfThread,
  };
}

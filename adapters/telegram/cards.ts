import { createHash } from 'node:crypto';
import type { KeyValue } from '../../src/ports/kv.js';
import type { Cluster, Redis } from 'ioredis';

type RedisClient = Redis | Cluster;

/** A card is edited in place for this long after it was last sent (Telegram lets a bot edit its messages for good). */
export const CARD_TTL_MS = 180 * 24 * 3600_000;

/** Which message of a chat holds a card (by the engine's `replaceKey`), so that the next version can edit it. */
export interface CardIds {
  /** The card's message id in the chat, or undefined. */
  get(chatId: string, replaceKey: string): Promise<number | undefined>;
  /** Remembers the card's message id in the chat. */
  set(chatId: string, replaceKey: string, messageId: number): Promise<void>;
}

const kvKey = (chatId: string, replaceKey: string) => `tg:card:${chatId}:${replaceKey}`;

/** Card ids as one KeyValue entry each (`tg:card:<chat>:<replaceKey>`): the embedded mode's store. */
export function createKvCardIds(kv: KeyValue): CardIds {
  return {
    get: (chatId, replaceKey) => kv.get<number>(kvKey(chatId, replaceKey)),
    set: (chatId, replaceKey, messageId) => kv.set(kvKey(chatId, replaceKey), messageId, CARD_TTL_MS),
  };
}

/**
 * Sets a card's message id with its expiry (`<id>:<until ms>`, Redis' clock), stretches the hash's TTL to cover
 * it, and drops the expired entries among a few sampled fields: Redis 7.0 cannot expire single hash fields, so
 * this keeps a hash's dead share small. KEYS: the shared hash. ARGV: field, message id, ttl ms, samples.
 */
const SET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. string.format('%.0f', now + ttl))
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
local sample = redis.call('HRANDFIELD', KEYS[1], tonumber(ARGV[4]), 'WITHVALUES')
for i = 1, #sample, 2 do
  local until_ = tonumber(string.match(sample[i + 1], ':(%d+)$'))
  if until_ and until_ <= now then redis.call('HDEL', KEYS[1], sample[i]) end
end
return 1
`;

/** Fields checked for expiry at each write. */
const SAMPLES = 4;

export interface RedisCardIdsOptions {
  /**
   * Hashes the card ids are spread over. A hash stays in Redis' compact listpack encoding (about 25 bytes an
   * entry, against ~100 of overhead for a key of its own) up to `hash-max-listpack-entries` fields (128 by
   * default): best near the live cards / 100. Default 1,024.
   */
  shards?: number;
  ttlMs?: number;
}

/**
 * Card ids spread over shared hashes (`<prefix>tg:cards:h:<n>`): the SHA-1 of chat and replaceKey picks the hash
 * and names the field (8 bytes: a wrong edit needs two live cards to share 96 bits), the value is the message id
 * and its expiry. Most chats hold one or two cards, so a hash per chat would spend a key on each. Ids remembered
 * in `legacy` (the KeyValue, before this store was used) are still read until they expire.
 */
export function createRedisCardIds(redis: RedisClient, prefix: string, legacy?: KeyValue, opts: RedisCardIdsOptions = {}): CardIds {
  const ttl = opts.ttlMs ?? CARD_TTL_MS;
  const shards = opts.shards ?? 1024;
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive integer, got ${shards}`);
  const old = legacy ? createKvCardIds(legacy) : null;
  redis.defineCommand('palabreSetCardId', { numberOfKeys: 1, lua: SET_LUA });
  const setCard = (redis as unknown as Record<string, (...a: (string | number | Buffer)[]) => Promise<unknown>>).palabreSetCardId!.bind(redis);
  const at = (chatId: string, replaceKey: string) => {
    const digest = createHash('sha1').update(`${chatId}\0${replaceKey}`).digest();
    return { key: `${prefix}tg:cards:h:${digest.readUInt32BE(0) % shards}`, field: digest.subarray(4, 12) };
  };
  return {
    async get(chatId, replaceKey) {
      const { key, field } = at(chatId, replaceKey);
      const value = await redis.hget(key, field);
      const match = value ? /^(\d+):(\d+)$/.exec(value) : null;
      if (match) return Number(match[2]) > Date.now() ? Number(match[1]) : undefined;
      return old ? old.get(chatId, replaceKey) : undefined;
    },
    async set(chatId, replaceKey, messageId) {
      const { key, field } = at(chatId, replaceKey);
      await setCard(key, field, messageId, ttl, SAMPLES);
    },
  };
}

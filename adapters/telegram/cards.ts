import type { KeyValue } from '../../src/ports/kv.js';
import type { RedisClient } from '../../src/infra/redis.js';

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
 * Sets a card's field and refreshes the chat's expiry. A hash past ARGV[4] fields becomes the previous
 * generation (replacing the one before), so that a seller with years of cases keeps at most 2N + 1 card ids
 * (Redis 7.0 cannot expire single hash fields). KEYS: current, previous generation. ARGV: replaceKey, message id, ttl, N.
 */
const SET_LUA = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('HLEN', KEYS[1]) > tonumber(ARGV[4]) then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
`;

export interface RedisCardIdsOptions {
  /** Card ids per generation of a chat's hash: the last `n` cards of a chat stay editable. Default 500. */
  generation?: number;
  ttlMs?: number;
}

/**
 * Card ids in one hash per chat (`<prefix>tg:cards:{<chat>}`, field = replaceKey, value = message id): about
 * 30 bytes a card where a KeyValue entry each cost ~150. Ids remembered in `legacy` (the KeyValue, before this
 * store was used) are still read until they expire (`CARD_TTL_MS` after the switch; then `legacy` can go).
 */
export function createRedisCardIds(redis: RedisClient, prefix: string, legacy?: KeyValue, opts: RedisCardIdsOptions = {}): CardIds {
  const ttl = opts.ttlMs ?? CARD_TTL_MS;
  const generation = opts.generation ?? 500;
  const old = legacy ? createKvCardIds(legacy) : null;
  redis.defineCommand('palabreSetCardId', { numberOfKeys: 2, lua: SET_LUA });
  const setCard = (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>).palabreSetCardId!.bind(redis);
  // The hash tag keeps a chat's two generations in one Cluster slot (RENAME needs it).
  const chatKey = (chatId: string) => `${prefix}tg:cards:{${chatId}}`;
  return {
    async get(chatId, replaceKey) {
      const key = chatKey(chatId);
      const res = (await redis.pipeline().hget(key, replaceKey).hget(`${key}:prev`, replaceKey).exec()) ?? [];
      for (const [err, v] of res) {
        if (err) throw err;
        if (typeof v === 'string') return Number(v);
      }
      return old ? old.get(chatId, replaceKey) : undefined;
    },
    async set(chatId, replaceKey, messageId) {
      const key = chatKey(chatId);
      await setCard(key, `${key}:prev`, replaceKey, messageId, ttl, generation);
    },
  };
}

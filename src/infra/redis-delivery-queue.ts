import { randomUUID } from 'node:crypto';
import type { DeadLetter, DeliveryItem, DeliveryQueue } from '../ports/outbox.js';
import type { RedisClient } from './redis.js';

const DAY = 86_400_000;

// Every key shares the {dlv} hash tag: the scripts below touch several keys at once, which a
// Cluster only allows within one slot. Delivery volume is small enough for one slot.
const ENQUEUE = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[3], 'NX') then
  redis.call('HSET', KEYS[2], 'json', ARGV[1], 'attempts', 0)
  redis.call('RPUSH', KEYS[3], ARGV[2])
  redis.call('SADD', KEYS[4], ARGV[4])
  return 1
end
return 0`;

const DONE = `
redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('DEL', KEYS[2])
if ARGV[2] == '1' then redis.call('SET', KEYS[3], '1', 'PX', ARGV[3]) end
redis.call('SREM', KEYS[4], ARGV[1])
if redis.call('LLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[5], ARGV[4]) end
return 1`;

const FAILED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[1], 'lastError', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return redis.call('HINCRBY', KEYS[1], 'attempts', 1)`;

const BURY = `
redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('SREM', KEYS[4], ARGV[1])
if redis.call('LLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[5], ARGV[3]) end
return 1`;

const REPLAY = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'json', ARGV[2], 'attempts', 0)
redis.call('LPUSH', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[3])
return 1`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Delivery queues in Redis under `<prefix>{dlv}:`: a list per target, the items in hashes, dead letters in one hash. */
export function createRedisDeliveryQueue(redis: RedisClient, prefix: string, opts: { seenTtlMs?: number } = {}): DeliveryQueue {
  const seenTtl = String(opts.seenTtlMs ?? 30 * DAY);
  const base = `${prefix}{dlv}:`;
  const k = {
    queue: (target: string) => `${base}q:${target}`,
    item: (key: string) => `${base}item:${key}`,
    seen: (key: string) => `${base}seen:${key}`,
    sent: (key: string) => `${base}sent:${key}`,
    lock: (name: string) => `${base}lock:${name}`,
    dead: `${base}dead`,
    targets: `${base}targets`,
    retrying: `${base}retrying`,
  };
  const run = (script: string, keys: string[], args: (string | number)[]) => redis.eval(script, keys.length, ...keys, ...args);
  const json = (item: DeliveryItem) => {
    const { attempts: _a, lastError: _l, ...rest } = item;
    return JSON.stringify(rest);
  };

  return {
    async enqueue(items) {
      const targets = new Set<string>();
      // One script per item, in order: a partial failure leaves a prefix enqueued, and a retry skips it.
      for (const item of items) {
        const added = await run(ENQUEUE, [k.seen(item.key), k.item(item.key), k.queue(item.target), k.targets], [json(item), item.key, seenTtl, item.target]);
        if (added === 1) targets.add(item.target);
      }
      return [...targets];
    },

    async head(target) {
      for (;;) {
        const key = await redis.lindex(k.queue(target), 0);
        if (key === null) return null;
        const h = await redis.hgetall(k.item(key));
        if (h.json) {
          return { ...(JSON.parse(h.json) as Omit<DeliveryItem, 'attempts'>), attempts: Number(h.attempts ?? 0), ...(h.lastError ? { lastError: h.lastError } : {}) };
        }
        // An id without its item (removed between the two reads): drop it and look again.
        await run(DONE, [k.queue(target), k.item(key), k.sent(key), k.retrying, k.targets], [key, '0', seenTtl, target]);
      }
    },

    async done(item, delivered) {
      await run(DONE, [k.queue(item.target), k.item(item.key), k.sent(item.key), k.retrying, k.targets], [item.key, delivered ? '1' : '0', seenTtl, item.target]);
    },

    async failed(item, error) {
      const n = Number(await run(FAILED, [k.item(item.key), k.retrying], [item.key, error.slice(0, 500)]));
      return n < 0 ? item.attempts + 1 : n;
    },

    async bury(item, error, at) {
      const letter: DeadLetter = { ...item, error: error.slice(0, 500), failedAt: at };
      await run(BURY, [k.queue(item.target), k.item(item.key), k.dead, k.retrying, k.targets], [item.key, JSON.stringify(letter), item.target]);
    },

    async wasDelivered(key) {
      return (await redis.exists(k.sent(key))) === 1;
    },

    async deadLetters() {
      const all = Object.values(await redis.hgetall(k.dead)).map((raw) => JSON.parse(raw) as DeadLetter);
      return all.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
    },

    async replay(key) {
      const raw = await redis.hget(k.dead, key);
      if (!raw) return null;
      const { error: _e, failedAt: _f, ...item } = JSON.parse(raw) as DeadLetter;
      const moved = await run(REPLAY, [k.dead, k.item(key), k.queue(item.target), k.targets], [key, json({ ...item, attempts: 0 }), item.target]);
      return moved === 1 ? item.target : null;
    },

    async pendingTargets() {
      return redis.smembers(k.targets);
    },

    async counts() {
      const [dead, retrying] = await Promise.all([redis.hlen(k.dead), redis.scard(k.retrying)]);
      return { dead, retrying };
    },

    async lock(name, ttlMs) {
      const token = randomUUID();
      return (await redis.set(k.lock(name), token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null;
    },

    async unlock(name, token) {
      await run(UNLOCK, [k.lock(name)], [token]);
    },
  };
}

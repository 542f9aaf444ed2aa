import { Redis } from 'ioredis';

/** The Redis the bench runs against: REDIS_URL, as `npm run bench` (scripts/with-redis.mjs) sets it. */
export const redisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A plain connection for the bench's own bookkeeping (never counted as Palabre's traffic). */
export function benchConnection(url = redisUrl()): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
}

/** Connects and pings; the server's version. Throws one clear sentence when no Redis answers. */
export async function checkRedis(url = redisUrl()): Promise<{ version: string }> {
  const r = benchConnection(url);
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    const info = await r.info('server');
    return { version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
  } catch (err) {
    throw new Error(`no Redis answers at ${url} (${(err as Error).message}): start one (redis-server) or set REDIS_URL`);
  } finally {
    r.disconnect();
  }
}

/** Deletes every key under `prefix` (SCAN + UNLINK), BullMQ queues included; how many. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  if (!/^bench:[A-Za-z0-9]+:/.test(prefix)) throw new Error(`refusing to delete outside a bench prefix: ${prefix}`);
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 2000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** Every key under `prefix`. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 2000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/**
 * Calls per command from INFO commandstats. Server-wide (every client of this Redis adds to it), and commands
 * that Lua scripts run (BullMQ's, the case store's) count too: it is the work Redis does, not what clients send.
 */
export async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const stats = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) stats.set(m[1]!, Number(m[2]));
  return stats;
}

/** `after - before` per command, largest first, zeros dropped. */
export function statsDelta(before: Map<string, number>, after: Map<string, number>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [cmd, calls] of after) {
    const d = calls - (before.get(cmd) ?? 0);
    if (d > 0) out.push([cmd, d]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

/** CPU time the Redis server has used (user + system), in ms (server-wide, like commandstats). */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const get = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (get('used_cpu_user') + get('used_cpu_sys')) * 1000;
}

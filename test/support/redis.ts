import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';

/** The Redis the tests use: `REDIS_URL`, else the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis connection for one test file, with a key prefix nobody else uses. */
export interface TestRedis {
  /** A connection opened for this file (closed by `cleanup`). */
  redis: Redis;
  /** `test:<random>:` — put every key (and BullMQ prefix) under it. */
  prefix: string;
  /** Opens one more connection (closed by `cleanup`), e.g. to act as a second process or for a BullMQ worker. */
  connect(options?: RedisOptions): Redis;
  /** Deletes the keys under `prefix` (SCAN + UNLINK, never FLUSHDB) and closes every connection opened here. */
  cleanup(): Promise<void>;
}

/**
 * Usage:
 * ```ts
 * let r: TestRedis;
 * beforeAll(async () => { r = await testRedis(); });
 * afterAll(() => r.cleanup());
 * ```
 */
export async function testRedis(): Promise<TestRedis> {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  const connections: Redis[] = [];
  const connect = (options: RedisOptions = {}): Redis => {
    const c = new Redis(TEST_REDIS_URL, options);
    connections.push(c);
    return c;
  };
  const redis = connect();
  await redis.ping();
  return {
    redis,
    prefix,
    connect,
    async cleanup() {
      await deleteKeys(redis, `${prefix}*`);
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Deletes every key matching `pattern`, a page at a time. */
async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

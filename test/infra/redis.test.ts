import { Cluster, Redis, type ClusterOptions } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedis, isCluster } from '../../src/infra/redis.js';
import { TEST_REDIS_URL } from '../support/redis.js';

describe('createRedis', () => {
  it('connects to a single Redis from a redis:// URL', async () => {
    const redis = createRedis(TEST_REDIS_URL);
    try {
      expect(redis).toBeInstanceOf(Redis);
      expect(isCluster(redis)).toBe(false);
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });

  it.each([
    ['redis+cluster://:s3cret@10.0.0.1:7000,10.0.0.2:7001', [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }], 's3cret', false],
    ['rediss+cluster://redis-a:6380', [{ host: 'redis-a', port: 6380 }], undefined, true],
    ['10.0.0.1:7000, 10.0.0.2:7001,redis://10.0.0.3:7002', [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }, { host: '10.0.0.3', port: 7002 }], undefined, false],
  ])('makes a Cluster from %s', (url, nodes, password, tls) => {
    const cluster = createRedis(url, { cluster: { lazyConnect: true } });
    try {
      expect(cluster).toBeInstanceOf(Cluster);
      expect(isCluster(cluster)).toBe(true);
      // startupNodes is private in the typings; it is what ioredis will dial.
      const c = cluster as unknown as { startupNodes: unknown[]; options: ClusterOptions };
      expect(c.startupNodes).toEqual(nodes);
      expect(c.options.redisOptions?.password).toBe(password);
      expect(Boolean(c.options.redisOptions?.tls)).toBe(tls);
    } finally {
      cluster.disconnect();
    }
  });

  it('refuses a cluster URL without a node', () => {
    expect(() => createRedis('redis+cluster://')).toThrow(/REDIS_URL/);
  });
});

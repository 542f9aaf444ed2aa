import { createHash } from 'node:crypto';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A connection to Redis, standalone or Cluster: every store takes either. */
export type RedisClient = Redis | Cluster;

/** Options passed through to ioredis (e.g. `maxRetriesPerRequest: null` for BullMQ workers). */
export type RedisConnectOptions = RedisOptions & { cluster?: ClusterOptions };

const CLUSTER_SCHEMES = /^(rediss?)\+cluster:\/\//i;

/**
 * Opens a connection for `REDIS_URL`, auto-pipelined on a standalone Redis (commands issued while the event loop runs
 * leave in one write and their replies come back in one read: a delivery's bookkeeping is one round trip, not one per
 * command): `redis://…` gives a `Redis`,
 * `redis+cluster://[user:pass@]host:port[,host:port…]` (or `rediss+cluster://` for TLS) and a
 * comma list of `host:port` / `redis://host:port` give a `Cluster` seeded with those nodes.
 */
export function createRedis(url: string, options: RedisConnectOptions = {}): RedisClient {
  const { cluster: clusterOptions, ...redisOptions } = options;
  const trimmed = url.trim();
  const clusterScheme = CLUSTER_SCHEMES.exec(trimmed);
  if (!clusterScheme && !trimmed.includes(',')) return new Redis(trimmed, { enableAutoPipelining: true, ...redisOptions });

  const tls = clusterScheme?.[1]?.toLowerCase() === 'rediss';
  const rest = clusterScheme ? trimmed.slice(clusterScheme[0].length) : trimmed;
  // Credentials may only be written once, before the first node: `user:pass@a:1,b:2`.
  const at = clusterScheme ? rest.lastIndexOf('@') : -1;
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const nodes = (at >= 0 ? rest.slice(at + 1) : rest)
    .split(',')
    .map((n) => n.trim().replace(/^rediss?:\/\//i, '').replace(/\/.*$/, ''))
    .filter(Boolean)
    .map(parseNode);
  if (nodes.length === 0) throw new Error(`REDIS_URL: no cluster node in "${url}"`);

  const [user, pass] = auth ? splitAuth(auth) : [undefined, undefined];
  // Not auto-pipelined: ioredis refuses a batch whose commands fall in different slot groups (keyless ones included).
  return new Cluster(nodes, {
    ...clusterOptions,
    redisOptions: {
      ...redisOptions,
      ...(user ? { username: user } : {}),
      ...(pass ? { password: pass } : {}),
      ...(tls ? { tls: {} } : {}),
    },
  });
}

/**
 * A second connection for reads, with ioredis auto-pipelining: reads issued while the event loop runs (a turn's link,
 * flow state, reply → case lookup, then its case and locale) leave in one write and come back in one reply, one round
 * trip, instead of one each. Writes stay on the main connection, in the order they are made. Close it with the main one.
 */
export function readConnection(redis: RedisClient): RedisClient {
  // Kept apart from the main connection: a turn's reads do not wait behind a batch of writes.
  return isCluster(redis) ? redis.duplicate(undefined, { enableAutoPipelining: true }) : redis.duplicate({ enableAutoPipelining: true });
}

/** A connection of its own for blocking commands (XREAD BLOCK, BullMQ's workers): nothing is batched behind them. */
export function blockingConnection(redis: RedisClient, options: RedisOptions = {}): RedisClient {
  return isCluster(redis)
    ? redis.duplicate(undefined, { ...redis.options, enableAutoPipelining: false, redisOptions: { ...redis.options.redisOptions, ...options } })
    : redis.duplicate({ ...options, enableAutoPipelining: false });
}

/** True for a `Cluster` connection (multi-key commands must then stay within one hash slot). */
export function isCluster(redis: RedisClient): redis is Cluster {
  return redis instanceof Cluster;
}

function parseNode(node: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(node);
  if (!m?.[1]) throw new Error(`REDIS_URL: "${node}" is not host:port`);
  const port = m[2] ? Number(m[2]) : 6379;
  if (port < 1 || port > 65535) throw new Error(`REDIS_URL: port ${m[2]} of "${node}" is not between 1 and 65535`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/**
 * What is wrong with a `REDIS_URL` value, or null when `createRedis` can use it: `redis://` or `rediss://`
 * (`[user:pass@]host[:port][/db]`), `redis+cluster://` or `rediss+cluster://` with `host:port` nodes, a comma list of
 * `host:port` / `redis://host:port`, a bare `host:port`, or a Unix socket path. Checked at start (src/config.ts) so
 * that a typo stops the process with one line instead of a stream of connection errors. Never repeats the value
 * (it may hold a password).
 */
export function redisUrlProblem(url: string): string | null {
  const value = url.trim();
  if (value.startsWith('/')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  try {
    if (CLUSTER_SCHEMES.test(value) || (!scheme && value.includes(',')) || (scheme && /^rediss?$/.test(scheme) && value.includes(','))) {
      const rest = value.replace(CLUSTER_SCHEMES, '');
      const at = CLUSTER_SCHEMES.test(value) ? rest.lastIndexOf('@') : -1;
      const nodes = (at >= 0 ? rest.slice(at + 1) : rest).split(',').map((n) => n.trim()).filter(Boolean);
      if (nodes.length === 0) return 'names no cluster node (e.g. redis+cluster://host1:6379,host2:6379)';
      for (const n of nodes) {
        const bare = n.replace(/^rediss?:\/\//i, '').replace(/\/.*$/, '');
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(bare)) return `a cluster node must be host:port or redis://host:port, not a ${bare.split(':')[0]}:// URL`;
        parseNode(bare);
      }
      return null;
    }
    if (!scheme) {
      if (value.includes('@')) return 'credentials need the redis:// form: redis://user:password@host:6379';
      parseNode(value);
      return null;
    }
    if (scheme !== 'redis' && scheme !== 'rediss') {
      return `the scheme ${scheme}:// is not redis://, rediss://, redis+cluster:// or rediss+cluster://`;
    }
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      const port = /:(\d+)(?:\/|$)/.exec(value.slice(value.lastIndexOf('@') + 1))?.[1];
      if (port && Number(port) > 65535) return `port ${port} is not between 1 and 65535`;
      return 'is not a URL such as redis://host:6379/0';
    }
    if (!parsed.hostname) return 'names no host (e.g. redis://host:6379)';
    if (parsed.port === '0') return 'port 0 is not between 1 and 65535';
    const db = parsed.pathname.replace(/^\//, '');
    if (db !== '' && !/^\d+$/.test(db)) return `the database "${decodeURIComponent(db)}" is not a number (redis://host:6379/0)`;
    return null;
  } catch (err) {
    return (err as Error).message.replace(/^REDIS_URL: /, '');
  }
}

function splitAuth(auth: string): [string | undefined, string | undefined] {
  const colon = auth.indexOf(':');
  if (colon < 0) return [undefined, decodeURIComponent(auth)];
  const user = decodeURIComponent(auth.slice(0, colon));
  return [user || undefined, decodeURIComponent(auth.slice(colon + 1))];
}

/**
 * Runs Lua scripts by their SHA1 (EVALSHA), sending a script's text only when the server does not know it yet
 * (first use, or after a restart or SCRIPT FLUSH): a delivery's scripts are then a few dozen bytes each, not kilobytes.
 */
export function scriptRunner(redis: RedisClient) {
  const shas = new Map<string, string>();
  return async (script: string, keys: readonly string[], args: ReadonlyArray<string | number>, conn: RedisClient = redis): Promise<unknown> => {
    let sha = shas.get(script);
    if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
    try {
      return await conn.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return conn.eval(script, keys.length, ...keys, ...args);
    }
  };
}

/**
 * Waits until the Redis of `REDIS_URL` answers a PING, trying again for `timeoutMs` (a Redis started alongside the bot
 * may take a moment). Throws one line naming REDIS_URL and the last connection error otherwise: the process stops
 * with that line, not with every connection's retries and stack traces.
 */
export async function reachRedis(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    const conn = createRedis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: Math.max(500, Math.min(3000, deadline - Date.now())),
      cluster: { lazyConnect: true, clusterRetryStrategy: () => null, enableOfflineQueue: false },
    });
    // The socket's own error (ECONNREFUSED, ENOTFOUND, a refused password) says more than the command's "Connection is closed".
    let socketError: string | undefined;
    conn.on('error', (err: Error) => void (socketError ??= err.message));
    try {
      await conn.connect();
      await conn.ping();
      await conn.quit().catch(() => {});
      return;
    } catch (err) {
      last = socketError ?? ((err as Error).message || String(err));
      conn.disconnect();
    }
    if (Date.now() + 500 >= deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`REDIS_URL: Redis does not answer after ${Math.round(timeoutMs / 1000)} s (${last})`);
}

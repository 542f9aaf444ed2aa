/**
 * `npm run fuzz [-- --runs N] [-- --seed S]`: the bad-input fuzz of test/fuzz/http.test.ts, longer (default 3,000
 * requests), against a real Palabre process on a throw-away key prefix. Prints counts by route and kind, by status,
 * and every 5xx, missing answer or state change of a refused request; exits 1 if there was any.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { emptyStats, runFuzz, startFuzzTarget } from '../test/support/http-fuzz.js';
import { startTelegramStandin } from '../test/support/telegram-standin.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const runs = Number(arg('runs') ?? 3000);
  const seed = arg('seed') !== undefined ? Number(arg('seed')) : Date.now() % 2 ** 31;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `fuzz:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(url);
  const standin = await startTelegramStandin();
  const target = await startFuzzTarget({ redisUrl: url, prefix, telegramRoot: standin.root, telegramToken: standin.token });
  const stats = emptyStats();
  const t0 = performance.now();
  let failed: string | null = null;
  try {
    ({ failed } = await runFuzz({ base: target.base, redis, prefix, numRuns: runs, seed, stats }));
  } finally {
    const alive = target.child.exitCode === null;
    const health = await fetch(`${target.base}/healthz`).then((r) => r.status, () => 0);
    const seconds = (performance.now() - t0) / 1000;
    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(`fuzz: ${stats.requests} requests in ${seconds.toFixed(1)} s (seed ${seed}); process alive: ${alive}; /healthz: ${health}`);
    out(`by status: ${JSON.stringify(stats.byStatus)}`);
    out('by route and kind:');
    for (const [k, n] of Object.entries(stats.byKind).sort()) out(`  ${k.padEnd(40)} ${n}`);
    out(`5xx or no answer: ${stats.failures.length}; state changed by a refused request: ${stats.stateChanges.length}`);
    for (const f of stats.failures.slice(0, 10)) out(`  failure ${JSON.stringify(f)}`);
    for (const c of stats.stateChanges.slice(0, 10)) out(`  state change ${JSON.stringify(c)}`);
    if (failed) out(`counterexample: ${failed.slice(0, 2000)}`);
    await target.stop();
    await standin.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.unlink(...keys);
    await redis.quit();
  }
  return failed || stats.failures.length || stats.stateChanges.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`fuzz: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});

/**
 * `npm run bench`: what a Palabre case turn costs, against a bare grammY bot in the same run (issue 7).
 * Sections: webhook.ts (1), redis-cost.ts + memory.ts (2), reminders.ts (3), startup.ts (4), understanding.ts (5). Prints
 * Markdown tables and writes the JSON to bench/results/<timestamp>.json and bench/results/latest.json
 * (or to --out). Every key it writes is under a `bench:<random>:` prefix, deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { currentLoad, describeMachine } from './machine.js';
import { measureMemory } from './memory.js';
import { parseOptions, type BenchOptions } from './options.js';
import { stopAllChildren } from './processes.js';
import { measureTurnCost } from './redis-cost.js';
import { benchConnection, checkRedis, deletePrefix, redisUrl } from './redis-tools.js';
import { measureReminders } from './reminders.js';
import { renderReport, targetsOf, type BenchResult, type Outcome } from './report.js';
import { seedWebhookRun, type SeededRun } from './seed.js';
import { startLeanStandin, type LeanStandin } from './standin.js';
import { measureStartup } from './startup.js';
import { measureUnderstanding } from './understanding.js';
import { measureActionsToCase } from './actions-to-case.js';
import { runWebhookSection } from './webhook.js';
import { runFleetSection } from './fleet.js';

const log = (s: string) => process.stderr.write(`${s}\n`);

async function section<T>(name: string, opts: BenchOptions, fn: () => Promise<T>): Promise<Outcome<T>> {
  if (!opts.only.includes(name)) return { skipped: true };
  const t0 = performance.now();
  log(`bench: ${name}…`);
  try {
    const r = await fn();
    log(`bench: ${name} done in ${Math.round((performance.now() - t0) / 1000)} s`);
    return r;
  } catch (err) {
    log(`bench: ${name} failed: ${(err as Error).stack ?? String(err)}`);
    return { error: (err as Error).message };
  }
}

async function main(): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    log(`bench: ${(err as Error).message}`);
    return 2;
  }
  const url = redisUrl();
  let redisVersion: string;
  try {
    redisVersion = (await checkRedis(url)).version;
  } catch (err) {
    log(`bench: ${(err as Error).message}`);
    return 1;
  }
  const machine = describeMachine(redisVersion);
  const startedAt = new Date();
  const runId = randomBytes(4).toString('hex');
  const root = `bench:${runId}:`;
  const dir = await mkdtemp(join(tmpdir(), 'palabre-bench-'));
  const redis = benchConnection(url);
  await redis.connect();
  const linkSecret = randomBytes(24).toString('hex');
  let standin: LeanStandin | null = null;
  let failedAny = false;
  const cleanup = async () => {
    await stopAllChildren();
    await standin?.close();
    const deleted = await deletePrefix(redis, root);
    log(`bench: deleted ${deleted} keys under ${root}`);
    redis.disconnect();
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  log(`bench: Redis ${redisVersion} at ${url}, keys under ${root}, ${machine.cpus} CPUs, load ${machine.loadAtStart}`);

  let result: BenchResult;
  try {
    standin = await startLeanStandin('4242:BENCH-token');
    let seeded: SeededRun | null = null;
    const needSeed = opts.only.includes('webhook') || opts.only.includes('redis') || opts.only.includes('processes');
    if (needSeed) seeded = await seedWebhookRun({ redisUrl: url, prefix: `${root}w:`, users: opts.users, dir, linkSecret });
    const webhook = await section('webhook', opts, () =>
      runWebhookSection({ run: seeded!, redisUrl: url, redis, standin: standin!, dir, log, opts: { updates: opts.updates, concurrency: opts.concurrency, rounds: opts.rounds, warmup: opts.warmup, logLevel: opts.logLevel, profile: opts.profile, timeoutMs: Math.max(60_000, opts.updates * 60) } }),
    );
    const redisCost = await section('redis', opts, async () => {
      // Half the turns from buyers writing to the process for the first time, half from buyers who wrote before.
      const turns = opts.quick ? 10 : 100;
      const turn = await measureTurnCost({ run: seeded!, redisUrl: url, redis, standin: standin!, turns, firstUpdateId: 10_000_000, buyers: Math.ceil(turns / 2) });
      log(`  turn: ${turn.turn.roundTrips} round trips, relay ${turn.relay.roundTrips}; building ${opts.memoryCases} cases for the memory sample`);
      const memory = await measureMemory({ redisUrl: url, redis, prefix: `${root}m:`, cases: opts.memoryCases, dir, linkSecret, log });
      return { turn, memory };
    });
    const reminders = await section('reminders', opts, () => measureReminders({ redisUrl: url, prefix: `${root}r:`, count: opts.reminders, windowS: opts.reminderWindowS, concurrency: 32, log }));
    const startup = await section('startup', opts, () => measureStartup({ runs: opts.startupRuns, dir }));
    const understanding = await section('understanding', opts, async () => ({
      ...measureUnderstanding({ rounds: opts.quick ? 2 : 5 }),
      actionsToCase: await measureActionsToCase(),
    }));
    const processes = await section('processes', opts, () =>
      runFleetSection({ run: seeded!, redisUrl: url, standin: standin!, dir, log, opts: { rates: opts.rates, seconds: opts.rateSeconds, logLevel: opts.logLevel } }),
    );
    const sections = { webhook, redis: redisCost, reminders, startup, understanding, processes };
    failedAny = Object.values(sections).some((s) => 'error' in (s as object));
    const finishedAt = new Date();
    result = {
      meta: { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), seconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000), options: opts, machine: { ...machine, loadAtEnd: currentLoad() } },
      ...sections,
      targets: targetsOf(sections),
    };
  } finally {
    await cleanup();
  }

  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const out = opts.out ? resolve(opts.out) : resolve('bench/results', `${stamp}.json`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  if (!opts.out) await copyFile(out, resolve('bench/results/latest.json'));
  process.stdout.write(`${renderReport(result)}\n\nbench: results written to ${out}\n`);
  if (failedAny) log(`bench: a section failed; its child process logs are kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
  return failedAny ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);

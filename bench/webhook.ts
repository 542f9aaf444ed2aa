import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { commentUpdate, fireUpdates, type LoadResult, type PlannedUpdate } from './load.js';
import { childEnv, freePort, startChild, tsxNode, waitHealthy, type Child } from './processes.js';
import { mainProfile, summarizeProfile, type ProfileSummary } from './profile.js';
import { commandStats, redisCpuMs, statsDelta } from './redis-tools.js';
import { palabreEnv, type SeededRun } from './seed.js';
import { median, round, sleep } from './stats.js';
import type { LeanStandin } from './standin.js';

export interface WebhookOptions {
  updates: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  /** LOG_LEVEL of the Palabre process (the default, info, is what `npm start` runs with). */
  logLevel: string;
  /** Runs one more Palabre round under `node --cpu-prof` and summarizes where its time went. */
  profile: boolean;
  timeoutMs: number;
}

export interface WebhookRound {
  round: number;
  /** Timeline entries of each case when the round started: every comment posted to Palabre adds one. */
  caseEntries: number;
  palabre: LoadResult;
  baseline: LoadResult;
  /** Palabre's updates/s over the baseline's, this round. */
  ratio: number;
}

/** Medians over the rounds. */
export interface RoundSummary {
  updatesPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  cpuMsPerUpdate: number | null;
}

export interface WebhookResult {
  options: WebhookOptions & { users: number; sellers: number };
  rounds: WebhookRound[];
  palabre: RoundSummary;
  baseline: RoundSummary;
  /** Median of the per-round ratios. */
  ratio: number;
  /**
   * The baseline's CPU time per update over Palabre's (medians): the throughput ratio the two would show if each
   * had a core to itself, and less sensitive than updates/s to other work on the machine. Null without /proc.
   */
  cpuRatio: number | null;
  /** INFO commandstats deltas over the measured rounds, per update (server-wide; commands run by Lua scripts included). */
  commandstats: { palabre: { callsPerUpdate: number; top: Array<[string, number]> }; baseline: { callsPerUpdate: number; top: Array<[string, number]> } };
  /** Redis server CPU time per update over the measured rounds, in ms (server-wide). */
  redisCpuMsPerUpdate: { palabre: number; baseline: number };
  profile: ProfileSummary | null;
  standinCalls: Record<string, number>;
}

const TOKEN = '4242:BENCH-token';
const SECRET = 'bench-webhook-secret';

interface Bot {
  name: 'palabre' | 'baseline';
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** performance.now() when it first answered /healthz. */
  healthyAt: number;
  url: string;
  child: Child;
  expectChat: (b: SeededRun['buyers'][number]) => number;
}

async function startPalabre(run: SeededRun, redisUrl: string, standin: LeanStandin, opts: WebhookOptions, dir: string, nodeFlags: string[] = []): Promise<Bot> {
  const port = await freePort();
  const env = childEnv({
    ...palabreEnv(run, redisUrl),
    LOG_LEVEL: opts.logLevel,
    PORT: String(port),
    HOST: '127.0.0.1',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: standin.url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    // The stand-in has no send limits, and the bare grammY bot it is compared with sends unthrottled.
    TELEGRAM_THROTTLE: '0',
  });
  const spawnedAt = performance.now();
  const child = startChild(tsxNode('src/main.ts', nodeFlags), env, join(dir, `palabre-${Date.now()}.log`));
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, spawnedAt);
  return { name: 'palabre', spawnedAt, healthyAt: performance.now(), url: `http://127.0.0.1:${port}/telegram/webhook`, child, expectChat: (b) => b.sellerTelegramId };
}

async function startBaseline(run: SeededRun, redisUrl: string, standin: LeanStandin, dir: string): Promise<Bot> {
  const port = await freePort();
  const env = childEnv({ REDIS_URL: redisUrl, BENCH_REDIS_PREFIX: run.prefix, PORT: String(port), BENCH_BOT_TOKEN: TOKEN, BENCH_API_ROOT: standin.url, BENCH_WEBHOOK_SECRET: SECRET });
  const spawnedAt = performance.now();
  const child = startChild(tsxNode('bench/baseline-bot.ts'), env, join(dir, 'baseline.log'));
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, spawnedAt);
  return { name: 'baseline', spawnedAt, healthyAt: performance.now(), url: `http://127.0.0.1:${port}/telegram/webhook`, child, expectChat: (b) => b.telegramId };
}

/**
 * Palabre trains its message classifier 3 s after it starts listening (src/main.ts), a few hundred ms of CPU once: the
 * measured rounds and the profile start after it, so that they show the cost of an update, not of the start.
 */
async function classifierTrained(bot: Bot): Promise<void> {
  await sleep(Math.max(0, bot.healthyAt + 4_500 - performance.now()));
}

/**
 * Section 1: the same comment load, in alternating rounds, against a Palabre process (src/main.ts, Telegram
 * webhook, Redis) and a bare grammY bot, both answering through the same stand-in Bot API on loopback.
 */
export async function runWebhookSection(ctx: { run: SeededRun; redisUrl: string; redis: Redis; standin: LeanStandin; dir: string; opts: WebhookOptions; log: (s: string) => void }): Promise<WebhookResult> {
  const { run, redisUrl, redis, standin, dir, opts, log } = ctx;
  let nextUpdateId = 1;
  let postedToPalabre = 0;
  const plan = (bot: Bot, count: number): PlannedUpdate[] =>
    Array.from({ length: count }, (_, k) => {
      const b = run.buyers[k % run.buyers.length]!;
      const updateId = nextUpdateId++;
      return { updateId, body: commentUpdate(updateId, b), expectChat: bot.expectChat(b) };
    });
  const fire = async (bot: Bot, count: number) => {
    if (bot.name === 'palabre') postedToPalabre += count;
    const result = await fireUpdates({ url: bot.url, secret: SECRET, updates: plan(bot, count), concurrency: opts.concurrency, standin, timeoutMs: opts.timeoutMs, pid: bot.child.proc.pid });
    if (result.completed < result.updates) log(`  ${bot.name}: only ${result.completed} of ${result.updates} updates completed (see ${bot.child.logFile})`);
    await sleep(200);
    return result;
  };

  const palabre = await startPalabre(run, redisUrl, standin, opts, dir);
  const baseline = await startBaseline(run, redisUrl, standin, dir);
  const rounds: WebhookRound[] = [];
  const calls = { palabre: new Map<string, number>(), baseline: new Map<string, number>() };
  const redisCpu = { palabre: 0, baseline: 0 };
  const measured = async (bot: Bot) => {
    const before = await commandStats(redis);
    const cpuBefore = await redisCpuMs(redis);
    const result = await fire(bot, opts.updates);
    redisCpu[bot.name] += (await redisCpuMs(redis)) - cpuBefore;
    for (const [cmd, n] of statsDelta(before, await commandStats(redis))) calls[bot.name].set(cmd, (calls[bot.name].get(cmd) ?? 0) + n);
    return result;
  };
  let profile: ProfileSummary | null = null;
  try {
    if (opts.warmup > 0) {
      log(`  warm-up: ${opts.warmup} updates each`);
      await fire(palabre, opts.warmup);
      await fire(baseline, opts.warmup);
    }
    await classifierTrained(palabre);
    for (let r = 1; r <= opts.rounds; r++) {
      // Alternating who goes first spreads drift (other load on the machine, Redis growing) over both.
      const order = r % 2 === 1 ? [palabre, baseline] : [baseline, palabre];
      const caseEntries = Math.round(1 + postedToPalabre / run.buyers.length);
      const results: Partial<Record<Bot['name'], LoadResult>> = {};
      for (const bot of order) results[bot.name] = await measured(bot);
      const round_ = { round: r, caseEntries, palabre: results.palabre!, baseline: results.baseline!, ratio: round(results.palabre!.updatesPerSec / results.baseline!.updatesPerSec, 3) };
      rounds.push(round_);
      log(`  round ${r}: palabre ${round_.palabre.updatesPerSec}/s, baseline ${round_.baseline.updatesPerSec}/s, ratio ${round_.ratio}`);
    }
  } finally {
    await palabre.child.stop();
    await baseline.child.stop();
  }
  if (opts.profile) {
    const profDir = join(dir, 'profile');
    await mkdir(profDir, { recursive: true });
    log('  profiling one more Palabre round (node --cpu-prof)');
    const profiled = await startPalabre(run, redisUrl, standin, opts, dir, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
    // A short warm-up, so that the profile shows the steady state rather than the JIT compiling.
    await fire(profiled, Math.min(opts.warmup, 200));
    await classifierTrained(profiled);
    const from = performance.now() - profiled.spawnedAt;
    try {
      await fire(profiled, opts.updates);
    } finally {
      const to = performance.now() - profiled.spawnedAt;
      await profiled.child.stop();
      const found = await mainProfile(profDir);
      // Kept beside the results (the run's folder is deleted), to open in Chrome DevTools or a flame graph viewer.
      const file = found ? join('bench', 'results', `palabre-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`) : null;
      if (found && file) {
        await mkdir(join('bench', 'results'), { recursive: true });
        await copyFile(found, file);
      }
      profile = file ? await summarizeProfile(file, { fromMs: from, toMs: to }) : null;
    }
  }

  const total = opts.updates * opts.rounds;
  const perUpdate = (m: Map<string, number>) => ({
    callsPerUpdate: round([...m.values()].reduce((a, b) => a + b, 0) / total, 1),
    top: [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([c, n]): [string, number] => [c, round(n / total, 2)]),
  });
  const summary = (pick: (r: WebhookRound) => LoadResult): RoundSummary => {
    const cpu = rounds.map((r) => pick(r).cpuMsPerUpdate).filter((c): c is number => c !== null);
    return {
      updatesPerSec: round(median(rounds.map((r) => pick(r).updatesPerSec))),
      latencyP50Ms: round(median(rounds.map((r) => pick(r).latencyP50Ms))),
      latencyP99Ms: round(median(rounds.map((r) => pick(r).latencyP99Ms))),
      cpuMsPerUpdate: cpu.length > 0 ? round(median(cpu), 2) : null,
    };
  };
  const palabreSummary = summary((r) => r.palabre);
  const baselineSummary = summary((r) => r.baseline);
  return {
    options: { ...opts, users: run.buyers.length, sellers: run.market.sellers.length },
    rounds,
    palabre: palabreSummary,
    baseline: baselineSummary,
    ratio: round(median(rounds.map((r) => r.ratio)), 3),
    cpuRatio: palabreSummary.cpuMsPerUpdate && baselineSummary.cpuMsPerUpdate ? round(baselineSummary.cpuMsPerUpdate / palabreSummary.cpuMsPerUpdate, 3) : null,
    commandstats: { palabre: perUpdate(calls.palabre), baseline: perUpdate(calls.baseline) },
    redisCpuMsPerUpdate: { palabre: round(redisCpu.palabre / total, 3), baseline: round(redisCpu.baseline / total, 3) },
    profile,
    standinCalls: standin.calls(),
  };
}

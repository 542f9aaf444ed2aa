import type { Redis } from 'ioredis';
import { createTelegramAdapter } from '../adapters/telegram/index.js';
import { createLogger } from '../src/infra/logger.js';
import { createRedis } from '../src/infra/redis.js';
import { commentUpdate } from './load.js';
import { installRedisCounter, type Tally } from './redis-counter.js';
import { commandStats, statsDelta } from './redis-tools.js';
import { composeForRun, palabreEnv, type SeededRun } from './seed.js';
import { BENCH_BOT, type LeanStandin } from './standin.js';
import { median, round, sleep } from './stats.js';

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length, 2));

/** Redis traffic of one phase, averaged per turn. */
export interface PhaseCost {
  commands: number;
  roundTrips: number;
  /** Commands per turn by name (scripts by their script name), largest first. */
  byCommand: Array<[string, number]>;
}

export interface TurnCost {
  turns: number;
  /** The inbound turn: webhook update → engine → case append → reply to the buyer (`bot.handleUpdate`). */
  turn: PhaseCost;
  /** What follows in the outbox worker until the seller has the relayed comment (BullMQ drain, delivery), idle polling included. */
  relay: PhaseCost;
  /** INFO commandstats delta over the same turns, per turn: commands Redis executed, Lua scripts' own calls included (server-wide). */
  commandstatsPerTurn: number;
  /** Median in-process time of one turn alone, and until the seller had the relay, in ms. */
  turnMs: number;
  relayMs: number;
  /**
   * Round trips of each measured turn and of its relay, in order (the warm-up left out), with whether its buyer had
   * written in this process before. A relay's count includes whatever periodic traffic of the process fell in its
   * window (delivery heartbeats, the outbox sweep, BullMQ's stall check): its median is the relay's own cost.
   */
  eachTurn: Array<{ roundTrips: number; relayRoundTrips: number; seen: boolean }>;
  /** Median round trips of a relay (see eachTurn). */
  relayMedianRoundTrips: number;
  /** Mean round trips of the turns whose buyer wrote to this process for the first time, and of the others (null: none). */
  firstMessageRoundTrips: number | null;
  againRoundTrips: number | null;
}

function perTurn(tallies: Tally[], turns: number): PhaseCost {
  const byCommand = new Map<string, number>();
  let commands = 0;
  let roundTrips = 0;
  for (const t of tallies) {
    commands += t.commands;
    roundTrips += t.roundTrips;
    for (const [c, n] of t.byCommand) byCommand.set(c, (byCommand.get(c) ?? 0) + n);
  }
  return {
    commands: round(commands / turns, 1),
    roundTrips: round(roundTrips / turns, 1),
    byCommand: [...byCommand.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]): [string, number] => [c, round(n / turns, 2)]),
  };
}

/**
 * Section 2, round trips: Palabre composed in this process with the Telegram adapter, against the seeded
 * run's Redis keys and the stand-in; `turns` comment updates, one at a time, each counted until its relay
 * reached the seller.
 */
export async function measureTurnCost(ctx: { run: SeededRun; redisUrl: string; redis: Redis; standin: LeanStandin; turns: number; firstUpdateId: number; buyers?: number }): Promise<TurnCost> {
  const { run, standin } = ctx;
  const counter = installRedisCounter();
  const redis = createRedis(ctx.redisUrl);
  const logger = createLogger('silent');
  const p = await composeForRun(palabreEnv(run, ctx.redisUrl), { redis });
  const tg = createTelegramAdapter({
    token: '4242:BENCH-token', apiRoot: standin.url, engine: p.engine, i18n: p.i18n, threads: p.threads, blobs: p.blobs,
    logger, dedup: p.dedup, kv: p.kv, metrics: p.metrics, defaultLocale: 'fr', defaultTimezone: 'Africa/Kinshasa', botInfo: BENCH_BOT,
  });
  p.addNotifier(tg.notifier);
  await p.start();
  const turnTallies: Tally[] = [];
  const relayTallies: Tally[] = [];
  const turnMs: number[] = [];
  const relayMs: number[] = [];
  const eachTurn: TurnCost['eachTurn'] = [];
  const seen = new Set<number>();
  try {
    // One warm-up turn: connections, script loading and the first BullMQ job of a queue are not a turn's cost.
    const total = ctx.turns + 1;
    let before = await commandStats(ctx.redis);
    for (let k = 0; k < total; k++) {
      const buyer = run.buyers[k % Math.max(1, Math.min(ctx.buyers ?? run.buyers.length, run.buyers.length))]!;
      const updateId = ctx.firstUpdateId + k;
      const relayed = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`relay of update ${updateId} not received within 15 s`)), 15_000);
        standin.onSend((chatId, text, at) => {
          if (chatId === buyer.sellerTelegramId && text.includes(`K${updateId}Q`)) {
            clearTimeout(timer);
            resolve(at);
          }
        });
      });
      if (k === 1) {
        counter.take();
        before = await commandStats(ctx.redis);
      }
      const t0 = performance.now();
      await counter.phase('turn', () => tg.bot.handleUpdate(JSON.parse(commentUpdate(updateId, buyer))));
      const t1 = performance.now();
      const at = await relayed;
      // The drain finishes its bookkeeping after the send: let it, so that it counts for this turn.
      await sleep(30);
      const tallies = counter.take();
      const seenBefore = seen.has(buyer.telegramId);
      seen.add(buyer.telegramId);
      if (k === 0) continue;
      eachTurn.push({ roundTrips: tallies.get('turn')?.roundTrips ?? 0, relayRoundTrips: tallies.get('other')?.roundTrips ?? 0, seen: seenBefore });
      turnTallies.push(tallies.get('turn') ?? { commands: 0, roundTrips: 0, byCommand: new Map() });
      relayTallies.push(tallies.get('other') ?? { commands: 0, roundTrips: 0, byCommand: new Map() });
      turnMs.push(t1 - t0);
      relayMs.push(at - t0);
    }
    const server = statsDelta(before, await commandStats(ctx.redis)).reduce((a, [cmd, n]) => a + (cmd === 'info' ? 0 : n), 0);
    return {
      turns: ctx.turns,
      turn: perTurn(turnTallies, ctx.turns),
      relay: perTurn(relayTallies, ctx.turns),
      commandstatsPerTurn: round(server / ctx.turns, 1),
      turnMs: round(median(turnMs)),
      relayMs: round(median(relayMs)),
      eachTurn,
      relayMedianRoundTrips: median(eachTurn.map((t) => t.relayRoundTrips)),
      firstMessageRoundTrips: mean(eachTurn.filter((t) => !t.seen).map((t) => t.roundTrips)),
      againRoundTrips: mean(eachTurn.filter((t) => t.seen).map((t) => t.roundTrips)),
    };
  } finally {
    standin.onSend(() => undefined);
    await p.close();
    await redis.quit();
    counter.uninstall();
  }
}

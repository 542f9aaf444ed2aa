import { join } from 'node:path';
import { Agent } from 'node:http';
import { commentUpdate } from './load.js';
import { childEnv, freePort, startChild, tsxNode, postWebhook, waitHealthy, type Child } from './processes.js';
import { palabreEnv, type SeededRun } from './seed.js';
import { quantile, round, sleep } from './stats.js';
import type { LeanStandin } from './standin.js';

export interface FleetOptions {
  /** Offered rates, in updates per second, tried in order until one breaks. */
  rates: number[];
  /** Seconds each rate is offered. */
  seconds: number;
  logLevel: string;
}

/** One offered rate. */
export interface FleetStep {
  offeredPerSec: number;
  updates: number;
  /** Updates delivered twice (to two processes), as Telegram does after a timeout. */
  twice: number;
  /** Acknowledged (2xx) in the end, after redeliveries. */
  acknowledged: number;
  /** Non-2xx answers and failed connections, all retried. */
  refusals: number;
  /** Comments relayed to their seller within the drain time after the step. */
  relayed: number;
  /** Acknowledged but never relayed, or relayed twice, or in no timeline twice: must be 0. */
  lost: number;
  duplicates: number;
  /** Acknowledged updates per second over the step (first post → last acknowledgement). */
  ackedPerSec: number;
  /** Post → relay at the seller, in ms. */
  relayP50Ms: number;
  relayP99Ms: number;
  /** Why this rate counts as broken, or null when held. */
  broken: string | null;
}

export interface FleetResult {
  processes: number;
  steps: FleetStep[];
  /** The highest offered rate held: no loss, nothing refused for good, relays within 10 s at p99. */
  sustainedPerSec: number | null;
  /** The first rate that was not held, and why. */
  breaksAt: { offeredPerSec: number; why: string } | null;
}

const TOKEN = '4242:BENCH-token';
const SECRET = 'bench-webhook-secret';
const TAG = /K(\d+)Q/;
/**
 * A step holds when every update was acknowledged, every acknowledged one reached its seller once, and relays arrive
 * within this at p99: beyond it a backlog builds faster than the processes clear it.
 */
const RELAY_P99_LIMIT_MS = 10_000;

/**
 * Section 5: three Palabre processes (src/main.ts, Telegram webhook) on the bench's Redis, offered a rising open-loop
 * rate of buyer comments (a third delivered to two processes at once), each posted until a 2xx as Telegram does. A rate
 * is held when nothing acknowledged is lost or relayed twice, every update is acknowledged, and p99 relay latency stays
 * under 10 s (no growing backlog); the section stops at the first rate that is not.
 */
export async function runFleetSection(ctx: { run: SeededRun; redisUrl: string; standin: LeanStandin; dir: string; opts: FleetOptions; log: (s: string) => void }): Promise<FleetResult> {
  const { run, redisUrl, standin, dir, opts, log } = ctx;
  const procs: Array<{ url: string; child: Child }> = [];
  try {
    // One after the other: three compiling at once on a busy two-core machine can take minutes.
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const env = childEnv({ ...palabreEnv(run, redisUrl), LOG_LEVEL: opts.logLevel, PORT: String(port), HOST: '127.0.0.1', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standin.url, TELEGRAM_WEBHOOK_SECRET: SECRET });
      const child = startChild(tsxNode('src/main.ts'), env, join(dir, `fleet-${i}.log`));
      procs[i] = { url: `http://127.0.0.1:${port}/telegram/webhook`, child };
      await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, performance.now(), 180_000);
    }
    const steps: FleetStep[] = [];
    let nextId = 20_000_000;
    // Warm-up: the first turns compile code paths and fill caches.
    await offer(procs, run, standin, 20, 3, nextId);
    nextId += 1000;
    for (const rate of opts.rates) {
      const step = await offer(procs, run, standin, rate, opts.seconds, nextId);
      nextId += rate * opts.seconds + 1000;
      steps.push(step);
      log(`  ${rate}/s offered: ${step.acknowledged}/${step.updates} acknowledged, ${step.relayed} relayed, lost ${step.lost}, dup ${step.duplicates}, refusals ${step.refusals}, relay p99 ${step.relayP99Ms} ms${step.broken ? ` → broken: ${step.broken}` : ''}`);
      if (step.broken) break;
    }
    const held = steps.filter((s) => !s.broken);
    const broke = steps.find((s) => s.broken);
    return {
      processes: 3,
      steps,
      sustainedPerSec: held.length > 0 ? Math.max(...held.map((s) => s.offeredPerSec)) : null,
      breaksAt: broke ? { offeredPerSec: broke.offeredPerSec, why: broke.broken! } : null,
    };
  } finally {
    await Promise.all(procs.map((p) => p?.child.stop()));
  }
}

async function offer(procs: Array<{ url: string }>, run: SeededRun, standin: LeanStandin, rate: number, seconds: number, firstId: number): Promise<FleetStep> {
  const n = Math.round(rate * seconds);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const posted = new Float64Array(n);
  const relayedAt = new Float64Array(n);
  const relayCount = new Uint16Array(n);
  const acked = new Uint8Array(n);
  let refusals = 0;
  let lastAck = 0;
  const sellerOf = (i: number) => run.buyers[i % run.buyers.length]!.sellerTelegramId;
  standin.onSend((chatId, text, at) => {
    const m = TAG.exec(text);
    if (!m) return;
    const i = Number(m[1]) - firstId;
    if (i < 0 || i >= n || chatId !== sellerOf(i)) return;
    relayCount[i] = relayCount[i]! + 1;
    if (relayCount[i] === 1) relayedAt[i] = at;
  });
  const post = (url: string, body: string) => postWebhook(agent, url, body, SECRET);
  const deadline = performance.now() + seconds * 1000 + 30_000;
  const deliver = async (i: number, body: string, first: number) => {
    for (let at = first; performance.now() < deadline; at++) {
      const status = await post(procs[at % procs.length]!.url, body);
      if (status >= 200 && status < 300) {
        acked[i] = 1;
        lastAck = performance.now();
        return;
      }
      refusals++;
      await sleep(500);
    }
  };
  const t0 = performance.now();
  const work: Promise<void>[] = [];
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const id = firstId + i;
    const body = commentUpdate(id, run.buyers[i % run.buyers.length]!);
    posted[i] = performance.now();
    work.push(deliver(i, body, i));
    if (id % 3 === 0) {
      twice++;
      work.push(deliver(i, body, i + 1));
    }
  }
  await Promise.all(work);
  // Relays still on their way: give them a few seconds.
  const drainUntil = performance.now() + 10_000;
  while (performance.now() < drainUntil && relayCount.some((c, i) => c === 0 && acked[i] === 1)) await sleep(100);
  await sleep(500);
  standin.onSend(() => undefined);
  agent.destroy();

  const ackedCount = acked.reduce((a, b) => a + b, 0);
  let relayed = 0;
  let lost = 0;
  let duplicates = 0;
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    if (relayCount[i]! > 0) {
      relayed++;
      latencies.push(relayedAt[i]! - posted[i]!);
    }
    if (acked[i] && relayCount[i] === 0) lost++;
    if (relayCount[i]! > 1) duplicates++;
  }
  const p99 = round(quantile(latencies, 0.99));
  const broken =
    lost > 0 ? `${lost} acknowledged comments never relayed` : duplicates > 0 ? `${duplicates} comments relayed twice` : ackedCount < n ? `${n - ackedCount} updates never acknowledged` : p99 > RELAY_P99_LIMIT_MS ? `relay p99 ${p99} ms > ${RELAY_P99_LIMIT_MS} ms (a backlog builds)` : null;
  return {
    offeredPerSec: rate,
    updates: n,
    twice,
    acknowledged: ackedCount,
    refusals,
    relayed,
    lost,
    duplicates,
    ackedPerSec: round((ackedCount / Math.max(1, lastAck - t0)) * 1000),
    relayP50Ms: round(quantile(latencies, 0.5)),
    relayP99Ms: p99,
    broken,
  };
}

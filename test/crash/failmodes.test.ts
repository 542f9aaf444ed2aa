/**
 * How machines fail, beyond the kills, stops, freezes and partitions of the other crash tests (docs/delivery.md,
 * "Faults the crash tests play"): Redis full (maxmemory, noeviction), Redis refusing writes for a while with Telegram
 * hanging up on the webhook meanwhile, one notification the platform refuses for good, one chat whose messages the
 * platform never answers. Each runs three real processes (`tsx src/main.ts`) on a private Redis with the Telegram
 * stand-in, plays a burst of buyers' comments (a third delivered to two processes at once), strikes its fault, and
 * reads the final history each user sees (every timeline, every text the stand-in took), each process's /metrics and
 * what is left in Redis.
 *
 * What every scenario expects, unless it says otherwise:
 * - every update acknowledged in the end, each in exactly one timeline, once, in the order its buyer sent it;
 * - every comment at its seller, in order, never after a later one of its case (repeats included); a repeat only where
 *   a process was taken for dead (the documented one in flight, counted on /metrics);
 * - nothing left on its way in Redis, and every process healthy.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpStatus } from '../../bench/processes.js';
import {
  check,
  deliveriesHeldBy,
  deliveryBacklog,
  drive,
  logs,
  metricTotal,
  outcomeOf,
  readHistory,
  redisToolsMissing,
  relayArrivals,
  relayTrace,
  sleep,
  startRun,
  until,
  waitRelayed,
  type Delivered,
  type Run,
  type RunOptions,
} from './harness.js';

const missing = redisToolsMissing();
if (missing) console.warn(`failure modes skipped: ${missing}`);
/**
 * Registered only by hand (`PALABRE_PROBE_ALL=1`): scenarios longer than a CI test may take (~50 s), and those that passed
 * as first written (Redis holding writes, a poison 400, a SIGSTOP), to keep CI's crash runs few. CI plays Redis full.
 */
const byHand = (process.env.PALABRE_PROBE_ALL === '1' ? it : () => undefined) as typeof it;

const USERS = 8;
const ADMIN_TOKEN = 'failmodes-admin-token-0123456789';
/** The private Redis of these scenarios (one at a time). */
const REDIS_PORT = Number(process.env.FAILMODES_REDIS_PORT ?? 6476);

function membersTakenForDead(run: Run): number {
  let n = 0;
  for (const f of readdirSync(run.root)) if (f.endsWith('.log')) n += readFileSync(join(run.root, f), 'utf8').split('DELIVERY_MEMBER_DEAD').length - 1;
  return n;
}

/** A counter's total over the live processes, only the lines whose labels include `label`. */
async function metricSum(run: Run, name: string, label: string): Promise<number> {
  let sum = 0;
  for (const p of run.procs.filter((x) => x.alive)) {
    const text = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
    for (const l of text.split('\n')) if (l.startsWith(`${name}{`) && l.includes(label)) sum += Number(l.slice(l.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Highest value of a metric over the live processes. */
async function metricMax(run: Run, name: string): Promise<number> {
  const values = await Promise.all(run.procs.filter((p) => p.alive).map((p) => metricTotal(p, name).catch(() => 0)));
  return Math.max(0, ...values);
}

/** The final history against the guarantees; `skip`: comments left out of the order check (a replayed dead letter). */
async function verdict(run: Run, delivered: Delivered[], skip: number[] = []) {
  const f = check(run, delivered, await readHistory(run));
  const trace = relayTrace(run, delivered);
  let arrivals = 0;
  let distinct = 0;
  const regressions: string[] = [];
  for (const [caseId, all] of trace) {
    arrivals += all.length;
    distinct += new Set(all).size;
    const ids = all.filter((id) => !skip.includes(id));
    let max = -1;
    for (const id of ids) {
      if (id < max) regressions.push(`${caseId}: ${id} after ${max} (${all.join(',')})`);
      max = Math.max(max, id);
    }
  }
  const backlog = await deliveryBacklog(run);
  const live = run.procs.filter((p) => p.alive);
  const redelivered = (await Promise.all(live.map((p) => metricTotal(p, 'palabre_notifications_redelivered_total')))).reduce((a, b) => a + b, 0);
  const healthy = await Promise.all(live.map((p) => httpStatus(`http://127.0.0.1:${p.port}/healthz`)));
  const unacked = delivered.filter((d) => !d.acknowledged).map((d) => d.planned.updateId);
  const outOfOrder = skip.length ? f.outOfOrder.filter((o) => o.endsWith('timeline')) : f.outOfOrder;
  // Per seller, how many relays arrived more than once (a process sends one item at a time per recipient: one in flight).
  const repeatsPerSeller = [...trace.values()].map((ids) => ids.length - new Set(ids).size).filter((n) => n > 0);
  return { unacked, lost: f.lost, handledTwice: f.handledTwice, notRelayed: f.notRelayed, outOfOrder, extra: arrivals - distinct, repeatsPerSeller, regressions, backlog, redelivered, healthy, deaths: membersTakenForDead(run) };
}

type Verdict = Awaited<ReturnType<typeof verdict>>;

function expectHeld(name: string, v: Verdict, run: Run, opts: { dead?: number } = {}): void {
  console.log(`[failmodes] ${name}: ${JSON.stringify(v)}`);
  const why = `${name}: ${JSON.stringify(v)}\n${logs(run, 25)}`;
  expect(v.unacked, why).toEqual([]);
  expect(v.lost, why).toEqual([]);
  expect(v.handledTwice, why).toEqual([]);
  expect(v.notRelayed, why).toEqual([]);
  expect(v.outOfOrder, why).toEqual([]);
  expect(v.regressions, why).toEqual([]);
  // A repeat only for what a process taken for dead had in flight (a loaded machine), each counted on /metrics.
  expect(v.extra, why).toBeLessThanOrEqual(v.deaths > 0 ? v.redelivered : 0);
  expect(v.backlog, why).toEqual({ streamEntries: 0, pending: 0, retrying: 0, dead: opts.dead ?? 0, outboxes: 0 });
  expect(v.healthy.every((s) => s === 200), why).toBe(true);
}

async function settle(run: Run, delivered: Delivered[], timeoutMs = 60_000, quietMs = 2_000): Promise<void> {
  await waitRelayed(run, delivered, timeoutMs);
  await until('delivery backlog empty', async () => {
    const b = await deliveryBacklog(run);
    return b.streamEntries + b.pending + b.retrying + b.outboxes === 0;
  }, timeoutMs, 250).catch(() => undefined);
  await sleep(quietMs);
}

describe.runIf(!missing)('failure modes of a real machine (SPEC §7: nothing acknowledged is lost)', () => {
  let run: Run | null = null;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async (ctx) => {
    for (const c of cleanups.splice(0)) await c();
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  const start = async (opts: Partial<RunOptions> = {}) =>
    (run = await startRun({ users: USERS, redisPort: REDIS_PORT, ...opts, env: { TELEGRAM_THROTTLE: '0', ADMIN_TOKEN, TELEGRAM_SUPPORT_CHAT_ID: '-1009999999', ...opts.env } }));

  // A. Redis full: maxmemory reached under `noeviction` (what operations.md asks for), so Redis refuses every write
  // that needs memory for 5 s mid-burst. No update may be acknowledged that was not stored: each comes again (Telegram
  // posts again what got no 2xx) and is handled once Redis takes writes again.
  it('Redis at maxmemory (noeviction) for 5 s mid-burst: nothing acknowledged unless stored, each comment once, in order', { timeout: 120_000 }, async () => {
    const r = await start();
    const admin = r.redis.connect();
    cleanups.push(() => void admin.disconnect());
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    const burst = drive(r, { perBuyer: 5, gapMs: 300, firstUpdateId: 21_000, timeoutMs: 90_000 });
    await sleep(1_500);
    await admin.config('SET', 'maxmemory', '1');
    const full = await admin.set(`${r.seeded.prefix}probe`, 'x').then(() => 'accepted', (e: Error) => e.message);
    await sleep(5_000);
    await admin.config('SET', 'maxmemory', '0');
    const delivered = await burst;
    await settle(r, delivered);
    const v = await verdict(r, delivered);
    const refusedWhileFull = delivered.flatMap((d) => d.statuses).filter((s) => s < 200 || s >= 300).length;
    console.log(`[failmodes] redis full: a write while full got "${full}"; ${refusedWhileFull} deliveries not acknowledged along the way`);
    expect(full, 'Redis refused writes while full').toMatch(/OOM/);
    expectHeld('redis full', v, r);
  });

  // B. Redis refusing writes (CLIENT PAUSE 4000 WRITE: reads answered, writes held) mid-burst, while Telegram's side
  // hangs up on any webhook that has not answered within 1 s and posts the update again (to the next process). The turn
  // the client left goes on; the update posted again must not be handled twice nor relayed twice.
  byHand('Redis holding writes 4 s while Telegram hangs up after 1 s and posts again: each comment once, in order', { timeout: 120_000 }, async () => {
    const r = await start();
    const admin = r.redis.connect();
    cleanups.push(() => void admin.disconnect());
    const burst = drive(r, { perBuyer: 5, gapMs: 300, firstUpdateId: 22_000, timeoutMs: 90_000, postTimeoutMs: 1_000 });
    await sleep(1_500);
    await admin.call('CLIENT', 'PAUSE', '4000', 'WRITE');
    const delivered = await burst;
    await settle(r, delivered);
    const v = await verdict(r, delivered);
    const hungUp = delivered.flatMap((d) => d.statuses).filter((s) => s === 0).length;
    console.log(`[failmodes] writes paused: ${hungUp} webhook posts hung up on`);
    expect(hungUp, 'Telegram hung up on some webhooks').toBeGreaterThan(0);
    expectHeld('writes paused', v, r);
  });

  // C. A poison notification: Telegram refuses one relay for good (400), every time. It becomes a dead letter, listed and
  // counted, without holding up its seller's later comments nor anyone else's; replayed once the cause is gone, it
  // arrives once.
  byHand('one relay refused for good (400): a dead letter, listed and counted; later ones and other chats not held up; replayed, it arrives once', { timeout: 120_000 }, async () => {
    const r = await start();
    const first = 23_000;
    // Buyer 0's second comment (updates go round the buyers: k * USERS + b).
    const poison = first + USERS;
    const seller = r.seeded.buyers[0]!.sellerTelegramId;
    let refusals = 0;
    r.standin.refuse((chat, text) => (chat === seller && text.includes(`K${poison}Q`) ? (refusals++, { code: 400, description: 'Bad Request: can\'t parse entities: unsupported start tag' }) : null));
    const delivered = await drive(r, { perBuyer: 4, gapMs: 300, firstUpdateId: first, timeoutMs: 60_000 });
    const others = delivered.filter((d) => d.planned.updateId !== poison);
    await waitRelayed(r, others, 30_000);
    await until('the dead letter', async () => (await deliveryBacklog(r)).dead === 1, 15_000, 200).catch(() => undefined);
    const arrivals = relayArrivals(r, delivered);
    const lags = others.map((d) => (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - d.ackedAt!);
    const later = others.filter((d) => d.planned.buyer === 0 && d.planned.updateId > poison).map((d) => d.planned.updateId);
    const laterArrived = later.filter((id) => arrivals.has(id));
    const adminUrl = `http://127.0.0.1:${r.procs[1]!.port}/admin/dead-letters`;
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const listed = (await (await fetch(adminUrl, { headers: auth })).json()) as { count: number; deadLetters: Array<{ key: string; error?: string }> };
    const gauge = await metricMax(r, 'palabre_notifications_dead');
    const deadCounted = await metricSum(r, 'palabre_notifications_total', 'outcome="dead"');
    console.log(`[failmodes] poison: ${refusals} refusals; listed ${listed.count}; gauge ${gauge}; counted dead ${deadCounted}; worst lag of the others ${Math.max(...lags)} ms; later comments of that seller ${laterArrived.length}/${later.length}`);
    const why = `${JSON.stringify({ refusals, listed, gauge, deadCounted, later, laterArrived })}\n${logs(r, 25)}`;
    expect(refusals, why).toBe(1);
    expect(listed.count, why).toBe(1);
    expect(gauge, why).toBe(1);
    expect(laterArrived, why).toEqual(later);
    expect(arrivals.has(poison), why).toBe(false);
    if (membersTakenForDead(r) === 0) expect(Math.max(...lags), 'no comment waits behind the poison').toBeLessThan(5_000);

    // The cause gone (the message fixed on the platform's side), the operator replays it: it arrives once.
    r.standin.refuse(() => null);
    const replay = await fetch(`${adminUrl}/replay`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ all: true }) });
    expect(await replay.json(), why).toEqual({ replayed: 1 });
    await settle(r, delivered, 30_000);
    const v = await verdict(r, delivered, [poison]);
    expectHeld('poison', v, r);
    expect(relayArrivals(r, delivered).get(poison)?.length, 'the replayed relay arrives once').toBe(1);
  });

  // E. The OS stops a process 5 s (SIGSTOP, then SIGCONT) while it holds deliveries: the others take its streams over;
  // back, it must not send what they sent, nor anything after a later comment: a repeat only for what was in flight.
  byHand('a process stopped 5 s by the OS while it holds deliveries: taken over, no repeat beyond the one in flight, in order', { timeout: 120_000 }, async () => {
    const r = await start();
    r.standin.slow(150);
    const victim = r.procs[0]!;
    const burst = drive(r, { perBuyer: 5, gapMs: 300, firstUpdateId: 25_000, timeoutMs: 90_000 });
    let held = 0;
    await until('process 0 holding deliveries', async () => (held = await deliveriesHeldBy(r, victim.child!.proc.pid!)) > 0, 30_000, 30);
    victim.child!.proc.kill('SIGSTOP');
    await sleep(5_000);
    victim.child!.proc.kill('SIGCONT');
    const delivered = await burst;
    await settle(r, delivered, 60_000, 3_000);
    const v = await verdict(r, delivered);
    console.log(`[failmodes] sigstop: held ${held} at the stop`);
    expectHeld('sigstop', v, r);
    // The documented exception: what it had on its way when it stopped, each counted on /metrics; one per recipient.
    expect(v.extra, JSON.stringify(v)).toBeLessThanOrEqual(v.redelivered);
    expect(v.repeatsPerSeller.every((n) => n <= 1), JSON.stringify(v)).toBe(true);
  });

  // D. One chat whose messages Telegram takes and never answers (held 60 s, not sent, then the connection dropped) for
  // 8 s mid-burst. The other chats' relays must not wait; the stuck chat shows on /metrics; its relays are sent again
  // and arrive once each, in order, without waiting the whole minute out. By hand: ~50 s (the send's 20 s timeout).
  byHand('one chat whose sends are never answered (held 60 s): other chats not held up, the stuck one on /metrics, its relays arrive within 30 s', { timeout: 150_000 }, async () => {
    const r = await start();
    const sellers = [...new Set(r.seeded.buyers.map((b) => b.sellerTelegramId))];
    const stuck = sellers[0]!;
    const burst = drive(r, { perBuyer: 5, gapMs: 300, firstUpdateId: 24_000, timeoutMs: 90_000 });
    await sleep(1_000);
    const faultFrom = Date.now();
    let held = 0;
    r.standin.hang((chat) => (chat === stuck && Date.now() < faultFrom + 8_000 ? (held++, 60_000) : 0));
    let stuckSeen = 0;
    const watch = (async () => {
      while (Date.now() < faultFrom + 30_000) {
        const shown = (await metricMax(r, 'palabre_notifications_retrying')) + (await metricSum(r, 'palabre_notifications_total', 'outcome="failed"'));
        stuckSeen = Math.max(stuckSeen, shown);
        if (stuckSeen > 0) return;
        await sleep(500);
      }
    })();
    const delivered = await burst;
    const sellerOf = (d: Delivered) => r.seeded.buyers[d.planned.buyer]!.sellerTelegramId;
    const mine = delivered.filter((d) => sellerOf(d) === stuck);
    await waitRelayed(r, mine, Math.max(0, faultFrom + 30_000 - Date.now()));
    const arrivals = relayArrivals(r, delivered);
    const stuckLast = Math.max(...mine.map((d) => (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - faultFrom));
    await watch;
    await settle(r, delivered, 70_000);
    const v = await verdict(r, delivered);
    const others = delivered.filter((d) => sellerOf(d) !== stuck && d.ackedAt! >= faultFrom && d.ackedAt! <= faultFrom + 8_000);
    const lags = others.map((d) => (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - d.ackedAt!);
    console.log(`[failmodes] hung chat: ${held} sends held; stuck chat's last relay ${stuckLast} ms after the fault began; shown on /metrics ${stuckSeen}; other chats' worst lag ${Math.max(...lags)} ms over ${lags.length}`);
    const why = `${JSON.stringify({ held, stuckLast, stuckSeen, lags })}\n${logs(r, 25)}`;
    expect(held, why).toBeGreaterThan(0);
    if (v.deaths === 0) expect(Math.max(...lags), why).toBeLessThan(3_000);
    expect(stuckLast, `the stuck chat's relays do not wait the minute out: ${why}`).toBeLessThan(30_000);
    expect(stuckSeen, `the stuck chat shows on /metrics: ${why}`).toBeGreaterThan(0);
    expectHeld('hung chat', v, r);
  });
});

/**
 * Probe 13: how machines fail, against SPEC section 7's guarantees. Each scenario runs three real processes
 * (`tsx src/main.ts`) on a private Redis with a Telegram stand-in, plays a burst of buyers' comments (a third of them
 * delivered to two processes at once), strikes one fault, and reads the final history: every case's timeline, every
 * text the stand-in took, each process's /metrics and what is left in Redis.
 *
 * What every scenario expects, unless it says otherwise:
 * - every update acknowledged in the end, each in exactly one timeline, once, in the order its buyer sent it;
 * - every comment at its seller; a repeat only for a message in flight at the fault (each counted on /metrics), and
 *   never one that comes after a later comment of the same case (order per recipient, repeats included);
 * - nothing left on its way in Redis (streams, pending entries, retries, dead letters, outboxes), and every process
 *   that was not killed still healthy.
 *
 * Kept in CI (`ci` below): a SIGTERM while messages are on their way, the rolling restart's defect on its own (25-32 s
 * on a loaded two-core machine). The others run by hand, about 8 minutes:
 * `PALABRE_PROBE_ALL=1 REDIS_URL=… npx vitest run test/crash/probe-13.test.ts`.
 *
 * A repeat beyond the fault's own is allowed only where a process was taken for dead (DELIVERY_MEMBER_DEAD in the
 * logs): on a machine loaded enough to stall every process for seconds, what a stalled process was sending may arrive
 * twice, the documented exception (counted in palabre_notifications_redelivered_total).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, httpStatus } from '../../bench/processes.js';
import { commentUpdate } from '../../bench/load.js';
import {
  check,
  deliveriesHeldBy,
  deliveryBacklog,
  drive,
  logs,
  metricTotal,
  outcomeOf,
  postUpdate,
  readHistory,
  redisToolsMissing,
  relayArrivals,
  relayTrace,
  sleep,
  startRun,
  until,
  waitRelayed,
  type Delivered,
  type PalabreProcess,
  type Run,
  type RunOptions,
} from './harness.js';

const missing = redisToolsMissing();
if (missing) console.warn(`probe 13 skipped: ${missing}`);
const ALL = process.env.PALABRE_PROBE_ALL === '1';

/**
 * A scenario run by hand (PALABRE_PROBE_ALL=1): registered only then, so that a CI run lists what it ran, with nothing
 * reported as skipped.
 */
const byHand = (ALL ? it : () => undefined) as typeof it;

const TAG = /K(\d+)Q/;
const USERS = 16;

/** The final history against the guarantees; `extra`: repeats at the sellers; `regressions`: a comment after a later one. */
async function verdict(run: Run, delivered: Delivered[]) {
  const f = check(run, delivered, await readHistory(run));
  const trace = relayTrace(run, delivered);
  let arrivals = 0;
  let distinct = 0;
  const regressions: string[] = [];
  for (const [caseId, ids] of trace) {
    arrivals += ids.length;
    distinct += new Set(ids).size;
    let max = -1;
    for (const id of ids) {
      if (id < max) regressions.push(`${caseId}: ${id} after ${max} (${ids.join(',')})`);
      max = Math.max(max, id);
    }
  }
  const backlog = await deliveryBacklog(run);
  const live = run.procs.filter((p) => p.alive);
  const redelivered = (await Promise.all(live.map((p) => metricTotal(p, 'palabre_notifications_redelivered_total')))).reduce((a, b) => a + b, 0);
  const healthy = await Promise.all(live.map((p) => httpStatus(`http://127.0.0.1:${p.port}/healthz`)));
  const unacked = delivered.filter((d) => !d.acknowledged).map((d) => d.planned.updateId);
  const repeated = [...trace.values()].flatMap((ids) => ids.filter((id, i) => ids.indexOf(id) !== i));
  return { unacked, lost: f.lost, handledTwice: f.handledTwice, notRelayed: f.notRelayed, outOfOrder: f.outOfOrder, extra: arrivals - distinct, repeated, regressions, backlog, redelivered, healthy, remindersPerCase: f.remindersPerCase, reminderMessages: f.reminderMessages };
}

type Verdict = Awaited<ReturnType<typeof verdict>>;

/** The expectations every scenario shares; `maxExtra`: the repeats the fault allows. */
function expectHeld(name: string, v: Verdict, run: Run, maxExtra: number): void {
  console.log(`[probe13] ${name}: ${JSON.stringify({ ...v, remindersPerCase: undefined, reminderMessages: undefined })}`);
  const why = `${name}: ${JSON.stringify({ ...v, remindersPerCase: undefined })}\n${logs(run, 25)}`;
  expect(v.unacked, why).toEqual([]);
  expect(v.lost, why).toEqual([]);
  expect(v.handledTwice, why).toEqual([]);
  expect(v.notRelayed, why).toEqual([]);
  expect(v.outOfOrder, why).toEqual([]);
  expect(v.regressions, why).toEqual([]);
  expect(v.extra, why).toBeLessThanOrEqual(maxExtra);
  expect(v.backlog, why).toEqual({ streamEntries: 0, pending: 0, retrying: 0, dead: 0, outboxes: 0 });
  expect(v.healthy.every((s) => s === 200), why).toBe(true);
}

/**
 * How many times a process took another for dead, in every log of the run. On a loaded machine a process can stall for
 * seconds and be taken for dead: what it was sending may then arrive twice (counted as redelivered), which is the
 * documented exception, not the fault under test.
 */
function membersTakenForDead(run: Run): number {
  let n = 0;
  for (const f of readdirSync(run.root)) if (f.endsWith('.log')) n += readFileSync(join(run.root, f), 'utf8').split('DELIVERY_MEMBER_DEAD').length - 1;
  return n;
}

/** Waits until every comment is at its seller, then a while longer for anything that should not come. */
async function settle(run: Run, delivered: Delivered[], timeoutMs = 60_000, quietMs = 3_000): Promise<void> {
  await waitRelayed(run, delivered, timeoutMs);
  await until('delivery backlog empty', async () => Object.values(await deliveryBacklog(run)).every((n) => n === 0), timeoutMs, 250).catch(() => undefined);
  await sleep(quietMs);
}

/** Highest value of a metric over the live processes (gauges computed from Redis are the same on each). */
async function metricMax(run: Run, name: string): Promise<number> {
  const values = await Promise.all(run.procs.filter((p) => p.alive).map((p) => metricTotal(p, name).catch(() => 0)));
  return Math.max(0, ...values);
}
/** A counter's total over the live processes, only the lines whose labels include `label` (e.g. `outcome="failed"`). */
async function metricSum(run: Run, name: string, label: string): Promise<number> {
  let sum = 0;
  for (const p of run.procs.filter((x) => x.alive)) {
    const text = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
    for (const l of text.split('\n')) if (l.startsWith(`${name}{`) && l.includes(label)) sum += Number(l.slice(l.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** A TCP proxy in front of Redis for one process: `cut()` stops carrying bytes both ways (a partition), `heal()` resumes. */
async function redisProxy(target: number) {
  const port = await freePort();
  const pairs: Array<[Socket, Socket]> = [];
  let partitioned = false;
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    pairs.push([client, upstream]);
    client.pipe(upstream);
    upstream.pipe(client);
    if (partitioned) {
      client.pause();
      upstream.pause();
    }
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port,
    cut() {
      partitioned = true;
      // Bytes stop flowing both ways; TCP keeps them, as a real network that drops packets for a while (no reset).
      for (const [c, u] of pairs) {
        c.unpipe(u);
        u.unpipe(c);
        c.pause();
        u.pause();
      }
    },
    heal() {
      partitioned = false;
      for (const [c, u] of pairs) {
        if (c.destroyed || u.destroyed) continue;
        c.pipe(u);
        u.pipe(c);
        c.resume();
        u.resume();
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const [c, u] of pairs) {
          c.destroy();
          u.destroy();
        }
        server.close(() => r());
      }),
  };
}

function signal(p: PalabreProcess, sig: NodeJS.Signals): void {
  p.child!.proc.kill(sig);
}

describe.runIf(!missing)('probe 13: how machines fail (SPEC §7)', () => {
  let run: Run | null = null;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async (ctx) => {
    for (const c of cleanups.splice(0)) await c();
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  const start = async (opts: Partial<RunOptions> = {}) => (run = await startRun({ users: USERS, ...opts, env: { TELEGRAM_THROTTLE: '0', ...opts.env } }));

  // 1. A zombie: a process frozen (SIGSTOP) while it holds deliveries, taken for dead, its streams taken over; it comes
  // back (SIGCONT) 12 s later with the items it had read. It must not send them again after what the others sent.
  byHand('a process frozen 12 s while it holds deliveries comes back without sending them again out of order', { timeout: 180_000 }, async () => {
    const r = await start();
    r.standin.slow(150);
    const victim = r.procs[0]!;
    let heldAtFreeze = 0;
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_100, timeoutMs: 120_000 });
    await until('process 0 holding deliveries', async () => (heldAtFreeze = await deliveriesHeldBy(r, victim.child!.proc.pid!)) > 0, 30_000, 30);
    signal(victim, 'SIGSTOP');
    await sleep(12_000);
    signal(victim, 'SIGCONT');
    const delivered = await burst;
    await settle(r, delivered, 60_000, 6_000);
    const v = await verdict(r, delivered);
    console.log(`[probe13] zombie held ${heldAtFreeze} at the freeze`);
    expectHeld('zombie', v, r, v.redelivered);
  });

  // 1b. The zombie again, its held items waiting out a back-off (Telegram refuses that seller's messages with 500) as it
  // freezes. The others take its streams and, the refusals over, deliver that seller's comments in order. When it comes
  // back, its back-off timers are long due: it must not send a comment the others already sent after later ones.
  byHand('a process frozen while its relays wait out a back-off does not send them again after later ones', { timeout: 180_000 }, async () => {
    const r = await start({ users: 8 });
    const limited = r.seeded.buyers[0]!.sellerTelegramId;
    r.standin.refuse((chat) => (chat === limited ? { code: 500 } : null));
    const burst = drive(r, { perBuyer: 4, gapMs: 200, firstUpdateId: 13_150, timeoutMs: 120_000 });
    let victim = r.procs[0]!;
    await until('a process holding the refused relays', async () => {
      for (const p of r.procs) {
        if ((await deliveriesHeldBy(r, p.child!.proc.pid!)) >= 2) {
          victim = p;
          return true;
        }
      }
      return false;
    }, 30_000, 50);
    signal(victim, 'SIGSTOP');
    await sleep(500);
    r.standin.refuse(() => null);
    await sleep(8_000);
    signal(victim, 'SIGCONT');
    const delivered = await burst;
    await settle(r, delivered, 60_000, 5_000);
    const v = await verdict(r, delivered);
    expectHeld('zombie in back-off', v, r, v.redelivered);
  });

  // 2. Redis paused (CLIENT PAUSE 5000 ALL) mid-burst, and again when the first reminder comes due; then Telegram
  // delivers every update once more (its acknowledgement lost): nothing is handled or relayed again, no process is
  // taken for dead (no repeat at all), each reminder fires once.
  byHand('Redis paused 5 s mid-burst and at a reminder: no repeat, reminders once, a late redelivery of everything ignored', { timeout: 180_000 }, async () => {
    const r = await start({ env: { POLICY_SELLER_REMINDERS: 'PT35S,PT42S' } });
    const admin = r.redis.connect();
    cleanups.push(() => void admin.disconnect());
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_200, timeoutMs: 120_000 });
    await sleep(1_500);
    await admin.call('CLIENT', 'PAUSE', '5000', 'ALL');
    const delivered = await burst;
    await sleep(Math.max(0, r.openedAt + 34_500 - Date.now()));
    await admin.call('CLIENT', 'PAUSE', '5000', 'ALL');
    await sleep(Math.max(0, r.openedAt + 52_000 - Date.now()));
    await settle(r, delivered);
    const before = r.sent.length;
    // Telegram delivers again, each buyer's updates in turn, to any process, until a 2xx.
    const statuses: number[] = [];
    await Promise.all(
      r.seeded.buyers.map(async (b, i) => {
        for (const d of delivered.filter((x) => x.planned.buyer === i)) {
          let status = 0;
          for (let k = 0; k < 6 && status !== 200; k++) {
            if (k) await sleep(1_000);
            status = await postUpdate(r.procs[(d.planned.updateId + k) % 3]!, commentUpdate(d.planned.updateId, b));
          }
          statuses.push(status);
        }
      }),
    );
    await sleep(3_000);
    const v = await verdict(r, delivered);
    expectHeld('redis paused', v, r, 0);
    expect(statuses.filter((s) => s !== 200), 'a redelivered update is acknowledged').toEqual([]);
    expect(r.sent.slice(before).filter((s) => TAG.test(s.text)).map((s) => s.text), 'nothing relayed again').toEqual([]);
    expect(v.remindersPerCase, 'each reminder once in the timeline').toEqual(r.seeded.buyers.map(() => [1, 1]));
    expect(v.reminderMessages, 'each reminder once at its seller').toEqual(r.seeded.buyers.map(() => 2));
  });

  // 3. One seller's chat rate-limited (429, retry_after 3) and another's answered 8 s late, for 10 s: the other sellers'
  // relays do not wait, the stuck ones show on /metrics, and all arrive once, in order.
  byHand('one chat rate-limited and one slow: the other chats do not wait, the stuck ones show on /metrics', { timeout: 180_000 }, async () => {
    const r = await start();
    const sellers = [...new Set(r.seeded.buyers.map((b) => b.sellerTelegramId))];
    const [limited, slowChat] = sellers as [number, number];
    let faultFrom = 0;
    let faultTo = 0;
    let refused = 0;
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_300, timeoutMs: 120_000 });
    await sleep(1_000);
    faultFrom = Date.now();
    r.standin.refuse((chat) => (chat === limited ? (refused++, { code: 429, retryAfter: 3 }) : null));
    r.standin.slow((chat) => (chat === slowChat ? 8_000 : 0));
    let stuckSeen = 0;
    while (Date.now() < faultFrom + 10_000) {
      stuckSeen = Math.max(stuckSeen, await metricMax(r, 'palabre_notifications_retrying'));
      await sleep(500);
    }
    r.standin.refuse(() => null);
    r.standin.slow(0);
    faultTo = Date.now();
    const delivered = await burst;
    await settle(r, delivered);
    const v = await verdict(r, delivered);
    const arrivals = relayArrivals(r, delivered);
    const sellerOf = (d: Delivered) => r.seeded.buyers[d.planned.buyer]!.sellerTelegramId;
    const others = delivered.filter((d) => d.ackedAt! >= faultFrom && d.ackedAt! <= faultTo && sellerOf(d) !== limited && sellerOf(d) !== slowChat);
    const lags = others.map((d) => (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - d.ackedAt!);
    const failed = await metricSum(r, 'palabre_notifications_total', 'outcome="failed"');
    const deaths = membersTakenForDead(r);
    console.log(`[probe13] one chat limited: ${refused} refusals, stuck seen on /metrics ${stuckSeen} (retrying), ${failed} failures counted, other chats' worst lag ${Math.max(...lags)} ms over ${lags.length}, members taken for dead (a loaded machine) ${deaths}`);
    expectHeld('one chat limited', v, r, deaths > 0 ? v.redelivered : 0);
    expect(refused).toBeGreaterThan(0);
    // A stalled machine holds every chat up alike: the bar stands only where no process was taken for dead.
    if (deaths === 0) expect(Math.max(...lags), 'other chats are not held up by one rate-limited or slow chat').toBeLessThan(3_000);
    // Visible on /metrics: a 429 is first waited out inside the send (grammY's auto-retry, 3 tries of up to 30 s), then
    // counted as failed and kept among the retrying.
    expect(stuckSeen + failed, 'a rate-limited notification shows on /metrics').toBeGreaterThan(0);
  });

  // 4. Telegram answering 500, then a proxy's 502 with an HTML page, to every send for 6 s: retried with back-off,
  // none a dead letter, each once, in order; the failures counted.
  byHand('500 then 502 (HTML) for 6 s: every relay retried and delivered once, none dead', { timeout: 180_000 }, async () => {
    const r = await start();
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_400, timeoutMs: 120_000 });
    await sleep(1_000);
    let refused = 0;
    r.standin.refuse(() => (refused++, { code: 500 }));
    await sleep(3_000);
    r.standin.refuse(() => (refused++, { code: 502 }));
    await sleep(3_000);
    r.standin.refuse(() => null);
    const delivered = await burst;
    await settle(r, delivered, 90_000);
    const v = await verdict(r, delivered);
    const failed = await metricSum(r, 'palabre_notifications_total', 'outcome="failed"');
    console.log(`[probe13] 5xx: ${refused} refusals`);
    expectHeld('5xx', v, r, membersTakenForDead(r) > 0 ? v.redelivered : 0);
    expect(refused).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });

  // 5. The connection cut after Telegram took the message (no answer): sent again, so at most one repeat per cut, in
  // order, and nothing lost.
  byHand('the connection cut after the message was taken: at most one repeat per cut, in order', { timeout: 180_000 }, async () => {
    const r = await start();
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_500, timeoutMs: 120_000 });
    await sleep(1_000);
    // Sellers' chats only: a relay is a notification, retried by the delivery queue (a turn's own reply is not).
    const sellers = new Set(r.seeded.buyers.map((b) => b.sellerTelegramId));
    let cuts = 0;
    let n = 0;
    r.standin.cut((chat) => (sellers.has(chat) && ++n % 4 === 0 ? (cuts++, true) : false));
    await sleep(6_000);
    r.standin.cut(() => false);
    const delivered = await burst;
    await settle(r, delivered, 90_000);
    const v = await verdict(r, delivered);
    const failed = await metricSum(r, 'palabre_notifications_total', 'outcome="failed"');
    console.log(`[probe13] cut: ${cuts} connections cut, ${failed} failures counted`);
    expect(cuts).toBeGreaterThan(0);
    expectHeld('cut', v, r, cuts + (membersTakenForDead(r) > 0 ? v.redelivered : 0));
    expect(failed, 'each cut counted as a failed try (a possible repeat)').toBeGreaterThanOrEqual(cuts);
  });

  // 6. A rolling restart during a burst: SIGTERM each process in turn, restarted before the next. Nothing lost,
  // repeated or out of order; every stop clean.
  byHand('a rolling restart during a burst: nothing lost, repeated or out of order', { timeout: 240_000 }, async () => {
    const r = await start();
    // Telegram answers each message 300 ms after taking it: a stop always finds some on their way.
    r.standin.slow(300);
    const burst = drive(r, { perBuyer: 10, gapMs: 400, firstUpdateId: 13_600, timeoutMs: 180_000 });
    const exits: Array<number | null> = [];
    await sleep(1_000);
    for (const p of r.procs) {
      const proc = p.child!.proc;
      await p.stop();
      exits.push(proc.exitCode);
      await p.start();
      await sleep(500);
    }
    const delivered = await burst;
    await settle(r, delivered);
    const v = await verdict(r, delivered);
    console.log(`[probe13] rolling restart exits ${JSON.stringify(exits)}`);
    expectHeld('rolling restart', v, r, membersTakenForDead(r) > 0 ? v.redelivered : 0);
    expect(exits).toEqual([0, 0, 0]);
  });

  // 6b. The rolling restart's defect on its own, kept in CI: one SIGTERM while the process's messages are on their way
  // (Telegram takes each at once and answers 1.5 s later, until the stop). Let go at once, they were sent again by the
  // next owner.
  it('a SIGTERM while messages are on their way to Telegram: none sent twice', { timeout: 120_000 }, async () => {
    const r = await start({ users: 8 });
    r.standin.slow(1_500);
    const burst = drive(r, { perBuyer: 4, gapMs: 200, firstUpdateId: 13_700, timeoutMs: 90_000 });
    let victim = r.procs[0]!;
    let held = 0;
    await until('a process holding deliveries', async () => {
      for (const p of r.procs) {
        held = await deliveriesHeldBy(r, p.child!.proc.pid!);
        if (held >= 2) {
          victim = p;
          return true;
        }
      }
      return false;
    }, 30_000, 30);
    const proc = victim.child!.proc;
    const stopping = victim.stop();
    // What is on its way at the stop is answered 1.5 s late; what follows at once.
    r.standin.slow(0);
    await stopping;
    const delivered = await burst;
    await settle(r, delivered, 60_000, 2_000);
    const v = await verdict(r, delivered);
    const deaths = membersTakenForDead(r);
    console.log(`[probe13] sigterm in flight: held ${held}, exit ${proc.exitCode}, members taken for dead (a loaded machine) ${deaths}`);
    expectHeld('sigterm in flight', v, r, deaths > 0 ? v.redelivered : 0);
    expect(proc.exitCode).toBe(0);
  });

  // 7. Reminders that come due while every process is down fire once each, soon after the restart.
  byHand('reminders due while every process is down fire once each after the restart', { timeout: 180_000 }, async () => {
    const r = await start({ env: { POLICY_SELLER_REMINDERS: 'PT40S,PT42S' } });
    await Promise.all(r.procs.map((p) => p.stop()));
    await sleep(Math.max(0, r.openedAt + 47_000 - Date.now()));
    const restartedAt = Date.now();
    await Promise.all(r.procs.map((p) => p.start()));
    const upAt = Date.now();
    const sellers = new Set(r.seeded.buyers.map((b) => b.sellerTelegramId));
    const reminders = () => r.sent.filter((s) => sellers.has(s.chatId) && /^Rappel/.test(s.text));
    await until('both reminders of every case', () => reminders().length >= 2 * USERS, 30_000, 200).catch(() => undefined);
    await sleep(4_000);
    const v = await verdict(r, []);
    const times = reminders().map((s) => s.at - upAt);
    const last = Math.max(...times);
    console.log(`[probe13] reminders after restart: ${reminders().length} messages; processes up ${upAt - restartedAt} ms after the restart began; reminders ${Math.min(...times)}–${last} ms after they were up`);
    expectHeld('reminders while down', v, r, 0);
    expect(v.remindersPerCase).toEqual(r.seeded.buyers.map(() => [1, 1]));
    expect(v.reminderMessages).toEqual(r.seeded.buyers.map(() => 2));
    expect(last, 'reminders that came due while every process was down fire soon after the restart').toBeLessThan(10_000);
  });

  // 8. One process cut off from Redis (a partition: its connections carry nothing for 8 s, no reset) while it holds
  // deliveries; Telegram stays reachable. Its streams are taken over; it must not send what it held after the others.
  byHand('a process cut off from Redis 8 s while it holds deliveries: no repeat out of order', { timeout: 180_000 }, async () => {
    const redisPort = await freePort();
    let proxy: Awaited<ReturnType<typeof redisProxy>> | null = null;
    proxy = await redisProxy(redisPort);
    cleanups.push(() => proxy?.close());
    const r = await start({ redisPort, envFor: (i): Record<string, string> => (i === 0 ? { REDIS_URL: `redis://127.0.0.1:${proxy!.port}` } : {}) });
    r.standin.slow(150);
    const victim = r.procs[0]!;
    let heldAtCut = 0;
    const burst = drive(r, { perBuyer: 8, gapMs: 500, firstUpdateId: 13_800, timeoutMs: 120_000 });
    await until('process 0 holding deliveries', async () => (heldAtCut = await deliveriesHeldBy(r, victim.child!.proc.pid!)) > 0, 30_000, 30);
    proxy.cut();
    await sleep(8_000);
    proxy.heal();
    const delivered = await burst;
    await settle(r, delivered, 60_000, 6_000);
    const v = await verdict(r, delivered);
    console.log(`[probe13] partition: process 0 held ${heldAtCut} at the cut`);
    expectHeld('partition', v, r, v.redelivered);
  });

  // 9. A process killed while one chat's relays wait for their retry (500 for that chat): the survivor that takes the
  // stream sends them after the back-off, once, in order; none becomes a dead letter.
  byHand('a process killed while a chat waits out its back-off: the waiting relays are taken over, once, in order', { timeout: 180_000 }, async () => {
    const r = await start();
    const limited = r.seeded.buyers[0]!.sellerTelegramId;
    r.standin.refuse((chat) => (chat === limited ? { code: 500 } : null));
    const burst = drive(r, { perBuyer: 6, gapMs: 300, firstUpdateId: 13_900, timeoutMs: 120_000 });
    await sleep(3_000);
    const held = await Promise.all(r.procs.map(async (p) => deliveriesHeldBy(r, p.child!.proc.pid!)));
    const victim = r.procs[held.indexOf(Math.max(...held))]!;
    await victim.kill();
    await sleep(500);
    await victim.start();
    await sleep(3_000);
    r.standin.refuse(() => null);
    const delivered = await burst;
    await settle(r, delivered, 90_000);
    const v = await verdict(r, delivered);
    console.log(`[probe13] kill during back-off: held ${JSON.stringify(held)}`);
    expectHeld('kill during back-off', v, r, v.redelivered);
  });
});

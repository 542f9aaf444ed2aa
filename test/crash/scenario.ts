import { expect } from 'vitest';
import { check, drive, logs, readHistory, relayArrivals, sleep, startRun, waitRelayed, type Run } from './harness.js';

/** Seller reminders 15 and 25 seconds after the cases open: they come due while the scenario runs. */
// Telegram's pacing (about one message a second per chat) is off, as in the bench: 240 relays to a few seller chats
// would take minutes, and what is under test here is that nothing is lost, not the pacing (tested in the throttle tests).
const POLICY = { POLICY_SELLER_REMINDERS: 'PT15S,PT25S', TELEGRAM_THROTTLE: '0' };
const LAST_REMINDER_MS = 25_000;

/** What to break, once the given share of the updates is acknowledged. */
export type Fault = { at: number; kill: 'process' } | { at: number; kill: 'redis' };

/**
 * One crash run: 30 buyers write 8 comments each (a third delivered twice, to two processes), the faults strike
 * mid-burst, then the checker compares what was acknowledged with Redis and the stand-in.
 */
export async function crashScenario(opts: { cluster?: boolean; faults: Fault[]; track: (r: Run) => void }): Promise<void> {
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[crash${opts.cluster ? ' cluster' : ''}] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const r = await startRun({ users: 30, env: POLICY, ...(opts.cluster ? { cluster: true } : {}) });
  opts.track(r);
  mark('3 processes up');
  const pending = [...opts.faults].sort((a, b) => a.at - b.at);
  const struck: Promise<void>[] = [];
  const killedAt: Record<string, number> = {};
  const strike = async (f: Fault) => {
    killedAt[f.kill] = Date.now();
    if (f.kill === 'process') {
      mark('SIGKILL process 0');
      await r.procs[0]!.kill();
      await sleep(500);
      await r.procs[0]!.start();
      mark('process 0 restarted');
    } else {
      mark('SIGKILL redis');
      await r.redis.servers[0]!.kill();
      await sleep(1000);
      await r.redis.servers[0]!.start();
      mark('redis restarted from its append-only file');
    }
  };
  const burstFrom = Date.now();
  const delivered = await drive(r, {
    perBuyer: 8,
    firstUpdateId: 1000,
    timeoutMs: 90_000,
    onProgress: (acked, total) => {
      while (pending[0] && acked >= total * pending[0].at) struck.push(strike(pending.shift()!));
    },
  });
  mark(`${delivered.length} updates acknowledged`);
  await Promise.all(struck);
  await waitRelayed(r, delivered, 60_000);
  mark('relays arrived');
  // The figures of a run, for comparing runs on a loaded machine: how long the burst took to be acknowledged, the
  // slowest relay after its acknowledgement, and the last relay of a comment acknowledged before each kill.
  const arrivals = relayArrivals(r, delivered);
  const firstArrival = (d: (typeof delivered)[number]) => arrivals.get(d.planned.updateId)?.[0] ?? Infinity;
  const ackedAll = Math.max(...delivered.map((d) => d.ackedAt ?? Infinity));
  const lag = (d: (typeof delivered)[number]) => firstArrival(d) - d.ackedAt!;
  const worst = delivered.filter((d) => d.acknowledged).sort((a, b) => lag(b) - lag(a))[0]!;
  const slowest = `${lag(worst)} ms after its acknowledgement (update ${worst.planned.updateId}, acknowledged at ${((worst.ackedAt! - t0) / 1000).toFixed(1)} s)`;
  const afterKill = Object.entries(killedAt).map(([what, at]) => `${what} ${Math.max(0, ...delivered.filter((d) => d.acknowledged && d.ackedAt! <= at).map((d) => firstArrival(d) - at))} ms`);
  console.log(`[crash${opts.cluster ? ' cluster' : ''}] figures: burst acknowledged in ${((ackedAll - burstFrom) / 1000).toFixed(1)} s; slowest relay ${slowest}; last relay acknowledged before each kill, after it: ${afterKill.join(', ')}`);
  await sleep(Math.max(0, r.openedAt + LAST_REMINDER_MS + 5_000 - Date.now()));
  const f = check(r, delivered, await readHistory(r));
  mark('checked');
  const why = `${JSON.stringify({ ...f, remindersPerCase: undefined })}\n${logs(r)}`;
  // Every update was acknowledged in the end (the driver delivers until a 2xx, as Telegram does).
  expect(delivered.filter((d) => !d.acknowledged).map((d) => d.planned.updateId), why).toEqual([]);
  // In exactly one timeline, once.
  expect(f.lost, why).toEqual([]);
  expect(f.handledTwice, why).toEqual([]);
  // Relayed to the seller; a relay in flight at a crash may arrive twice.
  expect(f.notRelayed, why).toEqual([]);
  expect(f.relayedTwice.length, why).toBeLessThanOrEqual(10);
  expect(f.outOfOrder, why).toEqual([]);
  // Both reminders of every case fired once, and each reached the seller.
  expect(f.remindersPerCase, why).toEqual(r.seeded.buyers.map(() => [1, 1]));
  expect(f.reminderMessages.filter((n) => n < 2), why).toEqual([]);
  // The faults did strike: some deliveries were refused or cut, and delivered again.
  expect(delivered.some((d) => d.statuses.some((s) => s === 0 || s >= 500)), why).toBe(true);
}

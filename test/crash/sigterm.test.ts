import { afterEach, describe, expect, it } from 'vitest';
import { check, deliveriesHeldBy, deliveryBacklog, drive, logs, readHistory, outcomeOf, redisToolsMissing, relayArrivals, sleep, startRun, waitRelayed, type PalabreProcess, type Run } from './harness.js';

const missing = redisToolsMissing();
if (missing) console.warn(`crash test skipped: ${missing}`);

/**
 * SIGTERM during a burst, as an orchestrator stops a process for a deploy: the process holds deliveries (Telegram
 * answers each message 100 ms late) and webhook turns are under way. It exits on its own, with status 0, within its
 * shutdown timeout; what it held goes to the others, and no relay is lost, repeated beyond what a fault allows, or
 * out of order; nothing is left behind in Redis.
 */
/** Live claims (update or user) a process left in the once-only marks: `<expiry>:<pid>.<random>` values (src/infra/dedup.ts). */
async function liveClaimsOf(redis: ReturnType<Run['redis']['connect']>, prefix: string, pid: number): Promise<number> {
  const [[, time]] = (await redis.multi().time().exec()) as [[null, [string, string]]];
  const now = Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000);
  let live = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}dedup:h:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      for (const value of Object.values(await redis.hgetall(key))) {
        const [until, owner] = value.split(':');
        if (owner?.startsWith(`${pid}.`) && Number(until) > now) live++;
      }
    }
  } while (cursor !== '0');
  return live;
}

describe.runIf(!missing)('a process stopped with SIGTERM in the middle of a burst', () => {
  let run: Run | null = null;
  afterEach(async (ctx) => {
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  it('exits by itself within seconds and hands back its deliveries: none lost, none out of order', { timeout: 150_000 }, async () => {
    const r = (run = await startRun({ users: 30, env: { TELEGRAM_THROTTLE: '0' } }));
    r.standin.slow(100);
    let victim: PalabreProcess = r.procs[0]!;
    let held = 0;
    let stoppedAt = 0;
    let exit: { code: number | null; afterMs: number } | null = null;
    let leftAtExit: boolean | null = null;
    let claimsAtExit: number | null = null;
    let wasMember: boolean | null = null;
    let stop: Promise<void> | null = null;
    const delivered = await drive(r, {
      perBuyer: 6,
      firstUpdateId: 11000,
      timeoutMs: 90_000,
      onProgress: (acked, total) => {
        if (stop || acked < total * 0.3) return;
        stop = (async () => {
          for (let i = 0; i < 300 && held === 0; i++) {
            for (const p of r.procs) {
              held = await deliveriesHeldBy(r, p.child!.proc.pid!);
              if (held > 0) {
                victim = p;
                break;
              }
            }
          }
          const proc = victim.child!.proc;
          const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
          const members = r.redis.connect();
          try {
            wasMember = (await members.hkeys(`${r.seeded.prefix}{dlv}:members:telegram`)).some((m) => m.includes(`-${proc.pid}-`));
          } finally {
            members.disconnect();
          }
          stoppedAt = Date.now();
          victim.alive = false;
          proc.kill('SIGTERM');
          const code = await Promise.race([exited, sleep(20_000).then(() => 'hung' as const)]);
          exit = { code: code === 'hung' ? -1 : code, afterMs: Date.now() - stoppedAt };
          // It left the delivery members before exiting: the others take its streams at their next beat, not once
          // its membership lapses as after a kill.
          const redis = r.redis.connect();
          try {
            leftAtExit = !(await redis.hkeys(`${r.seeded.prefix}{dlv}:members:telegram`)).some((m) => m.includes(`-${proc.pid}-`));
            claimsAtExit = await liveClaimsOf(redis, r.seeded.prefix, proc.pid!);
          } finally {
            redis.disconnect();
          }
        })();
      },
    });
    await stop;
    await waitRelayed(r, delivered, 30_000);
    await sleep(1_000);
    const backlog = await deliveryBacklog(r);
    const f = check(r, delivered, await readHistory(r));
    const arrivals = relayArrivals(r, delivered);
    const why = `held ${held}, exit ${JSON.stringify(exit)}, backlog ${JSON.stringify(backlog)}, ${JSON.stringify({ ...f, remindersPerCase: undefined })}\n${logs(r, 30)}`;
    const pendingAtStop = delivered.filter((d) => d.acknowledged && d.ackedAt! <= stoppedAt);
    const worst = Math.max(...pendingAtStop.map((d) => (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - stoppedAt));
    console.log(`[sigterm] held ${held} at SIGTERM; exited ${JSON.stringify(exit)} with ${claimsAtExit} live claims left; ${pendingAtStop.length} comments acknowledged before it, the last at its seller ${worst} ms after it; ${f.relayedTwice.length} relayed twice`);

    expect(held, why).toBeGreaterThan(0);
    // Gone by itself, cleanly: a shutdown that outlasts SHUTDOWN_TIMEOUT_MS (8 s) exits with status 1.
    expect(exit, why).toMatchObject({ code: 0 });
    expect(delivered.filter((d) => !d.acknowledged), why).toEqual([]);
    expect(f.lost, why).toEqual([]);
    expect(f.handledTwice, why).toEqual([]);
    expect(f.notRelayed, why).toEqual([]);
    expect(f.outOfOrder, why).toEqual([]);
    expect([...arrivals.values()].filter((times) => times.length > 2), why).toEqual([]);
    // Handed back as it left: it was no longer a member when it exited, and what it held reached the sellers: its streams
    // are taken 0.6 s after the others see it gone, those that move between the survivors once their previous owner has
    // beaten twice since, then the survivors drain a burst through a Telegram that answers 100 ms late (1.4–1.9 s after
    // the exit in 9 runs of 10 at a load average of 3–7, 3.5 s in one; 6.7–9.1 s in half the runs when entries handed to a member that lost the
    // stream again waited for the 5 s idle check). The bar leaves room for a loaded two-core machine.
    expect(wasMember, why).toBe(true);
    expect(leftAtExit, why).toBe(true);
    // Its updates' and its users' claims were released as its turns ended: none is left to lapse.
    expect(claimsAtExit, why).toBe(0);
    expect(worst - exit!.afterMs, why).toBeLessThan(6_000);
    expect(backlog, why).toEqual({ streamEntries: 0, pending: 0, retrying: 0, dead: 0, outboxes: 0 });
  });
});

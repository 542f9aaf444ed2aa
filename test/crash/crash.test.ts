import { afterEach, describe, expect, it } from 'vitest';
import { check, drive, logs, readHistory, redisToolsMissing, sleep, startRun, waitRelayed, type Run } from './harness.js';

/** Seller reminders 20 and 30 seconds after opening: they come due while the scenario runs. */
const POLICY = { POLICY_SELLER_REMINDERS: 'PT20S,PT30S' };

const missing = redisToolsMissing();
if (missing) console.warn(`crash tests not run: ${missing}`);

describe.runIf(!missing)('crash runs: three processes, webhook deliveries, a process or Redis killed mid-burst', () => {
  let run: Run | null = null;
  afterEach(async () => {
    await run?.close();
    run = null;
  });

  it('loses nothing acknowledged when one process is SIGKILLed mid-burst and restarted', { timeout: 120_000 }, async () => {
    run = await startRun({ users: 30, env: POLICY });
    const r = run;
    let killed: Promise<void> | null = null;
    const delivered = await drive(r, {
      perBuyer: 10,
      firstUpdateId: 1000,
      timeoutMs: 60_000,
      onProgress: (acked, total) => {
        if (killed || acked < total * 0.35) return;
        killed = (async () => {
          await r.procs[0]!.kill();
          await sleep(500);
          await r.procs[0]!.start();
        })();
      },
    });
    await killed;
    await waitRelayed(r, delivered, 30_000);
    // Both reminders come due 20 and 30 s after the cases opened.
    await sleep(Math.max(0, r.openedAt + 34_000 - Date.now()));
    const f = check(r, delivered, await readHistory(r));
    const why = logs(r);
    expect(delivered.filter((d) => !d.acknowledged), why).toEqual([]);
    expect(f.lost, why).toEqual([]);
    expect(f.handledTwice, why).toEqual([]);
    expect(f.notRelayed, why).toEqual([]);
    expect(f.relayedTwice.length, why).toBeLessThanOrEqual(5);
    expect(f.outOfOrder, why).toEqual([]);
    expect(f.remindersPerCase, why).toEqual(r.seeded.buyers.map(() => [1, 1]));
    expect(f.reminderMessages.every((n) => n === 2), why).toBe(true);
    // The kill happened: some deliveries were refused or cut and delivered again.
    expect(delivered.some((d) => d.statuses.some((s) => s === 0 || s === 503))).toBe(true);
  });
});

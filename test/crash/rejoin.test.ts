import { afterEach, describe, expect, it } from 'vitest';
import { check, drive, logs, readHistory, outcomeOf, redisToolsMissing, relayArrivals, sleep, startRun, streamsHeldBy, waitRelayed, type PalabreProcess, type Run } from './harness.js';

const missing = redisToolsMissing();
if (missing) console.warn(`crash test skipped: ${missing}`);

/**
 * Two kills in quick succession: a process killed while it holds deliveries, then its restart (a new member name)
 * joining and killed again before it was up for long. The restart is played in Redis (a member that beats six times,
 * 300 ms apart, from 1 s after the kill, then stops), so that it joins and dies at the same moments on any machine: a
 * real process's boot takes 2 to 20 s here. Its name ranks it as the owner, once the dead process is removed, of a
 * stream holding the dead process's deliveries. A member still joining must not hold up the takeover of those: every
 * relay of a comment acknowledged before the kill reaches its seller within 5 s of the kill, as after a single kill.
 */
describe.runIf(!missing)('a process killed while it holds deliveries, whose restart joins and is killed again', () => {
  let run: Run | null = null;
  afterEach(async (ctx) => {
    await run?.close(outcomeOf(ctx));
    run = null;
  });

  it('hands its relays to the survivors within 5 s of the kill: the restart that died does not hold them up', { timeout: 150_000 }, async () => {
    const r = (run = await startRun({ users: 30, env: { TELEGRAM_THROTTLE: '0' } }));
    r.standin.slow(20);
    const membersKey = `${r.seeded.prefix}{dlv}:members:telegram`;
    let victim: PalabreProcess = r.procs[0]!;
    let heldStreams = new Map<number, number>();
    let killedAt = 0;
    let rejoin: { name: string; stream: number; beats: number } | null = null;
    let fault: Promise<void> | null = null;
    const delivered = await drive(r, {
      perBuyer: 6,
      firstUpdateId: 9000,
      timeoutMs: 90_000,
      onProgress: (acked, total) => {
        if (fault || acked < total * 0.3) return;
        fault = (async () => {
          for (let i = 0; i < 300 && heldStreams.size === 0; i++) {
            for (const p of r.procs) {
              heldStreams = await streamsHeldBy(r, p.child!.proc.pid!);
              if (heldStreams.size > 0) {
                victim = p;
                break;
              }
            }
          }
          killedAt = Date.now();
          await victim.kill();
          // The restart's name: ranked among the survivors so that it owns, in a view without the victim, one of the
          // streams the victim held entries of (stream n belongs to member n mod members, ranked by name).
          const redis = r.redis.connect();
          try {
            const survivors = (await redis.hkeys(membersKey)).filter((m) => !m.includes(`-${victim.child!.proc.pid}-`)).sort();
            const stream = [...heldStreams.keys()][0]!;
            const rank = stream % (survivors.length + 1);
            const name = rank === 0 ? `${survivors[0]!.slice(0, -1)}!` : `${survivors[rank - 1]}~`;
            rejoin = { name, stream, beats: 0 };
            await sleep(killedAt + 1_000 - Date.now());
            for (let beat = 1; beat <= 6; beat++) {
              await redis.hset(membersKey, name, String(beat));
              rejoin.beats = beat;
              await sleep(300);
            }
          } finally {
            redis.disconnect();
          }
        })();
      },
    });
    await fault;
    await waitRelayed(r, delivered, 30_000);
    const f = check(r, delivered, await readHistory(r));
    const arrivals = relayArrivals(r, delivered);
    const pendingAtKill = delivered.filter((d) => d.acknowledged && d.ackedAt! <= killedAt);
    const afterKill = pendingAtKill.map((d) => ({ update: d.planned.updateId, afterKillMs: (arrivals.get(d.planned.updateId)?.[0] ?? Infinity) - killedAt }));
    const worst = Math.max(...afterKill.map((x) => x.afterKillMs));
    // 5 s of a machine that runs its processes: seconds in which it ran none (measured apart, see watchStalls) are added.
    const stalled = r.stalls.stalledMs(killedAt - 1_000, killedAt + Math.min(worst, 30_000));
    const bound = 5_000 + stalled;
    const why = `last relay ${worst} ms after the kill (bound ${bound} ms: 5 s + ${stalled} ms the machine stalled), held ${JSON.stringify([...heldStreams])}, rejoin ${JSON.stringify(rejoin)}, ${JSON.stringify({ ...f, remindersPerCase: undefined })}\n${logs(r, 40)}`;
    console.log(`[rejoin] held ${JSON.stringify([...heldStreams])} at the kill; restart ${JSON.stringify(rejoin)}; ${pendingAtKill.length} comments acknowledged before the kill, the last at its seller ${worst} ms after it (machine stalled ${stalled} ms then); ${f.relayedTwice.length} relayed twice`);
    expect(heldStreams.size, why).toBeGreaterThan(0);
    expect(rejoin, why).toMatchObject({ beats: 6 });
    expect(f.lost, why).toEqual([]);
    expect(f.notRelayed, why).toEqual([]);
    expect(f.outOfOrder, why).toEqual([]);
    expect([...arrivals.values()].filter((times) => times.length > 2), why).toEqual([]);
    expect(afterKill.filter((x) => x.afterKillMs > bound), why).toEqual([]);
  });
});

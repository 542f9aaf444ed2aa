import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisDeliveryQueue, partitionOf } from '../../src/infra/redis-delivery-queue.js';
import type { DeliveryHandler, DeliveryItem, DeliveryQueue } from '../../src/ports/outbox.js';
import { item, keys, scriptsThrough, startedQueues, TARGET, tookSome, until } from '../support/delivery.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../support/redis.js';
import { startStandalone } from '../crash/harness.js';

// The Redis delivery streams shared by several processes: membership and its heartbeats, streams passed on as members
// join and leave, entries taken over from a dead member, reads whose answer was lost. The contract every queue keeps
// (memory and Redis alike) is in delivery-queue.test.ts.
let r: TestRedis;
beforeAll(async () => {
  r = await testRedis();
});
afterAll(() => r.cleanup());

const { started, consume } = startedQueues();

describe('Redis delivery streams across processes', () => {
  const fresh = () => `${r.prefix}${randomBytes(3).toString('hex')}:`;
  /** A handler as the outbox worker's: a taken-over item already delivered is not sent again. */
  const worker = (queue: DeliveryQueue, sent: DeliveryItem[], name: string): DeliveryHandler => async (it) => {
    if (it.redelivered && (await queue.wasDelivered(it.key))) {
      await queue.done(it, true);
      return null;
    }
    sent.push({ ...structuredClone(it), lastError: name });
    await new Promise((res) => setTimeout(res, Math.random() * 3));
    await queue.done(it, true);
    return null;
  };
  const start = async (queue: DeliveryQueue, sent: DeliveryItem[], name: string) => {
    started.push(queue);
    await queue.start(worker(queue, sent, name), ['teams']);
  };
  const targets = Array.from({ length: 24 }, (_, i) => `teams|29:user-${i}`);
  const inOrder = (sent: DeliveryItem[]) =>
    targets.every((t) => {
      const ns = sent.filter((i) => i.target === t).map((i) => Number(i.notification.id.split('-')[1]));
      return ns.every((n, i) => i === 0 || n > ns[i - 1]!);
    });

  it('a Redis paused longer than a member lives (each beat held until it answers) takes nobody for dead', { timeout: 30_000 }, async () => {
    // A private Redis: pausing it must not hold up other tests.
    const root = mkdtempSync(join(tmpdir(), 'palabre-pause-'));
    const own = await startStandalone(root);
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const conns = [new Redis(own.url), new Redis(own.url), new Redis(own.url)];
    const [a, b, admin] = conns as [Redis, Redis, Redis];
    try {
      const opts = { heartbeatMs: 100, memberTtlMs: 500, logger };
      const first = createRedisDeliveryQueue(a, 'pause:', { ...opts, consumerName: 'first' });
      const second = createRedisDeliveryQueue(b, 'pause:', { ...opts, consumerName: 'second' });
      await consume(first, []);
      await consume(second, []);
      await until(async () => (await admin.hlen('pause:{dlv}:members:teams')) === 2);
      // Both past their first beats (a member owns streams after a member's lifetime of beats): who reads what is settled.
      await until(async () => (await admin.hvals('pause:{dlv}:members:teams')).every((token) => Number(token) >= 8));
      const fences = () => admin.mget(Array.from({ length: 8 }, (_, n) => `pause:{dlv}:own:teams:${n}`));
      await until(async () => new Set(await fences()).size === 2);
      await new Promise((res) => setTimeout(res, 500));
      const settled = await fences();
      // As while Redis restarts: commands wait, ioredis sends them once it answers; the others could not beat either.
      await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');
      // Who may read each stream never changes: nobody took the other for dead and took its streams for a beat.
      const seen: Array<Array<string | null>> = [];
      const end = Date.now() + 3000;
      while (Date.now() < end) {
        seen.push(await fences());
        await new Promise((res) => setTimeout(res, 20));
      }
      expect(seen.filter((f) => JSON.stringify(f) !== JSON.stringify(settled))).toEqual([]);
      expect(lines.filter((l) => /membership had lapsed/.test(l))).toEqual([]);
      expect((await admin.hkeys('pause:{dlv}:members:teams')).sort()).toEqual(['first', 'second']);
    } finally {
      await Promise.all(started.splice(0).map((q) => q.close()));
      for (const c of conns) c.disconnect();
      await own.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('Redis full (maxmemory, noeviction): every member still beats, nobody is taken for dead, no stream moves', { timeout: 30_000 }, async () => {
    // A private Redis: filling it must not refuse other tests' writes.
    const root = mkdtempSync(join(tmpdir(), 'palabre-oom-'));
    const own = await startStandalone(root, process.env.OOM_REDIS_PORT ? Number(process.env.OOM_REDIS_PORT) : undefined);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const conns = [0, 1, 2, 3].map(() => new Redis(own.url));
    const admin = conns[3]!;
    const members = 'oom:{dlv}:members:teams';
    const names = ['first', 'second', 'third'];
    try {
      const opts = { heartbeatMs: 100, memberTtlMs: 500, logger };
      for (const [i, name] of names.entries()) await consume(createRedisDeliveryQueue(conns[i]!, 'oom:', { ...opts, consumerName: name }), []);
      await until(async () => (await admin.hlen(members)) === 3);
      await until(async () => (await admin.hvals(members)).every((token) => Number(token) >= 8));
      const fences = () => admin.mget(Array.from({ length: 8 }, (_, n) => `oom:{dlv}:own:teams:${n}`));
      await until(async () => new Set(await fences()).size === 3);
      await new Promise((res) => setTimeout(res, 500));
      const settled = await fences();
      const seen: Array<Array<string | null>> = [];
      // Full: noeviction (what operations.md asks for), the limit a little above what is used, filled with our own keys.
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      const used = () => admin.info('memory').then((text) => Number(/used_memory:(\d+)/.exec(text)![1]));
      await admin.config('SET', 'maxmemory', String((await used()) + 256 * 1024));
      const filler = 'x'.repeat(1024);
      let n = 0;
      const fill = () => admin.set(`oom:filler:${n++}`, filler).then(() => null, (err: Error) => err.message);
      let refused: string | null = null;
      while (!refused) refused = await fill();
      expect(refused).toMatch(/^OOM/);
      // 2 s at the limit, as in use: now and then a little is freed (a delivered entry, an expired key) and taken again
      // by the next write, so some writes pass and most do not.
      let freed = 0;
      for (const end = Date.now() + 2000; Date.now() < end; ) {
        await admin.del(`oom:filler:${freed++}`);
        await fill();
        seen.push(await fences());
        await new Promise((res) => setTimeout(res, 20));
      }
      // 2 s firmly over it: every write that needs memory is refused.
      await admin.config('SET', 'maxmemory', String((await used()) - 256 * 1024));
      const before = await admin.hgetall(members);
      for (const end = Date.now() + 2000; Date.now() < end; ) {
        seen.push(await fences());
        await new Promise((res) => setTimeout(res, 20));
      }
      const after = await admin.hgetall(members);
      const probe = await admin.set('oom:probe', filler).then(() => 'accepted', (err: Error) => err.message);
      await admin.config('SET', 'maxmemory', '0');
      const why = `tokens before ${JSON.stringify(before)}, after ${JSON.stringify(after)}\n${lines.filter((l) => /DELIVERY_MEMBER_DEAD|lapsed|heartbeat failed/.test(l)).slice(0, 4).join('\n')}`;
      // Redis refused writes to the end, and each member's beats landed meanwhile (some 20 each, 8 on a loaded machine).
      expect(probe, why).toMatch(/^OOM/);
      for (const name of names) expect(Number(after[name]) - Number(before[name]), `${name}: ${why}`).toBeGreaterThanOrEqual(8);
      // Nobody was taken for dead, and who reads each stream never changed.
      expect(lines.filter((l) => /DELIVERY_MEMBER_DEAD|membership had lapsed/.test(l)), why).toEqual([]);
      expect(seen.filter((f) => JSON.stringify(f) !== JSON.stringify(settled)), why).toEqual([]);
      expect(Object.keys(after).sort(), why).toEqual(names);
    } finally {
      await Promise.all(started.splice(0).map((q) => q.close()));
      for (const c of conns) c.disconnect();
      await own.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a beat late because this process was busy (the others beat meanwhile) gives a silent member no fresh start: it is taken for dead at once', { timeout: 30_000 }, async () => {
    const prefix = fresh();
    const members = `${prefix}{dlv}:members:teams`;
    // A live member in another process, beating every 50 ms while this one's event loop is blocked.
    const other = spawn('sh', ['-c', `i=1000; while :; do i=$((i+1)); redis-cli -u ${TEST_REDIS_URL} HSET '${members}' live $i >/dev/null; sleep 0.05; done`], { stdio: 'ignore' });
    try {
      await consume(createRedisDeliveryQueue(r.connect(), prefix, { heartbeatMs: 100, memberTtlMs: 3000, consumerName: 'busy' }), []);
      await until(async () => (await r.redis.hexists(members, 'busy')) === 1 && (await r.redis.hexists(members, 'live')) === 1);
      // A member that died: seen by a few beats, its token never moves again.
      await r.redis.hset(members, 'silent', '500');
      await new Promise((res) => setTimeout(res, 300));
      const busyUntil = Date.now() + 3_500;
      while (Date.now() < busyUntil) {
        // This process's event loop is busy: its next beat lands 3.5 s late, while Redis answered the others.
      }
      const since = Date.now();
      await until(async () => (await r.redis.hexists(members, 'silent')) === 0);
      // Silent for 3.8 s: removed by the late beat itself, not a member's lifetime (3 s) after it. The bar sits midway,
      // a second and a half from each outcome, so that a loaded machine's delays do not decide it.
      expect(Date.now() - since).toBeLessThan(1_500);
      expect(await r.redis.hexists(members, 'live')).toBe(1);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a dead member\'s deliveries while every process stays busy (its beats late, Redis answering): busy members do not keep a dead one alive', { timeout: 40_000 }, async () => {
    const prefix = fresh();
    const members = `${prefix}{dlv}:members:teams`;
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    // A live member as slow as this process: on a loaded machine it beats every 2 s, so its token moves by 2 at most
    // while this process's event loop is blocked (as much as the tokens of members whose beats Redis held would move).
    const other = spawn('sh', ['-c', `i=1000; while :; do i=$((i+1)); redis-cli -u ${TEST_REDIS_URL} HSET '${members}' live $i >/dev/null; sleep 2; done`], { stdio: 'ignore' });
    try {
      // A recipient whose stream falls to this process once the dead member is gone (members ranked by name: busy, live).
      const target = targets.find((t) => partitionOf(t, 8) % 2 === 0)!;
      const stream = `${prefix}{dlv}:x:teams:${partitionOf(target, 8)}`;
      const sent: DeliveryItem[] = [];
      const queue = createRedisDeliveryQueue(r.connect(), prefix, { heartbeatMs: 100, memberTtlMs: 3000, consumerName: 'busy', logger });
      await start(queue, sent, 'busy');
      // Past its first beats (a member's lifetime and a beat): it owns streams.
      await until(async () => Number(await r.redis.hget(members, 'busy')) > 31 && (await r.redis.hexists(members, 'live')) === 1);
      // A member that died holding n1: it read it (added and read in one step, before this process's reads see it), and
      // its token never moves again.
      await r.redis
        .multi()
        .hset(members, 'silent', '500')
        .xadd(stream, '*', 'i', JSON.stringify({ ...item('n1', target), attempts: undefined }))
        .xreadgroup('GROUP', 'relay', 'silent', 'COUNT', 10, 'STREAMS', stream, '>')
        .exec();
      await new Promise((res) => setTimeout(res, 300));
      // The machine stays loaded: this process's event loop is blocked 3.5 s at a time, a member's lifetime and more,
      // with 0.6 s of work between (every beat of it leaves late, and Redis runs it at once). It lasts until n1 is sent
      // (four rounds at most), and two rounds at least: the late beats after the takeover give nobody a fresh start either.
      for (let round = 0; round < 4 && (round < 2 || keys(sent, target).length === 0); round++) {
        const busyUntil = Date.now() + 3_500;
        while (Date.now() < busyUntil) {
          // busy
        }
        await new Promise((res) => setTimeout(res, 600));
      }
      // n1 reached its recipient while the load lasted: the dead member was taken for dead on this process's late beats.
      expect(keys(sent, target)).toEqual(['n1']);
      expect(await r.redis.hexists(members, 'silent')).toBe(0);
      const late = lines.map((l) => JSON.parse(l) as { code?: string; freshStart?: boolean }).filter((l) => l.code === 'DELIVERY_BEAT_LATE');
      expect(late.length).toBeGreaterThan(0);
      expect(late.filter((l) => l.freshStart)).toEqual([]);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('tells of items as soon as its wait sees them, before handing them out, each as it will be handed out', async () => {
    const prefix = fresh();
    const queue = createRedisDeliveryQueue(r.connect(), prefix);
    started.push(queue);
    const told: DeliveryItem[] = [];
    const handed: Array<{ item: DeliveryItem; toldBefore: boolean }> = [];
    await queue.start(async (it) => {
      handed.push({ item: it, toldBefore: told.some((t) => t.key === it.key) });
      await queue.done(it, true);
      return null;
    }, ['teams'], (it) => told.push(it));
    // Once the reader has taken its partitions (a member owns streams after its first beats) and waits for new entries.
    await until(async () => (await r.redis.exists(...Array.from({ length: 8 }, (_, n) => `${prefix}{dlv}:own:teams:${n}`))) === 8, 10_000);
    await new Promise((res) => setTimeout(res, 1000));
    // One recipient's three notifications, written at once: the wait wakes on their stream with all three.
    const items = [1, 2, 3].map((n) => item(`n-${n}`, targets[0]));
    await createRedisDeliveryQueue(r.redis, prefix).enqueue(items);
    await until(() => handed.length === 3);
    expect(handed.map((h) => h.toldBefore)).toEqual([true, true, true]);
    for (const h of handed) expect(told.find((t) => t.key === h.item.key)).toMatchObject({ key: h.item.key, target: h.item.target, address: h.item.address, notification: h.item.notification });
  });

  it('spreads partitions over live processes: every item once, each recipient in order, a stopped process taken over', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const queues = [0, 1, 2].map(() => createRedisDeliveryQueue(r.connect(), prefix));
    await Promise.all(queues.map((q, i) => start(q, sent, `p${i}`)));
    // Once all three are members and have had two beats to settle who reads what.
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 3);
    await new Promise((res) => setTimeout(res, 1500));
    let n = 0;
    const burst = async (rounds: number) => {
      for (let round = 0; round < rounds; round += 1) {
        n += 1;
        await queues[0]!.enqueue(targets.map((t) => item(`n-${n}`, t)));
      }
    };
    await burst(10);
    await until(() => sent.length === targets.length * 10);
    // Every process took part once the membership settled.
    expect(new Set(sent.map((i) => i.lastError)).size).toBeGreaterThan(1);
    // One process stops mid-burst: what it held is claimed by the others at once.
    const closing = queues[1]!.close();
    await burst(10);
    await closing;
    await until(() => new Set(sent.map((i) => i.key)).size === targets.length * 20);
    await new Promise((res) => setTimeout(res, 300));
    expect(sent).toHaveLength(targets.length * 20);
    expect(inOrder(sent)).toBe(true);
  });

  it('reads again a stream whose fence another process took and let go without reading (members that took each other for dead after a Redis restart): its recipient is not left waiting for good', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const queue = createRedisDeliveryQueue(r.connect(), prefix);
    await start(queue, sent, 'p0');
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 1);
    await queue.enqueue([item('n1')]);
    await until(() => sent.length === 1);
    // Another process took this recipient's stream in a view of its own (the fence names it), then let it go unread;
    // in this process's view, which never changed, the stream is still its own.
    await r.redis.set(`${prefix}{dlv}:own:teams:${partitionOf(TARGET, 8)}`, 'other-host-7-gone');
    await queue.enqueue([item('n2'), item('n3')]);
    await until(() => sent.length === 3);
    expect(keys(sent)).toEqual(['n1', 'n2', 'n3']);
  });

  it('claims the entries of a process that died holding them, sends them first, and marks them redelivered', async () => {
    const prefix = fresh();
    const target = TARGET;
    const stream = `${prefix}{dlv}:x:teams:${partitionOf(target, 8)}`;
    const producer = createRedisDeliveryQueue(r.redis, prefix);
    await r.redis.xgroup('CREATE', stream, 'relay', '0', 'MKSTREAM');
    await producer.enqueue([item('n1'), item('n2')]);
    // A process that read n1 and n2, then died: its last token stays as it was, and lapses.
    await r.redis.hset(`${prefix}{dlv}:members:teams`, 'dead-host-1', '41');
    await r.redis.xreadgroup('GROUP', 'relay', 'dead-host-1', 'COUNT', 10, 'STREAMS', stream, '>');
    await producer.enqueue([item('n3')]);
    const sent: DeliveryItem[] = [];
    await start(createRedisDeliveryQueue(r.connect(), prefix), sent, 'survivor');
    await until(() => sent.length === 3);
    expect(keys(sent)).toEqual(['n1', 'n2', 'n3']);
    expect(sent.map((i) => Boolean(i.redelivered))).toEqual([true, true, false]);
    // Nothing is left pending for the dead process (the last acknowledgement may still be on its way as n3 is seen).
    await until(async () => Number((await r.redis.xpending(stream, 'relay'))[0]) === 0);
    expect(await r.redis.xpending(stream, 'relay')).toEqual([0, null, null, null]);
  });

  it('passes a partition to a process that joins, without reordering or repeating', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const first = createRedisDeliveryQueue(r.connect(), prefix);
    await start(first, sent, 'first');
    let n = 0;
    const feeding = (async () => {
      for (; n < 40; n += 1) {
        await first.enqueue(targets.map((t) => item(`n-${n}`, t)));
        await new Promise((res) => setTimeout(res, 25));
      }
    })();
    await new Promise((res) => setTimeout(res, 200));
    await start(createRedisDeliveryQueue(r.connect(), prefix), sent, 'second');
    await feeding;
    await until(() => new Set(sent.map((i) => i.key)).size === targets.length * 40);
    await new Promise((res) => setTimeout(res, 300));
    expect(sent).toHaveLength(targets.length * 40);
    expect(inOrder(sent)).toBe(true);
    expect(sent.some((i) => i.lastError === 'second')).toBe(true);
  });

  it('reads the streams it takes over at once, even while it waits on its own (a long idle wait is interrupted)', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    // Both wait a minute on an idle stream between reads: only an interruption can make the survivor read in time.
    const survivor = createRedisDeliveryQueue(r.connect(), prefix, { idleWaitMs: 60_000 });
    const leaving = createRedisDeliveryQueue(r.connect(), prefix, { idleWaitMs: 60_000 });
    await start(survivor, sent, 'survivor');
    await start(leaving, sent, 'leaving');
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 2);
    await new Promise((res) => setTimeout(res, 1500));
    await leaving.close();
    // One item per target: every partition has one, half of them the leaving process's.
    await createRedisDeliveryQueue(r.redis, prefix).enqueue(targets.map((t) => item('n-1', t)));
    await until(() => sent.length === targets.length, 10_000);
    expect(new Set(sent.map((i) => i.lastError))).toEqual(new Set(['survivor']));
  });

  it('does not wait on the streams of before when it took streams over while it was reading (a wake during a read is not lost)', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    // The survivor's reads can be held on their way back: a stream is taken over while one is out.
    let gate: Promise<void> | null = null;
    let held = 0;
    const conn = r.connect();
    const reads = scriptsThrough(conn, async (run) => {
      const reply = await run();
      if (gate) {
        held += 1;
        await gate;
      }
      return reply;
    });
    // A minute's wait between reads: only a wake can make the survivor read the streams it took over in time.
    const survivor = createRedisDeliveryQueue(r.connect(), prefix, { reads, idleWaitMs: 60_000, heartbeatMs: 200 });
    const leaving = createRedisDeliveryQueue(r.connect(), prefix, { idleWaitMs: 60_000, heartbeatMs: 200 });
    await start(survivor, sent, 'survivor');
    await start(leaving, sent, 'leaving');
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 2);
    await new Promise((res) => setTimeout(res, 1000));
    const producer = createRedisDeliveryQueue(r.redis, prefix);
    // Who reads which target's stream: one entry each.
    await producer.enqueue(targets.map((t) => item('n-0', t)));
    await until(() => sent.length === targets.length);
    const ownedBy = (name: string) => sent.filter((i) => i.lastError === name).map((i) => i.target);
    const [own, theirs] = [ownedBy('survivor'), ownedBy('leaving')];
    expect(own.length * theirs.length).toBeGreaterThan(0);
    let release: () => void = () => {};
    gate = new Promise<void>((res) => (release = res));
    // An entry on the survivor's own streams: it wakes and reads it, and that read is held.
    await producer.enqueue(own.map((t) => item('n-1', t)));
    await until(() => held > 0);
    await leaving.close();
    // The survivor sees the departure at its next beats and takes the streams over while its read is still out.
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 1);
    await new Promise((res) => setTimeout(res, 1000));
    gate = null;
    release();
    // Entries on the streams taken over only: nothing new on the ones the survivor waited on before.
    await producer.enqueue(theirs.map((t) => item('n-2', t)));
    const n2 = () => sent.filter((i) => i.notification.id === 'n-2');
    await until(() => n2().length === theirs.length, 10_000);
    expect(new Set(n2().map((i) => i.lastError))).toEqual(new Set(['survivor']));
  });

  it('sends first, in order, what a read whose answer was lost had taken, before anything read after it', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const conn = r.connect();
    // The first read that takes entries runs in Redis, then its answer is lost on the way back (a dropped connection).
    let lost = 0;
    const reads = scriptsThrough(conn, async (run) => {
      const reply = await run();
      if (tookSome(reply) && lost === 0) {
        lost += 1;
        throw new Error('Connection is closed.');
      }
      return reply;
    });
    const queue = createRedisDeliveryQueue(r.connect(), prefix, { reads, consumerName: 'lossy' });
    await start(queue, sent, 'lossy');
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 1);
    await new Promise((res) => setTimeout(res, 1000));
    const target = targets[0]!;
    const stream = `${prefix}{dlv}:x:teams:${partitionOf(target, 8)}`;
    const producer = createRedisDeliveryQueue(r.redis, prefix);
    await producer.enqueue([item('n-1', target)]);
    // n-1 is taken by the read whose answer is lost; n-2 comes right after.
    await until(async () => lost === 1);
    await producer.enqueue([item('n-2', target)]);
    await until(() => sent.length === 2);
    await new Promise((res) => setTimeout(res, 300));
    expect(sent.map((i) => i.notification.id)).toEqual(['n-1', 'n-2']);
    expect(await r.redis.xlen(stream)).toBe(0);
  });

  it('sends in order what a read run twice took (ioredis sends a command again on a new connection when the old one lost its answer)', async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const conn = r.connect();
    // The first read that takes entries runs, its connection drops before the answer, and ioredis runs it again on the
    // new one: the second run takes what came after, and that is the answer the caller gets.
    let resent = 0;
    const reads = scriptsThrough(conn, async (run) => {
      const reply = await run();
      if (!tookSome(reply) || resent > 0) return reply;
      resent += 1;
      conn.emit('close');
      await producer.enqueue([item('n-2', target0)]);
      return run();
    });
    const target0 = targets[0]!;
    const producer = createRedisDeliveryQueue(r.redis, prefix);
    const queue = createRedisDeliveryQueue(r.connect(), prefix, { reads, consumerName: 'resent' });
    await start(queue, sent, 'resent');
    await until(async () => (await r.redis.hlen(`${prefix}{dlv}:members:teams`)) === 1);
    await new Promise((res) => setTimeout(res, 1000));
    await producer.enqueue([item('n-1', target0)]);
    await until(() => sent.length === 2);
    await new Promise((res) => setTimeout(res, 300));
    expect(resent).toBe(1);
    expect(sent.map((i) => i.notification.id)).toEqual(['n-1', 'n-2']);
  });

  it('takes back an entry pending to itself that it does not hold (an acknowledgement Redis lost), and sends it', async () => {
    const prefix = fresh();
    const stream = `${prefix}{dlv}:x:teams:${partitionOf(TARGET, 8)}`;
    // Holding at most one item per partition, and stuck on the first: it stops reading that partition.
    const q = createRedisDeliveryQueue(r.connect(), prefix, { consumerName: 'host-a', holdMax: 1 });
    const sent: DeliveryItem[] = [];
    let release: () => void = () => {};
    const stuck = new Promise<void>((res) => (release = res));
    started.push(q);
    await q.start(async (it) => {
      if (it.notification.id === 'n1') await stuck;
      sent.push(structuredClone(it));
      await q.done(it, true);
      return null;
    }, ['teams']);
    await q.enqueue([item('n1')]);
    await until(async () => ((await r.redis.xpending(stream, 'relay')) as [number])[0] === 1);
    // n2 is read in its name by someone else: pending to host-a, unknown to it (as after a restart of Redis).
    await q.enqueue([item('n2')]);
    await r.redis.xreadgroup('GROUP', 'relay', 'host-a', 'COUNT', 10, 'STREAMS', stream, '>');
    release();
    await until(() => sent.length === 2, 20_000);
    expect(keys(sent)).toEqual(['n1', 'n2']);
    expect(sent[1]!.redelivered).toBe(true);
  });

  it('passes on, as it loses a stream, the entries pending to it that it had not read yet (handed to it as it was taking the stream): the new owner sends them at once, not once they idled 5 s', { timeout: 30_000 }, async () => {
    const prefix = fresh();
    const opts = { heartbeatMs: 100, memberTtlMs: 500 };
    const sent: DeliveryItem[] = [];
    const old = createRedisDeliveryQueue(r.connect(), prefix, { ...opts, consumerName: 'host-a' });
    await start(old, sent, 'host-a');
    await until(async () => (await r.redis.get(`${prefix}{dlv}:own:teams:7`)) === 'host-a');
    await new Promise((res) => setTimeout(res, 800));
    // Ranked by name, host-b will own the odd streams. Entries of those are pending to host-a without it holding them,
    // as when a member that was leaving the stream handed them over just as host-a, taking the stream, lost it again.
    const odd = targets.filter((t) => partitionOf(t, 8) % 2 === 1);
    for (const t of odd) {
      const stream = `${prefix}{dlv}:x:teams:${partitionOf(t, 8)}`;
      // Added and read in one step: host-a's own reads do not see it first.
      await r.redis.multi().xadd(stream, '*', 'i', JSON.stringify({ ...item('n-1', t), attempts: undefined })).xreadgroup('GROUP', 'relay', 'host-a', 'COUNT', 10, 'STREAMS', stream, '>').exec();
    }
    const joined = Date.now();
    await start(createRedisDeliveryQueue(r.connect(), prefix, { ...opts, consumerName: 'host-b' }), sent, 'host-b');
    await until(() => sent.length === odd.length, 20_000);
    const took = Date.now() - joined;
    expect(new Set(sent.map((i) => i.lastError))).toEqual(new Set(['host-b']));
    expect(sent.map((i) => i.key).sort()).toEqual(odd.map((t) => `n-1@${t}`).sort());
    // host-b owns them after its first beats (0.6 s) and a settling wait (0.7 s); 5 s is host-a's reconcile finding them idle.
    expect(took).toBeLessThan(3_000);
  });

  it('sends the items of a stream that moves between the members that stay, as one leaves, without waiting out the time its previous owner could take to notice', { timeout: 30_000 }, async () => {
    const prefix = fresh();
    const sent: DeliveryItem[] = [];
    const [a, b, c] = ['host-a', 'host-b', 'host-c'].map((name) => createRedisDeliveryQueue(r.connect(), prefix, { consumerName: name }));
    await Promise.all([start(a!, sent, 'host-a'), start(b!, sent, 'host-b'), start(c!, sent, 'host-c')]);
    // Stream n belongs to member n mod 3 (ranked by name): host-c reads 2 and 5; once it left, n mod 2: streams 3 and 4
    // change hands between host-a and host-b.
    const owner = (n: number) => r.redis.get(`${prefix}{dlv}:own:teams:${n}`);
    await until(async () => (await owner(2)) === 'host-c' && (await owner(3)) === 'host-a' && (await owner(4)) === 'host-b');
    await new Promise((res) => setTimeout(res, 2_000));
    await c!.close();
    // Enqueued once the new owners of streams 3 and 4 saw the departure (they fence a stream first), for them to send.
    await until(async () => (await owner(3)) === 'host-b' && (await owner(4)) === 'host-a', 5_000);
    const seen = Date.now();
    const moved = targets.filter((t) => [3, 4].includes(partitionOf(t, 8)));
    await createRedisDeliveryQueue(r.redis, prefix).enqueue(moved.map((t) => item('n-1', t)));
    await until(() => sent.filter((i) => i.notification.id === 'n-1').length === moved.length, 10_000);
    expect(new Map(sent.filter((i) => i.notification.id === 'n-1').map((i) => [partitionOf(i.target, 8), i.lastError]))).toEqual(new Map([[3, 'host-b'], [4, 'host-a']]));
    // Waiting out a previous owner that might not have noticed is 1.5 s (four beats and a blocking read) from the beat
    // that saw the departure; seen beating twice since, it has handed the stream over.
    expect(Date.now() - seen).toBeLessThan(1_400);
  });

  it('acknowledges and skips an entry that holds no item, and goes on', async () => {
    const prefix = fresh();
    const stream = `${prefix}{dlv}:x:teams:${partitionOf(TARGET, 8)}`;
    await r.redis.xgroup('CREATE', stream, 'relay', '0', 'MKSTREAM');
    await r.redis.xadd(stream, '*', 'junk', '1');
    const q = createRedisDeliveryQueue(r.connect(), prefix);
    await q.enqueue([item('n1')]);
    const sent: DeliveryItem[] = [];
    await start(q, sent, 'only');
    await until(() => sent.length === 1);
    await until(async () => ((await r.redis.xpending(stream, 'relay')) as [number])[0] === 0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryKv, createRedisKv } from '../../src/infra/kv.js';
import { createRedisThreadRegistry } from '../../src/infra/redis-thread-registry.js';
import { createThreadRegistry } from '../../src/infra/thread-registry.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import { testRedis, type TestRedis } from '../support/redis.js';

type Make = (opts?: { messageTtlMs?: number }) => ThreadRegistry;

function suite(name: string, setup: () => Promise<{ make: Make; cleanup?: () => Promise<void> }>) {
  describe(`ThreadRegistry on ${name}`, () => {
    let h: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => h.cleanup?.());

    it('maps a sent message to its case, per platform and conversation', async () => {
      const reg = h.make();
      await reg.rememberMessage('telegram', '-100200', '77', 'C-000001');
      const other = h.make();
      expect(await other.caseOfMessage('telegram', '-100200', '77')).toBe('C-000001');
      expect(await other.caseOfMessage('telegram', '-100201', '77')).toBeNull();
      expect(await other.caseOfMessage('discord', '-100200', '77')).toBeNull();
    });

    it('keeps a case thread per audience and finds the case from the thread', async () => {
      const reg = h.make();
      await reg.setCaseThread('discord', 'C-000002', 'parties', 'thread-1');
      await reg.setCaseThread('discord', 'C-000002', 'staff', 'thread-2');
      await reg.setCaseThread('teams', 'C-000002', 'acc-amina', '19:abc@thread.v2;messageid=1');
      expect(await reg.caseThread('discord', 'C-000002', 'parties')).toBe('thread-1');
      expect(await reg.caseThread('discord', 'C-000002', 'staff')).toBe('thread-2');
      expect(await reg.caseThread('telegram', 'C-000002', 'parties')).toBeNull();
      expect(await reg.caseOfThread('discord', 'thread-2')).toBe('C-000002');
      expect(await reg.caseOfThread('teams', '19:abc@thread.v2;messageid=1')).toBe('C-000002');
      expect(await reg.caseOfThread('discord', 'thread-unknown')).toBeNull();
    });

    it('forgets message mappings after their lifetime', async () => {
      const reg = h.make({ messageTtlMs: 60 });
      await reg.rememberMessage('telegram', '1', '2', 'C-000003');
      expect(await reg.caseOfMessage('telegram', '1', '2')).toBe('C-000003');
      let gone = false;
      for (let i = 0; i < 100 && !gone; i++) {
        await new Promise((res) => setTimeout(res, 25));
        gone = (await reg.caseOfMessage('telegram', '1', '2')) === null;
      }
      expect(gone).toBe(true);
    });
  });
}

suite('memory', async () => {
  const kv = createMemoryKv();
  return { make: (opts) => createThreadRegistry(kv, opts) };
});

suite('a Redis KeyValue', async () => {
  const r = await testRedis();
  return { make: (opts) => createThreadRegistry(createRedisKv(r.connect(), r.prefix), opts), cleanup: () => r.cleanup() };
});

suite('Redis hashes', async () => {
  const r = await testRedis();
  return { make: (opts) => createRedisThreadRegistry(r.connect(), r.prefix, createRedisKv(r.redis, r.prefix), opts), cleanup: () => r.cleanup() };
});

describe('ThreadRegistry on Redis hashes, specifically', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('keeps a conversation in one key whose expiry each new message pushes back', async () => {
    const prefix = `${r.prefix}one:`;
    const reg = createRedisThreadRegistry(r.redis, prefix, createRedisKv(r.redis, prefix), { messageTtlMs: 60_000 });
    for (let m = 1; m <= 30; m++) await reg.rememberMessage('telegram', '555', String(m), `C-0000${10 + (m % 3)}`);
    const keys = await r.redis.keys(`${prefix}*`);
    expect(keys).toEqual([`${prefix}thread:chat:{telegram:555}`]);
    expect(await r.redis.pttl(keys[0]!)).toBeGreaterThan(50_000);
    expect(await reg.caseOfMessage('telegram', '555', '7')).toBe('C-000011');
    expect(await reg.caseOfMessage('telegram', '555', '31')).toBeNull();
  });

  it('keeps at least the last generation of a busy conversation, and a bounded number', async () => {
    const prefix = `${r.prefix}gen:`;
    const reg = createRedisThreadRegistry(r.redis, prefix, createRedisKv(r.redis, prefix), { generation: 10 });
    for (let m = 1; m <= 35; m++) await reg.rememberMessage('discord', 'chan-1', String(m), `C-${m}`);
    for (let m = 25; m <= 35; m++) expect(await reg.caseOfMessage('discord', 'chan-1', String(m))).toBe(`C-${m}`);
    expect(await reg.caseOfMessage('discord', 'chan-1', '3')).toBeNull();
    let total = 0;
    for (const k of await r.redis.keys(`${prefix}thread:*`)) total += await r.redis.hlen(k);
    expect(total).toBeLessThanOrEqual(21);
  });

  it('in two halves (messageEntry): where the entry is, then the answer caseOfMessage gives, kept as it keeps it', async () => {
    const prefix = `${r.prefix}halves:`;
    const kv = createRedisKv(r.redis, prefix);
    const reg = createRedisThreadRegistry(r.redis, prefix, kv);
    await reg.rememberMessage('telegram', '888', '1', 'C-000001');
    const entry = reg.messageEntry!('telegram', '888', '1');
    expect(entry).toEqual({ at: { key: `${prefix}thread:chat:{telegram:888}`, previous: `${prefix}thread:chat:{telegram:888}:prev`, field: '1' }, answer: expect.any(Function) });
    if (!('at' in entry)) throw new Error('expected a location');
    expect(await r.redis.hget(entry.at.key, entry.at.field)).toBe('C-000001');
    expect(await entry.answer('C-000001')).toBe('C-000001');
    // Kept: the next look needs no read.
    expect(reg.messageEntry!('telegram', '888', '1')).toEqual({ known: 'C-000001' });
    // Nothing in the hash: the answer is what the KeyValue holds from earlier versions, else nothing.
    await createThreadRegistry(kv).rememberMessage('telegram', '888', '2', 'C-000002');
    const old = reg.messageEntry!('telegram', '888', '2');
    expect('at' in old && (await old.answer(null))).toBe('C-000002');
    const none = reg.messageEntry!('telegram', '888', '3');
    expect('at' in none && (await none.answer(null))).toBeNull();
  });

  it('still answers for messages remembered on the KeyValue before the switch', async () => {
    const prefix = `${r.prefix}legacy:`;
    const kv = createRedisKv(r.redis, prefix);
    await createThreadRegistry(kv).rememberMessage('telegram', '777', '42', 'C-000042');
    await createThreadRegistry(kv).setCaseThread('discord', 'C-000042', 'parties', 'thread-42');
    const reg = createRedisThreadRegistry(r.connect(), prefix, kv);
    expect(await reg.caseOfMessage('telegram', '777', '42')).toBe('C-000042');
    expect(await reg.caseThread('discord', 'C-000042', 'parties')).toBe('thread-42');
    expect(await reg.caseOfThread('discord', 'thread-42')).toBe('C-000042');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKvCardIds, createRedisCardIds } from '../../../adapters/telegram/cards.js';
import { createRedisKv } from '../../../src/infra/kv.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { amina, card, privateChat, replyTo, startHarness, until, visible } from './harness.js';

describe('Telegram card ids on Redis: spread over shared hashes', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('remembers each chat’s cards apart, the latest id winning, in shared hashes that expire', async () => {
    const cards = createRedisCardIds(r.redis, `${r.prefix}shared:`, undefined, { shards: 4 });
    await cards.set('7001', 'case-card:C-000001', 41);
    await cards.set('7001', 'case-card:C-000002', 42);
    await cards.set('-1001000000001', 'case-card:C-000001', 9);
    await cards.set('7001', 'case-card:C-000001', 43);
    expect(await cards.get('7001', 'case-card:C-000001')).toBe(43);
    expect(await cards.get('7001', 'case-card:C-000002')).toBe(42);
    expect(await cards.get('-1001000000001', 'case-card:C-000001')).toBe(9);
    expect(await cards.get('7001', 'case-card:C-000003')).toBeUndefined();
    for (let i = 0; i < 40; i++) await cards.set(String(8000 + i), 'case-card:C-000001', i);
    const keys = await r.redis.keys(`${r.prefix}shared:tg:cards:*`);
    expect(keys.length).toBeLessThanOrEqual(4);
    for (const k of keys) expect(await r.redis.pttl(k)).toBeGreaterThan(179 * 24 * 3600_000);
  });

  it('forgets a card past its TTL, and drops expired entries as new ones are written', async () => {
    const cards = createRedisCardIds(r.redis, `${r.prefix}ttl:`, undefined, { shards: 1, ttlMs: 50 });
    for (let i = 0; i < 8; i++) await cards.set('7002', `case-card:C-${i}`, 100 + i);
    // (Not read back here: on a loaded machine the eight writes alone can outlast 50 ms. That a card is kept while it
    // lives is the other tests' and the last line's.)
    await new Promise((res) => setTimeout(res, 80));
    expect(await cards.get('7002', 'case-card:C-0')).toBeUndefined();
    const fresh = createRedisCardIds(r.redis, `${r.prefix}ttl:`, undefined, { shards: 1, ttlMs: 60_000 });
    for (let i = 0; i < 20; i++) await fresh.set('7002', `case-card:N-${i}`, 200 + i);
    // The first write alone samples 4 of 9 fields, at least 3 of them expired: they go.
    expect(await r.redis.hlen(`${r.prefix}ttl:tg:cards:h:0`)).toBeLessThanOrEqual(25);
    expect(await fresh.get('7002', 'case-card:N-19')).toBe(219);
  });

  it('still finds a card id kept in the KeyValue before the switch', async () => {
    const kv = createRedisKv(r.redis, `${r.prefix}legacy:`);
    await createKvCardIds(kv).set('7003', 'case-card:C-000004', 77);
    const cards = createRedisCardIds(r.redis, `${r.prefix}legacy:`, kv);
    expect(await cards.get('7003', 'case-card:C-000004')).toBe(77);
    await cards.set('7003', 'case-card:C-000004', 78);
    expect(await cards.get('7003', 'case-card:C-000004')).toBe(78);
  });

  it('edits the pressed card in place through the adapter', async () => {
    const h = await startHarness({ cards: createRedisCardIds(r.redis, `${r.prefix}adapter:`) });
    try {
      let status: 'open' | 'escalated' = 'open';
      h.engine.answer((input) => {
        if (input.content.type === 'action') status = 'escalated';
        return [replyTo(input, [], { caseId: 'C-000001', replaceKey: 'case-card:C-000001', card: card({ status, actions: status === 'open' ? [{ label: { id: 'test-yes' }, token: 'esc-1' }] : [] }) })];
      });
      h.standin.push(h.standin.build.text(amina, privateChat(amina), '/case C-000001'));
      await until(() => h.standin.botMessages(amina.id).length === 1, 'the card');
      const sent = h.standin.botMessages(amina.id)[0]!;
      const stored = createRedisCardIds(r.redis, `${r.prefix}adapter:`);
      await until(async () => (await stored.get(String(amina.id), 'case-card:C-000001')) === sent.message_id, 'the card id in Redis');

      h.standin.push(h.standin.build.press(amina, sent, 'esc-1'));
      const edit = await h.standin.waitForCall('editMessageText');
      expect(edit.params.message_id).toBe(sent.message_id);
      expect(h.standin.botMessages(amina.id)).toHaveLength(1);
      expect(visible(h.standin.message(amina.id, sent.message_id)!.text)).toContain('Statut : escalated');
    } finally {
      await h.close();
    }
  });
});

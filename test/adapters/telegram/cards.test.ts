import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKvCardIds, createRedisCardIds } from '../../../adapters/telegram/cards.js';
import { createRedisKv } from '../../../src/infra/kv.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { amina, card, privateChat, replyTo, startHarness, until, visible } from './harness.js';

describe('Telegram card ids on Redis: one hash per chat', () => {
  let r: TestRedis;
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());

  it('remembers each chat’s cards in its own hash, refreshed to the card TTL', async () => {
    const cards = createRedisCardIds(r.redis, r.prefix);
    await cards.set('7001', 'case-card:C-000001', 41);
    await cards.set('7001', 'case-card:C-000002', 42);
    await cards.set('-1001000000001', 'case-card:C-000001', 9);
    await cards.set('7001', 'case-card:C-000001', 43);
    expect(await cards.get('7001', 'case-card:C-000001')).toBe(43);
    expect(await cards.get('7001', 'case-card:C-000002')).toBe(42);
    expect(await cards.get('-1001000000001', 'case-card:C-000001')).toBe(9);
    expect(await cards.get('7001', 'case-card:C-000003')).toBeUndefined();
    expect(await r.redis.hgetall(`${r.prefix}tg:cards:{7001}`)).toEqual({ 'case-card:C-000001': '43', 'case-card:C-000002': '42' });
    expect(await r.redis.pttl(`${r.prefix}tg:cards:{7001}`)).toBeGreaterThan(179 * 24 * 3600_000);
  });

  it('keeps at least the last generation of cards of a busy chat, and no more than two', async () => {
    const cards = createRedisCardIds(r.redis, `${r.prefix}gen:`, undefined, { generation: 3 });
    for (let i = 1; i <= 10; i++) await cards.set('7002', `case-card:C-${i}`, 100 + i);
    for (let i = 8; i <= 10; i++) expect(await cards.get('7002', `case-card:C-${i}`)).toBe(100 + i);
    expect(await cards.get('7002', 'case-card:C-1')).toBeUndefined();
    const kept = (await r.redis.hlen(`${r.prefix}gen:tg:cards:{7002}`)) + (await r.redis.hlen(`${r.prefix}gen:tg:cards:{7002}:prev`));
    expect(kept).toBeLessThanOrEqual(7);
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
      await until(async () => (await r.redis.hget(`${r.prefix}adapter:tg:cards:{${amina.id}}`, 'case-card:C-000001')) === String(sent.message_id), 'the card id in the chat hash');

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

import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDedup } from '../../../src/infra/dedup.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import type { TelegramStandin } from '../../support/telegram-standin.js';
import { amina, createScriptedEngine, privateChat, replyTo, startHarness, until, visible } from './harness.js';

const SECRET = 'wh-secret_0123456789';

describe('Telegram adapter: webhook at POST /telegram/webhook', () => {
  let r: TestRedis;
  const opened: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    r = await testRedis();
  });
  afterAll(() => r.cleanup());
  afterEach(async () => {
    for (const x of opened.splice(0)) await x.close();
  });

  async function webhookProcess(shared: { engine?: ReturnType<typeof createScriptedEngine>; redisDedup?: boolean; standin?: TelegramStandin; webhookUrl?: string } = {}) {
    const h = await startHarness({
      webhookSecret: SECRET,
      ...(shared.webhookUrl ? { webhookUrl: shared.webhookUrl } : {}),
      ...(shared.standin ? { standin: shared.standin } : {}),
      ...(shared.engine ? { engine: shared.engine } : {}),
      ...(shared.redisDedup ? { dedup: createDedup(r.connect(), r.prefix) } : {}),
    });
    const app: FastifyInstance = Fastify();
    h.adapter.registerWebhook(app);
    await app.ready();
    opened.push({ close: async () => { await app.close(); await h.close(); } });
    const post = (body: unknown, secret: string | null = SECRET, contentType = 'application/json') =>
      app.inject({
        method: 'POST',
        url: '/telegram/webhook',
        headers: { 'content-type': contentType, ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    return { ...h, app, post };
  }

  it('handles an update posted with the right secret, without polling', async () => {
    const w = await webhookProcess();
    w.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])]);
    const res = await w.post(w.standin.build.text(amina, privateChat(amina), 'bonjour'));

    expect(res.statusCode).toBe(200);
    expect(w.engine.inputs).toHaveLength(1);
    const sent = await w.standin.waitForCall('sendMessage');
    expect(visible(String(sent.params.text))).toBe('Bonjour Amina');
    expect(w.standin.callsOf('getUpdates')).toHaveLength(0);
    expect(w.standin.callsOf('deleteWebhook')).toHaveLength(0);
  });

  it('registers its webhook with the secret token when given its public URL', async () => {
    const w = await webhookProcess({ webhookUrl: 'https://palabre.example/telegram/webhook' });
    expect(w.standin.callsOf('setWebhook').map((c) => c.params)).toEqual([
      { url: 'https://palabre.example/telegram/webhook', secret_token: SECRET, allowed_updates: ['message', 'callback_query'] },
    ]);
  });

  it('answers 401 to a missing or wrong secret and changes nothing', async () => {
    const w = await webhookProcess();
    const update = w.standin.build.text(amina, privateChat(amina), 'bonjour');
    expect((await w.post(update, null)).statusCode).toBe(401);
    expect((await w.post(update, 'wrong-secret')).statusCode).toBe(401);
    expect((await w.post(update, `${SECRET}x`)).statusCode).toBe(401);
    expect(w.engine.inputs).toHaveLength(0);

    // Refused deliveries did not spend the update: the genuine one still goes through.
    expect((await w.post(update)).statusCode).toBe(200);
    expect(w.engine.inputs).toHaveLength(1);
  });

  it('answers 400 to a body that is not an update', async () => {
    const w = await webhookProcess();
    expect((await w.post('{"update_id": 12, "message": ')).statusCode).toBe(400);
    expect((await w.post({ message: { text: 'no update id' } })).statusCode).toBe(400);
    expect((await w.post({ update_id: 'twelve' })).statusCode).toBe(400);
    expect((await w.post([1, 2, 3])).statusCode).toBe(400);
    expect(w.engine.inputs).toHaveLength(0);
    expect(w.standin.callsOf('sendMessage')).toHaveLength(0);
  });

  it('handles the same update posted twice only once', async () => {
    const w = await webhookProcess();
    const update = w.standin.build.text(amina, privateChat(amina), 'bonjour');
    expect((await w.post(update)).statusCode).toBe(200);
    expect((await w.post(update)).statusCode).toBe(200);
    expect(w.engine.inputs).toHaveLength(1);
  });

  it('handles an update once when two bot processes receive it (dedup shared through Redis)', async () => {
    const engine = createScriptedEngine();
    engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])]);
    const a = await webhookProcess({ engine, redisDedup: true });
    const b = await webhookProcess({ engine, redisDedup: true, standin: a.standin });
    const update = a.standin.build.text(amina, privateChat(amina), 'bonjour');
    const [ra, rb] = await Promise.all([a.post(update), b.post(update)]);

    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect(engine.inputs).toHaveLength(1);
    await until(() => a.standin.callsOf('sendMessage').length === 1, 'one answer');
    expect(a.standin.botMessages(amina.id)).toHaveLength(1);
  });

  it('survives a failing turn: 200 to Telegram (no redelivery storm) and an apology to the user', async () => {
    const w = await webhookProcess();
    w.engine.answer(() => {
      throw new Error('store down');
    });
    expect((await w.post(w.standin.build.text(amina, privateChat(amina), 'bonjour'))).statusCode).toBe(200);
    const apology = await w.standin.waitForCall('sendMessage');
    expect(visible(String(apology.params.text))).toMatch(/^Désolé/);
  });
});

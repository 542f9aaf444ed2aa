import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createMetrics } from '../../../src/app/metrics.js';
import { createDedup } from '../../../src/infra/dedup.js';
import type { Dedup } from '../../../src/ports/kv.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import type { TelegramStandin } from '../../support/telegram-standin.js';
import { amina, createScriptedEngine, privateChat, replyTo, startHarness, until, visible } from './harness.js';

const SECRET = 'wh-secret_0123456789';

/** A metrics registry and a logger whose lines the test reads. */
function observe() {
  const lines: Array<{ level: number; msg: string; updateId?: number }> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { lines, logger, metrics: createMetrics() };
}
type Observed = ReturnType<typeof observe>;

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

  async function webhookProcess(shared: { engine?: ReturnType<typeof createScriptedEngine>; redisDedup?: boolean; dedup?: Dedup; standin?: TelegramStandin; webhookUrl?: string; observed?: Observed; admit?: () => Promise<void> } = {}) {
    const h = await startHarness({
      ...(shared.admit ? { admit: shared.admit } : {}),
      ...(shared.observed ? { metrics: shared.observed.metrics, logger: shared.observed.logger } : {}),
      webhookSecret: SECRET,
      ...(shared.webhookUrl ? { webhookUrl: shared.webhookUrl } : {}),
      ...(shared.standin ? { standin: shared.standin } : {}),
      ...(shared.engine ? { engine: shared.engine } : {}),
      ...(shared.redisDedup ? { dedup: createDedup(r.connect(), r.prefix) } : {}),
      ...(shared.dedup ? { dedup: shared.dedup } : {}),
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

  it('waits for its deliveries to catch up before handling the next update (backpressure), then handles it', async () => {
    let admit: () => void = () => {};
    const caughtUp = new Promise<void>((resolve) => (admit = resolve));
    const w = await webhookProcess({ admit: () => caughtUp });
    w.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])]);
    const pending = w.post(w.standin.build.text(amina, privateChat(amina), 'bonjour'));
    await new Promise((r) => setTimeout(r, 200));
    expect(w.engine.inputs).toHaveLength(0);
    admit();
    expect((await pending).statusCode).toBe(200);
    expect(w.engine.inputs).toHaveLength(1);
  });

  it('registers its webhook with the secret token when given its public URL', async () => {
    const w = await webhookProcess({ webhookUrl: 'https://palabre.example/telegram/webhook' });
    expect(w.standin.callsOf('setWebhook').map((c) => c.params)).toEqual([
      { url: 'https://palabre.example/telegram/webhook', secret_token: SECRET, allowed_updates: ['message', 'edited_message', 'callback_query'] },
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
    const observed = observe();
    const engine = createScriptedEngine();
    let turns = 0;
    engine.answer(async (input) => {
      // A slow turn: the second delivery arrives while the first is being handled.
      if (turns++ === 0) await new Promise((r) => setTimeout(r, 300));
      return [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])];
    });
    const a = await webhookProcess({ engine, redisDedup: true, observed });
    const b = await webhookProcess({ engine, redisDedup: true, standin: a.standin, observed });
    const update = a.standin.build.text(amina, privateChat(amina), 'bonjour');
    const [ra, rb] = await Promise.all([a.post(update), b.post(update)]);

    // The delivery that found the update being handled is not acknowledged (Telegram sends it again)...
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 503]);
    // ...and that redelivery, once the first is handled, is acknowledged without running again.
    expect((await b.post(update)).statusCode).toBe(200);
    expect((await a.post(update)).statusCode).toBe(200);
    expect(engine.inputs).toHaveLength(1);
    // Each duplicate is in the log at info, with its update id, and in /metrics.
    const told = observed.lines.filter((l) => l.level === 30 && l.updateId === update.update_id).map((l) => l.msg);
    expect(told.filter((m) => /refused/.test(m))).toHaveLength(1);
    expect(told.filter((m) => /ignored/.test(m))).toHaveLength(2);
    const exposition = await observed.metrics.registry.metrics();
    expect(exposition).toContain('palabre_inbound_duplicates_total{platform="telegram",outcome="refused"} 1');
    expect(exposition).toContain('palabre_inbound_duplicates_total{platform="telegram",outcome="ignored"} 2');
    await until(() => a.standin.callsOf('sendMessage').length === 1, 'one answer');
    expect(a.standin.botMessages(amina.id)).toHaveLength(1);
  });

  it('answers 503 to an update that failed before the engine answered, then handles its redelivery once', async () => {
    const w = await webhookProcess();
    let calls = 0;
    w.engine.answer((input) => {
      if (++calls === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      return [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])];
    });
    const update = w.standin.build.text(amina, privateChat(amina), 'bonjour');

    expect((await w.post(update)).statusCode).toBe(503);
    // No apology: Telegram delivers the update again and that delivery answers.
    expect(w.standin.callsOf('sendMessage')).toHaveLength(0);
    expect((await w.post(update)).statusCode).toBe(200);
    // A duplicate of the handled update is ignored.
    expect((await w.post(update)).statusCode).toBe(200);

    expect(w.engine.inputs).toHaveLength(2);
    expect(w.standin.botMessages(amina.id).map((m) => visible(String(m.text)))).toEqual(['Bonjour Amina']);
  });

  it('answers 503 while Redis is down, and the redelivery is handled by a process that reaches it', async () => {
    const engine = createScriptedEngine();
    engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])]);
    // Nothing listens on port 1, and commands fail at once instead of waiting for a connection.
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on('error', () => undefined);
    opened.push({ close: async () => down.disconnect() });
    const prefix = `${r.prefix}down:`;
    const a = await webhookProcess({ engine, dedup: createDedup(down, prefix) });
    const b = await webhookProcess({ engine, dedup: createDedup(r.connect(), prefix), standin: a.standin });
    const update = a.standin.build.text(amina, privateChat(amina), 'bonjour');

    expect((await a.post(update)).statusCode).toBe(503);
    expect(engine.inputs).toHaveLength(0);
    expect((await b.post(update)).statusCode).toBe(200);
    expect((await b.post(update)).statusCode).toBe(200);
    expect(engine.inputs).toHaveLength(1);
    await until(() => a.standin.botMessages(amina.id).length === 1, 'one answer');
  });

  it('answers 200 to an update the engine handled even if its reply failed, apologises, and never runs it twice', async () => {
    const w = await webhookProcess();
    w.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: 'Amina' } }])]);
    w.standin.failNext('sendMessage', { code: 500, description: 'Internal Server Error' });
    const update = w.standin.build.text(amina, privateChat(amina), 'bonjour');

    expect((await w.post(update)).statusCode).toBe(200);
    expect((await w.post(update)).statusCode).toBe(200);
    expect(w.engine.inputs).toHaveLength(1);
    expect(w.standin.botMessages(amina.id).map((m) => visible(String(m.text)))).toEqual([expect.stringMatching(/^Désolé/)]);
  });
});

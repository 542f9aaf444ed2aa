import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisKv } from '../../src/infra/kv.js';
import { createLinkStore } from '../../src/infra/link-store.js';
import { createRedisDeliveryQueue } from '../../src/infra/redis-delivery-queue.js';
import type { DeliveryItem } from '../../src/ports/outbox.js';
import { startTelegramStandin } from '../support/telegram-standin.js';
import { testRedis, TEST_REDIS_URL, type TestRedis } from '../support/redis.js';

type Standin = Awaited<ReturnType<typeof startTelegramStandin>>;
const CHAT = 424242;
const TARGET = `telegram|${CHAT}`;

let r: TestRedis;
let standin: Standin;
const children: ChildProcess[] = [];
beforeAll(async () => {
  r = await testRedis();
  standin = await startTelegramStandin();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await standin.close();
  await r.cleanup();
});

/** `tsx src/main.ts` on the test Redis and the Telegram stand-in, in webhook mode. */
function palabre(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: r.prefix, LINK_SECRET: 'a-link-secret-for-tests',
      TELEGRAM_BOT_TOKEN: standin.token, TELEGRAM_API_ROOT: standin.root, TELEGRAM_WEBHOOK_SECRET: 'shutdown-test', LOG_LEVEL: 'info',
      DISCORD_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_ENABLED: '', MARKETPLACE_DATA: '', MARKETPLACE_API_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('a process stopped while a platform does not answer', () => {
  it('exits within 10 s and hands the delivery it held to another process', async () => {
    // A linked user and one notification waiting for them, as any process would have queued it.
    await createLinkStore(createRedisKv(r.redis, r.prefix)).put({ platform: 'telegram', userId: String(CHAT), accountId: 'acc-amina', address: String(CHAT), linkedAt: new Date().toISOString() });
    const item: DeliveryItem = {
      key: `shutdown-1@${TARGET}`, target: TARGET, address: { platform: 'telegram', userId: String(CHAT) }, attempts: 0, enqueuedAt: new Date().toISOString(),
      notification: { id: 'shutdown-1', to: { accountId: 'acc-amina' }, body: [{ id: 'notify-quote', args: { text: 'Le colis est parti' } }], createdAt: new Date().toISOString() },
    };
    await createRedisDeliveryQueue(r.redis, r.prefix).enqueue([item]);

    standin.hang('sendMessage');
    const first = palabre();
    await standin.waitForCall('sendMessage', (c) => c.params.chat_id === String(CHAT), { timeoutMs: 30_000 });
    await expect.poll(() => first.output(), { timeout: 30_000 }).toContain('palabre is listening');

    const t0 = Date.now();
    first.child.kill('SIGTERM');
    await first.exited;
    const tookMs = Date.now() - t0;
    expect(tookMs, first.output()).toBeLessThan(10_000);

    // Handed back: the process left the delivery membership, so its held entry is anyone's to claim at once.
    expect(await r.redis.hlen(`${r.prefix}{dlv}:members:telegram`), first.output()).toBe(0);

    standin.answer('sendMessage');
    const second = palabre();
    await standin.waitForCall('sendMessage', (c) => c.params.chat_id === String(CHAT) && c.at > t0, { timeoutMs: 30_000 });
    await expect.poll(() => standin.botMessages(CHAT).length, { timeout: 10_000 }).toBe(1);
    expect(standin.botMessages(CHAT)[0]!.text).toContain('Le colis est parti');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});

describe('a process that starts', () => {
  it('trains its message classifier in slices while it starts and runs, and says when it is ready (CLASSIFIER_READY)', async () => {
    const p = palabre();
    await expect.poll(() => p.output(), { timeout: 30_000 }).toContain('palabre is listening');
    await expect.poll(() => p.output(), { timeout: 30_000 }).toContain('"code":"CLASSIFIER_READY"');
    const ready = p.output().split('\n').find((l) => l.includes('"code":"CLASSIFIER_READY"'))!;
    // The training's wall time, slices and the start's other work between them.
    expect(JSON.parse(ready).ms).toBeGreaterThan(0);
    // Nothing else was late meanwhile: no heartbeat of this process left more than a member's lifetime late.
    expect(p.output()).not.toContain('DELIVERY_BEAT_LATE');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 60_000);
});

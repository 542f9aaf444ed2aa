import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { composePalabre, type Palabre } from '../../../src/compose.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { addTelegram } from '../../support/app.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../../support/redis.js';
import { startTelegramStandin } from '../../support/telegram-standin.js';
import { STAFF } from './harness.js';

type Standin = Awaited<ReturnType<typeof startTelegramStandin>>;

let r: TestRedis;
let standin: Standin;
const apps: Array<{ p: Palabre; telegram: ReturnType<typeof addTelegram> }> = [];

/** One Palabre process: its own connection, the shared prefix. */
async function instance() {
  const config = loadConfig({
    LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: r.prefix, LINK_SECRET: 'test-app-link-secret-0123456789',
    TELEGRAM_BOT_TOKEN: standin.token, TELEGRAM_API_ROOT: standin.root, TELEGRAM_SUPPORT_CHAT_ID: String(STAFF.id),
  });
  const p = await composePalabre({ config, logger: silentLogger, redis: r.connect({ maxRetriesPerRequest: null }), outbox: { sweepEveryMs: 0 } });
  const telegram = addTelegram({ p, redis: null, close: () => p.close() });
  await p.start();
  apps.push({ p, telegram });
  return telegram;
}

beforeAll(async () => {
  r = await testRedis();
  standin = await startTelegramStandin();
  standin.setChat({ ...STAFF, is_forum: true });
});
afterAll(async () => {
  for (const a of apps) await a.p.close();
  await standin.close();
  await r.cleanup();
});

const note = (caseId: string, text: string): OutMessage => ({ target: { conversationId: '' }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'notify-quote', args: { text } }], caseId });

describe('two processes notifying support about the same new case at once', () => {
  it('create one forum topic per case, and both post in it', async () => {
    const [a, b] = [await instance(), await instance()];
    const cases = Array.from({ length: 15 }, (_, i) => `C-9${String(i).padStart(5, '0')}`);
    await Promise.all(cases.flatMap((id) => [a.notifier.deliver({ support: true }, note(id, `${id} de A`)), b.notifier.deliver({ support: true }, note(id, `${id} de B`))]));

    expect(standin.callsOf('createForumTopic')).toHaveLength(cases.length);
    const posted = standin.botMessages(STAFF.id);
    for (const id of cases) {
      const threads = new Set(posted.filter((m) => String(m.text).includes(id)).map((m) => m.message_thread_id));
      expect([...threads], id).toHaveLength(1);
      expect(threads.has(undefined), id).toBe(false);
    }
  });
});

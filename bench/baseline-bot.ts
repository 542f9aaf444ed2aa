/**
 * The baseline of the webhook benchmark: what a team would run without Palabre. A bare grammY bot on the
 * same HTTP server library (fastify) and grammY webhook callback as Palabre, a Redis session per chat,
 * and one reply per message. Run as a child process by bench/webhook.ts:
 *   PORT BENCH_BOT_TOKEN BENCH_API_ROOT BENCH_WEBHOOK_SECRET REDIS_URL BENCH_REDIS_PREFIX
 */
import Fastify from 'fastify';
import { Bot, session, webhookCallback, type Context, type SessionFlavor, type StorageAdapter } from 'grammy';
import { Redis } from 'ioredis';

interface SessionData {
  messages: number;
}
type BotContext = Context & SessionFlavor<SessionData>;

/** grammY's storage adapter over ioredis: one GET when a chat's update comes in, one SET after. */
function redisStorage<T>(redis: Redis, prefix: string): StorageAdapter<T> {
  return {
    async read(key) {
      const raw = await redis.get(prefix + key);
      return raw ? (JSON.parse(raw) as T) : undefined;
    },
    async write(key, value) {
      await redis.set(prefix + key, JSON.stringify(value));
    },
    async delete(key) {
      await redis.del(prefix + key);
    },
  };
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

async function main(): Promise<void> {
  const redis = new Redis(required('REDIS_URL'));
  const bot = new Bot<BotContext>(required('BENCH_BOT_TOKEN'), { client: { apiRoot: required('BENCH_API_ROOT') } });
  bot.use(session({ initial: (): SessionData => ({ messages: 0 }), storage: redisStorage<SessionData>(redis, `${required('BENCH_REDIS_PREFIX')}baseline:session:`) }));
  bot.on('message:text', async (ctx) => {
    ctx.session.messages += 1;
    await ctx.reply(`Reçu (${ctx.session.messages}) : ${ctx.message.text}`);
  });
  bot.catch((err) => process.stderr.write(`baseline bot: ${String(err.error)}\n`));
  await bot.init();

  const app = Fastify();
  app.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: required('BENCH_WEBHOOK_SECRET') }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(required('PORT')), host: '127.0.0.1' });

  const stop = async () => {
    await app.close();
    await redis.quit();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`baseline bot failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});

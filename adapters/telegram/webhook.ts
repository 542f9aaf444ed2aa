import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BotError, webhookCallback, type Bot } from 'grammy';
import { z } from 'zod';
import { InFlightError, NotHandledError } from '../common/redelivery.js';

/** The route Telegram posts updates to (SPEC section 4). */
export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const TURN_TIMEOUT_MS = 25_000;

/** The parts of a user and a chat the adapter reads (https://core.telegram.org/bots/api#user, #chat). */
const user = z.looseObject({ id: z.number().int(), first_name: z.string().optional(), language_code: z.string().optional() });
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  message_thread_id: z.number().int().optional(),
});

/**
 * An update: a non-negative integer update_id and, for the kinds the bot reads, the fields it relies on; grammY reads
 * the rest. Anything else Telegram would never send is refused (400) before it reaches a handler.
 */
const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: z.looseObject({ id: z.string(), from: user, data: z.string().optional(), message: message.optional() }).optional(),
});

/**
 * Adds POST /telegram/webhook: the secret-token header is checked before the body is even read (401), a body that is
 * not an update gets 400, and the update goes through grammY's fastify webhook callback
 * (https://grammy.dev/guide/deployment-types). Telegram redelivers an update it got no 2xx for: an update that failed before
 * anything was decided (a store down) gets 503 so that it comes again, and so does one another process is handling right
 * now (its claim not yet confirmed: if that process dies, the redelivery is handled once the claim lapses); one that was
 * handled gets 200 even if it failed later, since running it twice would act twice.
 */
export function registerTelegramWebhook(app: FastifyInstance, bot: Bot, secret: string, admit?: () => Promise<void>): void {
  // A turn still running after 25 s is not acknowledged (answering 200 then would lose it if it failed or the process
  // died): Telegram delivers it again, and that delivery is refused until the turn is done, then ignored.
  const handle = webhookCallback(bot, 'fastify', { secretToken: secret, onTimeout: 'throw', timeoutMilliseconds: TURN_TIMEOUT_MS });
  app.post(
    WEBHOOK_PATH,
    {
      bodyLimit: 1024 * 1024,
      onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
        if (!sameSecret(req.headers[SECRET_HEADER], secret)) return reply.code(401).send({ error: 'unauthorized' });
      },
    },
    async (req, reply) => {
      if (!updateSchema.safeParse(req.body).success) return reply.code(400).send({ error: 'not a Telegram update' });
      // Backpressure: while this process's deliveries are behind, the next update waits a little (Telegram holds
      // back its next ones meanwhile) instead of adding relays to a growing queue.
      await admit?.();
      try {
        await handle(req, reply);
      } catch (err) {
        if (!(err instanceof BotError)) {
          if (reply.sent || !(err instanceof Error) || !/timed out/i.test(err.message)) throw err;
          req.log.warn({ updateId: (req.body as { update_id: number }).update_id }, 'update still being handled after 25 s: not acknowledged yet');
          return reply.code(503).header('retry-after', '5').send({ error: 'update still being handled, retry later' });
        }
        // grammY hands webhook errors to the framework, not to bot.catch: route them to the same boundary as polling.
        await bot.errorHandler(err);
        if (reply.sent) return reply;
        // Being handled elsewhere: a deliberate refusal (Retry-After marks it so for the request log), not a failure.
        if (err.error instanceof InFlightError) return reply.code(503).header('retry-after', '1').send({ error: 'update being handled, retry later' });
        return err.error instanceof NotHandledError ? reply.code(503).send({ error: 'update not handled, retry later' }) : reply.code(200).send('');
      }
      return reply;
    },
  );
}

function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

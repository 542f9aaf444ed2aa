import { mountPlayground } from '../../../adapters/web/mount.js';
import { trainDefaultClassifier } from '../../../src/app/engine/understanding/classifier.js';
import { addTelegram, composeTestApp } from '../../support/app.js';
import { startTelegramStandin, type StandinChat, type StandinUser } from '../../support/telegram-standin.js';
import { OTHER_GROUP, STAFF, privateChat, until, visible } from './harness.js';

type Json = Record<string, any>;

/** What a chat shows for a bot message: its text or caption, as the user reads it. */
export const shown = (m: Json): string => visible(String(m.text ?? m.caption ?? ''));

/**
 * The whole of Palabre built by composePalabre (memory, or Redis under a fresh prefix), the Telegram adapter on a Bot API
 * stand-in in long-polling mode, and optionally the web playground: what a user of each platform would see.
 */
export async function startApp(opts: { redis?: boolean; web?: boolean; forumStaff?: boolean } = {}) {
  // The message classifier trained before the app, as a process has it a second after its start: a journey's first
  // message waited for its training (several seconds on a loaded machine) inside the 15 s a step may take.
  await trainDefaultClassifier();
  const standin = await startTelegramStandin();
  standin.setChat(opts.forumStaff ? { ...STAFF, is_forum: true } : STAFF);
  standin.setChat(OTHER_GROUP);
  const composed = await composeTestApp({
    redis: opts.redis ?? false,
    env: { TELEGRAM_BOT_TOKEN: standin.token, TELEGRAM_API_ROOT: standin.root, TELEGRAM_SUPPORT_CHAT_ID: String(STAFF.id) },
  });
  const { p } = composed;
  const telegram = addTelegram(composed);
  let webBase = '';
  if (opts.web) {
    await mountPlayground(p, p.config);
    await p.http.listen({ port: 0, host: '127.0.0.1' });
    const address = p.http.server.address();
    webBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  await p.start();
  await telegram.start();

  /** Bot messages of a chat from position `from` on, as they stand now. */
  const messages = (chat: number, from = 0) => standin.botMessages(chat).slice(from);

  const app = {
    standin, p, telegram, webBase,
    /** Waits for a bot message in the chat (from position `from`) whose visible text matches. */
    async expectMessage(chat: number, pattern: RegExp, from = 0): Promise<Json> {
      let found: Json | undefined;
      await until(() => Boolean((found = messages(chat, from).find((m) => pattern.test(shown(m))))), `a message matching ${pattern} in chat ${chat}`);
      return found!;
    },
    /** The number of bot messages in a chat so far (to wait for newer ones). */
    count: (chat: number) => standin.botMessages(chat).length,
    /** A user writes in a chat (their private chat by default). */
    say(user: StandinUser, text: string, extra: { chat?: StandinChat; replyTo?: number; threadId?: number } = {}) {
      return standin.push(standin.build.text(user, extra.chat ?? privateChat(user), text, extra));
    },
    /** A user presses the newest button whose label contains `label` in a chat. */
    async press(user: StandinUser, label: string, chat: StandinChat = privateChat(user)): Promise<Json> {
      let target: { m: Json; data: string } | undefined;
      await until(() => {
        for (const m of [...standin.botMessages(chat.id)].reverse()) {
          const b = (m.reply_markup?.inline_keyboard as Json[][] | undefined)?.flat().find((x) => String(x.text).includes(label));
          if (b) return Boolean((target = { m, data: b.callback_data }));
        }
        return false;
      }, `a "${label}" button in chat ${chat.id}`);
      return standin.push(standin.build.press(user, target!.m, target!.data));
    },
    /** Links a Telegram user to a marketplace account with a /start deep-link token. */
    async link(user: StandinUser, accountId: string): Promise<void> {
      const { token } = await p.linking.issue(accountId);
      const from = app.count(user.id);
      app.say(user, `/start ${token}`);
      await until(async () => (await p.links.get('telegram', String(user.id)))?.accountId === accountId && app.count(user.id) > from, `${accountId} linked`);
    },
    async close() {
      await telegram.stop();
      await composed.close();
      await standin.close();
    },
  };
  return app;
}

export type App = Awaited<ReturnType<typeof startApp>>;

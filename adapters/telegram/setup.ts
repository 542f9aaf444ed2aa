import { Api, GrammyError } from 'grammy';
import type { I18n } from '../../src/app/i18n.js';
import { registerCommands } from './commands.js';
import { ALLOWED_UPDATES } from './index.js';

/** Where Telegram posts updates on this server (adapters/telegram/webhook.ts). */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** The public webhook address under PUBLIC_URL (which may carry a path of its own). */
export function telegramWebhookUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${TELEGRAM_WEBHOOK_PATH}`;
}

export interface TelegramSetupOptions {
  token: string;
  apiRoot: string;
  webhookSecret?: string | undefined;
  publicUrl?: string | undefined;
  supportChatId?: string | undefined;
  i18n: I18n;
  defaultLocale: string;
  timezone: string;
  out(text: string): void;
  err(text: string): void;
}

/**
 * `npm run cli -- telegram setup`: checks the token (getMe), registers the webhook with its secret when
 * TELEGRAM_WEBHOOK_SECRET is set (or removes any webhook: long polling), and sets the command menus in every locale.
 */
export async function telegramSetup(o: TelegramSetupOptions): Promise<number> {
  const api = new Api(o.token, { apiRoot: o.apiRoot });
  let username: string;
  try {
    username = (await api.getMe()).username;
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      o.err('telegram: TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized): copy it again from @BotFather.\n');
      return 1;
    }
    throw err;
  }
  o.out(`Telegram bot @${username}: token accepted.\n`);

  if (o.webhookSecret) {
    if (!o.publicUrl) {
      o.err(
        `telegram: TELEGRAM_WEBHOOK_SECRET is set, so Palabre expects a webhook, but PUBLIC_URL is not: set PUBLIC_URL to the https address Telegram reaches this server at (the webhook is PUBLIC_URL${TELEGRAM_WEBHOOK_PATH}), or unset TELEGRAM_WEBHOOK_SECRET for long polling.\n`,
      );
      return 1;
    }
    const url = telegramWebhookUrl(o.publicUrl);
    await api.setWebhook(url, { secret_token: o.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    o.out(`Webhook: ${url} registered with its secret (Telegram sends it in X-Telegram-Bot-Api-Secret-Token).\n`);
    if (!url.startsWith('https://')) o.out('Note: Telegram only delivers to https addresses; this one is not.\n');
  } else {
    await api.deleteWebhook();
    o.out('Webhook: none (TELEGRAM_WEBHOOK_SECRET is not set): the bot uses long polling; any webhook was removed.\n');
  }

  await registerCommands(api, o.i18n, {
    locales: o.i18n.locales,
    defaultLocale: o.defaultLocale,
    timezone: o.timezone,
    ...(o.supportChatId ? { supportChatId: o.supportChatId } : {}),
  });
  const where = o.supportChatId ? `private chats and the staff group ${o.supportChatId}` : 'private chats (set TELEGRAM_SUPPORT_CHAT_ID for the staff group\'s menu)';
  o.out(`Command menus: set in ${o.i18n.locales.join(', ')} (and the default, ${o.defaultLocale}) for ${where}.\n`);
  return 0;
}

import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode } from 'grammy/types';
import type { I18n } from '../../src/app/i18n.js';

/** Commands shown in private chats (SPEC section 2), with the Fluent id of their description. */
export const PRIVATE_COMMANDS: readonly [string, string][] = [
  ['report', 'tg-cmd-report'],
  ['cases', 'tg-cmd-cases'],
  ['case', 'tg-cmd-case'],
  ['escalate', 'tg-cmd-escalate'],
  ['close', 'tg-cmd-close'],
  ['refund', 'tg-cmd-refund'],
  ['tracking', 'tg-cmd-tracking'],
  ['link', 'tg-cmd-link'],
  ['start', 'tg-cmd-start'],
  ['lang', 'tg-cmd-lang'],
  ['help', 'tg-cmd-help'],
  ['cancel', 'tg-cmd-cancel'],
];

/** Commands shown in the staff group only: support's tools. */
export const STAFF_COMMANDS: readonly [string, string][] = [
  ['cases', 'tg-cmd-staff-cases'],
  ['case', 'tg-cmd-case'],
  ['escalate', 'tg-cmd-staff-escalate'],
  ['refund', 'tg-cmd-staff-refund'],
  ['decide', 'tg-cmd-staff-decide'],
  ['reopen', 'tg-cmd-staff-reopen'],
  ['ask', 'tg-cmd-staff-ask'],
  ['note', 'tg-cmd-staff-note'],
  ['suspend', 'tg-cmd-staff-suspend'],
  ['reinstate', 'tg-cmd-staff-reinstate'],
  ['take', 'tg-cmd-staff-take'],
  ['release', 'tg-cmd-staff-release'],
  ['lang', 'tg-cmd-lang'],
  ['help', 'tg-cmd-help'],
];

export interface RegisterCommandsOptions {
  /** Languages to register descriptions in (those Palabre has locales for). */
  locales: readonly string[];
  /** Used for users whose Telegram language is neither. */
  defaultLocale: string;
  timezone: string;
  supportChatId?: string;
}

/**
 * Registers the command menus with setMyCommands (https://core.telegram.org/bots/api#setmycommands): one list per
 * language for private chats, and the support list scoped to the staff group, so nobody else sees support commands.
 */
export async function registerCommands(api: Api, i18n: I18n, opts: RegisterCommandsOptions): Promise<void> {
  const lists: { scope: BotCommandScope; commands: readonly [string, string][] }[] = [{ scope: { type: 'all_private_chats' }, commands: PRIVATE_COMMANDS }];
  if (opts.supportChatId) lists.push({ scope: { type: 'chat', chat_id: opts.supportChatId }, commands: STAFF_COMMANDS });
  const describe = (locale: string, commands: readonly [string, string][]): BotCommand[] =>
    commands.map(([command, id]) => ({ command, description: i18n.t(locale, { id }, opts.timezone).slice(0, 256) }));
  for (const { scope, commands } of lists) {
    await api.setMyCommands(describe(opts.defaultLocale, commands), { scope });
    for (const language_code of opts.locales) await api.setMyCommands(describe(language_code, commands), { scope, language_code: language_code as LanguageCode });
  }
}

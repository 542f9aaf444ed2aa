import { expect } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterDeps } from '../../../adapters/discord/index.js';
import type { TelegramAdapter } from '../../../adapters/telegram/index.js';
import type { Palabre } from '../../../src/compose.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { addTelegram, composeTestApp } from '../../support/app.js';
import { startDiscordStandin, type DiscordStandin, type StandinUser } from '../../support/discord-standin.js';
import { startTelegramStandin, type TelegramStandin } from '../../support/telegram-standin.js';
import type { TeamsStandin } from '../../support/teams-standin.js';
import { attachTeams, teamsEnv } from '../teams/app-harness.js';
import { eventually, USERS } from './harness.js';

/**
 * The Discord adapter on a composed Palabre, pointed at the stand-in, its notifier added to the outbox's; `overrides`
 * replace its dependencies (a dedup that can die, a shorter claim, a logger).
 */
export function attachDiscord(p: Palabre, dc: DiscordStandin, overrides: Partial<DiscordAdapterDeps> = {}): DiscordAdapter {
  const discord = createDiscordAdapter({
    config: { ...p.config, DISCORD_BOT_TOKEN: 'standin-token' },
    engine: p.engine,
    i18n: p.i18n,
    links: p.links,
    threads: p.threads,
    kv: p.kv,
    dedup: p.dedup,
    blobs: p.blobs,
    cases: p.store,
    clock: p.clock,
    logger: silentLogger,
    casesChannelId: dc.casesChannelId,
    ...overrides,
  });
  p.addNotifier(discord.notifier);
  return discord;
}

export interface World {
  p: Palabre;
  dc: DiscordStandin;
  discord: DiscordAdapter;
  tg?: TelegramStandin;
  telegram?: TelegramAdapter;
  close(): Promise<void>;
}

/**
 * The whole of Palabre built by composePalabre (memory, or Redis under a fresh prefix) with the Discord adapter on a
 * stand-in where Amina is in DMs only and Bisou and a support agent are in the server; optionally Telegram too.
 */
export async function startWorld(opts: { redis?: boolean; telegram?: boolean; teams?: TeamsStandin; env?: Record<string, string> } = {}): Promise<World> {
  const dc = await startDiscordStandin();
  dc.addUser(USERS.amina);
  dc.addUser(USERS.bisou, { member: true });
  dc.addUser(USERS.agent, { member: true, roles: [dc.supportRoleId] });
  dc.addUser(USERS.stranger, { member: true });
  const tg = opts.telegram ? await startTelegramStandin() : undefined;
  const composed = await composeTestApp({
    redis: opts.redis ?? false,
    env: {
      DISCORD_BOT_TOKEN: 'standin-token',
      DISCORD_API_URL: dc.apiUrl,
      DISCORD_APPLICATION_ID: dc.applicationId,
      DISCORD_GUILD_ID: dc.guildId,
      DISCORD_SUPPORT_ROLE_ID: dc.supportRoleId,
      DISCORD_STAFF_CHANNEL_ID: dc.staffChannelId,
      ...(tg ? { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.root } : {}),
      ...(opts.teams ? teamsEnv(opts.teams) : {}),
      ...opts.env,
    },
    compose: { blobs: createMemoryBlobStore(), outbox: { backoffMs: 50, sweepEveryMs: 500 } },
  });
  const { p } = composed;
  const discord = attachDiscord(p, dc);
  const telegram = tg ? addTelegram(composed, { pollTimeoutSeconds: 1 }) : undefined;
  if (opts.teams) {
    await attachTeams(p, opts.teams);
    await p.http.ready();
  }
  await p.start();
  await discord.start();
  await telegram?.start();
  return {
    p,
    dc,
    discord,
    ...(tg ? { tg } : {}),
    ...(telegram ? { telegram } : {}),
    async close() {
      await telegram?.stop();
      await discord.stop();
      await composed.close();
      await dc.close();
      await tg?.close();
    },
  };
}

/** The French label of an engine button. */
export const label = (w: World, id: string, locale = 'fr') => w.p.i18n.t(locale, { id }, 'Africa/Kinshasa');

/** Every button of a message. */
export const buttonsOf = (message: any): any[] => (message?.components ?? []).flatMap((r: any) => r.components ?? []).filter((c: any) => c.type === 2);

/** The bot's latest message in a channel that has a component with this label. */
export function withButton(w: World, channelId: string, text: string): { message: any; button: any } {
  for (const message of [...w.dc.messagesIn(channelId)].reverse()) {
    const button = (message.components ?? []).flatMap((r: any) => r.components).find((c: any) => c.label === text);
    if (button) return { message, button };
  }
  throw new Error(`no button « ${text} » in ${channelId}`);
}

/** The answer to an interaction, once it has one with something to read. */
export function answerTo(w: World, interactionId: string): Promise<any[]> {
  return eventually(() => {
    const replies = w.dc.repliesTo(interactionId);
    if (replies.length === 0 || replies.some((r) => !r.content && r.embeds.length === 0)) throw new Error('no answer yet');
    return replies;
  });
}

/** Presses a button as `user` and waits for the bot's answer to it. */
export async function press(w: World, user: StandinUser, channelId: string, text: string): Promise<any[]> {
  const { message, button } = await eventually(() => withButton(w, channelId, text));
  const id = w.dc.clickButton({ user, messageId: message.id, customId: button.custom_id });
  return answerTo(w, id);
}

/** Runs a slash command as `user` (in their DMs unless `channelId`) and waits for its answer. */
export async function slash(w: World, user: StandinUser, name: string, options: Record<string, string | number | boolean> = {}, channelId?: string, locale?: string): Promise<any[]> {
  const opts = Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'number' ? 10 : typeof value === 'boolean' ? 5 : 3, value }));
  const id = w.dc.command({ user, name, options: opts, ...(channelId ? { channelId } : {}), ...(locale ? { locale } : {}) });
  return answerTo(w, id);
}

/** What a Discord user reads of a bot message: its text and its embeds. */
export const seen = (m: any): string =>
  [m?.content ?? '', ...(m?.embeds ?? []).flatMap((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text])].filter(Boolean).join('\n');

export async function linkOnDiscord(w: World, user: StandinUser, accountId: string): Promise<void> {
  const { token } = await w.p.linking.issue(accountId);
  const id = w.dc.command({ user, name: 'link', options: [{ name: 'token', type: 3, value: token }] });
  await eventually(() => expect(w.dc.repliesTo(id)).not.toHaveLength(0));
  await eventually(async () => expect((await w.p.links.get('discord', user.id))?.accountId).toBe(accountId));
}

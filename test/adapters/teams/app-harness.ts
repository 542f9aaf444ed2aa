import { createTeamsAdapter } from '../../../adapters/teams/index.js';
import type { TelegramAdapter } from '../../../adapters/telegram/index.js';
import { addTelegram, composeTestApp } from '../../support/app.js';
import type { Palabre } from '../../../src/compose.js';
import { startTeamsStandin, type ConnectorCall, type TeamsStandin } from '../../support/teams-standin.js';
import { startTelegramStandin, type StandinUser, type TelegramStandin } from '../../support/telegram-standin.js';
import { activities, buttonsOf, cardOf, cardTexts, STAFF, until, visible } from './harness.js';

export const APP_ID = 'app-palabre-e2e';
const APP_PASSWORD = 'e2e-secret';

/** What a person sees of a bot message in Teams: its text and its card's texts. */
export const seen = (call: ConnectorCall): string => [visible(call.body?.text), ...cardTexts(cardOf(call.body))].filter(Boolean).join('\n');

/** The Teams environment for a stand-in: authenticated both ways, the staff channel set. */
export const teamsEnv = (standin: TeamsStandin): Record<string, string> => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: APP_PASSWORD,
  MicrosoftAppType: 'MultiTenant',
  TEAMS_STAFF_CONVERSATION_ID: STAFF,
  TEAMS_OPENID_METADATA_URL: standin.openIdMetadataUrl,
});

/** A Teams stand-in for teamsEnv (APP_ID and its password). */
export const startTeamsAppStandin = () => startTeamsStandin({ appId: APP_ID, appPassword: APP_PASSWORD });

/** The Teams adapter wired to a composed app as main.ts wires it (teamsEnv's settings), its route on the app's server. */
export async function attachTeams(p: Palabre, standin: TeamsStandin) {
  const { config } = p;
  const teams = createTeamsAdapter({
    ...(config.MicrosoftAppId ? { appId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
    appType: config.MicrosoftAppType,
    ...(config.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL } : {}),
    loginUrl: standin.loginUrl,
    ...(config.TEAMS_STAFF_CONVERSATION_ID ? { staffConversationId: config.TEAMS_STAFF_CONVERSATION_ID } : {}),
    engine: p.engine,
    i18n: p.i18n,
    threads: p.threads,
    links: p.links,
    dedup: p.dedup,
    kv: p.kv,
    blobs: p.blobs,
    logger: p.logger,
    metrics: p.metrics,
    clock: p.clock,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
  });
  p.addNotifier(teams.notifier);
  await teams.register(p.http);
  return teams;
}

/**
 * The whole of Palabre built by composePalabre (memory, or Redis under a fresh prefix) with the Teams adapter on a
 * Bot Framework stand-in, authenticated both ways, and optionally the Telegram adapter on its own stand-in.
 */
export async function startTeamsApp(opts: { redis?: boolean; telegram?: boolean; env?: Record<string, string> } = {}) {
  const standin = await startTeamsAppStandin();
  const tg: TelegramStandin | null = opts.telegram ? await startTelegramStandin() : null;
  const composed = await composeTestApp({
    redis: opts.redis ?? false,
    env: {
      ...teamsEnv(standin),
      ...(tg ? { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.root } : {}),
      ...opts.env,
    },
  });
  const { p } = composed;
  const teams = await attachTeams(p, standin);
  const telegram: TelegramAdapter | null = tg ? addTelegram(composed) : null;
  await p.http.ready();
  await p.start();
  await telegram?.start();
  const act = activities(standin, `28:${APP_ID}`, 'fr-FR');

  /** What the bot posted (or updated) in a conversation, as it stands now. */
  const shownIn = (conversationId: string): ConnectorCall[] => {
    const posted = standin.posted(conversationId);
    const created = standin.created().filter((c) => c.id === conversationId).map((c) => ({ ...c, body: c.body.activity, id: c.id?.split(';messageid=')[1] }));
    const latest = new Map<string, ConnectorCall>();
    for (const c of [...created, ...posted]) latest.set(c.id!, c);
    for (const u of standin.updated().filter((c) => c.conversationId === conversationId)) latest.set(u.activityId!, { ...u, id: u.activityId! });
    return [...latest.values()];
  };

  const app = {
    standin, tg, p, teams, act, telegram,
    /** Posts an activity to /api/messages with a valid channel token; resolves when the bot has answered the request. */
    async post(activity: unknown): Promise<number> {
      const res = await p.http.inject({ method: 'POST', url: '/api/messages', payload: activity as object, headers: { authorization: `Bearer ${standin.token()}` } });
      return res.statusCode;
    },
    shownIn,
    /** Waits for a bot message in the conversation whose visible text matches. */
    async expectMessage(conversationId: string, pattern: RegExp): Promise<ConnectorCall> {
      let found: ConnectorCall | undefined;
      await until(() => Boolean((found = shownIn(conversationId).find((c) => pattern.test(seen(c))))), `a message matching ${pattern} in ${conversationId}`);
      return found!;
    },
    /** Presses the newest card button whose title contains `label` in the person's chat (or `conversationId`). */
    async press(person: { id: string; name: string; chat: string }, label: string): Promise<void> {
      let hit: { id: string; token: string } | undefined;
      await until(() => {
        for (const c of [...shownIn(person.chat)].reverse()) {
          const b = buttonsOf(cardOf(c.body)).find((x) => x.title.includes(label));
          if (b) return Boolean((hit = { id: c.id!, token: b.token }));
        }
        return false;
      }, `a "${label}" button for ${person.name}`);
      await app.post(act.submit(person, hit!.token, hit!.id));
    },
    /** Links a Teams user with `link <token>` typed in their personal chat. */
    async link(person: { id: string; name: string; chat: string }, accountId: string): Promise<void> {
      const { token } = await p.linking.issue(accountId);
      await app.post(act.say(person, `link ${token}`));
      await until(async () => (await p.links.get('teams', person.id))?.accountId === accountId, `${accountId} linked`);
    },
    /** Links a Telegram user with `/start <token>`. */
    async linkTelegram(user: StandinUser, accountId: string): Promise<void> {
      const { token } = await p.linking.issue(accountId);
      tg!.push(tg!.build.text(user, { id: user.id, type: 'private', first_name: user.first_name }, `/start ${token}`));
      await until(async () => (await p.links.get('telegram', String(user.id)))?.accountId === accountId, `${accountId} linked on Telegram`);
    },
    async close() {
      await telegram?.stop();
      await composed.close();
      await standin.close();
      await tg?.close();
    },
  };
  return app;
}

export type TeamsApp = Awaited<ReturnType<typeof startTeamsApp>>;

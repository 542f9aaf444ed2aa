import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordStandin } from '../../support/discord-standin.js';
import { cardOf, makeCase, replyTo, startHarness, USERS, type Harness } from './harness.js';

describe('DISCORD_CASES_CHANNEL_ID', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.stop();
    await h?.standin.close();
    h = null;
  });

  async function start(casesChannel: (s: Awaited<ReturnType<typeof startDiscordStandin>>) => string | undefined) {
    const standin = await startDiscordStandin();
    standin.addUser(USERS.amina);
    standin.addUser(USERS.bisou, { member: true });
    const config = {
      DISCORD_BOT_TOKEN: 'standin-token',
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_GUILD_ID: standin.guildId,
      DISCORD_SUPPORT_ROLE_ID: standin.supportRoleId,
      DISCORD_STAFF_CHANNEL_ID: standin.staffChannelId,
      DISCORD_CASES_CHANNEL_ID: casesChannel(standin),
      DEFAULT_LOCALE: 'fr' as const,
      DEFAULT_TIMEZONE: 'Africa/Kinshasa',
    };
    h = await startHarness({ standin, shared: { config, casesChannelId: undefined } });
    return h;
  }

  async function openCaseThread(harness: Harness): Promise<string> {
    const c = makeCase('C-000001');
    harness.cases.add(c);
    await harness.link(USERS.amina, 'acc-amina');
    await harness.link(USERS.bisou, 'acc-bisou');
    harness.engine.answer((input) => [replyTo(input, [{ id: 'test-raw', args: { text: 'Dossier ouvert' } }], { caseId: c.id, card: cardOf(c, 'buyer'), replaceKey: `case-card:${c.id}` })]);
    harness.standin.sendMessage({ author: USERS.amina, content: 'ouvrir le dossier' });
    const created = await harness.standin.waitFor((x) => x.method === 'POST' && /^\/channels\/\d+\/threads$/.test(x.path) && x.body?.type === 12, 'the case thread');
    return created.path.split('/')[2]!;
  }

  it('opens case threads in the channel it names', async () => {
    const harness = await start((s) => s.otherChannelId);
    expect(await openCaseThread(harness)).toBe(harness.standin.otherChannelId);
  });

  it('falls back to the server\'s first text channel (not the staff one) when unset', async () => {
    const harness = await start(() => undefined);
    expect(await openCaseThread(harness)).toBe(harness.standin.casesChannelId);
  });
});

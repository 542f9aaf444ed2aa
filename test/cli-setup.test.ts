import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { teamsLocalizationSchema, teamsManifestSchema } from '../adapters/teams/manifest.js';
import { startDiscordStandin, type DiscordStandin } from './support/discord-standin.js';
import { startTelegramStandin, type TelegramStandin } from './support/telegram-standin.js';

async function run(argv: string[], env: Record<string, string | undefined>) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('npm run cli -- telegram setup', () => {
  let tg: TelegramStandin | null = null;
  afterEach(async () => {
    await tg?.close();
    tg = null;
  });
  const envOf = (s: TelegramStandin, extra: Record<string, string> = {}) => ({ TELEGRAM_BOT_TOKEN: s.token, TELEGRAM_API_ROOT: s.root, ...extra });

  it('registers the webhook at PUBLIC_URL with its secret, and the command menus in every language', async () => {
    tg = await startTelegramStandin();
    const { code, out } = await run(['telegram', 'setup'], envOf(tg, { TELEGRAM_WEBHOOK_SECRET: 'hook-secret_42', PUBLIC_URL: 'https://palabre.example.com/', TELEGRAM_SUPPORT_CHAT_ID: '-1001234' }));
    expect(code).toBe(0);
    expect(out).toContain('@palabre_test_bot');
    const hooks = tg.callsOf('setWebhook');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.params).toMatchObject({ url: 'https://palabre.example.com/telegram/webhook', secret_token: 'hook-secret_42', allowed_updates: ['message', 'edited_message', 'callback_query'] });
    expect(tg.callsOf('deleteWebhook')).toHaveLength(0);

    const menus = tg.callsOf('setMyCommands').map((c) => c.params);
    // Private chats and the staff group, each without a language (the default) and in fr and en.
    expect(menus.map((m) => `${m.scope.type}:${m.language_code ?? '-'}`).sort()).toEqual(['all_private_chats:-', 'all_private_chats:en', 'all_private_chats:fr', 'all_private_chats:ln', 'all_private_chats:sw', 'chat:-', 'chat:en', 'chat:fr', 'chat:ln', 'chat:sw']);
    const describe = (scope: string, lang: string, command: string) =>
      menus.find((m) => m.scope.type === scope && m.language_code === lang)!.commands.find((c: { command: string }) => c.command === command)?.description;
    expect(describe('all_private_chats', 'fr', 'report')).toBe('Signaler un problème avec une commande');
    expect(describe('all_private_chats', 'en', 'report')).toBe('Report a problem with an order');
    expect(describe('chat', 'en', 'decide')).toMatch(/seller's favour/);
    expect(menus.find((m) => m.scope.type === 'chat')!.scope.chat_id).toBe('-1001234');
  });

  it('says long polling is used, and removes any webhook, when TELEGRAM_WEBHOOK_SECRET is not set', async () => {
    tg = await startTelegramStandin();
    const { code, out } = await run(['telegram', 'setup'], envOf(tg));
    expect(code).toBe(0);
    expect(out).toMatch(/long polling/);
    expect(tg.callsOf('deleteWebhook')).toHaveLength(1);
    expect(tg.callsOf('setWebhook')).toHaveLength(0);
  });

  it('refuses a webhook secret without PUBLIC_URL, and a token Telegram refuses, registering nothing', async () => {
    tg = await startTelegramStandin();
    const noUrl = await run(['telegram', 'setup'], envOf(tg, { TELEGRAM_WEBHOOK_SECRET: 'hook-secret_42' }));
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toMatch(/PUBLIC_URL is not/);
    const badToken = await run(['telegram', 'setup'], { ...envOf(tg), TELEGRAM_BOT_TOKEN: '999:wrong' });
    expect(badToken.code).toBe(1);
    expect(badToken.err).toMatch(/TELEGRAM_BOT_TOKEN was refused/);
    expect(tg.callsOf('setWebhook')).toHaveLength(0);
    expect(tg.callsOf('setMyCommands')).toHaveLength(0);
    const unset = await run(['telegram', 'setup'], {});
    expect(unset.code).toBe(1);
    expect(unset.err).toMatch(/TELEGRAM_BOT_TOKEN is not set/);
  });
});

describe('npm run cli -- discord invite', () => {
  let dc: DiscordStandin | null = null;
  afterEach(async () => {
    await dc?.close();
    dc = null;
  });
  const envOf = (s: DiscordStandin) => ({ DISCORD_BOT_TOKEN: 'standin-token', DISCORD_API_URL: s.apiUrl, DISCORD_GUILD_ID: s.guildId });

  it('prints the invite URL with exactly the permissions and scopes Palabre uses, and registers the slash commands', async () => {
    dc = await startDiscordStandin();
    const { code, out, err } = await run(['discord', 'invite'], envOf(dc));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/Message Content is on/);
    const invite = new URL(/https:\/\/discord\.com\/oauth2\/authorize\S+/.exec(out)![0]);
    expect(invite.searchParams.get('client_id')).toBe(dc.applicationId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    expect(invite.searchParams.get('guild_id')).toBe(dc.guildId);
    // Discord's permission bits (https://discord.com/developers/docs/topics/permissions), written out independently.
    const bits = { VIEW_CHANNEL: 10, SEND_MESSAGES: 11, EMBED_LINKS: 14, ATTACH_FILES: 15, READ_MESSAGE_HISTORY: 16, MANAGE_THREADS: 34, CREATE_PUBLIC_THREADS: 35, CREATE_PRIVATE_THREADS: 36, SEND_MESSAGES_IN_THREADS: 38 };
    const expected = Object.values(bits).reduce((sum, bit) => sum | (1n << BigInt(bit)), 0n);
    expect(BigInt(invite.searchParams.get('permissions')!)).toBe(expected);
    const put = dc.calls.find((c) => c.method === 'PUT' && c.path === `/applications/${dc!.applicationId}/guilds/${dc!.guildId}/commands`);
    expect(put?.body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['report', 'case', 'refund', 'decide', 'link']));
  });

  it('fails, saying how to fix it, when the Message Content intent is off', async () => {
    dc = await startDiscordStandin();
    dc.setApplicationFlags(0);
    const { code, err } = await run(['discord', 'invite'], envOf(dc));
    expect(code).toBe(1);
    expect(err).toMatch(/Message Content intent is off.*Privileged Gateway Intents/);
  });

  it('refuses an application id the token does not belong to', async () => {
    dc = await startDiscordStandin();
    const { code, err } = await run(['discord', 'invite'], { ...envOf(dc), DISCORD_APPLICATION_ID: '42' });
    expect(code).toBe(1);
    expect(err).toMatch(/DISCORD_APPLICATION_ID is 42/);
    expect(dc.calls.some((c) => c.method === 'PUT')).toBe(false);
  });
});

describe('npm run cli -- teams manifest', () => {
  const APP_ID = '0b5e3f0e-8d2a-4c1b-9a77-3f0c2d1e4b5a';
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('writes an app package whose manifest (v1.17) names the bot, with commands in each language and two PNG icons', async () => {
    dir = mkdtempSync(join(tmpdir(), 'palabre-teams-'));
    const file = join(dir, 'app.zip');
    const { code, out } = await run(['teams', 'manifest', '--out', file], { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://palabre.example.com' });
    expect(code).toBe(0);
    expect(out).toContain(file);
    const zip = unzipSync(readFileSync(file));
    expect(Object.keys(zip).sort()).toEqual(['color.png', 'en.json', 'ln.json', 'manifest.json', 'outline.png', 'sw.json']);

    const manifest = teamsManifestSchema.parse(JSON.parse(strFromU8(zip['manifest.json']!)));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.bots[0]!.scopes).toEqual(['personal', 'team']);
    expect(manifest.developer.websiteUrl).toBe('https://palabre.example.com');
    const personal = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands.find((c) => c.title === 'report')?.description).toBe('Signaler un problème avec une commande');
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'fr', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }, { languageTag: 'ln', file: 'ln.json' }, { languageTag: 'sw', file: 'sw.json' }] });

    const en = teamsLocalizationSchema.parse(JSON.parse(strFromU8(zip['en.json']!)));
    const index = personal.commands.findIndex((c) => c.title === 'report');
    expect(en[`bots[0].commandLists[0].commands[${index}].description`]).toBe('Report a problem with an order');
    expect(en['name.full']).toBe('Palabre, Congocrea disputes');

    const color = PNG.sync.read(Buffer.from(zip['color.png']!));
    const outline = PNG.sync.read(Buffer.from(zip['outline.png']!));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    // The outline icon is white on transparent only.
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it('refuses without an app id or the developer URLs Teams requires, writing nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'palabre-teams-'));
    const file = join(dir, 'app.zip');
    const noApp = await run(['teams', 'manifest', '--out', file], { PUBLIC_URL: 'https://palabre.example.com' });
    expect(noApp.code).toBe(1);
    expect(noApp.err).toMatch(/MicrosoftAppId is not set/);
    const noUrl = await run(['teams', 'manifest', '--out', file], { MicrosoftAppId: APP_ID });
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toMatch(/--website/);
    const badArg = await run(['teams', 'manifest', '--colour', 'red'], { MicrosoftAppId: APP_ID });
    expect(badArg.code).toBe(2);
    expect(() => readFileSync(file)).toThrow();
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLinking, deepLinks } from './app/linking.js';
import { systemClock } from './ports/clock.js';
import type { Marketplace } from './ports/marketplace.js';
import { createRedisKv } from './infra/kv.js';
import { createRedis } from './infra/redis.js';
import { createDemoMarketplace } from './infra/demo-marketplace.js';
import { createHttpMarketplace } from './infra/http-marketplace.js';
import { loadFileMarketplace } from './infra/file-marketplace.js';
import { isPalabreError } from './domain/errors.js';
import { silentLogger } from './ports/logger.js';
import { createI18n } from './app/i18n.js';
import { localesDir } from './compose.js';

const USAGE = `Palabre command line

usage: npm run cli -- <command> [arguments]

commands:
  link-token <accountId>   issue a single-use account-link token and print it, with its
                           deep links, as JSON (the same as POST /admin/link-tokens).
                           Needs REDIS_URL and LINK_SECRET (the bot reads the token from Redis),
                           or, for the embedded bot, its ADMIN_TOKEN and PORT (it asks the bot).
  telegram setup           check TELEGRAM_BOT_TOKEN, register the webhook at PUBLIC_URL with
                           TELEGRAM_WEBHOOK_SECRET (or remove it: long polling), set the command
                           menus in every language. See docs/telegram.md.
  discord invite           check DISCORD_BOT_TOKEN and the Message Content intent, register the
                           slash commands, print the invite URL. See docs/discord.md.
  teams manifest [--out <file.zip>] [--developer <name>] [--website <url>] [--privacy <url>] [--terms <url>]
                           write the Teams app package (manifest, icons, command lists in every
                           language) for MicrosoftAppId; URLs default to PUBLIC_URL. See docs/teams.md.
  help                     show this help
`;

const EMBEDDED = `link-token: REDIS_URL is not set (embedded mode).
A token only works in the process that issued it unless both share a Redis, so a token printed
here would be refused by the bot. Either set REDIS_URL (and LINK_SECRET) to the bot's values, or
run the embedded bot with ADMIN_TOKEN and give this command the same ADMIN_TOKEN (and PORT): it then
asks the bot (POST /admin/link-tokens). Or pick a demo account in the playground.
`;

/** Where the CLI writes; tests capture it. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

/** The bot's @username from Telegram, for `t.me` links; null when Telegram is off or unreachable. */
async function telegramUsername(cfg: Config): Promise<string | undefined> {
  if (!cfg.TELEGRAM_BOT_TOKEN) return undefined;
  try {
    const res = await fetch(`${cfg.TELEGRAM_API_ROOT}/bot${cfg.TELEGRAM_BOT_TOKEN}/getMe`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { ok?: boolean; result?: { username?: string } };
    return body.ok ? body.result?.username : undefined;
  } catch {
    return undefined;
  }
}

async function marketplaceOf(cfg: Config): Promise<Pick<Marketplace, 'account'> | null> {
  if (cfg.MARKETPLACE_DATA) return loadFileMarketplace(cfg.MARKETPLACE_DATA);
  if (cfg.MARKETPLACE_API_URL) {
    return createHttpMarketplace({ baseUrl: cfg.MARKETPLACE_API_URL, token: cfg.MARKETPLACE_API_TOKEN, logger: silentLogger, retries: 0 });
  }
  return createDemoMarketplace(systemClock.now());
}

/**
 * `POST /admin/link-tokens` on the embedded bot listening at HOST:PORT (this machine when HOST is every interface).
 * The exit code, or null when no bot answers there.
 */
async function tokenFromRunningBot(cfg: Config, accountId: string, io: CliIo): Promise<number | null> {
  const host = cfg.HOST === '0.0.0.0' || cfg.HOST === '::' ? '127.0.0.1' : cfg.HOST.includes(':') ? `[${cfg.HOST}]` : cfg.HOST;
  let res: Response;
  try {
    res = await fetch(`http://${host}:${cfg.PORT}/admin/link-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accountId }),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return null;
  }
  const body = (await res.json().catch(() => null)) as { token?: string; expiresAt?: string; links?: unknown; error?: { code?: string; message?: string } } | null;
  if (res.ok && body?.token) {
    io.out(`${JSON.stringify({ accountId, token: body.token, expiresAt: body.expiresAt, links: body.links }, null, 2)}\n`);
    return 0;
  }
  if (body?.error?.code === 'ACCOUNT_NOT_FOUND') {
    io.err(`link-token: no account "${accountId}" in the marketplace\n`);
    return 1;
  }
  io.err(`link-token: the bot at ${host}:${cfg.PORT} refused: ${res.status} ${body?.error?.message ?? ''}`.trimEnd() + '\n');
  return 1;
}

async function linkToken(args: string[], io: CliIo): Promise<number> {
  const accountId = args[0]?.trim();
  if (!accountId || args.length > 1) {
    io.err(`link-token: expected exactly one account id\n\n${USAGE}`);
    return 2;
  }
  const cfg = loadConfig(io.env);
  if (cfg.embedded || !cfg.REDIS_URL) {
    // The embedded bot keeps its tokens in its own memory: with ADMIN_TOKEN, ask the running bot for one.
    const asked = cfg.ADMIN_TOKEN ? await tokenFromRunningBot(cfg, accountId, io) : null;
    if (asked !== null) return asked;
    io.err(EMBEDDED);
    return 1;
  }
  const marketplace = await marketplaceOf(cfg);
  if (marketplace && !(await marketplace.account(accountId))) {
    io.err(`link-token: no account "${accountId}" in the marketplace\n`);
    return 1;
  }
  const redis = createRedis(cfg.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 5000 });
  redis.on('error', () => {}); // the failed command reports it
  try {
    // Same kv layout as the bot (src/main.ts): `${REDIS_PREFIX}kv:link-token:<nonce>`.
    const linking = createLinking({ secret: cfg.LINK_SECRET!, kv: createRedisKv(redis, cfg.REDIS_PREFIX), clock: systemClock });
    const { token, expiresAt } = await linking.issue(accountId);
    const links = deepLinks(token, { telegramBotUsername: await telegramUsername(cfg) });
    io.out(`${JSON.stringify({ accountId, token, expiresAt, links }, null, 2)}\n`);
    return 0;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

function i18nFor(): ReturnType<typeof createI18n> {
  return createI18n(localesDir());
}

async function telegram(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'setup' || args.length > 1) {
    io.err(`telegram: expected "telegram setup"\n\n${USAGE}`);
    return 2;
  }
  const cfg = loadConfig(io.env);
  if (!cfg.TELEGRAM_BOT_TOKEN) {
    io.err('telegram setup: TELEGRAM_BOT_TOKEN is not set (create the bot with @BotFather, then set it).\n');
    return 1;
  }
  const { telegramSetup } = await import('../adapters/telegram/setup.js');
  return telegramSetup({
    token: cfg.TELEGRAM_BOT_TOKEN,
    apiRoot: cfg.TELEGRAM_API_ROOT,
    webhookSecret: cfg.TELEGRAM_WEBHOOK_SECRET,
    publicUrl: cfg.PUBLIC_URL,
    supportChatId: cfg.TELEGRAM_SUPPORT_CHAT_ID,
    i18n: i18nFor(),
    defaultLocale: cfg.DEFAULT_LOCALE,
    timezone: cfg.DEFAULT_TIMEZONE,
    out: io.out,
    err: io.err,
  });
}

async function discord(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'invite' || args.length > 1) {
    io.err(`discord: expected "discord invite"\n\n${USAGE}`);
    return 2;
  }
  const cfg = loadConfig(io.env);
  if (!cfg.DISCORD_BOT_TOKEN) {
    io.err('discord invite: DISCORD_BOT_TOKEN is not set (developer portal → your application → Bot → Reset Token).\n');
    return 1;
  }
  const { discordSetup } = await import('../adapters/discord/setup.js');
  return discordSetup({
    token: cfg.DISCORD_BOT_TOKEN,
    apiUrl: cfg.DISCORD_API_URL,
    applicationId: cfg.DISCORD_APPLICATION_ID,
    guildId: cfg.DISCORD_GUILD_ID,
    i18n: i18nFor(),
    out: io.out,
    err: io.err,
  });
}

/** `--name value` pairs; null (after saying why) on anything else. */
function options(args: string[], known: readonly string[], io: CliIo, what: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '') ?? '';
    const value = args[i + 1];
    if (!args[i]?.startsWith('--') || !known.includes(name) || value === undefined) {
      io.err(`${what}: unexpected argument "${args[i]}"\n\n${USAGE}`);
      return null;
    }
    out[name] = value;
  }
  return out;
}

async function teams(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'manifest') {
    io.err(`teams: expected "teams manifest"\n\n${USAGE}`);
    return 2;
  }
  const opts = options(args.slice(1), ['out', 'developer', 'website', 'privacy', 'terms'], io, 'teams manifest');
  if (!opts) return 2;
  const cfg = loadConfig(io.env);
  if (!cfg.MicrosoftAppId) {
    io.err('teams manifest: MicrosoftAppId is not set: the package names the bot by its Microsoft app id (Azure bot registration).\n');
    return 1;
  }
  const site = opts.website ?? cfg.PUBLIC_URL;
  if (!site) {
    io.err('teams manifest: Teams requires the developer\'s website, privacy and terms URLs (https): pass --website (and --privacy, --terms), or set PUBLIC_URL.\n');
    return 1;
  }
  const { teamsAppPackage, teamsManifest } = await import('../adapters/teams/manifest.js');
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const manifestOptions = {
    botId: cfg.MicrosoftAppId,
    version,
    developer: { name: opts.developer ?? 'Congocrea', websiteUrl: site, privacyUrl: opts.privacy ?? site, termsOfUseUrl: opts.terms ?? site },
    i18n: i18nFor(),
    defaultLocale: cfg.DEFAULT_LOCALE,
  };
  const { manifest, localizations } = teamsManifest(manifestOptions);
  const file = resolve(opts.out ?? 'palabre-teams.zip');
  writeFileSync(file, teamsAppPackage(manifestOptions));
  io.out(
    `Wrote ${file}: manifest ${manifest.manifestVersion} for bot ${manifest.bots[0]!.botId} (scopes ${manifest.bots[0]!.scopes.join(', ')}), ` +
      `commands in ${[cfg.DEFAULT_LOCALE, ...Object.keys(localizations)].join(', ')}, two icons.\n` +
      'Upload it in Teams: Apps → Manage your apps → Upload an app (or the Teams admin center). See docs/teams.md.\n',
  );
  return 0;
}

/** Runs one CLI command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'link-token':
        return await linkToken(args, io);
      case 'telegram':
        return await telegram(args, io);
      case 'discord':
        return await discord(args, io);
      case 'teams':
        return await teams(args, io);
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError) io.err(`${err.message}\n`);
    else if (isPalabreError(err)) io.err(`${err.code}: ${err.message}\n`);
    else io.err(`${command}: ${(err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  dotenv.config({ quiet: true });
  const io: CliIo = { env: process.env, out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runCli(process.argv.slice(2), io).then((code) => process.exit(code));
}

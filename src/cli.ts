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

const USAGE = `Palabre command line

usage: npm run cli -- <command> [arguments]

commands:
  link-token <accountId>   issue a single-use account-link token and print it, with its
                           deep links, as JSON (the same as POST /admin/link-tokens).
                           Needs REDIS_URL and LINK_SECRET: the bot reads the token from Redis.
  help                     show this help
`;

const EMBEDDED = `link-token: REDIS_URL is not set (embedded mode).
A token only works in the process that issued it unless both share a Redis, so a token printed
here would be refused by the bot. Either set REDIS_URL (and LINK_SECRET) to the bot's values, or,
with the embedded bot running, call its admin API: POST /admin/link-tokens (bearer ADMIN_TOKEN),
or pick a demo account in the playground.
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

async function linkToken(args: string[], io: CliIo): Promise<number> {
  const accountId = args[0]?.trim();
  if (!accountId || args.length > 1) {
    io.err(`link-token: expected exactly one account id\n\n${USAGE}`);
    return 2;
  }
  const cfg = loadConfig(io.env);
  if (cfg.embedded || !cfg.REDIS_URL) {
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

/** Runs one CLI command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'link-token':
        return await linkToken(args, io);
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

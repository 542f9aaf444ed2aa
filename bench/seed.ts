import { join } from 'node:path';
import { composePalabre, type ComposeOptions, type Palabre } from '../src/compose.js';
import { createLogger } from '../src/infra/logger.js';
import { loadConfig } from '../src/config.js';
import { generateMarketplace, writeMarketplace, type GeneratedMarketplace } from './marketplace.js';
import { pool } from './stats.js';

/** The message id the bench pretends each case card has in its buyer's chat: updates reply to it. */
export const CARD_MESSAGE_ID = 1;

/** One buyer of the webhook benchmark, with the open case their messages comment on. */
export interface BenchBuyer {
  accountId: string;
  telegramId: number;
  caseId: string;
  /** The seller's private chat, where Palabre relays the buyer's comments. */
  sellerTelegramId: number;
}

export interface SeededRun {
  prefix: string;
  dataFile: string;
  linkSecret: string;
  buyers: BenchBuyer[];
  market: GeneratedMarketplace;
}

/** The environment a Palabre process of this run reads (the child process and the bench's own compositions). */
export function palabreEnv(run: Pick<SeededRun, 'prefix' | 'dataFile' | 'linkSecret'>, redisUrl: string): Record<string, string> {
  return { REDIS_URL: redisUrl, REDIS_PREFIX: run.prefix, LINK_SECRET: run.linkSecret, MARKETPLACE_DATA: run.dataFile, LOG_LEVEL: 'silent' };
}

/** Composes Palabre in the bench process against the run's Redis keys (no platform on). */
export async function composeForRun(env: Record<string, string>, extra: Omit<ComposeOptions, 'config' | 'logger'> = {}): Promise<Palabre> {
  const config = loadConfig(env);
  return composePalabre({ config, logger: createLogger('silent'), ...extra });
}

/**
 * Seeds the webhook benchmark: a marketplace file, one open case per buyer (opened through the case service),
 * every buyer and seller linked on Telegram, and each case's card message in the thread registry so that a
 * reply to it is a comment on the case. Cases are opened before anyone is linked, so the opening notifications
 * are handed off with nobody to deliver them to and the benchmark's stand-in sees only its own traffic.
 */
export async function seedWebhookRun(opts: { redisUrl: string; prefix: string; users: number; dir: string; linkSecret: string; env?: Record<string, string> }): Promise<SeededRun> {
  const sellers = Math.max(1, Math.ceil(opts.users / 4));
  const market = generateMarketplace(opts.users, sellers);
  const dataFile = join(opts.dir, 'marketplace.json');
  await writeMarketplace(dataFile, market);
  const run = { prefix: opts.prefix, dataFile, linkSecret: opts.linkSecret };
  const p = await composeForRun({ ...palabreEnv(run, opts.redisUrl), ...opts.env });
  await p.start();
  const buyers: BenchBuyer[] = new Array(market.buyers.length);
  try {
    await pool(market.buyers.length, 16, async (i) => {
      const b = market.buyers[i]!;
      const opened = await p.cases.open(
        { accountId: b.accountId, platform: 'telegram' },
        { orderId: b.orderId, reason: 'non_delivery', description: `Commande ${b.orderId} jamais arrivée, le suivi ne bouge plus depuis deux semaines.` },
      );
      buyers[i] = { accountId: b.accountId, telegramId: b.telegramId, caseId: opened.case.id, sellerTelegramId: market.sellers[b.shop]!.telegramId };
    });
    const linkedAt = new Date().toISOString();
    const people = [...market.buyers.map((b) => [b.accountId, b.telegramId] as const), ...market.sellers.map((s) => [s.accountId, s.telegramId] as const)];
    await pool(people.length, 16, async (i) => {
      const [accountId, telegramId] = people[i]!;
      await p.links.put({ platform: 'telegram', userId: String(telegramId), accountId, address: String(telegramId), linkedAt });
    });
    await pool(buyers.length, 16, async (i) => {
      const b = buyers[i]!;
      await p.threads.rememberMessage('telegram', String(b.telegramId), String(CARD_MESSAGE_ID), b.caseId);
    });
  } finally {
    // Its outbox and scheduler workers must not compete with the child process for the run's queues.
    await p.close();
  }
  return { ...run, buyers, market };
}

import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../../adapters/discord/index.js';
import { composePalabre, type Palabre } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { createLogger } from '../../../src/infra/logger.js';
import type { Dedup } from '../../../src/ports/kv.js';
import type { Marketplace } from '../../../src/ports/marketplace.js';
import { startDiscordStandin, type DiscordStandin } from '../../support/discord-standin.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../../support/redis.js';
import { attachDiscord } from './app-harness.js';
import { eventually, USERS } from './harness.js';

/**
 * A Discord seller answers a buyer through the reply form (« Répondre à l’acheteur », then the form's text): two
 * Palabre processes share one Redis and both receive every gateway event, as on Discord. The process that takes the
 * form's submission dies in the middle of its turn, at one of the marketplace reads the turn makes (the first, before
 * the turn reads where the conversation is; the third, the last before it stores the comment); its claims are never
 * renewed again. The other process takes the submission over once the claims lapse.
 * Whatever the moment of the death, the seller's words land once on the case they answer and reach the buyer: which
 * case the form answers is in Redis until the comment is stored, not forgotten on the way.
 *
 * Before the fix, a death at the second or the third read lost it: the turn had already cleared the conversation's « reply
 * to the buyer of C-… » step, so the survivor read the text as words outside any case, and the buyer never got them.
 */

let r: TestRedis;
let dc: DiscordStandin;
const seller = { ...USERS.bisou };
const buyer = { ...USERS.amina };

beforeAll(async () => {
  r = await testRedis();
  dc = await startDiscordStandin();
  dc.addUser(buyer);
  dc.addUser(seller);
});
afterAll(async () => {
  await dc?.close();
  await r?.cleanup();
});

interface Proc {
  p: Palabre;
  discord: DiscordAdapter;
  /** Set once this process "died": its claims are no longer renewed, confirmed or released. */
  dead: boolean;
}

/** The trap the processes share: the n-th marketplace read of the seller's account, once armed, never returns. */
interface Trap {
  armed: boolean;
  at: number;
  reads: number;
  /** The process that died in it, once one did. */
  victim: Proc | null;
  died: Promise<void>;
  onDied: () => void;
}

function newTrap(at: number): Trap {
  let onDied = () => undefined as void;
  const died = new Promise<void>((res) => (onDied = res));
  return { armed: false, at, reads: 0, victim: null, died, onDied };
}

let procs: Proc[] = [];
afterEach(async () => {
  for (const x of procs) {
    await x.discord.stop().catch(() => undefined);
    // The dead process's turn is left hanging: it is not waited for.
    if (!x.dead) await x.p.close().catch(() => undefined);
  }
  procs = [];
});

/**
 * A Dedup whose inbound claims (events, users' turns) stop once its process died: what it claimed lapses, as a killed
 * process's claims do. (Its deliveries are stopped apart: see the trap.)
 */
function mortalDedup(inner: Dedup, proc: () => Proc): Dedup {
  const gone = (key: string) => proc().dead && /^discord:(int|user):/.test(key);
  return {
    first: (key, ttl) => inner.first(key, ttl),
    claim: (key, owner, ttl) => (gone(key) ? new Promise(() => undefined) : inner.claim(key, owner, ttl)),
    renew: (key, owner, ttl) => (gone(key) ? Promise.resolve(false) : inner.renew(key, owner, ttl)),
    confirm: (key, ttl) => (gone(key) ? new Promise(() => undefined) : inner.confirm(key, ttl)),
    release: (key, owner) => (gone(key) ? new Promise(() => undefined) : inner.release(key, owner)),
  };
}

async function startProcess(prefix: string, data: Marketplace, trap: Trap): Promise<Proc> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    LINK_SECRET: 'form-takeover-link-secret-0123456789',
    DISCORD_BOT_TOKEN: 'standin-token',
    DISCORD_API_URL: dc.apiUrl,
    DISCORD_APPLICATION_ID: dc.applicationId,
    DISCORD_GUILD_ID: dc.guildId,
    DISCORD_SUPPORT_ROLE_ID: dc.supportRoleId,
    DISCORD_STAFF_CHANNEL_ID: dc.staffChannelId,
  });
  const self = {} as Proc;
  const market: Marketplace = {
    ...data,
    async account(id) {
      if (trap.armed && id === 'acc-bisou' && !trap.victim && ++trap.reads === trap.at) {
        trap.victim = self;
        self.dead = true;
        trap.onDied();
        await new Promise(() => undefined);
      }
      return data.account(id);
    },
  };
  const p = await composePalabre({ config, logger: process.env.JOURNEY_LOG ? createLogger(process.env.JOURNEY_LOG) : silentLogger, redis: r.connect({ maxRetriesPerRequest: null }), marketplace: market, outbox: { backoffMs: 100, maxBackoffMs: 500, sweepEveryMs: 300 } });
  const discord = attachDiscord(p, dc, {
    dedup: mortalDedup(p.dedup, () => self),
    ...(process.env.JOURNEY_LOG ? { logger: createLogger(process.env.JOURNEY_LOG) } : {}),
    // A dead process's claims lapse after this long; the survivor then takes its events over.
    claimMs: 600,
    registerCommands: false,
  });
  Object.assign(self, { p, discord, dead: false });
  procs.push(self);
  await p.start();
  await discord.start();
  return self;
}

const text = (m: any) => [m?.content ?? '', ...(m?.embeds ?? []).map((e: any) => e.description ?? '')].join('\n');
const buttons = (m: any) => (m?.components ?? []).flatMap((row: any) => row.components ?? []);

describe('a Discord form submitted while the process handling it dies', () => {
  it.each([1, 3])('dying at its marketplace read %i: the seller’s answer lands once on its case and reaches the buyer', { timeout: 30_000 }, async (at) => {
    const prefix = `${r.prefix}f${at}:`;
    const data = createDemoMarketplace(new Date());
    const trap = newTrap(at);
    const a = await startProcess(prefix, data, trap);
    const b = await startProcess(prefix, data, trap);
    const before = dc.connections;
    expect(before).toBeGreaterThanOrEqual(2);
    const linkedAt = new Date().toISOString();
    await a.p.links.put({ platform: 'discord', userId: buyer.id, accountId: 'acc-amina', address: dc.dmChannelId(buyer.id), linkedAt });
    await a.p.links.put({ platform: 'discord', userId: seller.id, accountId: 'acc-bisou', address: dc.dmChannelId(seller.id), linkedAt });
    const amina = { accountId: 'acc-amina', platform: 'discord' as const };
    const opened = await a.p.cases.open(amina, { orderId: DEMO_ORDERS.eligibleNonDelivery, reason: 'non_delivery', description: 'Commande jamais arrivée, le suivi ne bouge plus depuis deux semaines.' });
    const caseId = opened.case.id;
    await b.p.cases.act(amina, caseId, { type: 'Comment', text: `Toujours rien reçu (${at}), pouvez-vous vérifier ?` });

    // The seller reads the buyer's words in his DMs, presses « Répondre à l’acheteur », then the form's button.
    const sellerDm = dc.dmChannelId(seller.id);
    const relay = await eventually(() => dc.messagesIn(sellerDm).find((m) => text(m).includes(`Toujours rien reçu (${at})`)) ?? Promise.reject(new Error('no relay')), 10_000);
    const pressed = dc.clickButton({ user: seller, messageId: relay.id, customId: buttons(relay)[0].custom_id });
    const prompt = await eventually(() => dc.repliesTo(pressed).find((m) => buttons(m).some((x: any) => x.custom_id === 'f:text')) ?? Promise.reject(new Error('no prompt')));
    const formButton = dc.clickButton({ user: seller, messageId: prompt.id, customId: 'f:text' });
    const shown = await dc.waitFor((c) => c.path.startsWith(`/interactions/${formButton}/`), 'the reply form');
    expect(shown.body.type).toBe(9);

    // The form's submission, to both processes; the one that takes it dies at its `at`-th marketplace read.
    trap.armed = true;
    const words = `Colis remis au transporteur hier, réf F${at}Z`;
    const submit = dc.submitModal({ user: seller, customId: 'm:text', fields: { text: words } });
    await Promise.race([trap.died, new Promise((_, no) => setTimeout(() => no(new Error('nobody took the form')), 10_000))]);

    const comments = async () => {
      const c = await b.p.store.load(caseId);
      return (c?.timeline ?? []).filter((e) => e.type === 'comment' && e.text.includes(`F${at}Z`));
    };
    const buyerDm = dc.dmChannelId(buyer.id);
    const atBuyer = () => dc.messagesIn(buyerDm).filter((m) => text(m).includes(`F${at}Z`));
    const why = async () => `victim ${procs.indexOf(trap.victim!)}; seller read ${JSON.stringify([...dc.repliesTo(submit), ...dc.messagesIn(sellerDm)].map(text).slice(-4))}; buyer read ${JSON.stringify(dc.messagesIn(buyerDm).map(text).slice(-2))}`;
    await eventually(async () => {
      expect((await comments()).length, await why()).toBe(1);
      expect(atBuyer().length, await why()).toBeGreaterThan(0);
    }, 15_000);
    // Once: not stored again, not relayed again.
    await new Promise((res) => setTimeout(res, 800));
    expect((await comments()).length, await why()).toBe(1);
    expect(atBuyer().length, await why()).toBe(1);
    // The seller is told his words went to the buyer (through the interaction, or in his DMs once Discord refused that).
    const sellerRead = [...dc.repliesTo(submit), ...dc.messagesIn(sellerDm)].map(text);
    expect(sellerRead.some((t) => t.includes('Message transmis à l’acheteur')), await why()).toBe(true);
  });
});

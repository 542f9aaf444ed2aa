import { BotError } from 'grammy';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { NotHandledError } from '../../../adapters/common/redelivery.js';
import type { TelegramAdapter } from '../../../adapters/telegram/index.js';
import { composePalabre, type Palabre } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { Marketplace } from '../../../src/ports/marketplace.js';
import { addTelegram } from '../../support/app.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../../support/redis.js';
import { startTelegramStandin, type StandinUser, type TelegramStandin } from '../../support/telegram-standin.js';
import { privateChat, STAFF, visible } from './harness.js';

type Json = Record<string, any>;
const { eligibleNonDelivery: ELIGIBLE, eligibleNotAsDescribed: BAG } = DEMO_ORDERS;

/**
 * One user's updates handled at the same moment by two Palabre processes (Telegram's webhook posts up to 40 at once,
 * behind a load balancer): the turns run one after the other (docs/inbound-claims.md), whatever each reads and
 * writes on the way. Process A is held in the middle of its turn (its marketplace answers when the test says so,
 * after the turn has read the conversation) while process B gets the other update: without the per-user claim, B's
 * turn runs on what A read too, and one of them overwrites the other.
 */

let r: TestRedis;
let standin: TelegramStandin;
let procs: Array<{ p: Palabre; tg: TelegramAdapter }> = [];
const amina: StandinUser = { id: 7101, first_name: 'Amina', language_code: 'fr' };

beforeAll(async () => {
  r = await testRedis();
  standin = await startTelegramStandin();
  standin.setChat(STAFF);
});
afterAll(async () => {
  await standin?.close();
  await r?.cleanup();
});
afterEach(async () => {
  for (const { p, tg } of procs) {
    await tg.stop();
    await p.close();
  }
  procs = [];
});

/** A marketplace whose `account` can be held: the turn that asks waits for `release()`. */
function gated(m: Marketplace) {
  let hold: { entered: () => void; gate: Promise<void> } | null = null;
  let open = () => undefined as void;
  const market: Marketplace = {
    ...m,
    async account(id) {
      const h = hold;
      if (h) {
        hold = null;
        h.entered();
        await h.gate;
      }
      return m.account(id);
    },
  };
  return {
    market,
    /** The next turn waits in the marketplace; resolves once one does. */
    holdNext(): Promise<void> {
      return new Promise((entered) => {
        const gate = new Promise<void>((resolve) => (open = resolve));
        hold = { entered, gate };
      });
    },
    release: () => open(),
  };
}

/** Two processes on one Redis (one key prefix), one marketplace; A's can be held mid-turn. */
async function twoProcesses(prefix: string) {
  const data = createDemoMarketplace(new Date());
  const gate = gated(data);
  const one = async (market: Marketplace) => {
    const config = loadConfig({
      LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LINK_SECRET: 'test-app-link-secret-0123456789',
      TELEGRAM_BOT_TOKEN: standin.token, TELEGRAM_API_ROOT: standin.root, TELEGRAM_SUPPORT_CHAT_ID: String(STAFF.id),
    });
    const p = await composePalabre({ config, logger: silentLogger, redis: r.connect({ maxRetriesPerRequest: null }), marketplace: market, outbox: { sweepEveryMs: 0 } });
    const tg = addTelegram({ p, redis: null, close: () => p.close() });
    await p.start();
    await tg.bot.init();
    procs.push({ p, tg });
    return { p, tg };
  };
  const a = await one(gate.market);
  const b = await one(data);
  return { a, b, gate };
}

/** Telegram's webhook: posts the update to a process and again (after Retry-After, shortened) until it is handled. */
async function post(to: { tg: TelegramAdapter }, update: Json): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await to.tg.bot.handleUpdate(update as never);
      return;
    } catch (err) {
      if (!(err instanceof BotError && err.error instanceof NotHandledError)) throw err;
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  throw new Error(`update ${update.update_id} never handled`);
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
const shown = (m: Json) => visible(String(m.text ?? m.caption ?? ''));
const chat = () => privateChat(amina);
let seen = 0;
/** What the bot posted in Amina's chat since the last call. */
function newMessages(): string[] {
  const all = standin.botMessages(amina.id);
  const fresh = all.slice(seen).map(shown);
  seen = all.length;
  return fresh;
}
/** The newest message of the chat with a button labelled `label`, and that button's data. */
function button(label: string): { m: Json; data: string } {
  for (const m of [...standin.botMessages(amina.id)].reverse()) {
    const b = (m.reply_markup?.inline_keyboard as Json[][] | undefined)?.flat().find((x) => String(x.text).includes(label));
    if (b) return { m, data: String(b.callback_data) };
  }
  throw new Error(`no "${label}" button`);
}
const say = (text: string) => standin.build.text(amina, chat(), text);
const press = (label: string) => {
  const { m, data } = button(label);
  return standin.build.press(amina, m, data);
};

/** Links Amina and takes her report to `step` through process B, one update at a time. */
async function setUp(procsOf: Awaited<ReturnType<typeof twoProcesses>>, steps: Array<() => Json>) {
  const { b } = procsOf;
  const { token } = await b.p.linking.issue('acc-amina');
  await post(b, say(`/start ${token}`));
  for (const step of steps) await post(b, step());
  newMessages();
}

/** A is held mid-turn on `first`; B gets `second` meanwhile; then A goes on. Both are handled in the end. */
async function race(procsOf: Awaited<ReturnType<typeof twoProcesses>>, first: Json, second: Json) {
  const { a, b, gate } = procsOf;
  const held = gate.holdNext();
  const one = post(a, first);
  await held;
  const two = post(b, second);
  // Long enough for B's turn to run to its end when nothing stops it.
  await sleep(400);
  gate.release();
  await Promise.all([one, two]);
}

let n = 0;
const prefix = () => `${r.prefix}u${++n}:`;

describe('one user, two updates at once on two processes', () => {
  it('a button press and a typed correction: the correction is not overwritten, its question can be answered', async () => {
    const w = await twoProcesses(prefix());
    await setUp(w, [() => say(`ma commande ${ELIGIBLE} n'est jamais arrivée`)]);
    await race(w, press('Oui, c’est ça'), say(`non pardon, c'est le sac ${BAG} : il est abîmé`));
    // In turn: the press is answered about the order, then the correction starts the report over on the bag.
    const answers = newMessages();
    expect(answers).toEqual([expect.stringContaining(`pour la commande ${ELIGIBLE} jusqu’au`), expect.stringContaining(`pour la commande ${BAG} : article non conforme`)]);
    // The latest question is about the bag, and answering it goes on with the bag.
    await post(w.b, press('Oui, c’est ça'));
    const after = newMessages().join('\n');
    expect(after).toContain(`pour la commande ${BAG} jusqu’au`);
    expect(after).not.toMatch(/n’est plus en cours/);
  });

  it('a double tap of a button, each tap on another process: answered once', async () => {
    const w = await twoProcesses(prefix());
    await setUp(w, [() => say(`ma commande ${ELIGIBLE} n'est jamais arrivée`)]);
    await race(w, press('Oui, c’est ça'), press('Oui, c’est ça'));
    // One answer per tap: the choice, then « already made » for the second tap; not the choice twice.
    const answers = newMessages();
    expect(answers).toEqual([expect.stringContaining(`Vous pouvez ouvrir un litige (commande non reçue) pour la commande ${ELIGIBLE}`), expect.stringContaining('Ce choix n’est plus en cours')]);
  });

  it('two description messages at once: the first is the description, the second joins it, neither lost unsaid', async () => {
    const w = await twoProcesses(prefix());
    await setUp(w, [() => say(`ma commande ${ELIGIBLE} n'est jamais arrivée`), () => press('Oui, c’est ça'), () => press('Modifier la description')]);
    const [first, second] = ['Le colis devait arriver le 3.', 'Le vendeur ne répond plus.'];
    await race(w, say(first), say(second));
    // As one process answers them in turn: the first becomes the description; the second, which says more of the
    // problem (the seller silent), joins it, and its answer quotes both. Never both told « servira de description »
    // with one of them lost.
    const answers = newMessages();
    const described = answers.filter((t) => t.includes('servira de description'));
    expect(described, answers.join('\n---\n')).toEqual([expect.stringContaining(`« ${first} »`), expect.stringContaining(`« ${first}\n${second} »`)]);
    expect(answers.filter((t) => t.includes('reprendre ou laisser'))).toEqual([]);
    await post(w.b, press('Ouvrir le litige maintenant'));
    const id = /Le litige (C-\d+) est ouvert/.exec(newMessages().join('\n'))?.[1];
    expect((await w.b.p.store.load(id!))?.description).toBe(`${first}\n${second}`);
  });

  it('« Ouvrir le litige maintenant » tapped twice, each tap on another process: one case opened, told once', async () => {
    const w = await twoProcesses(prefix());
    await setUp(w, [() => say(`ma commande ${ELIGIBLE} n'est jamais arrivée`), () => press('Oui, c’est ça')]);
    await race(w, press('Ouvrir le litige maintenant'), press('Ouvrir le litige maintenant'));
    // One case, told once; the second tap finds the choice made (not « a case is already open », nor a second case).
    const answers = newMessages();
    expect(answers).toEqual([expect.stringMatching(/^Le litige C-\d+ est ouvert pour la commande/), expect.stringContaining('Ce choix n’est plus en cours')]);
    expect(await w.b.p.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toHaveLength(1);
  });
});

import { createTelegramAdapter, type TelegramAdapterDeps } from '../../../adapters/telegram/index.js';
import { createI18n } from '../../../src/app/i18n.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { CaseCard, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import type { Msg } from '../../../src/ports/notification.js';
import { createScriptedEngine, testLocales, type ScriptedEngine } from '../../support/scripted-engine.js';
import { startTelegramStandin, type StandinChat, type StandinUser, type TelegramStandin } from '../../support/telegram-standin.js';

/** Sentences of the scripted engine, next to the adapter's own Fluent file. */
const TEST_FTL = {
  fr: `test-echo = Vous avez écrit : { $text }
test-hello = Bonjour { $name }
test-yes = Oui
test-no = Non
test-raw = { $text }
test-amount = Quel montant ?
engine-card-title = Litige { $caseId } · { $orderTitle }
engine-card-order = Commande { $orderId } chez { $shopName }
engine-card-reason = Motif : { $reason }
engine-card-status = Statut : { $status }
engine-card-description = Description : { $description }
engine-card-opened = Ouvert le { $at }
engine-card-escalatable = Transmission possible le { $at }
engine-card-escalated = Transmis le { $at }
engine-card-closed = Clos le { $at }
engine-card-refunded = Remboursé : { $refunded }
engine-card-late = Livraison tardive
engine-card-tracking-mismatch = Suivi vers une autre adresse
engine-card-role = Vous êtes { $role }
`,
  en: `test-echo = You wrote: { $text }
test-hello = Hello { $name }
test-yes = Yes
test-no = No
test-raw = { $text }
test-amount = How much?
`,
};

/** A locales folder with the adapter's telegram.ftl and the test sentences. */
export function testLocalesDir(): string {
  return testLocales(TEST_FTL, ['telegram.ftl', 'evidence-files.ftl']);
}

export { createScriptedEngine, type ScriptedEngine };

/** An engine reply in the chat the turn came from. */
export function replyTo(input: TurnInput, body: Msg[], extra: Partial<OutMessage> = {}): OutMessage {
  return { target: { conversationId: input.conversationId }, locale: 'fr', timezone: 'Africa/Kinshasa', body, ...extra };
}

/** A case card as the engine would build it. */
export function card(extra: Partial<CaseCard> = {}): CaseCard {
  return {
    caseId: 'C-000001', orderId: 'CC-1001', orderTitle: 'Pagne wax 6 yards', shopName: 'Bisou Créations', reason: 'non_delivery',
    status: 'open', resolution: null, description: 'Jamais arrivé', total: { amount: 5000000, currency: 'CDF' }, refunded: { amount: 0, currency: 'CDF' },
    openedAt: '2026-11-01T10:00:00Z', escalatableAt: '2026-11-04T10:00:00Z', escalatedAt: null, closedAt: null, lateDelivery: false,
    trackingMismatch: false, viewerRole: 'buyer', actions: [], ...extra,
  };
}

export const amina: StandinUser = { id: 7001, first_name: 'Amina', last_name: 'K.', language_code: 'fr' };
export const bisou: StandinUser = { id: 7002, first_name: 'Bisou', language_code: 'fr' };
export const agent: StandinUser = { id: 7003, first_name: 'Support', language_code: 'en' };
export const privateChat = (u: StandinUser): StandinChat => ({ id: u.id, type: 'private', first_name: u.first_name });
export const STAFF: StandinChat = { id: -1001000000001, type: 'supergroup', title: 'Congocrea staff' };
export const OTHER_GROUP: StandinChat = { id: -1001000000002, type: 'supergroup', title: 'Random group' };

/** Resolves once `check` holds; fails with `what` after a while (long enough for a first turn on a loaded machine, which trains the classifier). */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The stand-in, the adapter on it (long polling unless a webhook secret is given) and a scripted engine. */
export async function startHarness(opts: Partial<Omit<TelegramAdapterDeps, 'engine'>> & { engine?: ScriptedEngine; start?: boolean; standin?: TelegramStandin } = {}) {
  const ownStandin = !opts.standin;
  const standin = opts.standin ?? (await startTelegramStandin());
  standin.setChat(STAFF);
  standin.setChat(OTHER_GROUP);
  const engine = opts.engine ?? createScriptedEngine();
  const kv = createMemoryKv();
  const threads = createThreadRegistry(kv);
  const blobs = createMemoryBlobStore();
  const i18n = createI18n(testLocalesDir());
  const adapter = createTelegramAdapter({
    token: standin.token,
    apiRoot: standin.root,
    supportChatId: String(STAFF.id),
    i18n,
    threads,
    dedup: createMemoryDedup(),
    kv,
    blobs,
    logger: silentLogger,
    pollTimeoutSeconds: 5,
    ...opts,
    engine,
  });
  if (opts.start !== false) await adapter.start();
  return {
    standin, engine, kv, threads, blobs, i18n, adapter,
    async close() {
      await adapter.stop();
      if (ownStandin) await standin.close();
    },
  };
}

/** The visible text of a message the stand-in stored (HTML already checked and kept as sent). */
export function visible(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

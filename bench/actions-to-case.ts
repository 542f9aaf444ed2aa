/**
 * Buyer actions from the first message to an opened case (issue 12): the real engine, in memory, driven
 * by a buyer who knows what went wrong and presses what a person would. One action is a message sent or
 * a button pressed; the first message counts. Run on the corpus' messages about a problem a case covers,
 * once as written (no order named: the buyer picks it) and once with the order's number added.
 */
import { existsSync } from 'node:fs';
import { createCaseService } from '../src/app/case-service.js';
import { createEngine } from '../src/app/engine/index.js';
import { createLinking } from '../src/app/linking.js';
import { notificationsFor } from '../src/app/notifications.js';
import { defaultPolicy } from '../src/domain/policy.js';
import type { CaseReason, ProblemKind } from '../src/domain/types.js';
import { createDemoMarketplace, DEMO_ORDERS } from '../src/infra/demo-marketplace.js';
import { createMemoryKv } from '../src/infra/kv.js';
import { createLinkStore } from '../src/infra/link-store.js';
import { createMemoryCaseStore } from '../src/infra/memory-case-store.js';
import { createMemoryShopStatusStore } from '../src/infra/memory-shop-status.js';
import { createThreadRegistry } from '../src/infra/thread-registry.js';
import { silentLogger } from '../src/ports/logger.js';
import type { Choice, OutMessage, TurnContent } from '../src/ports/turn.js';
import { findOrderRef } from '../src/app/engine/order-ref.js';
import { CORPUS_DIR, loadCorpus } from '../test/support/understanding-corpus.js';
import { median, quantile, round } from './stats.js';

/** A first message and the case it should lead to. */
export interface FirstMessage {
  text: string;
  /** What went wrong, as the buyer knows it (a delivery question becomes a non-delivery once late). */
  label: ProblemKind;
  lang: 'fr' | 'en';
}

export interface ActionsRun {
  messages: number;
  /** Messages about one of the buyer's orders that no case can be opened on yet or any more (left out of the counts). */
  ineligible: number;
  /** Opened a case within MAX_ACTIONS. */
  opened: number;
  median: number;
  p90: number;
  max: number;
  /** Runs at or under the three actions. */
  withinThree: number;
}

export interface ActionsToCaseResult {
  source: 'corpus' | 'sample';
  /** The message names the order (its number added to the corpus text). */
  orderNamed: ActionsRun;
  /** The message as written: the buyer picks the order from the list. */
  asWritten: ActionsRun;
}

/** A buyer gives up after this many actions (the run counts as not opened). */
const MAX_ACTIONS = 12;
const START = new Date('2026-11-10T09:00:00.000Z');
const BUYER = 'acc-amina';

/** The few messages used when the corpus is not there. */
const SAMPLE: FirstMessage[] = [
  { text: "mon colis n'est jamais arrivé", label: 'non_delivery', lang: 'fr' },
  { text: 'jai tjr rien recu', label: 'non_delivery', lang: 'fr' },
  { text: 'my parcel never arrived', label: 'non_delivery', lang: 'en' },
  { text: 'le sac ne ressemble pas du tout à la photo', label: 'not_as_described', lang: 'fr' },
  { text: 'the bag is damaged', label: 'not_as_described', lang: 'en' },
  { text: 'où en est ma commande ?', label: 'delivery_question', lang: 'fr' },
];

const INELIGIBLE = new Set(['engine-report-not-yet', 'engine-report-window-closed', 'buyer-flow-delivery-expected']);

const reasonOf = (label: ProblemKind): CaseReason | null =>
  label === 'non_delivery' || label === 'delivery_question' ? 'non_delivery' : label === 'not_as_described' ? 'not_as_described' : null;

/** The corpus' messages about a problem a case covers (or the small sample without the corpus). */
export function caseMessages(): { source: ActionsToCaseResult['source']; messages: FirstMessage[] } {
  if (!existsSync(CORPUS_DIR)) return { source: 'sample', messages: SAMPLE };
  const messages = loadCorpus()
    .filter((e) => e.label !== 'none' && reasonOf(e.label as ProblemKind) !== null)
    .map((e) => ({ text: e.text, label: e.label as ProblemKind, lang: e.lang === 'en' ? ('en' as const) : ('fr' as const) }));
  return { source: 'corpus', messages };
}

/**
 * One buyer, one fresh world: the number of actions to an opened case on `orderId`; `ineligible` when
 * the order cannot have a case (too early, window closed); null when the buyer got stuck.
 */
export async function actionsToCase(first: string, reason: CaseReason, orderId: string): Promise<number | 'ineligible' | null> {
  const clock = { now: () => START };
  const marketplace = createDemoMarketplace(START);
  const kv = createMemoryKv();
  const links = createLinkStore(kv);
  const cases = createCaseService({
    store: createMemoryCaseStore(),
    marketplace,
    clock,
    policy: defaultPolicy,
    defaultTimezone: 'Africa/Kinshasa',
    notifications: notificationsFor,
    shops: createMemoryShopStatusStore(),
    retry: { baseDelayMs: 1 },
  });
  const engine = createEngine({
    cases,
    marketplace,
    links,
    threads: createThreadRegistry(kv),
    kv,
    linking: createLinking({ secret: 'bench-secret-of-some-length', kv, clock }),
    relay: async () => undefined,
    clock,
    policy: defaultPolicy,
    defaultLocale: 'fr',
    defaultTimezone: 'Africa/Kinshasa',
    logger: silentLogger,
  });
  await links.put({ platform: 'telegram', userId: 'b1', accountId: BUYER, address: 'dm-b1', linkedAt: START.toISOString() });
  const turn = async (content: TurnContent) =>
    (await engine.handle({ platform: 'telegram', userId: 'b1', conversationId: 'dm-b1', isPrivate: true, content })).replies;

  let replies = await turn({ type: 'text', text: first });
  for (let actions = 1; actions <= MAX_ACTIONS; actions++) {
    const ids = replies.flatMap((r) => r.body.map((b) => b.id));
    if (ids.includes('engine-report-opened')) return actions;
    if (ids.some((id) => INELIGIBLE.has(id))) return 'ineligible';
    const next = nextAction(replies, reason, orderId);
    if (!next) return null;
    replies = await turn(next);
  }
  return null;
}

/** What a buyer who knows the order and the problem does next. */
function nextAction(replies: OutMessage[], reason: CaseReason, orderId: string): TurnContent | null {
  const ids = replies.flatMap((r) => r.body.map((b) => b.id));
  const choices = replies.flatMap((r) => r.choices ?? []);
  const press = (pick: (c: Choice) => boolean): TurnContent | null => {
    const c = choices.find(pick);
    return c ? { type: 'action', token: c.token } : null;
  };
  const proposed = replies.flatMap((r) => r.body).find((b) => b.id === 'engine-report-reason-proposed')?.args?.reason;
  return (
    press((c) => c.label.id === 'buyer-flow-choice-resume') ??
    press((c) => c.label.id === 'engine-order-choice' && c.label.args?.orderId === orderId) ??
    (proposed !== undefined ? press((c) => c.label.id === (proposed === reason ? 'engine-choice-yes-reason' : 'engine-choice-no-reason')) : null) ??
    press((c) => c.label.id === 'engine-reason-choice' && c.label.args?.reason === reason) ??
    press((c) => c.label.id === 'buyer-flow-choice-open-now') ??
    press((c) => c.label.id === 'engine-choice-open-case') ??
    (ids.includes('engine-report-ask-description') ? { type: 'text', text: 'Toujours rien reçu, le vendeur ne répond pas.' } : null)
  );
}

async function runAll(messages: FirstMessage[], withOrder: boolean): Promise<ActionsRun> {
  const counts: number[] = [];
  const orders = await createDemoMarketplace(START).ordersOfBuyer(BUYER);
  let ineligible = 0;
  for (const msg of messages) {
    const reason = reasonOf(msg.label)!;
    // A message that already names one of the buyer's orders (by number or item) is about that one.
    const ref = findOrderRef(msg.text, orders, 'Africa/Kinshasa');
    const named = ref.kind === 'found' && ref.orderIds.length === 1 ? ref.orderIds[0]! : null;
    const orderId = named ?? (reason === 'non_delivery' ? DEMO_ORDERS.eligibleNonDelivery : DEMO_ORDERS.eligibleNotAsDescribed);
    const text = withOrder && !named ? `${msg.text} (${msg.lang === 'en' ? 'order' : 'commande'} ${orderId})` : msg.text;
    const n = await actionsToCase(text, reason, orderId);
    if (n === 'ineligible') ineligible++;
    else counts.push(n ?? Infinity);
  }
  const done = counts.filter(Number.isFinite);
  return {
    messages: messages.length,
    ineligible,
    opened: done.length,
    median: median(counts),
    p90: quantile(counts, 0.9),
    max: Math.max(...counts),
    withinThree: counts.filter((n) => n <= 3).length,
  };
}

/** The median number of buyer actions to an opened case, over the corpus (or the sample). */
export async function measureActionsToCase(): Promise<ActionsToCaseResult> {
  const { source, messages } = caseMessages();
  return { source, orderNamed: await runAll(messages, true), asWritten: await runAll(messages, false) };
}

const fmt = (n: number): string => (Number.isFinite(n) ? String(n) : '—');

/** The section as Markdown. */
export function renderActionsToCase(r: ActionsToCaseResult): string {
  const row = (name: string, a: ActionsRun) =>
    `| ${name} | ${a.messages - a.ineligible} | ${a.opened} | ${fmt(a.median)} | ${fmt(a.p90)} | ${fmt(a.max)} | ${round((100 * a.withinThree) / Math.max(1, a.messages - a.ineligible))}% |`;
  return [
    `### Buyer actions from first message to opened case (${r.source})`,
    '',
    `Messages about a problem a case covers; ${r.orderNamed.ineligible} name an order of the buyer's that cannot have a case (too early, window closed) and are left out. One action is a message or a button; the first message counts; a buyer who needs more than ${MAX_ACTIONS} counts as stuck (—).`,
    '',
    '| first message | messages | opened | median | p90 | max | ≤ 3 actions |',
    '|---|---|---|---|---|---|---|',
    row('names the order', r.orderNamed),
    row('as written (order picked)', r.asWritten),
    '',
  ].join('\n');
}

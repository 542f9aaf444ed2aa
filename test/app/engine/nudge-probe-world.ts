import { expect } from 'vitest';
import type { Redis } from 'ioredis';
import { createCaseService, type CaseService } from '../../../src/app/case-service.js';
import { createEngine } from '../../../src/app/engine/index.js';
import { createNotificationRenderer } from '../../../src/app/engine/notification-render.js';
import { notificationsFor } from '../../../src/app/notifications.js';
import { createNudges, type Nudges } from '../../../src/app/nudges.js';
import { renderMessage } from '../../../src/app/render.js';
import { loadConfig } from '../../../src/config.js';
import { eligibility } from '../../../src/domain/eligibility.js';
import type { Policy } from '../../../src/domain/policy.js';
import { createDataMarketplace } from '../../../src/infra/file-marketplace.js';
import { holidayPredicate } from '../../../src/infra/holidays.js';
import { createMemoryKv, createRedisKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createLinking } from '../../../src/app/linking.js';
import { createMemoryCaseStore } from '../../../src/infra/memory-case-store.js';
import { createMemoryShopStatusStore } from '../../../src/infra/memory-shop-status.js';
import { createRedisCaseStore } from '../../../src/infra/redis-case-store.js';
import { createRedisShopStatusStore } from '../../../src/infra/redis-shop-status.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import { createRedisThreadRegistry } from '../../../src/infra/redis-thread-registry.js';
import type { CaseStore } from '../../../src/ports/case-store.js';
import type { Link } from '../../../src/ports/links.js';
import type { Marketplace } from '../../../src/ports/marketplace.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { ScheduledJob } from '../../../src/ports/scheduler.js';
import type { Choice, Engine, OutMessage, TurnContent, TurnInput } from '../../../src/ports/turn.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import { fixedClock, i18n, languageDetector, type TestClock } from './harness.js';

/**
 * The world of the nudge probe (test/app/engine/nudge-probe.test.ts): the engine, the case service and the deadline
 * nudges wired as the composition root wires them (src/compose.ts: the case service's afterAppend plans the case's
 * nudges, the engine's order hooks plan the order nudges), on a marketplace of buyers and sellers in several time
 * zones and languages, with a scheduler the test runs by hand as the clock moves, and a policy read from the
 * environment as at start (POLICY_*, SUPPORT_*).
 */

const cdf = (amount: number) => ({ amount, currency: 'CDF' });
const item = (title: string) => [{ listingId: `L-${title.length}`, title, quantity: 1, unitPrice: cdf(5_000_000) }];
const addr = (country: string, city: string) => ({ name: 'Client', line1: '1 rue', city, postalCode: '', country });

interface OrderIn {
  id: string;
  buyerId: string;
  shopId: string;
  title: string;
  placedAt: string;
  processingDays?: number;
  shippedAt?: string | null;
  estimatedDeliveryAt?: string | null;
  country: string;
  city: string;
}

function order(o: OrderIn) {
  return {
    id: o.id,
    buyerId: o.buyerId,
    shopId: o.shopId,
    items: item(o.title),
    total: cdf(5_000_000),
    payment: { method: 'mobile_money', viaMarketplace: true },
    placedAt: o.placedAt,
    ...(o.processingDays !== undefined ? { processingDays: o.processingDays } : {}),
    ...(o.shippedAt ? { shippedAt: o.shippedAt } : {}),
    ...(o.estimatedDeliveryAt ? { estimatedDeliveryAt: o.estimatedDeliveryAt } : {}),
    shippingAddress: addr(o.country, o.city),
    tracking: null,
  };
}

const shipped = '2026-10-20T10:00:00Z';
const placed = '2026-10-15T09:00:00Z';

export const DATA = {
  accounts: [
    { id: 'acc-amina', name: 'Amina K.', roles: ['buyer'], locale: 'fr', timezone: 'Africa/Kinshasa' },
    { id: 'acc-wanjiru', name: 'Wanjiru M.', roles: ['buyer'], locale: 'sw', timezone: 'Africa/Nairobi' },
    { id: 'acc-mbala', name: 'Mbala N.', roles: ['buyer'], locale: 'ln', timezone: 'Africa/Kinshasa' },
    { id: 'acc-claire', name: 'Claire D.', roles: ['buyer'], locale: 'fr', timezone: 'Europe/Paris' },
    { id: 'acc-john', name: 'John O.', roles: ['buyer'], locale: 'en', timezone: 'Africa/Nairobi' },
    { id: 'acc-maya', name: 'Maya T.', roles: ['buyer'], locale: 'en', timezone: 'America/New_York' },
    { id: 'acc-bisou', name: 'Bisou Créations', roles: ['seller'], locale: 'fr' },
    { id: 'acc-kamau', name: 'Kamau Crafts', roles: ['seller'], locale: 'sw', timezone: 'Africa/Nairobi' },
    { id: 'acc-lumiere', name: 'Atelier Lumière', roles: ['seller'], locale: 'en', timezone: 'Europe/Paris' },
    { id: 'acc-nkoy', name: 'Nkoy Bijoux', roles: ['seller'], locale: 'ln', timezone: 'Africa/Kinshasa' },
    { id: 'acc-support', name: 'Support Congocrea', roles: ['support'], locale: 'fr' },
  ],
  shops: [
    { id: 'shop-bisou', ownerId: 'acc-bisou', name: 'Bisou Créations', country: 'CD', processingDays: 3, policies: { refunds: true, returns: true, returnWindowDays: 14, exchanges: false } },
    { id: 'shop-kamau', ownerId: 'acc-kamau', name: 'Kamau Crafts', country: 'KE', policies: { refunds: true, returns: false, exchanges: false } },
    { id: 'shop-lumiere', ownerId: 'acc-lumiere', name: 'Atelier Lumière', country: 'FR', processingDays: 3, policies: { refunds: true, returns: true, exchanges: true } },
    { id: 'shop-nkoy', ownerId: 'acc-nkoy', name: 'Nkoy Bijoux', country: 'CD', policies: { refunds: false, returns: false, exchanges: false } },
  ],
  orders: [
    // Cases: eligible from 2 November 2026 (an estimate of 1 November), shipped.
    order({ id: 'CC-2101', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Pagne wax', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-2102', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Sac raphia', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-2201', buyerId: 'acc-wanjiru', shopId: 'shop-kamau', title: 'Kikapu', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'KE', city: 'Nairobi' }),
    order({ id: 'CC-2301', buyerId: 'acc-amina', shopId: 'shop-lumiere', title: 'Lampe', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-2401', buyerId: 'acc-mbala', shopId: 'shop-nkoy', title: 'Collier', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-2501', buyerId: 'acc-john', shopId: 'shop-kamau', title: 'Basket', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'KE', city: 'Nairobi' }),
    order({ id: 'CC-2601', buyerId: 'acc-claire', shopId: 'shop-bisou', title: 'Robe', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'FR', city: 'Paris' }),
    // Eligibility without an estimate (docs/rules.md's example and its variants).
    order({ id: 'CC-3001', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Chemise', placedAt: '2026-10-07T09:00:00Z', shippedAt: '2026-10-09T09:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3002', buyerId: 'acc-amina', shopId: 'shop-lumiere', title: 'Bougie', placedAt: '2026-10-07T09:00:00Z', shippedAt: '2026-10-09T09:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3003', buyerId: 'acc-amina', shopId: 'shop-nkoy', title: 'Bracelet', placedAt: '2026-10-09T09:00:00Z', shippedAt: '2026-10-12T09:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3004', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Foulard', placedAt: '2026-10-07T09:00:00Z', processingDays: 1, shippedAt: '2026-10-08T09:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3005', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Nappe', placedAt: '2026-10-08T23:30:00Z', shippedAt: '2026-10-12T09:00:00Z', country: 'CD', city: 'Kinshasa' }),
    // The same estimate, an instant not at midnight UTC, for a buyer in Kinshasa and one in Nairobi.
    order({ id: 'CC-3101', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Panier', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-15T22:30:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3102', buyerId: 'acc-wanjiru', shopId: 'shop-kamau', title: 'Shuka', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-15T22:30:00Z', country: 'KE', city: 'Nairobi' }),
    // Paris: midnight UTC estimate; a window ending across the October DST change.
    order({ id: 'CC-3201', buyerId: 'acc-claire', shopId: 'shop-bisou', title: 'Tableau', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-20T00:00:00Z', country: 'FR', city: 'Paris' }),
    order({ id: 'CC-3202', buyerId: 'acc-claire', shopId: 'shop-bisou', title: 'Coussin', placedAt: '2026-07-01T09:00:00Z', shippedAt: '2026-07-03T09:00:00Z', estimatedDeliveryAt: '2026-07-20T00:00:00Z', country: 'FR', city: 'Paris' }),
    // Kinshasa: the window's last day.
    order({ id: 'CC-3301', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Tabouret', placedAt: '2026-07-10T09:00:00Z', shippedAt: '2026-07-12T09:00:00Z', estimatedDeliveryAt: '2026-08-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-3401', buyerId: 'acc-mbala', shopId: 'shop-nkoy', title: 'Bague', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-20T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    // A buyer west of UTC (New York): a midnight-UTC estimate is still her 20 November.
    order({ id: 'CC-3501', buyerId: 'acc-maya', shopId: 'shop-bisou', title: 'Masque', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-20T00:00:00Z', country: 'US', city: 'New York' }),
    // Window reminders.
    order({ id: 'CC-4001', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Pagne bleu', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-4002', buyerId: 'acc-wanjiru', shopId: 'shop-kamau', title: 'Kanga', placedAt: placed, shippedAt: shipped, estimatedDeliveryAt: '2026-11-01T00:00:00Z', country: 'KE', city: 'Nairobi' }),
    // Unshipped at the end of processing.
    order({ id: 'CC-5001', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Sandales', placedAt: '2026-11-05T09:00:00Z', processingDays: 2, estimatedDeliveryAt: '2026-11-30T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-5002', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Ceinture', placedAt: '2026-11-05T09:00:00Z', processingDays: 2, shippedAt: '2026-11-06T10:00:00Z', estimatedDeliveryAt: '2026-11-30T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
    order({ id: 'CC-5003', buyerId: 'acc-wanjiru', shopId: 'shop-kamau', title: 'Mkeka', placedAt: '2026-11-06T09:00:00Z', processingDays: 1, estimatedDeliveryAt: '2026-11-30T00:00:00Z', country: 'KE', city: 'Nairobi' }),
    // Messages about an order, no case.
    order({ id: 'CC-6001', buyerId: 'acc-amina', shopId: 'shop-bisou', title: 'Boubou', placedAt: '2026-11-05T09:00:00Z', shippedAt: '2026-11-06T09:00:00Z', estimatedDeliveryAt: '2026-12-15T00:00:00Z', country: 'CD', city: 'Kinshasa' }),
  ],
  tracking: [],
};

export type Backend = { kind: 'memory' } | { kind: 'redis'; redis: Redis; prefix: string };

export interface Speaker {
  last: OutMessage[];
  text(t: string): Promise<void>;
  command(line: string): Promise<void>;
  press(labelId: string, match?: (c: Choice) => boolean): Promise<void>;
  pressToken(token: string): Promise<void>;
  buttons(): Choice[];
  labels(): string[];
  ids(): string[];
  read(): string;
  log: string[];
}

export interface Delivered {
  n: Notification;
  out: OutMessage;
  text: string;
}

export interface NudgeWorld {
  clock: TestClock;
  policy: Policy;
  store: CaseStore;
  cases: CaseService;
  nudges: Nudges;
  marketplace: Marketplace;
  /** Order nudges and relays handed straight to delivery (no case). */
  sent: Notification[];
  /** Jobs waiting in the hand scheduler. */
  jobs: ScheduledJob[];
  user(account: string, o?: { staff?: boolean }): Promise<Speaker>;
  /** Moves the clock by `ms`, running each job that comes due on the way, in order. */
  advance(ms: number): Promise<void>;
  advanceTo(iso: string): Promise<void>;
  /** Every notification so far (case outboxes and direct sends), each rendered for its recipient on Telegram. */
  delivered(): Promise<Delivered[]>;
  /** The delivered notifications to `to` (an account id, or 'support') whose first paragraph is `messageId`. */
  to(to: string, messageId: string): Promise<Delivered[]>;
  /** The marketplace changes an order (e.g. it is shipped now). */
  changeOrder(id: string, patch: Record<string, unknown>): Promise<void>;
  /** A process restart: new nudges on the same state, every open case's nudges planned again. */
  restart(): Promise<void>;
}

let seq = 0;

export async function nudgeWorld(backend: Backend, opts: { start: string; env?: Record<string, string> }): Promise<NudgeWorld> {
  const clock = fixedClock(opts.start);
  const config = loadConfig({ ...(opts.env ?? {}) });
  const policy: Policy = {
    ...config.policy,
    supportCalendar: { hours: config.SUPPORT_HOURS, zone: config.SUPPORT_TIMEZONE, isHoliday: holidayPredicate(config.SUPPORT_HOLIDAYS) },
  };
  const base = createDataMarketplace(DATA as never);
  const changed = new Map<string, Awaited<ReturnType<Marketplace['order']>>>();
  // The marketplace's later word on an order (shipped since), as `changeOrder` sets it.
  const marketplace: Marketplace = { ...base, order: async (id) => (changed.has(id) ? changed.get(id)! : base.order(id)) };
  const run = `np${++seq}${Math.random().toString(36).slice(2, 8)}:`;
  const kv = backend.kind === 'memory' ? createMemoryKv() : createRedisKv(backend.redis, `${backend.prefix}${run}`);
  const store = backend.kind === 'memory' ? createMemoryCaseStore() : createRedisCaseStore(backend.redis, { prefix: `${backend.prefix}${run}` });
  const shops = backend.kind === 'memory' ? createMemoryShopStatusStore() : createRedisShopStatusStore(backend.redis, `${backend.prefix}${run}`);
  const links = createLinkStore(kv);
  const threads = backend.kind === 'memory' ? createThreadRegistry(kv) : createRedisThreadRegistry(backend.redis, `${backend.prefix}${run}`, kv);
  const linking = createLinking({ secret: 'test-secret-of-some-length', kv, clock });
  const jobs: ScheduledJob[] = [];
  const ran = new Set<string>();
  const sent: Notification[] = [];
  const caseIds = new Set<string>();
  const scheduler = {
    schedule: async (j: ScheduledJob) => void (jobs.some((x) => x.id === j.id) || ran.has(j.id) || jobs.push(j)),
    cancel: async (id: string) => void jobs.splice(0, jobs.length, ...jobs.filter((x) => x.id !== id)),
    start: async () => {},
    close: async () => {},
  };
  const makeNudges = () =>
    createNudges({ store, scheduler, outbox: { wake: async () => {}, send: async (ns) => void sent.push(...ns) }, marketplace, kv, policy, defaultTimezone: 'Africa/Kinshasa', clock, logger: silentLogger });
  let nudges = makeNudges();
  const cases = createCaseService({
    store,
    marketplace,
    clock,
    policy,
    defaultTimezone: 'Africa/Kinshasa',
    notifications: (c, events) => notificationsFor(c, events, policy),
    afterAppend: (c, events, notifications, before) => {
      caseIds.add(c.id);
      return nudges.afterAppend(c, events, notifications, before);
    },
    shops,
    retry: { baseDelayMs: 1 },
  });
  const engine: Engine = createEngine({
    cases,
    marketplace,
    links,
    threads,
    kv,
    linking,
    relay: async (n) => void sent.push(n),
    onOrderReported: async ({ orderId, buyerId }) => {
      const o = await marketplace.order(orderId);
      const shop = o && (await marketplace.shop(o.shopId));
      const buyer = await marketplace.account(buyerId);
      if (!o || !shop) return;
      const timezone = buyer?.timezone ?? 'Africa/Kinshasa';
      await nudges.problemReported(o, shop, eligibility({ order: o, shop, now: clock.now().toISOString(), timezone, policy }));
    },
    onOrderSeen: (o, shop) => nudges.orderSeen(o, shop),
    onBuyerMessaged: (orderId, at) => nudges.buyerMessaged(orderId, at),
    onSellerReplied: (orderId, at) => nudges.sellerReplied(orderId, at),
    clock,
    policy,
    defaultLocale: 'fr',
    defaultTimezone: 'Africa/Kinshasa',
    locales: i18n.locales,
    languageDetector,
    embedded: false,
    logger: silentLogger,
  });
  const renderer = createNotificationRenderer({ links, marketplace, store, kv, clock, policy, defaultLocale: 'fr', defaultTimezone: 'Africa/Kinshasa', locales: i18n.locales, languageDetector });
  const linkOf = (accountId: string): Link => ({ platform: 'telegram', userId: `tg-${accountId}`, accountId, address: `dm-${accountId}`, linkedAt: opts.start });

  async function runUntil(end: number) {
    for (;;) {
      const due = jobs.filter((j) => Date.parse(j.dueAt) <= end).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
      if (!due) break;
      jobs.splice(jobs.indexOf(due), 1);
      ran.add(due.id);
      const now = clock.now().getTime();
      clock.advance(Math.max(Date.parse(due.dueAt), now) - now);
      await nudges.handle(due);
    }
    clock.advance(end - clock.now().getTime());
  }

  const world: NudgeWorld = {
    clock,
    policy,
    store,
    cases,
    get nudges() {
      return nudges;
    },
    marketplace,
    sent,
    jobs,
    async user(account, o = {}) {
      const userId = `tg-${account}${o.staff ? '-staff' : ''}`;
      const conversationId = o.staff ? 'staff-group' : `dm-${account}`;
      await links.put({ platform: 'telegram', userId, accountId: account, address: conversationId, linkedAt: opts.start });
      const base: Omit<TurnInput, 'content'> = {
        platform: 'telegram',
        userId,
        conversationId,
        isPrivate: !o.staff,
        capabilities: TELEGRAM_CAPABILITIES,
        ...(o.staff ? { isStaffChannel: true } : {}),
      };
      let msg = 0;
      const s: Speaker = {
        last: [],
        log: [],
        async text(t) {
          await turn({ type: 'text', text: t }, t);
        },
        async command(line) {
          const [head = '', ...args] = line.trim().split(/\s+/);
          await turn({ type: 'command', name: head.replace(/^\//, '').toLowerCase(), args, text: line }, line);
        },
        async press(labelId, match) {
          const found = s.buttons().find((c) => c.label.id === labelId && (!match || match(c)));
          expect(found, `a button ${labelId} among ${s.labels().join(', ') || 'no buttons'}\n${s.log.join('\n')}`).toBeDefined();
          await turn({ type: 'action', token: found!.token }, `[${labelId}]`);
        },
        async pressToken(token) {
          await turn({ type: 'action', token }, '[old button]');
        },
        buttons: () => s.last.flatMap((m) => [...(m.choices ?? []), ...(m.card?.actions ?? [])]),
        labels: () => s.buttons().map((c) => c.label.id),
        ids: () => s.last.flatMap((m) => m.body.map((b) => b.id)),
        read: () =>
          s.last
            .map((m) => {
              const r = renderMessage(m, i18n, TELEGRAM_CAPABILITIES);
              return [r.text, ...(r.card ? [r.card.title, ...r.card.lines] : [])].join('\n');
            })
            .join('\n---\n'),
      };
      async function turn(content: TurnContent, what: string) {
        const messageId = content.type === 'action' ? undefined : `m${++msg}`;
        const result = await engine.handle({ ...base, ...(messageId ? { messageId } : {}), content });
        s.last = result.replies;
        s.log.push(`[${clock.now().toISOString()}] ${account} > ${what}\n${s.read()}`);
      }
      return s;
    },
    advance: (ms) => runUntil(clock.now().getTime() + ms),
    advanceTo: (iso) => runUntil(Date.parse(iso)),
    async delivered() {
      const all: Notification[] = [];
      for (const id of caseIds) all.push(...(await store.peekOutbox(id, 1000)));
      all.push(...sent);
      const out: Delivered[] = [];
      for (const n of all) {
        const target = 'support' in n.to ? ({ support: true } as const) : { link: linkOf(n.to.accountId) };
        const m = await renderer.render(n, target, 'telegram');
        const r = renderMessage(m, i18n, TELEGRAM_CAPABILITIES);
        // Durations and amounts carry no-break spaces (« 2\u00a0jours »): read as a person reads them.
        out.push({ n, out: m, text: [r.text, ...(r.card ? [r.card.title, ...r.card.lines] : [])].join('\n').replace(/[\u00a0\u202f]/g, ' ') });
      }
      return out;
    },
    async to(to, messageId) {
      return (await world.delivered()).filter(
        (d) => (to === 'support' ? 'support' in d.n.to : 'accountId' in d.n.to && d.n.to.accountId === to) && d.n.body.some((b) => b.id === messageId),
      );
    },
    async changeOrder(id, patch) {
      const o = await base.order(id);
      changed.set(id, { ...o!, ...patch } as never);
    },
    async restart() {
      nudges = makeNudges();
      await nudges.resync();
    },
  };
  return world;
}

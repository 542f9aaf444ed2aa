import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { createCaseService, type CaseService } from '../../../src/app/case-service.js';
import { createEngine } from '../../../src/app/engine/index.js';
import { createNotificationRenderer, type NotificationRenderer } from '../../../src/app/engine/notification-render.js';
import { createI18n } from '../../../src/app/i18n.js';
import { languageDetectorFromLocales } from '../../../src/app/language.js';
import { createLinking, type Linking } from '../../../src/app/linking.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { notificationsFor } from '../../../src/app/notifications.js';
import { createNudges } from '../../../src/app/nudges.js';
import type { ScheduledJob } from '../../../src/ports/scheduler.js';
import { renderMessage } from '../../../src/app/render.js';
import type { PlatformCapabilities } from '../../../src/ports/platform.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import { DISCORD_CAPABILITIES } from '../../../adapters/discord/capabilities.js';
import { TEAMS_CAPABILITIES } from '../../../adapters/teams/capabilities.js';
import { WEB_CAPABILITIES } from '../../../adapters/web/capabilities.js';
import type { Choice, Engine, OutMessage, TurnContent, TurnInput } from '../../../src/ports/turn.js';
import { defaultPolicy, type Policy } from '../../../src/domain/policy.js';
import type { Account, BlobRef, Platform } from '../../../src/domain/types.js';
import { createDemoMarketplace, demoMarketplaceData } from '../../../src/infra/demo-marketplace.js';
import { createDataMarketplace } from '../../../src/infra/file-marketplace.js';
import { busyBuyerData } from '../../fixtures/busy-buyer.js';
import { createMemoryKv, createRedisKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createMemoryCaseStore } from '../../../src/infra/memory-case-store.js';
import { createMemoryShopStatusStore } from '../../../src/infra/memory-shop-status.js';
import { createRedisCaseStore } from '../../../src/infra/redis-case-store.js';
import { createRedisShopStatusStore } from '../../../src/infra/redis-shop-status.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import { createRedisThreadRegistry } from '../../../src/infra/redis-thread-registry.js';
import type { CaseStore } from '../../../src/ports/case-store.js';
import type { KeyValue } from '../../../src/ports/kv.js';
import type { LinkStore } from '../../../src/ports/links.js';
import type { Marketplace } from '../../../src/ports/marketplace.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { ThreadRegistry } from '../../../src/ports/threads.js';

/** The instant every scenario starts at; the demo marketplace's orders are dated around it. */
export const START = '2026-11-10T09:00:00.000Z';

export const i18n = createI18n('locales');
/** The language detector main builds, trained on the same locales. */
export const languageDetector = languageDetectorFromLocales('locales');

/** A clock the scenario moves by hand. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function fixedClock(iso = START): TestClock {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** Where state lives: everything in memory, or KeyValue and cases in Redis (marketplace stays the demo file). */
export type Backend = { kind: 'memory' } | { kind: 'redis'; redis: Redis; prefix: string };

export interface World {
  engine: Engine;
  clock: TestClock;
  store: CaseStore;
  cases: CaseService;
  kv: KeyValue;
  links: LinkStore;
  threads: ThreadRegistry;
  marketplace: Marketplace;
  linking: Linking;
  renderer: NotificationRenderer;
  /** Notifications the engine relayed outside any case (order messages to sellers). */
  relayed: Notification[];
  reported: Array<{ orderId: string; buyerId: string; until: string }>;
  /** What the deadlines hooks were told: orders seen, buyer messages relayed, seller answers (order ids, in order). */
  hooks: { seen: string[]; messaged: string[]; replied: string[] };
  /** A new engine on the same state, as after a process restart. */
  restart(): void;
  /** A chat user; `account` links them to that account first. */
  user(opts: UserOpts): Promise<Speaker>;
  /** Outbox notifications of a case, oldest first. */
  outbox(caseId: string): Promise<Notification[]>;
}

export interface UserOpts {
  account?: string;
  platform?: Platform;
  userId?: string;
  conversationId?: string;
  isPrivate?: boolean;
  isStaffChannel?: boolean;
  languageHint?: string;
}

/** One person chatting with the engine, turn by turn. */
export interface Speaker {
  readonly platform: Platform;
  readonly userId: string;
  /** Replies of the last turn. */
  last: OutMessage[];
  text(text: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  command(line: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  /** The user edits their message `messageId` (sent with that `messageId`): its new words. */
  edit(messageId: string, text: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  /** Presses the button (a choice or a card action) labelled with this message id in the last replies. */
  press(labelId: string, match?: (c: Choice) => boolean): Promise<OutMessage[]>;
  token(labelId: string, match?: (c: Choice) => boolean): string;
  pressToken(token: string): Promise<OutMessage[]>;
  attach(blob: BlobRef, caption?: string, extra?: Partial<TurnInput>): Promise<OutMessage[]>;
  /** Message ids of the last replies' paragraphs. */
  ids(): string[];
  /** The last replies rendered as the user reads them. */
  read(): string;
}

let seq = 0;

export interface WorldOptions {
  embedded?: boolean;
  /** Accounts whose marketplace record names no language (the demo's all say `fr`). */
  withoutLocale?: string[];
  /** Accounts added to the demo's (a second support agent). */
  extraAccounts?: Account[];
  /** The policy in force (default: SPEC's, on the wall clock). */
  policy?: Policy;
  /** Adds Grâce, a buyer with eleven orders from three shops (test/fixtures/busy-buyer.ts), to the demo's. */
  busyBuyer?: boolean;
  /** Adds this many orders of Amina's like CC-1001 (CC-5000, CC-5001…, a minute apart), for data-size probes. */
  moreOrders?: number;
}

/** The demo marketplace, with some accounts stripped of their language. */
function demoMarketplace(now: Date, withoutLocale: string[], extra: Account[] = [], busyBuyer = false, moreOrders = 0): Marketplace {
  const demo = busyBuyer ? busyMarketplace(now) : moreOrders > 0 ? manyOrders(now, moreOrders) : createDemoMarketplace(now);
  const base: Marketplace =
    extra.length === 0
      ? demo
      : { ...demo, account: async (id) => extra.find((a) => a.id === id) ?? demo.account(id), accounts: async () => [...(await demo.accounts()), ...extra] };
  const strip = <T extends { id: string; locale?: string } | null>(a: T): T => {
    if (!a || !withoutLocale.includes(a.id)) return a;
    const { locale: _dropped, ...rest } = a;
    return rest as T;
  };
  return { ...base, account: async (id) => strip(await base.account(id)), accounts: async () => (await base.accounts()).map(strip) };
}

/** The demo marketplace with `n` more orders of Amina's, copies of CC-1001 a minute apart. */
function manyOrders(now: Date, n: number): Marketplace {
  const data = demoMarketplaceData(now);
  const model = data.orders.find((o) => o.id === 'CC-1001')!;
  const more = Array.from({ length: n }, (_, i) => ({
    ...structuredClone(model),
    id: `CC-${5000 + i}`,
    placedAt: new Date(Date.parse(model.placedAt) - i * 60_000).toISOString(),
    items: model.items.map((it) => ({ ...it, title: `${it.title} n°${i}` })),
  }));
  return createDataMarketplace({ ...data, orders: [...data.orders, ...more] });
}

/** The demo marketplace with the busy buyer's accounts, shop and orders added. */
function busyMarketplace(now: Date): Marketplace {
  const data = demoMarketplaceData(now);
  const more = busyBuyerData(now);
  return createDataMarketplace({ ...data, accounts: [...data.accounts, ...more.accounts], shops: [...data.shops, ...more.shops], orders: [...data.orders, ...more.orders] });
}

export async function createWorld(backend: Backend, opts: WorldOptions = {}): Promise<World> {
  const clock = fixedClock();
  const marketplace = demoMarketplace(clock.now(), opts.withoutLocale ?? [], opts.extraAccounts, opts.busyBuyer, opts.moreOrders);
  const policy = opts.policy ?? defaultPolicy;
  const run = `${++seq}${Math.random().toString(36).slice(2, 8)}`;
  const kv = backend.kind === 'memory' ? createMemoryKv() : createRedisKv(backend.redis, `${backend.prefix}${run}:`);
  const store = backend.kind === 'memory' ? createMemoryCaseStore() : createRedisCaseStore(backend.redis, { prefix: `${backend.prefix}${run}:` });
  const shops = backend.kind === 'memory' ? createMemoryShopStatusStore() : createRedisShopStatusStore(backend.redis, `${backend.prefix}${run}:`);
  const links = createLinkStore(kv);
  // Redis: the registry production uses (hashes per chat), whose entries the engine reads with the case they name.
  const threads = backend.kind === 'memory' ? createThreadRegistry(kv) : createRedisThreadRegistry(backend.redis, `${backend.prefix}${run}:`, kv);
  const linking = createLinking({ secret: 'test-secret-of-some-length', kv, clock });
  const cases = createCaseService({
    store,
    marketplace,
    clock,
    policy,
    defaultTimezone: 'Africa/Kinshasa',
    notifications: notificationsFor,
    shops,
    retry: { baseDelayMs: 1 },
  });
  const relayed: Notification[] = [];
  const reported: World['reported'] = [];
  const hooks: World['hooks'] = { seen: [], messaged: [], replied: [] };
  const build = () => createEngine({
    cases,
    marketplace,
    links,
    threads,
    kv,
    linking,
    relay: async (n) => void relayed.push(n),
    onOrderReported: async (r) => void reported.push(r),
    onOrderSeen: async (order) => void hooks.seen.push(order.id),
    onBuyerMessaged: async (orderId) => void hooks.messaged.push(orderId),
    onSellerReplied: async (orderId) => void hooks.replied.push(orderId),
    clock,
    policy,
    defaultLocale: 'fr',
    defaultTimezone: 'Africa/Kinshasa',
    locales: i18n.locales,
    languageDetector,
    embedded: opts.embedded ?? false,
    logger: silentLogger,
  });
  let engine = build();
  const renderer = createNotificationRenderer({ links, marketplace, store, kv, clock, policy, defaultLocale: 'fr', defaultTimezone: 'Africa/Kinshasa', locales: i18n.locales, languageDetector });
  let users = 0;

  const world: World = {
    get engine() {
      return engine;
    },
    restart() {
      engine = build();
    },
    clock,
    store,
    cases,
    kv,
    links,
    threads,
    marketplace,
    linking,
    renderer,
    relayed,
    reported,
    hooks,
    outbox: (caseId) => store.peekOutbox(caseId, 1000),
    async user(o) {
      users += 1;
      const platform = o.platform ?? 'telegram';
      const userId = o.userId ?? `u${users}`;
      const conversationId = o.conversationId ?? `dm-${userId}`;
      if (o.account) {
        await links.put({ platform, userId, accountId: o.account, address: conversationId, linkedAt: START });
      }
      return speaker(() => engine, {
        platform,
        userId,
        conversationId,
        isPrivate: o.isPrivate ?? true,
        capabilities: capabilitiesOf(platform),
        ...(o.isStaffChannel ? { isStaffChannel: true } : {}),
        ...(o.languageHint ? { languageHint: o.languageHint } : {}),
      });
    },
  };
  return world;
}

/** What each adapter declares its platform gives, as its parser puts it on every turn. */
export function capabilitiesOf(platform: Platform): PlatformCapabilities {
  return { discord: DISCORD_CAPABILITIES, teams: TEAMS_CAPABILITIES, web: WEB_CAPABILITIES }[platform as string] ?? TELEGRAM_CAPABILITIES;
}

function speaker(engine: () => Engine, base: Omit<TurnInput, 'content'>): Speaker {
  const s: Speaker = {
    platform: base.platform,
    userId: base.userId,
    last: [],
    async text(text, extra = {}) {
      return turn({ type: 'text', text }, extra);
    },
    async command(line, extra = {}) {
      const [head = '', ...args] = line.trim().split(/\s+/);
      return turn({ type: 'command', name: head.replace(/^\//, '').toLowerCase(), args, text: line }, extra);
    },
    async edit(messageId, text, extra = {}) {
      return turn({ type: 'edit', text }, { ...extra, messageId });
    },
    token(labelId, match) {
      const all = s.last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
      const found = all.find((c) => c.label.id === labelId && (!match || match(c)));
      expect(found, `a button ${labelId} among ${all.map((c) => c.label.id).join(', ') || 'no buttons'}`).toBeDefined();
      return found!.token;
    },
    async press(labelId, match) {
      return s.pressToken(s.token(labelId, match));
    },
    async pressToken(token) {
      return turn({ type: 'action', token });
    },
    async attach(blob, caption, extra = {}) {
      return turn({ type: 'attachment', blob, ...(caption ? { caption } : {}) }, extra);
    },
    ids() {
      return s.last.flatMap((o) => o.body.map((b) => b.id));
    },
    read() {
      return s.last
        .map((o) => {
          const r = renderMessage(o, i18n, capabilitiesOf(base.platform));
          return [r.text, ...(r.card ? [r.card.title, ...r.card.lines] : [])].join('\n');
        })
        .join('\n---\n');
    },
  };
  async function turn(content: TurnContent, extra: Partial<TurnInput> = {}): Promise<OutMessage[]> {
    const result = await engine().handle({ ...base, ...extra, content });
    s.last = result.replies;
    return result.replies;
  }
  return s;
}

/** A stored blob reference for attachment turns (the engine never reads the bytes). */
export function photo(n = 1): BlobRef {
  return { id: `blob-${n}`, contentType: 'image/jpeg', size: 1000 + n, name: `photo-${n}.jpg` };
}

/** The button labels (message ids) of the last replies. */
export function buttons(replies: OutMessage[]): string[] {
  return replies.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])].map((c) => c.label.id));
}

export const DAY = 24 * 3600 * 1000;

/** `describe.each` over both backends: the world factory for the current one (Redis keys under a test prefix). */
export function backendWorld(kind: 'memory' | 'redis', hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }) {
  let r: TestRedis | undefined;
  hooks.beforeAll(async () => {
    if (kind === 'redis') r = await testRedis();
  });
  hooks.afterAll(async () => {
    await r?.cleanup();
  });
  return (opts: WorldOptions = {}) => createWorld(kind === 'memory' ? { kind } : { kind, redis: r!.redis, prefix: r!.prefix }, opts);
}

/** Opens a case straight through the case service (for scenarios that start from an open case). */
export async function openCase(world: World, orderId: string, reason: 'non_delivery' | 'not_as_described', buyer = 'acc-amina'): Promise<string> {
  const { case: c } = await world.cases.open({ accountId: buyer, platform: 'telegram' }, { orderId, reason, description: 'Rien reçu / nothing received.' });
  return c.id;
}

/**
 * Deadline nudges on a world's store, with a scheduler the test runs by hand as the clock moves: `plan` schedules a
 * case's nudges, `advance` moves the clock running every job due on the way, in order; `sent` is what they notified.
 */
export function handNudges(w: World) {
  const jobs: ScheduledJob[] = [];
  const sent: Notification[] = [];
  const nudges = createNudges({
    store: w.store,
    scheduler: {
      schedule: async (j) => void (jobs.some((x) => x.id === j.id) || jobs.push(j)),
      cancel: async (id) => void jobs.splice(0, jobs.length, ...jobs.filter((x) => x.id !== id)),
      start: async () => {},
      close: async () => {},
    },
    outbox: { wake: async () => {}, send: async (ns) => void sent.push(...ns) },
    marketplace: w.marketplace,
    kv: w.kv,
    policy: defaultPolicy,
    defaultTimezone: 'Africa/Kinshasa',
    clock: w.clock,
  });
  return {
    sent,
    async plan(caseId: string) {
      const c = (await w.store.load(caseId))!;
      await nudges.afterAppend(c, c.timeline);
    },
    async advance(ms: number) {
      const end = w.clock.now().getTime() + ms;
      for (;;) {
        const due = jobs.filter((j) => Date.parse(j.dueAt) <= end).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
        if (!due) break;
        jobs.splice(jobs.indexOf(due), 1);
        w.clock.advance(Math.max(Date.parse(due.dueAt), w.clock.now().getTime()) - w.clock.now().getTime());
        await nudges.handle(due);
      }
      w.clock.advance(end - w.clock.now().getTime());
    },
  };
}

import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterDeps } from '../../../adapters/discord/index.js';
import { createI18n, type I18n } from '../../../src/app/i18n.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { CaseCard, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import type { Case } from '../../../src/domain/case-model.js';
import type { CaseStatus } from '../../../src/domain/types.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import type { CaseFilter } from '../../../src/ports/case-store.js';
import type { Msg } from '../../../src/ports/notification.js';
import { createScriptedEngine as createEngine, testLocales, type ScriptedEngine } from '../../support/scripted-engine.js';
import { startDiscordStandin, type DiscordStandin, type StandinUser } from '../../support/discord-standin.js';

/** Sentences of the scripted engine, added to a copy of the real locales. */
const TEST_FTL = {
  fr: `test-echo = Vous avez écrit : { $text }
test-raw = { $text }
test-pick = Choisissez
test-option = Option { $n }
test-tracking = Quel est le suivi ?
`,
  en: `test-echo = You wrote: { $text }
test-raw = { $text }
test-pick = Pick one
test-option = Option { $n }
test-tracking = What is the tracking?
`,
};

/** A locales folder: every real .ftl plus the test sentences. */
export function testLocalesDir(): string {
  return testLocales(TEST_FTL);
}

/** An engine that records every TurnInput and, until told otherwise, echoes text. */
export function createScriptedEngine() {
  return createEngine((input) => (input.content.type === 'text' ? [replyTo(input, [{ id: 'test-echo', args: { text: input.content.text } }])] : []));
}

export type { ScriptedEngine };

/** An engine reply where the turn came from. */
export function replyTo(input: TurnInput, body: Msg[], extra: Partial<OutMessage> = {}): OutMessage {
  return { target: { conversationId: input.conversationId, threadId: input.threadId ?? null }, locale: 'fr', timezone: 'Africa/Kinshasa', body, ...extra };
}

/** A notification as the outbox worker hands it to the notifier. */
export function notification(text: string, extra: Partial<OutMessage> = {}): OutMessage {
  return { target: { conversationId: '' }, locale: 'fr', timezone: 'Africa/Kinshasa', body: [{ id: 'test-raw', args: { text } }], ...extra };
}

/** A case as the store would hold it. */
export function makeCase(id: string, over: Partial<Case> = {}): Case {
  const at = '2026-11-01T10:00:00.000Z';
  return {
    id,
    orderId: 'CC-1001',
    buyerId: 'acc-amina',
    shopId: 'shop-bisou',
    sellerId: 'acc-bisou',
    reason: 'non_delivery',
    description: 'Colis jamais arrivé',
    status: 'open' as CaseStatus,
    resolution: null,
    openedAt: at,
    escalatableAt: '2026-11-04T10:00:00.000Z',
    escalatedAt: null,
    escalationGround: null,
    closedAt: null,
    lateAt: '2027-11-01T10:00:00.000Z',
    lateDelivery: false,
    orderTotal: { amount: 5000000, currency: 'CDF' },
    refunded: { amount: 0, currency: 'CDF' },
    sellerActedAt: null,
    buyerWaitingSince: null,
    infoRequested: null,
    trackingMismatch: false,
    version: 1,
    timeline: [],
    ...over,
  };
}

/** The card of a case for one viewer. */
export function cardOf(c: Case, viewerRole: CaseCard['viewerRole'], actions: CaseCard['actions'] = []): CaseCard {
  return {
    caseId: c.id,
    orderId: c.orderId,
    orderTitle: 'Pagne wax 6 yards',
    shopName: 'Bisou Créations',
    reason: c.reason,
    status: c.status,
    resolution: c.resolution,
    description: c.description,
    total: c.orderTotal,
    refunded: c.refunded,
    openedAt: c.openedAt,
    escalatableAt: c.escalatableAt,
    escalatedAt: c.escalatedAt,
    closedAt: c.closedAt,
    lateDelivery: false,
    trackingMismatch: false,
    viewerRole,
    actions,
  };
}

/** Cases in memory, read the way the adapter reads them. */
export function createCaseList() {
  const cases = new Map<string, Case>();
  return {
    add(c: Case) {
      cases.set(c.id, c);
    },
    async load(id: string) {
      return cases.get(id) ?? null;
    },
    async list(f: CaseFilter) {
      const statuses = f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status];
      return [...cases.values()].filter(
        (c) => (!f.buyerId || c.buyerId === f.buyerId) && (!f.sellerId || c.sellerId === f.sellerId) && (!statuses || statuses.includes(c.status)),
      );
    },
  };
}

export const USERS = {
  amina: { id: '700000000000000001', username: 'amina', global_name: 'Amina K.' },
  bisou: { id: '700000000000000002', username: 'bisou', global_name: 'Bisou Créations' },
  agent: { id: '700000000000000003', username: 'agent', global_name: 'Support Congocrea' },
  stranger: { id: '700000000000000004', username: 'curieux', global_name: null },
} satisfies Record<string, StandinUser>;

export interface Harness {
  standin: DiscordStandin;
  adapter: DiscordAdapter;
  engine: ScriptedEngine;
  deps: DiscordAdapterDeps;
  cases: ReturnType<typeof createCaseList>;
  i18n: I18n;
  /** Links a Discord user to an account (what /link does). */
  link(user: StandinUser, accountId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A stand-in of Discord with the buyer Amina (DMs only, not in the server), the seller Bisou and a support
 * agent (in the server) and a stranger (in the server, no account), and the adapter connected to it.
 */
export async function startHarness(opts: { standin?: DiscordStandin; shared?: Partial<DiscordAdapterDeps>; ackAfterMs?: number; guildScoped?: boolean } = {}): Promise<Harness> {
  const standin = opts.standin ?? (await startDiscordStandin());
  if (!opts.standin) {
    standin.addUser(USERS.amina);
    standin.addUser(USERS.bisou, { member: true });
    standin.addUser(USERS.agent, { member: true, roles: [standin.supportRoleId] });
    standin.addUser(USERS.stranger, { member: true });
  }
  const engine = createScriptedEngine();
  const i18n = createI18n(testLocalesDir(), { defaultLocale: 'fr' });
  const kv = createMemoryKv();
  const cases = createCaseList();
  const deps: DiscordAdapterDeps = {
    config: {
      DISCORD_BOT_TOKEN: 'standin-token',
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_GUILD_ID: opts.guildScoped === false ? undefined : standin.guildId,
      DISCORD_SUPPORT_ROLE_ID: standin.supportRoleId,
      DISCORD_STAFF_CHANNEL_ID: standin.staffChannelId,
      DEFAULT_LOCALE: 'fr',
      DEFAULT_TIMEZONE: 'Africa/Kinshasa',
    },
    engine,
    i18n,
    links: createLinkStore(kv),
    threads: createThreadRegistry(kv),
    kv,
    dedup: createMemoryDedup(),
    blobs: createMemoryBlobStore(),
    cases,
    logger: silentLogger,
    casesChannelId: standin.casesChannelId,
    ackAfterMs: opts.ackAfterMs ?? 2000,
    ...opts.shared,
  };
  const adapter = createDiscordAdapter(deps);
  await adapter.start();
  return {
    standin,
    adapter,
    engine,
    deps,
    cases: (opts.shared?.cases as ReturnType<typeof createCaseList> | undefined) ?? cases,
    i18n,
    async link(user, accountId) {
      await deps.links.put({ platform: 'discord', userId: user.id, accountId, address: standin.dmChannelId(user.id), linkedAt: '2026-11-01T00:00:00.000Z' });
    },
    async stop() {
      await adapter.stop();
      if (!opts.standin) await standin.close();
    },
  };
}

/** Resolves once `check` passes (polling the stand-in's state), or fails with its last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

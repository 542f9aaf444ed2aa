import type { FastifyInstance } from 'fastify';
import { createTeamsAdapter, type TeamsAdapter, type TeamsAdapterDeps } from '../../../adapters/teams/index.js';
import { createI18n } from '../../../src/app/i18n.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { createMetrics } from '../../../src/app/metrics.js';
import type { CaseCard, OutMessage, TurnInput } from '../../../src/ports/turn.js';
import { createHttpServer } from '../../../src/http/server.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import type { Msg } from '../../../src/ports/notification.js';
import { createScriptedEngine, testLocales, type ScriptedEngine } from '../../support/scripted-engine.js';
import { startTeamsStandin, type TeamsStandin } from '../../support/teams-standin.js';

/** Sentences of the scripted engine, next to the adapter's own Fluent file. */
const TEST_FTL = `test-echo = You wrote: { $text }
test-hello = Hello { $name }
test-yes = Yes
test-no = No
test-raw = { $text }
engine-card-title = Case { $caseId } · { $orderTitle }
engine-card-order = Order { $orderId } from { $shopName }
engine-card-reason = Reason: { $reason }
engine-card-status = Status: { $status }
engine-card-description = Description: { $description }
engine-card-opened = Opened { $at }
engine-card-escalatable = Escalation possible { $at }
engine-card-escalated = Escalated { $at }
engine-card-closed = Closed { $at }
engine-card-refunded = Refunded: { $refunded }
engine-card-late = Late delivery
engine-card-tracking-mismatch = Tracking to another address
engine-card-role = You are the { $role }
`;

/** A locales folder with the adapter's teams.ftl and the test sentences (the same in both languages). */
export function testLocalesDir(): string {
  return testLocales({ fr: TEST_FTL, en: TEST_FTL }, ['teams.ftl', 'setup.ftl', 'evidence-files.ftl']);
}

export { createScriptedEngine, type ScriptedEngine };

/** An engine reply in the conversation the turn came from. */
export function replyTo(input: TurnInput, body: Msg[], extra: Partial<OutMessage> = {}): OutMessage {
  return { target: { conversationId: input.conversationId }, locale: 'en', timezone: 'Africa/Kinshasa', body, ...extra };
}

/** A case card as the engine would build it. */
export function card(extra: Partial<CaseCard> = {}): CaseCard {
  return {
    caseId: 'C-000001', orderId: 'CC-1001', orderTitle: 'Pagne wax 6 yards', shopName: 'Bisou Créations', reason: 'non_delivery',
    status: 'open', resolution: null, description: 'Never arrived', total: { amount: 5000000, currency: 'CDF' }, refunded: { amount: 0, currency: 'CDF' },
    openedAt: '2026-11-01T10:00:00Z', escalatableAt: '2026-11-04T10:00:00Z', escalatedAt: null, closedAt: null, lateDelivery: false,
    trackingMismatch: false, viewerRole: 'buyer', actions: [], ...extra,
  };
}

export const TENANT = 'tenant-congocrea';
export const STAFF = '19:staff@thread.tacv2';
export const TEAM = '19:general@thread.tacv2';
export const amina = { id: '29:amina', name: 'Amina K.', chat: 'a:chat-amina' };
export const bisou = { id: '29:bisou', name: 'Bisou Créations', chat: 'a:chat-bisou' };
export const agent = { id: '29:agent', name: 'Support Agent', chat: 'a:chat-agent' };
type Person = typeof amina;

/** Resolves once `check` holds; fails with `what` after a while. */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let seq = 0;

/** Builds activities the way Teams sends them to a bot. */
export function activities(standin: TeamsStandin, botId: string, locale = 'en-US') {
  const bot = { id: botId, name: 'Palabre' };
  const base = (from: Person, conversation: Record<string, unknown>) => ({
    id: `in-${Date.now()}-${++seq}`,
    channelId: 'msteams',
    serviceUrl: standin.root,
    timestamp: new Date().toISOString(),
    locale,
    from: { id: from.id, name: from.name, aadObjectId: `aad-${from.id}` },
    recipient: bot,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT } },
  });
  const personal = (p: Person) => ({ id: p.chat, conversationType: 'personal', isGroup: false });
  const inChannel = (conversationId: string) => ({ id: conversationId, conversationType: 'channel', isGroup: true });
  const channelData = (conversationId: string) => ({ tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: conversationId.split(';')[0] } });
  return {
    bot,
    /** A message in the person's 1:1 chat with the bot. */
    say: (p: Person, text: string, extra: Record<string, unknown> = {}) => ({ ...base(p, personal(p)), type: 'message', text, textFormat: 'plain', ...extra }),
    /** A message in a channel (or a channel thread) mentioning the bot. */
    mention: (p: Person, conversationId: string, text: string) => ({
      ...base(p, inChannel(conversationId)),
      type: 'message',
      text: `<at>Palabre</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Palabre</at>', mentioned: bot }],
      channelData: channelData(conversationId),
    }),
    /** An Action.Submit press on a card the bot posted. */
    submit: (p: Person, token: string, cardActivityId: string) => ({ ...base(p, personal(p)), type: 'message', replyToId: cardActivityId, value: { palabre: token } }),
    /** The bot installed in a personal chat. */
    installPersonal: (p: Person) => ({ ...base(p, personal(p)), type: 'conversationUpdate', membersAdded: [{ id: botId }] }),
    /** The bot installed in a team (the General channel's conversation). */
    installTeam: (p: Person, members: Person[] = []) => ({
      ...base(p, inChannel(TEAM)),
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }, ...members.map((m) => ({ id: m.id }))],
      channelData: { ...channelData(TEAM), eventType: 'teamMemberAdded' },
    }),
    /** installationUpdate add/remove in a personal chat. */
    installation: (p: Person, action: 'add' | 'remove') => ({ ...base(p, personal(p)), type: 'installationUpdate', action }),
    /** A file or an inline image in the person's 1:1 chat. */
    attach: (p: Person, attachments: unknown[], text = '') => ({ ...base(p, personal(p)), type: 'message', text, attachments }),
    /** The answer to a file consent card. */
    consent: (p: Person, cardActivityId: string, value: unknown) => ({ ...base(p, personal(p)), type: 'invoke', name: 'fileConsent/invoke', replyToId: cardActivityId, value }),
  };
}

export interface HarnessOptions extends Partial<Omit<TeamsAdapterDeps, 'engine'>> {
  engine?: ScriptedEngine;
  /** Start the stand-in with an app id: inbound tokens are checked and outbound calls need one. */
  authenticated?: boolean;
}

/** The stand-in, a fastify server with the adapter's route, and a scripted engine. */
export async function startHarness(opts: HarnessOptions = {}) {
  const authenticated = opts.authenticated ?? true;
  const appId = authenticated ? 'app-palabre-test' : '';
  const standin = await startTeamsStandin(authenticated ? { appId, appPassword: 'test-secret' } : {});
  const engine = opts.engine ?? createScriptedEngine();
  const kv = createMemoryKv();
  const threads = createThreadRegistry(kv);
  const links = createLinkStore(kv);
  const blobs = createMemoryBlobStore();
  const i18n = createI18n(testLocalesDir());
  const app: FastifyInstance = createHttpServer({ logger: silentLogger, metrics: createMetrics() });
  const adapter: TeamsAdapter = createTeamsAdapter({
    ...(authenticated
      ? { appId, appPassword: 'test-secret', openIdMetadataUrl: standin.openIdMetadataUrl, loginUrl: standin.loginUrl }
      : { allowUnauthenticated: true }),
    staffConversationId: STAFF,
    i18n,
    threads,
    links,
    dedup: createMemoryDedup(),
    kv,
    blobs,
    logger: silentLogger,
    defaultLocale: 'en',
    ...opts,
    engine,
  });
  await adapter.register(app);
  await app.ready();
  const act = activities(standin, authenticated ? `28:${appId}` : '28:palabre-local');
  return {
    standin, engine, kv, threads, links, blobs, i18n, adapter, app, act,
    /** Posts an activity to /api/messages as the channel would, with a valid token unless told otherwise. */
    async post(activity: unknown, authorization?: string) {
      const auth = authorization ?? (authenticated ? `Bearer ${standin.token()}` : '');
      const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity as object, headers: auth ? { authorization: auth } : {} });
      return { status: res.statusCode, body: res.body, retryAfter: res.headers['retry-after'] };
    },
    async close() {
      await app.close();
      await standin.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The visible text of an HTML message the bot posted. */
export function visible(html: string | undefined): string {
  return (html ?? '').replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The Adaptive Card of a posted activity, if any. */
export function cardOf(activity: any): any {
  return (activity?.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
}

/** Every Action.Submit of a card: title and token. */
export function buttonsOf(content: any): { title: string; token: string; style: string }[] {
  if (!content) return [];
  return (content.body ?? []).filter((b: any) => b.type === 'ActionSet').flatMap((s: any) => s.actions.map((a: any) => ({ title: a.title, token: a.data.palabre, style: a.style })));
}

/** The texts shown on a card, top to bottom. */
export function cardTexts(content: any): string[] {
  return (content?.body ?? []).filter((b: any) => b.type === 'RichTextBlock').map((b: any) => b.inlines.map((i: any) => i.text).join(''));
}

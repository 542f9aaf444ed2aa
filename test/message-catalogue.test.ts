import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import type { Api } from 'grammy';
import type { REST } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { TELEGRAM_CAPABILITIES } from '../adapters/telegram/capabilities.js';
import { discordCapabilities } from '../adapters/discord/capabilities.js';
import { TEAMS_CAPABILITIES } from '../adapters/teams/capabilities.js';
import { WEB_CAPABILITIES } from '../adapters/web/capabilities.js';
import { createTelegramSender } from '../adapters/telegram/send.js';
import { createDiscordSender } from '../adapters/discord/send.js';
import { toActivities } from '../adapters/teams/cards.js';
import { createBlobSigner, createPresenter, renderForWeb } from '../adapters/web/present.js';
import { createPaneHub } from '../adapters/web/panes.js';
import { createI18n } from '../src/app/i18n.js';
import { capabilityArgs, renderMessage } from '../src/app/render.js';
import { CASE_OPS } from '../src/app/engine/actions.js';
import { actionLabelId } from '../src/app/engine/cards.js';
import { createNotificationRenderer } from '../src/app/engine/notification-render.js';
import { notificationsFor } from '../src/app/notifications.js';
import { fold } from '../src/domain/decider.js';
import type { CaseEvent } from '../src/domain/case-model.js';
import { createMemoryBlobStore } from '../src/infra/blob-folder.js';
import { createDemoMarketplace } from '../src/infra/demo-marketplace.js';
import { createMemoryKv } from '../src/infra/kv.js';
import { createThreadRegistry } from '../src/infra/thread-registry.js';
import type { LinkStore } from '../src/ports/links.js';
import { silentLogger } from '../src/ports/logger.js';
import type { MessageArg, MessageArgs, Notification } from '../src/ports/notification.js';
import type { PlatformCapabilities } from '../src/ports/platform.js';
import type { OutMessage } from '../src/ports/turn.js';
import { OPENED_AT, escalatedCase, opened, play, shift } from './domain/support.js';

/**
 * Issue 13: every message id of the locales, rendered through each adapter's own path to the platform's payload
 * (Telegram's sendMessage calls, Discord's message bodies, Teams' activities and Adaptive Cards, the playground's pane
 * events) with each platform's declared capabilities, promises no thread, no reply gesture, no staff channel and no
 * button that payload and platform do not give. Then the case notifications, rendered for a party in context, name
 * only buttons they carry and always carry a button to answer the other party.
 */

const LANGS = ['fr', 'en', 'ln', 'sw'] as const;
type Lang = (typeof LANGS)[number];
const TZ = 'Africa/Kinshasa';
const i18n = createI18n('locales');

/** Where a message is read: the four platforms, Discord both in DMs and in a party's case thread. */
type PlatformName = 'telegram' | 'discord' | 'discord case thread' | 'teams' | 'web';
const CAPS: Record<PlatformName, PlatformCapabilities> = {
  telegram: TELEGRAM_CAPABILITIES,
  discord: discordCapabilities(false),
  'discord case thread': discordCapabilities(true),
  teams: TEAMS_CAPABILITIES,
  web: WEB_CAPABILITIES,
};
const PLATFORMS = Object.keys(CAPS) as PlatformName[];
const platformOf = (place: PlatformName) => (place === 'discord case thread' ? 'discord' : place);

// ---------------------------------------------------------------------------------------------------------------
// What a sentence promises, per language.

interface Words {
  thread: RegExp;
  staffChannel: RegExp;
  replyGesture: RegExp;
  /** A channel no platform is: Congocrea's own messaging (Palabre talks in the user's chat app). */
  congocreaMessaging: RegExp;
  /** The label of a button the sentence names (first capture group). */
  namedButton: RegExp[];
  /** The sentence says its buttons come with it. */
  below: RegExp;
}

const WORDS: Record<Lang, Words> = {
  fr: {
    thread: /\bfils?\b|\bsujets? du forum\b/i,
    staffChannel: /\b(canal|salon|groupe) du support\b/i,
    replyGesture: /répondant à ce message|répondez à ce message|faites glisser/i,
    congocreaMessaging: /messagerie (de )?Congocrea/i,
    namedButton: [/bouton\s+«\s*([^»]+?)\s*»/g, /\bavec\s+«\s*([^»]+?)\s*»/g],
    below: /ci-dessous/i,
  },
  en: {
    thread: /\bthreads?\b|\bforum topics?\b/i,
    staffChannel: /\b(support|staff) (channel|group)\b/i,
    replyGesture: /replying to this message|reply to this message|swipe/i,
    congocreaMessaging: /Congocrea's messages|Congocrea messaging/i,
    namedButton: [/"([^"]+)" button/g, /button "([^"]+)"/g, /“([^”]+)” button/g, /\bwith “([^”]+)”/g],
    below: /\bbelow\b/i,
  },
  ln: {
    thread: /\bfil\b/i,
    staffChannel: /\bcanal ya support\b/i,
    replyGesture: /koyanola message oyo/i,
    congocreaMessaging: /messagerie ya Congocrea/i,
    namedButton: [/bouton\s+«\s*([^»]+?)\s*»/g],
    below: /awa na se/i,
  },
  sw: {
    thread: /\bthread\b/i,
    staffChannel: /\bchaneli ya support\b/i,
    replyGesture: /kujibu ujumbe huu/i,
    congocreaMessaging: /ujumbe wa Congocrea/i,
    namedButton: [/kitufe\s+«\s*([^»]+?)\s*»/g],
    below: /hapa chini/i,
  },
};

/** Buttons named by the sentences checked so far: the patterns must keep finding the sentences they are about. */
let namedSeen = 0;

/** What a payload shows its reader: the words, and the labels of the buttons it carries. */
interface Shown {
  text: string;
  buttons: string[];
}

const t = (lang: string, id: string) => i18n.t(lang, { id }, TZ);

/** Every button label a sentence may name when its buttons are not in the same message: the case card's, the order relays'. */
function knownButtons(lang: Lang, platform: PlatformName): Set<string> {
  const ids = [
    ...CASE_OPS.flatMap((op) => (['buyer', 'seller', 'support'] as const).map((role) => actionLabelId(op, role))),
    'engine-order-reply-to-buyer',
    'engine-order-reply-to-seller',
    'engine-action-ask-reinstatement',
    // The page draws « Répondre » under every case message (adapters/web/static/app.js).
    ...(platform === 'web' ? ['web-reply'] : []),
  ];
  return new Set(ids.map((id) => t(lang, id)));
}

/** The buttons that answer the other party of a case or an order. */
const replyButtons = (lang: Lang) =>
  new Set(['engine-action-reply-to-buyer', 'engine-action-reply-to-seller', 'engine-order-reply-to-buyer', 'engine-order-reply-to-seller'].map((id) => t(lang, id)));

/**
 * The promises `shown` breaks on `platform`. With `inContext`, the message is shown as it is sent, so the buttons it
 * names or says are below must be in its own payload; otherwise they must at least be buttons Palabre draws.
 */
export function brokenPromises(lang: Lang, platform: PlatformName, shown: Shown, inContext: boolean): string[] {
  const w = WORDS[lang];
  const caps = CAPS[platform];
  const out: string[] = [];
  if (!caps.caseThreads && w.thread.test(shown.text)) out.push('names a thread');
  if (!caps.staffChannel && w.staffChannel.test(shown.text)) out.push('names a staff channel');
  if (caps.replyGesture === 'none' && w.replyGesture.test(shown.text)) out.push('names a reply gesture');
  if (w.congocreaMessaging.test(shown.text)) out.push('names Congocrea’s messaging');
  const allowed = inContext ? new Set(shown.buttons) : knownButtons(lang, platform);
  for (const re of w.namedButton) {
    for (const m of shown.text.matchAll(re)) {
      namedSeen += 1;
      if (!allowed.has(m[1]!)) out.push(`names the button « ${m[1]} »${inContext ? ', not in its payload' : ', which Palabre never draws'}`);
    }
  }
  if (inContext && w.below.test(shown.text) && shown.buttons.length === 0) out.push('says its buttons are below, and has none');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Each adapter's path from an OutMessage to the platform's payload.

const kv = createMemoryKv();
const blobs = createMemoryBlobStore();
const threads = createThreadRegistry(kv);
const unescapeHtml = (s: string) => s.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

interface TelegramCall {
  text: string;
  other: { reply_markup?: { inline_keyboard?: { text: string }[][] } };
}
const telegramCalls: TelegramCall[] = [];
let telegramIds = 0;
const telegramApi = {
  sendMessage: async (_chat: string, text: string, other: TelegramCall['other']) => {
    telegramCalls.push({ text, other });
    return { message_id: ++telegramIds };
  },
  editMessageReplyMarkup: async () => true,
} as unknown as Api;
const telegram = createTelegramSender({ api: telegramApi, i18n, threads, kv, blobs, logger: silentLogger });
const discord = createDiscordSender({ rest: {} as REST, i18n, kv, threads, blobs, logger: silentLogger });
const hub = createPaneHub();
afterAll(() => hub.close());
const presenter = createPresenter({ i18n, render: renderForWeb, blobs, signer: createBlobSigner('catalogue'), hub, clock: { now: () => new Date(OPENED_AT) }, logger: silentLogger });
const pane = hub.create('seller', { id: 'acc-bisou', name: 'Bisou Créations' }, 'fr');

/** The payload `platform` would receive for `out`, as its reader sees it. */
async function shownOn(platform: PlatformName, out: OutMessage): Promise<Shown> {
  switch (platform) {
    case 'telegram': {
      telegramCalls.length = 0;
      await telegram.send(out);
      return {
        text: telegramCalls.map((c) => unescapeHtml(c.text)).join('\n'),
        buttons: telegramCalls.flatMap((c) => (c.other.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text)),
      };
    }
    case 'discord':
    case 'discord case thread': {
      const messages = await discord.compose(out, { inCaseThread: platform === 'discord case thread' });
      const unescape = (s: string) => s.replace(/\\([\\*_~`|>#\-[\]()])/g, '$1');
      return {
        text: messages.flatMap((m) => [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])]).map(unescape).join('\n'),
        buttons: messages.flatMap((m) =>
          m.components.flatMap((row) =>
            row.components.flatMap((c) => ('label' in c && c.label ? [c.label] : 'options' in c ? c.options.map((o) => o.label) : [])),
          ),
        ),
      };
    }
    case 'teams': {
      const activities = toActivities(renderMessage(out, i18n, TEAMS_CAPABILITIES));
      type Block = { type: string; inlines?: { text: string }[]; actions?: { title: string }[] };
      const blocks = activities.flatMap((a) => (a.attachments ?? []).flatMap((x) => ((x.content as { body?: Block[] }).body ?? [])));
      return {
        text: [...activities.map((a) => unescapeHtml(a.text ?? '')), ...blocks.flatMap((b) => (b.inlines ?? []).map((i) => i.text))].join('\n'),
        buttons: blocks.flatMap((b) => (b.actions ?? []).map((a) => a.title)),
      };
    }
    case 'web': {
      const event = await presenter.show(pane, out);
      const view = event.views![out.locale]!;
      return {
        text: [view.text, ...(view.card ? [view.card.title, ...view.card.lines] : [])].join('\n'),
        buttons: [...view.choices, ...(view.card?.actions ?? [])].map((b) => b.label).concat(event.caseId ? [t(out.locale, 'web-reply')] : []),
      };
    }
    default: {
      const never: never = platform;
      return never;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue: every message id, every variant, with plausible arguments.

interface Entry {
  id: string;
  file: string;
}
type Node = { type?: string; name?: string; selector?: Node; variants?: { key: { type: string; value: string | number }; value: unknown }[] };

/** Message ids (not terms) of a language, with their parsed values. */
function catalogue(lang: Lang): { entries: Entry[]; values: Map<string, unknown> } {
  const entries: Entry[] = [];
  const values = new Map<string, unknown>();
  for (const file of readdirSync(join('locales', lang)).filter((f) => f.endsWith('.ftl')).sort()) {
    for (const m of new FluentResource(readFileSync(join('locales', lang, file), 'utf8')).body) {
      values.set(m.id, m.value);
      if (!m.id.startsWith('-')) entries.push({ id: m.id, file });
    }
  }
  return { entries, values };
}

/** The variables a message (and the messages and terms it references) reads, and the variant keys of each selector. */
function variablesOf(id: string, values: Map<string, unknown>): Map<string, Set<string | number>> {
  const vars = new Map<string, Set<string | number>>();
  const seen = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const n = x as Node;
    if (n.type === 'var' && n.name && !vars.has(n.name)) vars.set(n.name, new Set());
    if ((n.type === 'mesg' || n.type === 'term') && n.name) {
      const ref = n.type === 'term' ? `-${n.name}` : n.name;
      if (!seen.has(ref)) {
        seen.add(ref);
        walk(values.get(ref));
      }
    }
    if (n.type === 'select') {
      walk(n.selector);
      if (n.selector?.type === 'var' && n.selector.name) for (const v of n.variants ?? []) vars.get(n.selector.name)!.add(v.key.value);
      for (const v of n.variants ?? []) walk(v.value);
    }
  };
  seen.add(id);
  walk(values.get(id));
  return vars;
}

const DATE = '2026-11-12T09:00:00.000Z';

/** A value a caller could pass for `name`. */
function plausible(name: string): MessageArg {
  if (/^(amount|total|refunded|refundable|rest|left_amount)$/.test(name)) return { money: { amount: 45000, currency: 'CDF' } };
  if (/^(left|waited|duration|window)$/.test(name)) return { duration: 'P2DT3H' };
  if (/(At|^at|since|until|^from|lastDay|estimated|^date|Date)$/.test(name)) return { date: DATE, style: 'datetime' };
  if (/^(count|returnDays|hours|minutes|kb|length|max|days|n|size|total_count)$/.test(name)) return 3;
  if (/^case(Id)?$/.test(name)) return 'C-000002';
  if (/^order(Id)?$/.test(name)) return 'CC-1001';
  return 'Amina';
}

/** Argument sets covering every variant of every selector (one selector varied at a time); the platform's own are left to rendering. */
function argSets(id: string, values: Map<string, unknown>): MessageArgs[] {
  const platformVars = new Set(Object.keys(capabilityArgs(TELEGRAM_CAPABILITIES)));
  const vars = [...variablesOf(id, values)].filter(([name]) => !platformVars.has(name));
  const base: MessageArgs = Object.fromEntries(vars.map(([name]) => [name, plausible(name)]));
  const sets = [base];
  for (const [name, keys] of vars) {
    for (const key of keys) {
      const value: MessageArg = typeof key === 'number' ? key : key === 'one' ? 1 : ['zero', 'two', 'few', 'many', 'other'].includes(key) ? 5 : key;
      sets.push({ ...base, [name]: value });
    }
  }
  return sets;
}

/** Which platforms send a message: a platform's own messages (by prefix) only there, the rest everywhere. */
function sentOn(id: string): PlatformName[] {
  if (id.startsWith('tg-')) return ['telegram'];
  // A case thread's introduction and its refusals are posted in the case's thread (adapters/discord/threads.ts, messages.ts).
  if (/^dc-(staff-)?thread-/.test(id)) return ['discord case thread'];
  if (id.startsWith('dc-')) return ['discord', 'discord case thread'];
  if (id.startsWith('teams-')) return ['teams'];
  if (id.startsWith('web-')) return ['web'];
  return PLATFORMS;
}

const bare = (lang: Lang, id: string, args: MessageArgs): OutMessage => ({ target: { conversationId: '4242' }, locale: lang, timezone: TZ, body: [{ id, args }] });

describe('the message catalogue promises only what each platform gives', () => {
  it('the checks catch a thread, a gesture, a channel or a button that is not there', () => {
    const empty = { text: '', buttons: [] };
    expect(brokenPromises('fr', 'teams', { ...empty, text: 'Répondez dans ce fil.' }, false)).toEqual(['names a thread']);
    expect(brokenPromises('fr', 'discord', { ...empty, text: 'Répondez dans ce fil.' }, false)).toEqual(['names a thread']);
    expect(brokenPromises('fr', 'discord case thread', { ...empty, text: 'Répondez dans ce fil.' }, false)).toEqual([]);
    expect(brokenPromises('en', 'web', { ...empty, text: 'Or by replying to this message.' }, false)).toEqual(['names a reply gesture']);
    expect(brokenPromises('en', 'web', { ...empty, text: 'That is for support only, in the support channel.' }, false)).toEqual(['names a staff channel']);
    expect(brokenPromises('fr', 'telegram', { ...empty, text: 'Appuyez sur le bouton « Répondre ».' }, false)).toHaveLength(1);
    expect(brokenPromises('fr', 'web', { ...empty, text: 'Appuyez sur le bouton « Répondre ».' }, false)).toEqual([]);
    expect(brokenPromises('fr', 'telegram', { text: 'Utilisez le bouton « Répondre à l’acheteur » ci-dessous.', buttons: [] }, true)).toHaveLength(2);
    expect(brokenPromises('fr', 'telegram', { text: 'Utilisez le bouton « Répondre à l’acheteur » ci-dessous.', buttons: ['Répondre à l’acheteur'] }, true)).toEqual([]);
  });

  it('a sentence follows what the reader has: the case thread, the reply gesture, the staff channel', async () => {
    const opened: OutMessage = bare('fr', 'notify-case-opened', { caseId: 'C-000002', orderId: 'CC-1001', reason: 'non_delivery', escalatableAt: { date: DATE, style: 'datetime' } });
    expect((await shownOn('discord case thread', opened)).text).toContain('Répondez-lui ici, dans le fil du litige, ou avec le bouton « Répondre à l’acheteur »');
    for (const place of ['discord', 'teams', 'telegram', 'web'] as const) {
      expect((await shownOn(place, opened)).text, place).toContain('Répondez-lui avec le bouton « Répondre à l’acheteur »');
    }
    const howTo = bare('en', 'engine-relay-how-to-answer', {});
    expect((await shownOn('telegram', howTo)).text).toBe('Answer the buyer with the button below (or by replying to this message), here rather than by e-mail or phone.');
    expect((await shownOn('web', howTo)).text).toBe('Answer the buyer with the button below, here rather than by e-mail or phone.');
    const supportOnly = bare('en', 'error-support-only', {});
    expect((await shownOn('teams', supportOnly)).text).toBe('That is for support only, in the support channel.');
    expect((await shownOn('web', supportOnly)).text).toBe('That is for support only.');
  });

  it.each(LANGS)('%s: every message id, in every variant, on every platform that sends it', async (lang) => {
    const { entries, values } = catalogue(lang);
    expect(entries.length).toBeGreaterThan(300);
    const broken: string[] = [];
    let rendered = 0;
    const named = namedSeen;
    for (const { id, file } of entries) {
      for (const args of argSets(id, values)) {
        for (const platform of sentOn(id)) {
          const shown = await shownOn(platform, bare(lang, id, args));
          rendered += 1;
          // Every variable is given: a placeholder left in the text is a message the test could not render.
          if (/\{\$|\{\?\?\?\}/.test(shown.text)) broken.push(`${file}: ${id} on ${platform}: left a placeholder: ${shown.text}`);
          for (const p of brokenPromises(lang, platform, shown, false)) broken.push(`${file}: ${id} ${JSON.stringify(args)} on ${platform}: ${p}`);
        }
      }
    }
    expect(rendered).toBeGreaterThan(entries.length * 2);
    // The sellers' help, the new case, the fallback, the report's next steps… name their buttons.
    expect(namedSeen - named).toBeGreaterThan(10);
    expect([...new Set(broken)]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Case and order notifications to a party, in context.

const marketplace = createDemoMarketplace(new Date(OPENED_AT));

function rendererFor(events: CaseEvent[], lang: Lang) {
  const links = { getLocale: async () => lang } as unknown as LinkStore;
  return createNotificationRenderer({
    links,
    marketplace,
    store: { load: async () => fold(events) },
    kv,
    clock: { now: () => new Date(shift(OPENED_AT, 'PT3H')) },
    defaultLocale: lang,
    defaultTimezone: TZ,
    locales: [...LANGS],
  });
}

const SUPPORT = { as: 'support' as const, now: shift(OPENED_AT, 'PT2H') };
const SELLER = { as: 'seller' as const, now: shift(OPENED_AT, 'PT2H') };
const ADDRESS = { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' };

/** Case histories whose last events notify the parties; the case is still open or escalated after each. */
const SCENES: Record<string, () => { log: CaseEvent[]; before: number }> = {
  opened: () => ({ log: opened(), before: 0 }),
  comment: () => step(opened(), [{ type: 'Comment', text: 'Des nouvelles ?' }, {}]),
  'seller comment': () => step(opened(), [{ type: 'Comment', text: 'Colis envoyé hier.' }, SELLER]),
  evidence: () => step(opened(), [{ type: 'AddEvidence', kind: 'photo', blob: { id: 'b1', contentType: 'image/jpeg', size: 10 }, caption: 'Carton' }, {}]),
  tracking: () => step(opened(), [{ type: 'AddTracking', carrier: 'dhl', number: 'JD0142', info: null, shippingAddress: ADDRESS }, SELLER]),
  'partial refund': () => step(opened(), [{ type: 'Refund', amount: { amount: 5000, currency: 'CDF' } }, SELLER]),
  escalated: () => ({ log: escalatedCase(), before: opened().length }),
  'info requested from the seller': () => step(escalatedCase(), [{ type: 'AskInfo', from: 'seller', text: 'Le reçu ?' }, SUPPORT]),
  'info requested from the buyer': () => step(escalatedCase(), [{ type: 'AskInfo', from: 'buyer', text: 'Une photo ?' }, SUPPORT]),
  'comment on an escalated case': () => step(escalatedCase(), [{ type: 'Comment', text: 'Voici.' }, SELLER]),
  reminder: () => step(opened(), [{ type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId: 'n1' }, { as: 'system' }]),
  'reply due': () => step(opened(), [{ type: 'RecordReminder', nudge: 'seller_reply_due', to: 'seller', nudgeId: 'n2' }, { as: 'system' }]),
  'escalation open': () => step(opened(), [{ type: 'RecordReminder', nudge: 'buyer_escalation_open', to: 'buyer', nudgeId: 'n3' }, { as: 'system' }]),
};

function step(log: CaseEvent[], s: Parameters<typeof play>[1][number]): { log: CaseEvent[]; before: number } {
  return { log: play(log, [s]), before: log.length };
}

/** The relay of a buyer's message about an order to its seller (no case), as the engine queues it. */
const orderRelay = (): Notification => ({
  id: 'order-1',
  to: { accountId: 'acc-bisou' },
  orderId: 'CC-1001',
  body: [
    { id: 'engine-relay-order-message', args: { buyerName: 'Amina K.', orderId: 'CC-1001', title: 'Pagne wax' } },
    { id: 'engine-relay-quote', args: { text: 'Où est mon colis ?' } },
    { id: 'engine-relay-how-to-answer' },
  ],
  createdAt: OPENED_AT,
});

describe('notifications to a party are true where they arrive', () => {
  it.each(LANGS)('%s: each names only the buttons it carries and carries a button to answer the other party', async (lang) => {
    const broken: string[] = [];
    let checked = 0;
    for (const [scene, make] of Object.entries(SCENES)) {
      const { log, before } = make();
      const c = fold(log);
      expect(c.status, scene).not.toBe('closed');
      const parties = notificationsFor(c, log.slice(before)).filter((n) => 'accountId' in n.to);
      expect(parties.length, scene).toBeGreaterThan(0);
      await checkAll(scene, parties, rendererFor(log, lang));
    }
    await checkAll('order relay', [orderRelay()], rendererFor(opened(), lang));
    expect(checked).toBeGreaterThan(40);
    expect(broken).toEqual([]);

    async function checkAll(scene: string, ns: Notification[], renderer: ReturnType<typeof rendererFor>) {
      for (const n of ns) {
        const accountId = (n.to as { accountId: string }).accountId;
        for (const platform of PLATFORMS) {
          const link = { platform: platformOf(platform), userId: `u-${accountId}`, accountId, address: '4242', linkedAt: OPENED_AT };
          const out = await renderer.render(n, { link }, platformOf(platform));
          const shown = await shownOn(platform, out);
          checked += 1;
          const where = `${scene} → ${accountId} on ${platform} (${n.body.map((b) => b.id).join(', ')})`;
          for (const p of brokenPromises(lang, platform, shown, true)) broken.push(`${where}: ${p}`);
          if (!shown.buttons.some((b) => replyButtons(lang).has(b))) broken.push(`${where}: no button to answer the other party (buttons: ${shown.buttons.join(' | ')})`);
        }
      }
    }
  });
});

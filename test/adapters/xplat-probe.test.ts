/**
 * Blind probe: whole cases that cross platforms, through the real adapters (grammY, discord.js, botbuilder) on the
 * stand-ins of the platforms' HTTP APIs (127.0.0.1), on Redis. Written from SPEC.md, README.md, docs/ and the test
 * harness only, before reading src/.
 *
 * SPEC: "a case opened on one platform can be answered from another"; "a linked user can be reached on every platform
 * they linked; each party sees the case in their own platform's thread"; Discord: one private thread per case for buyer
 * and seller, another in the staff channel; Teams: reply chains, proactive messages for nudges; Telegram: replies to a
 * case's message belong to that case. What each person would see is asserted (texts from the locales, buttons).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf as dcButtonsOf, label, linkOnDiscord, seen as dcSeen, slash, startWorld, withButton, answerTo, type World } from './discord/app-harness.js';
import { eventually, USERS } from './discord/harness.js';
import { APP_ID, seen as teamsSeen, startTeamsAppStandin } from './teams/app-harness.js';
import { activities, buttonsOf as teamsButtonsOf, cardOf as teamsCardOf, STAFF, until } from './teams/harness.js';
import { privateChat, visible } from './telegram/harness.js';
import type { TeamsStandin, ConnectorCall } from '../support/teams-standin.js';
import type { StandinUser as TgUser, TelegramStandin } from '../support/telegram-standin.js';
import type { StandinUser as DcUser } from '../support/discord-standin.js';

type Json = Record<string, any>;

// ——— The marketplace of the probe (its own file: two buyers, two shops, four orders, all eligible today) ———

const money = (amount: number) => ({ amount, currency: 'CDF' });
const order = (id: string, buyerId: string, shopId: string, title: string, amount: number) => ({
  id, buyerId, shopId,
  items: [{ listingId: `L-${id}`, title, quantity: 1, unitPrice: money(amount) }],
  total: money(amount),
  payment: { method: 'mobile_money', viaMarketplace: true },
  placedAt: '2026-10-20T09:00:00Z',
  shippedAt: '2026-10-22T09:00:00Z',
  estimatedDeliveryAt: '2026-11-15T00:00:00Z',
  shippingAddress: { name: buyerId, line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' },
  tracking: null,
});
const MARKETPLACE = {
  accounts: [
    { id: 'acc-amina', name: 'Amina K.', roles: ['buyer'], locale: 'fr', timezone: 'Africa/Kinshasa' },
    { id: 'acc-juma', name: 'Juma M.', roles: ['buyer'], locale: 'sw', timezone: 'Africa/Lubumbashi' },
    { id: 'acc-bisou', name: 'Bisou Créations', roles: ['seller'], locale: 'fr' },
    { id: 'acc-mbuyi', name: 'Mbuyi Cuir', roles: ['seller'], locale: 'fr' },
    { id: 'acc-support-1', name: 'Support Congocrea', roles: ['support'], locale: 'fr' },
  ],
  shops: [
    { id: 'shop-bisou', ownerId: 'acc-bisou', name: 'Bisou Créations', country: 'CD', policies: { refunds: true, returns: true, returnWindowDays: 14, exchanges: false } },
    { id: 'shop-mbuyi', ownerId: 'acc-mbuyi', name: 'Mbuyi Cuir', country: 'CD', policies: { refunds: false, returns: false, exchanges: false } },
  ],
  orders: [
    order('CC-2001', 'acc-amina', 'shop-bisou', 'Pagne wax 6 yards', 5_000_000),
    order('CC-2002', 'acc-amina', 'shop-bisou', 'Sac en raphia', 3_000_000),
    order('CC-2003', 'acc-juma', 'shop-bisou', 'Chemise en bazin', 4_000_000),
    order('CC-2004', 'acc-amina', 'shop-mbuyi', 'Sandales en cuir', 2_000_000),
  ],
  tracking: [],
};
let MARKETPLACE_DATA = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'xplat-probe-'));
  MARKETPLACE_DATA = join(dir, 'marketplace.json');
  writeFileSync(MARKETPLACE_DATA, JSON.stringify(MARKETPLACE));
});

// ——— People on each platform ———

const tgAmina: TgUser = { id: 7001, first_name: 'Amina', last_name: 'K.', language_code: 'fr' };
const tgBisou: TgUser = { id: 7002, first_name: 'Bisou', language_code: 'fr' };
// Juma's phone is in English; his Congocrea account says Swahili.
const tgJuma: TgUser = { id: 7005, first_name: 'Juma', language_code: 'en' };
const tmAmina = { id: '29:amina', name: 'Amina K.', chat: 'a:chat-amina' };
const tmBisou = { id: '29:bisou', name: 'Bisou Créations', chat: 'a:chat-bisou' };
const tmAgent = { id: '29:agent', name: 'Support Agent', chat: 'a:chat-agent' };
const tmJuma = { id: '29:juma', name: 'Juma M.', chat: 'a:chat-juma' };
type TmPerson = typeof tmAmina;

/** Fluent's isolation marks, if any, are not something a reader sees. */
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

interface X {
  w: World;
  tg: TelegramStandin;
  teams: TeamsStandin;
  act: ReturnType<typeof activities>;
}

let x: X | null = null;
let teamsStandin: TeamsStandin | null = null;
afterEach(async () => {
  await x?.w.close();
  await teamsStandin?.close();
  x = null;
  teamsStandin = null;
});

/** Telegram, Discord and Teams on one Palabre (Redis), on the probe's marketplace. */
async function start(env: Record<string, string> = {}): Promise<X> {
  teamsStandin = await startTeamsAppStandin();
  const w = await startWorld({ redis: true, telegram: true, teams: teamsStandin, env: { MARKETPLACE_DATA, ...env } });
  x = { w, tg: w.tg!, teams: teamsStandin, act: activities(teamsStandin, `28:${APP_ID}`, 'fr-FR') };
  return x;
}

/** A sentence of the locales, as a reader of `locale` would read it. */
const t = (s: X, locale: string, id: string, args: Record<string, unknown> = {}) => plain(s.w.p.i18n.t(locale, { id, args } as never, 'Africa/Kinshasa'));
/** The words of a sentence before the argument `arg` (for sentences with dates and durations). */
function prefix(s: X, locale: string, id: string, args: Record<string, unknown>, arg: string): string {
  const full = t(s, locale, id, { ...args, [arg]: '\u0000' });
  if (!full.includes('\u0000')) throw new Error(`probe: ${id} does not show ${arg} as is`);
  return full.slice(0, full.indexOf('\u0000'));
}
const load = (s: X, id: string) => s.w.p.store.load(id);

// ——— Telegram ———

const tgShown = (m: Json): string => plain(visible(String(m.text ?? m.caption ?? '')));
const tgButtons = (m: Json): Json[] => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat();
const tgSay = (s: X, u: TgUser, text: string, replyTo?: number) => s.tg.push(s.tg.build.text(u, privateChat(u), text, replyTo ? { replyTo } : {})).message as Json;
async function tgExpect(s: X, u: TgUser, pattern: RegExp | string, from = 0): Promise<Json> {
  let found: Json | undefined;
  const match = (m: Json) => (typeof pattern === 'string' ? tgShown(m).includes(pattern) : pattern.test(tgShown(m)));
  await until(() => Boolean((found = s.tg.botMessages(u.id).slice(from).find(match))), `Telegram ${u.first_name}: ${String(pattern)}`);
  return found!;
}
/** Presses the newest button whose label contains `text` in the user's chat; returns the message and the button. */
async function tgPress(s: X, u: TgUser, text: string): Promise<{ m: Json; data: string }> {
  let target: { m: Json; data: string } | undefined;
  await until(() => {
    for (const m of [...s.tg.botMessages(u.id)].reverse()) {
      const b = tgButtons(m).find((x) => String(x.text).includes(text));
      if (b) return Boolean((target = { m, data: b.callback_data }));
    }
    return false;
  }, `a "${text}" button for ${u.first_name} on Telegram`);
  s.tg.push(s.tg.build.press(u, target!.m, target!.data));
  return target!;
}
async function linkTelegram(s: X, u: TgUser, accountId: string) {
  const { token } = await s.w.p.linking.issue(accountId);
  tgSay(s, u, `/start ${token}`);
  await until(async () => (await s.w.p.links.get('telegram', String(u.id)))?.accountId === accountId, `${accountId} linked on Telegram`);
}

// ——— Teams ———

async function tmPost(s: X, activity: unknown) {
  const res = await s.w.p.http.inject({ method: 'POST', url: '/api/messages', payload: activity as object, headers: { authorization: `Bearer ${s.teams.token()}` } });
  return res.statusCode;
}
/** What the bot posted (or updated) in a conversation, as it stands now (`prefixMatch`: the conversation and its threads). */
function tmShown(s: X, conversationId: string, prefixMatch = false): ConnectorCall[] {
  const inConv = (id: string | undefined) => (prefixMatch ? Boolean(id?.startsWith(conversationId)) : id === conversationId);
  const posted = s.teams.posted().filter((c) => inConv(c.conversationId));
  const created = s.teams.created().filter((c) => inConv(c.id)).map((c) => ({ ...c, conversationId: c.id, body: c.body.activity, id: c.id?.split(';messageid=')[1] }));
  const latest = new Map<string, ConnectorCall>();
  for (const c of [...created, ...posted]) latest.set(c.id!, c);
  for (const u of s.teams.updated().filter((c) => inConv(c.conversationId))) latest.set(u.activityId!, { ...latest.get(u.activityId!), ...u, id: u.activityId! });
  return [...latest.values()];
}
const tmText = (c: ConnectorCall) => plain(teamsSeen(c));
const tmButtons = (c: ConnectorCall) => teamsButtonsOf(teamsCardOf(c.body));
async function tmExpect(s: X, conversationId: string, pattern: RegExp | string, prefixMatch = false): Promise<ConnectorCall> {
  let found: ConnectorCall | undefined;
  const match = (c: ConnectorCall) => (typeof pattern === 'string' ? tmText(c).includes(pattern) : pattern.test(tmText(c)));
  await until(() => Boolean((found = tmShown(s, conversationId, prefixMatch).find(match))), `Teams ${conversationId}: ${String(pattern)}`);
  return found!;
}
/** Presses the newest card button whose title contains `text` in the person's chat. */
async function tmPress(s: X, p: TmPerson, text: string): Promise<{ id: string; token: string }> {
  let hit: { id: string; token: string } | undefined;
  await until(() => {
    for (const c of [...tmShown(s, p.chat)].reverse()) {
      const b = tmButtons(c).find((x) => x.title.includes(text));
      if (b) return Boolean((hit = { id: c.id!, token: b.token }));
    }
    return false;
  }, `a "${text}" button for ${p.name} on Teams`);
  await tmPost(s, s.act.submit(p, hit!.token, hit!.id));
  return hit!;
}
async function linkTeams(s: X, p: TmPerson, accountId: string) {
  const { token } = await s.w.p.linking.issue(accountId);
  await tmPost(s, s.act.say(p, `link ${token}`));
  await until(async () => (await s.w.p.links.get('teams', p.id))?.accountId === accountId, `${accountId} linked on Teams`);
}
/** A press on a card posted in a channel conversation (the staff channel or one of its threads). */
function tmChannelSubmit(s: X, p: TmPerson, conversationId: string, token: string, cardId: string) {
  const a: Json = s.act.mention(p, conversationId, '');
  delete a.entities;
  a.text = '';
  a.replyToId = cardId;
  a.value = { palabre: token };
  return a;
}
/** Support types a command in the staff channel (or a case's thread there) and confirms when a confirmation card comes. */
async function tmStaff(s: X, conversationId: string, text: string): Promise<string> {
  const before = new Set(tmShown(s, STAFF, true).map((c) => c.id));
  await tmPost(s, s.act.mention(tmAgent, conversationId, text));
  let fresh: ConnectorCall[] = [];
  await until(() => (fresh = tmShown(s, STAFF, true).filter((c) => !before.has(c.id))).length > 0, `an answer to « ${text} » in the staff channel`);
  const go = [t(s, 'fr', 'engine-choice-confirm'), t(s, 'fr', 'engine-choice-refund-no-recover')];
  const confirm = fresh.map((c) => ({ c, b: tmButtons(c).find((b) => go.includes(b.title)) })).find((h) => h.b);
  if (confirm) {
    const mark = new Set(tmShown(s, STAFF, true).map((c) => `${c.id}:${tmText(c)}`));
    await tmPost(s, tmChannelSubmit(s, tmAgent, confirm.c.conversationId!, confirm.b!.token, confirm.c.id!));
    await until(() => tmShown(s, STAFF, true).some((c) => !mark.has(`${c.id}:${tmText(c)}`)), `the confirmation of « ${text} » answered`);
  }
  return fresh.map(tmText).join('\n');
}

// ——— Discord ———

const dm = (s: X, u: DcUser) => s.w.dc.dmChannelId(u.id);
/** The private thread (in the cases channel) whose messages name the case. */
async function partiesThread(s: X, caseId: string): Promise<string> {
  return eventually(() => {
    const th = s.w.dc.threads().find((c) => c.type === 12 && c.parent_id !== s.w.dc.staffChannelId && s.w.dc.messagesIn(c.id).some((m) => dcSeen(m).includes(caseId)));
    if (!th) throw new Error(`no parties thread for ${caseId}`);
    return th.id;
  }, 10_000);
}
async function dcExpect(s: X, channelId: string, pattern: RegExp | string, from = 0): Promise<any> {
  const match = (m: any) => (typeof pattern === 'string' ? plain(dcSeen(m)).includes(pattern) : pattern.test(plain(dcSeen(m))));
  return eventually(() => {
    const hit = s.w.dc.messagesIn(channelId).slice(from).find(match);
    if (!hit) throw new Error(`no message ${String(pattern)} in ${channelId}`);
    return hit;
  }, 10_000);
}
/** A Discord button is gone when the message has none, or only disabled ones. */
const dcLiveButtons = (m: any) => dcButtonsOf(m).filter((b) => !b.disabled);
async function dcConfirmIfAsked(s: X, user: DcUser, channelId: string, replies: any[]) {
  const confirm = replies.flatMap((m) => dcButtonsOf(m).map((b) => ({ m, b }))).find(({ b }) => b.label === t(s, 'fr', 'engine-choice-confirm'));
  if (!confirm) return replies;
  const id = s.w.dc.clickButton({ user, channelId, messageId: confirm.m.id, customId: confirm.b.custom_id });
  return answerTo(s.w, id);
}

const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms));

/** Labels of buttons that act on an open case (a closed case must not show them live). */
const ACTION_IDS = [
  'engine-action-photo', 'engine-action-proof', 'engine-action-close', 'engine-action-escalate', 'engine-action-escalate-support',
  'engine-action-refund-full', 'engine-action-refund-partial', 'engine-action-tracking', 'engine-action-decide', 'engine-action-ask-buyer',
  'engine-action-ask-seller', 'engine-action-support', 'engine-action-reply-to-seller', 'engine-action-reply-to-buyer', 'engine-choice-confirm',
  'desk-action-take',
];
const actionLabels = (s: X, locale = 'fr') => ACTION_IDS.map((id) => t(s, locale, id));

// ————————————————————————————————————————————————————————————————————————————————————————————————————————————————

describe('cross-platform probe (Telegram, Discord, Teams on one Palabre)', () => {
  it('1. buyer opens a non-delivery case on Telegram; the seller answers in the Discord case thread; her Telegram reply to it reaches him in the same thread', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');

    tgSay(s, tgAmina, 'ma commande CC-2001 n’est jamais arrivée, j’attends depuis trois semaines');
    await tgPress(s, tgAmina, t(s, 'fr', 'engine-choice-yes-reason'));
    const from = s.tg.botMessages(tgAmina.id).length;
    await tgPress(s, tgAmina, t(s, 'fr', 'buyer-flow-choice-open-now'));
    await tgExpect(s, tgAmina, /C-000001/, from);
    expect(await load(s, 'C-000001')).toMatchObject({ orderId: 'CC-2001', reason: 'non_delivery', status: 'open' });

    // The seller (in the server) gets one private thread for the case, and is in it.
    const thread = await partiesThread(s, 'C-000001');
    await eventually(() => expect(s.w.dc.threadMembers(thread)).toContain(USERS.bisou.id));
    await dcExpect(s, thread, /Nouveau litige C-000001 sur la commande CC-2001/);

    s.w.dc.sendMessage({ author: USERS.bisou, channelId: thread, content: 'Bonjour, le colis est parti le 2 avec DHL.' });
    const relayed = await tgExpect(s, tgAmina, t(s, 'fr', 'notify-comment', { author: 'seller', caseId: 'C-000001', text: 'Bonjour, le colis est parti le 2 avec DHL.' }));

    // Amina answers with Telegram's Reply on that message: it belongs to the case and reaches the seller's thread.
    const mark = s.w.dc.messagesIn(thread).length;
    tgSay(s, tgAmina, 'Merci, mais je n’ai toujours rien reçu à Kinshasa.', relayed.message_id);
    await dcExpect(s, thread, t(s, 'fr', 'notify-comment', { author: 'buyer', caseId: 'C-000001', text: 'Merci, mais je n’ai toujours rien reçu à Kinshasa.' }), mark);
    await tgExpect(s, tgAmina, t(s, 'fr', 'engine-done-comment', { to: 'seller' }));
    // One thread for the case, no second one, no DM to the seller instead.
    expect(s.w.dc.threads().filter((c) => c.type === 12 && s.w.dc.messagesIn(c.id).some((m) => dcSeen(m).includes('C-000001')))).toHaveLength(1);
    const c = (await load(s, 'C-000001'))!;
    expect(c.timeline.filter((e) => e.type === 'comment').map((e: Json) => [e.actor.platform, e.actor.role, e.text])).toEqual([
      ['discord', 'seller', 'Bonjour, le colis est parti le 2 avec DHL.'],
      ['telegram', 'buyer', 'Merci, mais je n’ai toujours rien reçu à Kinshasa.'],
    ]);
  }, 40_000);

  it('2. support on Teams runs /case, /escalate, /refund, /decide, /reopen; the buyer on Telegram and the seller in his Discord thread are told each step; the thread still works after the reopening', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await linkTeams(s, tmAgent, 'acc-support-1');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Rien reçu, aucune nouvelle.' });
    const thread = await partiesThread(s, 'C-000001');

    const shown = await tmStaff(s, STAFF, '/case C-000001');
    expect(shown).toContain('C-000001');
    expect(shown).toContain('Rien reçu, aucune nouvelle.');

    await tmStaff(s, STAFF, '/escalate C-000001 inactivity');
    await eventually(async () => expect((await load(s, 'C-000001'))!.status).toBe('escalated'));
    const escalated = t(s, 'fr', 'notify-escalated', { caseId: 'C-000001', ground: 'inactivity' });
    await tgExpect(s, tgAmina, escalated);
    await dcExpect(s, thread, escalated);

    // A support refund is a decision: the confirmation says the case will close, and support picks who pays.
    expect(await tmStaff(s, STAFF, '/refund C-000001 10000')).toMatch(/Rembourser 10\s000,00\sCDF à l’acheteur dans le litige C-000001/);
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'support_refund', refunded: { amount: 1_000_000 } }));
    await tgExpect(s, tgAmina, /Le support a remboursé .*remboursement partiel.* dans le litige C-000001/);
    await tgExpect(s, tgAmina, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'support_refund' }));
    await dcExpect(s, thread, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'support_refund' }));
    await tmStaff(s, STAFF, '/reopen C-000001');
    await eventually(async () => expect((await load(s, 'C-000001'))!.status).not.toBe('closed'));

    await tmStaff(s, STAFF, '/decide C-000001 seller');
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'seller_favour' }));
    const closed = t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'seller_favour' });
    await tgExpect(s, tgAmina, closed);
    await dcExpect(s, thread, closed);

    await tmStaff(s, STAFF, '/reopen C-000001');
    await eventually(async () => expect((await load(s, 'C-000001'))!.status).not.toBe('closed'));
    const reopened = t(s, 'fr', 'notify-reopened', { caseId: 'C-000001' });
    await tgExpect(s, tgAmina, reopened);
    await dcExpect(s, thread, reopened);

    // The same Discord thread carries the case on after the reopening.
    const from = s.tg.botMessages(tgAmina.id).length;
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: thread, content: 'Je renvoie un colis demain.' });
    await tgExpect(s, tgAmina, t(s, 'fr', 'notify-comment', { author: 'seller', caseId: 'C-000001', text: 'Je renvoie un colis demain.' }), from);
    const kinds = (await load(s, 'C-000001'))!.timeline.map((e: Json) => `${e.type}:${e.actor?.platform ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['escalated:teams', 'refund:teams', 'closed:teams', 'reopened:teams', 'comment:discord']));
    expect(kinds.filter((k) => k === 'reopened:teams')).toHaveLength(2);
  }, 50_000);

  it('3. the buyer closes on Teams: the seller’s Telegram card, pending confirmation and « Répondre » lose their buttons, her Teams card too; old presses change nothing', async () => {
    const s = await start();
    await linkTeams(s, tmAmina, 'acc-amina');
    await linkTelegram(s, tgBisou, 'acc-bisou');
    await tmPost(s, s.act.say(tmAmina, 'ma commande CC-2001 n’est jamais arrivée, toujours rien après trois semaines'));
    await tmPress(s, tmAmina, t(s, 'fr', 'engine-choice-yes-reason'));
    await tmPress(s, tmAmina, t(s, 'fr', 'buyer-flow-choice-open-now'));
    await tmExpect(s, tmAmina.chat, /C-000001/);

    // The seller, on Telegram: the case card, a full refund asked (its confirmation left pending), a reply from the buyer.
    const card = await tgExpect(s, tgBisou, /Nouveau litige C-000001/);
    await tgPress(s, tgBisou, t(s, 'fr', 'engine-action-refund-full'));
    const confirmation = await tgExpect(s, tgBisou, /Rembourser .* à l’acheteur dans le litige C-000001/);
    const confirm = tgButtons(confirmation).find((b) => b.text === t(s, 'fr', 'engine-choice-confirm'))!;
    expect(confirm).toBeDefined();
    tgSay(s, tgBisou, 'Je vérifie avec le transporteur.', card.message_id);
    const relayed = await tmExpect(s, tmAmina.chat, 'Je vérifie avec le transporteur.');
    await tmPost(s, { ...s.act.say(tmAmina, ''), text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${relayed.id}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>Merci de me tenir au courant.</p>` });
    await tgExpect(s, tgBisou, 'Merci de me tenir au courant.');
    await settle(800);

    // Old buttons kept by clients: the buyer's own card on Teams.
    const aminaCard = [...tmShown(s, tmAmina.chat)].reverse().find((c) => tmButtons(c).some((b) => b.title === t(s, 'fr', 'engine-action-photo')))!;
    expect(aminaCard).toBeDefined();
    const photoToken = tmButtons(aminaCard).find((b) => b.title === t(s, 'fr', 'engine-action-photo'))!.token;

    await tmPress(s, tmAmina, t(s, 'fr', 'engine-action-close'));
    await tmPress(s, tmAmina, t(s, 'fr', 'engine-choice-confirm'));
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'buyer_closed' }), 10_000);
    await tgExpect(s, tgBisou, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'buyer_closed' }));
    await settle();

    // Telegram: no message of the seller's chat keeps a button that acts on the closed case.
    const labels = actionLabels(s);
    const live = s.tg.botMessages(tgBisou.id).flatMap((m) => tgButtons(m).map((b) => String(b.text))).filter((l) => labels.some((a) => l.includes(a)));
    expect(live).toEqual([]);
    // Teams: the buyer's chat has no card with an action button left.
    const liveTeams = tmShown(s, tmAmina.chat).flatMap((c) => tmButtons(c).map((b) => b.title)).filter((l) => labels.some((a) => l.includes(a)));
    expect(liveTeams).toEqual([]);

    // A client that still shows them: the seller's old « Confirmer » on Telegram is refused with a clear sentence, and pays nothing.
    const version = (await load(s, 'C-000001'))!.version;
    const from = s.tg.botMessages(tgBisou.id).length;
    s.tg.push(s.tg.build.press(tgBisou, confirmation, confirm.callback_data));
    const refusal = await tgExpect(s, tgBisou, /C-000001/, from);
    expect(tgShown(refusal)).toMatch(/clos/);
    // The buyer's old « Ajouter une photo » on Teams: refused too.
    const before = tmShown(s, tmAmina.chat).length;
    await tmPost(s, s.act.submit(tmAmina, photoToken, aminaCard.id!));
    await until(() => tmShown(s, tmAmina.chat).length > before, 'an answer to the old Teams button');
    const answer = tmShown(s, tmAmina.chat).slice(before).map(tmText).join('\n');
    expect(answer).toMatch(/clos|plus valable|ne s’applique plus/);
    expect(answer).not.toContain(t(s, 'fr', 'engine-ask-photo', { caseId: 'C-000001' }));
    await settle(500);
    expect(await s.w.p.marketplace.refunds('CC-2001')).toHaveLength(0);
    expect((await load(s, 'C-000001'))!.version).toBe(version);
  }, 50_000);

  it('4. support decides on Discord: its staff card, the buyer’s Telegram card and the seller’s Teams card are retired; old presses are refused and change nothing', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkTeams(s, tmBisou, 'acc-bisou');
    await linkOnDiscord(s.w, USERS.agent, 'acc-support-1');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Toujours rien.' });
    await tmExpect(s, tmBisou.chat, /Nouveau litige C-000001/);
    tgSay(s, tgAmina, '/case C-000001');
    const aminaCard = await tgExpect(s, tgAmina, /C-000001/);
    await until(() => s.tg.botMessages(tgAmina.id).some((m) => tgButtons(m).some((b) => b.text === t(s, 'fr', 'engine-action-close'))), 'the buyer’s card with its buttons');
    const buyerCard = [...s.tg.botMessages(tgAmina.id)].reverse().find((m) => tgButtons(m).some((b) => b.text === t(s, 'fr', 'engine-action-close')))!;
    const closeData = tgButtons(buyerCard).find((b) => b.text === t(s, 'fr', 'engine-action-close'))!.callback_data;
    void aminaCard;

    const staff = s.w.dc.staffChannelId;
    await dcConfirmIfAsked(s, USERS.agent, staff, await slash(s.w, USERS.agent, 'escalate', { case: 'C-000001', ground: 'inactivity' }, staff));
    await eventually(async () => expect((await load(s, 'C-000001'))!.status).toBe('escalated'));
    // The staff card on Discord (in the staff channel or its thread for the case) has support's buttons.
    const staffCard = await eventually(() => {
      const channels = [staff, ...s.w.dc.threads().filter((c) => c.parent_id === staff).map((c) => c.id)];
      const hit = channels.flatMap((id) => s.w.dc.messagesIn(id)).find((m) => dcSeen(m).includes('C-000001') && dcLiveButtons(m).length > 0);
      if (!hit) throw new Error('no staff card with buttons');
      return hit;
    }, 10_000);
    const staffButton = dcLiveButtons(staffCard).find((b) => b.label !== t(s, 'fr', 'engine-action-reopen'))!;
    const sellerCard = [...tmShown(s, tmBisou.chat)].reverse().find((c) => tmButtons(c).some((b) => b.title === t(s, 'fr', 'engine-action-refund-full')))!;
    const refundToken = tmButtons(sellerCard).find((b) => b.title === t(s, 'fr', 'engine-action-refund-full'))!.token;

    await dcConfirmIfAsked(s, USERS.agent, staff, await slash(s.w, USERS.agent, 'decide', { case: 'C-000001' }, staff));
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'seller_favour' }), 10_000);
    const closed = t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'seller_favour' });
    await tgExpect(s, tgAmina, closed);
    await tmExpect(s, tmBisou.chat, closed);
    await settle();

    const labels = actionLabels(s);
    const isAction = (l: string) => labels.some((a) => l.includes(a));
    expect(s.tg.botMessages(tgAmina.id).flatMap((m) => tgButtons(m).map((b) => String(b.text))).filter(isAction)).toEqual([]);
    expect(tmShown(s, tmBisou.chat).flatMap((c) => tmButtons(c).map((b) => b.title)).filter(isAction)).toEqual([]);
    expect(dcLiveButtons(s.w.dc.message(staffCard.id)).map((b: any) => b.label).filter(isAction)).toEqual([]);
    // Added after the first run (seen in what Teams showed, not written blind): support on Teams read the escalation in
    // the case's staff thread, a card with support's buttons; the decision taken on Discord must retire it too.
    const teamsStaffCard = tmShown(s, STAFF, true).find((c) => tmText(c).includes('C-000001') && c.conversationId !== STAFF && c.body?.attachments?.length);
    expect(teamsStaffCard).toBeDefined();
    expect(tmShown(s, STAFF, true).flatMap((c) => tmButtons(c).map((b) => b.title)).filter(isAction)).toEqual([]);

    const version = (await load(s, 'C-000001'))!.version;
    // Old presses: Telegram « Clore », Teams « Rembourser en totalité », Discord's staff button.
    const from = s.tg.botMessages(tgAmina.id).length;
    s.tg.push(s.tg.build.press(tgAmina, buyerCard, closeData));
    expect(tgShown(await tgExpect(s, tgAmina, /./, from))).toMatch(/clos|plus/);
    const before = tmShown(s, tmBisou.chat).length;
    await tmPost(s, s.act.submit(tmBisou, refundToken, sellerCard.id!));
    await until(() => tmShown(s, tmBisou.chat).length > before, 'an answer to the old Teams button');
    expect(tmShown(s, tmBisou.chat).slice(before).map(tmText).join('\n')).toMatch(/clos|plus valable|ne s’applique plus/);
    const pressed = s.w.dc.clickButton({ user: USERS.agent, messageId: staffCard.id, customId: staffButton.custom_id });
    const dcAnswer = (await answerTo(s.w, pressed)).map(dcSeen).join('\n');
    expect(dcAnswer).toMatch(/clos|plus valable|ne s’applique plus/);
    await settle(500);
    expect(await s.w.p.marketplace.refunds('CC-2001')).toHaveLength(0);
    expect((await load(s, 'C-000001'))!).toMatchObject({ status: 'closed', version });
  }, 50_000);

  it('5. a buyer linked on Telegram and Teams and a seller linked on Discord and Telegram get each nudge once per platform at most, in their own language', async () => {
    const s = await start({ POLICY_SELLER_REMINDERS: 'PT2S', POLICY_ESCALATION_AFTER: 'PT5S' });
    await linkTelegram(s, tgJuma, 'acc-juma');
    await linkTeams(s, tmJuma, 'acc-juma');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await linkTelegram(s, tgBisou, 'acc-bisou');
    // The seller asks for English on Telegram: he is answered in English from now on, wherever he is.
    const from = s.tg.botMessages(tgBisou.id).length;
    tgSay(s, tgBisou, '/lang en');
    await tgExpect(s, tgBisou, t(s, 'en', 'engine-lang-set'), from);

    await s.w.p.cases.open({ accountId: 'acc-juma', platform: 'telegram' }, { orderId: 'CC-2003', reason: 'non_delivery', description: 'Shati haijafika.' });
    // Both nudges are due within 5 s; once each has arrived somewhere, a little more time for any second copy.
    const swSeen = () => [...s.tg.botMessages(tgJuma.id).map(tgShown), ...tmShown(s, tmJuma.chat).map(tmText)].some((x) => x.includes(t(s, 'sw', 'notify-escalation-open', { caseId: 'C-000001' })));
    await until(swSeen, 'the escalation nudge for Juma', 15_000);
    await settle(2500);

    // Juma: the escalation nudge in Swahili, at least once, never twice on a platform, never in French or English.
    const sw = t(s, 'sw', 'notify-escalation-open', { caseId: 'C-000001' });
    const onTelegram = s.tg.botMessages(tgJuma.id).map(tgShown);
    const onTeams = tmShown(s, tmJuma.chat).map(tmText);
    const swCount = [onTelegram, onTeams].map((texts) => texts.filter((x) => x.includes(sw)).length);
    expect(Math.max(...swCount)).toBe(1);
    expect(Math.min(...swCount)).toBeLessThanOrEqual(1);
    for (const other of ['fr', 'en']) {
      const words = t(s, other, 'notify-escalation-open', { caseId: 'C-000001' });
      expect([...onTelegram, ...onTeams].filter((x) => x.includes(words))).toEqual([]);
    }
    // Bisou: the reminder in English, once per platform at most, at least once; nothing in French.
    const en = prefix(s, 'en', 'notify-seller-reminder', { caseId: 'C-000001', escalatableAt: 'x' }, 'left');
    const fr = prefix(s, 'fr', 'notify-seller-reminder', { caseId: 'C-000001', escalatableAt: 'x' }, 'left');
    const thread = await partiesThread(s, 'C-000001').catch(() => dm(s, USERS.bisou));
    const bisouTexts = [s.tg.botMessages(tgBisou.id).map(tgShown), [...s.w.dc.messagesIn(thread), ...s.w.dc.messagesIn(dm(s, USERS.bisou))].map((m) => plain(dcSeen(m)))];
    const enCount = bisouTexts.map((texts) => texts.filter((x) => x.includes(en)).length);
    expect(Math.max(...enCount)).toBe(1);
    expect(bisouTexts.flat().filter((x) => x.includes(fr))).toEqual([]);
    // The new case reached him in English too.
    const opened = t(s, 'en', 'notify-case-opened', { caseId: 'C-000001', orderId: 'CC-2003', reason: 'non_delivery', caseThreads: 'no', escalatableAt: 'x' });
    expect(bisouTexts.flat().some((x) => x.includes(opened.slice(0, opened.indexOf(':') + 1)))).toBe(true);
  }, 40_000);

  it('6. a seller with two open cases answers in each Discord thread: each answer reaches its own buyer (Telegram, Teams) and its own case only', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkTeams(s, tmJuma, 'acc-juma');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    await s.w.p.cases.open({ accountId: 'acc-juma', platform: 'teams' }, { orderId: 'CC-2003', reason: 'non_delivery', description: 'Shati haijafika.' });
    const t1 = await partiesThread(s, 'C-000001');
    const t2 = await partiesThread(s, 'C-000002');
    expect(t1).not.toBe(t2);

    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t2, content: 'Pour la chemise : je rembourse demain.' });
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t1, content: 'Pour le pagne : expédié hier.' });
    await tgExpect(s, tgAmina, t(s, 'fr', 'notify-comment', { author: 'seller', caseId: 'C-000001', text: 'Pour le pagne : expédié hier.' }));
    await tmExpect(s, tmJuma.chat, t(s, 'sw', 'notify-comment', { author: 'seller', caseId: 'C-000002', text: 'Pour la chemise : je rembourse demain.' }));
    await settle();
    expect(s.tg.botMessages(tgAmina.id).some((m) => tgShown(m).includes('chemise'))).toBe(false);
    expect(tmShown(s, tmJuma.chat).some((c) => tmText(c).includes('pagne'))).toBe(false);
    const texts = async (id: string) => (await load(s, id))!.timeline.filter((e) => e.type === 'comment').map((e: Json) => e.text);
    expect(await texts('C-000001')).toEqual(['Pour le pagne : expédié hier.']);
    expect(await texts('C-000002')).toEqual(['Pour la chemise : je rembourse demain.']);
  }, 40_000);

  it('7. a seller on Telegram with two cases: a reply to the older case’s message goes to that case; a reply to the newer buyer’s relayed message goes to hers', async () => {
    const s = await start();
    await linkOnDiscord(s.w, USERS.amina, 'acc-amina');
    await linkTeams(s, tmJuma, 'acc-juma');
    await linkTelegram(s, tgBisou, 'acc-bisou');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'discord' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    const first = await tgExpect(s, tgBisou, /Nouveau litige C-000001/);
    await s.w.p.cases.open({ accountId: 'acc-juma', platform: 'teams' }, { orderId: 'CC-2003', reason: 'non_delivery', description: 'Shati haijafika.' });
    const second = await tgExpect(s, tgBisou, /Nouveau litige C-000002/);

    // A reply to the older announcement, written after the newer one arrived.
    tgSay(s, tgBisou, 'Colis remis au transporteur hier.', first.message_id);
    await dcExpect(s, dm(s, USERS.amina), t(s, 'fr', 'notify-comment', { author: 'seller', caseId: 'C-000001', text: 'Colis remis au transporteur hier.' }));
    tgSay(s, tgBisou, 'Nitarudisha pesa kesho.', second.message_id);
    const toJuma = await tmExpect(s, tmJuma.chat, 'Nitarudisha pesa kesho.');
    // Juma answers with Teams' Reply on it; the seller reads it about C-000002 and replies to that message.
    await tmPost(s, { ...s.act.say(tmJuma, ''), text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${toJuma.id}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>Sawa, nasubiri.</p>` });
    const fromJuma = await tgExpect(s, tgBisou, t(s, 'fr', 'notify-comment', { author: 'buyer', caseId: 'C-000002', text: 'Sawa, nasubiri.' }));
    tgSay(s, tgBisou, 'C’est fait, vérifiez votre mobile money.', fromJuma.message_id);
    await tmExpect(s, tmJuma.chat, 'C’est fait, vérifiez votre mobile money.');
    await settle();
    expect(s.w.dc.messagesIn(dm(s, USERS.amina)).some((m) => /mobile money|pesa/.test(dcSeen(m)))).toBe(false);
    const texts = async (id: string) => (await load(s, id))!.timeline.filter((e) => e.type === 'comment').map((e: Json) => e.text);
    expect(await texts('C-000001')).toEqual(['Colis remis au transporteur hier.']);
    expect(await texts('C-000002')).toEqual(['Nitarudisha pesa kesho.', 'Sawa, nasubiri.', 'C’est fait, vérifiez votre mobile money.']);
  }, 40_000);

  it('8. on Discord, someone who is not a party writes in a case’s thread and presses its card’s button: refused, nothing reaches the buyer, nothing changes', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await linkOnDiscord(s.w, USERS.stranger, 'acc-mbuyi');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    const thread = await partiesThread(s, 'C-000001');
    const card = await eventually(() => withButton(s.w, thread, t(s, 'fr', 'engine-action-refund-full')), 10_000);
    await settle(800);
    const version = (await load(s, 'C-000001'))!.version;
    const aminaBefore = s.tg.botMessages(tgAmina.id).length;

    s.w.dc.sendMessage({ author: USERS.stranger, channelId: thread, content: 'C’est moi le vendeur, payez-moi directement au 0812345678.' });
    const refusal = t(s, 'fr', 'dc-thread-not-party');
    await eventually(() => expect([...s.w.dc.messagesIn(thread), ...s.w.dc.messagesIn(dm(s, USERS.stranger))].some((m) => plain(dcSeen(m)).includes(refusal))).toBe(true), 10_000);
    const pressed = s.w.dc.clickButton({ user: USERS.stranger, messageId: card.message.id, customId: card.button.custom_id });
    const answer = (await answerTo(s.w, pressed)).map(dcSeen).join('\n');
    expect(answer).not.toMatch(/Rembourser .* à l’acheteur/);
    await settle();
    expect(s.tg.botMessages(tgAmina.id).slice(aminaBefore).map(tgShown)).toEqual([]);
    expect((await load(s, 'C-000001'))!.version).toBe(version);
    expect(await s.w.p.marketplace.refunds('CC-2001')).toHaveLength(0);
  }, 40_000);

  it('9. a report left half-way on Telegram (CC-2001), then a message on Discord about CC-2002: the Discord answer is about CC-2002, and the old Telegram button never opens a case on CC-2002', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.amina, 'acc-amina');
    tgSay(s, tgAmina, 'ma commande CC-2001 n’est jamais arrivée');
    const proposal = await tgExpect(s, tgAmina, /CC-2001/);
    await until(() => s.tg.botMessages(tgAmina.id).some((m) => tgButtons(m).some((b) => b.text === t(s, 'fr', 'engine-choice-yes-reason'))), 'the reason question on Telegram');
    void proposal;

    const inDm = dm(s, USERS.amina);
    s.w.dc.sendMessage({ author: USERS.amina, content: 'le sac CC-2002 que j’ai reçu ne correspond pas du tout à la photo de l’annonce' });
    const answer = await dcExpect(s, inDm, /CC-200\d/);
    expect(dcSeen(answer)).toContain('CC-2002');
    expect(dcSeen(answer)).not.toContain('CC-2001');
    const yes = t(s, 'fr', 'engine-choice-yes-reason');
    const { message: q } = await eventually(() => withButton(s.w, inDm, yes), 10_000);
    expect(s.w.dc.messagesIn(inDm).filter((m) => dcButtonsOf(m).length > 0).map(dcSeen).join('\n')).not.toContain('CC-2001');
    void q;

    // Back on Telegram, the old « Oui, c’est ça » about CC-2001.
    const from = s.tg.botMessages(tgAmina.id).length;
    await tgPress(s, tgAmina, yes);
    const after = await tgExpect(s, tgAmina, /./, from);
    expect(tgShown(after)).not.toContain('CC-2002');
    await settle(800);
    for (const m of s.tg.botMessages(tgAmina.id).slice(from)) expect(tgShown(m)).not.toContain('CC-2002');

    // Discord goes on with CC-2002: the case is on the order and the problem she wrote there.
    await eventually(() => withButton(s.w, inDm, yes), 10_000);
    const { message, button } = withButton(s.w, inDm, yes);
    await answerTo(s.w, s.w.dc.clickButton({ user: USERS.amina, messageId: message.id, customId: button.custom_id }));
    const open = await eventually(() => withButton(s.w, inDm, t(s, 'fr', 'buyer-flow-choice-open-now')), 10_000);
    await answerTo(s.w, s.w.dc.clickButton({ user: USERS.amina, messageId: open.message.id, customId: open.button.custom_id }));
    const cases = await eventually(async () => {
      const list = await s.w.p.store.list({ buyerId: 'acc-amina' });
      if (!list.some((c) => c.orderId === 'CC-2002')) throw new Error('no case on CC-2002');
      return list;
    }, 10_000);
    expect(cases.find((c) => c.orderId === 'CC-2002')).toMatchObject({ reason: 'not_as_described' });
    expect(cases.find((c) => c.orderId === 'CC-2002')!.description).not.toMatch(/jamais arrivée/);
    for (const c of cases.filter((c) => c.orderId === 'CC-2001')) expect(c.reason).toBe('non_delivery');
  }, 40_000);

  it('10. a description kept on Telegram for CC-2001, then the sandals CC-2004 reported on Discord: the Discord case is Mbuyi’s, with its own words, and Bisou hears nothing of it; the old Telegram « Ouvrir » opens CC-2001 only', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.amina, 'acc-amina');
    await linkTelegram(s, tgBisou, 'acc-bisou');
    tgSay(s, tgAmina, 'ma commande CC-2001 n’est jamais arrivée, le pagne devait arriver le 15');
    await tgPress(s, tgAmina, t(s, 'fr', 'engine-choice-yes-reason'));
    await until(() => s.tg.botMessages(tgAmina.id).some((m) => tgButtons(m).some((b) => b.text === t(s, 'fr', 'buyer-flow-choice-open-now'))), 'the « Ouvrir » offer on Telegram');

    const inDm = dm(s, USERS.amina);
    s.w.dc.sendMessage({ author: USERS.amina, content: 'les sandales CC-2004 ne sont jamais arrivées, rien depuis un mois' });
    const answer = await dcExpect(s, inDm, /CC-200\d/);
    expect(dcSeen(answer)).toContain('CC-2004');
    const yes = await eventually(() => withButton(s.w, inDm, t(s, 'fr', 'engine-choice-yes-reason')), 10_000);
    await answerTo(s.w, s.w.dc.clickButton({ user: USERS.amina, messageId: yes.message.id, customId: yes.button.custom_id }));
    const open = await eventually(() => withButton(s.w, inDm, t(s, 'fr', 'buyer-flow-choice-open-now')), 10_000);
    await answerTo(s.w, s.w.dc.clickButton({ user: USERS.amina, messageId: open.message.id, customId: open.button.custom_id }));
    const sandals = await eventually(async () => {
      const c = (await s.w.p.store.list({ buyerId: 'acc-amina' })).find((x) => x.orderId === 'CC-2004');
      if (!c) throw new Error('no case on CC-2004');
      return c;
    }, 10_000);
    expect(sandals).toMatchObject({ shopId: 'shop-mbuyi', reason: 'non_delivery' });
    expect(sandals.description).toContain('sandales');
    expect(sandals.description).not.toContain('pagne');

    // The old Telegram offer, pressed now.
    await tgPress(s, tgAmina, t(s, 'fr', 'buyer-flow-choice-open-now'));
    await settle(2000);
    const all = await s.w.p.store.list({ buyerId: 'acc-amina' });
    expect(all.filter((c) => c.orderId === 'CC-2004')).toHaveLength(1);
    for (const c of all.filter((c) => c.orderId === 'CC-2001')) {
      expect(c.description).toContain('pagne');
      expect(c.description).not.toContain('sandales');
    }
    // Bisou (Telegram) hears only of his own order, if of anything.
    expect(s.tg.botMessages(tgBisou.id).some((m) => /CC-2004|sandales/.test(tgShown(m)))).toBe(false);
  }, 40_000);

  it('11. Teams staff reply chains: words in one case’s staff thread are a note on that case, a /refund there refunds that case only', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkTeams(s, tmJuma, 'acc-juma');
    await linkTeams(s, tmAgent, 'acc-support-1');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    await s.w.p.cases.open({ accountId: 'acc-juma', platform: 'teams' }, { orderId: 'CC-2003', reason: 'non_delivery', description: 'Shati haijafika.' });
    await tmStaff(s, STAFF, '/escalate C-000001 inactivity');
    await tmStaff(s, STAFF, '/escalate C-000002 refusal');
    await eventually(async () => expect([(await load(s, 'C-000001'))!.status, (await load(s, 'C-000002'))!.status]).toEqual(['escalated', 'escalated']));
    // One reply chain per case in the staff channel: a thread the bot opened for it, or the channel post that shows
    // the case's card (a Teams channel post is the root of its reply chain).
    const threadOf = async (caseId: string) => {
      let id = '';
      const find = () =>
        s.teams.created().find((c) => c.id?.startsWith(`${STAFF};messageid=`) && plain(JSON.stringify(c.body)).includes(caseId))?.id ??
        [...s.teams.posted(STAFF)].reverse().filter((c) => new RegExp(`Litige ${caseId}`).test(tmText(c))).map((c) => `${STAFF};messageid=${c.id}`)[0] ??
        '';
      await until(() => Boolean((id = find())), `a staff thread for ${caseId}`);
      return id;
    };
    const th1 = await threadOf('C-000001');
    const th2 = await threadOf('C-000002');
    expect(th1).not.toBe(th2);

    await tmStaff(s, th2, 'le vendeur a appelé, il rembourse la chemise demain');
    await tmExpect(s, th2, t(s, 'fr', 'engine-done-note'));
    await tmStaff(s, th1, '/refund 5000');
    await eventually(async () => expect((await load(s, 'C-000001'))!.refunded.amount).toBe(500_000), 10_000);
    await tgExpect(s, tgAmina, /a remboursé .* dans le litige C-000001/);
    const c1 = (await load(s, 'C-000001'))!;
    const c2 = (await load(s, 'C-000002'))!;
    expect(c2.refunded.amount).toBe(0);
    expect(c2.timeline.filter((e) => e.type === 'note').map((e: Json) => e.text)).toEqual(['le vendeur a appelé, il rembourse la chemise demain']);
    expect(c1.timeline.filter((e) => e.type === 'note')).toEqual([]);
    // Added after the first run (seen in what Teams showed, not written blind): the refund closed C-000001; its cards in
    // the staff channel (at the top level and in its chains) lose support's buttons; C-000002's stay live.
    await settle(800);
    const labels = actionLabels(s);
    const liveFor = (caseId: string) =>
      tmShown(s, STAFF, true).filter((c) => tmText(c).includes(`Litige ${caseId}`)).flatMap((c) => tmButtons(c).map((b) => b.title)).filter((l) => labels.some((a) => l.includes(a)));
    expect(liveFor('C-000001')).toEqual([]);
    expect(liveFor('C-000002')).toContain(t(s, 'fr', 'engine-action-decide'));
    // The note stays with support: Juma reads nothing of it.
    expect(tmShown(s, tmJuma.chat).some((c) => tmText(c).includes('rembourse la chemise'))).toBe(false);
  }, 50_000);

  it('12. a Telegram reply to a closed case’s message, while another case is open with the same seller: not sent anywhere, the buyer is told the case is closed; a reply to the open case’s message reaches its Discord thread', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    const t1 = await partiesThread(s, 'C-000001');
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t1, content: 'Le pagne part aujourd’hui.' });
    const m1 = await tgExpect(s, tgAmina, 'Le pagne part aujourd’hui.');
    await s.w.p.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, 'C-000001', { type: 'BuyerClose' } as never);
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2002', reason: 'not_as_described', description: 'Le sac n’est pas celui de la photo.' });
    const t2 = await partiesThread(s, 'C-000002');
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t2, content: 'Envoyez-moi une photo du sac svp.' });
    const m2 = await tgExpect(s, tgAmina, 'Envoyez-moi une photo du sac svp.');
    await settle(800);

    const from = s.tg.botMessages(tgAmina.id).length;
    const t2Before = s.w.dc.messagesIn(t2).length;
    tgSay(s, tgAmina, 'Et le remboursement du pagne alors ?', m1.message_id);
    await tgExpect(s, tgAmina, /C-000001/, from);
    await settle();
    expect(s.tg.botMessages(tgAmina.id).slice(from).map(tgShown).join('\n')).toMatch(/C-000001 est clos/);
    expect(s.w.dc.messagesIn(t2).slice(t2Before).some((m) => dcSeen(m).includes('remboursement du pagne'))).toBe(false);
    expect((await load(s, 'C-000002'))!.timeline.some((e: Json) => e.type === 'comment' && e.text?.includes('pagne'))).toBe(false);

    tgSay(s, tgAmina, 'Voici, je vous envoie la photo ce soir.', m2.message_id);
    await dcExpect(s, t2, t(s, 'fr', 'notify-comment', { author: 'buyer', caseId: 'C-000002', text: 'Voici, je vous envoie la photo ce soir.' }), t2Before);
  }, 40_000);
  // ——— Written after the first run and after reading src/ (not blind): what the first twelve's screens suggested ———

  it('13. support reopens on Teams a case a Discord colleague followed: the Discord staff thread is told, with a live card again', async () => {
    const s = await start();
    await linkTelegram(s, tgAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await linkTeams(s, tmAgent, 'acc-support-1');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Rien reçu.' });
    await tmStaff(s, STAFF, '/escalate C-000001 inactivity');
    // The Discord desk follows the case in its staff thread.
    const staffThread = await eventually(() => {
      const th = s.w.dc.threads().find((c) => c.parent_id === s.w.dc.staffChannelId && s.w.dc.messagesIn(c.id).some((m) => dcSeen(m).includes('C-000001')));
      if (!th) throw new Error('no Discord staff thread');
      return th.id;
    }, 10_000);
    await tmStaff(s, STAFF, '/decide C-000001 seller');
    await dcExpect(s, staffThread, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'seller_favour' }));
    const mark = s.w.dc.messagesIn(staffThread).length;
    await tmStaff(s, STAFF, '/reopen C-000001');
    await eventually(async () => expect((await load(s, 'C-000001'))!.status).toBe('escalated'));
    // The Discord desk reads that the case is back, and has support's buttons on it again.
    const back = await dcExpect(s, staffThread, t(s, 'fr', 'notify-reopened', { caseId: 'C-000001' }), mark);
    expect(dcLiveButtons(back).map((b: any) => b.label)).toContain(t(s, 'fr', 'engine-action-decide'));
    // Teams, where it was done, is not told twice.
    await settle(500);
    expect(tmShown(s, STAFF, true).filter((c) => tmText(c).includes(t(s, 'fr', 'notify-reopened', { caseId: 'C-000001' })))).toEqual([]);
  }, 40_000);

  it('14. the Telegram staff group follows an escalated case; support decides on Discord: the group’s card loses its buttons and an old press there changes nothing', async () => {
    const s = await start({ TELEGRAM_SUPPORT_CHAT_ID: '-1001000000001' });
    const group = { id: -1001000000001, type: 'supergroup' as const, title: 'Congocrea staff' };
    const tgAgent: TgUser = { id: 7003, first_name: 'Support', language_code: 'fr' };
    await linkTeams(s, tmAmina, 'acc-amina');
    await linkTeams(s, tmBisou, 'acc-bisou');
    await linkOnDiscord(s.w, USERS.agent, 'acc-support-1');
    const { token } = await s.w.p.linking.issue('acc-support-1');
    tgSay(s, tgAgent, `/start ${token}`);
    await until(async () => (await s.w.p.links.get('telegram', String(tgAgent.id)))?.accountId === 'acc-support-1', 'support linked on Telegram');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'teams' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Rien reçu.' });
    const staff = s.w.dc.staffChannelId;
    await dcConfirmIfAsked(s, USERS.agent, staff, await slash(s.w, USERS.agent, 'escalate', { case: 'C-000001', ground: 'inactivity' }, staff));
    // The Telegram staff group gets the case with support's buttons.
    let card: Json | undefined;
    await until(() => Boolean((card = s.tg.botMessages(group.id).find((m) => tgShown(m).includes('C-000001') && tgButtons(m).length > 0))), 'the case in the Telegram staff group');
    const decide = tgButtons(card!).find((b) => b.text === t(s, 'fr', 'engine-action-decide'))!;
    expect(decide).toBeDefined();

    await dcConfirmIfAsked(s, USERS.agent, staff, await slash(s.w, USERS.agent, 'decide', { case: 'C-000001' }, staff));
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'seller_favour' }));
    await tgExpect(s, { ...tgAgent, id: group.id }, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'seller_favour' }));
    await settle();
    const labels = actionLabels(s);
    expect(s.tg.botMessages(group.id).flatMap((m) => tgButtons(m).map((b) => String(b.text))).filter((l) => labels.some((a) => l.includes(a)))).toEqual([]);
    // A client that still shows it: the press is refused, nothing changes.
    const version = (await load(s, 'C-000001'))!.version;
    const from = s.tg.botMessages(group.id).length;
    s.tg.push(s.tg.build.press(tgAgent, card!, decide.callback_data));
    await until(() => s.tg.botMessages(group.id).length > from || s.tg.callsOf('answerCallbackQuery').some((c) => /clos|plus/.test(String(c.params.text ?? ''))), 'an answer to the old press');
    await settle(500);
    expect((await load(s, 'C-000001'))!.version).toBe(version);
  }, 40_000);
  it('15. a Teams buyer with two cases with one Discord seller: her Reply to each relayed message goes to its own thread; his full refund in the first thread retires the first case’s buttons only, on both platforms', async () => {
    const s = await start();
    await linkTeams(s, tmAmina, 'acc-amina');
    await linkOnDiscord(s.w, USERS.bisou, 'acc-bisou');
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'teams' }, { orderId: 'CC-2001', reason: 'non_delivery', description: 'Pagne jamais arrivé.' });
    await s.w.p.cases.open({ accountId: 'acc-amina', platform: 'teams' }, { orderId: 'CC-2002', reason: 'not_as_described', description: 'Pas le sac de la photo.' });
    const t1 = await partiesThread(s, 'C-000001');
    const t2 = await partiesThread(s, 'C-000002');
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t1, content: 'Le pagne est chez DHL.' });
    const r1 = await tmExpect(s, tmAmina.chat, 'Le pagne est chez DHL.');
    s.w.dc.sendMessage({ author: USERS.bisou, channelId: t2, content: 'Pouvez-vous photographier le sac ?' });
    await tmExpect(s, tmAmina.chat, 'Pouvez-vous photographier le sac ?');
    // She answers the older message with Teams' Reply, after the newer one arrived.
    const m2 = s.w.dc.messagesIn(t2).length;
    await tmPost(s, { ...s.act.say(tmAmina, ''), text: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${r1.id}"><strong itemprop="mri">Palabre</strong><p itemprop="preview">…</p></blockquote><p>Quel numéro de suivi DHL ?</p>` });
    await dcExpect(s, t1, t(s, 'fr', 'notify-comment', { author: 'buyer', caseId: 'C-000001', text: 'Quel numéro de suivi DHL ?' }));
    await settle(800);
    expect(s.w.dc.messagesIn(t2).slice(m2).some((m) => dcSeen(m).includes('suivi DHL'))).toBe(false);

    // He refunds the first case in full from its thread.
    const refund = await eventually(() => withButton(s.w, t1, t(s, 'fr', 'engine-action-refund-full')), 10_000);
    const asked = await answerTo(s.w, s.w.dc.clickButton({ user: USERS.bisou, messageId: refund.message.id, customId: refund.button.custom_id }));
    await dcConfirmIfAsked(s, USERS.bisou, t1, asked.length ? asked : [withButton(s.w, t1, t(s, 'fr', 'engine-choice-confirm')).message]);
    await eventually(async () => expect(await load(s, 'C-000001')).toMatchObject({ status: 'closed', resolution: 'refunded' }), 10_000);
    await tmExpect(s, tmAmina.chat, t(s, 'fr', 'notify-closed', { caseId: 'C-000001', resolution: 'refunded' }));
    await settle(800);
    const labels = actionLabels(s);
    const isAction = (l: string) => labels.some((a) => l.includes(a));
    const teamsLive = (caseId: string) => tmShown(s, tmAmina.chat).filter((c) => tmText(c).includes(caseId)).flatMap((c) => tmButtons(c).map((b) => b.title)).filter(isAction);
    const threadLive = (th: string) => s.w.dc.messagesIn(th).flatMap((m) => dcLiveButtons(m).map((b: any) => String(b.label))).filter(isAction);
    expect(teamsLive('C-000001')).toEqual([]);
    expect(threadLive(t1)).toEqual([]);
    // The other case is untouched: its buttons stay, for her on Teams and for him in its thread.
    expect(teamsLive('C-000002')).toContain(t(s, 'fr', 'engine-action-reply-to-seller'));
    expect(threadLive(t2)).toContain(t(s, 'fr', 'engine-action-refund-full'));
    expect((await load(s, 'C-000002'))!.status).toBe('open');
  }, 40_000);
});



import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNudges } from '../../../src/app/nudges.js';
import { renderMessage } from '../../../src/app/render.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import type { Case } from '../../../src/domain/case-model.js';
import type { Platform } from '../../../src/domain/types.js';
import type { Notification } from '../../../src/ports/notification.js';
import type { ScheduledJob } from '../../../src/ports/scheduler.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons, capabilitiesOf, DAY, i18n, openCase, type Speaker, type World } from './harness.js';

/**
 * One test per defect the reaction probe (reaction-probe.test.ts) found, each in words the probe did not use: words said
 * to the bot in answer to what it brought are answered, and the same words after a party's message still go to that party.
 */

const { eligibleNonDelivery: WAX, deliveredMatching: SHIRT } = DEMO_ORDERS;
const HOUR = 3600 * 1000;
let msgSeq = 0;

const load = async (w: World, id: string): Promise<Case> => (await w.store.load(id))!;
const said = (s: Speaker) => s.ids().filter((id) => id !== 'engine-lang-offer');

/** The adapter posted a message of this case (or order subject) in the speaker's chat: a reply to it. */
async function replyTo(w: World, s: Speaker, subject: string) {
  const messageId = `m${++msgSeq}`;
  await w.threads.rememberMessage(s.platform, `dm-${s.userId}`, messageId, subject);
  return { replyToMessageId: messageId };
}

const linkOf = (accountId: string, userId: string, platform: Platform = 'telegram') => ({
  platform,
  userId,
  accountId,
  address: `dm-${userId}`,
  linkedAt: '2026-11-01T00:00:00Z',
});

/** The notifications of a case to an account (or support), oldest first. */
async function to(w: World, caseId: string, account: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => ('support' in n.to ? account === 'support' : n.to.accountId === account));
}
/** Whether these words reached that account on that case (in any notification). */
async function reached(w: World, caseId: string, account: string, words: string): Promise<boolean> {
  return (await to(w, caseId, account)).some((n) => JSON.stringify(n.body).includes(words));
}
/** A notification as the recipient's Telegram would show it (with its buttons' tokens). */
async function delivered(w: World, n: Notification, account: string, userId: string): Promise<OutMessage> {
  return w.renderer.render(n, { link: linkOf(account, userId) }, 'telegram');
}
const text = (out: OutMessage) => renderMessage(out, i18n, capabilitiesOf('telegram')).text;

/** If the last replies offer to send the words (one tap), take it. */
async function sendIfOffered(s: Speaker) {
  const b = buttons(s.last).find((l) => l === 'engine-choice-send-to-seller' || l === 'engine-choice-send-to-buyer');
  if (b) await s.press(b);
}
async function confirmIfAsked(s: Speaker) {
  if (buttons(s.last).includes('engine-choice-confirm')) await s.press('engine-choice-confirm');
}

/** Amina (buyer) and Bisou (seller), each in a private Telegram chat, a non-delivery case open on the pagne wax. */
async function cast(w: World, order: string = WAX, reason: 'non_delivery' | 'not_as_described' = 'non_delivery') {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  const id = await openCase(w, order, reason);
  return { amina, bisou, id };
}
/** The seller answers in the case (a reply to the case's message). */
async function sellerSays(w: World, bisou: Speaker, id: string, words: string) {
  await bisou.text(words, await replyTo(w, bisou, id));
  expect(said(bisou)[0]).toBe('engine-done-comment');
}
async function support(w: World) {
  return w.user({ account: 'acc-support-1', userId: 'agent', isStaffChannel: true, isPrivate: false, conversationId: 'staff' });
}
async function escalateBySupport(w: World, id: string) {
  const agent = await support(w);
  await agent.command(`/escalate ${id} inactivity`);
  await confirmIfAsked(agent);
  return agent;
}

/** Deadline nudges on the world's store, with a scheduler run by hand as the clock moves. */
function nudgesOf(w: World) {
  const jobs: ScheduledJob[] = [];
  const nudges = createNudges({
    store: w.store,
    scheduler: {
      schedule: async (j) => void (jobs.some((x) => x.id === j.id) || jobs.push(j)),
      cancel: async (id) => void jobs.splice(0, jobs.length, ...jobs.filter((x) => x.id !== id)),
      start: async () => {},
      close: async () => {},
    },
    outbox: { wake: async () => {}, send: async () => {} },
    marketplace: w.marketplace,
    kv: w.kv,
    policy: defaultPolicy,
    defaultTimezone: 'Africa/Kinshasa',
    clock: w.clock,
  });
  return {
    async plan(caseId: string) {
      const c = await load(w, caseId);
      await nudges.afterAppend(c, c.timeline);
    },
    async advance(ms: number) {
      const end = w.clock.now().getTime() + ms;
      for (;;) {
        const due = jobs.filter((j) => Date.parse(j.dueAt) <= end).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
        if (!due) break;
        jobs.splice(jobs.indexOf(due), 1);
        const at = Math.max(Date.parse(due.dueAt), w.clock.now().getTime());
        w.clock.advance(at - w.clock.now().getTime());
        await nudges.handle(due);
      }
      w.clock.advance(end - w.clock.now().getTime());
    },
  };
}

/** The case with its « you may now escalate » nudge delivered to the buyer (3 days and an hour later). */
async function escalationOpen(w: World) {
  const c = await cast(w);
  const n = nudgesOf(w);
  await n.plan(c.id);
  await n.advance(3 * DAY + HOUR);
  const nudge = (await to(w, c.id, 'acc-amina')).find((x) => x.body.some((m) => m.id === 'notify-escalation-open'));
  expect(nudge, 'the buyer is told she may escalate').toBeDefined();
  return { ...c, nudge: nudge! };
}
/** The case with the seller's first 24-hour reminder delivered. */
async function reminded(w: World) {
  const c = await cast(w);
  const n = nudgesOf(w);
  await n.plan(c.id);
  await n.advance(24 * HOUR + 60_000);
  const r = (await to(w, c.id, 'acc-bisou')).find((x) => x.body.some((m) => m.id === 'notify-seller-reminder'));
  expect(r, 'the seller is reminded').toBeDefined();
  return c;
}
/** A partial refund of 10 000 FC by the seller on the pagne wax case. */
async function partialRefund(w: World) {
  const c = await cast(w);
  await c.bisou.command(`/refund ${c.id} 10000`);
  await confirmIfAsked(c.bisou);
  expect((await load(w, c.id)).refunded.amount).toBe(1_000_000);
  return c;
}
/** Support decides for the seller after escalating. */
async function decidedForSeller(w: World) {
  const c = await cast(w);
  const agent = await escalateBySupport(w, c.id);
  await agent.command(`/decide ${c.id} seller`);
  await confirmIfAsked(agent);
  expect(await load(w, c.id)).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
  return c;
}
/** The seller adds tracking delivered at the buyer's address on the chemise case: closed as delivered. */
async function closedDelivered(w: World) {
  const c = await cast(w, SHIRT);
  await c.bisou.command(`/tracking ${c.id} dhl JD0142`);
  await confirmIfAsked(c.bisou);
  expect(await load(w, c.id)).toMatchObject({ status: 'closed', resolution: 'delivered' });
  return c;
}
/** Amina wrote to Bisou about a wrong size on CC-1002 (no case), and Bisou answered with the Reply button. */
async function orderConversation(w: World, answer: string) {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  await amina.text("J'ai commandé la mauvaise taille pour CC-1002");
  await amina.press('engine-choice-yes-reason');
  await amina.text('Pouvez-vous me l’échanger contre un M ?');
  const toSeller = await w.renderer.render(w.relayed[0]!, { link: linkOf('acc-bisou', 'bisou') }, 'telegram');
  const reply = toSeller.choices!.find((c) => c.label.id === 'engine-order-reply-to-buyer')!;
  await bisou.pressToken(reply.token);
  await bisou.text(answer);
  expect(said(bisou)).toEqual(['engine-done-comment']);
  return { amina, bisou };
}


const world = backendWorld('memory', { beforeAll, afterAll });

describe('the escalation nudge answered in words', () => {
  it.each(['eeh vas y', 'ok fais le', 'yes go ahead', 'ndio tuma', 'ee tinda'])('« %s » in reply to it: the escalation is asked to be confirmed, nothing sent to the seller', async (typed) => {
    const w = await world();
    const { amina, id } = await escalationOpen(w);
    await amina.text(typed, await replyTo(w, amina, id));
    expect(said(amina)).toEqual(['engine-confirm-escalate']);
    expect(await reached(w, id, 'acc-bisou', typed)).toBe(false);
  });

  it.each(['non pas maintenant', 'not now', 'bado kidogo', 'naino te', "j'attends encore"])('« %s » typed after it: it stays with the seller, the button said to be on the card', async (typed) => {
    const w = await world();
    const { amina, id } = await escalationOpen(w);
    await amina.text(typed);
    expect(said(amina)).toEqual(['buyer-flow-escalate-later']);
    expect(buttons(amina.last)).toContain('engine-action-escalate');
    expect((await load(w, id)).status).toBe('open');
  });

  it('after the seller wrote since the nudge, « non pas maintenant » in reply goes to the seller', async () => {
    const w = await world();
    const { amina, bisou, id } = await escalationOpen(w);
    await sellerSays(w, bisou, id, 'Je peux passer vous le livrer samedi ?');
    await amina.text('non pas maintenant', await replyTo(w, amina, id));
    expect(said(amina)).toEqual(['engine-done-comment']);
    expect(await reached(w, id, 'acc-bisou', 'non pas maintenant')).toBe(true);
  });
});

describe('escalation asked in other words', () => {
  it.each(['peleka kwa support', 'please send it to support', 'tinda yango na support', 'envoyez le dossier au support'])('« %s » typed once escalation is open (no nudge): confirmation asked', async (typed) => {
    const w = await world();
    const { amina } = await cast(w);
    w.clock.advance(3 * DAY + HOUR);
    await amina.text(typed);
    expect(said(amina)).toContain('engine-confirm-escalate');
  });

  it('« transmettez au support » in reply to the seller\'s message: confirmation asked, not sent to the seller', async () => {
    const w = await world();
    const { amina, bisou, id } = await cast(w);
    await sellerSays(w, bisou, id, 'Patientez encore.');
    w.clock.advance(3 * DAY + HOUR);
    await amina.text('transmettez au support', await replyTo(w, amina, id));
    expect(said(amina)).toEqual(['engine-confirm-escalate']);
    expect(await reached(w, id, 'acc-bisou', 'transmettez au support')).toBe(false);
  });
});

describe("a seller's question to the bot after a reminder", () => {
  it.each(['vous etes qui ?', 'who is this', 'kesi gani hii?', 'quelle commande ?'])('« %s » in reply to the reminder: who writes and about which order, nothing sent to the buyer', async (typed) => {
    const w = await world();
    const { bisou, id } = await reminded(w);
    await bisou.text(typed, await replyTo(w, bisou, id));
    expect(said(bisou)).toEqual(['engine-nudge-who']);
    expect(bisou.read()).toContain(WAX);
    expect(bisou.last.some((o) => o.card?.caseId === id)).toBe(true);
    expect(await reached(w, id, 'acc-amina', typed)).toBe(false);
  });

  it('« vous êtes qui ? » in reply after the buyer wrote: it is for the buyer, and reaches her', async () => {
    const w = await world();
    const { amina, bisou, id } = await reminded(w);
    await amina.text('bonjour, toujours rien', await replyTo(w, amina, id));
    await bisou.text('vous êtes qui ?', await replyTo(w, bisou, id));
    expect(said(bisou)).toEqual(['engine-done-comment']);
    expect(await reached(w, id, 'acc-amina', 'vous êtes qui ?')).toBe(true);
  });
});

describe('what the seller said, asked', () => {
  it.each(['elle a répondu quoi ?', 'what did the seller say?', 'alisema nini?', 'alobi nini ?'])('« %s » on a case: the last message of the seller, quoted', async (typed) => {
    const w = await world();
    const { amina, bisou, id } = await cast(w);
    await sellerSays(w, bisou, id, 'Premier message.');
    await sellerSays(w, bisou, id, 'Le livreur passe jeudi.');
    await amina.text(typed);
    expect(said(amina)).toEqual(['buyer-flow-seller-said']);
    expect(amina.read()).toContain('Le livreur passe jeudi.');
    expect(amina.read()).not.toContain('Premier message.');
  });

  it('before the seller wrote anything: said so, with the case', async () => {
    const w = await world();
    const { amina, id } = await cast(w);
    await amina.text("qu'est-ce qu'il a dit ?");
    expect(said(amina)).toEqual(['buyer-flow-seller-silent']);
    expect(amina.read()).toContain(id);
  });

  it('no case: « il a répondu quoi ? » shows the seller\'s answer about the order with its Reply button', async () => {
    const w = await world();
    const { amina } = await orderConversation(w, 'Je vous envoie la taille M lundi.');
    w.clock.advance(2 * DAY);
    await amina.text('il a répondu quoi ?');
    expect(amina.read()).toContain('Je vous envoie la taille M lundi.');
    expect(buttons(amina.last)).toEqual(['engine-order-reply-to-seller']);
  });

  it('no case: « ok super, je vous le retourne samedi » is offered to the seller; one tap sends it once', async () => {
    const w = await world();
    const { amina } = await orderConversation(w, 'Renvoyez-le, je vous envoie un M.');
    await amina.text('ok super, je vous le retourne samedi');
    expect(said(amina)).toEqual(['buyer-flow-order-answer-offer']);
    const token = amina.token('engine-choice-send-order-words');
    await amina.pressToken(token);
    expect(said(amina)).toEqual(['engine-done-comment']);
    await amina.pressToken(token);
    const sent = w.relayed.filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou' && JSON.stringify(n.body).includes('je vous le retourne samedi'));
    expect(sent).toHaveLength(1);
    expect(await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toEqual([]);
  });
});

describe('a closing disputed', () => {
  it.each(["je ne suis pas d'accord", "c'est injuste"])('support decided for the seller; « %s » in reply: not sent, and told it is not contested here', async (typed) => {
    const w = await world();
    const { amina, id } = await decidedForSeller(w);
    await amina.text(typed, await replyTo(w, amina, id));
    expect(said(amina)).toEqual(['engine-closed-not-sent', 'error-not-contestable']);
  });

  it('support decided for the seller; five days later « c injuste je conteste » typed: that case, not a new report', async () => {
    const w = await world();
    const { amina, id } = await decidedForSeller(w);
    w.clock.advance(5 * DAY);
    await amina.text('c injuste je conteste');
    expect(said(amina)).toEqual(['engine-closed-not-sent', 'error-not-contestable']);
    expect(amina.read()).toContain(id);
  });

  it('closed as delivered; five days later « le colis est toujours pas là » : the closed case and its verification', async () => {
    const w = await world();
    const { amina, id } = await closedDelivered(w);
    w.clock.advance(5 * DAY);
    await amina.text('le colis est toujours pas là');
    expect(said(amina)).toEqual(['buyer-flow-just-closed']);
    expect(amina.read()).toContain(id);
    expect(buttons(amina.last)).toContain('engine-action-verify');
  });
});

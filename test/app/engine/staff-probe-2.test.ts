/**
 * A second blind probe of sellers and support as they work (written without reading the engine, nor the first
 * staff probe): short conversations, each with what a seller or a support agent would expect.
 *
 * First run, as written (memory backend, 150 scenarios counting each case of the loops): 128 passed, 22 failed.
 * After the fixes: 150 passed.
 *
 * Of the 22, 13 were the probe's own mechanics, corrected without changing what is expected: confirmations pressed
 * by their real buttons (support refunds confirm with « recover » / « no recovery », /reopen with confirm), the NBSP
 * in « 2 jours », grounds and lists offered as buttons (not in the text), a seller's /escalate answered « only the
 * buyer can; ask support » (a refusal the probe's word list missed), « nasali remboursement » offering the refund
 * confirmation, the ask-support button asking for the message.
 *
 * Fixed in the engine (each with a focused test): a seller's photo captioned « reçu d'envoi » / « formulaire de
 * douane » is that proof of shipping (2); a seller asking « réactivez ma boutique » in words opens the reinstatement
 * request, or is told the shop is not suspended (2); /cases waiting lists a case support escalated early (1);
 * tracking delivered elsewhere names the place (1); a number the carrier does not know is said so (1); Lingala
 * « abengaki ngai na telefone » is off-platform contact (1).
 *
 * Expectations revised, as SPEC does not back them:
 * - « /tracking with an unknown number is refused »: the domain keeps a number the carrier does not know yet
 *   (test/domain/closing.test.ts; a number may not be registered yet); the seller is now told to check it instead.
 * - « support's partial refund leaves the case escalated »: SPEC lists support's refund (full or partial) among the
 *   decisions after escalation; the confirmation says the case will close, and it closes as support_refund. The
 *   « a partial refund does not close it » rule is about a case closing by itself on the seller's actions.
 */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/app/render.js';
import type { Case } from '../../../src/domain/case-model.js';
import type { Platform } from '../../../src/domain/types.js';
import type { Notification } from '../../../src/ports/notification.js';
import { buttons, capabilitiesOf, createWorld, DAY, handNudges, i18n, openCase, photo, type Speaker, type World } from './harness.js';

const HOUR = 3600 * 1000;
/** A confirmation button (support refunds confirm by choosing whether to recover: plain refunds press « no recovery »). */
const CONFIRM = /confirm|yes|oui|refund-no-recover/;

const world = (extra: Parameters<typeof createWorld>[1] = {}) => createWorld({ kind: 'memory' }, extra);

/** The support desk: the staff group on Telegram. */
const desk = (w: World, account = 'acc-support-1', userId = 'sup') =>
  w.user({ account, userId, conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });

const SECOND_AGENT = { id: 'acc-support-2', name: 'Grâce (support)', roles: ['support' as const], locale: 'fr' };

/** Bisou Créations' owner in a private chat. */
const bisou = (w: World, platform: Platform = 'telegram') => w.user({ account: 'acc-bisou', platform, userId: `bisou-${platform}` });
const lumiere = (w: World) => w.user({ account: 'acc-lumiere', userId: 'lumiere' });
const amina = (w: World) => w.user({ account: 'acc-amina', userId: 'amina' });
const joel = (w: World) => w.user({ account: 'acc-joel', userId: 'joel' });

let msgSeq = 0;
/** The bot posted the case card in this user's chat: a reply to that message belongs to the case. */
async function threadOf(w: World, s: Speaker, caseId: string, conversationId = `dm-${s.userId}`) {
  const messageId = `m${++msgSeq}`;
  await w.threads.rememberMessage(s.platform, conversationId, messageId, caseId);
  return { replyToMessageId: messageId };
}

const load = async (w: World, id: string): Promise<Case> => (await w.store.load(id))!;
const types = (c: Case) => c.timeline.map((e) => e.type);
const num = (id: string) => String(Number(id.replace(/\D/g, '')));

/** The reply says no: an error or a usage line. */
function refused(s: Speaker): boolean {
  return s.ids().some((id) => /^error-|usage|unknown|not-|only|invalid|refus|seller-escalate/.test(id));
}

/** Notifications of a case for an account (or support), rendered as the recipient reads them on Telegram. */
async function told(w: World, caseId: string, to: string): Promise<string[]> {
  const all = await w.outbox(caseId);
  return render(w, all.filter((n) => ('support' in n.to ? to === 'support' : n.to.accountId === to)), to);
}

async function render(w: World, ns: Notification[], to: string): Promise<string[]> {
  const out: string[] = [];
  for (const n of ns) {
    const target = to === 'support' ? { support: true as const } : { link: { platform: 'telegram' as Platform, userId: `x-${to}`, accountId: to, address: `dm-x-${to}`, linkedAt: '2026-01-01T00:00:00Z' } };
    const msg = await w.renderer.render(n, target, 'telegram');
    const r = renderMessage(msg, i18n, capabilitiesOf('telegram'));
    out.push([r.text, ...(r.card ? [r.card.title, ...r.card.lines] : [])].join('\n'));
  }
  return out;
}

/** Deadline nudges on the world's store, with a scheduler the test runs by hand as the clock moves. */
const nudgesOf = handNudges;

/** A case escalated by support (ground inactivity), for the commands that come after escalation. */
async function escalated(w: World, order = 'CC-1001', buyer = 'acc-amina') {
  const id = await openCase(w, order, 'non_delivery', buyer);
  await w.cases.act({ accountId: 'acc-support-1', platform: 'telegram' }, id, { type: 'Escalate', ground: 'inactivity' });
  return id;
}

describe('seller probe 2: answering in the case thread', () => {
  it('« c envoyé hier » in the thread is a comment the buyer gets, and the case stays open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('c envoyé hier', await threadOf(w, s, id));
    const c = await load(w, id);
    expect(c.timeline.some((e) => e.type === 'comment' && e.text.includes('c envoyé hier'))).toBe(true);
    expect(c.status).toBe('open');
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('c envoyé hier');
  });

  it('the seller is told their message went to the buyer', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('Bonjour madame, le colis est parti lundi', await threadOf(w, s, id));
    expect(s.ids().length).toBeGreaterThan(0);
    expect(refused(s)).toBe(false);
  });

  it('"shipped via DHL JD0142" records the tracking (or offers to, in one press) and closes a non-delivery case it shows delivered', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('shipped via DHL JD0142', await threadOf(w, s, id));
    let c = await load(w, id);
    if (!types(c).includes('tracking')) {
      const b = buttons(s.last).find((l) => /tracking|yes|confirm|oui/.test(l));
      expect(b, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.press(b!);
      c = await load(w, id);
    }
    expect(c.timeline.find((e) => e.type === 'tracking')).toMatchObject({ number: 'JD0142', mismatch: false });
    expect(c).toMatchObject({ status: 'closed', resolution: 'delivered' });
  });

  it('« envoyé par dhl numéro JD0177 » on a case whose buyer lives elsewhere: the mismatch is recorded and shown, the case stays open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.text('envoyé par dhl numéro JD0177', await threadOf(w, s, id));
    let c = await load(w, id);
    if (!types(c).includes('tracking')) {
      const b = buttons(s.last).find((l) => /tracking|yes|confirm|oui/.test(l));
      expect(b, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.press(b!);
      c = await load(w, id);
    }
    expect(c).toMatchObject({ status: 'open', trackingMismatch: true });
  });

  it('« nasali remboursement » (Lingala: I refunded) does not close the case by words: no refund recorded, the refund action offered', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('nasali remboursement', await threadOf(w, s, id));
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.refunded.amount).toBe(0);
    expect(s.ids().some((i) => /refund/.test(i)) && buttons(s.last).some((b) => /confirm|refund/.test(b))).toBe(true);
  });

  it('« je peux rembourser 10000 fc » is an offer the buyer reads; no money moves on words alone', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('je peux rembourser 10000 fc si vous voulez', await threadOf(w, s, id));
    const c = await load(w, id);
    expect(c.refunded.amount).toBe(0);
    expect(c.status).toBe('open');
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('10000');
  });

  it('"I can send a replacement next week" reaches the buyer and leaves the case open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.text('I can send a replacement next week', await threadOf(w, s, id));
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.timeline.some((e) => e.type === 'comment' && /replacement/.test(e.text))).toBe(true);
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('replacement');
  });

  it('« svp envoyez une photo du sac » reaches the buyer', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.text('svp envoyez une photo du sac', await threadOf(w, s, id));
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('photo du sac');
  });

  it('« c faux elle a bien recu, jai la preuve » disputing the claim is recorded, the case stays open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('c faux elle a bien recu, jai la preuve', await threadOf(w, s, id));
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(c.timeline.some((e) => e.type === 'comment' && e.text.includes('jai la preuve'))).toBe(true);
  });

  it('« nimetuma jana » (Swahili: I sent it yesterday) is a comment relayed to the buyer', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('nimetuma jana', await threadOf(w, s, id));
    expect((await load(w, id)).timeline.some((e) => e.type === 'comment' && e.text === 'nimetuma jana')).toBe(true);
  });

  it('« natindaki yango lobi » (Lingala: I sent it yesterday) is a comment relayed to the buyer', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('natindaki yango lobi', await threadOf(w, s, id));
    expect((await load(w, id)).timeline.some((e) => e.type === 'comment' && e.text === 'natindaki yango lobi')).toBe(true);
    expect(await told(w, id, 'acc-amina')).not.toEqual([]);
  });

  it('the seller answers from Discord a case opened on Telegram', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w, 'discord');
    await w.threads.setCaseThread('discord', id, 'parties', 'thread-c1');
    await s.text('Colis remis à DHL mardi', { conversationId: 'thread-c1', isPrivate: false });
    expect((await load(w, id)).timeline.some((e) => e.type === 'comment' && e.actor.role === 'seller' && e.actor.platform === 'discord')).toBe(true);
  });

  it('« je veux parler au support » in the thread asks support for help', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('je veux parler au support, cette cliente ment', await threadOf(w, s, id));
    let c = await load(w, id);
    if (!types(c).includes('support_requested')) {
      const b = buttons(s.last).find((l) => /support/.test(l));
      expect(b, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.press(b!);
      if (s.last.some((o) => o.expects)) await s.text('cette cliente ment', await threadOf(w, s, id));
      c = await load(w, id);
    }
    expect(types(c)).toContain('support_requested');
  });
});

describe('seller probe 2: proof of shipping', () => {
  it('a receipt photo captioned « reçu d’envoi » is a shipping receipt (or one press away)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.attach(photo(1), 'reçu d’envoi', await threadOf(w, s, id));
    let c = await load(w, id);
    const ev = () => c.timeline.find((e) => e.type === 'evidence');
    if (!ev() || (ev() as { kind: string }).kind !== 'shipping_receipt') {
      // SPEC: a proof must show the buyer's address: the bot may ask that first.
      const b = buttons(s.last).find((l) => /receipt|recu|reçu|proof-to-order-address/.test(l));
      expect(b, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.press(b!);
      c = await load(w, id);
    }
    expect(c.timeline.filter((e) => e.type === 'evidence').at(-1)).toMatchObject({ kind: 'shipping_receipt' });
    expect(c.status).toBe('open');
  });

  it('a photo captioned « formulaire de douane » is a customs form (or one press away)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1008', 'non_delivery');
    const s = await lumiere(w);
    await s.attach(photo(2), 'formulaire de douane', await threadOf(w, s, id));
    let c = await load(w, id);
    const last = () => c.timeline.filter((e) => e.type === 'evidence').at(-1) as { kind?: string } | undefined;
    if (last()?.kind !== 'customs_form') {
      const b = buttons(s.last).find((l) => /customs|douane|proof-to-order-address/.test(l));
      expect(b, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.press(b!);
      c = await load(w, id);
    }
    expect(last()).toMatchObject({ kind: 'customs_form' });
  });

  it('the buyer is told of the proof (and gets the file)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.attach(photo(3), 'receipt', await threadOf(w, s, id));
    const b = buttons(s.last).find((l) => /receipt|proof-to-order-address/.test(l));
    if (b) await s.press(b);
    const toBuyer = (await w.outbox(id)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina');
    expect(toBuyer.some((n) => n.blobId === 'blob-3')).toBe(true);
  });

  it('a proof of shipping does not close the case by itself', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.attach(photo(4), 'bordereau DHL', await threadOf(w, s, id));
    const b = buttons(s.last).find((l) => /receipt|departure|confirmation|proof-to-order-address/.test(l));
    if (b) await s.press(b);
    expect((await load(w, id)).status).toBe('open');
  });
});

describe('seller probe 2: tracking and refunds by command', () => {
  it('/tracking <id> dhl JD0177 to another city: recorded as a mismatch, shown to the seller, the case stays open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl JD0177`);
    const c = await load(w, id);
    expect(c).toMatchObject({ status: 'open', trackingMismatch: true });
    expect(s.read()).toMatch(/Kinshasa/);
  });

  it('the buyer sees the mismatch on the card', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl JD0177`);
    const j = await joel(w);
    await j.command(`/case ${id}`);
    expect(j.last.at(-1)!.card!.trackingMismatch).toBe(true);
  });

  it('/tracking matching the address closes a non-delivery case; the buyer is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1005', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/tracking ${id} DHL JD0142`);
    expect(await load(w, id)).toMatchObject({ status: 'closed', resolution: 'delivered' });
    expect((await w.outbox(id)).some((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina' && n.closing)).toBe(true);
  });

  it('/tracking showing delivery does not close a not-as-described case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1002', 'not_as_described');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl JD0142`);
    expect((await load(w, id)).status).toBe('open');
  });

  it('/tracking with a number the carrier does not know: kept (it may not be registered yet), the seller told to check it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl ZZ999`);
    const c = await load(w, id);
    expect(c.status).toBe('open');
    expect(s.read()).toContain('ZZ999');
    expect(s.read()).toMatch(/ne conna[iî]t pas/);
  });

  it('/tracking with its number missing gives the usage', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl`);
    expect(refused(s) || s.last.some((o) => o.expects === 'tracking')).toBe(true);
    expect((await load(w, id)).version).toBe(1);
  });

  it('/refund <id> (full) closes the case as refunded and the buyer is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id}`);
    const b = buttons(s.last).find((l) => /confirm|yes|oui|refund/.test(l));
    if ((await load(w, id)).status !== 'closed' && b) await s.press(b);
    const c = await load(w, id);
    expect(c).toMatchObject({ status: 'closed', resolution: 'refunded', refunded: { amount: 5_000_000, currency: 'CDF' } });
    expect((await told(w, id, 'acc-amina')).join('\n')).toMatch(/50[\s  .,]?000/);
  });

  it('/refund <id> 10000 is a partial refund of 10 000 CDF: recorded, the case stays open, the buyer is told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 10000`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).refunded.amount === 0) await s.press(b);
    const c = await load(w, id);
    expect(c).toMatchObject({ status: 'open', refunded: { amount: 1_000_000 } });
    expect((await told(w, id, 'acc-amina')).join('\n')).toMatch(/10[\s  .,]?000/);
  });

  it('/refund <id> 50000 (the whole order) is a full refund: closed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 50000`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status === 'open') await s.press(b);
    expect(await load(w, id)).toMatchObject({ status: 'closed', resolution: 'refunded' });
  });

  it('/refund <id> 10 000 (typed with a space) never refunds 10 CDF', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 10 000`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b) await s.press(b);
    expect([0, 1_000_000]).toContain((await load(w, id)).refunded.amount);
  });

  it('/refund more than the order is refused and changes nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 900000`);
    expect(refused(s)).toBe(true);
    expect((await load(w, id)).refunded.amount).toBe(0);
  });

  it('/refund <id> abc gives a clear refusal and changes nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} abc`);
    expect(refused(s)).toBe(true);
    expect((await load(w, id)).version).toBe(1);
  });

  it('two partial refunds that add up to the order close the case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    for (const amount of ['20000', '30000']) {
      await s.command(`/refund ${id} ${amount}`);
      const b = buttons(s.last).find((l) => CONFIRM.test(l));
      if (b) await s.press(b);
    }
    expect(await load(w, id)).toMatchObject({ status: 'closed', refunded: { amount: 5_000_000 } });
  });

  it('/refund with the id without its prefix (/refund 1 10000) works for the seller', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${num(id)} 10000`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b) await s.press(b);
    expect((await load(w, id)).refunded.amount).toBe(1_000_000);
  });

  it('the seller /case shows the seller card with refund and tracking actions', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/case ${id}`);
    const card = s.last.map((o) => o.card).find(Boolean)!;
    expect(card.viewerRole).toBe('seller');
    const actions = card.actions.map((a) => a.label.id).join(' ');
    expect(actions).toMatch(/refund/);
    expect(actions).toMatch(/tracking/);
  });

  it('the seller /cases lists their open cases', async () => {
    const w = await world();
    const a = await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.command('/cases');
    const text = s.read();
    expect(text).toContain(a);
    expect(text).toContain(b);
  });
});

describe('seller probe 2: cases that are not theirs, closed cases, outside the thread', () => {
  it('another shop’s seller cannot refund the case: refused, nothing changes', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await lumiere(w);
    await s.command(`/refund ${id}`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    expect(b).toBeUndefined();
    expect(refused(s)).toBe(true);
    expect((await load(w, id)).version).toBe(1);
  });

  it('another shop’s seller cannot add tracking', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await lumiere(w);
    await s.command(`/tracking ${id} dhl JD0142`);
    expect(refused(s)).toBe(true);
    expect((await load(w, id)).version).toBe(1);
  });

  it('another shop’s seller cannot read the case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await lumiere(w);
    await s.command(`/case ${id}`);
    expect(refused(s)).toBe(true);
    expect(s.read()).not.toContain('Pagne');
    expect(s.last.some((o) => o.card)).toBe(false);
  });

  it('another shop’s seller replying to a case message they somehow hold changes nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await lumiere(w);
    await s.text('je rembourse', await threadOf(w, s, id));
    expect((await load(w, id)).version).toBe(1);
  });

  it('the seller refunding a closed case is told it is closed; nothing changes', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const v = (await load(w, id)).version;
    const s = await bisou(w);
    await s.command(`/refund ${id} 10000`);
    expect(s.ids().some((i) => /closed/.test(i))).toBe(true);
    expect((await load(w, id)).version).toBe(v);
  });

  it('the seller adding tracking to a closed case is told it is closed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const s = await bisou(w);
    await s.command(`/tracking ${id} dhl JD0142`);
    expect(s.ids().some((i) => /closed/.test(i))).toBe(true);
  });

  it('the seller writing in the thread of a closed case is told it is closed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const s = await bisou(w);
    await s.text('ok merci', await threadOf(w, s, id));
    expect(s.read()).toMatch(/clos|ferm|closed/i);
  });

  it('outside the thread, with one open case, « c envoyé hier » goes to that case (or one press away)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('c envoyé hier');
    let c = await load(w, id);
    if (!types(c).includes('comment')) {
      const token = s.last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]).find((ch) => JSON.stringify(ch.label).includes(id) || /send|case|comment/.test(ch.label.id));
      expect(token, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.pressToken(token!.token);
      c = await load(w, id);
    }
    expect(c.timeline.some((e) => e.type === 'comment' && e.text === 'c envoyé hier')).toBe(true);
  });

  it('outside the thread, with two open cases, the seller is asked which one and nothing is posted yet', async () => {
    const w = await world();
    const a = await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.text('c envoyé hier');
    expect((await load(w, a)).version).toBe(1);
    expect((await load(w, b)).version).toBe(1);
    const labels = JSON.stringify(s.last.flatMap((o) => o.choices ?? []));
    expect(labels).toContain('CC-1001');
    expect(labels).toContain('CC-1006');
  });

  it('outside the thread, naming the order (« CC-1006 envoyé hier ») goes to that order’s case', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const b = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const s = await bisou(w);
    await s.text('CC-1006 envoyé hier');
    let c = await load(w, b);
    if (!types(c).includes('comment')) {
      const ch = s.last.flatMap((o) => o.choices ?? []).find((x) => /send|yes|oui|confirm/.test(x.label.id));
      expect(ch, `buttons: ${buttons(s.last).join(', ')}`).toBeDefined();
      await s.pressToken(ch!.token);
      c = await load(w, b);
    }
    expect(types(c)).toContain('comment');
  });

  it('a seller with no case who writes gets an answer, not silence', async () => {
    const w = await world();
    const s = await lumiere(w);
    await s.text('bonjour, des nouvelles ?');
    expect(s.last.length).toBeGreaterThan(0);
  });
});

describe('seller probe 2: off-platform contact and suspension', () => {
  it('« le client m’appelle sur whatsapp » : told to keep it in Congocrea messages', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('le client m’appelle sur whatsapp tous les jours', await threadOf(w, s, id));
    expect(s.ids().some((i) => /off-platform|outside|keep/.test(i))).toBe(true);
  });

  it('"the buyer emailed me directly" : told to keep it in messages', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('the buyer emailed me directly about this', await threadOf(w, s, id));
    expect(s.ids().some((i) => /off-platform|outside|keep/.test(i))).toBe(true);
  });

  it('« mosombi abengaki ngai na telefone » (Lingala: the buyer phoned me): told to keep it in messages', async () => {
    const w = await world();
    const s = await bisou(w);
    await s.text('mosombi abengaki ngai na telefone');
    expect(s.ids().some((i) => /off-platform|outside|keep/.test(i))).toBe(true);
  });

  it('a seller whose shop is suspended is told so, with a way to ask for reinstatement', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou ne répond pas aux litiges');
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
    const s = await bisou(w);
    await s.text('pourquoi ma boutique est bloquée ?');
    expect(s.read()).toMatch(/suspend/i);
  });

  it('« svp réactivez ma boutique » from a suspended seller opens a reinstatement request support sees', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou ne répond pas');
    const s = await bisou(w);
    await s.text('svp réactivez ma boutique, j’ai tout réglé');
    const b = buttons(s.last).find((l) => /reinstat/.test(l));
    if (b) await s.press(b);
    expect(s.ids().some((i) => /reinstat/.test(i))).toBe(true);
    // The shop is not reinstated by asking.
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
    expect(w.relayed.some((n) => 'support' in n.to) || (await supportHeard(w))).toBe(true);
  });

  it('"please reinstate my shop" in English works the same', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou no answer');
    const s = await bisou(w);
    await s.text('please reinstate my shop');
    const b = buttons(s.last).find((l) => /reinstat/.test(l));
    if (b) await s.press(b);
    expect(s.ids().some((i) => /reinstat/.test(i))).toBe(true);
  });

  it('asking for reinstatement when not suspended says so, and opens nothing', async () => {
    const w = await world();
    const s = await bisou(w);
    await s.text('svp réactivez ma boutique');
    expect(s.ids().some((i) => /not-suspended|reinstat/.test(i))).toBe(true);
    expect(w.relayed.filter((n) => 'support' in n.to)).toEqual([]);
  });

  it('resolving a case does not reinstate a suspended seller', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou ne répond pas');
    const s = await bisou(w);
    await s.command(`/refund ${id}`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b) await s.press(b);
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
  });
});

/** Whether support heard of something outside a case (relayed) — the reinstatement request. */
async function supportHeard(w: World): Promise<boolean> {
  return w.relayed.some((n) => 'support' in n.to);
}

describe('seller probe 2: reminders', () => {
  it('24 hours after opening without a word from the seller, they get a reminder saying 2 days are left', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await bisou(w);
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(24 * HOUR + 60_000);
    const c = await load(w, id);
    const rem = c.timeline.filter((e) => e.type === 'reminder' && e.nudge === 'seller_reminder');
    expect(rem).toHaveLength(1);
    const text = (await told(w, id, 'acc-bisou')).join('\n');
    expect(text).toMatch(/2\sjours|48\sh/);
  });

  it('the second reminder at 48 hours says 1 day is left, and none is sent twice', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(49 * HOUR);
    await n.plan(id);
    await n.advance(2 * HOUR);
    const rem = (await load(w, id)).timeline.filter((e) => e.type === 'reminder' && e.nudge === 'seller_reminder');
    expect(rem).toHaveLength(2);
    const text = (await told(w, id, 'acc-bisou')).join('\n');
    expect(text).toMatch(/1\sjour\b|24\sh/);
  });

  it('no reminder once the seller answered in the thread', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    const n = nudgesOf(w);
    await n.plan(id);
    await s.text('c envoyé hier', await threadOf(w, s, id));
    await n.advance(50 * HOUR);
    expect((await load(w, id)).timeline.filter((e) => e.type === 'reminder' && e.nudge === 'seller_reminder')).toEqual([]);
  });

  it('a seller who chose Lingala gets the reminder in Lingala', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/lang ln');
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(25 * HOUR);
    const reminders = (await w.outbox(id)).filter((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.body.some((b) => /remind|rappel/.test(b.id)));
    expect(reminders.length).toBeGreaterThan(0);
    const msg = await w.renderer.render(reminders.at(-1)!, { link: { platform: 'telegram', userId: s.userId, accountId: 'acc-bisou', address: `dm-${s.userId}`, linkedAt: '2026-11-10T09:00:00Z' } }, 'telegram');
    expect(msg.locale).toBe('ln');
  });

  it('a seller who chose Swahili gets the reminder in Swahili', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command('/lang sw');
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(25 * HOUR);
    const reminders = (await w.outbox(id)).filter((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.body.some((b) => /remind|rappel/.test(b.id)));
    expect(reminders.length).toBeGreaterThan(0);
    const msg = await w.renderer.render(reminders.at(-1)!, { link: { platform: 'telegram', userId: s.userId, accountId: 'acc-bisou', address: `dm-${s.userId}`, linkedAt: '2026-11-10T09:00:00Z' } }, 'telegram');
    expect(msg.locale).toBe('sw');
  });

  it('the reminder’s deadline is in the seller’s time zone (Atelier Lumière, Paris)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1008', 'non_delivery');
    await lumiere(w);
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(25 * HOUR);
    const ns = (await w.outbox(id)).filter((x) => 'accountId' in x.to && x.to.accountId === 'acc-lumiere' && x.body.some((b) => /remind|rappel/.test(b.id)));
    expect(ns.length).toBeGreaterThan(0);
    const msg = await w.renderer.render(ns.at(-1)!, { link: { platform: 'telegram', userId: 'lumiere', accountId: 'acc-lumiere', address: 'dm-lumiere', linkedAt: '2026-11-10T09:00:00Z' } }, 'telegram');
    expect(msg.timezone).toBe('Europe/Paris');
  });

  it('the seller is told when support escalates their case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/escalate ${id} inactivité`);
    expect((await w.outbox(id)).some((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.body.some((b) => /escalat/.test(b.id)))).toBe(true);
  });

  it('the seller is told at opening, with the deadline', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const text = (await told(w, id, 'acc-bisou')).join('\n');
    expect(text).toContain('CC-1001');
    expect(text).toMatch(/13|nov/i);
  });
});

describe('support probe 2: /case and lists', () => {
  it('/case <id> shows the whole timeline with internal notes', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.text('c envoyé hier', await threadOf(w, s, id));
    const sup = await desk(w);
    await sup.command(`/note ${id} vendeur récidiviste`);
    await sup.command(`/case ${id}`);
    const text = sup.read();
    expect(text).toContain('c envoyé hier');
    expect(text).toContain('vendeur récidiviste');
  });

  for (const form of ['1', 'C-1', 'c-000001', '000001', 'c1', 'C-000001']) {
    it(`/case ${form} finds case C-000001`, async () => {
      const w = await world();
      const id = await openCase(w, 'CC-1001', 'non_delivery');
      expect(id).toBe('C-000001');
      const sup = await desk(w);
      await sup.command(`/case ${form}`);
      expect(refused(sup)).toBe(false);
      expect(sup.last.some((o) => o.card?.caseId === id || o.caseId === id)).toBe(true);
    });
  }

  it('/case CC-1001 (the order id) finds its case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/case CC-1001');
    expect(sup.last.some((o) => o.card?.caseId === id || o.caseId === id)).toBe(true);
  });

  it('/case C-000099 (no such case) says it is not found', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/case C-000099');
    expect(sup.ids()).toContain('error-case-not-found');
  });

  it('/case alone gives the usage (or the list), never an error about a missing case', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/case');
    expect(sup.ids()).not.toContain('error-case-not-found');
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('/CASE 1 typed in capitals works', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/CASE 1');
    expect(sup.last.some((o) => o.card?.caseId === id || o.caseId === id)).toBe(true);
  });

  it('/cases escalated lists the escalated case and not the open one', async () => {
    const w = await world();
    const open = await openCase(w, 'CC-1001', 'non_delivery');
    const esc = await escalated(w, 'CC-1006', 'acc-joel');
    const sup = await desk(w);
    await sup.command('/cases escalated');
    const text = sup.read();
    expect(text).toContain(esc);
    expect(text).not.toContain(open);
  });

  it('/cases escaladés (French) lists the escalated cases', async () => {
    const w = await world();
    const esc = await escalated(w, 'CC-1006', 'acc-joel');
    const sup = await desk(w);
    await sup.command('/cases escaladés');
    expect(sup.read()).toContain(esc);
  });

  it('/cases overdue lists an open case past its escalation date, not a fresh one', async () => {
    const w = await world();
    const old = await openCase(w, 'CC-1001', 'non_delivery');
    w.clock.advance(4 * DAY);
    const fresh = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
    const sup = await desk(w);
    await sup.command('/cases overdue');
    const text = sup.read();
    expect(text).toContain(old);
    expect(text).not.toContain(fresh);
  });

  it('/cases waiting lists escalated cases nobody answered yet', async () => {
    const w = await world();
    const esc = await escalated(w);
    const sup = await desk(w);
    await sup.command('/cases waiting');
    expect(sup.read()).toContain(esc);
  });

  it('/cases mine lists what I took, not what my colleague took', async () => {
    const w = await world({ extraAccounts: [SECOND_AGENT] });
    const a = await escalated(w);
    const b = await escalated(w, 'CC-1006', 'acc-joel');
    const me = await desk(w);
    const other = await desk(w, 'acc-support-2', 'sup2');
    await me.command(`/take ${a}`);
    await other.command(`/take ${b}`);
    await me.command('/cases mine');
    const text = me.read();
    expect(text).toContain(a);
    expect(text).not.toContain(b);
  });

  it('/cases nonsense gives the lists it knows', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/cases nonsense');
    expect(sup.read()).toContain('nonsense');
    expect(buttons(sup.last).length).toBeGreaterThanOrEqual(4);
  });

  it('/cases with nothing escalated says the list is empty', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/cases escalated');
    expect(sup.last.length).toBeGreaterThan(0);
    expect(sup.read()).not.toContain('C-000001');
  });
});

describe('support probe 2: take, release, two agents', () => {
  it('/take makes me the owner, shown on the card', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/take ${id}`);
    expect((await load(w, id)).owner?.accountId).toBe('acc-support-1');
  });

  it('/take 1 without the prefix works', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/take 1`);
    expect((await load(w, id)).owner?.accountId).toBe('acc-support-1');
  });

  it('/release gives the case back', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/take ${id}`);
    await sup.command(`/release ${id}`);
    expect((await load(w, id)).owner ?? null).toBeNull();
  });

  it('a second agent’s /take of a taken case is refused, naming the owner', async () => {
    const w = await world({ extraAccounts: [SECOND_AGENT] });
    const id = await escalated(w);
    const me = await desk(w);
    const other = await desk(w, 'acc-support-2', 'sup2');
    await me.command(`/take ${id}`);
    await other.command(`/take ${id}`);
    expect((await load(w, id)).owner?.accountId).toBe('acc-support-1');
    expect(other.read()).toContain('Support Congocrea');
  });

  it('a second agent cannot /release my case', async () => {
    const w = await world({ extraAccounts: [SECOND_AGENT] });
    const id = await escalated(w);
    const me = await desk(w);
    const other = await desk(w, 'acc-support-2', 'sup2');
    await me.command(`/take ${id}`);
    await other.command(`/release ${id}`);
    expect((await load(w, id)).owner?.accountId).toBe('acc-support-1');
  });

  it('/release of a case nobody took says so and changes nothing', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/release ${id}`);
    expect((await load(w, id)).version).toBe(v);
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('two agents refunding the same case: one refund only', async () => {
    const w = await world({ extraAccounts: [SECOND_AGENT] });
    const id = await escalated(w);
    const a = await desk(w);
    const b = await desk(w, 'acc-support-2', 'sup2');
    await Promise.all([a.command(`/refund ${id}`), b.command(`/refund ${id}`)]);
    for (const s of [a, b]) {
      const btn = buttons(s.last).find((l) => CONFIRM.test(l));
      if (btn) await s.press(btn);
    }
    const c = await load(w, id);
    expect(c.timeline.filter((e) => e.type === 'refund')).toHaveLength(1);
    expect(c.refunded.amount).toBe(5_000_000);
  });

  it('my colleague sees my note on the case', async () => {
    const w = await world({ extraAccounts: [SECOND_AGENT] });
    const id = await escalated(w);
    const a = await desk(w);
    const b = await desk(w, 'acc-support-2', 'sup2');
    await a.command(`/note ${id} appelé la poste`);
    await b.command(`/case ${id}`);
    expect(b.read()).toContain('appelé la poste');
  });
});

describe('support probe 2: early escalation with a ground', () => {
  for (const [words, ground] of [['harcèlement', 'harassment'], ['inactivité', 'inactivity'], ['refus', 'refusal'], ['manipulation', 'manipulation'], ['integrity', 'integrity']] as const) {
    it(`/escalate 1 ${words} escalates before the buyer can, ground ${ground}`, async () => {
      const w = await world();
      const id = await openCase(w, 'CC-1001', 'non_delivery');
      const sup = await desk(w);
      await sup.command(`/escalate 1 ${words}`);
      expect(await load(w, id)).toMatchObject({ status: 'escalated', escalationGround: ground });
    });
  }

  it('the buyer is told their case went to support', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/escalate ${id} harcèlement`);
    expect((await w.outbox(id)).some((x) => 'accountId' in x.to && x.to.accountId === 'acc-amina' && x.body.some((b) => /escalat/.test(b.id)))).toBe(true);
  });

  it('/escalate <id> alone asks for a ground; the case stays open', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/escalate ${id}`);
    expect((await load(w, id)).status).toBe('open');
    expect(buttons(sup.last).join(' ')).toMatch(/inactivity/);
  });

  it('/escalate <id> blabla is refused with the grounds listed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/escalate ${id} blabla`);
    expect((await load(w, id)).status).toBe('open');
    expect(sup.read()).toContain('blabla');
  });

  it('/escalate an already escalated case says so; no second escalation', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/escalate ${id} harcèlement`);
    expect(sup.ids()).toContain('error-already-escalated');
    expect((await load(w, id)).timeline.filter((e) => e.type === 'escalated')).toHaveLength(1);
  });

  it('/escalate a closed case is refused', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const sup = await desk(w);
    await sup.command(`/escalate ${id} harcèlement`);
    expect(sup.ids()).toContain('error-case-closed');
  });

  it('/escalate with the ground first (/escalate harcèlement 1) still works or says how', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command('/escalate harcèlement 1');
    const c = await load(w, id);
    expect(c.status === 'escalated' ? c.escalationGround : refused(sup)).toBeTruthy();
  });
});

describe('support probe 2: refunds and decisions', () => {
  it('/refund <id> after escalation: full refund, closed support_refund, buyer and seller told', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/refund ${id}`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    const c = await load(w, id);
    expect(c).toMatchObject({ status: 'closed', resolution: 'support_refund', refunded: { amount: 5_000_000 } });
    const out = await w.outbox(id);
    expect(out.some((x) => 'accountId' in x.to && x.to.accountId === 'acc-amina' && x.closing)).toBe(true);
    expect(out.some((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.closing)).toBe(true);
  });

  it('/refund <id> 10000 recover: partial, recovered from the seller, support’s decision closes the case', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/refund ${id} 10000 recover`);
    const b = buttons(sup.last).find((l) => /confirm|refund-recover/.test(l));
    if (b && (await load(w, id)).refunded.amount === 0) await sup.press(b);
    const c = await load(w, id);
    expect(c.refunded.amount).toBe(1_000_000);
    expect(c).toMatchObject({ status: 'closed', resolution: 'support_refund' });
    expect(c.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: true });
  });

  it('/refund <id> recover: full with recovery', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/refund ${id} recover`);
    const b = buttons(sup.last).find((l) => /confirm|refund-recover/.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    const c = await load(w, id);
    expect(c.status).toBe('closed');
    expect(c.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: true, full: true });
  });

  it('/refund <id> 10000 (no recover) is not taken from the seller', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/refund ${id} 10000`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).refunded.amount === 0) await sup.press(b);
    expect((await load(w, id)).timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: false });
  });

  it('/refund <id> 0 is refused', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/refund ${id} 0`);
    expect(refused(sup)).toBe(true);
    expect((await load(w, id)).version).toBe(v);
  });

  it('/refund <id> -500 is refused', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/refund ${id} -500`);
    expect(refused(sup)).toBe(true);
    expect((await load(w, id)).version).toBe(v);
  });

  it('/refund alone gives the usage', async () => {
    const w = await world();
    await escalated(w);
    const sup = await desk(w);
    await sup.command('/refund');
    expect(refused(sup) || sup.last.some((o) => (o.choices ?? []).length > 0)).toBe(true);
  });

  it('/refund before escalation by support is refused (support refunds after escalation)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/refund ${id}`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b) await sup.press(b);
    expect((await load(w, id)).refunded.amount).toBe(0);
  });

  it('/decide <id> seller closes in the seller’s favour; both parties told', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    expect(await load(w, id)).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
    const out = await w.outbox(id);
    expect(out.some((x) => 'accountId' in x.to && x.to.accountId === 'acc-amina' && x.closing)).toBe(true);
    expect(out.some((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.closing)).toBe(true);
  });

  it('/decide <id> vendeur (French) works too', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/decide ${id} vendeur`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    expect(await load(w, id)).toMatchObject({ status: 'closed', resolution: 'seller_favour' });
  });

  it('/decide <id> alone gives the usage and changes nothing', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/decide ${id}`);
    expect((await load(w, id)).version).toBe(v);
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('/decide <id> seller before escalation is refused', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b) await sup.press(b);
    expect((await load(w, id)).status).toBe('open');
  });

  it('/decide <id> seller with a reason keeps the reason on the closing', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller preuve de livraison valide`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    const closed = (await load(w, id)).timeline.find((e) => e.type === 'closed') as { text?: string } | undefined;
    expect(closed?.text).toContain('preuve de livraison valide');
  });

  it('/reopen a closed case: reopened, the parties told', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    await sup.command(`/reopen ${id}`);
    const again = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (again) await sup.press(again);
    const c = await load(w, id);
    expect(c.status).not.toBe('closed');
    expect(types(c)).toContain('reopened');
    expect((await w.outbox(id)).some((x) => 'accountId' in x.to && x.to.accountId === 'acc-amina' && x.body.some((m) => /reopen/.test(m.id)))).toBe(true);
  });

  it('/reopen an open case says it is not closed', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/reopen ${id}`);
    expect(sup.ids()).toContain('error-case-not-closed');
  });

  it('/reopen 1 after the buyer closed it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const sup = await desk(w);
    await sup.command('/reopen 1');
    const again = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (again) await sup.press(again);
    expect((await load(w, id)).status).not.toBe('closed');
  });
});

describe('support probe 2: asking a party, notes', () => {
  it('/ask <id> seller <text>: the seller gets the question, answers in the thread, support hears the answer', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/ask ${id} seller Envoyez le reçu DHL svp`);
    let c = await load(w, id);
    expect(c.infoRequested?.from).toBe('seller');
    expect((await told(w, id, 'acc-bisou')).join('\n')).toContain('Envoyez le reçu DHL svp');
    const s = await bisou(w);
    await s.text('voila le numero JD0142, envoyé le 3', await threadOf(w, s, id));
    c = await load(w, id);
    expect(c.infoRequested).toBeNull();
    expect((await told(w, id, 'support')).join('\n')).toContain('voila le numero JD0142');
  });

  it('/ask <id> buyer <text>: the buyer gets the question and answers', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/ask ${id} buyer Quelle est votre adresse exacte ?`);
    expect((await told(w, id, 'acc-amina')).join('\n')).toContain('Quelle est votre adresse exacte ?');
    const a = await amina(w);
    await a.text('12 av. de la Paix, Gombe', await threadOf(w, a, id));
    expect((await load(w, id)).infoRequested).toBeNull();
  });

  it('/ask 1 vendeur <text> (French party name, no prefix) works', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command('/ask 1 vendeur preuve d’envoi ?');
    expect((await load(w, id)).infoRequested?.from).toBe('seller');
  });

  it('/ask 1 acheteur <text> works', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command('/ask 1 acheteur photos du colis ?');
    expect((await load(w, id)).infoRequested?.from).toBe('buyer');
  });

  it('/ask <id> seller with no question gives the usage and changes nothing', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/ask ${id} seller`);
    expect((await load(w, id)).version).toBe(v);
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('/ask <id> nobody <text> is refused', async () => {
    const w = await world();
    const id = await escalated(w);
    const v = (await load(w, id)).version;
    const sup = await desk(w);
    await sup.command(`/ask ${id} nobody hello`);
    expect((await load(w, id)).version).toBe(v);
  });

  it('the buyer never gets the question asked of the seller', async () => {
    const w = await world();
    const id = await escalated(w);
    const sup = await desk(w);
    await sup.command(`/ask ${id} seller question réservée au vendeur`);
    expect((await told(w, id, 'acc-amina')).join('\n')).not.toContain('question réservée au vendeur');
  });

  it('/note is never sent to a party', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/note ${id} acheteuse suspecte`);
    expect(types(await load(w, id))).toContain('note');
    const toParties = [...(await told(w, id, 'acc-amina')), ...(await told(w, id, 'acc-bisou'))].join('\n');
    expect(toParties).not.toContain('acheteuse suspecte');
  });

  it('/note never shows on the seller’s /case', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/note ${id} acheteuse suspecte`);
    const s = await bisou(w);
    await s.command(`/case ${id}`);
    expect(s.read()).not.toContain('acheteuse suspecte');
  });

  it('/note <id> with no text gives the usage and changes nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await desk(w);
    await sup.command(`/note ${id}`);
    expect((await load(w, id)).version).toBe(1);
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('/note on a closed case is still allowed (an internal record)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    await w.cases.act({ accountId: 'acc-amina', platform: 'telegram' }, id, { type: 'BuyerClose' });
    const sup = await desk(w);
    await sup.command(`/note ${id} clos à l’amiable`);
    expect(types(await load(w, id))).toContain('note');
  });
});

describe('support probe 2: suspend and reinstate', () => {
  it('/suspend Bisou Créations <reason> by name suspends the shop and the seller is told', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend Bisou Créations ne répond pas aux litiges');
    expect(await w.cases.shopSuspension('shop-bisou')).toMatchObject({ reason: expect.stringContaining('ne répond pas') });
    expect(w.relayed.some((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou')).toBe(true);
  });

  it('/suspend shop-bisou <reason> by id', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou inactif');
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
  });

  it('/suspend bisou (lowercase, short name) <reason> finds the shop', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend bisou inactif depuis 10 jours');
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
  });

  it('/suspend shop-bisou without a reason gives the usage and suspends nothing', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou');
    expect(await w.cases.shopSuspension('shop-bisou')).toBeNull();
    expect(sup.last.length).toBeGreaterThan(0);
  });

  it('/suspend an unknown shop says it is not found', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-nope fraude');
    expect(sup.ids()).toContain('error-shop-not-found');
  });

  it('/reinstate Bisou lifts it and the seller is told', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou inactif');
    const before = w.relayed.length;
    await sup.command('/reinstate Bisou');
    expect(await w.cases.shopSuspension('shop-bisou')).toBeNull();
    expect(w.relayed.slice(before).some((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou')).toBe(true);
  });

  it('/reinstate a shop that is not suspended says so', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/reinstate shop-bisou');
    expect(sup.ids()).toContain('error-shop-not-suspended');
  });

  it('/suspend twice keeps one suspension and says it already is', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/suspend shop-bisou inactif');
    await sup.command('/suspend shop-bisou encore');
    expect(sup.last.length).toBeGreaterThan(0);
    expect(await w.cases.shopSuspension('shop-bisou')).not.toBeNull();
  });
});

describe('support probe 2: non-support users typing support commands', () => {
  for (const line of ['/cases escalated', '/take 1', '/note 1 hello', '/decide 1 seller', '/reopen 1', '/suspend shop-lumiere x', '/ask 1 buyer hi', '/escalate 1 harcèlement']) {
    it(`the seller typing ${line} is refused and nothing changes`, async () => {
      const w = await world();
      const id = await openCase(w, 'CC-1001', 'non_delivery');
      const s = await bisou(w);
      await s.command(line);
      expect(refused(s)).toBe(true);
      expect((await load(w, id)).version).toBe(1);
      expect(await w.cases.shopSuspension('shop-lumiere')).toBeNull();
    });
  }

  it('a seller in the staff group still cannot use support commands', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await w.user({ account: 'acc-bisou', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await s.command(`/decide ${id} seller`);
    expect(refused(s)).toBe(true);
    expect((await load(w, id)).status).toBe('open');
  });

  it('the seller typing /refund <id> recover does not get a recovery flag', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await bisou(w);
    await s.command(`/refund ${id} 10000 recover`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b) await s.press(b);
    const r = (await load(w, id)).timeline.find((e) => e.type === 'refund') as { recover?: boolean } | undefined;
    expect(r?.recover ?? false).toBe(false);
  });

  it('an unknown command typed fast (/cse 1) gets help, not silence', async () => {
    const w = await world();
    const sup = await desk(w);
    await sup.command('/cse 1');
    expect(sup.last.length).toBeGreaterThan(0);
  });
});

describe('support probe 2: late delivery and SLA', () => {
  it('a case older than POLICY_MAX_CASE_AGE is flagged late, support and seller are told', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(366 * DAY);
    const c = await load(w, id);
    expect(c.lateDelivery).toBe(true);
    expect(types(c)).toContain('late_delivery');
    const out = await w.outbox(id);
    expect(out.some((x) => 'support' in x.to && x.body.some((b) => /late/.test(b.id)))).toBe(true);
    expect(out.some((x) => 'accountId' in x.to && x.to.accountId === 'acc-bisou' && x.body.some((b) => /late/.test(b.id)))).toBe(true);
  });

  it('on a late case a partial refund is refused (only a full refund)', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    w.clock.advance(366 * DAY);
    await w.cases.act({ accountId: 'system', platform: 'system' }, id, { type: 'FlagLateDelivery' });
    const s = await bisou(w);
    await s.command(`/refund ${id} 10000`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b) await s.press(b);
    expect((await load(w, id)).refunded.amount).toBe(0);
    expect(s.ids()).toContain('error-late-delivery-full-refund-only');
  });

  it('on a late case support cannot decide for the seller', async () => {
    const w = await world();
    const id = await escalated(w);
    w.clock.advance(366 * DAY);
    await w.cases.act({ accountId: 'system', platform: 'system' }, id, { type: 'FlagLateDelivery' });
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b) await sup.press(b);
    expect((await load(w, id)).status).not.toBe('closed');
  });

  it('on a late case the full refund closes it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    w.clock.advance(366 * DAY);
    await w.cases.act({ accountId: 'system', platform: 'system' }, id, { type: 'FlagLateDelivery' });
    const s = await bisou(w);
    await s.command(`/refund ${id}`);
    const b = buttons(s.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await s.press(b);
    expect((await load(w, id)).status).toBe('closed');
  });

  it('support /case of a late case shows it is late', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    w.clock.advance(366 * DAY);
    await w.cases.act({ accountId: 'system', platform: 'system' }, id, { type: 'FlagLateDelivery' });
    const sup = await desk(w);
    await sup.command(`/case ${id}`);
    expect(sup.last.map((o) => o.card).find(Boolean)?.lateDelivery).toBe(true);
  });

  it('an escalated case waiting for support past the SLA nudges support once', async () => {
    const w = await world();
    const id = await escalated(w);
    const n = nudgesOf(w);
    await n.plan(id);
    await n.advance(5 * DAY);
    await n.plan(id);
    await n.advance(5 * DAY);
    const sla = (await load(w, id)).timeline.filter((e) => e.type === 'reminder' && e.nudge === 'support_sla');
    expect(sla).toHaveLength(1);
  });

  it('no SLA nudge for an escalated case support already closed', async () => {
    const w = await world();
    const id = await escalated(w);
    const n = nudgesOf(w);
    await n.plan(id);
    const sup = await desk(w);
    await sup.command(`/decide ${id} seller`);
    const b = buttons(sup.last).find((l) => CONFIRM.test(l));
    if (b && (await load(w, id)).status !== 'closed') await sup.press(b);
    await n.advance(5 * DAY);
    expect((await load(w, id)).timeline.filter((e) => e.type === 'reminder' && e.nudge === 'support_sla')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/app/format.js';
import { backendWorld, buttons, DAY, openCase, type World } from './harness.js';

/** The support team in its Telegram staff group, and a member's private chat with the bot. */
async function staff(w: World) {
  const channel = await w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
  const dm = await w.user({ account: 'acc-support-1', platform: 'discord', userId: 'sup-dc', conversationId: 'dm-sup' });
  return { channel, dm };
}

describe.each(['memory', 'redis'] as const)('support (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('/escalate <id> <ground> takes each ground in SPEC’s words, its command name and its French name', async () => {
    const said: Array<[string, string]> = [
      ['seller inactivity', 'inactivity'], ['inactivité du vendeur', 'inactivity'], ['harassment', 'harassment'], ['Harcèlement', 'harassment'],
      ['refusal of service', 'refusal'], ['refus de service', 'refusal'], ['case manipulation', 'manipulation'], ['manipulation du litige', 'manipulation'],
      ['harm to the integrity of the case system', 'integrity'], ['atteinte à l’intégrité du système des litiges', 'integrity'], ["atteinte à l'intégrité", 'integrity'], ['intégrité', 'integrity'],
    ];
    for (const [words, ground] of said) {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      const { channel } = await staff(w);
      await channel.command(`/escalate ${caseId} ${words}`);
      expect((await w.store.load(caseId))!, words).toMatchObject({ status: 'escalated', escalationGround: ground });
    }
    // A short prefix stays one ground: `har` is harassment.
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const { channel } = await staff(w);
    await channel.command(`/escalate ${caseId} har`);
    expect((await w.store.load(caseId))!).toMatchObject({ status: 'escalated', escalationGround: 'harassment' });
  });

  it('support commands run in the staff channel only, for support accounts only', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const { channel, dm } = await staff(w);
    await dm.command(`/note ${caseId} à surveiller`);
    expect(dm.ids()).toEqual(['error-support-only']);
    await dm.command(`/case ${caseId}`);
    expect(dm.ids()).toEqual(['error-support-only']);
    // A buyer who found the staff group is still no support member.
    const intruder = await w.user({ account: 'acc-joel', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await intruder.command(`/note ${caseId} hello`);
    expect(intruder.ids()).toEqual(['error-support-only']);
    await intruder.command('/cases escalated');
    expect(intruder.ids()).toEqual(['error-support-only']);
    expect((await w.store.load(caseId))!.version).toBe(1);

    await channel.command(`/note ${caseId} Vendeur déjà signalé deux fois.`);
    expect(channel.ids()).toEqual(['engine-done-note']);
  });

  it('/case shows support the whole timeline with notes, and the parties the card, never notes', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const { channel } = await staff(w);
    await channel.command(`/note ${caseId} Vendeur déjà signalé deux fois.`);
    await channel.command(`/case ${caseId}`);
    expect(channel.ids()).toEqual(['engine-timeline-title', 'engine-timeline-opened', 'engine-timeline-note']);
    expect(channel.read()).toContain('note interne : « Vendeur déjà signalé deux fois. »');
    expect(channel.last.at(-1)!.card!.viewerRole).toBe('support');
    expect(buttons(channel.last)).toEqual(['engine-action-escalate-support', 'engine-action-note']);

    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/case ${caseId}`);
    expect(amina.ids()).toEqual([]);
    expect(amina.last[0]!.card!.viewerRole).toBe('buyer');
    expect(amina.read()).not.toContain('Vendeur déjà signalé');
  });

  it('escalates early with a ground, asks a party, refunds with recovery', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const { channel } = await staff(w);
    await channel.command(`/escalate ${caseId} gossip`);
    expect(channel.ids()).toEqual(['engine-ground-unknown', 'engine-ask-ground']);
    expect(channel.read()).toContain('« gossip »');
    expect(buttons(channel.last)).toEqual(['engine-ground-inactivity', 'engine-ground-harassment', 'engine-ground-refusal', 'engine-ground-manipulation', 'engine-ground-integrity']);
    expect((await w.store.load(caseId))!.status).toBe('open');
    await channel.command(`/escalate ${caseId} harcèlement`);
    expect(channel.ids()).toEqual(['engine-done-escalated']);
    expect((await w.store.load(caseId))!).toMatchObject({ status: 'escalated', escalationGround: 'harassment' });

    await channel.command(`/ask ${caseId} seller Pouvez-vous envoyer le reçu d'expédition ?`);
    expect(channel.ids()).toEqual(['engine-done-ask']);
    const toSeller = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to && n.to.accountId === 'acc-bisou').at(-1)!;
    expect(toSeller.body[0]).toMatchObject({ id: 'notify-info-requested', args: { text: "Pouvez-vous envoyer le reçu d'expédition ?" } });
    // The seller answers with the card's button: the prompt says support reads the answer too.
    const seller = await w.user({ account: 'acc-bisou', platform: 'teams' });
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-reply-to-buyer');
    expect(seller.ids()).toEqual(['engine-ask-reply']);
    expect(seller.read()).toContain('à l’acheteur et au support, qui attend votre réponse');

    await channel.command(`/refund ${caseId} 20000 recover`);
    expect(channel.ids()).toEqual(['engine-confirm-refund']);
    expect(channel.read()).toContain('Payé par : le vendeur');
    expect(channel.read()).toContain('Le litige sera clos.');
    expect(buttons(channel.last)).toEqual(['engine-choice-refund-recover', 'engine-choice-back']);
    expect((await w.store.load(caseId))!.refunded.amount).toBe(0);
    await channel.press('engine-choice-refund-recover');
    expect(channel.ids()).toEqual(['engine-done-refund', 'engine-done-closed']);
    expect(channel.read()).toContain(`Remboursement de ${formatMoney({ amount: 2_000_000, currency: 'CDF' }, 'fr')} enregistré, à reprendre au vendeur.`);
    const c = (await w.store.load(caseId))!;
    expect(c).toMatchObject({ status: 'closed', resolution: 'support_refund' });
    expect(c.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: true, amount: { amount: 2_000_000 } });
  });

  it('a seller may not recover funds; support decides for the seller and reopens', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/refund ${caseId} 1000 recover`);
    expect(seller.ids()).toEqual(['error-support-only']);

    const { channel } = await staff(w);
    await channel.command(`/decide ${caseId} seller`);
    expect(channel.ids()).toEqual(['error-not-escalated']);
    w.clock.advance(3 * DAY + 1000);
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/escalate ${caseId}`);
    expect(amina.ids()).toEqual(['engine-done-escalated']);

    await channel.command('/cases escalated');
    expect(channel.ids()).toEqual(['engine-cases-title', 'engine-case-line']);
    await channel.command('/cases waiting');
    expect(channel.ids()).toEqual(['engine-cases-title', 'engine-case-line']);
    await channel.command(`/decide ${caseId} vendeur Le sac correspond à l'annonce.`);
    expect(channel.ids()).toEqual(['engine-confirm-decide']);
    expect((await w.store.load(caseId))!.status).toBe('escalated');
    await channel.press('engine-choice-confirm');
    expect(channel.ids()).toEqual(['engine-done-closed']);
    expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'closed', resolution: 'seller_favour', text: "Le sac correspond à l'annonce." });

    await channel.command(`/reopen ${caseId} Nouvelles photos de l'acheteuse.`);
    expect(channel.ids()).toEqual(['engine-confirm-reopen']);
    await channel.press('engine-choice-confirm');
    expect(channel.ids()).toEqual(['engine-done-reopened']);
    expect((await w.store.load(caseId))!.status).not.toBe('closed');
    // The history support reads keeps each explanation, as the notes and questions are kept.
    await channel.command(`/case ${caseId}`);
    expect(channel.read()).toMatch(/· clos : décision en faveur du vendeur · « Le sac correspond à l'annonce\. »\n/);
    expect(channel.read()).toMatch(/· rouvert · « Nouvelles photos de l'acheteuse\. »\n/);
  });

  it('support card actions: escalate asks the ground, refunds ask about recovery', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const { channel } = await staff(w);
    await channel.command(`/case ${caseId}`);
    await channel.press('engine-action-escalate-support');
    expect(channel.ids()).toEqual(['engine-ask-ground']);
    expect(buttons(channel.last)).toEqual(['engine-ground-inactivity', 'engine-ground-harassment', 'engine-ground-refusal', 'engine-ground-manipulation', 'engine-ground-integrity']);
    await channel.press('engine-ground-inactivity');
    expect(channel.ids()).toEqual(['engine-done-escalated']);
    await channel.press('engine-action-refund-full');
    expect(buttons(channel.last)).toEqual(['engine-choice-refund-recover', 'engine-choice-refund-no-recover', 'engine-choice-back']);
    await channel.press('engine-choice-refund-no-recover');
    expect(channel.ids()).toEqual(['engine-done-refund', 'engine-done-closed']);
    expect((await w.store.load(caseId))!.timeline.find((e) => e.type === 'refund')).toMatchObject({ recover: false, full: true });
  });

  it('suspends and reinstates a shop', async () => {
    const w = await world();
    const { channel } = await staff(w);
    await channel.command('/suspend shop-bisou Ne répond plus aux litiges');
    expect(channel.ids()).toEqual(['engine-shop-suspended']);
    expect(await w.cases.shopSuspension('shop-bisou')).toMatchObject({ reason: 'Ne répond plus aux litiges' });
    await channel.command('/suspend shop-bisou encore');
    expect(channel.ids()).toEqual(['error-shop-suspended']);
    await channel.command('/reinstate shop-bisou');
    expect(channel.ids()).toEqual(['engine-shop-reinstated']);
    expect(await w.cases.shopSuspension('shop-bisou')).toBeNull();
    await channel.command('/suspend shop-bisou');
    expect(channel.ids()).toEqual(['engine-usage']);
  });

  it('support works from the web playground without a staff channel', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const web = await w.user({ account: 'acc-support-1', platform: 'web' });
    await web.command(`/note ${caseId} depuis le web`);
    expect(web.ids()).toEqual(['engine-done-note']);
  });
});

describe('support in a case’s staff thread', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  it('text in the staff thread is an internal note the parties never see; /cases there offers the queues', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await w.threads.setCaseThread('telegram', caseId, 'staff', 'staff-group/12');
    const member = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await member.text('Je regarde ce dossier demain.', { threadId: '12' });
    expect(member.ids()).toEqual(['engine-done-note']);
    expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'note', text: 'Je regarde ce dossier demain.' });
    const toParties = (await w.outbox(caseId)).filter((n) => 'accountId' in n.to);
    expect(toParties.map((n) => n.body[0]!.id)).not.toContain('notify-note');
    await member.command('/cases');
    expect(member.ids()).toEqual(['engine-queue-menu']);
    expect(member.last[0]!.choices!.map((c) => c.label.args)).toEqual([
      { view: 'escalated', count: 0 },
      { view: 'waiting', count: 0 },
      { view: 'overdue', count: 0 },
      { view: 'all', count: 1 },
    ]);
    await member.press('engine-queue-choice', (c) => c.label.args?.view === 'escalated');
    expect(member.ids()).toEqual(['engine-cases-none']);
    expect(member.read()).toBe('Aucun litige transmis au support.');
  });

  it('a buyer’s /escalate with a ground is the buyer’s own escalation', async () => {
    const w = await world();
    await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/escalate C-000001 inactivity');
    expect(amina.ids()).toEqual(['error-escalation-not-yet']);
  });
});

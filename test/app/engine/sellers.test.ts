import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons, DAY, openCase, type World } from './harness.js';

async function staff(w: World) {
  return w.user({ account: 'acc-support-1', userId: 'sup', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
}

/** A non-delivery case the seller closed with matching tracking (`dhl JD0142`, delivered in Kinshasa). */
async function closedOnTracking(w: World) {
  const caseId = await openCase(w, 'CC-1005', 'non_delivery');
  const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
  await seller.command(`/tracking ${caseId} dhl JD0142`);
  expect(seller.ids()).toEqual(['engine-done-tracking', 'engine-done-closed']);
  return { caseId, seller };
}

describe.each(['memory', 'redis'] as const)('sellers and support: buttons that stay true (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('« Rembourser en totalité » pressed on a case closed since answers what changed, never a confirmation', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command(`/case ${caseId}`);
    const refund = seller.token('engine-action-refund-full');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/close');
    await amina.press('engine-choice-confirm');
    await seller.pressToken(refund);
    expect(seller.ids()).toEqual(['engine-stale-button']);
    expect(seller.read()).toMatch(/le litige C-000001 est clos depuis le .* \(clos par l'acheteur, satisfait\)\. Rien n’a été fait/);
    expect(buttons(seller.last)).toEqual([]);
    expect(await w.marketplace.refunds('CC-1001')).toHaveLength(0);
  });

  it('a confirmation answers once: a second press of it, or of its sibling, is « déjà choisi » and moves no money', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command(`/refund ${caseId} 10000`);
    const confirm = seller.token('engine-choice-confirm');
    const back = seller.token('engine-choice-back');
    await seller.pressToken(confirm);
    expect(seller.ids()).toEqual(['engine-done-refund']);
    await seller.pressToken(confirm);
    expect(seller.ids()).toEqual(['error-action-used']);
    expect(seller.read()).toContain('Déjà choisi');
    await seller.pressToken(back);
    expect(seller.ids()).toEqual(['error-action-used']);
    const c = (await w.store.load(caseId))!;
    expect(c.refunded.amount).toBe(1_000_000);
    expect(await w.marketplace.refunds('CC-1001')).toHaveLength(1);
  });

  it('the buyer answering support’s question is told it went to the seller and to support', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await staff(w);
    await sup.command(`/escalate ${caseId} inactivité`);
    expect(sup.ids()).toEqual(['engine-done-escalated']);
    await sup.command(`/ask ${caseId} acheteur Avez-vous une photo du colis ?`);
    const amina = await w.user({ account: 'acc-amina', conversationId: 'chat-amina' });
    // The buyer replies to the question as it reached her (a case message the adapter remembered).
    await w.threads.rememberMessage('telegram', 'chat-amina', 'm-question', caseId);
    await amina.text('Je n’ai reçu aucun colis.', { replyToMessageId: 'm-question' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
    expect(amina.read()).toBe('Message transmis au vendeur et au support.');
  });
});

describe.each(['memory', 'redis'] as const)('a closed case can be contested (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('closed on tracking: the buyer is told why, asks for a check once, support gets the case and reopens it', async () => {
    const w = await world();
    const { caseId } = await closedOnTracking(w);
    const closing = (await w.outbox(caseId)).find((n) => 'accountId' in n.to && n.to.accountId === 'acc-amina' && n.body[0]!.id === 'notify-closed')!;
    expect(closing.body.map((b) => b.id)).toEqual(['notify-closed', 'notify-closed-why-delivered', 'notify-contest-offer']);
    expect(closing.card).toBe(true);

    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/case ${caseId}`);
    expect(buttons(amina.last)).toEqual(['engine-action-verify']);
    await amina.press('engine-action-verify');
    expect(amina.ids()).toEqual(['engine-confirm-verify']);
    await amina.press('engine-choice-send-request');
    expect(amina.ids()).toEqual(['engine-done-verification-requested']);
    expect(buttons(amina.last)).toEqual([]);
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'verification_requested', resolution: 'delivered', actor: { role: 'buyer' } });
    const toSupport = (await w.outbox(caseId)).filter((n) => 'support' in n.to).at(-1)!;
    expect(toSupport).toMatchObject({ card: true, body: [{ id: 'notify-verification-requested' }] });

    // Asking again from the old card changes nothing.
    await amina.command(`/case ${caseId}`);
    expect(buttons(amina.last)).toEqual([]);

    const sup = await staff(w);
    await sup.command(`/case ${caseId}`);
    expect(buttons(sup.last)).toContain('engine-action-reopen');
    await sup.press('engine-action-reopen');
    expect(sup.ids()).toEqual(['engine-confirm-reopen']);
    await sup.press('engine-choice-confirm');
    expect(sup.ids()).toEqual(['engine-done-reopened']);
    expect((await w.store.load(caseId))!.status).toBe('open');
  });

  it('after the window, the button is gone and an old one answers what changed', async () => {
    const w = await world();
    const { caseId } = await closedOnTracking(w);
    const amina = await w.user({ account: 'acc-amina' });
    w.clock.advance(29 * DAY);
    await amina.command(`/case ${caseId}`);
    const verify = amina.token('engine-action-verify');
    w.clock.advance(DAY);
    await amina.pressToken(verify);
    expect(amina.ids()).toEqual(['engine-stale-button']);
    expect(buttons(amina.last)).toEqual([]);
    expect((await w.store.load(caseId))!.timeline.some((e) => e.type === 'verification_requested')).toBe(false);
  });
});

describe.each(['memory', 'redis'] as const)('support speaks its own language (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it.each([
    ['refus', 'refusal'],
    ['inactivite', 'inactivity'],
    ['Harcèlement', 'harassment'],
    ['manip', 'manipulation'],
    ['intégrité', 'integrity'],
    ['refus de service', 'refusal'],
  ])('/escalate … %s is the ground %s', async (typed, ground) => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await staff(w);
    await sup.command(`/escalate ${caseId} ${typed}`);
    expect(sup.ids()).toEqual(['engine-done-escalated']);
    expect((await w.store.load(caseId))!.escalationGround).toBe(ground);
  });

  it('a missing ground is asked with buttons, not refused', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const sup = await staff(w);
    await sup.command(`/escalate ${caseId}`);
    expect(sup.ids()).toEqual(['engine-ask-ground']);
    await sup.press('engine-ground-refusal');
    expect(sup.ids()).toEqual(['engine-done-escalated']);
    expect((await w.store.load(caseId))!.escalationGround).toBe('refusal');
  });

  it('/decide without a side asks with buttons; « acheteur » after a full refund closes without refunding twice', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await seller.command(`/refund ${caseId}`);
    await seller.press('engine-choice-confirm');
    const sup = await staff(w);
    await sup.command(`/reopen ${caseId}`);
    await sup.press('engine-choice-confirm');
    await sup.command(`/escalate ${caseId} integrite`);
    await sup.command(`/decide ${caseId} seller`);
    expect(sup.ids()).toEqual(['error-refunded-in-full']);
    await sup.command(`/decide ${caseId}`);
    expect(sup.ids()).toEqual(['engine-ask-side']);
    await sup.press('engine-side-buyer');
    expect(sup.ids()).toEqual(['engine-confirm-decide-buyer']);
    expect(sup.read()).toContain('Tout est déjà remboursé');
    await sup.press('engine-choice-confirm');
    expect(sup.ids()).toEqual(['engine-done-closed']);
    const c = (await w.store.load(caseId))!;
    expect(c).toMatchObject({ status: 'closed', resolution: 'support_refund', refunded: { amount: 5_000_000 } });
    expect(await w.marketplace.refunds('CC-1001')).toHaveLength(1);
  });

  it('lists by their French names; an empty list names itself; an unknown name offers the queues', async () => {
    const w = await world();
    const sup = await staff(w);
    await sup.command('/cases en-retard');
    expect(sup.ids()).toEqual(['engine-cases-none']);
    expect(sup.read()).toBe('Aucun litige en retard.');
    await sup.command('/cases attente');
    expect(sup.read()).toBe('Aucun litige en attente du support.');
    await sup.command('/cases bidule');
    expect(sup.ids()).toEqual(['engine-queue-unknown', 'engine-queue-menu']);
    // Named in words too: a client that shows no buttons (Teams on a phone, a plain-text bridge) still learns them.
    expect(sup.read()).toContain('/cases escalated, overdue, waiting ou mine');
    expect(buttons(sup.last)).toEqual(['engine-queue-choice', 'engine-queue-choice', 'engine-queue-choice', 'engine-queue-choice']);
  });

  it('shops by name or part of it, with a choice when several match; replies name the shop', async () => {
    const w = await world();
    const sup = await staff(w);
    await sup.command('/suspend Bisou Créations Ne répond plus aux litiges');
    expect(sup.ids()).toEqual(['engine-shop-suspended']);
    expect(sup.read()).toBe('La boutique Bisou Créations est suspendue.');
    expect(await w.cases.shopSuspension('shop-bisou')).toMatchObject({ reason: 'Ne répond plus aux litiges' });
    await sup.command('/reinstate bisou');
    expect(sup.read()).toBe('La boutique Bisou Créations est rétablie.');

    await sup.command('/suspend re Trop de litiges');
    expect(sup.ids()).toEqual(['engine-shop-which']);
    expect(sup.last[0]!.choices!.map((c) => c.label.args?.shopName)).toEqual(['Bisou Créations', 'Atelier Lumière']);
    expect(await w.cases.shopSuspension('shop-lumiere')).toBeNull();
    await sup.press('engine-shop-choice', (c) => c.label.args?.shopId === 'shop-lumiere');
    expect(sup.read()).toBe('La boutique Atelier Lumière est suspendue.');
    expect(await w.cases.shopSuspension('shop-lumiere')).toMatchObject({ reason: 'Trop de litiges' });

    await sup.command('/suspend Inconnue nulle part');
    expect(sup.ids()).toEqual(['error-shop-not-found']);
  });

  it('a quoted shop name ("…" or « … ») is the shop, the rest the reason', async () => {
    const w = await world();
    const sup = await staff(w);
    await sup.command('/suspend "Atelier Lumière" Ne répond plus');
    expect(sup.read()).toBe('La boutique Atelier Lumière est suspendue.');
    expect(await w.cases.shopSuspension('shop-lumiere')).toMatchObject({ reason: 'Ne répond plus' });
    await sup.command('/reinstate « Atelier Lumière »');
    expect(sup.read()).toBe('La boutique Atelier Lumière est rétablie.');
    await sup.command('/suspend "Bisou Créations"');
    expect(sup.ids()).toEqual(['engine-usage']);
    await sup.command('/suspend "Nulle Part" raison');
    expect(sup.ids()).toEqual(['error-shop-not-found']);
    expect(await w.cases.shopSuspension('shop-bisou')).toBeNull();
  });

  it('plain text in the staff channel gets a short hint; /lang answers in the chosen language everywhere', async () => {
    const w = await world();
    const sup = await staff(w);
    await sup.text('quelqu’un a vu le litige de ce matin ?');
    expect(sup.ids()).toEqual(['engine-staff-hint']);
    await sup.command('/lang en');
    expect(sup.read()).toContain('English');
    const web = await w.user({ account: 'acc-amina', platform: 'web' });
    await web.command('/lang en');
    expect(web.last[0]).toMatchObject({ locale: 'en', language: 'en' });
  });
});

describe.each(['memory', 'redis'] as const)('a button path to answer the other party (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('the card’s « Répondre à l’acheteur » asks for the text and sends it; a relayed comment carries « Répondre au vendeur »', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'teams' });
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-reply-to-buyer');
    expect(seller.ids()).toEqual(['engine-ask-reply']);
    expect(seller.read()).not.toContain('support');
    expect(seller.last[0]!.expects).toBe('text');
    await seller.text('Le colis part demain.');
    expect(seller.ids()).toEqual(['engine-done-comment']);
    expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'comment', text: 'Le colis part demain.', actor: { role: 'seller' } });

    const relayed = (await w.outbox(caseId)).find((n) => n.body[0]!.id === 'notify-comment')!;
    const link = { platform: 'teams' as const, userId: 'amina-teams', accountId: 'acc-amina', address: 'dm-amina', linkedAt: '2026-11-01T00:00:00Z' };
    await w.links.put(link);
    const out = await w.renderer.render(relayed, { link }, 'teams');
    expect(out.choices!.map((c) => c.label.id)).toEqual(['engine-action-reply-to-seller']);
    const amina = await w.user({ account: 'acc-amina', platform: 'teams', userId: 'amina-teams', conversationId: 'dm-amina' });
    await amina.pressToken(out.choices![0]!.token);
    expect(amina.ids()).toEqual(['engine-ask-reply']);
    await amina.text('Merci !');
    expect(amina.ids()).toEqual(['engine-done-comment']);
  });
});

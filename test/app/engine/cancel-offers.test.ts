import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons, openCase, type World } from './harness.js';

/**
 * « /cancel » or « annuler » typed right under buttons that are not a flow (a refund or closing confirmation, the
 * proof-of-shipping kinds, « Envoyer au vendeur »): that offer is left, and its buttons no longer do anything. It used to
 * say « Il n'y a rien en cours à annuler » while the confirmation stayed one press from refunding.
 */
describe.each(['memory', 'redis'] as const)('cancelling what was just offered with buttons (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const state = async (w: World, id: string) => {
    const c = (await w.store.load(id))!;
    return { status: c.status, refunded: c.refunded.amount, types: c.timeline.map((x) => x.type) };
  };

  it('a seller types /cancel under « Rembourser 50 000 CDF ? »: cancelled, and the confirm button pressed later refunds nothing', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const bisou = await w.user({ account: 'acc-bisou' });
    await bisou.command(`/case ${id}`);
    await bisou.press('engine-action-refund-full');
    expect(bisou.ids()).toEqual(['engine-confirm-refund']);
    const confirm = bisou.token('engine-choice-confirm');
    const before = await state(w, id);
    await bisou.command('/cancel');
    expect(bisou.ids()).toEqual(['engine-cancelled']);
    await bisou.pressToken(confirm);
    expect(bisou.ids()).toEqual(['error-action-cancelled']);
    expect(await state(w, id)).toEqual(before);
    // Nothing is left to cancel after that.
    await bisou.command('/cancel');
    expect(bisou.ids()).toEqual(['engine-nothing-to-cancel']);
  });

  it.each(['annuler', 'laisse tomber', 'cancel'])('a seller types « %s » under the proof-of-shipping kinds: cancelled, and a kind pressed later asks for no file', async (typed) => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const bisou = await w.user({ account: 'acc-bisou' });
    await bisou.command(`/case ${id}`);
    await bisou.press('engine-action-proof');
    const receipt = bisou.token('engine-proof-shipping-receipt');
    await bisou.text(typed);
    expect(bisou.ids()).toEqual(['engine-cancelled']);
    expect(buttons(bisou.last)).toEqual([]);
    await bisou.pressToken(receipt);
    expect(bisou.ids()).toEqual(['error-action-cancelled']);
    // No file is awaited: a photo now is not filed as a proof of shipping.
    expect(await w.kv.get(`engine:conv:${bisou.platform}:${bisou.userId}:dm-${bisou.userId}`)).toBeUndefined();
  });

  it('a buyer asks to close, then types /cancel: the case stays open and the confirmation no longer closes it', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/close ${id}`);
    expect(amina.ids()).toEqual(['engine-confirm-close']);
    const confirm = amina.token('engine-choice-confirm');
    await amina.command('/cancel');
    expect(amina.ids()).toEqual(['engine-cancelled']);
    await amina.pressToken(confirm);
    expect(amina.ids()).toEqual(['error-action-cancelled']);
    expect(amina.read()).toContain('annulé');
    expect((await state(w, id)).status).toBe('open');
  });

  it('a buyer types /cancel under « Envoyer au vendeur » (words written outside the case): the words never reach the seller', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('le vendeur ne répond toujours pas, je suis fatiguée');
    const send = amina.token('engine-choice-send-to-seller');
    await amina.command('/cancel');
    expect(amina.ids()).toEqual(['engine-cancelled']);
    await amina.pressToken(send);
    expect(amina.ids()).toEqual(['error-action-cancelled']);
    expect((await state(w, id)).types).not.toContain('comment');
  });

  it('a confirmation already answered is not « cancelled » afterwards: /cancel says there is nothing to cancel', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command(`/close ${id}`);
    await amina.press('engine-choice-confirm');
    expect((await state(w, id)).status).toBe('closed');
    await amina.command('/cancel');
    expect(amina.ids()).toEqual(['engine-nothing-to-cancel']);
  });

  it('/cancel in one chat leaves the buttons offered in another chat alone', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    const aminaOnDiscord = await w.user({ account: 'acc-amina', platform: 'discord' });
    await amina.command(`/close ${id}`);
    const confirm = amina.token('engine-choice-confirm');
    await aminaOnDiscord.command('/cancel');
    expect(aminaOnDiscord.ids()).toEqual(['engine-nothing-to-cancel']);
    await amina.pressToken(confirm);
    expect((await state(w, id)).status).toBe('closed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import { backendWorld, buttons } from './harness.js';

/**
 * « le vendeur m'a remboursé par mobile money », written outside the case's thread while the case records no full refund:
 * a refund made outside Congocrea does not close a case (SPEC 1). It got « ce message n'est pas encore parti » and the card,
 * the case left open without a word; now the buyer is told why it stays open and is offered to close it.
 */
describe.each(['memory', 'redis'] as const)('a refund the buyer says came outside the case (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it.each(["le vendeur m'a remboursé par mobile money", 'he refunded me already', 'nimerudishiwa pesa yangu'])('« %s »: the case stays open, closing it is offered; confirmed, it closes as the buyer’s', async (typed) => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`ma commande ${DEMO_ORDERS.eligibleNonDelivery} n'est jamais arrivée`);
    await amina.text('oui');
    await amina.text('ouvrir');
    w.clock.advance(3600_000);
    await amina.text(typed);
    const ids = amina.ids().filter((id) => id !== 'engine-lang-offer');
    expect(ids, typed).toEqual(['buyer-flow-refund-outside', 'engine-confirm-close']);
    expect(buttons(amina.last)).toContain('engine-choice-confirm');
    const [c] = await w.store.list({});
    expect(c!.status).toBe('open');
    await amina.press('engine-choice-confirm');
    expect((await w.store.load(c!.id))!.resolution).toBe('buyer_closed');
  });

  it('« il m’a pas encore remboursé » is no refund: the words stay one tap from the seller', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text(`ma commande ${DEMO_ORDERS.eligibleNonDelivery} n'est jamais arrivée`);
    await amina.text('oui');
    await amina.text('ouvrir');
    await amina.text("il m'a pas encore remboursé");
    expect(amina.ids()).not.toContain('buyer-flow-refund-outside');
    expect(amina.ids()).not.toContain('engine-confirm-close');
  });
});

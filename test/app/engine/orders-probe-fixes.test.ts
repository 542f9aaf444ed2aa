import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice, OutMessage } from '../../../src/ports/turn.js';
import { BUSY_BUYER } from '../../fixtures/busy-buyer.js';
import { backendWorld, openCase, type Speaker } from './harness.js';

/**
 * The defects the orders probe (orders-probe.test.ts) found, each as the buyer meets it: a reply to a case's message
 * while reporting another order, an order button pressed after the order was said in words, « cc-1OO1 », « l'autre »
 * after a pick between the orders that fit, and a problem said only after « j'ai un problème avec une commande ».
 * Without each fix (the src file, or the one change, as on main): the reply 2 of these tests fail (both backends), the
 * old button 2, « 1OO1 » 1, « l'autre » 2, the description 1.
 */
const choicesOf = (last: OutMessage[]): Choice[] => last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
const idsOf = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.id));
const proposed = (last: OutMessage[]) => last.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args;
const orderButtons = (last: OutMessage[]) =>
  choicesOf(last).filter((c) => c.label.id === 'engine-order-choice').map((c) => String(c.label.args?.orderId));
const pressOrder = (s: Speaker, orderId: string) => s.press('engine-order-choice', (c) => c.label.args?.orderId === orderId);

describe.each(['memory', 'redis'] as const)('orders probe fixes (%s)', (kind) => {
  const makeWorld = backendWorld(kind, { beforeAll, afterAll });

  it('a reply to a case’s message while another order is being reported is a comment on that case, and the report waits where it was', async () => {
    const w = await makeWorld();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await w.user({ account: 'acc-amina' });
    // The case's card, as the adapter remembered it when it posted it in this chat.
    await w.threads.rememberMessage(s.platform, `dm-${s.userId}`, 'card-1', caseId);
    await s.text("le sac en raphia n'est pas conforme à l'annonce");
    expect(proposed(s.last)).toMatchObject({ orderId: 'CC-1002', reason: 'not_as_described' });

    await s.text('toujours rien reçu, vous pouvez relancer le vendeur ?', { replyToMessageId: 'card-1' });
    const c = await w.store.load(caseId);
    expect(c!.timeline.filter((e) => e.type === 'comment').map((e) => JSON.stringify(e)).join()).toContain('toujours rien reçu');
    expect(s.ids()).toContain('engine-done-comment');
    // Before: « Si je comprends bien, pour la commande CC-1002 : commande non reçue » (the words read as the report's).
    expect(proposed(s.last)).toMatchObject({ orderId: 'CC-1002', reason: 'not_as_described' });

    await s.press('engine-choice-yes-reason');
    await s.press('buyer-flow-choice-open-now');
    const opened = (await w.store.list({ buyerId: 'acc-amina' })).map((k) => `${k.orderId}:${k.reason}`).sort();
    expect(opened).toEqual(['CC-1001:non_delivery', 'CC-1002:not_as_described']);
  });

  it('an order button pressed after the order was said in words changes nothing and asks the report’s question again', async () => {
    const w = await makeWorld();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("j'ai un problème avec une commande");
    const old = s.token('engine-order-choice', (c) => c.label.args?.orderId === 'CC-1001');
    await s.text("en fait c'est le sac en raphia, il n'est pas conforme à la photo");
    expect(proposed(s.last)).toMatchObject({ orderId: 'CC-1002' });
    await s.pressToken(old);
    // Before: « Ce choix n’est plus en cours … reprenez avec /cases ou /report », and no question.
    expect(s.ids()).not.toContain('error-action-expired');
    expect(s.ids()).toContain('buyer-flow-earlier-step-button');
    expect(proposed(s.last)).toMatchObject({ orderId: 'CC-1002', reason: 'not_as_described' });
    await s.press('engine-choice-yes-reason');
    await s.press('buyer-flow-choice-open-now');
    const [k] = await w.store.list({ buyerId: 'acc-amina' });
    expect(k?.orderId).toBe('CC-1002');
  });
});

describe('orders probe fixes: how an order is named', () => {
  const makeWorld = backendWorld('memory', { beforeAll, afterAll });

  it('« cc-1OO1 », « la 1OO5 », « CC1OO2 »: the letter O typed for a zero still names the order', async () => {
    const w = await makeWorld();
    for (const [text, orderId] of [
      ['ma commande cc-1OO1 est jamais arrivée', 'CC-1001'],
      ["la 1OO5 n'est jamais arrivée", 'CC-1005'],
      ["CC1OO2 pas conforme à l'annonce", 'CC-1002'],
    ] as const) {
      const s = await w.user({ account: 'acc-amina' });
      await s.text(text);
      expect(proposed(s.last)?.orderId, text).toBe(orderId);
    }
    // Words with an o between digits-free letters are no order numbers.
    const s = await w.user({ account: 'acc-amina' });
    await s.text("mon colis n'est jamais arrivé, c'est le 2e cooo");
    expect(proposed(s.last)).toBeUndefined();
  });

  it('« non pas celle-là, l’autre » after picking one of two pagnes is the other pagne', async () => {
    const w = await makeWorld({ busyBuyer: true });
    const s = await w.user({ account: BUSY_BUYER });
    await s.text("le pagne wax n'est jamais arrivé");
    expect(orderButtons(s.last).sort()).toEqual(['CC-1011', 'CC-1015']);
    await pressOrder(s, 'CC-1011');
    await s.text("non pas celle-là, l'autre");
    // Before: « Quelle commande est concernée ? » with six recent orders, the other pagne among them.
    expect(proposed(s.last)).toMatchObject({ orderId: 'CC-1015', reason: 'non_delivery' });
  });

  it('« pas celle-là, l’autre » after picking one of a shop’s orders asks among that shop’s other orders', async () => {
    const w = await makeWorld({ busyBuyer: true });
    const s = await w.user({ account: BUSY_BUYER });
    await s.text('chez Kitoko, jamais reçu');
    expect(orderButtons(s.last).sort()).toEqual(['CC-1012', 'CC-1016', 'CC-1017', 'CC-1020']);
    await pressOrder(s, 'CC-1012');
    await s.text("non pas celle-là, l'autre");
    expect(idsOf(s.last)).toContain('engine-report-which-order');
    expect(orderButtons(s.last).sort()).toEqual(['CC-1016', 'CC-1017', 'CC-1020']);
  });

  it('the problem said after « j’ai un problème avec une commande » is in the description the seller reads', async () => {
    const w = await makeWorld();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("j'ai un problème avec une commande");
    await s.text("c'est le sac en raphia, il n'est pas conforme à la photo");
    await s.press('engine-choice-yes-reason');
    // Before: « Votre message servira de description : « j'ai un problème avec une commande » » and the case opened with it.
    expect(s.read()).toContain('sac en raphia');
    await s.press('buyer-flow-choice-open-now');
    const [k] = await w.store.list({ buyerId: 'acc-amina' });
    expect(k?.description).toContain("c'est le sac en raphia, il n'est pas conforme à la photo");
  });

  it('« l’autre » after the list of recent orders (nothing narrowed) still offers the others', async () => {
    const w = await makeWorld();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("j'ai un problème avec une commande");
    await pressOrder(s, 'CC-1001');
    await s.text("non pas celle-là, l'autre");
    expect(orderButtons(s.last).sort()).toEqual(['CC-1002', 'CC-1003', 'CC-1004', 'CC-1005', 'CC-1008']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../src/ports/notification.js';
import { backendWorld, buttons, DAY, openCase, type Speaker, type World } from './harness.js';

/**
 * The defects the seller outside probe (seller-outside-probe.test.ts) found, each in other words than the probe's: a
 * seller writing to the bot in the private chat, outside any case thread and not as a reply.
 */

async function to(w: World, caseId: string, account: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => !('support' in n.to) && n.to.accountId === account);
}
const reached = async (w: World, caseId: string, account: string, words: string) => (await to(w, caseId, account)).some((n) => JSON.stringify(n.body).includes(words));
const seller = (w: World) => w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
const noDeadEnd = (s: Speaker) => {
  expect(s.ids()).not.toContain('engine-fallback');
  expect(s.ids()).not.toContain('engine-seller-words-not-sent');
};
/** Two cases of Bisou's shop: Amina's on CC-1001 (escalation from 13 Nov), Joël's on CC-1006 a day later (14 Nov). */
async function twoCases(w: World) {
  const amina = await openCase(w, 'CC-1001', 'non_delivery');
  w.clock.advance(DAY);
  const joel = await openCase(w, 'CC-1006', 'non_delivery', 'acc-joel');
  return { amina, joel };
}

describe.each(['memory', 'redis'] as const)('a seller asks the bot outside any case (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('with two cases, "until when do I have to answer?": each case’s deadline, nothing sent to either buyer', async () => {
    const w = await world();
    const { amina, joel } = await twoCases(w);
    const s = await seller(w);
    await s.command('/lang en');
    await s.text('until when do I have to answer?');
    noDeadEnd(s);
    expect(s.ids().filter((id) => id === 'seller-outside-deadline')).toHaveLength(2);
    expect(s.read()).toMatch(/Case C-000001 \(order CC-1001\): you have until November 13/);
    expect(s.read()).toMatch(/Case C-000002 \(order CC-1006\): you have until November 14/);
    expect(await reached(w, amina, 'acc-amina', 'until when')).toBe(false);
    expect(await reached(w, joel, 'acc-joel', 'until when')).toBe(false);
  });

  it('with two cases, « nitarudisha pesa vipi? »: how to refund, both cards with their refund buttons, no money moved', async () => {
    const w = await world();
    const { amina, joel } = await twoCases(w);
    const s = await seller(w);
    await s.text('nitarudisha pesa vipi?');
    noDeadEnd(s);
    expect(s.ids()).toContain('seller-outside-how-refund');
    expect(buttons(s.last).filter((b) => b === 'engine-action-refund-full')).toHaveLength(2);
    expect((await w.store.load(amina))!.refunded.amount + (await w.store.load(joel))!.refunded.amount).toBe(0);
  });

  it('with two cases, « c quoi le probleme du client la ? » shows each case’s card', async () => {
    const w = await world();
    const { amina, joel } = await twoCases(w);
    const s = await seller(w);
    await s.text('c quoi le probleme du client la ?');
    noDeadEnd(s);
    expect(s.last.filter((o) => o.card).map((o) => o.card!.caseId).sort()).toEqual([amina, joel].sort());
  });

  it('« asante sana » with one case: a short answer about the case, the words one tap from the buyer, not sent', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await seller(w);
    await s.text('asante sana');
    noDeadEnd(s);
    expect(s.ids()[0]).toBe('seller-outside-thanks');
    expect(await reached(w, id, 'acc-amina', 'asante sana')).toBe(false);
    await s.press('engine-choice-send-to-buyer');
    expect(await reached(w, id, 'acc-amina', 'asante sana')).toBe(true);
  });

  it('after the seller’s full refund closed the case, « le client est content ? » : the case is closed, nothing sent', async () => {
    const w = await world();
    const id = await openCase(w, 'CC-1001', 'non_delivery');
    const s = await seller(w);
    await s.command(`/refund ${id}`);
    await s.press('engine-choice-confirm');
    expect((await w.store.load(id))!.status).toBe('closed');
    await s.text('le client est content ?');
    noDeadEnd(s);
    expect(s.ids()[0]).toBe('engine-closed-not-sent');
    expect(s.read()).toContain(`Le litige ${id} est clos (remboursé par le vendeur)`);
    expect(await reached(w, id, 'acc-amina', 'le client est content')).toBe(false);
  });

  it('no case at all: « mbote » is greeted back and « hii inafanyaje kazi? » explained for a seller, never the fallback', async () => {
    const w = await world();
    const s = await seller(w);
    await s.text('mbote');
    noDeadEnd(s);
    expect(s.ids().filter((id) => id !== 'engine-lang-offer')).toEqual(['engine-welcome-back', 'seller-outside-none']);
    await s.text('hii inafanyaje kazi?');
    noDeadEnd(s);
    expect(s.ids().filter((id) => id !== 'engine-lang-offer')).toEqual(['seller-outside-how', 'seller-outside-none']);
  });
});

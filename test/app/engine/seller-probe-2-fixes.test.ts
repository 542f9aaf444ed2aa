import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../src/ports/notification.js';
import { backendWorld, buttons, DAY, openCase, photo, type World } from './harness.js';

/**
 * The defects seller-probe-2.test.ts found, each tested in other words than the probe's: a seller writing in the case's
 * thread (a reply to the case's message in his private Telegram chat).
 */

async function to(w: World, caseId: string, account: string): Promise<Notification[]> {
  return (await w.outbox(caseId)).filter((n) => !('support' in n.to) && n.to.accountId === account);
}
const reached = async (w: World, caseId: string, words: string) => (await to(w, caseId, 'acc-amina')).some((n) => JSON.stringify(n.body).includes(words));

async function cast(w: World, order = 'CC-1001') {
  const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
  const id = await openCase(w, order, 'non_delivery');
  await w.threads.rememberMessage('telegram', 'dm-bisou', '700', id);
  const say = (text: string) => bisou.text(text, { replyToMessageId: '700' });
  return { bisou, id, say };
}

describe.each(['memory', 'redis'] as const)('seller probe 2 fixes (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a tracking number named inside a sentence (« le numero de suivi c est RR998877CD ») is offered as tracking, its words still sent', async () => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say('bonsoir, le numero de suivi c est RR998877CD, il est au depot de gombe');
    expect(await reached(w, id, 'RR998877CD')).toBe(true);
    expect(bisou.ids()).toContain('engine-words-tracking-number');
    expect(bisou.read()).toContain('RR998877CD');
    expect(buttons(bisou.last)).toContain('engine-choice-add-tracking-number');
    // A number that is no tracking number (« 2 pagnes ») is not offered.
    await say('il reste 2 pagnes, je les garde pour vous');
    expect(bisou.ids()).not.toContain('engine-words-tracking-number');
  });

  it('a photo captioned « voici la preuve » stays a photo and brings the proof-of-shipping button, which asks the proof’s kind', async () => {
    const w = await world();
    const { bisou, id } = await cast(w);
    await bisou.attach(photo(4), 'voici la preuve', { replyToMessageId: '700' });
    expect(bisou.ids()).toEqual(['engine-done-evidence', 'seller-thread-proof-photo']);
    expect((await w.store.load(id))!.timeline.at(-1)).toMatchObject({ type: 'evidence', kind: 'photo' });
    await bisou.press('engine-action-proof');
    expect(bisou.ids()).toContain('engine-ask-proof-kind');
    // A caption naming the kind is kept as that proof at once, with no offer.
    await bisou.attach(photo(5), 'recu d envoi', { replyToMessageId: '700' });
    expect(bisou.ids()).not.toContain('seller-thread-proof-photo');
  });

  it('« madame a deja recu son colis hier » on a non-delivery case brings the proof and tracking buttons; « elle n a pas recu » does not', async () => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say('madame a deja recu son colis hier, demandez a son gardien');
    expect(await reached(w, id, 'demandez a son gardien')).toBe(true);
    expect(bisou.ids()).toContain('engine-words-delivered');
    expect(buttons(bisou.last)).toEqual(expect.arrayContaining(['engine-action-proof', 'engine-action-tracking']));
    await say('je sais qu elle n a pas recu, je relance le livreur');
    expect(bisou.ids()).not.toContain('engine-words-delivered');
  });

  it.each(['nitakupa pesa yako kesho', 'ok je vais lui rendre son argent'])('« %s » is read as a refund: the confirmation is offered, nothing moves', async (typed) => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say(typed);
    expect(await reached(w, id, typed)).toBe(true);
    expect(bisou.ids()).toContain('engine-words-refund');
    expect((await w.store.load(id))!.refunded.amount).toBe(0);
  });

  it.each(['ok I will pay her back tomorrow', 'I will send the money back today'])('"%s" (money named) is read as a refund too', async (typed) => {
    const w = await world();
    const { bisou, say } = await cast(w);
    await say(typed);
    expect(bisou.ids()).toContain('engine-words-refund');
  });

  it.each(['please send back the item first', 'the buyer can send the parcel back'])('"%s" asks for the item back: no refund is offered', async (typed) => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say(typed);
    expect(await reached(w, id, typed)).toBe(true);
    expect(bisou.ids()).not.toContain('engine-words-refund');
  });

  it('« svp laissez moi encore quelques jours » is sent, and the seller learns the deadline does not move (13 November; after it, that the buyer may escalate now)', async () => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say('svp laissez moi encore quelques jours le fournisseur est en retard');
    expect(await reached(w, id, 'le fournisseur est en retard')).toBe(true);
    expect(bisou.ids()).toContain('seller-thread-more-time');
    expect(bisou.read()).toMatch(/ne prolonge pas.*13 novembre 2026/s);
    w.clock.advance(4 * DAY);
    await say('nipe siku mbili zaidi tafadhali');
    expect(bisou.read()).toMatch(/depuis le 13 novembre 2026/);
    // Telling the buyer when it comes is no request for time.
    await say('je livre dans 2 jours');
    expect(bisou.ids()).not.toContain('seller-thread-more-time');
  });

  it('a home visit with a warning (« tu vas voir, je vais passer chez toi ce soir ») is a threat: sent, and support told', async () => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say('tu vas voir, je vais passer chez toi ce soir');
    expect(await reached(w, id, 'je vais passer chez toi ce soir')).toBe(true);
    expect(bisou.ids()).toContain('engine-threat-told-support');
    await say('je passe chez vous demain livrer, vous allez voir il est tres beau');
    expect(bisou.ids()).not.toContain('engine-threat-told-support');
  });

  it('« il me reste combien de jours ? » in the thread is answered with the deadline, not sent; one tap sends it; a question for the buyer still goes', async () => {
    const w = await world();
    const { bisou, id, say } = await cast(w);
    await say('il me reste combien de jours ?');
    expect(bisou.ids()).toContain('seller-outside-deadline');
    expect(bisou.read()).toMatch(/13 novembre 2026/);
    expect(await reached(w, id, 'il me reste combien de jours')).toBe(false);
    await bisou.press('engine-choice-send-to-buyer');
    expect(await reached(w, id, 'il me reste combien de jours')).toBe(true);
    await say('vous serez a la maison jusqu a quand demain ?');
    expect(await reached(w, id, 'vous serez a la maison')).toBe(true);
    await say('il me reste 2 pagnes wax');
    expect(await reached(w, id, 'il me reste 2 pagnes wax')).toBe(true);
  });
});

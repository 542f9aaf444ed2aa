import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons, DAY } from './harness.js';

/**
 * One test per defect the reaction probe (reaction-probe.test.ts) found, each in words the probe did not use: words said
 * to the bot in answer to what it brought are answered, and the same words after a party's message still go to that party.
 */

import { WAX, HOUR, load, said, replyTo, to, reached, delivered, text, cast, sellerSays, support, escalationOpen, reminded, decidedForSeller, closedDelivered, orderConversation } from './reaction-world.js';


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

  it('before the seller wrote anything: said so, with what comes next (days probe) and the case', async () => {
    const w = await world();
    const { amina, id } = await cast(w);
    await amina.text("qu'est-ce qu'il a dit ?");
    expect(said(amina)).toEqual(['buyer-flow-seller-silent', 'buyer-flow-case-next']);
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

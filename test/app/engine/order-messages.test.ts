import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import type { OutMessage } from '../../../src/ports/turn.js';
import type { Platform } from '../../../src/domain/types.js';
import type { Link } from '../../../src/ports/links.js';
import type { Notification } from '../../../src/ports/notification.js';
import { orderSubject } from '../../../src/ports/threads.js';
import { backendWorld, i18n, photo, type Speaker, type World } from './harness.js';

/** The buyer and seller of the demo's Bisou Créations orders, each in a private chat; the seller's link is the one notifications use. */
async function cast(w: World, platform: Platform = 'telegram') {
  const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
  const bisou = await w.user({ account: 'acc-bisou', platform, userId: 'bisou', conversationId: 'dm-bisou' });
  return { amina, bisou };
}

const linkOf = (accountId: string, userId: string, platform: Platform = 'telegram'): Link => ({
  platform,
  userId,
  accountId,
  address: `dm-${userId}`,
  linkedAt: '2026-11-01T00:00:00Z',
});

/** What the recipient's platform would receive for a relayed notification. */
const deliver = (w: World, n: Notification, link: Link): Promise<OutMessage> => w.renderer.render(n, { link }, link.platform);
const read = (out: OutMessage) => renderMessage(out, i18n, TELEGRAM_CAPABILITIES).text;
const replyButton = (out: OutMessage) => out.choices!.find((c) => c.label.id.startsWith('engine-order-reply-to-'))!;

/** Amina writes to Bisou about CC-1002 (a wrong size: no case), as the report flow relays it. */
async function buyerWrites(amina: Speaker, text: string) {
  await amina.text("J'ai commandé la mauvaise taille pour CC-1002");
  await amina.press('engine-choice-yes-reason');
  await amina.text(text);
}

describe.each(['memory', 'redis'] as const)('A buyer can always report a problem about an order through messages (no case) (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('FR: the seller answers the buyer’s message with its Reply button, and the buyer’s answer reaches the seller again', async () => {
    const w = await world();
    const { amina, bisou } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    const first = w.relayed[0]!;
    expect(first).toMatchObject({ to: { accountId: 'acc-bisou' }, orderId: 'CC-1002' });
    expect(w.hooks.messaged).toEqual(['CC-1002']);

    const toSeller = await deliver(w, first, linkOf('acc-bisou', 'bisou'));
    expect(toSeller.orderId).toBe('CC-1002');
    expect(replyButton(toSeller).label.id).toBe('engine-order-reply-to-buyer');
    expect(renderMessage(toSeller, i18n, TELEGRAM_CAPABILITIES).choices.map((c) => c.label)).toEqual(['Répondre à l’acheteur']);
    expect(read(toSeller)).toContain('Répondez à l’acheteur avec le bouton ci-dessous');

    await bisou.pressToken(replyButton(toSeller).token);
    expect(bisou.ids()).toEqual(['engine-order-ask-reply']);
    expect(bisou.last[0]!.expects).toBe('text');
    expect(bisou.read()).toContain('Écrivez votre réponse à l’acheteur au sujet de la commande CC-1002');
    await bisou.text('Bien sûr, renvoyez-le et je vous envoie un M.');
    expect(bisou.ids()).toEqual(['engine-done-comment']);
    expect(bisou.read()).toBe('Message transmis à l’acheteur.');
    expect(w.hooks.replied).toEqual(['CC-1002']);

    const answer = w.relayed[1]!;
    expect(answer).toMatchObject({ to: { accountId: 'acc-amina' }, orderId: 'CC-1002' });
    const toBuyer = await deliver(w, answer, linkOf('acc-amina', 'amina'));
    expect(read(toBuyer)).toBe('Bisou Créations a répondu au sujet de la commande CC-1002 (Sac en raphia tressé) :\n\n« Bien sûr, renvoyez-le et je vous envoie un M. »');
    expect(replyButton(toBuyer).label.id).toBe('engine-order-reply-to-seller');

    await amina.pressToken(replyButton(toBuyer).token);
    expect(amina.read()).toContain('Écrivez votre réponse à Bisou Créations');
    await amina.text('Merci, je le renvoie demain.');
    expect(amina.read()).toBe('Message transmis au vendeur.');
    expect(w.relayed[2]).toMatchObject({ to: { accountId: 'acc-bisou' }, orderId: 'CC-1002', body: [{ id: 'engine-relay-buyer-answer' }, { id: 'engine-relay-quote', args: { text: 'Merci, je le renvoie demain.' } }] });
    expect(w.hooks.messaged).toEqual(['CC-1002', 'CC-1002']);
    // Still no case: these are messages.
    expect(await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toEqual([]);
  });

  it('EN: a reply to the relayed message (the adapter remembered it for the order) reaches the other side, files too', async () => {
    const w = await world();
    const { amina, bisou } = await cast(w, 'discord');
    await w.links.setLocale('acc-bisou', 'en');
    await w.links.setLocale('acc-amina', 'en');
    await buyerWrites(amina, 'Could I swap it for a size M?');
    const toSeller = await deliver(w, w.relayed[0]!, linkOf('acc-bisou', 'bisou', 'discord'));
    expect(read(toSeller)).toContain('Answer the buyer with the button below (or by replying to this message)');
    // The adapter posted it as message 700 and remembered it under the order's subject.
    await w.threads.rememberMessage('discord', 'dm-bisou', '700', orderSubject(toSeller.orderId!));

    await bisou.text('Yes, send it back and I will ship an M.', { replyToMessageId: '700' });
    expect(bisou.read()).toBe('Message sent to the buyer.');
    const toBuyer = await deliver(w, w.relayed[1]!, linkOf('acc-amina', 'amina'));
    expect(read(toBuyer)).toBe('Bisou Créations answered about order CC-1002 (Sac en raphia tressé):\n\n"Yes, send it back and I will ship an M."');
    expect(renderMessage(toBuyer, i18n, TELEGRAM_CAPABILITIES).choices.map((c) => c.label)).toEqual(['Reply to the seller']);

    await w.threads.rememberMessage('telegram', 'dm-amina', '81', orderSubject('CC-1002'));
    await amina.attach(photo(5), 'the label', { replyToMessageId: '81' });
    expect(amina.read()).toBe('File sent to the seller.');
    expect(w.relayed[2]).toMatchObject({ to: { accountId: 'acc-bisou' }, orderId: 'CC-1002', blobId: 'blob-5' });
    expect(w.hooks).toMatchObject({ messaged: ['CC-1002', 'CC-1002'], replied: ['CC-1002'] });
  });

  it('only the order’s buyer and seller take part: another seller’s reply changes nothing', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Bonjour');
    const token = replyButton(await deliver(w, w.relayed[0]!, linkOf('acc-bisou', 'bisou'))).token;
    const lumiere = await w.user({ account: 'acc-lumiere', userId: 'lum', conversationId: 'dm-lum' });
    await lumiere.pressToken(token);
    expect(lumiere.ids()).toEqual(['error-action-invalid']);
    // Even with a message of that order mapped in its own chat, Lumière is no party to CC-1002.
    await w.threads.rememberMessage('telegram', 'dm-lum', '5', orderSubject('CC-1002'));
    await lumiere.text('Je réponds à sa place', { replyToMessageId: '5' });
    expect(lumiere.ids()).toEqual(['error-order-not-found']);
    expect(w.relayed).toHaveLength(1);
    expect(w.hooks.replied).toEqual([]);
  });

  it('the reply can be cancelled; an empty answer is refused and the seller stays on it', async () => {
    const w = await world();
    const { amina, bisou } = await cast(w);
    await buyerWrites(amina, 'Bonjour');
    const toSeller = await deliver(w, w.relayed[0]!, linkOf('acc-bisou', 'bisou'));
    await bisou.pressToken(replyButton(toSeller).token);
    const cancel = bisou.token('engine-choice-cancel');
    await bisou.text('   ');
    expect(bisou.ids()).toEqual(['error-text-empty']);
    await bisou.pressToken(cancel);
    expect(bisou.ids()).toEqual(['engine-cancelled']);
    await bisou.text('Bonjour ?');
    expect(bisou.ids()).toEqual(['engine-welcome-back', 'seller-outside-none']);
    expect(w.relayed).toHaveLength(1);
  });

  it('a seller nudge about the order carries the Reply button too', async () => {
    const w = await world();
    const nudge: Notification = {
      id: 'nudge-O-CC-1002-seller_reply_due-1',
      to: { accountId: 'acc-bisou' },
      orderId: 'CC-1002',
      body: [{ id: 'notify-order-reply-due', args: { orderId: 'CC-1002', since: { date: '2026-11-09T09:00:00Z', style: 'datetime' } } }],
      createdAt: '2026-11-10T09:00:00Z',
    };
    const out = await deliver(w, nudge, linkOf('acc-bisou', 'bisou'));
    const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
    await bisou.pressToken(replyButton(out).token);
    await bisou.text('Désolé du retard, je regarde.');
    expect(w.relayed.at(-1)).toMatchObject({ to: { accountId: 'acc-amina' }, orderId: 'CC-1002' });
    expect(w.hooks.replied).toEqual(['CC-1002']);
  });

  it('an order the buyer talks about is watched for shipping (the unshipped-order nudge)', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("ma commande CC-1003 n'est jamais arrivée");
    await amina.command('/cancel');
    await amina.text("mon colis n'est jamais arrivé");
    await amina.press('engine-order-choice', (c) => c.label.args?.orderId === 'CC-1001');
    expect(w.hooks.seen).toEqual(['CC-1003', 'CC-1001']);
  });
  it('the next part of a long message to the seller, which the client split, is sent after it, not read as a new problem', async () => {
    const w = await world();
    const { amina } = await cast(w);
    const part = 'Bonjour, je voulais vous dire que la taille ne me va pas et que je voudrais l’échanger avant mon voyage. '.repeat(40).slice(0, 4000);
    await buyerWrites(amina, part);
    expect(amina.ids()).toEqual(['engine-report-message-sent']);
    await amina.text('Je peux passer à la boutique samedi si c’est plus simple pour vous.');
    expect(amina.ids()).toEqual(['engine-done-comment']);
    expect(w.relayed.map((n) => [n.to, n.orderId])).toEqual([[{ accountId: 'acc-bisou' }, 'CC-1002'], [{ accountId: 'acc-bisou' }, 'CC-1002']]);
    const second = read(await deliver(w, w.relayed[1]!, linkOf('acc-bisou', 'bisou')));
    expect(second).toContain('Je peux passer à la boutique samedi');
  });

  it('more words right after a message to the seller follow it; thanks, a new problem or words minutes later are for the bot', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    await amina.text('et svp repondez vite je pars en voyage lundi');
    expect(amina.ids()).toEqual(['engine-done-comment']);
    expect(w.relayed).toHaveLength(2);
    expect(read(await deliver(w, w.relayed[1]!, linkOf('acc-bisou', 'bisou')))).toContain('je pars en voyage lundi');
    // Thanks are for the bot: nothing more reaches the seller.
    await amina.text('ok merci beaucoup');
    expect(amina.ids()).not.toContain('engine-done-comment');
    expect(w.relayed).toHaveLength(2);
    // Ten minutes later the same kind of words start afresh (which order?), they are not sent on.
    w.clock.advance(10 * 60_000);
    await amina.text('et aussi je voulais savoir pour la couleur');
    expect(amina.ids()).not.toContain('engine-done-comment');
    expect(w.relayed).toHaveLength(2);
  });

  it('a problem said right after a message to the seller is not sent to him: it is read as a problem of that order', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    await amina.text('en plus la fermeture est cassée');
    expect(amina.ids()).not.toContain('engine-done-comment');
    expect(w.relayed).toHaveLength(1);
  });
  it('right after writing to the seller, « j’attends sa réponse », « c quoi la suite ? » and thanks are answered about that message, not read as a new problem', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    for (const words of ['d’accord j’attends sa réponse', 'ok je patiente alors', 'sawa nitasubiri jibu lake', "ok I'll wait for his reply"]) {
      await amina.text(words);
      // Swahili or English words may also bring the offer to speak that language.
      expect(amina.ids().filter((id) => id !== 'engine-lang-offer'), words).toEqual(['buyer-flow-wait-seller']);
    }
    expect(amina.read()).toContain('Bisou Créations');
    for (const words of ['c quoi la suite', 'il va répondre quand ?', 'et s’il répond pas ?', 'je peux ouvrir un litige si il repond pas ?', 'what if he doesn’t reply?', 'atajibu lini?']) {
      await amina.text(words);
      expect(amina.ids().filter((id) => id !== 'engine-lang-offer'), words).toEqual(['buyer-flow-after-message']);
    }
    // A wrong size is the seller's to settle: the answer says a case is only for an order not received or not as described.
    await amina.text('c quoi la suite');
    expect(amina.read()).toContain('un litige n’est possible que pour une commande non reçue ou non conforme');
    await amina.text('merci bcp pour votre aide');
    expect(amina.ids()).toEqual(['buyer-flow-thanks']);
    expect(w.relayed).toHaveLength(1);
    expect(await w.store.list({})).toHaveLength(0);
  });

  it('a non-delivery written to the seller: « et s’il répond pas ? » is told a case can be opened by writing again', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await amina.text('ma commande CC-1001 n’est jamais arrivée');
    await amina.press('engine-choice-yes-reason');
    await amina.press('engine-choice-message-seller');
    await amina.text('Bonjour, où en est mon colis ?');
    expect(amina.ids()).toEqual(['engine-report-message-sent']);
    await amina.text('et s il repond pas ??');
    expect(amina.ids()).toEqual(['buyer-flow-after-message']);
    expect(amina.read()).toContain('écrivez-moi pour ouvrir un litige');
  });

  it('« la couleur aussi est pas bonne » right after writing to the seller is about that order', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    await amina.text('la couleur aussi est pas bonne');
    expect(amina.ids()).toContain('engine-report-reason-proposed');
    expect(amina.read()).toContain('CC-1002');
  });
  it('a photo right after writing to the seller (« voici l’étiquette ») goes to him; a photo captioned with a new problem, or much later, starts a report', async () => {
    const w = await world();
    const { amina } = await cast(w);
    await buyerWrites(amina, 'Pouvez-vous me l’échanger contre un M ?');
    await amina.attach(photo(1), 'voici l etiquette');
    expect(amina.ids()).toEqual(['engine-done-file-sent']);
    expect(w.relayed).toHaveLength(2);
    expect(w.relayed[1]).toMatchObject({ to: { accountId: 'acc-bisou' }, orderId: 'CC-1002' });
    await amina.attach(photo(2));
    expect(amina.ids()).toEqual(['engine-done-file-sent']);
    expect(w.relayed).toHaveLength(3);
    await amina.attach(photo(3), 'et en plus la couture est déchirée');
    expect(amina.ids()).not.toContain('engine-done-file-sent');
    expect(w.relayed).toHaveLength(3);
    w.clock.advance(30 * 60_000);
    await amina.attach(photo(4));
    expect(amina.ids()).not.toContain('engine-done-file-sent');
    expect(w.relayed).toHaveLength(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSubject } from '../../../src/ports/threads.js';
import { backendWorld, openCase } from './harness.js';

const KEEP_FR_BUYER = 'Merci de garder les échanges avec le vendeur ici, avec Palabre';
const KEEP_FR_SELLER = 'Merci de garder les échanges avec l’acheteur ici, avec Palabre';
const KEEP_EN_BUYER = "Please keep your exchanges with the seller here, through Palabre, rather than by e-mail or phone";
const KEEP_EN_SELLER = "Please keep your exchanges with the buyer here, through Palabre, rather than by e-mail or phone";

describe.each(['memory', 'redis'] as const)(
  'A buyer who raises a problem outside the marketplace is asked to keep it in messages; a seller contacted that way is told the same (%s)',
  (kind) => {
    const world = backendWorld(kind, { beforeAll, afterAll });

    it('EN: a buyer who e-mailed the seller, in a private chat', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.command('/lang en');
      await amina.text('I phoned the seller twice already');
      // The warning first; the buyer is then moved forward, never told "not understood".
      expect(amina.ids()[0]).toBe('engine-keep-in-messages');
      expect(amina.ids()).not.toContain('engine-fallback');
      expect(amina.ids().at(-1)).toBe('engine-report-which-order');
      expect(amina.read()).toContain(KEEP_EN_BUYER);
    });

    it('FR and EN: a seller whom the buyer called or e-mailed, in a private chat', async () => {
      const w = await world();
      const bisou = await w.user({ account: 'acc-bisou' });
      await bisou.text('Une acheteuse m’a appelé hier pour sa commande');
      expect(bisou.ids()).toEqual(['engine-keep-in-messages']);
      expect(bisou.read()).toContain(KEEP_FR_SELLER);
      await bisou.command('/lang en');
      await bisou.text('A buyer e-mailed me about an order');
      expect(bisou.read()).toContain(KEEP_EN_SELLER);
    });

    it('FR: in a case thread, the buyer’s comment goes through and the buyer is asked; support’s notes are not lectured', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1001', 'non_delivery');
      await w.threads.rememberMessage('telegram', 'dm-amina', '12', caseId);
      const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
      await amina.text('Je vous ai envoyé un mail hier, sans réponse.', { replyToMessageId: '12' });
      expect(amina.ids()).toEqual(['engine-done-comment', 'engine-keep-in-messages']);
      expect(amina.read()).toContain(KEEP_FR_BUYER);
      expect((await w.store.load(caseId))!.timeline.at(-1)).toMatchObject({ type: 'comment', text: 'Je vous ai envoyé un mail hier, sans réponse.' });

      await w.threads.setCaseThread('telegram', caseId, 'staff', 'staff-group/3');
      const member = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
      await member.text('Appelé le vendeur ce matin.', { threadId: '3' });
      expect(member.ids()).toEqual(['engine-done-note']);
    });

    it('EN: the seller in a case thread is told with the seller’s words', async () => {
      const w = await world();
      const caseId = await openCase(w, 'CC-1002', 'not_as_described');
      await w.threads.setCaseThread('discord', caseId, 'parties', 'th-4');
      const seller = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'th-4', isPrivate: false });
      await seller.command('/lang en');
      await seller.text('She called me on the phone yesterday.', { threadId: 'th-4' });
      expect(seller.ids()).toEqual(['engine-done-comment', 'engine-keep-in-messages']);
      expect(seller.read()).toContain(KEEP_EN_SELLER);
    });

    it('FR: a buyer’s message to the seller that mentions the phone is relayed, and the buyer is asked', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      await amina.text("ma commande CC-1003 n'est jamais arrivée");
      await amina.press('engine-choice-yes-reason');
      await amina.press('engine-choice-message-seller');
      await amina.text('Je vous ai téléphoné trois fois, rappelez-moi.');
      expect(amina.ids()).toEqual(['engine-report-message-sent', 'engine-keep-in-messages']);
      expect(amina.read()).toContain(KEEP_FR_BUYER);
      expect(w.relayed).toHaveLength(1);
    });

    it('FR: a long angry story that says, in its middle, the seller was written to on WhatsApp (past the first and last 1,000 characters)', async () => {
      const w = await world();
      const amina = await w.user({ account: 'acc-amina' });
      const before = "Bonjour, je vous écris parce que je suis vraiment fâchée, j'ai commandé un pagne pour le mariage de ma soeur. ".repeat(12);
      const after = "Ma famille attend, le mariage approche, et personne ne me dit rien, c'est honteux pour un site comme le vôtre. ".repeat(12);
      const story = `${before}J'ai même écrit au vendeur sur WhatsApp la semaine passée et il ne répond pas. ${after}`;
      expect(story.length).toBeGreaterThan(2600);
      await amina.text(story);
      expect(amina.ids()[0]).toBe('engine-keep-in-messages');
      expect(amina.read()).toContain(KEEP_FR_BUYER);
    });

    it('FR: in an order’s messages, both sides are asked', async () => {
      const w = await world();
      await w.threads.rememberMessage('telegram', 'dm-bisou', '40', orderSubject('CC-1002'));
      await w.threads.rememberMessage('telegram', 'dm-amina', '41', orderSubject('CC-1002'));
      const bisou = await w.user({ account: 'acc-bisou', userId: 'bisou', conversationId: 'dm-bisou' });
      const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
      await bisou.text('Envoyez-moi votre numéro WhatsApp.', { replyToMessageId: '40' });
      expect(bisou.ids()).toEqual(['engine-done-comment', 'engine-keep-in-messages']);
      expect(bisou.read()).toContain(KEEP_FR_SELLER);
      await amina.text('Je vous envoie un SMS.', { replyToMessageId: '41' });
      expect(amina.ids()).toEqual(['engine-done-comment', 'engine-keep-in-messages']);
      expect(amina.read()).toContain(KEEP_FR_BUYER);
    });
  },
);

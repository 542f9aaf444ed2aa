import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n.js';
import { notificationsFor, orderNudgeNotification } from '../../src/app/notifications.js';
import { planOrderReplyNudge, planWindowReminder } from '../../src/domain/nudges.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { CaseEvent } from '../../src/domain/case-model.js';
import { fold } from '../../src/domain/decider.js';
import type { Notification } from '../../src/ports/notification.js';
import { OPENED_AT, escalatedCase, makeOrder, opened, play, shift } from '../domain/support.js';

const i18n = createI18n('locales');
const text = (n: Notification, locale = 'fr', tz = 'Africa/Kinshasa') => n.body.map((m) => i18n.t(locale, m, tz)).join('\n');

/** The notifications caused by the events `log` gained after `before` events. */
function caused(log: CaseEvent[], before: number): Notification[] {
  return notificationsFor(fold(log), log.slice(before));
}
const to = (ns: Notification[]) => ns.map((n) => ('support' in n.to ? 'support' : n.to.accountId));

describe('notificationsFor: who hears about what', () => {
  it('tells the seller about a new case, with the escalation date in their time zone, and not the buyer', () => {
    const log = opened();
    const ns = caused(log, 0);
    expect(to(ns)).toEqual(['acc-bisou']);
    expect(ns[0]).toMatchObject({ id: 'C-000123-1-1', caseId: 'C-000123', card: true, createdAt: OPENED_AT });
    // Escalation opens 3 days after 08:00Z, i.e. 24 October 09:00 in Kinshasa, 10:00 in Lubumbashi.
    expect(text(ns[0]!)).toContain('C-000123');
    expect(text(ns[0]!)).toContain('24 octobre 2026');
    expect(text(ns[0]!)).toMatch(/09:00/);
    expect(text(ns[0]!, 'en', 'Africa/Lubumbashi')).toMatch(/October 24, 2026.*10:00/);
    expect(text(ns[0]!)).toContain("Ma commande n'est jamais arrivée.");
  });

  it('relays a comment to the other party only, until the case is escalated', () => {
    const log = play(opened(), [[{ type: 'Comment', text: 'Des nouvelles ?' }, {}]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-bisou']);
    expect(text(ns[0]!)).toBe("L’acheteur écrit dans le litige C-000123 : « Des nouvelles ? »");
    expect(text(ns[0]!, 'en')).toBe('The buyer wrote in case C-000123: “Des nouvelles ?”');

    const esc = play(escalatedCase(), [[{ type: 'Comment', text: 'Voici ma réponse.' }, { as: 'seller', now: shift(OPENED_AT, 'PT2H') }]]);
    expect(to(caused(esc, esc.length - 1))).toEqual(['acc-amina', 'support']);
  });

  it('tells support of words read as a threat, with the card, before any escalation; the buyer still reads them', () => {
    const log = play(opened(), [[{ type: 'Comment', text: 'je viens chez toi avec mes gars', alarm: 'threat' }, { as: 'seller', now: shift(OPENED_AT, 'PT2H') }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-amina', 'support']);
    expect(text(ns[0]!)).toContain('je viens chez toi avec mes gars');
    expect(ns[1]!.card).toBe(true);
    expect(text(ns[1]!)).toContain('ressemblent à une menace');
    expect(text(ns[1]!)).toContain('« je viens chez toi avec mes gars »');
    // Escalated, support follows the case already: told once, with the warning.
    const esc = play(escalatedCase(), [[{ type: 'Comment', text: 'I know where you live', alarm: 'threat' }, { as: 'seller', now: shift(OPENED_AT, 'PT2H') }]]);
    const after = caused(esc, esc.length - 1);
    expect(to(after)).toEqual(['acc-amina', 'support']);
    expect(text(after[1]!, 'en')).toContain('look like a threat');
  });

  it('relays evidence with the blob to pass on', () => {
    const blob = { id: 'blob-1', contentType: 'image/jpeg', size: 1000 };
    const log = play(opened(), [[{ type: 'AddEvidence', kind: 'photo', blob, caption: 'Le carton abîmé' }, {}]]);
    const [n] = caused(log, log.length - 1);
    expect(n).toMatchObject({ to: { accountId: 'acc-bisou' }, blobId: 'blob-1' });
    expect(text(n!)).toContain('une photo');
    expect(text(n!)).toContain('« Le carton abîmé »');
  });

  it('keeps internal notes for support, never the parties', () => {
    const log = play(escalatedCase(), [[{ type: 'Note', text: 'Vendeur déjà averti.' }, { as: 'support', now: shift(OPENED_AT, 'PT2H') }]]);
    const ns = caused(log, log.length - 1);
    expect(ns).toHaveLength(1);
    expect(ns[0]).toMatchObject({ to: { support: true }, exceptPlatform: 'teams' });
    expect(text(ns[0]!)).toContain('Vendeur déjà averti.');
  });

  it('tells the buyer about a partial refund in their money format, without closing', () => {
    const log = play(opened(), [[{ type: 'Refund', amount: { amount: 10000, currency: 'CDF' } }, { as: 'seller' }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-amina']);
    expect(text(ns[0]!)).toMatch(/Le vendeur a remboursé 100,00\sCDF \(remboursement partiel\) dans le litige C-000123\./);
  });

  it('tells buyer and seller, with ids per event and recipient, when a full refund closes the case', () => {
    const log = play(opened(), [[{ type: 'Refund' }, { as: 'seller' }]]);
    const ns = caused(log, 1);
    expect(ns.map((n) => n.id)).toEqual(['C-000123-2-1', 'C-000123-3-1']);
    expect(to(ns)).toEqual(['acc-amina', 'acc-amina']);
    // Closed on the seller's word: the buyer is told why, and until when a check may be asked (with the card's button).
    const closing = text(ns[1]!, 'en', 'UTC');
    expect(closing).toContain('Case C-000123 is closed: the seller refunded the whole order.\nWhy: the seller recorded a full refund of');
    expect(closing).toContain('If that is not so, press "Ask for a check" before');
    expect(closing).toMatch(/November 20, 2026/);
    expect(ns[1]!.card).toBe(true);
    // Only the closing notice ends the buttons the buyer still has on the case (OutMessage.clearSlots at delivery).
    expect(ns.map((n) => n.closing === true)).toEqual([false, true]);
  });

  it('a buyer’s request to check a closing goes to support with the case card, nobody else', () => {
    const log = play(opened(), [
      [{ type: 'Refund' }, { as: 'seller' }],
      [{ type: 'RequestVerification', text: 'Rien reçu sur mon compte.' }, { as: 'buyer', now: shift(OPENED_AT, 'P1D') }],
    ]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['support']);
    expect(ns[0]!.card).toBe(true);
    expect(text(ns[0]!)).toBe('L’acheteur conteste la clôture du litige C-000123 (remboursé par le vendeur) et demande une vérification. Vous pouvez rouvrir le litige depuis sa fiche.\n« Rien reçu sur mon compte. »');
  });

  it('tells the seller and support (other staff channels) when support escalates on a ground', () => {
    const log = escalatedCase();
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-amina', 'acc-bisou', 'support']);
    expect(ns[2]).toMatchObject({ exceptPlatform: 'teams' });
    expect(text(ns[1]!)).toContain('pour inactivité du vendeur');
    expect(ns[0]!.card).toBe(true);
  });

  it('tells both parties, and the other staff channels, when support decides for the seller', () => {
    const log = play(escalatedCase(), [[{ type: 'DecideForSeller', text: 'Preuve de livraison reçue.' }, { as: 'support', now: shift(OPENED_AT, 'PT2H') }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-amina', 'acc-bisou', 'support']);
    expect(ns[2]!.exceptPlatform).toBe('teams');
    expect(text(ns[0]!)).toBe('Le litige C-000123 est clos : le support a tranché en faveur du vendeur.\n« Preuve de livraison reçue. »');
  });

  it('asks the named party for information', () => {
    const log = play(escalatedCase(), [[{ type: 'AskInfo', from: 'seller', text: 'Envoyez le reçu.' }, { as: 'support', now: shift(OPENED_AT, 'PT2H') }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-bisou']);
    expect(text(ns[0]!, 'en')).toContain('“Envoyez le reçu.”');
  });

  it('turns a recorded reminder into one nudge whose id is the nudge id, saying how long is left', () => {
    const nudgeId = 'nudge-C-000123-seller_reminder-1';
    const log = play(opened(), [[{ type: 'RecordReminder', nudge: 'seller_reminder', to: 'seller', nudgeId }, { as: 'system', now: shift(OPENED_AT, 'PT24H') }]]);
    const ns = caused(log, log.length - 1);
    expect(ns).toEqual([expect.objectContaining({ id: nudgeId, to: { accountId: 'acc-bisou' }, card: true })]);
    expect(text(ns[0]!)).toMatch(/Il reste 2\sjours avant .* \(le 24 octobre 2026 à 09:00 UTC\+1\)/);
    expect(text(ns[0]!, 'en')).toMatch(/2\sdays left before/);
  });

  it('flags a late delivery to the seller and support', () => {
    const log = play(opened(), [[{ type: 'FlagLateDelivery' }, { as: 'system', now: shift(OPENED_AT, 'P365D') }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['acc-bisou', 'support']);
    expect(ns[1]!.exceptPlatform).toBeUndefined();
    expect(text(ns[0]!, 'en')).toMatch(/only a full refund of CDF\s500\.00 can close it/i);
  });
});

describe('notify.ftl', () => {
  const ids = (lang: string) => {
    const bundle = new FluentBundle(lang);
    const errors = bundle.addResource(new FluentResource(readFileSync(`locales/${lang}/notify.ftl`, 'utf8')));
    expect(errors).toEqual([]);
    return [...readFileSync(`locales/${lang}/notify.ftl`, 'utf8').matchAll(/^(notify-[a-z-]+) =/gm)].map((m) => m[1]).sort();
  };

  it('has the same ids in French and English', () => {
    expect(ids('fr')).toEqual(ids('en'));
  });

  it('knows every message the notifications use', () => {
    const log = play(escalatedCase(), [
      [{ type: 'Comment', text: 'a' }, { as: 'seller', now: shift(OPENED_AT, 'PT2H') }],
      [{ type: 'AddTracking', carrier: 'dhl', number: 'X1', info: null, shippingAddress: fold(opened()).shippingAddress! }, { as: 'seller', now: shift(OPENED_AT, 'PT3H') }],
      [{ type: 'DecideForSeller', text: 'Preuve reçue' }, { as: 'support', now: shift(OPENED_AT, 'PT4H') }],
      [{ type: 'Reopen' }, { as: 'support', now: shift(OPENED_AT, 'PT5H') }],
    ]);
    for (const n of caused(log, 0)) {
      for (const m of n.body) {
        expect(i18n.has(m.id), m.id).toBe(true);
        expect(i18n.t('en', m, 'UTC')).not.toContain('{');
      }
    }
  });
});

describe('notificationsFor: asking support, proofs to another address, order nudges', () => {
  it('sends the seller’s request for help to support only, with the case card', () => {
    const log = play(opened(), [[{ type: 'RequestSupport', text: 'L’acheteuse ne répond plus.' }, { as: 'seller' }]]);
    const ns = caused(log, log.length - 1);
    expect(to(ns)).toEqual(['support']);
    expect(ns[0]).toMatchObject({ card: true, caseId: 'C-000123' });
    expect(ns[0]!.exceptPlatform).toBeUndefined();
    expect(text(ns[0]!)).toBe('Le vendeur demande l’aide du support dans le litige C-000123 : « L’acheteuse ne répond plus. »');
    expect(text(ns[0]!, 'en')).toBe('The seller asks support for help on case C-000123: “L’acheteuse ne répond plus.”');
  });

  it('tells the buyer where a proof of shipping says it went when that is not the order’s address', () => {
    const blob = { id: 'b-9', contentType: 'application/pdf', size: 10 };
    const shippedTo = { name: '', line1: '', city: 'Goma', postalCode: '', country: 'CD' };
    const log = play(opened(), [[{ type: 'AddEvidence', kind: 'customs_form', blob, shippedTo }, { as: 'seller' }]]);
    const [n] = caused(log, log.length - 1);
    expect(n!.to).toEqual({ accountId: 'acc-amina' });
    expect(text(n!)).toContain('Attention : ce justificatif ne montre pas un envoi à l’adresse donnée lors de l’achat (il indique Goma, CD).');
    expect(text(n!, 'en')).toContain('Note: this proof does not show shipment to the address given at purchase (it shows Goma, CD).');
  });

  it('gives the seller’s order nudges their order, so they come with a Reply button; not the buyer’s', () => {
    const order = makeOrder();
    const reply = orderNudgeNotification(planOrderReplyNudge(order.id, OPENED_AT, defaultPolicy), order, 'acc-bisou', shift(OPENED_AT, 'P1D'));
    expect(reply).toMatchObject({ to: { accountId: 'acc-bisou' }, orderId: 'CC-1001' });
    const window = orderNudgeNotification(planWindowReminder(order, shift(OPENED_AT, 'P100D'), defaultPolicy), order, 'acc-amina', OPENED_AT);
    expect(window).not.toHaveProperty('orderId');
  });
});

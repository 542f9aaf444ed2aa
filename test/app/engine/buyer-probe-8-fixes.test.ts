import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, DAY, START, type Speaker, type World } from './harness.js';
import { findOrderRef } from '../../../src/app/engine/order-ref.js';
import { mentionsOffPlatform, mentionsPayingOutside } from '../../../src/app/engine/intent.js';
import { asksShopPolicy } from '../../../src/app/engine/typed-answers.js';
import type { OutMessage } from '../../../src/ports/turn.js';

/**
 * One test per defect the eighth blind probe found (test/fixtures/buyer-conversations/probe-8.ts): questions that are not
 * disputes met with « which order? » or a problem to confirm, and an order named by a relative day not found. Each is a
 * class of phrasing, tested in several words and languages.
 */

const ids = (replies: OutMessage[]) => replies.flatMap((o) => o.body.map((b) => b.id));
const args = (replies: OutMessage[], id: string) => replies.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const ASKS = ['engine-report-which-order', 'engine-report-reason-proposed', 'engine-report-reason-pick', 'buyer-flow-unclear', 'engine-fallback'];

describe('an order named by a day said relative to today (order-ref)', () => {
  // Tuesday 10 November 2026, 10:00 in Kinshasa.
  const now = START;
  const tz = 'Africa/Kinshasa';
  const at = (iso: string) => ({ id: `CC-${iso.slice(5, 7)}${iso.slice(8, 10)}`, placedAt: iso, items: [{ title: 'Pagne wax' }] });
  const orders = [at('2026-11-09T08:00:00Z'), at('2026-11-08T08:00:00Z'), at('2026-11-07T08:00:00Z'), at('2026-11-04T08:00:00Z'), at('2026-11-03T08:00:00Z')];
  const found = (text: string) => {
    const r = findOrderRef(text, orders, tz, now);
    return r.kind === 'found' ? r.orderIds : [];
  };

  it('reads yesterday, the day before and « il y a N jours » in four languages', () => {
    expect(found("la commande d'hier n'est pas arrivée")).toEqual(['CC-1109']);
    expect(found('my order from yesterday')).toEqual(['CC-1109']);
    expect(found("yesterday's order, where is it?")).toEqual(['CC-1109']);
    expect(found("ma commande d'avant-hier")).toEqual(['CC-1108']);
    expect(found('oda yangu ya jana iko wapi?')).toEqual(['CC-1109']);
    expect(found('oda ya juzi')).toEqual(['CC-1108']);
    expect(found('commande ya lobi')).toEqual(['CC-1109']);
    expect(found('mon colis de dimanche il est où svp')).toEqual(['CC-1108']);
    expect(found('the parcel from yesterday')).toEqual(['CC-1109']);
    expect(found("j'ai commandé il y a 3 jours")).toEqual(['CC-1107']);
    expect(found('ordered 3 days ago, nothing yet')).toEqual(['CC-1107']);
  });

  it('reads the last such weekday, with or without « dernier », « passé », "last", « iliyopita »', () => {
    expect(found('celle de mercredi passé, elle arrive quand ?')).toEqual(['CC-1104']);
    expect(found('la commande de samedi dernier')).toEqual(['CC-1107']);
    expect(found("jlai commandé dimanche dernier")).toEqual(['CC-1108']);
    expect(found('the one I ordered last Tuesday')).toEqual(['CC-1103']);
    expect(found('oda ya Jumapili iliyopita')).toEqual(['CC-1108']);
    expect(found('commande ya lomingo eleki')).toEqual(['CC-1108']);
  });

  it('does not read a day said of a delivery or a reply, nor a weekday before a date, nor without `now`', () => {
    expect(found("ma commande est arrivée hier, cassée")).toEqual([]);
    expect(found('reçu hier le sac')).toEqual([]);
    expect(found('le vendeur a répondu mardi')).toEqual([]);
    expect(findOrderRef("la commande d'hier", orders, tz).kind).toBe('none');
  });
});

describe.each(['memory', 'redis'] as const)('questions that are not disputes (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  let w: World;
  let s: Speaker;
  const start = async (account = 'acc-amina') => {
    w = await world(account === 'acc-grace' ? { busyBuyer: true } : {});
    s = await w.user({ account });
  };
  const noCase = async (account = 'acc-amina') => expect(await w.cases.list({ accountId: account, platform: 'telegram' }, 'mine')).toEqual([]);

  it('« la commande d’hier », « celle de mercredi passé »: the order named by a relative day gets its dates', async () => {
    await start('acc-grace');
    const r = await s.text('celle de mercredi passé, elle arrive quand ?');
    expect(ids(r)).not.toContain('engine-report-which-order');
    expect(args(r, 'buyer-flow-delivery-expected')?.orderId ?? args(r, 'engine-report-not-yet')?.orderId).toBe('CC-1021');
    await start();
    w.clock.advance(-DAY);
    const r2 = await s.text("la commande d'hier, vous savez quand elle sera livrée ?");
    expect(args(r2, 'buyer-flow-delivery-expected')?.orderId ?? args(r2, 'engine-report-not-yet')?.orderId).toBe('CC-1003');
  });

  it.each(['merci infiniment pour votre aide', 'thanks for your help', 'asante sana kwa msaada wako', 'matondi mpo na lisalisi'])(
    '« %s » with nothing under way: « avec plaisir », not « which order? »',
    async (text) => {
      await start();
      const r = await s.text(text);
      expect(ids(r)).toContain('buyer-flow-thanks');
      for (const id of ASKS) expect(ids(r)).not.toContain(id);
    },
  );

  it.each([
    ['je veux juste poser une question au vendeur des boucles, pas de litige', 'CC-1003'],
    ['Nalingi koloba na moteki ya pagne wax', 'CC-1001'],
    ['nataka kuongea na muuzaji wa mkoba', 'CC-1002'],
    ['how do I get in touch with the seller of my earrings?', 'CC-1003'],
  ])('« %s »: asked what to tell the seller, no problem to confirm', async (text, orderId) => {
    await start();
    const r = await s.text(text);
    expect(args(r, 'engine-report-ask-message')?.orderId).toBe(orderId);
    expect(ids(r)).not.toContain('engine-report-reason-proposed');
    const before = w.relayed.length;
    await s.text('Bonjour, est-ce que vous livrez à Limete ?');
    expect(w.relayed.length).toBe(before + 1);
  });

  it.each([
    ["c'est quoi la politique de retour chez Bisou Créations ?", ['Bisou Créations']],
    ['on a combien de jours pour retourner un article ?', ['Bisou Créations', 'Atelier Lumière']],
    ["what's the refund policy at Atelier Lumière?", ['Atelier Lumière']],
    ['do they accept returns for the silk scarf?', ['Atelier Lumière']],
    ["vous remboursez si l'article ne me plaît pas ?", ['Bisou Créations', 'Atelier Lumière']],
    ['will the shop refund me if I return it?', ['Bisou Créations', 'Atelier Lumière']],
  ])('« %s »: the shop’s conditions, no return to confirm, nothing sent', async (text, shops) => {
    await start();
    const r = await s.text(text);
    const quoted = r.flatMap((o) => o.body).filter((b) => b.id === 'engine-shop-policy').map((b) => b.args?.shopName);
    expect(quoted).toEqual(shops);
    expect(ids(r)).toContain('buyer-flow-policy-next');
    for (const id of ASKS) expect(ids(r)).not.toContain(id);
    expect(w.relayed).toEqual([]);
    await noCase();
  });

  it('"can I send it back?" with the policy asked is still a return request on that order', async () => {
    await start();
    const r = await s.text("what's the return policy for the silk scarf? can I send it back?");
    expect(args(r, 'engine-report-reason-proposed')).toMatchObject({ reason: 'return_request', orderId: 'CC-1008' });
  });

  it.each([
    "si j'ouvre un litige, je serai remboursée en combien de jours ?",
    'how long does a refund take?',
    'kurudishiwa pesa ni siku ngapi?',
    'quand est-ce que je serai remboursé si le vendeur accepte ?',
    'when would I get my money back if I open a case?',
  ])(
    '« %s »: how a case works and how long it takes, not « which order? » for a refund',
    async (text) => {
      await start();
      const r = await s.text(text);
      expect(ids(r)).toContain('buyer-flow-how-it-works');
      expect(ids(r)).not.toContain('engine-report-intro');
      await noCase();
    },
  );

  it.each([
    "le vendeur du sac me demande de lui envoyer l'argent par airtel money directement, hors du site, c'est normal ?",
    "c'est normal qu'un vendeur me demande de le payer directement sur son numéro au lieu de passer par le site ?",
    'the seller wants me to pay outside Congocrea, is that ok?',
  ])('« %s »: kept here, and warned not to pay outside Congocrea', async (text) => {
    await start();
    const r = await s.text(text);
    expect(ids(r)).toContain('engine-keep-in-messages');
    expect(ids(r)).toContain('engine-pay-outside');
    await noCase();
  });
});

describe('paying outside Congocrea is read apart from contact outside the messages', () => {
  it('reads the seller to be paid directly or outside the site', () => {
    expect(mentionsPayingOutside("il veut que je lui envoie l'argent directement par M-Pesa")).toBe(true);
    expect(mentionsPayingOutside("j'ai payé directement au vendeur en cash")).toBe(true);
    expect(mentionsPayingOutside("il me demande d'envoyer l'argent directement par M-Pesa")).toBe(true);
    expect(mentionsPayingOutside('pay him directly and he gives a discount')).toBe(true);
    expect(mentionsPayingOutside('anataka nimlipe moja kwa moja')).toBe(true);
    expect(mentionsPayingOutside('can I pay directly on the site with my card?')).toBe(false);
    expect(mentionsPayingOutside("j'ai payé directement sur le site")).toBe(false);
  });

  it('leaves contact outside the messages as labelled in the corpus (a seller asking to be paid directly is not, by itself)', () => {
    expect(mentionsOffPlatform("C'est normal qu'un vendeur me demande de le payer directement sur son numéro Airtel au lieu de passer par le site ?")).toBe(false);
  });

  it('tells a policy question from a return asked for', () => {
    expect(asksShopPolicy('quelles sont les conditions de retour ?')).toBe(true);
    expect(asksShopPolicy('ils acceptent les échanges ?')).toBe(true);
    expect(asksShopPolicy('je peux retourner la chemise ? quelle est la politique de retour')).toBe(false);
    expect(asksShopPolicy('je veux retourner la chemise')).toBe(false);
  });
});

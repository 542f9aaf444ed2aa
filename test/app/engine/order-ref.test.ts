import { describe, expect, it } from 'vitest';
import { caseIdOf, findOrderRef, type OrderLike } from '../../../src/app/engine/order-ref.js';

const TZ = 'Africa/Kinshasa';
/** Amina's orders, newest first (as the marketplace lists them). */
const orders: OrderLike[] = [
  { id: 'CC-1003', placedAt: '2026-11-08T09:00:00.000Z', items: [{ title: "Boucles d'oreilles en perles" }] },
  { id: 'CC-1005', placedAt: '2026-10-26T09:00:00.000Z', items: [{ title: 'Chemise en bogolan' }] },
  { id: 'CC-1001', placedAt: '2026-10-19T09:00:00.000Z', items: [{ title: 'Pagne wax 6 yards' }] },
  { id: 'CC-1002', placedAt: '2026-10-15T09:00:00.000Z', items: [{ title: 'Sac en raphia tressé' }] },
  { id: 'CC-1008', placedAt: '2026-10-11T09:00:00.000Z', items: [{ title: 'Foulard en soie imprimé' }] },
  { id: 'CC-1004', placedAt: '2026-05-24T09:00:00.000Z', items: [{ title: 'Lampe en laiton ciselé' }] },
];
const find = (text: string) => findOrderRef(text, orders, TZ);
const found = (ids: string[], by: 'id' | 'date' | 'title' | 'amount' | 'position') => ({ kind: 'found', orderIds: ids, by });

describe('findOrderRef: the order a buyer means', () => {
  it.each([
    'CC-1001',
    'ma commande CC-1001 n’est jamais arrivée',
    'cc1001 pas reçu',
    'cc 1001 pas reçu',
    'Cc-1001',
    'CC_1001',
    'ma commande 1001',
    'commande n° 1001 toujours rien',
    'order #1001 never arrived',
    '#1001',
    '1001',
    'my order no. 1001',
    '(CC-1001)',
    'commande:1001',
  ])('%s → CC-1001 by its number', (text) => {
    expect(find(text)).toEqual(found(['CC-1001'], 'id'));
  });

  it.each([
    ['ma commande du 19 novembre', 'CC-1005', '2026-11-19'],
  ])('a day that is no order of theirs reads as unknown, as written: %s', (text) => {
    expect(find(text)).toEqual({ kind: 'unknown', ref: '19 novembre', date: { day: 19, month: 11 } });
  });

  it.each([
    ['ma commande du 19 octobre', ['CC-1001']],
    ['la commande du 19/10 n’est pas arrivée', ['CC-1001']],
    ['commandé le 26 oct', ['CC-1005']],
    ['the order from October 19th never came', ['CC-1001']],
    ['I ordered on 15 Oct and the bag is wrong', ['CC-1002']],
    ['achat du 24 mai', ['CC-1004']],
  ])('%s → by the day it was placed', (text, ids) => {
    expect(find(text)).toEqual(found(ids, 'date'));
  });

  it.each([
    ['le pagne wax', 'CC-1001'],
    ['le pagne n’est jamais arrivé', 'CC-1001'],
    ['mes pagnes wax', 'CC-1001'],
    ['le pangne wax (typo)', 'CC-1001'],
    ['PAGNE WAX', 'CC-1001'],
    ['le sac ne ressemble pas à la photo', 'CC-1002'],
    ['le sac en rafia tresse', 'CC-1002'],
    ['les boucles d oreille', 'CC-1003'],
    ['la chemise bogolan est déchirée', 'CC-1005'],
    ['le foulard en soi imprime', 'CC-1008'],
    ['my brass lamp (lampe laiton) is broken', 'CC-1004'],
  ])('%s → %s by the item’s title', (text, id) => {
    expect(find(text)).toEqual(found([id], 'title'));
  });

  it('several numbers: « orders 1001 and 1005 » (« and » is no unit after a number), « la 1001 et la 1005 »', () => {
    expect(find('orders 1001 and 1005 both never arrived')).toEqual(found(['CC-1001', 'CC-1005'], 'id'));
    expect(find('la 1001 et la 1005 ne sont jamais arrivées')).toEqual(found(['CC-1001', 'CC-1005'], 'id'));
    expect(find('1001 anyway')).toEqual(found(['CC-1001'], 'id'));
    expect(find('payé 1001 $')).toEqual({ kind: 'none' });
  });

  it.each(['la commande mille un', 'commande mille un jamais reçue', "c'est la mille un", 'order one thousand and one', 'oda elfu moja na moja'])('%s → CC-1001: the number dictated in words after a word for the order', (text) => {
    expect(find(text)).toEqual(found(['CC-1001'], 'id'));
  });

  it.each(['commande cc mille un pas arrivée', 'CC mille un'])('%s → CC-1001: the number dictated in words after the letters of the order numbers', (text) => {
    expect(find(text)).toEqual(found(['CC-1001'], 'id'));
  });

  it.each(["j'ai payé cinq mille", 'mille merci', 'la une'])('%s names no order (a number in words that is no order of theirs, or not after a word for one)', (text) => {
    expect(find(text)).toEqual({ kind: 'none' });
  });

  it.each(["la commande 1 0 0 1 n'est jamais arrivée", 'order 1 0 0 1'])('%s → CC-1001: digits dictated one by one', (text) => {
    expect(find(text)).toEqual(found(['CC-1001'], 'id'));
  });

  it.each([
    ['the raffia bag I got is torn', 'CC-1002'],
    ['the woven raffia bag', 'CC-1002'],
    ['my silk scarf never arrived', 'CC-1008'],
    ['have the pearl earrings shipped yet?', 'CC-1003'],
    ['I want to return the bag', 'CC-1002'],
    ['the bogolan shirt', 'CC-1005'],
    ['mkoba wangu umechanika', 'CC-1002'],
    ['sakosi ezali ya mabe', 'CC-1002'],
    ['the wax print never came', 'CC-1001'],
    ['kitambaa kimefika lakini kina matundu', 'CC-1001'],
  ])('%s → %s: the item named in English, Swahili or Lingala, or spelt as it sounds', (text, id) => {
    expect(find(text)).toEqual(found([id], 'title'));
  });

  it.each([
    ['celle à 50 000 FC', ['CC-1001']],
    ['la commande de 45000fc', ['CC-1002']],
    ['celle de 25.000 FC le pagne', ['CC-1001']],
    ['the one for $45', ['CC-1008']],
    ['89 dollars', ['CC-1004']],
    ['oda ya dola 45 haijafika', ['CC-1008']],
    ['commande ya falanga 45 000', ['CC-1002']],
    ['12 000 FC', []],
  ] as const)('%s → %j by what it cost (an amount with its currency)', (text, ids) => {
    const cdf = (amount: number) => ({ amount, currency: 'CDF' });
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const priced: OrderLike[] = [
      { id: 'CC-1001', placedAt: '2026-10-19T09:00:00.000Z', items: [{ title: 'Article', unitPrice: cdf(2_500_000) }], total: cdf(5_000_000) },
      { id: 'CC-1002', placedAt: '2026-10-15T09:00:00.000Z', items: [{ title: 'Objet', unitPrice: cdf(4_500_000) }], total: cdf(4_500_000) },
      { id: 'CC-1008', placedAt: '2026-10-11T09:00:00.000Z', items: [{ title: 'Chose', unitPrice: usd(2_250) }], total: usd(4_500) },
      { id: 'CC-1004', placedAt: '2026-05-24T09:00:00.000Z', items: [{ title: 'Truc', unitPrice: usd(8_900) }], total: usd(8_900) },
    ];
    expect(findOrderRef(text, priced, TZ)).toEqual(ids.length ? found([...ids], 'amount') : { kind: 'none' });
  });

  // Sixth probe: « celle de 50 000 » answering « which order? », « j'ai payé 45 000 le 21/10 ».
  it.each([
    ['celle de 50 000', ['CC-1001']],
    ['celle à 50000', ['CC-1001']],
    ["j'ai payé 45 000 le 21/10 et toujours rien", ['CC-1002']],
    ['the one for 45.000', ['CC-1002']],
    // Not amounts, or none of the orders': a phone number, a date, a duration, a quantity, a price of no order.
    ['appelez-moi au 0812345678', []],
    ['243 81 555 1234', []],
    ['depuis le 25/10', []],
    ['2 semaines et 3 jours', []],
    ['celle de 12 000', []],
  ] as const)('%s → %j by what it cost, the currency left out (the order’s own)', (text, ids) => {
    const cdf = (amount: number) => ({ amount, currency: 'CDF' });
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const priced: OrderLike[] = [
      { id: 'CC-1001', placedAt: '2026-10-19T09:00:00.000Z', items: [{ title: 'Article', unitPrice: cdf(2_500_000) }], total: cdf(5_000_000) },
      { id: 'CC-1002', placedAt: '2026-10-15T09:00:00.000Z', items: [{ title: 'Objet', unitPrice: cdf(4_500_000) }], total: cdf(4_500_000) },
      { id: 'CC-1008', placedAt: '2026-10-11T09:00:00.000Z', items: [{ title: 'Chose', unitPrice: usd(2_250) }], total: usd(4_500) },
    ];
    expect(findOrderRef(text, priced, TZ)).toEqual(ids.length ? found([...ids], 'amount') : { kind: 'none' });
  });

  it.each([
    ["la commande que j'ai passée le lundi 26 octobre, jamais reçue", 'CC-1005'],
    ['commandée le dimanche 11 octobre', 'CC-1008'],
    ['the one I ordered on Monday, October 26', 'CC-1005'],
    ['celle payée le 15/10', 'CC-1002'],
  ])('%s → %s by its day, a day name or « passée le » around it', (text, id) => {
    expect(find(text)).toEqual(found([id], 'date'));
  });

  it.each([
    ["ma dernière commande n'est pas encore arrivée", 'CC-1003'],
    ['my latest order never came', 'CC-1003'],
    ["ma commande la plus récente", 'CC-1003'],
    ['oda yangu ya mwisho haijafika', 'CC-1003'],
    // Said alone, as the answer to « which order? »: « ma dernière » is the newest, as « la dernière » of the list is not.
    ['ma derniere', 'CC-1003'],
    ['la plus récente', 'CC-1003'],
    ["la dernière que j'ai faite", 'CC-1003'],
    ["celle que j'ai commandée en dernier", 'CC-1003'],
    ['the latest', 'CC-1003'],
    ['the one I ordered last', 'CC-1003'],
  ])('%s → %s, the newest order', (text, id) => {
    expect(find(text)).toEqual(found([id], 'position'));
  });

  it('« le livreur est passé le 3 novembre » is no order’s day (only the buyer placing or paying it is)', () => {
    expect(find('le livreur est passé le 3 novembre')).toEqual({ kind: 'none' });
  });

  it('« la dernière fois », "last week" are no order', () => {
    expect(find('la dernière fois ça avait marché')).toEqual({ kind: 'none' });
    expect(find('I wrote last week')).toEqual({ kind: 'none' });
  });

  it('a word shared by several titles offers them all, and the best fit wins when there is one', () => {
    expect(find('celui en soie')).toEqual(found(['CC-1008'], 'title'));
    expect((find('les perles ou le bogolan') as { orderIds: string[] }).orderIds.sort()).toEqual(['CC-1003', 'CC-1005']);
    expect(find('les perles, pas le sac')).toEqual(found(['CC-1003'], 'title'));
  });

  it.each([
    ['CC-1006', 'CC-1006'],
    ['ma commande CC-9999 n’est pas arrivée', 'CC-9999'],
    ['cc9999', 'CC-9999'],
    ['commande 1006', '1006'],
    ['#4242', '#4242'],
    ['XY-12345 jamais reçu', 'XY-12345'],
  ])('an order that is not theirs (or does not exist) is unknown, as written: %s', (text, ref) => {
    expect(find(text)).toEqual({ kind: 'unknown', ref });
  });

  it.each([
    'mon colis n’est jamais arrivé',
    'bonjour',
    'j’ai payé 25000 FC le 10/11/2026',
    'appelez-moi au 0812345678',
    'il y a 3 jours',
    'les 2500 nuits',
    'les 2026 problèmes',
    // little words one letter off a title's word: « these » / « tressé », « there » / « terre »
    "none of these, I can't see it",
    "it's not there, those are other orders",
    'je vous envoie ça ce soir, mon tel n’a plus de batterie',
    '',
  ])('no order in « %s »', (text) => {
    expect(find(text).kind).toBe('none');
  });

  it('common words one letter off an item’s word name no item (« taille » / « paille », « par contre » / « montre »), typos still do', () => {
    const shop: OrderLike[] = [
      { id: 'CC-2001', placedAt: '2026-11-01T09:00:00.000Z', items: [{ title: 'Chapeau de paille' }] },
      { id: 'CC-2002', placedAt: '2026-10-01T09:00:00.000Z', items: [{ title: 'Montre connectée' }] },
      { id: 'CC-2003', placedAt: '2026-09-01T09:00:00.000Z', items: [{ title: 'Savon noir' }] },
    ];
    for (const text of ['la taille est trop petite', 'par contre je suis pas contente', 'he will come home soon', 'on se voit au salon', 'je paie déjà assez']) {
      expect(findOrderRef(text, shop, TZ)).toEqual({ kind: 'none' });
    }
    expect(findOrderRef('le chapeau de paile est abimé', shop, TZ)).toEqual(found(['CC-2001'], 'title'));
    expect(findOrderRef('ma montr ne marche pas', shop, TZ)).toEqual(found(['CC-2002'], 'title'));
    expect(findOrderRef('le savn noir', shop, TZ)).toEqual(found(['CC-2003'], 'title'));
  });

  it('a number wins over a title or a date in the same message', () => {
    expect(find('le sac CC-1001 commandé le 15 octobre')).toEqual(found(['CC-1001'], 'id'));
  });

  it('an order only a stranger has is never found, whatever the spelling', () => {
    for (const text of ['CC-1006', 'cc1006', 'cc 1006', '#1006', 'commande 1006', 'le panier tressé']) {
      expect(find(text).kind === 'found' ? (find(text) as { orderIds: string[] }).orderIds : []).not.toContain('CC-1006');
    }
  });
});

describe('findOrderRef: an item turned down by contrast', () => {
  it.each([
    ["en fait c'est le sac que j'ai reçu qui est abimé, pas le pagne", 'CC-1002'],
    ['le sac est déchiré. pas le pagne', 'CC-1002'],
    ['it is the scarf that is torn, not the wrap', 'CC-1008'],
    ['la lampe est cassée et pas la chemise', 'CC-1004'],
  ])('« %s » is about %s only (both items were named)', (text, id) => {
    expect(find(text)).toEqual(found([id], 'title'));
  });

  it('a negation inside the clause keeps its item: « je n’ai pas le sac » is about the bag', () => {
    expect(find("je n'ai pas le sac")).toEqual(found(['CC-1002'], 'title'));
    expect(find("j'ai pas reçu le pagne")).toEqual(found(['CC-1001'], 'title'));
  });
});

describe('findOrderRef: a buyer who corrects the order in the same message (story probe s04)', () => {
  it.each([
    ["ma commande 1001 n'est pas arrivée... non attends je me trompe, c'est la 1005, la chemise. le pagne je l'ai bien eu", 'CC-1005'],
    ["le pagne wax, non pardon, le sac en raphia n'est pas comme sur la photo", 'CC-1002'],
    ["la commande du 26 octobre... je me suis trompée, celle du 19 octobre", 'CC-1001'],
    ['order 1002 no wait, I mean 1008, the scarves never came', 'CC-1008'],
  ])('%s → %s', (text, id) => {
    const ref = find(text);
    expect(ref.kind === 'found' && ref.orderIds).toEqual([id]);
  });

  it.each([
    // Nothing named after the turn, or nothing before it: the message is read whole.
    ["j'ai pris la chemise en bogolan, je me suis trompée de taille", ['CC-1005']],
    ["non attends, la 1001 et la 1005 ne sont jamais arrivées", ['CC-1001', 'CC-1005']],
  ])('%s is read whole', (text, ids) => {
    const ref = find(text);
    expect(ref.kind === 'found' && ref.orderIds).toEqual(ids);
  });
});

describe('caseIdOf: a case number as people type it', () => {
  it.each([
    ['C-000002', 'C-000002'],
    ['c-000002', 'C-000002'],
    ['C-2', 'C-000002'],
    ['c2', 'C-000002'],
    ['C2', 'C-000002'],
    ['2', 'C-000002'],
    ['#2', 'C-000002'],
    ['002', 'C-000002'],
    ['C-123456', 'C-123456'],
    [' c 12 ', 'C-000012'],
  ])('%s → %s', (raw, id) => {
    expect(caseIdOf(raw)).toBe(id);
  });

  it.each(['CC-1001', 'cc1001', 'abc', '', 'C-', '2x', 'C-1234567890123'])('%s is not a case number', (raw) => {
    expect(caseIdOf(raw)).toBeNull();
  });
});

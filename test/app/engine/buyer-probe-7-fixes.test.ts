import { describe, expect, it } from 'vitest';
import { findOrderRef, type OrderLike } from '../../../src/app/engine/order-ref.js';
import { addsAnother, asksCaseStatus, buyerAsksOfCase, putsFirst } from '../../../src/app/engine/typed-answers.js';

/**
 * What the seventh probe (a buyer with many orders, test/fixtures/buyer-conversations/probe-7.ts) led to, read word by
 * word: the same item bought twice told apart, orders added or put first, one case of several named, statuses asked.
 */

const cdf = (amount: number) => ({ amount, currency: 'CDF' });
const orders: OrderLike[] = [
  { id: 'CC-1015', placedAt: '2026-10-29T09:00:00Z', items: [{ title: 'Pagne wax 6 yards', quantity: 2, unitPrice: cdf(2_500_000) }], total: cdf(5_000_000) },
  { id: 'CC-1013', placedAt: '2026-10-23T09:00:00Z', items: [{ title: 'Sac à main en cuir', quantity: 1, unitPrice: cdf(6_000_000) }], total: cdf(6_000_000) },
  { id: 'CC-1011', placedAt: '2026-10-01T09:00:00Z', items: [{ title: 'Pagne wax 6 yards', quantity: 1, unitPrice: cdf(2_500_000) }], total: cdf(2_500_000) },
];
const ref = (text: string) => findOrderRef(text, orders, 'Africa/Kinshasa');

describe('the same item bought twice', () => {
  it('is still both orders when nothing else tells them apart', () => {
    expect(ref("mon pagne wax n'est jamais arrivé")).toMatchObject({ kind: 'found', orderIds: ['CC-1015', 'CC-1011'] });
  });

  it.each([
    ["le pagne wax du 29 octobre n'est pas arrivé", 'CC-1015'],
    ['le wax du 01/10 toujours pas là', 'CC-1011'],
    ['les 2 pagnes wax, toujours rien', 'CC-1015'],
    ['mes deux pagnes wax sont jamais arrivés', 'CC-1015'],
    ['le pagne à 25000 jamais arrivé', 'CC-1011'],
    ['celui de 25 000', 'CC-1011'],
    ['pagne wax 50000fc rien reçu', 'CC-1015'],
  ])('« %s » is %s (the day, how many, what was paid)', (text, order) => {
    expect(ref(text)).toMatchObject({ kind: 'found', orderIds: [order] });
  });
});

describe('words that keep the report under way', () => {
  it.each(['ah et le vase est arrivé cassé', 'et la chemise jamais reçue', 'é le vase arrivé fissuré', 'and the bag too'])('« %s » adds an order', (text) => {
    expect(addsAnother(text)).toBe(true);
  });
  it.each(["attendez, d'abord la chemise", 'first the hat please', 'kwanza shati'])('« %s » puts another order first', (text) => {
    expect(putsFirst(text)).toBe(true);
  });
  it.each(['non pas la 1003, la 1013', 'pardon je voulais dire la robe en wax', 'étonnant, la chemise'])('« %s » does neither', (text) => {
    expect(addsAnother(text) || putsFirst(text)).toBe(false);
  });
});

describe('what a buyer with several cases asks', () => {
  it.each(['où en sont mes litiges ?', 'c koi le statu de mes litiges', 'kesi zangu zimefikia wapi?'])('« %s » asks the cases’ status', (text) => {
    expect(asksCaseStatus(text)).toBe(true);
  });
  it("« c'est bon pour le sac, je l'ai reçu » closes", () => {
    expect(buyerAsksOfCase("c'est bon pour le sac")).toBe('close');
    expect(buyerAsksOfCase("je l'ai reçu")).toBe('close');
    expect(buyerAsksOfCase("je l'ai pas reçu")).toBe(null);
  });
});

import { describe, expect, it } from 'vitest';
import { actionsToCase } from '../../bench/actions-to-case.js';

describe('bench: buyer actions to an opened case', () => {
  it.each([
    ["ma commande CC-1001 n'est jamais arrivée", 'non_delivery', 'CC-1001', 3],
    ['Le sac CC-1002 que j’ai reçu ne ressemble pas du tout à la photo', 'not_as_described', 'CC-1002', 3],
    ['when will order CC-1001 arrive?', 'non_delivery', 'CC-1001', 2],
    ["mon colis n'est jamais arrivé", 'non_delivery', 'CC-1001', 4],
  ] as const)('« %s » → %s on %s in %i actions', async (text, reason, orderId, n) => {
    expect(await actionsToCase(text, reason, orderId)).toBe(n);
  });

  it('an order that cannot have a case is told apart from a stuck buyer', async () => {
    expect(await actionsToCase("ma commande CC-1004 n'est jamais arrivée", 'non_delivery', 'CC-1004')).toBe('ineligible');
    expect(await actionsToCase('bonjour', 'non_delivery', 'CC-9999')).toBeNull();
  });
});

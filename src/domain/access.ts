import type { Case } from './case-model.js';
import type { Account } from './types.js';

/** The part `account` plays on case `c`, or null when the case is none of its business (SPEC section 7). */
export function roleOn(c: Case, account: Account): 'buyer' | 'seller' | 'support' | null {
  if (account.id === c.buyerId) return 'buyer';
  if (account.id === c.sellerId) return 'seller';
  if (account.roles.includes('support')) return 'support';
  return null;
}

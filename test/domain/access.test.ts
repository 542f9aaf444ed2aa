import { describe, expect, it } from 'vitest';
import { roleOn } from '../../src/domain/access.js';
import { fold } from '../../src/domain/decider.js';
import type { Account } from '../../src/domain/types.js';
import { opened } from './support.js';

const account = (id: string, roles: Account['roles']): Account => ({ id, name: id, roles });

describe('Nobody acts on, or reads, a case that is not theirs: buyer and seller of the order, support, and no one else', () => {
  const c = fold(opened());

  it('the order\'s buyer is the buyer, the shop owner the seller', () => {
    expect(roleOn(c, account('acc-amina', ['buyer']))).toBe('buyer');
    expect(roleOn(c, account('acc-bisou', ['seller']))).toBe('seller');
  });

  it('a support account is support on every case', () => {
    expect(roleOn(c, account('acc-support-1', ['support']))).toBe('support');
  });

  it('a party who also works in support acts as the party on their own case', () => {
    expect(roleOn(c, account('acc-bisou', ['seller', 'support']))).toBe('seller');
  });

  it('another buyer or another seller: null', () => {
    expect(roleOn(c, account('acc-other', ['buyer']))).toBeNull();
    expect(roleOn(c, account('acc-other-shop', ['seller']))).toBeNull();
  });
});

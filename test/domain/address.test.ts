import { describe, expect, it } from 'vitest';
import { normalizePlaceName, placeMatchesAddress } from '../../src/domain/address.js';
import type { Address } from '../../src/domain/types.js';

const kin: Address = { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' };
const paris: Address = { name: 'A', line1: '1 rue X', city: 'Paris', postalCode: '75001', country: 'FR' };

describe('A place matches the shipping address: same city and country, and postal code when both have one', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normalizePlaceName('  Mbuji-Mayí ')).toBe('mbuji mayi');
    expect(placeMatchesAddress({ city: 'KINSHASA', country: 'cd' }, kin)).toBe(true);
    expect(placeMatchesAddress({ city: 'Saint-Étienne', country: 'FR' }, { ...paris, city: 'saint etienne', postalCode: '' })).toBe(true);
  });

  it('another city or country does not match', () => {
    expect(placeMatchesAddress({ city: 'Lubumbashi', country: 'CD' }, kin)).toBe(false);
    expect(placeMatchesAddress({ city: 'Kinshasa', country: 'CG' }, kin)).toBe(false);
  });

  it('postal codes: compared when both exist (spaces ignored), ignored when one is missing', () => {
    expect(placeMatchesAddress({ city: 'Paris', country: 'FR', postalCode: '75 001' }, paris)).toBe(true);
    expect(placeMatchesAddress({ city: 'Paris', country: 'FR', postalCode: '75011' }, paris)).toBe(false);
    expect(placeMatchesAddress({ city: 'Paris', country: 'FR' }, paris)).toBe(true);
    expect(placeMatchesAddress({ city: 'Kinshasa', country: 'CD', postalCode: '00243' }, kin)).toBe(true);
  });

  it('a place without a city or a country cannot be shown to match', () => {
    expect(placeMatchesAddress({ country: 'CD' }, kin)).toBe(false);
    expect(placeMatchesAddress({ city: 'Kinshasa' }, kin)).toBe(false);
    expect(placeMatchesAddress({ city: ' ', country: 'CD' }, kin)).toBe(false);
  });
});

import type { Address } from './types.js';

/** A place as a carrier or a proof of shipping reports it; any part may be missing. */
export interface Place {
  city?: string;
  postalCode?: string;
  country?: string;
}

/** Lower-case, strip accents and punctuation: « Lubumbashi », "LUBUMBASHI " and "lubumbashi." compare equal. */
export function normalizePlaceName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normalizePostalCode(s: string | undefined): string {
  return (s ?? '').replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Whether `place` is the order's shipping address: same city and country (accent- and
 * case-insensitive), and the same postal code when both have one. A place without a city or a
 * country cannot be shown to match, so it does not.
 */
export function placeMatchesAddress(place: Place, address: Address): boolean {
  const city = normalizePlaceName(place.city ?? '');
  const country = normalizePlaceName(place.country ?? '');
  if (!city || !country) return false;
  if (city !== normalizePlaceName(address.city) || country !== normalizePlaceName(address.country)) return false;
  const a = normalizePostalCode(place.postalCode);
  const b = normalizePostalCode(address.postalCode);
  return !a || !b || a === b;
}

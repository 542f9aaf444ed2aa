import { foldText } from '../../domain/text.js';
import type { EscalationGround } from '../../domain/types.js';

/**
 * Support's words for grounds, sides and lists, in French and English with the short forms people
 * type (SPEC section 2: "French names accepted too"). Matching folds case and accents, so
 * `Intégrité`, `integrite` and `INTEGRITY` are one word; a unique prefix of three letters or more
 * is enough (`harc`, `manip`), and so is a word of five letters or more with one slip (`harcelment`).
 */
const GROUND_WORDS: Record<EscalationGround, string[]> = {
  inactivity: ['inactivity', 'inactive', 'inactif', 'inactivite', 'inactivite du vendeur', 'seller inactivity', 'silence'],
  harassment: ['harassment', 'harass', 'harcelement', 'harceler'],
  refusal: ['refusal', 'refusal of service', 'refuse', 'refus', 'refus de service'],
  manipulation: ['manipulation', 'case manipulation', 'manipulation du litige', 'fraude', 'fraud'],
  integrity: [
    'integrity', 'integrite', 'integrite du systeme', 'system integrity',
    // SPEC section 1's own words, and in French.
    'harm to the integrity of the case system', 'harm to the integrity', 'harm to integrity', 'integrity of the case system',
    'atteinte a l integrite', 'atteinte a l integrite du systeme', 'atteinte a l integrite du systeme des litiges', 'integrite du systeme des litiges',
  ],
};

export type Side = 'seller' | 'buyer';
const SIDE_WORDS: Record<Side, string[]> = {
  seller: ['seller', 'vendeur', 'vendeuse', 'boutique', 'shop'],
  buyer: ['buyer', 'acheteur', 'acheteuse', 'client', 'cliente'],
};

export type Queue = 'escalated' | 'overdue' | 'waiting' | 'all' | 'mine';
const QUEUE_WORDS: Record<Queue, string[]> = {
  escalated: ['escalated', 'escalade', 'escalades', 'escaladee', 'escaladees', 'transmis', 'support'],
  overdue: ['overdue', 'late', 'retard', 'en retard', 'tardif', 'tardifs'],
  waiting: ['waiting', 'attente', 'en attente', 'a traiter'],
  all: ['all', 'tous', 'tout', 'toutes'],
  mine: ['mine', 'mes', 'miens', 'moi', 'my'],
};

function match<K extends string>(table: Record<K, string[]>, raw: string | undefined): K | null {
  // `l’intégrité` and `l'integrite` are `l integrite`.
  const word = foldText(raw ?? '').replace(/[’'`]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!word) return null;
  const keys = Object.keys(table) as K[];
  const exact = keys.find((k) => table[k].includes(word));
  if (exact) return exact;
  if (word.length < 3) return null;
  // Prefixes of single words only: `har` is harassment, not also `harm to the integrity…`.
  const prefixed = keys.filter((k) => table[k].some((w) => !w.includes(' ') && w.startsWith(word)));
  if (prefixed.length > 0) return prefixed.length === 1 ? prefixed[0]! : null;
  // One slip in a word of five letters or more (`harcelment`, `inactivty`, `venderu`), when it is one name's only.
  if (word.length < 5 || word.includes(' ')) return null;
  const slipped = keys.filter((k) => table[k].some((w) => !w.includes(' ') && w.length >= 5 && oneSlipApart(word, w)));
  return slipped.length === 1 ? slipped[0]! : null;
}

/** Whether two words differ by one letter left out, added, changed, or two neighbours swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * An escalation ground from what support typed (`refus`, `inactivité`, `harassment`), or null. A phrase that is no
 * ground's name (« le vendeur est inactif », « vendeur injoignable, harcèlement ») is the ground one of its words
 * names exactly, when they all name the same one.
 */
export function groundOf(raw: string | undefined): EscalationGround | null {
  const whole = match(GROUND_WORDS, raw);
  if (whole) return whole;
  const words = foldText(raw ?? '').replace(/[’'`]/g, ' ').split(/[^a-z0-9]+/).filter(Boolean);
  const named = new Set(words.flatMap((w) => (Object.keys(GROUND_WORDS) as EscalationGround[]).filter((k) => GROUND_WORDS[k].includes(w))));
  return named.size === 1 ? [...named][0]! : null;
}

/** Support's words for `recover` on `/refund` (take the refund back from the seller), in French and English. */
const RECOVER_WORDS = ['recover', 'recovery', 'recuperer', 'recupere', 'recup', 'reprendre', 'recouvrer'];
export const isRecoverWord = (raw: string): boolean => RECOVER_WORDS.includes(foldText(raw).trim());
/** A decision's side (`seller`, `vendeur`, `acheteur`), or null. */
export const sideOf = (raw: string | undefined): Side | null => match(SIDE_WORDS, raw);
/** A case list's name (`escalated`, `en-retard`, `attente`), or null. */
export const queueOf = (raw: string | undefined): Queue | null => match(QUEUE_WORDS, raw);

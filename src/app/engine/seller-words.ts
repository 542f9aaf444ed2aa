import { foldText } from '../../domain/text.js';
import { readAmount } from '../format.js';

/**
 * What a seller's words to the buyer announce that a button would do: a refund (« je vais rembourser »,
 * « je rembourse 5000 », "refund 50%") or a tracking number (« voici le suivi DHL 1234567890 »). Words
 * never move money nor change a case: they only let the bot offer the button that does.
 */

/** « rembourser », "refund", Lingala « kozongisa mbongo », Swahili « kurudisha pesa ». */
const REFUND = /\b(?:rembours\w*|refund\w*|\w*zongis\w* (?:mbongo|misolo|(?=\d))|\w*rudish\w* (?:pesa|fedha|elfu|(?=\d)))/;
/** « je ne rembourserai pas », "I won't refund", « pas de remboursement », Lingala « … te » at the end, « sitarudisha ». */
const NEGATED =
  /\b(?:ne|pas|jamais|aucun\w*|refuse\w*|won t|wont|will not|can t|cant|cannot|not|no|never|don t|dont|hapana|si\w*rudish\w*)\b|\bte\W*$/;
/** A question about a refund (« avez-vous été remboursé ? ») announces none. */
const QUESTION = /\?\s*$/;
/** An amount written with the refund: `5000`, `5 000 FC`, `5k`, `50%`, « la moitié ». */
const AMOUNT =
  /(?:(?:cdf|fc|usd|\$|eur|€)\s*)?\d[\d .,]*(?:\s*(?:k|mille|thousand|elfu))?(?:\s*(?:%|pour ?cent|percent|cdf|fc|francs? congolais|francs?|usd|\$|dollars?|eur|€|euros?))?|\b(?:la moitie|moitie|half|nusu)\b/;

/** A refund the seller's words announce: with the amount as written (null for the whole rest), or null for none. */
export function refundInWords(text: string): { amount: string | null } | null {
  const t = foldText(text).replace(/[’']/g, ' ');
  if (!REFUND.test(t) || NEGATED.test(t) || QUESTION.test(text.trim())) return null;
  const from = t.slice(t.search(REFUND));
  const amount = AMOUNT.exec(from);
  if (amount) return { amount: amount[0].trim() };
  // An amount in words after the verb (« nitarudisha elfu ishirini », « je rembourse cinq mille »), when they are
  // nothing but an amount.
  const words = from.replace(/^\S+\s*/, '').replace(/^(?:pesa|fedha|mbongo|misolo)\s*/, '').replace(/[.!]+$/, '').trim();
  return { amount: words && readAmount(words, 'CDF') ? words : null };
}

/** « tout », « la totalité », « intégral », "full", "all", Lingala « nyonso », Swahili « yote »: the whole of what is left. */
const WHOLE = /^(?:(?:le |la |en |tout |the |in )?(?:tout|totalite|totalement|integral|integrale|integralement|complet|complete|entier|entierement|full|in full|all|everything|whole|the whole amount|nyonso|mbongo nyonso|yote|pesa yote|zote)(?: (?:le montant|rembourser|refund|the amount))?)$/;

/** The amount typed with `/refund` means the whole of what is left (« tout », "full"), not a number. */
export function meansWholeRefund(text: string): boolean {
  return WHOLE.test(foldText(text).replace(/[’']/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Carriers people name, as typed (folded), and how Palabre spells them. */
const CARRIERS: Record<string, string> = {
  dhl: 'DHL', fedex: 'FedEx', ups: 'UPS', tnt: 'TNT', ems: 'EMS', aramex: 'Aramex', usps: 'USPS', dpd: 'DPD', gls: 'GLS',
  colissimo: 'Colissimo', chronopost: 'Chronopost', 'la poste': 'La Poste', sopeco: 'SOPECO', transco: 'Transco',
};
const CARRIER = new RegExp(`\\b(${Object.keys(CARRIERS).join('|')})\\b`);
/** A tracking number: 6 to 30 letters and digits, digits among them. */
const NUMBER = /\b(?=[a-z0-9]*\d)[a-z0-9]{6,30}\b/;

/** A carrier and tracking number written in the seller's words, or null. */
export function trackingInWords(text: string): { carrier: string; number: string } | null {
  const t = foldText(text).replace(/[’']/g, ' ');
  const carrier = CARRIER.exec(t);
  if (!carrier) return null;
  const number = NUMBER.exec(t.slice(carrier.index + carrier[0].length)) ?? NUMBER.exec(t);
  if (!number) return null;
  return { carrier: CARRIERS[carrier[1]!]!, number: number[0].toUpperCase() };
}

/**
 * Proofs of shipping (SPEC section 1) a seller's caption names: « reçu d'envoi », « bordereau DHL », "customs form",
 * « formulaire de douane », « preuve de livraison », "departure scan"; Swahili « risiti », « forodha ». Most specific first;
 * « reçu » after « a », « bien », « pas » is the verb (« le client a bien reçu »), not a receipt.
 */
const PROOF_WORDS: ReadonlyArray<[RegExp, 'shipping_receipt' | 'customs_form' | 'delivery_confirmation' | 'departure_scan']> = [
  [/\b(?:douane\w*|customs?|cn ?2[23]|forodha)\b/, 'customs_form'],
  [/\b(?:(?:confirmation|preuve|accuse|avis) (?:de )?(?:livraison|reception)|(?:delivery|receipt) confirmation|proof of delivery)\b/, 'delivery_confirmation'],
  [/\b(?:scan (?:de |du )?depart|departure scan|(?:scan|preuve) (?:de |du )?(?:depot|prise en charge)|dispatch scan)\b/, 'departure_scan'],
  [/(?<!\b(?:a|ai|as|ont|avons|bien|pas|jamais) )\b(?:recu|recus|receipt|bordereau|recepisse|ticket (?:d )?envoi|bon d (?:envoi|expedition)|risiti|stakabadhi)\b/, 'shipping_receipt'],
];

/** The proof of shipping a file's caption names, or null: the file is then a plain photo or file. */
export function proofKindInWords(caption: string): 'shipping_receipt' | 'customs_form' | 'delivery_confirmation' | 'departure_scan' | null {
  const t = foldText(caption).replace(/[’']/g, ' ');
  return PROOF_WORDS.find(([words]) => words.test(t))?.[1] ?? null;
}

const SHOP = String.raw`(?:boutique|shop|store|magasin|compte|account|duka|butiki|magazini)`;
/**
 * « svp réactivez ma boutique », "please reinstate my shop", « levez la suspension », « débloquez mon compte »,
 * Swahili « fungua duka langu »: a seller asking support to lift a suspension.
 */
const REINSTATE = new RegExp(
  String.raw`\b(?:reactiv\w*|reinstat\w*|unsuspend\w*)\b` +
    String.raw`|\b(?:debloqu\w*|unblock\w*|restore\w*|retabli\w*|rouvr\w*|reopen\w*|fungu\w*|zongis\w*)\b.{0,30}\b${SHOP}\b` +
    String.raw`|\b(?:lev\w*|lift\w*|remove\w*|enlev\w*|annul\w*|ondo\w*)\b.{0,20}\b(?:suspension|usimamishaji)\b`,
);

/** The seller asks for their shop's reinstatement in words. */
export function asksReinstatement(text: string): boolean {
  return REINSTATE.test(foldText(text).replace(/[’']/g, ' '));
}

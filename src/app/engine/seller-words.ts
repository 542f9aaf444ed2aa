import { foldText } from '../../domain/text.js';
import { readAmount } from '../format.js';

/**
 * What a seller's words to the buyer announce that a button would do: a refund (« je vais rembourser »,
 * « je rembourse 5000 », "refund 50%") or a tracking number (« voici le suivi DHL 1234567890 »). Words
 * never move money nor change a case: they only let the bot offer the button that does.
 */

/** « rembourser », "refund", Lingala « kozongisa mbongo », Swahili « kurudisha pesa ». */
/** A pronoun or two may come between the verb and the money: « nakozongisela ye mbongo », « nitamrudishia yeye pesa ». */
/**
 * Money given back in other words: « je vais lui rendre son argent », Swahili « nitampa pesa yake », « nitakupa pesa yako »
 * (I will give him / you the money), Lingala « nakopesa ye mbongo na ye », "give her money back", "pay her back" (the
 * money named: "send the item back" is a return, not a refund).
 */
const REFUND =
  /\b(?:rembours\w*|refund\w*|\w*zongis\w*(?: \w+){0,2} (?:mbongo|misolo|(?=\d))|\w*rudish\w*(?: \w+){0,2} (?:pesa|fedha|elfu|(?=\d))|(?:nita|tuta)(?:m|wa|ku)?pa (?:\w+ )?(?:pesa|fedha|hela)\b|nakopes\w*(?: \w+){0,2} (?:mbongo|misolo)\b|rend\w*(?: \w+){0,2} (?:son|ses|votre|vos|leur|ton|l) (?:argent|fric|sous)\b|(?:give|send|pay|transfer)\w* (?:\w+ ){0,2}money back\b|(?:give|send)\w* back (?:\w+ ){0,2}money\b|pay\w* (?:her|him|them|you|the buyer|the customer|the client) back\b)/;
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
  const at = t.search(REFUND);
  if (at < 0 || NEGATED.test(clauseAt(t, at)) || QUESTION.test(text.trim())) return null;
  const from = t.slice(at);
  const amount = AMOUNT.exec(from);
  if (amount) return { amount: amount[0].trim() };
  // An amount in words after the verb (« nitarudisha elfu ishirini », « je rembourse cinq mille »), when they are
  // nothing but an amount.
  const words = from.replace(/^\S+\s*/, '').replace(/^(?:pesa|fedha|mbongo|misolo)\s*/, '').replace(/[.!]+$/, '').trim();
  return { amount: words && readAmount(words, 'CDF') ? words : null };
}

/** What ends a clause: a negation or a question counts in its own clause only (« je rembourse tout, c'est pas grave »). */
const CLAUSE_END = /[.,;:!?\n]|\b(?:mais|but|lakini|kasi|sauf|except)\b/g;

/** The clause of folded text `t` around position `at`. */
function clauseAt(t: string, at: number): string {
  let start = 0;
  let end = t.length;
  for (const stop of t.matchAll(CLAUSE_END)) {
    if (stop.index < at) start = stop.index + stop[0].length;
    else {
      end = stop.index;
      break;
    }
  }
  return t.slice(start, end);
}

/**
 * Money sent back outside Congocrea: mobile money sent from the seller's own phone, cash, a transfer. « par mobile
 * money », "on M-Pesa", « en espèces », « main à main », Swahili « taslimu », Lingala « na maboko ».
 */
const OUTSIDE_CHANNEL =
  /\b(?:mobile money|momo|m ?pesa|orange money|airtel money|afri ?money|tigo ?pesa|illico cash|cash|especes|en liquide|main a main|en main propre|de la main a la main|by hand|in person|western union|moneygram|virement|bank transfer|wire transfer|taslimu|mkono kwa mkono|na maboko|na loboko|mbongo ya maboko)\b/;
/**
 * A refund told as done: « j'ai (déjà) remboursé », « je l'ai remboursée », « je lui ai rendu son argent », "already refunded", "I refunded her", "paid
 * her back", Swahili « nimerudisha », « nimesharudisha », « nilimrudishia », Lingala « nazongisaki », « nazongiseli ».
 */
const REFUND_DONE =
  /\b(?:(?:ai|a|avons|ont|deja)(?: \w+){0,2} rembourse\w*|(?:ai|a|avons|ont|deja)(?: \w+){0,2} (?:remis|rendu|renvoye|retourne|redonne)(?: \w+){0,2} (?:argent|sous|fric|montant|paiement)|rembourse\w* (?:deja|hier|avant hier|ce matin)|already(?: \w+){0,2} (?:refund\w*|paid|sent|gave|returned)|(?:i|we|have|has) refunded|refunded (?:her|him|them|the (?:buyer|customer|client))|(?:paid|sent|gave) (?:\w+ ){0,3}back|(?:nime|nili|nimesha|tayari nime|nishaa?)\w*rudish\w*|\w*zongis(?:aki|i|eli|elaki|aka)\b)/;

/**
 * A refund the seller's words tell of, other than one to make through Congocrea: `done`, made outside it (« j'ai déjà
 * remboursé par mobile money »), which the refund button would pay a second time; `unrecorded`, told as done without
 * saying how (« j'ai remboursé ») while the case shows none; `past`, told as done while the case shows a refund
 * (nothing to offer); `planned`, to be made outside it (« je vais la rembourser en espèces »). Null otherwise.
 * `refundedSoFar`: what the case shows refunded.
 */
export function refundOutsideInWords(text: string, refundedSoFar: number): 'done' | 'unrecorded' | 'past' | 'planned' | null {
  const t = foldText(text).replace(/[’']/g, ' ');
  const done = REFUND_DONE.exec(t);
  const channel = OUTSIDE_CHANNEL.test(t);
  if (done && !NEGATED.test(clauseAt(t, done.index))) return channel ? 'done' : refundedSoFar === 0 ? 'unrecorded' : 'past';
  return channel && refundInWords(text) ? 'planned' : null;
}

/**
 * The seller says the order arrived, without a tracking number: « je l'ai livré moi-même », « remis en main propre »,
 * "I delivered it", Swahili « nimeifikisha », « imefika », Lingala « ekomaki ». A proof of shipping or tracking is what
 * shows it. « Le colis est parti » (on its way) is news the buyer waits on, not a claim to prove.
 */
const DELIVERED =
  /\b(?:(?:ai|a|avons|ont|est|sont|ete|deja|bien)(?: \w+){0,2} (?:livre|livree|livres|livrees|remis|remise|depose|deposee)|livre (?:moi meme|en personne|a domicile)|(?:i|we|was|were|been|has|have|already) (?:\w+ )?delivered|delivered (?:it|them|the (?:parcel|package|order|item|goods))|handed (?:it )?over|(?:nime|nili|tayari nime)(?:fikisha|mfikishia|ifikisha|mpelekea)\w*|imefika|ekomaki|nakabaki)\b|\b(?:il|elle|lui|client\w*|acheteu\w*|buyer|customer|he|she|mama|madame|monsieur)(?: \w+){0,2} (?:a|as|est|has|have) (?:bien |deja |already |tout |effectivement )?(?:recu|received)\b|\b(?:amepokea|ameshapokea|alipokea|ashapokea|azwaki|azuaki|asili kozwa)\b/;

/** The seller's words say the order was delivered (not denied in the same clause). */
export function deliveryClaimedInWords(text: string): boolean {
  const t = foldText(text).replace(/[’']/g, ' ');
  const claimed = DELIVERED.exec(t);
  return !!claimed && !NEGATED.test(clauseAt(t, claimed.index)) && !QUESTION.test(text.trim());
}

/** « fermez le dossier », « clôturez le litige », "close this case", Swahili « funga kesi », Lingala « kanga likambo ». */
const CLOSE_CASE =
  /\b(?:ferm\w*|clotur\w*|clore|close|closing|funga|fungeni|kanga|kangisa)\b(?: \w+){0,3} (?:litige|dossier|cas|case|dispute|kesi|likambo|plainte|ticket|reclamation)\b/;

/** The seller asks for the case to be closed in words. */
export function asksToClose(text: string): boolean {
  const t = foldText(text).replace(/[’']/g, ' ');
  const asked = CLOSE_CASE.exec(t);
  return !!asked && !NEGATED.test(clauseAt(t, asked.index));
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

/** Words that may stand before a number given alone: « suivi : », « n° », "tracking no.", Swahili « namba ». */
const NUMBER_LEAD = /^(?:(?:voici |voila |le |mon |my |the )?(?:suivi|tracking|numero de suivi|tracking number|code|colis|namba|nimero|numero|num|no|n ?°|nr)\b[\s:#.°]*)*/;
/**
 * A tracking number given alone, without its carrier (« JD0150 », « n° RR123456789CD », "1234567890"): letters then
 * digits, or ten digits or more (shorter digits alone are amounts). Null for anything else.
 */
export function bareTrackingNumber(text: string): string | null {
  const t = foldText(text).replace(/[’']/g, ' ').replace(NUMBER_LEAD, '').replace(/[.!]+$/, '').trim();
  return /^(?:[a-z]{1,4}\d{4,}[a-z]{0,3}|\d{10,30})$/.test(t) ? t.toUpperCase() : null;
}

/**
 * A tracking number given inside a sentence after its label: « voici le numero de suivi 123456 », « suivi : RR123456CD »,
 * "tracking number is 88776655", Swahili « namba ya ufuatiliaji 556677 ». Six characters or more, digits among them.
 */
const LABELLED_NUMBER =
  /\b(?:numero de suivi|no de suivi|n de suivi|code de suivi|numero du colis|numero d envoi|suivi|tracking(?: number| no| code| id)?|namba ya (?:ufuatiliaji|kufuatilia|mzigo)|nimero ya suivi)(?: (?:est|c est|is|ni|ezali|du colis))?[\s:#.°n-]*((?=[a-z]{0,6}\d)[a-z0-9]{6,30})\b/;

/** A tracking number named by its label within the seller's words (see LABELLED_NUMBER), or null. */
export function labelledTrackingNumber(text: string): string | null {
  const found = LABELLED_NUMBER.exec(foldText(text).replace(/[’']/g, ' '));
  return found && /\d/.test(found[1]!) ? found[1]!.toUpperCase() : null;
}

/**
 * A seller asking for more time (« donnez moi encore 2 jours », « un peu de temps svp », "give me 2 more days", Swahili
 * « nipe siku mbili zaidi », « muda zaidi », Lingala « pesa ngai mikolo mibale »): Palabre does not move the deadline, and
 * says until when the buyer waits before support may be asked.
 */
const MORE_TIME =
  /\b(?:(?:donn\w*|accord\w*|laiss\w*)(?: \w+){0,3} (?:\d+|un|une|deux|trois|quatre|cinq|quelques) (?:petits? )?(?:jours?|semaines?|heures?)|(?:encore|plus de|un peu de|quelques) (?:\d+ |deux |trois |petits? )?(?:jours?|temps|delai|semaines?)|delai supplementaire|prolong\w*(?: \w+){0,2} (?:delai|temps)|(?:give|grant|allow)(?: \w+){0,2} (?:\d+|one|two|three|a few|some|a couple of|more)(?: \w+){0,2} (?:days?|weeks?|time)|(?:\d+|one|two|three|a few|some|couple) more (?:days?|weeks?|hours?)|more time|an extension|nipe (?:siku|muda|wiki)|(?:siku|muda|wiki) (?:zaidi|mingine|nyingine)|(?:pesa|pesi) ngai (?:mikolo|ntango|tango)|(?:mikolo|ntango|tango) (?:mosusu|lisusu))\b/;

/** The seller asks for more time in words (not denied in the same clause, not a question about it). */
export function asksForMoreTime(text: string): boolean {
  const t = foldText(text).replace(/[’']/g, ' ');
  const asked = MORE_TIME.exec(t);
  return !!asked && !/\b(?:pas|ne|not|no|hapana|te)\b/.test(clauseAt(t, asked.index).replace(/\bpas de probleme\b/, ''));
}

/** A photo's caption that calls it a proof without naming which (« preuve », "proof", « ushahidi », « elembeteli »). */
const PROOF_LOOSE = /\b(?:preuves?|proofs?|justificatifs?|ushahidi|uthibitisho|elembeteli|bilembeteli)\b/;

/** The caption calls the file a proof, without naming a kind `proofKindInWords` knows. */
export function callsItProof(caption: string): boolean {
  return PROOF_LOOSE.test(foldText(caption).replace(/[’']/g, ' ')) && proofKindInWords(caption) === null;
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

import type { ProblemKind } from '../../domain/types.js';

/**
 * A small keyword classifier over normalized text. It only proposes: the buyer confirms the
 * reason with buttons, so a wrong guess costs one tap, never a wrong case.
 */

/** Lower case, accents folded, curly quotes straightened, spaces collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/\s+/g, ' ')
    .trim();
}

const PATTERNS: Array<[Exclude<ProblemKind, 'other'>, RegExp[]]> = [
  [
    'non_delivery',
    [
      /\bjamais (ete )?(recu|arrive|livre|eu|vu)/,
      /\b(pas|rien) (encore |toujours |jamais )?(ete )?(recue?s?|arrivee?s?|livree?s?)\b/,
      /\bn'(est|a|ai|avons|ont) (toujours |jamais |pas )*(pas |jamais )?(ete )?(arrivee?|recue?|livree?)/,
      /\b(colis|commande|paquet) (est |a ete |semble )?(perdue?|introuvable|egaree?)/,
      /\bou (est|en est) (ma|mon) (commande|colis|paquet|livraison)/,
      /\b(toujours|encore) (en )?attente (de|du) (ma|mon|la|le) (commande|colis|paquet|livraison)/,
      /\bj'attends (toujours|encore|depuis)/,
      /\bpas de nouvelles? de (ma|mon|la|le) (commande|colis|paquet|livraison)/,
      /\bnon (recue?|livree?)\b/,
      /\bnever (arrived|came|showed up|turned up|got (here|delivered)|been delivered|delivered|received|got it)/,
      /\b(has|have|did|does|had|was|wasn't|hasn't|haven't|didn't)( ?n'?t| not)? (yet )?(arrived|arrive|come|came|received|receive|been delivered|get it|got it|show up|turned up)\b/,
      /\b(hasn't|haven't|didn't|not|never) (yet )?(arrived|received|delivered|come)\b/,
      /\b(lost|missing) (parcel|package|order|delivery|shipment)\b/,
      /\b(parcel|package|order|shipment|delivery) (is |was |got )?(lost|missing)\b/,
      /\bwhere is my (order|parcel|package|delivery|stuff)\b/,
      /\bstill (waiting|haven't|have not|not)\b/,
      /\bno sign of (my|the) (order|parcel|package|delivery)\b/,
      /\bnot (been )?delivered\b/,
    ],
  ],
  [
    'not_as_described',
    [
      /\bne correspond (pas|plus|en rien)/,
      /\bpas (du tout )?(conforme|comme (sur |dans |a )?(la |l'|le )?(photo|annonce|description|image))/,
      /\bnon conforme\b/,
      /\b(differente?s?|autre) (de|que) (la |l'|le |ce qui )?(photo|annonce|description|image|etait)/,
      /\b(mauvaise|pas la bonne|autre) (couleur|matiere|qualite|piece|reference)/,
      /\b(mauvais|pas le bon) (article|produit|modele|tissu|motif|objet|colis)/,
      /\b(abime|abimee|casse|cassee|endommage|endommagee|defectueux|defectueuse|dechire|dechiree|tache|tachee|troue|trouee)s?\b/,
      /\b(contrefacon|faux|fausse|imitation|copie)\b/,
      /\b(il )?(manque|manquait) (un|une|des|deux|trois|[0-9]+|la|le|les)\b/,
      /\bpas ce que j'ai commande\b/,
      /\bnot as (described|pictured|shown|advertised)\b/,
      /\b(doesn't|does not|didn't|did not|don't|do not) (match|look like|correspond)\b/,
      /\bdifferent (from|than|to) (the )?(photo|picture|listing|description|image|ad)\b/,
      /\bwrong (colou?r|item|product|model|material|fabric|pattern|thing|article)\b/,
      /\b(damaged|broken|defective|faulty|torn|stained|ripped|cracked)\b/,
      /\b(fake|counterfeit|knock-?off|replica)\b/,
      /\bnot what i (ordered|bought|paid for)\b/,
      /\b(missing|one less) (item|piece|part|pieces|items)\b/,
      /\bpoor quality\b|\bmauvaise qualite\b/,
    ],
  ],
  [
    'wrong_size',
    [
      /\b(mauvaise|pas la bonne|erreur de|trompee? de) taille\b/,
      /\btrop (petite?|grande?|serree?|large|court|courte|long|longue|etroite?)s?\b/,
      /\bne me va pas\b/,
      /\bwrong size\b/,
      /\btoo (small|big|large|tight|loose|short|long|narrow)\b/,
      /\b(doesn't|does not|don't|do not) fit\b/,
      /\bordered the wrong\b/,
    ],
  ],
  ['cancellation', [/\bannul(er|ation|ez|e)\b/, /\bcancel(l?ed|l?ing|lation)?\b/, /\bne (la |le )?veux plus\b/, /\bchanged my mind\b/]],
  [
    'return_request',
    [/\b(retourner|renvoyer|rendre|retour)\b/, /\b(echanger|echange)\b/, /\breturn(ing|ed)?\b/, /\bsend (it |them )?back\b/, /\bexchange\b/],
  ],
  ['refund_request', [/\brembours(er|ement|e|ez|ee)\b/, /\brefund(ed|ing)?\b/, /\bmoney back\b/, /\bmon argent\b/]],
];

const GENERIC_PROBLEM = [
  /\b(probleme|souci|soucis|reclamation|litige|plainte|pas content|pas satisfaite?|decue?|arnaque)\b/,
  /\b(problem|issue|complaint|dispute|unhappy|not happy|disappointed|scam)\b/,
];

/** What a buyer's message says went wrong, `other` when it is a problem of no known kind, null when it is not one. */
export function classifyProblem(text: string): ProblemKind | null {
  const t = normalize(text);
  for (const [kind, patterns] of PATTERNS) if (patterns.some((p) => p.test(t))) return kind;
  return GENERIC_PROBLEM.some((p) => p.test(t)) ? 'other' : null;
}

const FR_WORDS = new Set(
  ('le la les l un une des du de d et est ce c ma mon mes je j n ne pas jamais toujours rien avec pour sur dans au aux ' +
    'commande colis paquet arrive arrivee recu recue livre livree photo bonjour merci oui non qui que qu il elle ' +
    'vous nous tres trop mais ou vendeur vendeuse article couleur taille annuler rembourser retour probleme ' +
    'correspond encore attends depuis mauvaise mauvais veux voudrais').split(' '),
);
const EN_WORDS = new Set(
  ('the a an my is it its was never not no yes i you we and of to in on for with didn doesn don isn hasn haven wasn ' +
    'order parcel package arrived received delivered photo picture hello hi thanks thank please what where why ' +
    'seller item colour color size cancel refund return problem wrong match still waiting want would got came ' +
    'broken damaged this that').split(' '),
);

/** `fr` or `en` when the text clearly leans one way, else null (short or mixed texts). */
export function detectLanguage(text: string): 'fr' | 'en' | null {
  const words = normalize(text).split(/[^a-z]+/).filter(Boolean);
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (FR_WORDS.has(w)) fr++;
    if (EN_WORDS.has(w)) en++;
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

/** Order numbers written in the text (`CC-1001`), upper-cased, case numbers excluded. */
export function findOrderIds(text: string): string[] {
  const found = text.match(/\b[A-Za-z]{2,5}-\d{2,12}\b/g) ?? [];
  return [...new Set(found.map((s) => s.toUpperCase()))];
}

/** A case number written in the text (`C-000123`, `c-123`), in its stored form. */
export function findCaseId(text: string): string | null {
  const m = /\bC-?(\d{1,12})\b/i.exec(text);
  return m ? normalizeCaseId(`C-${m[1]}`) : null;
}

/** `c-12` → `C-000012`; anything that is not a case number is returned upper-cased as it is. */
export function normalizeCaseId(raw: string): string {
  const m = /^C-?(\d{1,12})$/i.exec(raw.trim());
  return m ? `C-${m[1]!.padStart(6, '0')}` : raw.trim().toUpperCase();
}

const OFF_PLATFORM = [
  /\b(e-?mail|mail|mails|courriel|e-?maile|mailer)\b/,
  /\b(telephone|telephoner|telephonee?s?|appelee?s?|appeler|appels?|coup de fil|whatsapp|sms|textos?)\b/,
  /\b(e-?mailed|emailing|phoned|phoning|called|calling|rang|phone call|texted|whatsapp|sms)\b/,
  /\bon the phone\b|\bby phone\b|\bpar tel\b/,
];

/** True when the text says the problem was raised by e-mail or phone, outside the marketplace's messages. */
export function mentionsOffPlatform(text: string): boolean {
  const t = normalize(text);
  return OFF_PLATFORM.some((p) => p.test(t));
}

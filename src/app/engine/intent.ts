import type { ProblemKind } from '../../domain/types.js';
import { decide, defaultClassifier, trainDefaultClassifier } from './understanding/classifier.js';
import { cuesOf, hasProblemCue, hasTroubleCue } from './understanding/cues.js';
import { canonical, inAnyWindow, normalize } from './understanding/features.js';

/**
 * What a buyer's message is about. The classifier only proposes: the buyer confirms the reason with
 * buttons, so a wrong guess costs one tap, never a wrong case. It is trained from a labelled corpus
 * (test/fixtures/understanding/, see understanding/classifier.ts), not tuned by hand here.
 */

export { normalize };

/** What a buyer's message says went wrong, `other` when it is a problem of no known kind, null when it is not one. */
export function classifyProblem(text: string): ProblemKind | null {
  const kind = decide(defaultClassifier(), text);
  if (kind !== 'other') return kind;
  // « j'ai un problème avec ma commande, la montre ne s'allume pas »: the preamble only says that something is
  // wrong, and its weight made the whole message « autre problème ». What follows it says what, when it names a
  // problem itself (« … avec ce vendeur » does not).
  const rest = afterTroublePreamble(text);
  const again = rest && hasProblemCue(rest) ? decide(defaultClassifier(), rest) : null;
  if (again && again !== 'other') return again;
  // « où sont mes affaires ?? SCAM », « VOLEURS le sac est pas celui de la photo »: the accusation or the threat says how the
  // buyer feels, and its weight made the whole message « autre problème ». What is left says what went wrong, when it says it.
  const calm = withoutAccusations(text);
  const plain = calm !== null && hasProblemCue(canonical(calm)) ? decide(defaultClassifier(), calm) : null;
  return plain && plain !== 'other' ? plain : kind;
}

/** Accusations and threats said around a problem: « arnaque », "scam", « voleurs », « escrocs », « je vais porter plainte », "I'll report you", « wezi », « bayibi ». */
const ACCUSATION =
  /(?:^|[^\p{L}])(?:(?:bande|espece|tas|bunch) (?:de |d'|of )?)?(?:arnaque\w*|arnaqueu?r\w*|scam\w*|voleu?r\w*|voleuse\w*|thief|thieves|escro\w*|fraud\w*|bandits?|menteu?r\w*|liars?|wezi|mwizi|matapeli|moyibi|bayibi|(?:je vais|j vais|jvais|j'vais|on va|nous allons) porter plainte|i(?:'ll| will|ll) report (?:you|u|this|them)|nitawashtaki|nitakushtaki)(?=$|[^\p{L}])/gu;

/** The message without its accusations and threats (see ACCUSATION), when there were some and two words or more are left. */
function withoutAccusations(text: string): string | null {
  const t = normalize(text);
  const calm = t.replace(ACCUSATION, ' ').replace(/\s+/g, ' ').trim();
  return calm !== t && calm.split(' ').filter((w) => /\p{L}/u.test(w)).length >= 2 ? calm : null;
}

/**
 * The words after a leading « j'ai un problème avec ma commande » / "I have an issue with my order" / « nina shida
 * na oda yangu » (canonical form), when there are at least two; null when the message does not start so.
 */
export function afterTroublePreamble(text: string): string | null {
  const words = canonical(text).split(' ').filter(Boolean);
  let k = 0;
  while (k < words.length && (TROUBLE_ONLY.has(words[k]!) || /\d/.test(words[k]!) || words[k]!.length < 3)) k += 1;
  const lead = words.slice(0, k);
  if (!lead.some((w) => TROUBLE_WORDS.has(w))) return null;
  const rest = words.slice(k);
  return rest.length >= 2 ? rest.join(' ') : null;
}

/**
 * How sure the classifier must be of a guess made with no word of a problem in the message for it to count as said:
 * below it, a message naming an order and nothing wrong is the order named, and « bon je vais voir » is no problem.
 */
const SURE_GUESS = 0.6;

/**
 * The message says a problem, not only lets the classifier guess one from its other words: it holds a word only a
 * problem would use (« cassé », "never came"), or the classifier's best guess of a problem is sure.
 */
export function saysSurely(text: string): boolean {
  return hasProblemCue(canonical(text)) || (rankProblems(text)[0]?.score ?? 0) >= SURE_GUESS;
}

/**
 * What a message that names an order says went wrong. « le sac », « non pas celle-là, c'est la 1001 », "the
 * bag" answer which order, or correct it: no word of a problem in them, only the classifier's weak guess
 * (the item's name reads like a complaint about the item), so they state no problem and the one already
 * said stands. A message that names no order is read as `classifyProblem` reads it.
 */
export function classifyWithOrder(text: string, namesOrder: boolean): ProblemKind | null {
  const kind = classifyProblem(text);
  return !kind || !namesOrder || saysSurely(text) ? kind : null;
}

/**
 * The problem the message says, when it says one: what `classifyProblem` reads where the message holds a word of a
 * problem or the classifier is sure; null for a weak guess from other words (« bon je vais voir », « je suis au
 * travail là »), which is no problem said where something is already under way.
 */
export function classifySurely(text: string): ProblemKind | null {
  const kind = classifyProblem(text);
  return kind && saysSurely(text) ? kind : null;
}

/** The message says the seller does not answer or cannot be reached (« il répond pas », « hajajibu », « ayanoli te »). */
export function saysSellerSilent(text: string): boolean {
  return cuesOf(canonical(text)).includes('seller_contact');
}

/** The message says money came back (« il m'a remboursé », "I got my refund", « nimerudishiwa pesa »), not that it did not. */
export function saysRefunded(text: string): boolean {
  const cues = cuesOf(canonical(text));
  return cues.includes('refund_done') && !cues.includes('money_not_back');
}

/** The message holds a word only a problem would (« cassé », "never came"), not only a guess from its other words. */
export function statesProblem(text: string): boolean {
  return hasProblemCue(canonical(text));
}

/** The message says something went wrong, beyond the return, refund or date a question is about (see cues.hasTroubleCue). */
export function statesTrouble(text: string): boolean {
  return hasTroubleCue(canonical(text));
}

/**
 * Words that say only that something is wrong with an order, and which one: greetings, politeness, « problème »,
 * "issue", « shida », « aidez-moi », the words for an order, and the little words around them (canonical forms).
 */
const TROUBLE_ONLY = new Set(
  (
    // greetings, politeness
    'bonjour bonsoir salut hello hi hey yo mbote habari jambo svp stp please merci thanks thank s il vous te plait asante matondi tafadhali naomba ' +
    // French little words
    'j ai a un une le la les l de du des d avec sur pour mon ma mes ce cet cette il elle y est c en me moi m je nous vous au aux et ou que qui ' +
    'concernant sujet niveau rapport par petit gros grave urgent vraiment encore toujours avc ' +
    // English little words
    'i have has had got a an the my with about on for there is some me we our this that it its of to in regarding really small big serious ' +
    // Lingala and Swahili little words
    'na ngai ya nazali nazo ezali yangu nina kuna kwa ' +
    // that there is a problem, that help is needed
    'probleme problemes souci soucis issue issues problem problems trouble question questions help aide aidez aider besoin need ' +
    'reclamation plainte complaint signaler report shida tatizo likambo msaada lisalisi nisaidie sunga ' +
    // the order, and which one
    'commande commandes colis paquet achat article articles produit order orders parcel package item items product purchase oda numero number no ' +
    'celle celui cette one which laquelle lequel'
  ).split(' '),
);

/** The words of TROUBLE_ONLY that say there is a problem (the others are politeness, little words and the order). */
const TROUBLE_WORDS = new Set(
  'probleme problemes souci soucis issue issues problem problems trouble reclamation plainte complaint shida tatizo likambo'.split(' '),
);

/**
 * The message says only that there is a problem with an order (« j'ai un problème avec ma commande 1001 », "I have
 * an issue with my order", « aidez-moi svp », « souci avec le sac »), not what it is. `titles`: the buyer's item
 * titles, whose words name the order, not the problem. A problem of no known kind said in words of its own (an
 * address to change, an invoice, the seller's manners) is not this: it can be proposed as it is.
 */
export function saysOnlyTrouble(text: string, titles: readonly string[] = []): boolean {
  const itemWords = new Set(titles.flatMap((title) => canonical(title).split(' ')));
  return canonical(text)
    .split(' ')
    .filter((w) => w && !TROUBLE_ONLY.has(w) && !itemWords.has(w) && !/\d/.test(w))
    .every((w) => w.length < 3);
}

/** Trains the classifier now rather than on the first buyer message (a few hundred ms, once). */
export function prepareClassifier(): void {
  defaultClassifier();
}

/** Trains the message classifier in the background, a few ms at a time (see `trainDefaultClassifier`). */
export async function prepareClassifierInBackground(): Promise<void> {
  await trainDefaultClassifier();
}

/** Every problem kind with the classifier's probability for this message, most likely first (for offering alternatives). */
export function rankProblems(text: string): Array<{ kind: ProblemKind; score: number }> {
  return defaultClassifier()
    .rank(text)
    .flatMap((r) => (r.label === 'none' ? [] : [{ kind: r.label, score: r.score }]));
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

/**
 * Contact outside the marketplace's messages: an e-mail, a call, WhatsApp, a text sent to the other
 * party; a threat to take it to Facebook or the police (the case is where it gets settled). A phone as a product (« j'ai commandé un téléphone ») or the carrier's SMS (« SMS de suivi »)
 * is not contact; neither is the courier calling to say he is on his way.
 */
const OFF_PLATFORM = [
  // (The buyer's own e-mail address changed on the account, "change my email address", « modifier mon adresse mail », is no
  // contact; « écrivez-moi sur mon mail » is.)
  /(?<!\b(?:change|changer|modifier|update|updating|changing|reset) (?:(?:my|mon|ma|l|the|votre|your) )?(?:adresse )?(?:e )?)\b(?:e ?mail\w*|mail|mails|courriel\w*|whatsapp|whats app)\b/,
  /\b(?:au|par|sur le|by|on the|over the) (?:telephone|tel|phone|portable)\b|\bphone (?:call|calls)\b|\bphoned\b|\bcoup de fil\b/,
  /\b(?:telephoner|telephonez)\b|\b(?:ai|a|avons|ont|l ai|lui ai|les ai) telephone\b/,
  // (« vous appelez ça du wax ? », « je m'appelle Nadine » name a thing or a person: no call; « je vous appelle enfin je vous
  // écris » is dictation correcting itself.) East-African English: "not picking my calls" (not answering them).
  /(?<!\b(?:je m|tu t|s|nous nous|vous vous) )\b(?:appel\w*(?! (?:ca|cela|ceci|enfin|pardon|plutot|euh)\b)|called|calling|rang)\b|\bpick(?:ing|ed|s)? (?:up )?(?:(?:my|his|her|our|the) )?(?:calls?|phone)\b/,
  // Swahili « muuzaji hajibu simu », « hapokei simu zangu » (he does not answer my calls); Lingala « apokeli telefone te »,
  // « nabetaki ye telefone » (I called him): calls the buyer made.
  /\b(?:hajibu|hapokei|hapokelei|hashiki|hakupokea|hajapokea|hakujibu|hajajibu|anakata)(?: \w+)? simu\b|\b(?:nabet\w*|tobet\w*|kobeta)(?: \w+){0,2} (?:telephone|telefone|tel|appel)\b|\b(?:apokeli|apokelaka|ayanoli|ayanolaka|akangi|akangaka) (?:\w+ )?(?:telephone|telefone|tel|appel)\b/,
  // Lingala « nabengaki moteki na téléphone » (I called the seller), « mosombi abengaki ngai » (the buyer called me),
  // Swahili « nilimpigia muuzaji simu » (I phoned him).
  /(?<!\bmpo )\b(?:na|kwa) (?:telephone|telefone|telefoni|tel|simu)\b|\b\w*pigia\b(?: \w+){0,2} simu\b|\bsimu\b(?: \w+){0,2} \w*pigia\b|\b(?:nabengaki|nabengi|nabenga) (?:moteki|mosombisi|ye|bango)\b|\b(?:abengaki|abengi|abengaka|babengaki) (?:ngai|biso)\b/,
  // « numéro de téléphone du vendeur », Lingala « numero ya telefone », « nakobenga ye » (I will call him), Swahili « namba ya simu ».
  /\b(?:donnez|donne|donner|envoyez|pesa|give|send|nipe|nipatie)(?: moi| ngai| me| mimi)? (?:le |son |leur |his |her |the |their )?(?:numero|number|namba|contact)\b|\b(?:numero|number|namba)(?: de| du| ya| wa)?(?: telephone| telefone| tel| simu| whatsapp| portable)?(?: du| de la| de| ya| wa| of the| of)? (?:vendeur|vendeuse|boutique|seller|shop|moteki|mosombisi|muuzaji)\b|\bseller s (?:phone |whatsapp |mobile )?(?:number|email|e mail|contact)\b|\b(?:nakobenga|tobenga|nabengi|nabengaki|nabenga) (?:ye|bango|moteki|mosombisi|vendeur)\b|\bnitampigia\b/,
  // « nipigie kwa 0812345678 » (call me on), Lingala « benga ngai na 0812345678 »: asking to be called.
  /\b(?:nipigie|unipigie|mnipigie|benga ngai|bengaka ngai)\b/,
  // Swahili « nimempigia muuzaji », « nilimpigia », « tuliwapigia » (I called him, we called them), said without « simu »;
  // « nilimtumia muuzaji sms »; "he rings me"; « j'ai écrit au vendeur sur fb ».
  /\b(?:ni|tu)(?:li|me|na|ta)(?:m|wa)pigia\b|\b(?:ni|tu)(?:li|me)(?:m|wa)tumia (?:\w+ ){0,2}(?:sms|meseji|text)\b|\b(?:rings|ringing) (?:me|us|my)\b|\b(?:ecrit|ecri|ecris|contacte\w*|message|messaged|wrote|dm|dmed|texted) (?:\w+ ){0,3}(?:sur|on|via|par) (?:fb|messenger|insta|ig)\b/,
  // Taking it to the public or to the authorities: Facebook and other networks, the police, a court.
  // (An advert seen there, « une publicité sur Facebook », is not taking it there.)
  /(?<!\b(?:publicite|pub|vu|vue|annonce|ad|advert|seen|saw it) (?:sur |on )?)\b(?:facebook|instagram|tiktok|twitter|reseaux sociaux|social media)\b|\b(?:police|polisi|commissariat|tribunal|lawyer|mahakama)\b/,
  // « le vendeur m'a dit par SMS »: the seller's text, not the carrier's.
  /\b(?:vendeu\w*|seller|boutique|shop|muuzaji|moteki)\b.{0,30}\b(?:par|by|via|kwa|na) (?:sms|texto|text)\b/,
  /\b(?:texted|texting)\b|\b(?:envoie|envoye|envoyer|envoyez|envoyons|ecrit|ecris|sent|send|sending)\b (?:un |une |a |an |des )?(?:sms|texto|textos|text|texts)\b|\b(?:sms|texto)\b (?:au|a) (?:vendeu\w*|boutique|lui)\b/,
];
/** The courier calling is part of the delivery, not a conversation with the seller. */
/** The same in Lingala and Swahili: « motindi akoki kobenga ngai na telephone », « dereva anaweza kunipigia simu ». */
const COURIER_CALL_LN_SW =
  /\b(?:motindi|moto ya livraison|motu ya livraison|dereva|mtu wa delivery|msafirishaji|rider|boda|livreur|courier|driver)\b (?:\w+ ){0,2}?(?:akobenga|kobenga|abenga|abengi|abengaki|anipigie|kunipigia|atanipigia|alinipigia|amenipigia|ananipigia)\b(?: ngai| mimi)?(?: (?:na|kwa) (?:telephone|telefone|tel|simu)| simu)?/g;
const COURIER_CALL =
  /\b(?:livreur|transporteur|courier|delivery (?:guy|man|driver)|driver) (?:(?:va|pourra|peut|doit|will|can|could|should|may) )?(?:m a |me |m |nous a |nous )?(?:appel\w*|called|call|rang|ring)\b|\b(?:livreur|transporteur|courier|delivery (?:guy|man|driver)|driver|rider) (?:is |was |has )?(?:not |nt |never )?(?:been )?(?:picking|pick|picked|answering|answer\w*) (?:up )?(?:my |the |his )?(?:calls?|phone)\b|\b(?:appel\w*|called|rang|phoned) (?:le |au |du |the )?(?:livreur|transporteur|courier|delivery (?:guy|man|driver)|driver)\b/g;

/**
 * Threats of harm against the other party, as people type them: « je vais te frapper », « je viens chez toi avec mes
 * gars », « tu vas le regretter », « je sais où tu habites », "I will kill you", "watch your back", Swahili « nitakuua »,
 * « utajuta », Lingala « nakoboma yo », « bazali koluka yo ». Read on canonical text (lower case, no accents). Visits
 * and news are not threats: « je passe chez vous demain », « mes gars vont livrer demain ».
 */
const THREATS: RegExp[] = [
  /\b(?:vais|va|allons|vont|veux|viens|vient) (?:te|t|vous|lui) (?:tuer|frapper|taper|bruler|faire du mal|tabasser|defoncer|regler son compte|regler ton compte|casser la (?:gueule|figure|tete))\b/,
  /\bchez (?:toi|vous|elle|lui) avec (?:mes|des|nos|les) (?:gars|gens|amis|hommes|freres|types|potes)\b|\b(?:mes|des|nos) (?:gars|gens|hommes|types) (?:vont|viendront|vont venir|viennent) (?:chez (?:toi|vous)|te|vous|t)\b/,
  /\b(?:tu vas|tu va|vous allez) (?:le regretter|regretter|payer|le payer|souffrir|mourir)\b|\bje sais ou (?:tu|vous) (?:habite\w*|vi\w*|dor\w*|travaill\w*)\b|\bgare a (?:toi|vous)\b/,
  /\b(?:i will|i ll|ill|gonna|going to|we will|we ll) (?:kill|hurt|beat|find|get|destroy|come for) (?:you|u)\b|\bi know where (?:you|u) (?:live|stay|work|sleep)\b|\b(?:watch your back|you will regret|you ll regret|you will pay|you ll pay)\b/,
  /\b(?:nitakuua|nitakupiga|nitakuchoma|tutakuua|tutakupiga|utajuta|najua unapoishi|najua unakoishi)\b|\bnitakuja kwako na (?:watu|vijana|wenzangu)\b/,
  /\b(?:nakoboma yo|nakobeta yo|tokoboma yo|tokobeta yo|bazali koluka yo|nayebi esika (?:ofandaka|ovandaka|olalaka))\b/,
  // A visit announced with a warning (« je vais venir chez toi … tu vas voir », « nitakuja kwako … utaona »), the warning last or first.
  /\b(?:venir|viens|viendrai|viendrons|passer|passe|passerai|debarquer|debarque) (?:\w+ )?chez (?:toi|vous)\b.{0,80}\b(?:tu vas voir|vous allez voir|tu verras|vous verrez|tu vas comprendre)\W*$|\b(?:tu vas voir|vous allez voir|tu verras|vous verrez)\b.{0,80}\b(?:venir|viens|viendrai|passer|passerai|debarquer) (?:\w+ )?chez (?:toi|vous)\b/,
  /\bnitakuja kwako\b.{0,80}\butaona\W*$|\butaona\b.{0,80}\bnitakuja kwako\b|\bnakoya (?:epai|na ndako) (?:na )?yo\b.{0,80}\bokomona\W*$|\bokomona\b.{0,80}\bnakoya (?:epai|na ndako) (?:na )?yo\b/,
];
/**
 * True when the words threaten the other party with harm (support is told; the words still reach their reader). « Tu
 * vas voir ! » alone is left out (with a visit announced to the other's home it is a threat): angry buyers write it of a review or of Facebook as often as of harm.
 */
export function threatensInWords(text: string): boolean {
  return inAnyWindow(text, (part) => {
    const t = canonical(part);
    return THREATS.some((p) => p.test(t));
  });
}

/**
 * A call that did not happen (« personne ne m'a appelée », « il m'a jamais appelé », "nobody called me", "he never rang",
 * « hajanipigia simu »): no contact outside the messages, only its absence.
 */
const NO_CALL =
  /\b(?:personne ne (?:m a|nous a|m|nous)|(?:ne |n )?(?:m a|nous a|l a|m ont|nous ont) (?:pas|jamais|toujours pas|meme pas|plus)|(?:ne|n) (?:m|nous) (?:a|ont) (?:pas|jamais)|nobody|no one|never|(?:didn t|did not|hasn t|has not|haven t|have not|doesn t|does not|won t|will not|not)(?: even)?) (?:encore )?(?:appel\w*|called|call|rang|ring|phoned)\b|\bha\w*pigia(?: \w+){0,2} simu\b/g;

/** True when the text says the problem was raised outside the marketplace's messages (e-mail, phone, WhatsApp). */
export function mentionsOffPlatform(text: string): boolean {
  return inAnyWindow(text, (part) => {
    const t = canonical(part).replace(COURIER_CALL, ' ').replace(COURIER_CALL_LN_SW, ' ').replace(NO_CALL, ' ');
    return OFF_PLATFORM.some((p) => p.test(t));
  });
}

/**
 * Paying the seller outside Congocrea, asked or done: « il me demande de lui envoyer l'argent par Airtel money directement,
 * hors du site », « payer directement sur son numéro au lieu de passer par le site », "pay him directly outside Congocrea",
 * « kulipa moja kwa moja ». Not contact outside the messages by itself (`mentionsOffPlatform`), but never protected.
 */
const PAY_OUTSIDE = [
  /\b(?:hors|en dehors) (?:du site|de congocrea|de la plateforme|de l application|de l appli|de la place de marche|du marche)\b|\boutside (?:of )?(?:congocrea|the (?:site|app|platform|marketplace|website))\b/,
  /\b(?:au lieu de|sans) (?:passer par|payer (?:sur|par)) (?:le site|congocrea|la plateforme|l application|l appli)\b|\binstead of (?:using|going through|paying (?:on|through|via)) (?:the (?:site|app|platform|website)|congocrea)\b/,
  // (« payer directement sur le site », "pay directly in the app" is paying Congocrea.)
  /\b(?:payer|paye|payes|payez|paie|paies|verser|verse|versez|pay|paid|paying|kulipa|nimlipe|kofuta)\b.{0,40}\b(?:directement|directly|en direct|moja kwa moja)\b(?! (?:sur|on|via|through|par|dans|in|kwenye) (?:le |la |l |the )?(?:site|app|appli|application|congocrea|plateforme|platform|website|marketplace|tovuti))|\b(?:envoyer|envoie|envoies|envoyez|envoye|transferer|transfere|virer|vire|send|sent|transfer|kutuma|kotinda)\b (?:\w+ ){0,3}(?:argent|money|pesa|mbongo|montant|paiement|payment)\b.{0,30}\b(?:directement|directly|moja kwa moja)\b/,
];

/** True when the text says the seller is to be paid outside Congocrea (see PAY_OUTSIDE). */
export function mentionsPayingOutside(text: string): boolean {
  return inAnyWindow(text, (part) => {
    const t = canonical(part);
    return PAY_OUTSIDE.some((p) => p.test(t));
  });
}

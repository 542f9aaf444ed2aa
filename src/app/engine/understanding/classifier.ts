/**
 * The buyer-message classifier (issue 12): a softmax regression over words, word pairs, character
 * n-grams and cues (cues.ts), trained on first use from the training split of the labelled corpus
 * (training-set.ts). Chosen by held-out accuracy against the keyword rules, naive Bayes, the same
 * regression without cues or without n-grams, and nlp.js: see README ("Understanding") and
 * `npm run bench -- --only understanding`.
 */
import type { ProblemKind } from '../../../domain/types.js';
import { afterSettled, cuesOf, hasProblemCue, hasTroubleCue, moneyNotBack, saysLate, settledProblem, statedCaseReasons } from './cues.js';
import { canonical, emojiAsWords, type FeatureOptions } from './features.js';
import { logisticSteps, runToEnd, trainInSlices, trainLogistic, type Example, type TextModel } from './model.js';
import { TRAINING_SET } from './training-set.js';

/** What a message means to the classifier: a problem kind, or `none` when it states no problem. */
export type Meaning = ProblemKind | 'none';

/** The settings the corpus chose; changing one is a change of classifier (run the bench). */
export const CLASSIFIER_FEATURES: FeatureOptions = { chars: true, cues: true, cueWeight: 4 };
export const CLASSIFIER_TRAINING = { epochs: 20, rate: 0.5, l2: 1e-5 } as const;

/**
 * `none` (not a problem) wins only when it is this likely or the text holds no cue of a problem;
 * otherwise the message gets its likeliest problem kind, so that a buyer who wrote about a problem
 * is never met with "I did not understand" (issue 12, no dead end).
 */
export const NONE_MIN_SCORE = 0.8;

/** A message that is only an order number, perhaps with a greeting or "order"/« commande » before it. */
const BARE_ORDER_NUMBER = /^(?:(?:bonjour|bonsoir|salut|hello|hi|hey|mbote|habari|jambo) )?(?:(?:my |ma |la )?(?:order|commande|oda|cmd|ref|reference|no|numero|number|n) )*(?:[a-z]{1,5} )?\d{3,12}$/;

/** Part of the money only: « seulement la moitié », "only half", "not the full amount". */
const PARTIAL = /\b(?:moitie|half|partiel\w*|partial\w*|pas tout|not all|pas complet|incomplet\w*|manque|missing|only|seulement|que \d+|not the full|pas la totalite)\b/;

/** Trains a classifier of the chosen shape from labelled examples (the bench trains it on other splits). */
export function trainClassifier(examples: Example<Meaning>[]): TextModel<Meaning> {
  return trainLogistic(examples, { ...CLASSIFIER_TRAINING, features: CLASSIFIER_FEATURES });
}

let model: TextModel<Meaning> | null = null;
/** The training of the default classifier, once started: stepped in the background, or finished at once by a first use. */
let training: Generator<void, TextModel<Meaning>> | null = null;
let background: Promise<TextModel<Meaning>> | null = null;

function defaultTraining(): Generator<void, TextModel<Meaning>> {
  training ??= logisticSteps(TRAINING_SET.map(([text, label]) => ({ text, label })), { ...CLASSIFIER_TRAINING, features: CLASSIFIER_FEATURES });
  return training;
}

/**
 * The classifier trained on the checked-in training set (0.5 to 2 s of CPU). Trained in the background since the start
 * (`trainDefaultClassifier`), or here at once on a first use before that: what is left of the training is finished now.
 */
export function defaultClassifier(): TextModel<Meaning> {
  return (model ??= runToEnd(defaultTraining()));
}

/** The background training under way, if one was started and the classifier is not ready yet: a turn awaits it. */
export function classifierTraining(): Promise<TextModel<Meaning>> | null {
  return model ? null : background;
}

/**
 * Trains the default classifier in slices of a few ms between other work (see `trainInSlices`), so that a process
 * that has just started answers its health checks, beats and takes updates meanwhile: trained in one go, the training
 * stopped the process 0.5 s on a quiet machine, 1.3 to 4.5 s on a loaded one (its heartbeats stopped, and the others
 * took it for dead). Resolves once the classifier is ready; a message that needs it before then finishes it at once.
 */
export function trainDefaultClassifier(pause?: () => Promise<void>): Promise<TextModel<Meaning>> {
  if (model) return Promise.resolve(model);
  const steps = defaultTraining();
  // A first use meanwhile finishes the same steps; the background then finds them done.
  background ??= trainInSlices(
    (function* () {
      for (;;) {
        if (model) return model;
        const r = steps.next();
        if (r.done) return (model = r.value);
        yield;
      }
    })(),
    8,
    pause,
  );
  return background;
}

/** The remedies a buyer asks for; the case is how they get one when the order did not come or is not as described. */
const REMEDIES: ReadonlySet<Meaning> = new Set(['refund_request', 'return_request', 'cancellation']);

/**
 * The model's answer for a message, `null` when it is confidently not a problem. A message that
 * states a case reason and asks for a remedy (« jamais reçu, remboursez-moi ») gets the case reason:
 * it is the one that can open a case, and the case leads to the refund (SPEC section 1).
 */
/** The order or its journey named: a wait told about it may be the parcel's. */
const THE_ORDER = /\b(?:colis|commande|order|parcel|package|paquet|mzigo|oda|shipped|sent|expedie\w*|envoye\w*|livr\w*|deliver\w*|tracking|suivi)\b/;

/** The buyer's own order or parcel named (« ma commande », "my order", « colis na ngai »): then a question is about it. */
const THE_ORDER_OWN = /\b(?:ma commande|mon colis|my (?:order|parcel|package)|commande na ngai|colis na ngai|oda yangu|mzigo wangu)\b/;

/** A colour or a model named: an exchange for it is a return, whatever the size. */
const COLOUR_OR_MODEL = /\b(?:couleur|colou?r|modele|model|rangi|langi|noir|blanc|rouge|bleu|vert|black|white|red|blue|green|brown|marron)\b/;

/** Cues of a problem of no case kind: the seller silent, cash asked, the account, a paper asked for, a person wanted. */
const OTHER_KIND = ['seller_contact', 'extra_cash', 'account', 'account_fails', 'document', 'wants_human', 'scam_attempt', 'seller_threat', 'seller_pressure'];

/** Cues that only say what a question about the delivery is about (when, where, shipped, the courier). */
const DELIVERY_TOPIC = ['when', 'where', 'shipped_q', 'courier_q'];

/** Cues that may stand beside a question about the delivery without saying anything else: a greeting, thanks, « pas encore ». */
const NEUTRAL_OF_QUESTION: ReadonlySet<string> = new Set(['question', 'greeting', 'thanks', 'bye', 'not_yet']);

/** Cues of a question about the shop or the service, not about an order on its way. */
const SHOP_QUESTION = ['shop_hours', 'not_a_problem_q', 'coverage_q', 'purchase_q', 'how_to_q'];

/** Cues of an item that is itself at fault, whoever chose it. */
const DEFECTS = ['damaged', 'not_working', 'fake', 'missing_piece', 'quality'];

/** Cues of an item unlike its listing from the day it came (not worn out since). */
const UNLIKE_LISTING = ['differs', 'fake', 'wrong_item', 'missing_piece', 'seller_size', 'other_than', 'ordered_vs_got'];

/** Cues that the order is late or lost: a wait of days alone (« en transit depuis 2 jours ») is not one. */
const LATE_SIGNS = ['not_arrived', 'weeks_gone', 'overdue', 'lost', 'said_delivered', 'waiting'];

/** The little words of a message that only says which order (« c'est la 1005, pas la 1001 »), an order's prefix included. */
const ORDER_WORDS: ReadonlySet<string> = new Set(
  ('c est it s its is the la le l pas not non no nope sorry desole desolee pardon wait attendez attends en fait actually ah oh oups ' +
    'oops order commande cmd oda numero number n plutot instead of au lieu de mais but et and ni sio cc cg ref').split(' '),
);

/** A return asked for as a wish (« je veux renvoyer », "I'd like to send it back", « nataka kurudisha », « nalingi kozongisa »). */
const RETURN_WISH = /\b(?:veux|voudrais|souhaite|want to|would like to|d like to|nataka|nalingi) (?:\w+ ){0,2}?(?:renvoy\w*|retourn\w*|return|rendre|send (?:\w+ )?back|kurudisha|ko ?zongisa)\b/;

/** Cues that only greet, thank or say all is well. */
const ONLY_KIND_WORDS: ReadonlySet<string> = new Set(['greeting', 'thanks', 'bye', 'fine']);

/** A question asked without a question mark: « comment faire », "how do I …", « ndenge nini », « jinsi ya ». */
const HOW = /^(?:(?:bonjour|bonsoir|salut|hello|hi|hey|mbote|habari|jambo) )?(?:how|comment|ndenge nini|jinsi|vipi)\b|\b(?:comment faire|comment on fait|how to|how do i|how can i|how (?:i|we) (?:can|could|should)|ndenge nini|nawezaje|jinsi ya)\b/;

/** A payment or an account that fails (« je n'arrive pas à me connecter », "the app keeps failing", « siwezi »), not a question about one. */
const ACCOUNT_FAILS = /\b(?:n arrive (?:pas|plus)|narrive pas|cant|cannot|can t|impossible|bloque\w*|blocked|locked|suspend\w*|ne (?:vient|marche|fonctionne|passe) (?:pas|plus)|(?:doesnt|dont|does not|did not|didnt|wont) (?:work|come|arrive|let)|not (?:working|coming)|siwezi|haifanyi|ekangami|fail\w*|echou\w*|declined|refuse\w*|hack\w*|pirat\w*|stolen|erreur|error)\b/;

/** Not come yet, in so many words (« pas encore là », « pas encore arrivée », "not here yet", « bado haijafika », « naino ekomi te »). */
const NOT_YET_HERE = /\b(?:pas encore (?:la|arrive\w*|livre\w*|recu\w*)|(?:not|nt) (?:here|arrived|delivered|come) yet|not yet (?:here|arrived|delivered|come)|bado (?:haijafika|hazijafika|haijaletwa)|naino ekomi te|ekomi naino te)\b/;

/**
 * A message that only says what was ordered or paid for, a size, a colour or a count (« J'ai commandé du rouge. », "CC-66021 I
 * ordered size 42.", « J'avais payé pour deux paires hein. », « Na commander ya moindo. »), sent as a complaint: what came is
 * not that, the listing problem (the label table: a wrong size, colour or quantity sent by the seller).
 */
const COLOURS = 'rouge|noir|noire|blanc|blanche|bleu|bleue|vert|verte|jaune|rose|gris|grise|marron|beige|violet|orange|red|black|white|blue|green|yellow|pink|grey|gray|brown|purple|beige|moindo|mpembe|motane|nyeusi|nyeupe|nyekundu|bluu|kijani|njano';
const ORDERED_ONLY = new RegExp(
  `^(?:(?:order |commande |oda )?[a-z]{0,5} ?\\d{3,12} )?(?:i ordered|i paid for|i bought|i chose|j ai commande|j avais commande|j ai paye pour|j avais paye pour|j ai pris|j avais pris|na commande|na commander|nasombaki|niliagiza|nililipia|nilinunua)` +
    `(?: (?:a|an|the|un|une|du|de|des|la|le|ya|size|taille|pointure|saizi|rangi|couleur|colou?r|en))* (?:\\d+(?: \\w+)?|${COLOURS}|(?:\\w+ )?(?:${COLOURS}))` +
    `(?: (?:one|ones|pair|pairs|paires?|pieces?|hein|deh|oh|o|kaka|tu|only|seulement|moko|not this|pas ca))*$`,
);

/** « je vais patienter », "I'll wait", « nitasubiri », « nakozela »: the buyer agrees to wait, nothing is asked. */
const WILL_WAIT = /\b(?:je vais (?:patienter|attendre)|j attendrai|je patienterai|on va (?:patienter|attendre)|i ll wait|ill wait|i will wait|i can wait|we ll wait|we will wait|nitasubiri|tutasubiri|nitangoja|nakozela|tokozela|nakowela)\b/;

/** A message that only tests the bot (« test », "testing", « essai 2 »). */
const TESTING = /^(?:(?:un |juste un |just a |a )?(?:test(?:ing|e)?|essai)(?: \d+)?)(?: (?:test(?:ing|e)?|essai)(?: \d+)?)*$/;

/**
 * A notification pasted in (an order confirmation, the courier's or the carrier's SMS, a mobile-money receipt: « Congocrea :
 * votre colis … a été livré », "Status: Delivered", « M-PESA: Umetuma … »), then the buyer's own words after it: a quoted
 * text first, or lines of fields (« Total : », "Item:", « Statut : ») before a last paragraph.
 */
const QUOTED_FIRST = /^\s*["\u201c\u00ab]([^"\u201d\u00bb]{12,})["\u201d\u00bb][\s.,:;!-]*([\s\S]{6,})$/;
const NOTIFICATION = /\b(?:statut|status|livraison estim\w*|estimated delivery|estim\w*|total|paid|pay[eé]e?|item|article|qty|adresse|address|anwani|confirm\w*|imewasilishwa|kimewasilishwa|umetuma|delivered|livr[eé]e?|remis|transit|njiani|m-?pesa|airtel money|orange money|r[eé]f)\b/i;

/** The buyer's own words after a pasted notification, or null when the message pastes none. */
export function ownWords(text: string): string | null {
  const quoted = QUOTED_FIRST.exec(text);
  if (quoted && NOTIFICATION.test(quoted[1]!)) return quoted[2]!.trim();
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const parts = paragraphs.length >= 2 ? paragraphs : lines;
  if (parts.length < 2) return null;
  const pasted = parts.slice(0, -1).join('\n');
  if (!NOTIFICATION.test(pasted) || !/[:\u2014#]|\d{2}\/\d{2}/.test(pasted)) return null;
  const own = parts[parts.length - 1]!.replace(/^[-\u2014\s>]+/, '');
  return own.length >= 6 ? own : null;
}

export function decide(model: TextModel<Meaning>, text: string): ProblemKind | null {
  const ranked = model.rank(text);
  const best = ranked[0]!;
  const canon = canonical(text);
  const cues = new Set(cuesOf(canon));
  const stated = statedCaseReasons(canon);
  // A refund already received, and nothing said to be missing from it, is no problem.
  const refundDone = cues.has('refund_done') && !cues.has('money_not_back') && !PARTIAL.test(canon);
  if (TESTING.test(canon)) return null;
  const qmark = emojiAsWords(text).includes('?');
  const asked = qmark || cues.has('question');
  const words = canon.split(' ').filter(Boolean).length;
  // A problem said to be settled (« le problème de la semaine passée est réglé », "no further action needed", « tatizo …
  // limekwisha »): what follows it is what the buyer writes about now, a new problem or nothing.
  const settledRest = afterSettled(canon);
  if (settledRest !== null) {
    if (!hasProblemCue(settledRest)) return null;
    return decide(model, qmark ? `${settledRest} ?` : settledRest);
  }
  // A notification pasted in, then the buyer's own words (« votre colis a été livré » … « moi je n'ai rien reçu »): a case
  // reason the buyer states is read from their words alone (the notification's « livraison estimée », "Status: Delivered"
  // say nothing of it); their "received, all good" is no problem, whatever the notification says. Otherwise the whole text.
  const own = ownWords(text);
  if (own !== null) {
    const ownCanon = canonical(own);
    if (statedCaseReasons(ownCanon).length > 0 && !cues.has('money_not_back')) return decide(model, own);
    const ownCues = cuesOf(ownCanon);
    if (ownCues.length > 0 && ownCues.every((c) => ONLY_KIND_WORDS.has(c) || c === 'received_it')) return null;
  }
  // Not ordered yet (« naino na commander te », "before I order", « kabla ya kuagiza »), nothing going wrong said: a question
  // about buying, not a problem with an order.
  if (cues.has('no_order_yet') && !hasTroubleCue(canon) && !ACCOUNT_FAILS.test(canon)) return null;
  // Before buying (« vous avez le même sac en noir ? », « mnauza simu za Tecno? »): a question about the shop's goods, with
  // nothing wrong said and no order of the buyer's named.
  if (cues.has('purchase_q') && asked && !THE_ORDER_OWN.test(canon) && !hasProblemCue(canon)) return null;
  // How to buy, pay or sell (« comment on achète ? », « je paie comment ? », "how do I become a seller", « nalingi koteka »),
  // asked with no « ? » too, nothing wrong said and no payment failing: a question about the marketplace. (How to change a
  // password stays `other`, an account matter, as the corpus and the fifth blind set label it.)
  const howAsked = asked || HOW.test(canon);
  if ((cues.has('selling') || (cues.has('how_to_q') && howAsked)) && !ACCOUNT_FAILS.test(canon) && !hasProblemCue(canon)) return null;
  // Only what was ordered said (a size, a colour, a count), nothing asked: what came is not that.
  if (!qmark && ORDERED_ONLY.test(canon)) return 'not_as_described';
  // Agreeing to wait (« d'accord, je vais patienter jusqu'à la date prévue »), nothing asked and nothing wrong said: no problem.
  if (WILL_WAIT.test(canon) && !asked && !hasTroubleCue(canon) && !saysLate(canon.replace(WILL_WAIT, ' '))) return null;
  // The same order placed twice (« commandé 2 fois par erreur, enlevez-en une »), nothing received or owed: stop one.
  if (cues.has('double_order') && (['own_mistake', 'cancel', 'cancel_now'].some((c) => cues.has(c)) || /\b(?:enlev\w*|retir\w*|remove|longola|ondoa)\b/.test(canon)) && stated.length === 0 && !cues.has('received_it') && !['refund', 'money_not_back', 'return', 'exchange'].some((c) => cues.has(c))) return 'cancellation';
  // A question about the delivery and nothing else (« ça avance ? », « à quelle étape ? », "where my stuff", « tracking namba
  // tafadhali »): whatever the model guesses, a delivery question, unless the wait is said to be long or the shop is asked about.
  const onlyDeliveryTopic = DELIVERY_TOPIC.some((c) => cues.has(c)) && [...cues].every((c) => DELIVERY_TOPIC.includes(c) || NEUTRAL_OF_QUESTION.has(c));
  if (onlyDeliveryTopic && (asked || words <= 4) && stated.length === 0 && !saysLate(canon) && !SHOP_QUESTION.some((c) => cues.has(c)) && best.label !== 'delivery_question') return 'delivery_question';
  // Not come yet, asked about (« ma commande d'avant-hier n'est pas encore là, c'est normal ? », "not here yet, is that
  // normal?", « bado haijafika ? »), nothing said to be late or wrong: where it is. « Toujours pas » (still not) is a
  // complaint and stays the model's; left to the model, this one was a near tie between a question and "other".
  if (asked && NOT_YET_HERE.test(canon) && stated.length === 0 && !saysLate(canon) && !hasTroubleCue(canon)) return 'delivery_question';
  // The order or the parcel alone, asked or only named (« colis ? », "order?", « 🚚❓ », « ma commande », "my order"): where it
  // is. Named alone, it says no problem yet: left to the model, a near tie between a question and a non-delivery (0.21
  // against 0.205 for "my order") flipped with any change of the cues, and "my order" then the late order's number
  // proposed a non-delivery instead of giving the order's dates.
  if (/^(?:(?:ma|mon|my|the|le|la|mes|my) )?(?:colis|livraison|commande|order|parcel|package|delivery|mzigo|oda|biloko)(?: (?:svp|stp|please|pls|tafadhali|yangu|wangu|na ngai))?$/.test(canon)) return 'delivery_question';
  // Someone posing as the marketplace, the seller threatening over a review: a problem of no case kind.
  if ((cues.has('scam_attempt') || cues.has('seller_threat')) && stated.length === 0) return 'other';
  // The seller asking the buyer to cancel, the buyer asking nothing of the kind: the seller's conduct, a problem of no case kind.
  if (cues.has('seller_pressure') && stated.length === 0 && !cues.has('cancel') && !cues.has('cancel_now')) return 'other';
  // The address to change (the verb « badilisha », « changer » is no exchange of the item unless a size, colour or model is
  // named), and no cancellation, refund or return asked (« I just need the address updated, I don't want to
  // cancel »): a problem of no case kind.
  if (cues.has('address_change') && (stated.length === 0 || (stated.length === 1 && stated[0] === 'non_delivery' && asked && !saysLate(canon) && !LATE_SIGNS.slice(1).some((c) => cues.has(c)))) && !['cancel', 'cancel_now', 'refund', 'money_not_back', 'return'].some((c) => cues.has(c)) && !(cues.has('exchange') && (cues.has('size_word') || COLOUR_OR_MODEL.test(canon)))) return 'other';
  // The account, a promo code or the app failing (« code ya promo haifanyi kazi », « mon compte est bloqué »), nothing else wrong
  // said: an account matter, a problem of no case kind, whatever « haifanyi kazi » (does not work) or « bloqué » lean to.
  if (cues.has('account_fails') && stated.length === 0 && ['non_delivery', 'not_as_described', 'delivery_question'].includes(best.label)) return 'other';
  // Stop it, asked now (« botika commande na ngai », « pas la peine d'envoyer », « j'annule »), nothing late, received or wrong:
  // a cancellation, whatever else the message leans to.
  if (['non_delivery', 'delivery_question', 'other', 'not_as_described'].includes(best.label) && cues.has('cancel_now') && stated.length === 0 && !cues.has('received_it') && !saysLate(canon) && !['trouble', 'seller_contact', 'extra_cash', 'scam_attempt', 'seller_threat', 'money_not_back'].some((c) => cues.has(c))) return 'cancellation';
  // A question whose wait is weeks gone (« colis na ngai ezali wapi? eleki sanza moko »): late, not a question.
  if (best.label === 'delivery_question' && stated.length === 0 && cues.has('weeks_gone') && saysLate(canon) && !cues.has('before_date') && !cues.has('just_ordered') && !cues.has('not_shipped')) return 'non_delivery';
  // It does not fit, nothing wrong with it (« makolo na ngai enene, sapato ekoti te », "squeezing him around the arms"): the
  // wrong-size answer, whatever a long story leans the model to.
  if (['not_as_described', 'other'].includes(best.label) && cues.has('size_fit') && cues.has('size_word') && stated.length === 0 && !DEFECTS.some((c) => cues.has(c)) && !UNLIKE_LISTING.some((c) => cues.has(c)) && !['seller_contact', 'extra_cash', 'scam_attempt', 'seller_threat', 'document'].some((c) => cues.has(c))) return 'wrong_size';
  // The size said right and an exchange asked (« taille ezali malamu … nalingi ko échanger na ya bleu »): a return.
  if (best.label === 'wrong_size' && cues.has('size_ok') && (cues.has('exchange') || cues.has('return')) && !DEFECTS.some((c) => cues.has(c))) return 'return_request';
  // Worn out in use (« elle marchait très bien … depuis la semaine passée elle ne chauffe plus », "worked fine for 2 months, now
  // it won't turn on"): it was as the listing showed when it came, and nothing unlike it is said: a problem of no case kind.
  if (cues.has('worked_before') && !stated.includes('non_delivery') && !UNLIKE_LISTING.some((c) => cues.has(c))) return 'other';
  // Whether it has been sent, asked (« batindi yango te naino ? », "hasn't it shipped yet?"), with nothing late, nothing to stop
  // and no money asked: a question about the delivery.
  if (cues.has('not_shipped') && asked && stated.length === 0 && !saysLate(canon) && !cues.has('cancel') && !cues.has('no_longer_want') && !cues.has('refund')) return 'delivery_question';
  // A question whose only wait is a few days (« le suivi dit en transit depuis 2 jours, ça veut dire quoi ? ») or whose date has
  // not come (« tarehe bado haijafika »): the order is on its way, not late.
  if (best.label === 'non_delivery' && stated.length === 0 && asked && ['shipped_q', 'when', 'where'].some((c) => cues.has(c)) && !LATE_SIGNS.some((c) => cues.has(c))) return 'delivery_question';
  // A question that also says the date is past (« where is my order?? 2 weeks past the delivery date », « prévue le 20, rien »): late.
  if (best.label === 'delivery_question' && cues.has('overdue')) return 'non_delivery';
  // Not wanted any more and asked to be stopped, while nothing says it is late (« natiki commande, nalingi yango lisusu te, eyei
  // naino te »): a cancellation, whatever « eyei te » (not come) weighs.
  if ((best.label === 'non_delivery' || best.label === 'cancellation') && cues.has('no_longer_want') && (cues.has('cancel') || cues.has('cancel_now')) && !cues.has('received_it') && !saysLate(canon) && !LATE_SIGNS.slice(1).some((c) => cues.has(c))) return 'cancellation';
  // Received, and not wanted, not liked or asked to be cancelled, nothing wrong with it (« je l'ai reçue hier mais j'en ai plus
  // besoin », « produit reçu, conforme, mais j'ai changé d'avis »): change of mind after it arrived is a return.
  if (['cancellation', 'not_as_described', 'other'].includes(best.label) && stated.length === 0 && (cues.has('received_it') || cues.has('as_described')) && ['no_longer_want', 'cancel', 'dislike'].some((c) => cues.has(c)) && !DEFECTS.some((c) => cues.has(c))) return 'return_request';
  // Not liked, nothing wrong with it and no size that does not fit (« la couleur ne me plaît pas finalement, c'est moi qui l'ai
  // choisie »): a return, not a listing or size problem.
  if ((best.label === 'not_as_described' || best.label === 'wrong_size') && cues.has('dislike') && stated.length === 0 && !DEFECTS.some((c) => cues.has(c)) && !cues.has('size_fit')) return 'return_request';
  // Sent back for another colour or model (« rudisha hii nipe ile nyingine ya rangi nyekundu »), nothing wrong said: a return.
  if (best.label === 'not_as_described' && stated.length === 0 && (cues.has('return') || cues.has('exchange')) && COLOUR_OR_MODEL.test(canon) && !DEFECTS.some((c) => cues.has(c)) && !UNLIKE_LISTING.some((c) => cues.has(c))) return 'return_request';
  // The seller sending the wrong size (« j'ai commandé taille M, ils m'ont envoyé XL »): the seller's mistake, a listing problem.
  if (best.label === 'wrong_size' && cues.has('seller_size')) return 'not_as_described';
  // Smaller than sold, and another model or a fault said (« a different model, smaller and no bass »): unlike the listing, not a
  // size the buyer chose wrong.
  if (best.label === 'wrong_size' && stated.includes('not_as_described') && !cues.has('own_mistake') && ['differs', 'wrong_item', 'fake', 'damaged', 'not_working'].some((c) => cues.has(c))) return 'not_as_described';
  // Charged more than the price shown (« facturé plus que le prix affiché »): money back asked, not a paper or an account.
  if (best.label === 'other' && cues.has('overcharged') && !cues.has('extra_cash') && !cues.has('seller_contact')) return 'refund_request';
  // The same with the amounts compared and nothing wrong with the item said (« I paid 4500 but the price on the listing was
  // 3800 »): the listing's words are about the price, not the item.
  if (best.label === 'not_as_described' && cues.has('overcharged') && stated.length === 0 && !DEFECTS.some((c) => cues.has(c))) return 'refund_request';
  // Due by a day now past (« supposed to reach me by Friday and it's now Wednesday », "I was told 5 days, it is day 12"),
  // nothing received, nothing of another kind: the order is late, whatever « not happy » leans the model to.
  if (['other', 'none', 'not_as_described'].includes(best.label) && cues.has('overdue') && stated.length === 0 && !cues.has('received_it') && !asked && !OTHER_KIND.some((c) => cues.has(c)) && !DEFECTS.some((c) => cues.has(c)) && !UNLIKE_LISTING.some((c) => cues.has(c)) && !['refund', 'money_not_back', 'return', 'exchange', 'cancel', 'cancel_now'].some((c) => cues.has(c))) return 'non_delivery';
  if (REMEDIES.has(best.label)) {
    const reason = ranked.find((r) => (stated as Meaning[]).includes(r.label));
    if (reason) return reason.label as ProblemKind;
  }
  // A question, or a problem of another kind, that also says the order has not come (« il est introuvable,
  // vous pouvez aider ? », "the seller won't answer and still nothing"): the non-delivery comes first.
  if ((best.label === 'delivery_question' || best.label === 'other') && stated.includes('non_delivery')) return 'non_delivery';
  // A problem of no known kind that says, and only says, the item is unlike the listing (« c'est pas le même que sur le
  // site ») or came without a piece (« pas de chargeur dans la boîte »): the listing problem.
  if (best.label === 'other' && stated.length === 1 && stated[0] === 'not_as_described' && (cues.has('differs') || cues.has('seller_size') || (cues.has('missing_piece') && !cues.has('document')))) return 'not_as_described';
  // The same in a long story, where the words around it lean the model to "other" (« jamais de souci… en ouvrant le carton,
  // deux casseroles avaient le fond cabossé »): the only problem stated is the listing's, and nothing of another kind is said.
  if (best.label === 'other' && stated.length === 1 && stated[0] === 'not_as_described' && !OTHER_KIND.some((c) => cues.has(c))) return 'not_as_described';
  // Nothing wrong with it, not wanted any more, asked to be sent back (« le problème c'est qu'on en a déjà un, on peut vous
  // renvoyer le deuxième ? »): a return, whatever « problème » says.
  if (best.label === 'other' && stated.length === 0 && cues.has('return') && cues.has('no_longer_want') && !OTHER_KIND.some((c) => cues.has(c))) return 'return_request';
  // A question about when, asked in a story with nothing wrong in it (« je voulais juste être sûr que ça arrive à temps »).
  if (best.label === 'other' && stated.length === 0 && cues.has('when') && cues.has('question') && !cues.has('trouble') && !OTHER_KIND.some((c) => cues.has(c))) return 'delivery_question';
  // A long wait told before "and it arrived broken": what the buyer states is the listing problem, the wait is over.
  if (best.label === 'non_delivery' && stated.length === 1 && stated[0] === 'not_as_described') return 'not_as_described';
  // Nothing came, said outright (« toujours pas de boucles d'oreilles », « ne m'a rien envoyé »), and nothing said to be
  // unlike the listing: what was not received cannot be unlike it.
  if (best.label === 'not_as_described' && stated.length === 1 && stated[0] === 'non_delivery') return 'non_delivery';
  // The money is what has not come (« toujours pas reçu le remboursement », "cancelled a week ago, money
  // not back yet"): a refund request, not a parcel, a cancellation or a return.
  if (best.label !== 'none' && best.label !== 'refund_request' && best.label !== 'not_as_described' && moneyNotBack(canon)) return 'refund_request';
  // Cancel now, and a question about the money in the same breath (« annulez, et l'argent revient quand ? »): the
  // cancellation comes first (the corpus's first-rule-wins order); money owed after a cancellation already made stays a refund.
  if (best.label === 'refund_request' && (cues.has('cancel_now') || (cues.has('no_longer_want') && cues.has('before_shipping'))) && !cues.has('money_not_back') && !refundDone) return 'cancellation';
  // A courier asking for more cash than the order says, a seller asking to be paid directly: money asked of the buyer,
  // not owed to them, and no question about when (« dereva anataka pesa zaidi kabla ya … »: "before", not "when").
  if ((best.label === 'refund_request' || best.label === 'delivery_question') && cues.has('extra_cash') && stated.length === 0) return 'other';
  if (best.label === 'refund_request') {
    if (refundDone) return null;
  }
  // A refund received, and thanks said (« le vendeur m'a remboursée intégralement hier… merci »), after whatever story of the
  // problem it settled: nothing left to act on.
  if (refundDone && cues.has('thanks') && stated.length === 0 && !OTHER_KIND.some((c) => cues.has(c)) && !cues.has('paid_twice')) return null;
  // The buyer's own pick of the wrong colour or model (« j'ai choisi la mauvaise couleur », "I picked the wrong colour
  // myself"), nothing said to be broken or fake: nothing is unlike the listing; exchanging it is a return (a size: the
  // wrong-size answer).
  if ((best.label === 'not_as_described' || best.label === 'wrong_size') && cues.has('own_mistake') && cues.has('wrong_item') && !DEFECTS.some((c) => cues.has(c))) {
    return cues.has('size_word') ? 'wrong_size' : 'return_request';
  }
  // An exchange asked for because the size does not fit (« mon pied c'est du 42, je peux échanger ? », "he's a L, how do we
  // exchange"), nothing said about a colour, a model or a defect: the wrong-size answer, not a return.
  const sizeExchange = cues.has('size_fit') && cues.has('size_word') && !cues.has('no_longer_want') && !DEFECTS.some((c) => cues.has(c)) && !COLOUR_OR_MODEL.test(canon);
  if (best.label === 'return_request' && sizeExchange) return 'wrong_size';
  // The seller silent or rude for a week, nothing said about the order not coming: the time is the seller's, not the parcel's.
  if (best.label === 'non_delivery' && stated.length === 0 && cues.has('seller_contact') && !cues.has('waiting') && !cues.has('overdue') && !THE_ORDER.test(canon)) return 'other';
  // A return asked for, and a question about another order's delivery beside it (« je veux renvoyer la chemise, et aussi savoir
  // quand arrive ma deuxième commande »): the return is what the buyer wants done (table order: a return before a question).
  if (best.label === 'delivery_question' && RETURN_WISH.test(canon) && stated.length === 0 && !LATE_SIGNS.some((c) => cues.has(c))) return 'return_request';
  // Does not want it any more, while it is still being prepared: stop it, whatever else is asked.
  if (best.label === 'delivery_question' && (cues.has('cancel') || cues.has('no_longer_want'))) return 'cancellation';
  // When the shop opens, asked without any order in it, is a question about the shop, not about a delivery.
  if (best.label === 'delivery_question' && cues.has('shop_hours')) return null;
  // The same question, asked as one, with nothing in it that only a problem would say (« bozali kofungola lelo ? »),
  // whatever the model's guess (« la jupe ne ferme pas » is no question about the shop).
  if (cues.has('shop_hours') && (qmark || cues.has('question')) && !hasProblemCue(canon)) return null;
  // How it works or how to pay, asked as a question, or a problem said to be settled, with nothing in it that only a problem
  // would say: no problem to open.
  if (cues.has('how_to_q') && (qmark || cues.has('question')) && !ACCOUNT_FAILS.test(canon) && !hasProblemCue(canon)) return null;
  // How the courier will come, asked as a question with nothing wrong in it (« le livreur peut passer samedi ? »): a question
  // about the delivery, whatever a weekday or a phone says.
  if (cues.has('courier_q') && (qmark || cues.has('question')) && !hasTroubleCue(canon)) return 'delivery_question';
  // Whether the shop delivers to a town, asked with no order and nothing wrong in it: a question about the shop.
  if (cues.has('coverage_q') && qmark && !hasProblemCue(canon) && !THE_ORDER_OWN.test(canon)) return null;
  // Who the seller is, whether the shop has a branch in a town (« bozali na magasin na Goma ? »): a question about the shop.
  if (cues.has('not_a_problem_q') && qmark && !hasProblemCue(canon) && (best.label === 'other' || best.label === 'none')) return null;
  if (cues.has('resolved') && !hasProblemCue(canon)) return null;
  // A problem told as over (« j'avais un problème mais le vendeur a tout réglé », "I had an issue but the seller sorted it
  // out"): the word "problem" is the only problem in it, and nothing says it is not settled.
  if (settledProblem(canon)) return null;
  // A bare order number (« CG-10457 », "order 66012") states no problem yet: the bot asks what it is about.
  if (BARE_ORDER_NUMBER.test(canon)) return null;
  // One order number corrected into another and nothing else (« c'est la 1005, pas la 1001 », "sorry, it's 1005 not 1001"):
  // which order, no problem said; the model's guess from « pas la » is no reason. (One order named alone, « c'est la commande
  // CC-1005 », is left to the model's weak guess, which the engine reads as the order named.)
  const rest = canon.split(' ').filter((w) => w && !ORDER_WORDS.has(w) && !/\d/.test(w));
  if ((canon.match(/\d{3,}/g) ?? []).length >= 2 && rest.length === 0) return null;
  // Only a greeting, thanks or a blessing, short, no order named (« gm fam 🙏 happy sunday »): nothing to act on, whatever
  // the model guesses from words it never saw.
  if ((words <= 8 || (cues.has('fine') && words <= 16 && (best.label === 'other' || best.label === 'none'))) && cues.size > 0 && [...cues].every((c) => ONLY_KIND_WORDS.has(c)) && !THE_ORDER.test(canon) && !/\d{3,}/.test(canon)) return null;
  // Received, and thanks or all well said (« mama na ngai azwi commande na ye, alobi matondo », « nimepokea, kila kitu kiko
  // sawa »), nothing asked and nothing wrong: no problem, whoever received it, when the model guesses it did not come or a
  // problem of no kind (a wish it has no cue for, "change the blue one for the black", stays the model's).
  if (['non_delivery', 'other', 'delivery_question'].includes(best.label) && cues.has('received_it') && (cues.has('thanks') || cues.has('fine')) && !asked && !hasProblemCue(canon)) return null;
  if (best.label !== 'none') return best.label;
  // Good news first, then "but" and a case reason (« arrivé à temps, merci, mais le chargeur ne marche pas du tout »): the
  // problem after the "but", however sure the model is that thanks mean no problem.
  if (stated.length === 1) {
    const afterBut = canon.split(/\b(?:but|mais|lakini|kasi|however|sauf que|except)\b/);
    if (afterBut.length > 1 && statedCaseReasons(afterBut[afterBut.length - 1]!).includes(stated[0]!)) return stated[0]!;
  }
  if (best.score >= NONE_MIN_SCORE || !hasProblemCue(canon) || (refundDone && stated.length === 0)) return null;
  // Kind words first (« satisfaite depuis longtemps, je recommande la boutique »), then the problem: the case reason
  // the message states outright, rather than the model's second guess.
  if (stated.length === 1) return stated[0]!;
  // A fault of the item said (« ça sent le plastique », the quality), and nothing of another kind: the listing problem, rather
  // than the model's second guess between near ties.
  if (stated.length === 0 && DEFECTS.some((c) => cues.has(c)) && !OTHER_KIND.some((c) => cues.has(c)) && !cues.has('own_mistake')) return 'not_as_described';
  // Not liked and to be sent back, nothing wrong with it (« iko fiti lakini rangi siipendi, naeza irudisha ? »): a return.
  if (stated.length === 0 && (cues.has('return') || cues.has('exchange')) && cues.has('dislike') && !DEFECTS.some((c) => cues.has(c))) return 'return_request';
  // The same size exchange when the model's second guess is a return (a long thank-you before « je l'ai prise en S … elle ne
  // me ferme pas, je peux la renvoyer et avoir la M ? »).
  if (ranked[1]!.label === 'return_request' && sizeExchange) return 'wrong_size';
  // It does not fit, after a long polite story (« elles sont très belles … je n'arrive pas à les fermer, le 39 à la place ? »).
  if (cues.has('size_fit') && cues.has('size_word') && stated.length === 0 && !DEFECTS.some((c) => cues.has(c)) && !COLOUR_OR_MODEL.test(canon)) return 'wrong_size';
  return ranked[1]!.label as ProblemKind;
}

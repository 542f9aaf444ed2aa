/**
 * The buyer-message classifier (issue 12): a softmax regression over words, word pairs, character
 * n-grams and cues (cues.ts), trained on first use from the training split of the labelled corpus
 * (training-set.ts). Chosen by held-out accuracy against the keyword rules, naive Bayes, the same
 * regression without cues or without n-grams, and nlp.js: see README ("Understanding") and
 * `npm run bench -- --only understanding`.
 */
import type { ProblemKind } from '../../../domain/types.js';
import { cuesOf, hasProblemCue, moneyNotBack, statedCaseReasons } from './cues.js';
import { canonical, type FeatureOptions } from './features.js';
import { trainLogistic, type Example, type TextModel } from './model.js';
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

/** The classifier trained on the checked-in training set, trained once on first use (a few hundred ms). */
export function defaultClassifier(): TextModel<Meaning> {
  model ??= trainClassifier(TRAINING_SET.map(([text, label]) => ({ text, label })));
  return model;
}

/** The remedies a buyer asks for; the case is how they get one when the order did not come or is not as described. */
const REMEDIES: ReadonlySet<Meaning> = new Set(['refund_request', 'return_request', 'cancellation']);

/**
 * The model's answer for a message, `null` when it is confidently not a problem. A message that
 * states a case reason and asks for a remedy (« jamais reçu, remboursez-moi ») gets the case reason:
 * it is the one that can open a case, and the case leads to the refund (SPEC section 1).
 */
/** Cues of an item that is itself at fault, whoever chose it. */
const DEFECTS = ['damaged', 'not_working', 'fake', 'missing_piece', 'quality'];

export function decide(model: TextModel<Meaning>, text: string): ProblemKind | null {
  const ranked = model.rank(text);
  const best = ranked[0]!;
  const canon = canonical(text);
  const cues = new Set(cuesOf(canon));
  const stated = statedCaseReasons(canon);
  // A refund already received, and nothing said to be missing from it, is no problem.
  const refundDone = cues.has('refund_done') && !cues.has('money_not_back') && !PARTIAL.test(canon);
  if (REMEDIES.has(best.label)) {
    const reason = ranked.find((r) => (stated as Meaning[]).includes(r.label));
    if (reason) return reason.label as ProblemKind;
  }
  // A question, or a problem of another kind, that also says the order has not come (« il est introuvable,
  // vous pouvez aider ? », "the seller won't answer and still nothing"): the non-delivery comes first.
  if ((best.label === 'delivery_question' || best.label === 'other') && stated.includes('non_delivery')) return 'non_delivery';
  // A problem of no known kind that says, and only says, the item is unlike the listing (« c'est pas le même que sur le
  // site »): the listing problem.
  if (best.label === 'other' && stated.length === 1 && stated[0] === 'not_as_described' && cues.has('differs')) return 'not_as_described';
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
  if (best.label === 'refund_request' && cues.has('cancel_now') && !cues.has('money_not_back') && !refundDone) return 'cancellation';
  if (best.label === 'refund_request') {
    // A courier asking for more cash than the order says, a seller asking to be paid directly: money asked
    // of the buyer, not owed to them.
    if (cues.has('extra_cash')) return 'other';
    if (refundDone) return null;
  }
  // The buyer's own pick of the wrong colour or model (« j'ai choisi la mauvaise couleur », "I picked the wrong colour
  // myself"), nothing said to be broken or fake: nothing is unlike the listing; exchanging it is a return (a size: the
  // wrong-size answer).
  if ((best.label === 'not_as_described' || best.label === 'wrong_size') && cues.has('own_mistake') && cues.has('wrong_item') && !DEFECTS.some((c) => cues.has(c))) {
    return cues.has('size_word') ? 'wrong_size' : 'return_request';
  }
  // Does not want it any more, while it is still being prepared: stop it, whatever else is asked.
  if (best.label === 'delivery_question' && (cues.has('cancel') || cues.has('no_longer_want'))) return 'cancellation';
  // When the shop opens, asked without any order in it, is a question about the shop, not about a delivery.
  if (best.label === 'delivery_question' && cues.has('shop_hours')) return null;
  // The same question, asked as one, with nothing in it that only a problem would say (« bozali kofungola lelo ? »),
  // whatever the model's guess (« la jupe ne ferme pas » is no question about the shop).
  if (cues.has('shop_hours') && (text.includes('?') || cues.has('question')) && !hasProblemCue(canon)) return null;
  // A bare order number (« CG-10457 », "order 66012") states no problem yet: the bot asks what it is about.
  if (BARE_ORDER_NUMBER.test(canon)) return null;
  if (best.label !== 'none') return best.label;
  if (best.score >= NONE_MIN_SCORE || !hasProblemCue(canon) || refundDone) return null;
  // Kind words first (« satisfaite depuis longtemps, je recommande la boutique »), then the problem: the case reason
  // the message states outright, rather than the model's second guess.
  if (stated.length === 1) return stated[0]!;
  return ranked[1]!.label as ProblemKind;
}

import { NotFoundError, ValidationError } from '../../../domain/errors.js';
import type { Address, BlobRef, EvidenceKind } from '../../../domain/types.js';
import type { Case } from '../../../domain/case-model.js';
import { choice, m, say, type EngineCtx, type Turn } from '../context.js';
import { callsItProof, proofKindInWords } from '../seller-words.js';
import { allowedCommands } from '../../../domain/decider.js';
import { newNonce, type CaseInputState } from '../state.js';
import { actOnCase, caseForTurn, cardOwner, fileOnCase } from './case-thread.js';

/**
 * SPEC section 1: a proof of shipping must show shipment to the address the buyer gave at
 * purchase. Once the seller sent the document, the bot shows that address and asks, with buttons,
 * whether the document shows it; the answer becomes the command's `shippedTo` and the domain
 * records whether it matches.
 */

/** The address the buyer gave at purchase, as one line. */
export function addressText(a: Address): string {
  return [a.name, a.line1, a.line2, [a.postalCode, a.city].filter((p) => p && p.trim()).join(' '), a.country].filter((p) => p && p.trim()).join(', ');
}

async function orderAddress(e: EngineCtx, c: Case): Promise<Address> {
  const address = c.shippingAddress ?? (await e.deps.marketplace.order(c.orderId))?.shippingAddress;
  if (!address) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId: c.orderId });
  return address;
}

const save = (e: EngineCtx, t: Turn, s: CaseInputState) => e.conv.set(t.input.platform, t.input.userId, t.input.conversationId, s);
const clear = (e: EngineCtx, t: Turn) => e.conv.clear(t.input.platform, t.input.userId, t.input.conversationId);

/** The proof's file arrived: keeps it and asks whether it shows shipment to the order's address. */
export async function askProofAddress(e: EngineCtx, t: Turn, s: CaseInputState, blob: BlobRef, caption: string | undefined): Promise<void> {
  const { c } = await caseForTurn(e, t, s.caseId);
  const address = await orderAddress(e, c);
  const next: CaseInputState = { ...s, nonce: newNonce(), step: 'proof_address', blob, ...(caption?.trim() ? { caption } : {}) };
  await save(e, t, next);
  const button = (v: string, label: string, style?: 'primary') => choice(e, t, m(label), { k: 'flow', nonce: next.nonce, v }, style);
  const choices = [
    await button('addr:yes', 'engine-choice-proof-to-order-address', 'primary'),
    await button('addr:no', 'engine-choice-proof-elsewhere'),
    await button('addr:unknown', 'engine-choice-proof-no-address'),
    await button('cancel', 'engine-choice-cancel'),
  ];
  say(t, m('engine-ask-proof-address', { caseId: c.id, address: addressText(address) }), { caseId: c.id, choices });
}

/**
 * A file sent straight into a case, without the Add proof button: when the seller's caption names a proof of
 * shipping (« reçu d'envoi », "customs form"), it is kept as that proof at once, the address it shows unstated
 * (as « no address on it » would): a seller who walks away from a question loses nothing.
 */
export async function fileSentOnCase(e: EngineCtx, t: Turn, caseId: string, blob: BlobRef, caption: string | undefined): Promise<void> {
  const kind = caption ? proofKindInWords(caption) : null;
  const known = kind || (caption && callsItProof(caption)) ? await caseForTurn(e, t, caseId) : null;
  const proof = kind && known?.role === 'seller' ? kind : undefined;
  await fileOnCase(e, t, caseId, blob, caption, proof);
  // « preuve » alone: the seller means a proof of shipping without saying which; kept as a photo, and the button that
  // records a proof (its kind and the address it shows) is offered rather than the word taken for one.
  if (!kind && known?.role === 'seller' && allowedCommands(known.c, 'seller', t.now, e.deps.policy).includes('AddEvidence')) {
    const token = await e.tokens.issue(cardOwner(t, 'seller'), { k: 'case', caseId, op: 'proof' });
    say(t, m('seller-thread-proof-photo', { caseId }), { caseId, choices: [{ label: m('engine-action-proof'), token, style: 'primary' }] });
  }
}

/** A button of the address question. */
export async function onProofChoice(e: EngineCtx, t: Turn, s: CaseInputState, v: string): Promise<void> {
  if (v === 'cancel') {
    await clear(e, t);
    return void say(t, m('engine-cancelled'));
  }
  if (s.step !== 'proof_address' || !s.blob || !s.kind) throw new ValidationError('ACTION_EXPIRED', 'button of another step');
  if (v === 'addr:yes') {
    const { c } = await caseForTurn(e, t, s.caseId);
    const address = await orderAddress(e, c);
    await clear(e, t);
    return addProof(e, t, s, s.kind, s.blob, address);
  }
  if (v === 'addr:unknown') {
    await clear(e, t);
    return addProof(e, t, s, s.kind, s.blob, undefined);
  }
  if (v !== 'addr:no') throw new ValidationError('ACTION_EXPIRED', 'unknown answer');
  const next: CaseInputState = { ...s, nonce: newNonce(), step: 'proof_place' };
  await save(e, t, next);
  const cancel = await choice(e, t, m('engine-choice-cancel'), { k: 'flow', nonce: next.nonce, v: 'cancel' });
  say(t, m('engine-ask-proof-place'), { caseId: s.caseId, expects: 'text', choices: [cancel] });
}

/** Text while the proof waits: the place it shows (after "another address"), else the question again. */
export async function onProofText(e: EngineCtx, t: Turn, s: CaseInputState, text: string): Promise<void> {
  if (s.step === 'proof_address' && s.blob) return askProofAddress(e, t, s, s.blob, s.caption);
  const place = parsePlace(text);
  if (!place || !s.blob || !s.kind) return void say(t, m('engine-ask-proof-place-again'), { caseId: s.caseId, expects: 'text' });
  await clear(e, t);
  await addProof(e, t, s, s.kind, s.blob, { name: '', line1: '', city: place.city, postalCode: place.postalCode, country: place.country });
}

function addProof(e: EngineCtx, t: Turn, s: CaseInputState, kind: EvidenceKind, blob: BlobRef, shippedTo: Address | undefined): Promise<void> {
  return actOnCase(e, t, s.caseId, { type: 'AddEvidence', kind, blob, ...(s.caption ? { caption: s.caption } : {}), ...(shippedTo ? { shippedTo } : {}) });
}

/**
 * `Goma, CD`, `75011 Paris, FR` or `Lubumbashi CD`: a city and a country (the last part, or a
 * country code as the last word), with a postal code when it leads the city. Null when it does not name both.
 */
export function parsePlace(text: string): { city: string; postalCode: string; country: string } | null {
  const parts = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  let cityPart: string;
  let country: string;
  if (parts.length >= 2) {
    country = parts.at(-1)!;
    cityPart = parts.at(-2)!;
  } else {
    const words = (parts[0] ?? '').split(/\s+/).filter(Boolean);
    // Without a comma, only a country code ends a place: "quelque part" is no city in country "part".
    if (words.length < 2 || !/^[A-Za-z]{2,3}$/.test(words.at(-1)!)) return null;
    country = words.at(-1)!;
    cityPart = words.slice(0, -1).join(' ');
  }
  const postal = /^(\d[\d\s-]*\d|\d)\s+(.+)$/.exec(cityPart);
  const city = (postal ? postal[2]! : cityPart).trim();
  if (!city || !country || [...text].length > 200) return null;
  return { city, postalCode: postal ? postal[1]!.trim() : '', country: country.length <= 3 ? country.toUpperCase() : country };
}

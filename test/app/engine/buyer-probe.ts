import { mkdirSync, writeFileSync } from 'node:fs';
import type { Case } from '../../../src/domain/case-model.js';
import type { Choice, OutMessage } from '../../../src/ports/turn.js';
import { CONVERSATIONS } from '../../fixtures/buyer-conversations/probe-3.js';
import type { Conversation, Outcome } from '../../fixtures/buyer-conversations/types.js';
import { BUSY_BUYER } from '../../fixtures/busy-buyer.js';
import { DAY, type Speaker, type World, type WorldOptions } from './harness.js';

/**
 * Plays the third probe's conversations (test/fixtures/buyer-conversations/probe-3.ts) against the engine, as
 * the buyer would: the buyer's own turns, then, at each expected outcome, only the buttons that do what the
 * buyer already said (yes to the reason they said, open the case, the order they meant when the bot may ask).
 * A conversation satisfies the buyer when every outcome is reached without being asked what they already said.
 */

const CASEABLE = new Set(['non_delivery', 'not_as_described']);
const SHOP_OWNER: Record<string, string> = { 'shop-bisou': 'acc-bisou', 'shop-lumiere': 'acc-lumiere', 'shop-kitoko': 'acc-kitoko' };

interface Ctx {
  w: World;
  s: Speaker;
  accountId: string;
  allowAsk: Array<'order' | 'reason'>;
  /** Cases there before the outcome being reached. */
  before: Set<string>;
}

const idsOf = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.id));
const choicesOf = (last: OutMessage[]): Choice[] => last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
const argsOf = (last: OutMessage[], id: string) => last.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const named = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.args?.orderId)).filter((x): x is string => typeof x === 'string');

async function casesOf(c: Ctx): Promise<Case[]> {
  return c.w.cases.list({ accountId: c.accountId, platform: 'telegram' }, 'mine');
}

function press(c: Ctx, labelId: string, match?: (ch: Choice) => boolean): Promise<OutMessage[]> | null {
  const found = choicesOf(c.s.last).find((ch) => ch.label.id === labelId && (!match || match(ch)));
  return found ? c.s.pressToken(found.token) : null;
}

const describe = (last: OutMessage[]) => {
  const ids = idsOf(last).filter((id) => id !== 'engine-lang-offer');
  const p = argsOf(last, 'engine-report-reason-proposed');
  return `${ids.join(',')}${p ? ` [proposed ${String(p.reason)} on ${String(p.orderId)}]` : ''}${named(last).length ? ` orders=${[...new Set(named(last))].join('/')}` : ''}`;
};

/** One step toward the outcome shared by the case-opening outcomes: the order asked, the reason asked. Null: nothing to do. */
async function answerAsks(c: Ctx, order: string, reason: string | undefined): Promise<string | null | true> {
  const ids = idsOf(c.s.last);
  const orderChoice = choicesOf(c.s.last).some((ch) => ch.label.id === 'engine-order-choice');
  if (ids.includes('engine-report-which-order') || (orderChoice && !ids.includes('engine-report-reason-proposed'))) {
    if (!c.allowAsk.includes('order')) return `asked which order: ${describe(c.s.last)}`;
    const p = press(c, 'engine-order-choice', (ch) => ch.label.args?.orderId === order);
    if (!p) return `order ${order} not offered: ${describe(c.s.last)}`;
    await p;
    return true;
  }
  if (ids.includes('engine-report-reason-pick')) {
    if (!c.allowAsk.includes('reason') || !reason) return `asked the problem: ${describe(c.s.last)}`;
    const p = press(c, 'engine-reason-choice', (ch) => ch.label.args?.reason === reason);
    if (!p) return `reason ${reason} not offered`;
    await p;
    return true;
  }
  return null;
}

/** The last step to a case: « Ouvrir le litige », or the description it asks for. False when neither is offered. */
async function openOrDescribe(c: Ctx, ids: string[]): Promise<boolean> {
  const open = press(c, 'buyer-flow-choice-open-now') ?? press(c, 'engine-choice-open-case');
  if (open) {
    await open;
    return true;
  }
  if (!ids.includes('engine-report-ask-description')) return false;
  await c.s.text('Voilà, merci de régler ça vite.');
  return true;
}

/** Drives to the outcome; returns null when reached, else what went wrong. */
export async function reach(c: Ctx, outcome: Outcome): Promise<string | null> {
  for (let step = 0; step < ('cases' in outcome ? 16 : 8); step++) {
    const ids = idsOf(c.s.last);
    const proposed = argsOf(c.s.last, 'engine-report-reason-proposed');
    if ('explains' in outcome) {
      // A question or a greeting gets an answer, not only « which order? » nor a problem proposed (fourth probe; its
      // first run also refused the orders offered after the answer, corrected: a bot that answers, then offers the
      // orders, leaves the buyer no dead end).
      const asks = ['engine-report-which-order', 'engine-report-reason-pick', 'engine-report-intro', 'buyer-flow-unclear', 'buyer-flow-order-not-in-text'];
      if (proposed) return `proposed a problem: ${describe(c.s.last)}`;
      if (!ids.some((id) => !asks.includes(id))) return `asked instead of answering: ${describe(c.s.last)}`;
      if ((await casesOf(c)).some((k) => !c.before.has(k.id))) return 'a case was opened';
      return null;
    }
    if ('answers' in outcome || 'noCase' in outcome) {
      // A question that is not a dispute (eighth probe): answered, no case, no case reason put to the buyer.
      if ((await casesOf(c)).some((k) => !c.before.has(k.id))) return 'a case was opened';
      if (proposed && CASEABLE.has(String(proposed.reason))) return `proposed a case reason: ${describe(c.s.last)}`;
      if ('noCase' in outcome) return c.s.last.length ? null : 'no reply';
      const { any, order } = outcome.answers;
      const card = c.s.last.find((o) => o.card)?.card;
      // (`order` is only the buyer's pick when asked which: a shop's policy answered without asking names no order; its first
      // run also wanted the order named in the answer, corrected.)
      if (ids.some((id) => any.includes(id)) || (any.includes('card') && card && card.orderId === order)) return null;
      if (order) {
        const asked = await answerAsks(c, order, undefined);
        if (typeof asked === 'string') return asked;
        if (asked) continue;
      }
      return `not answered (${any.join('|')}): ${describe(c.s.last)}`;
    }
    if ('cases' in outcome) {
      // Several reports (« et aussi … »): each ends as a case, in whatever order the bot takes them (fourth probe).
      const all = await casesOf(c);
      const fresh = all.filter((k) => !c.before.has(k.id));
      const stray = fresh.filter((k) => !outcome.cases.some((x) => x.order === k.orderId));
      if (stray.length) return `case opened on ${stray.map((k) => k.orderId).join(',')}`;
      for (const k of fresh) {
        const want = outcome.cases.find((x) => x.order === k.orderId)!;
        if (k.reason !== want.reason) return `case on ${k.orderId} opened with ${k.reason}`;
      }
      const pending = outcome.cases.filter((x) => !fresh.some((k) => k.orderId === x.order));
      if (!pending.length) return null;
      if (proposed) {
        const want = pending.find((x) => x.order === proposed.orderId);
        if (!want) return `proposed on another order: ${describe(c.s.last)}`;
        if (want.reason !== proposed.reason) return `proposed the wrong reason: ${describe(c.s.last)}`;
        await press(c, 'engine-choice-yes-reason');
        continue;
      }
      const asked = await answerAsks(c, pending[0]!.order, pending[0]!.reason);
      if (typeof asked === 'string') return `${asked} (pending ${pending.map((x) => x.order).join(',')})`;
      if (asked) continue;
      if (await openOrDescribe(c, ids)) continue;
      return `no case on ${pending.map((x) => x.order).join(',')}: ${describe(c.s.last)}`;
    }
    if ('case' in outcome) {
      const { order, photos } = outcome.case;
      const reasons = ([] as string[]).concat(outcome.case.reason);
      const found = (await casesOf(c)).find((k) => k.orderId === order);
      if (found) {
        if (!reasons.includes(found.reason)) return `case opened with ${found.reason}`;
        const lost = (outcome.case.says ?? []).filter((w) => !found.description.toLowerCase().includes(w.toLowerCase()));
        if (lost.length) return `description lost « ${lost.join(' », « ')} »: « ${found.description} »`;
        if (photos !== undefined) {
          const files = (await c.w.store.load(found.id))!.timeline.filter((e) => e.type === 'evidence').length;
          if (files !== photos) return `case has ${files} files, expected ${photos}`;
        }
        return null;
      }
      const other = (await casesOf(c)).filter((k) => !c.before.has(k.id) && k.orderId !== order);
      if (other.length) return `case opened on ${other.map((k) => k.orderId).join(',')}`;
      if (proposed) {
        if (proposed.orderId !== order) return `proposed on the wrong order: ${describe(c.s.last)}`;
        if (!reasons.includes(String(proposed.reason))) return `proposed the wrong reason: ${describe(c.s.last)}`;
        await press(c, 'engine-choice-yes-reason');
        continue;
      }
      const asked = await answerAsks(c, order, reasons[0]);
      if (typeof asked === 'string') return asked;
      if (asked) continue;
      if (await openOrDescribe(c, ids)) continue;
      return `no case: ${describe(c.s.last)}`;
    }
    if ('notCase' in outcome) {
      const { order } = outcome.notCase;
      const reasons = outcome.notCase.reason ? ([] as string[]).concat(outcome.notCase.reason) : undefined;
      if (ids.includes('engine-report-not-a-case')) {
        if (!named(c.s.last).includes(order)) return `not-a-case on another order: ${describe(c.s.last)}`;
        const r = String(argsOf(c.s.last, 'engine-report-not-a-case')?.reason);
        if (reasons && !reasons.includes(r)) return `not-a-case with reason ${r}`;
        if (!ids.includes('engine-shop-policy')) return `no shop policy: ${describe(c.s.last)}`;
        if (!ids.includes('engine-report-ask-message')) return `not asked for the message: ${describe(c.s.last)}`;
        const before = c.w.relayed.length;
        await c.s.text('Merci de me répondre rapidement.');
        const sent = c.w.relayed.slice(before);
        const shop = (await c.w.marketplace.order(order))!.shopId;
        if (!sent.some((n) => 'accountId' in n.to && n.to.accountId === SHOP_OWNER[shop])) return `message not relayed: ${describe(c.s.last)}`;
        return null;
      }
      if (proposed) {
        if (proposed.orderId !== order) return `proposed on the wrong order: ${describe(c.s.last)}`;
        if (CASEABLE.has(String(proposed.reason))) return `proposed a case reason: ${describe(c.s.last)}`;
        if (reasons && !reasons.includes(String(proposed.reason))) return `proposed ${String(proposed.reason)}`;
        await press(c, 'engine-choice-yes-reason');
        continue;
      }
      const asked = await answerAsks(c, order, reasons?.[0]);
      if (typeof asked === 'string') return asked;
      if (asked) continue;
      return `no refusal: ${describe(c.s.last)}`;
    }
    if ('notYet' in outcome || 'windowClosed' in outcome) {
      const order = 'notYet' in outcome ? outcome.notYet.order : outcome.windowClosed.order;
      // The dates said again with the rule behind them (« pourquoi ? », « c'est pas normal ») count as the dates.
      const want = 'notYet' in outcome ? ['engine-report-not-yet', 'buyer-flow-delivery-expected', 'buyer-flow-why-not-yet'] : ['engine-report-window-closed', 'buyer-flow-why-window-closed'];
      if (ids.some((id) => want.includes(id))) return named(c.s.last).includes(order) ? null : `dates of another order: ${describe(c.s.last)}`;
      if ((await casesOf(c)).some((k) => k.orderId === order)) return 'a case was opened';
      if (proposed) {
        if (proposed.orderId !== order) return `proposed on the wrong order: ${describe(c.s.last)}`;
        if (!['non_delivery', 'not_as_described', 'delivery_question'].includes(String(proposed.reason))) return `proposed ${String(proposed.reason)}`;
        await press(c, 'engine-choice-yes-reason');
        continue;
      }
      const asked = await answerAsks(c, order, 'non_delivery');
      if (typeof asked === 'string') return asked;
      if (asked) continue;
      return `no dates: ${describe(c.s.last)}`;
    }
    if ('messageSeller' in outcome) {
      const { order } = outcome.messageSeller;
      if (ids.includes('engine-report-ask-message')) {
        const before = c.w.relayed.length;
        await c.s.text('Bonjour, pouvez-vous me dire où est mon colis ?');
        return c.w.relayed.length > before ? null : `not relayed: ${describe(c.s.last)}`;
      }
      if (ids.includes('engine-report-message-sent')) return null;
      return `not asked for the message: ${describe(c.s.last)}${(await casesOf(c)).some((k) => k.orderId === order) ? ' (case opened)' : ''}`;
    }
    if ('status' in outcome) {
      // The case's card, with its status, whatever the words around it (an offer to send the words to the seller too).
      const { order } = outcome.status;
      const card = c.s.last.find((o) => o.card)?.card;
      if (card?.orderId === order && card.status !== 'closed' && !ids.includes('engine-report-intro')) return null;
      return `no status: ${describe(c.s.last)}`;
    }
    if ('evidence' in outcome) {
      const k = (await casesOf(c)).find((x) => x.orderId === outcome.evidence.order)!;
      const files = (await c.w.store.load(k.id))!.timeline.filter((e) => e.type === 'evidence').length;
      return files === outcome.evidence.photos ? null : `${files} files on the case: ${describe(c.s.last)}`;
    }
    if ('escalated' in outcome || 'closed' in outcome) {
      const order = 'escalated' in outcome ? outcome.escalated.order : outcome.closed.order;
      const k = (await casesOf(c)).find((x) => x.orderId === order)!;
      const now = (await c.w.store.load(k.id))!;
      if ('escalated' in outcome ? now.status === 'escalated' : now.status === 'closed') return null;
      const act = press(c, 'engine-choice-confirm') ?? press(c, 'escalated' in outcome ? 'engine-action-escalate' : 'engine-action-close');
      if (act && step < 3) {
        await act;
        continue;
      }
      return `not ${'escalated' in outcome ? 'escalated' : 'closed'}: ${describe(c.s.last)}`;
    }
    if ('escalateNotYet' in outcome) {
      const k = (await casesOf(c)).find((x) => x.orderId === outcome.escalateNotYet.order)!;
      if ((await c.w.store.load(k.id))!.status !== 'open') return 'escalated';
      // The case's card says from when it can be escalated (corrected after the first run, which wanted a sentence).
      const card = c.s.last.find((o) => o.card)?.card;
      const told = ids.includes('error-escalation-not-yet') || ids.includes('buyer-flow-person-case') || (card?.orderId === outcome.escalateNotYet.order && card.status === 'open');
      return told ? null : `not told: ${describe(c.s.last)}`;
    }
    if ('notYours' in outcome) {
      // Someone else's order, or a number that is no order: said plainly, no case (fifth probe).
      if ((await casesOf(c)).some((k) => !c.before.has(k.id))) return 'a case was opened';
      const told = ids.some((id) => id === 'engine-report-order-unknown' || id === 'error-order-not-found');
      return told ? null : `not told the order is not theirs: ${describe(c.s.last)}`;
    }
    if ('comment' in outcome) {
      const { order, says } = outcome.comment;
      const said = async (k: Case) => (await c.w.store.load(k.id))!.timeline.some((e) => e.type === 'comment' && e.text.toLowerCase().includes(says.toLowerCase()));
      const all = await casesOf(c);
      for (const k of all) if (k.orderId !== order && (await said(k))) return `comment added to ${k.orderId}'s case: ${describe(c.s.last)}`;
      const k = all.find((x) => x.orderId === order);
      if (!k) return `no case on ${order}`;
      if (await said(k)) return null;
      // Words that may be for the seller wait for the buyer's tap (« Envoyer au vendeur », the case's order on it): pressed,
      // as the buyer who wrote them for the case would (corrected after the first run, which wanted them sent at once).
      const send = press(c, 'engine-choice-send-to-seller', (ch) => ch.label.args?.orderId === order) ?? press(c, 'engine-choice-confirm');
      if (send && step < 2) {
        await send;
        continue;
      }
      return `not commented on ${order}: ${describe(c.s.last)}`;
    }
    if ('listed' in outcome) {
      const shown = new Set([...named(c.s.last), ...c.s.last.flatMap((o) => (o.card ? [o.card.orderId] : []))]);
      const missing = outcome.listed.filter((o) => !shown.has(o));
      return missing.length ? `not listed ${missing.join(',')}: ${describe(c.s.last)}` : null;
    }
    if ('untouched' in outcome) {
      const now = (await casesOf(c)).filter((k) => k.orderId === outcome.untouched.order);
      if (now.some((k) => !c.before.has(k.id))) return `a case was opened on ${outcome.untouched.order}`;
      const moved = now.find((k) => k.status !== 'open');
      return moved ? `the case on ${outcome.untouched.order} is ${moved.status}` : null;
    }
    if ('cancelled' in outcome) {
      const state = await c.w.kv.get(`engine:conv:telegram:${c.s.userId}:dm-${c.s.userId}`);
      if (state !== undefined) return `still under way: ${describe(c.s.last)}`;
      if ((await casesOf(c)).length) return 'a case was opened';
      return null;
    }
  }
  return `too many steps: ${describe(c.s.last)}`;
}

export interface ProbeResult {
  id: string;
  ok: boolean;
  why?: string;
  style: string[];
  transcript: string[];
}

/** Plays one conversation in a fresh world from `makeWorld`. */
export async function play(conv: Conversation, makeWorld: (o: WorldOptions) => Promise<World>): Promise<ProbeResult> {
  const accountId = conv.account ?? 'acc-amina';
  const w = await makeWorld({ ...(conv.noLocale ? { withoutLocale: [accountId] } : {}), ...(accountId === BUSY_BUYER ? { busyBuyer: true } : {}) });
  for (const k of conv.setup ?? []) {
    await w.cases.open({ accountId, platform: 'telegram' }, { orderId: k.order, reason: k.reason, description: 'Rien reçu / pas conforme.' });
  }
  const s = await w.user({ account: accountId });
  const transcript: string[] = [];
  /** Every paragraph the buyer was shown (the keep-in-messages request may come at any turn). */
  const seen = new Set<string>();
  /** Every reply the buyer was shown, oldest first (an earlier message's button may be pressed). */
  const history: OutMessage[][] = [];
  const c: Ctx = { w, s, accountId, allowAsk: conv.allowAsk ?? [], before: new Set() };
  c.before = new Set((await casesOf(c)).map((k) => k.id));
  /** Orders no reply may name from now on. */
  let quiet: string[] = [];
  /** The language every reply must be in from now on (twelfth probe). */
  let speaks: 'ln' | 'sw' | 'fr' | null = null;
  const FOREIGN = [' vous ', ' votre ', ' vos ', 'voulez', ' avez ', "n'est ", ' du vendeur', ' au vendeur', ' you ', ' your ', ' the seller', 'novembre', 'décembre', 'octobre', 'november', 'december', 'october'];
  const wrongLanguage = (): string | null => {
    if (!speaks) return null;
    for (const o of s.last) {
      if (o.ownLanguage) continue;
      if (!o.locale.startsWith(speaks)) return `answered in ${o.locale}, not ${speaks}: ${o.body.map((b) => b.id).join(',')}`;
    }
    if (speaks === 'fr') return null;
    // The buyer's own words quoted back (« … », a description on a card) are theirs, in whatever language they wrote.
    const text = ` ${s.read().replace(/«[^»]*»/g, ' ').replace(/\s+/g, ' ').toLowerCase()} `;
    const leak = FOREIGN.find((w) => text.includes(w));
    return leak ? `« ${leak.trim()} » in a ${speaks} answer: ${text.slice(Math.max(0, text.indexOf(leak) - 60), text.indexOf(leak) + 60)}` : null;
  };
  const loud = () => {
    const shown = [...named(s.last), ...s.last.flatMap((o) => (o.card ? [o.card.orderId] : []))];
    return shown.find((o) => quiet.includes(o));
  };
  try {
    for (const t of conv.turns) {
      if (typeof t !== 'string' && 'quiet' in t) {
        quiet = t.quiet;
        continue;
      }
      // A turn's replies are checked when the next turn comes, so that a `{ speaks }` right after it says their language
      // (its first run checked them against the language before, corrected).
      if (typeof t === 'string' || !('speaks' in t)) {
        const bad = wrongLanguage();
        if (bad) return { id: conv.id, ok: false, why: bad, style: conv.style, transcript };
      }
      if (typeof t !== 'string' && 'speaks' in t) {
        speaks = t.speaks;
        const bad = wrongLanguage();
        if (bad) return { id: conv.id, ok: false, why: bad, style: conv.style, transcript };
        continue;
      }
      if (typeof t !== 'string' && 'reads' in t) {
        const text = s.read().toLowerCase();
        const missing = t.reads.find((r) => !text.includes(r.toLowerCase()));
        if (missing) return { id: conv.id, ok: false, why: `does not read « ${missing} »: ${s.read().replace(/\s+/g, ' ').slice(0, 300)}`, style: conv.style, transcript };
        continue;
      }
      if (typeof t !== 'string' && 'pressEarlier' in t) {
        const found = history.flatMap((r) => choicesOf(r)).reverse().find((ch) => ch.label.id === t.pressEarlier);
        if (!found) return { id: conv.id, ok: false, why: `no earlier button ${t.pressEarlier}`, style: conv.style, transcript };
        await s.pressToken(found.token);
        transcript.push(`> [presses an earlier ${t.pressEarlier}]`, `  ${describe(s.last)}`);
      } else if (typeof t === 'string') {
        await s.text(t);
        transcript.push(`> ${t}`, `  ${describe(s.last)}`);
        for (const id of idsOf(s.last)) seen.add(id);
        const spoke = loud();
        if (spoke) return { id: conv.id, ok: false, why: `spoke of ${spoke} after « ${t} »`, style: conv.style, transcript };
      } else if ('photo' in t) {
        await s.attach({ id: `blob-${t.photo}`, contentType: 'image/jpeg', size: 1000 + t.photo, name: `photo-${t.photo}.jpg` }, t.caption);
        transcript.push(`> [photo ${t.photo}${t.caption ? ` « ${t.caption} »` : ''}]`, `  ${describe(s.last)}`);
        const spoke = loud();
        if (spoke) return { id: conv.id, ok: false, why: `spoke of ${spoke} after photo ${t.photo}`, style: conv.style, transcript };
      } else if ('advanceDays' in t) {
        w.clock.advance(t.advanceDays * DAY);
      } else {
        const why = await reach({ ...c, allowAsk: t.allowAsk ?? [] }, t.expect);
        transcript.push(`  … ${describe(s.last)}`);
        c.before = new Set((await casesOf(c)).map((k) => k.id));
        if (why) return { id: conv.id, ok: false, why: `checkpoint: ${why}`, style: conv.style, transcript };
      }
      history.push(s.last);
    }
    const why =
      (await reach(c, conv.expect)) ??
      (conv.keepInMessages && !seen.has('engine-keep-in-messages') ? 'not asked to keep it in messages' : null) ??
      (conv.noFallback && seen.has('engine-fallback') ? 'answered « pas compris » (engine-fallback)' : null) ??
      (conv.nothingRelayed && w.relayed.length ? `relayed to a seller: ${w.relayed.map((n) => JSON.stringify(n.to)).join(', ')}` : null) ??
      (loud() ? `spoke of ${loud()} at the end` : null) ??
      wrongLanguage();
    return why ? { id: conv.id, ok: false, why, style: conv.style, transcript } : { id: conv.id, ok: true, style: conv.style, transcript };
  } catch (e) {
    return { id: conv.id, ok: false, why: `threw: ${(e as Error).message}`, style: conv.style, transcript };
  }
}

export { CONVERSATIONS };

/**
 * Plays `convs` one after the other and writes their transcripts to test-artifacts/<artifact>.txt (the satisfied
 * count first); returns how many satisfied the buyer, and why the others did not (one line each).
 */
export async function playAll(convs: readonly Conversation[], makeWorld: (o: WorldOptions) => Promise<World>, artifact: string): Promise<{ satisfied: number; why: string }> {
  const results: ProbeResult[] = [];
  for (const conv of convs) results.push(await play(conv, makeWorld));
  const failed = results.filter((r) => !r.ok);
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(
    `test-artifacts/${artifact}.txt`,
    [`${results.length - failed.length}/${results.length} satisfied`, '', ...results.map((r) => [`${r.ok ? 'OK  ' : 'FAIL'} ${r.id} [${r.style.join(' ')}]${r.why ? ` — ${r.why}` : ''}`, ...r.transcript].join('\n'))].join('\n'),
  );
  return { satisfied: results.length - failed.length, why: failed.map((r) => `${r.id}: ${r.why}`).join('\n') };
}

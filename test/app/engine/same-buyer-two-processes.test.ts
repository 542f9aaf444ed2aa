import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../../src/infra/demo-marketplace.js';
import type { Engine, OutMessage, TurnContent, TurnInput } from '../../../src/ports/turn.js';
import { backendWorld, capabilitiesOf, type World } from './harness.js';

/**
 * Behind a load balancer, two updates of the same buyer (a text and a button press, a double tap, two quick texts) may
 * reach two Palabre processes at the same moment. Two engines on the same Redis (each with its own stores and caches,
 * as two processes) take each pair at once, many times over: the buyer reads what they would read had the two updates
 * come one after the other. Before the per-identity turn lease (EngineDeps.turns), in 50 runs of each out of 50: the
 * press overwrote the typed correction (the report stayed on the first order); a double tap answered twice; the second
 * quick text got « a case is already open » and was dropped; « Ouvrir le litige » on both showed that error.
 */
const { eligibleNonDelivery: ELIGIBLE, eligibleNotAsDescribed: BAG } = DEMO_ORDERS;
const RUNS = 50;

let updates = 0;

/** One buyer writing through two processes: each turn a Telegram update of its own. */
function buyer(w: World, userId: string) {
  const engines: [Engine, Engine] = [w.engine, w.peer()];
  const base: Omit<TurnInput, 'content'> = { platform: 'telegram', userId, conversationId: `dm-${userId}`, isPrivate: true, capabilities: capabilitiesOf('telegram') };
  const turn = (on: 0 | 1, content: TurnContent) => engines[on].handle({ ...base, content, eventId: `telegram:update:race:${++updates}` }).then((r) => r.replies);
  return {
    text: (on: 0 | 1, text: string) => turn(on, { type: 'text', text }),
    press: (on: 0 | 1, token: string) => turn(on, { type: 'action', token }),
    state: () => w.kv.get<{ flow: string; step: string; orderId?: string | null; description?: string | null }>(`engine:conv:telegram:${userId}:dm-${userId}`),
  };
}

const ids = (replies: OutMessage[]) => replies.flatMap((o) => o.body.map((b) => b.id));
const tokenOf = (replies: OutMessage[], labelId: string): string => {
  const found = replies.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]).find((c) => c.label.id === labelId);
  expect(found, `${labelId} among ${ids(replies).join(', ')}`).toBeDefined();
  return found!.token;
};
/**
 * What a buyer must never read: a failure, or a refusal the same two updates one after the other would not give (a
 * button pressed a second time, or pressed after a newer message, is spent: « error-action-expired » is that answer).
 */
const errorsIn = (replies: OutMessage[]) => ids(replies).filter((id) => id.startsWith('error-') && id !== 'error-action-expired');

const casesOf = (w: World, orderId: string) => w.store.list({ orderId });

describe('one buyer’s updates handled by two processes at once (Redis)', () => {
  const world = backendWorld('redis', { beforeAll, afterAll });

  it(`« Oui » and a new text naming another order, at once (${RUNS} runs): no error, and the report is about the order typed, as when the two come one after the other`, async () => {
    const seen: Record<string, number> = {};
    for (let i = 0; i < RUNS; i++) {
      const w = await world();
      await w.links.put({ platform: 'telegram', userId: `a${i}`, accountId: 'acc-amina', address: `dm-a${i}`, linkedAt: w.clock.now().toISOString() });
      const b = buyer(w, `a${i}`);
      const yes = tokenOf(await b.text(0, `ma commande ${ELIGIBLE} n'est jamais arrivée`), 'engine-choice-yes-reason');
      const [pressed, typed] = await Promise.all([b.press(0, yes), b.text(1, `non pardon, c'est le sac ${BAG} : il est abîmé`)]);
      const errors = [...errorsIn(pressed), ...errorsIn(typed)];
      const state = await b.state();
      const key = `${errors.join('+') || 'ok'} state:${state?.orderId ?? 'none'}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    // The bag, typed, is the last word whichever came first (a press after it is spent): the stored report is about it.
    expect(seen).toEqual({ [`ok state:${BAG}`]: RUNS });
  }, 120_000);

  it(`the same button pressed twice, on both processes (${RUNS} runs): one effect, no error`, async () => {
    const seen: Record<string, number> = {};
    for (let i = 0; i < RUNS; i++) {
      const w = await world();
      await w.links.put({ platform: 'telegram', userId: `b${i}`, accountId: 'acc-amina', address: `dm-b${i}`, linkedAt: w.clock.now().toISOString() });
      const b = buyer(w, `b${i}`);
      const yes = tokenOf(await b.text(0, `ma commande ${ELIGIBLE} n'est jamais arrivée`), 'engine-choice-yes-reason');
      const both = await Promise.all([b.press(0, yes), b.press(1, yes)]);
      const answered = both.filter((r) => ids(r).includes('engine-report-eligible')).length;
      const errors = both.flatMap(errorsIn);
      const state = await b.state();
      const key = `answered:${answered} errors:${errors.join('+') || 'none'} step:${state?.step ?? 'none'}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    // One press answered, the other told the button is spent: as two taps one after the other.
    expect(seen).toEqual({ 'answered:1 errors:none step:decide': RUNS });
  }, 120_000);

  it(`two quick texts at the description step (${RUNS} runs): the case opens once with one of them, and the other is not lost (on the case, or offered to send)`, async () => {
    const seen: Record<string, number> = {};
    const FIRST = 'le colis n’est jamais arrivé chez moi à Gombe';
    const SECOND = 'et le livreur ne répond plus au téléphone';
    for (let i = 0; i < RUNS; i++) {
      const w = await world();
      await w.links.put({ platform: 'telegram', userId: `c${i}`, accountId: 'acc-amina', address: `dm-c${i}`, linkedAt: w.clock.now().toISOString() });
      const b = buyer(w, `c${i}`);
      // A report without a description: « Ouvrir le litige » asks for one.
      const reason = await b.text(0, `ma commande ${ELIGIBLE}`);
      const pick = reason.flatMap((o) => o.choices ?? []).find((c) => c.label.id === 'engine-reason-choice' && c.label.args?.reason === 'non_delivery');
      expect(pick, ids(reason).join(', ')).toBeDefined();
      const decided = await b.press(0, pick!.token);
      const asked = await b.press(0, tokenOf(decided, 'engine-choice-open-case'));
      expect(ids(asked)).toContain('engine-report-ask-description');
      const both = await Promise.all([b.text(0, FIRST), b.text(1, SECOND)]);
      const errors = both.flatMap(errorsIn);
      const cases = await casesOf(w, ELIGIBLE);
      const words = cases.flatMap((c) => [c.description, ...c.timeline.flatMap((e) => ('text' in e && typeof e.text === 'string' ? [e.text] : []))]);
      // A word is kept when the case has it, or when the buyer is told it has not gone yet, with the button that sends it.
      const offered = both.some((r) => ids(r).includes('engine-buyer-words-not-sent') && r.some((o) => (o.choices ?? []).some((c) => c.label.id === 'engine-choice-send-to-seller')));
      const lost = [FIRST, SECOND].filter((x) => !words.some((wd) => wd?.includes(x))).length - (offered ? 1 : 0);
      const key = `cases:${cases.length} lost:${lost} errors:${errors.join('+') || 'none'}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    expect(seen).toEqual({ 'cases:1 lost:0 errors:none': RUNS });
  }, 120_000);

  it(`« Ouvrir le litige » pressed on both processes (${RUNS} runs): one case, no error`, async () => {
    const seen: Record<string, number> = {};
    for (let i = 0; i < RUNS; i++) {
      const w = await world();
      await w.links.put({ platform: 'telegram', userId: `d${i}`, accountId: 'acc-amina', address: `dm-d${i}`, linkedAt: w.clock.now().toISOString() });
      const b = buyer(w, `d${i}`);
      const yes = tokenOf(await b.text(0, `ma commande ${ELIGIBLE} n'est jamais arrivée`), 'engine-choice-yes-reason');
      const open = tokenOf(await b.press(0, yes), 'buyer-flow-choice-open-now');
      const both = await Promise.all([b.press(0, open), b.press(1, open)]);
      const opened = both.filter((r) => ids(r).includes('engine-report-opened')).length;
      const errors = both.flatMap(errorsIn);
      const cases = await casesOf(w, ELIGIBLE);
      const key = `cases:${cases.length} opened:${opened} errors:${errors.join('+') || 'none'}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    expect(seen).toEqual({ 'cases:1 opened:1 errors:none': RUNS });
  }, 120_000);
});

describe('the turn lease a caller gives back itself (Redis)', () => {
  const world = backendWorld('redis', { beforeAll, afterAll });
  const input = (userId: string, text: string, eventId: string, settles = false): TurnInput => ({
    platform: 'telegram', userId, conversationId: `dm-${userId}`, isPrivate: true, capabilities: capabilitiesOf('telegram'),
    content: { type: 'text', text }, eventId, ...(settles ? { settles: true } : {}),
  });
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a turn that `settles` holds its user until Engine.settle: the other process’s turn of that user waits for it, then runs', async () => {
    const w = await world();
    await w.links.put({ platform: 'telegram', userId: 's1', accountId: 'acc-amina', address: 'dm-s1', linkedAt: w.clock.now().toISOString() });
    const [one, two] = [w.engine, w.peer()];
    await one.handle(input('s1', `ma commande ${ELIGIBLE} n'est jamais arrivée`, 'ev-s1-1', true));
    let answered = false;
    const next = two.handle(input('s1', 'bonjour', 'ev-s1-2')).then((r) => ((answered = true), r));
    await later(300);
    expect(answered).toBe(false);
    one.settle!('ev-s1-1');
    expect(errorsIn((await next).replies)).toEqual([]);
  });

  it('reads prefetched for an update never handled (a duplicate) hold nothing once settled', async () => {
    const w = await world();
    await w.links.put({ platform: 'telegram', userId: 's2', accountId: 'acc-amina', address: 'dm-s2', linkedAt: w.clock.now().toISOString() });
    const [one, two] = [w.engine, w.peer()];
    one.prefetch!(input('s2', 'bonjour', 'ev-s2-1'));
    one.settle!('ev-s2-1');
    const t0 = performance.now();
    await two.handle(input('s2', `ma commande ${ELIGIBLE} n'est jamais arrivée`, 'ev-s2-2'));
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

import { describe, expect, it } from 'vitest';
import type { Case, CaseCommand, CaseEvent } from '../../src/domain/case-model.js';
import { allowedCommands, decide, evolve, fold } from '../../src/domain/decider.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Role } from '../../src/domain/types.js';
import { actors, given, makeOrder, opened, OPENED_AT, play, shift } from './support.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('fold and evolve', () => {
  it('version is the number of events and the timeline is the event log itself', () => {
    const events = play(opened(), [
      [{ type: 'Comment', text: 'Où est mon colis ?' }],
      [{ type: 'Comment', text: 'Expédié hier.' }, { as: 'seller' }],
      [{ type: 'Refund' }, { as: 'seller' }],
    ]);
    const c = fold(events);
    expect(c.version).toBe(5);
    expect(c.timeline).toEqual(events);
  });

  it('evolve never mutates the previous state: the timeline is append-only', () => {
    const events = opened();
    const before = deepFreeze(fold(events));
    const comment: CaseEvent = { type: 'comment', at: shift(OPENED_AT, 'PT1H'), actor: actors.buyer, text: 'x' };
    const after = evolve(before, comment);
    expect(before.version).toBe(1);
    expect(before.timeline).toHaveLength(1);
    expect(after.timeline.slice(0, 1)).toEqual(before.timeline);
    expect(after.timeline.at(-1)).toBe(comment);
  });

  it('fold gives the very state that evolving event by event gives, and a timeline of its own', () => {
    const events = play(opened(), [
      [{ type: 'Comment', text: 'Où est mon colis ?' }],
      [{ type: 'Comment', text: 'Toujours rien.' }, { now: shift(OPENED_AT, 'PT2H') }],
      [{ type: 'Comment', text: 'Expédié hier.' }, { as: 'seller', now: shift(OPENED_AT, 'PT3H') }],
      [{ type: 'Escalate', ground: 'refusal' }, { now: shift(OPENED_AT, 'P4D') }],
      [{ type: 'Refund' }, { as: 'seller', now: shift(OPENED_AT, 'P4DT1H') }],
    ]);
    const stepwise = events.reduce<Case | null>((s, e) => evolve(s, e), null)!;
    const folded = fold(events);
    expect(folded).toEqual(stepwise);
    expect(folded.status).toBe('closed');
    expect(folded.timeline).not.toBe(events);
    const copy = [...events];
    (events as CaseEvent[]).push(events[1]!);
    expect(folded.timeline).toEqual(copy);
  });

  it('refuses a log that does not start with "opened", a second "opened" and an empty log', () => {
    const comment: CaseEvent = { type: 'comment', at: OPENED_AT, actor: actors.buyer, text: 'x' };
    expect(() => evolve(null, comment)).toThrow(/must start with "opened"/);
    expect(() => evolve(fold(opened()), opened()[0]!)).toThrow(/already opened/);
    expect(() => fold([])).toThrow(/empty/);
  });

  it('records the shipping address given at purchase', () => {
    expect(fold(opened()).shippingAddress).toEqual(makeOrder().shippingAddress);
  });
});

describe('bookkeeping the nudges rely on', () => {
  const t1 = shift(OPENED_AT, 'PT1H');
  const t2 = shift(OPENED_AT, 'PT2H');
  const t3 = shift(OPENED_AT, 'PT3H');

  it('buyerWaitingSince is the first unanswered buyer comment; any seller action clears it', () => {
    let log = play(opened(), [[{ type: 'Comment', text: 'Allô ?' }, { now: t1 }]]);
    expect(fold(log).buyerWaitingSince).toBe(t1);
    log = play(log, [[{ type: 'Comment', text: 'Allô ??' }, { now: t2 }]]);
    expect(fold(log).buyerWaitingSince).toBe(t1);
    const seller: Array<[CaseCommand, string]> = [
      [{ type: 'Comment', text: 'Oui' }, 'comment'],
      [{ type: 'AddEvidence', kind: 'shipping_receipt', blob: { id: 'b', contentType: 'image/png', size: 1 } }, 'evidence'],
      [{ type: 'AddTracking', carrier: 'dhl', number: 'X', info: null, shippingAddress: makeOrder().shippingAddress }, 'tracking'],
      [{ type: 'Refund', amount: { amount: 1, currency: 'CDF' } }, 'refund'],
    ];
    for (const [cmd] of seller) {
      const c = fold(play(log, [[cmd, { as: 'seller', now: t3 }]]));
      expect(c).toMatchObject({ buyerWaitingSince: null, sellerActedAt: t3 });
    }
  });

  it('buyer photos do not start the reply clock; support actions do not stop it', () => {
    const log = play(opened(), [[{ type: 'AddEvidence', kind: 'photo', blob: { id: 'b', contentType: 'image/png', size: 1 } }, { now: t1 }]]);
    expect(fold(log).buyerWaitingSince).toBeNull();
    const waiting = play(opened(), [
      [{ type: 'Comment', text: 'Allô ?' }, { now: t1 }],
      [{ type: 'Escalate', ground: 'inactivity' }, { as: 'support', now: t2 }],
      [{ type: 'Note', text: 'vu' }, { as: 'support', now: t2 }],
    ]);
    expect(fold(waiting)).toMatchObject({ buyerWaitingSince: t1, sellerActedAt: null });
  });

  it('closing clears the waiting and the open information request', () => {
    const log = play(opened(), [
      [{ type: 'Comment', text: 'Allô ?' }, { now: t1 }],
      [{ type: 'Escalate', ground: 'inactivity' }, { as: 'support', now: t1 }],
      [{ type: 'AskInfo', from: 'seller', text: 'Preuve ?' }, { as: 'support', now: t1 }],
      [{ type: 'BuyerClose' }, { now: t2 }],
    ]);
    expect(fold(log)).toMatchObject({ buyerWaitingSince: null, infoRequested: null, closedAt: t2, status: 'closed' });
  });

  it('an info_provided entry answers the open request', () => {
    const log = play(opened(), [
      [{ type: 'Escalate', ground: 'inactivity' }, { as: 'support', now: t1 }],
      [{ type: 'AskInfo', from: 'seller', text: 'Preuve ?' }, { as: 'support', now: t1 }],
    ]);
    const c = evolve(fold(log), { type: 'info_provided', at: t2, actor: actors.seller, text: 'Voici.' });
    expect(c.infoRequested).toBeNull();
  });
});

describe('invariants over a long random walk of allowed commands', () => {
  // A small deterministic generator so a failure is reproducible.
  function rng(seed: number) {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }
  const sample: Record<string, (r: () => number, role: Role) => CaseCommand> = {
    Comment: () => ({ type: 'Comment', text: 'msg' }),
    AddEvidence: (_r, role) => ({ type: 'AddEvidence', kind: role === 'seller' ? 'departure_scan' : 'photo', caption: 'c' }),
    AddTracking: (r) => ({
      type: 'AddTracking',
      carrier: 'dhl',
      number: 'N',
      shippingAddress: makeOrder().shippingAddress,
      info: { carrier: 'dhl', number: 'N', events: [{ at: OPENED_AT, status: r() < 0.5 ? 'delivered' : 'in_transit', city: r() < 0.5 ? 'Kinshasa' : 'Goma', country: 'CD' }] },
    }),
    Refund: (r) => (r() < 0.5 ? { type: 'Refund' } : { type: 'Refund', amount: { amount: 1000, currency: 'CDF' }, recover: false }),
    BuyerClose: () => ({ type: 'BuyerClose' }),
    Escalate: () => ({ type: 'Escalate', ground: 'harassment' }),
    AskInfo: (r) => ({ type: 'AskInfo', from: r() < 0.5 ? 'buyer' : 'seller', text: '?' }),
    DecideForSeller: () => ({ type: 'DecideForSeller' }),
    DecideForBuyer: (r) => ({ type: 'DecideForBuyer', recover: r() < 0.5 }),
    RequestVerification: () => ({ type: 'RequestVerification', text: 'Rien reçu.' }),
    Reopen: () => ({ type: 'Reopen' }),
    Note: () => ({ type: 'Note', text: 'n' }),
    FlagLateDelivery: () => ({ type: 'FlagLateDelivery' }),
    Take: () => ({ type: 'Take', name: 'Support' }),
  };

  it.each([1, 7, 42, 2026])('seed %i: 300 steps keep version, timeline, refunds and status consistent', (seed) => {
    const r = rng(seed);
    const roles: Role[] = ['buyer', 'seller', 'support', 'system'];
    let log = opened();
    let now = OPENED_AT;
    for (let step = 0; step < 300; step++) {
      now = shift(now, r() < 0.1 ? 'P60D' : 'PT7H');
      const role = roles[Math.floor(r() * roles.length)]!;
      const state = fold(log);
      const allowed = allowedCommands(state, role, now).filter((t) => t !== 'RecordReminder');
      if (allowed.length === 0) continue;
      const type = allowed[Math.floor(r() * allowed.length)]!;
      const cmd = sample[type]!(r, role);
      let produced: CaseEvent[];
      try {
        produced = decide(state, cmd, { now, policy: defaultPolicy, actor: actors[role] });
      } catch (e) {
        // Only a partial amount can be refused where a full one was allowed.
        expect((e as { code: string }).code).toMatch(/REFUND_TOO_LARGE|LATE_DELIVERY_FULL_REFUND_ONLY/);
        continue;
      }
      const next = fold([...log, ...produced]);
      checkInvariants(state, next, produced);
      log = next.timeline;
    }
    seen.push(...log.map((e) => e.type));
  });

  const seen: string[] = [];
  it('the walks went through every kind of entry and resolution', () => {
    expect(new Set(seen)).toEqual(
      new Set(['opened', 'comment', 'evidence', 'tracking', 'refund', 'escalated', 'info_requested', 'note', 'closed', 'reopened', 'late_delivery', 'assigned', 'verification_requested']),
    );
  });

  function checkInvariants(before: Case, after: Case, produced: CaseEvent[]): void {
    expect(after.version).toBe(before.version + produced.length);
    expect(after.timeline.length).toBe(after.version);
    expect(after.timeline.slice(0, before.version)).toEqual(before.timeline);
    expect(after.refunded.amount).toBeLessThanOrEqual(after.orderTotal.amount);
    expect(after.refunded.amount).toBeGreaterThanOrEqual(before.refunded.amount);
    expect(after.status === 'closed').toBe(after.closedAt !== null);
    expect(after.status === 'closed').toBe(after.resolution !== null);
    if (after.status === 'escalated') expect(after.escalatedAt).not.toBeNull();
    if (before.lateDelivery && after.status === 'closed' && before.status !== 'closed') {
      expect(['refunded', 'support_refund', 'buyer_closed']).toContain(after.resolution);
      if (after.resolution === 'support_refund') expect(after.refunded.amount).toBe(after.orderTotal.amount);
    }
  }
});

describe('given() helper sanity', () => {
  it('fails when the events differ (a test that cannot fail is worse than none)', () => {
    expect(() => given(opened()).when({ type: 'BuyerClose' }).then([{ type: 'closed', resolution: 'refunded' }])).toThrow();
    expect(() => given(opened()).when({ type: 'BuyerClose' }).thenError('CASE_CLOSED')).toThrow();
  });
});

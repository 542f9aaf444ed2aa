import { Duration } from 'luxon';
import { expect } from 'vitest';
import type { Case, CaseCommand, CaseEvent } from '../../src/domain/case-model.js';
import { decide, decideOpen, fold, type OpenCaseInput } from '../../src/domain/decider.js';
import { eligibility } from '../../src/domain/eligibility.js';
import { isPalabreError, type ErrorCode } from '../../src/domain/errors.js';
import { defaultPolicy, parsePolicy, type Policy } from '../../src/domain/policy.js';
import type { Actor, Order, Role, Shop } from '../../src/domain/types.js';

/** The demo marketplace of SPEC section 6, as test fixtures. */
export const actors: Record<Role, Actor> = {
  buyer: { accountId: 'acc-amina', role: 'buyer', platform: 'telegram' },
  seller: { accountId: 'acc-bisou', role: 'seller', platform: 'discord' },
  support: { accountId: 'acc-support-1', role: 'support', platform: 'teams' },
  system: { accountId: 'system', role: 'system', platform: 'system' },
};

export function makeShop(over: Partial<Shop> = {}): Shop {
  return {
    id: 'shop-bisou',
    ownerId: 'acc-bisou',
    name: 'Bisou Créations',
    country: 'CD',
    policies: { refunds: true, returns: true, returnWindowDays: 14, exchanges: false },
    ...over,
  };
}

export function makeOrder(over: Partial<Order> = {}): Order {
  return {
    id: 'CC-1001',
    buyerId: 'acc-amina',
    shopId: 'shop-bisou',
    items: [{ listingId: 'L-77', title: 'Pagne wax 6 yards', quantity: 2, unitPrice: { amount: 25000, currency: 'CDF' } }],
    total: { amount: 50000, currency: 'CDF' },
    payment: { method: 'mobile_money', viaMarketplace: true },
    placedAt: '2026-10-01T09:00:00Z',
    processingDays: 3,
    shippedAt: '2026-10-03T15:00:00Z',
    estimatedDeliveryAt: '2026-10-20T00:00:00Z',
    shippingAddress: { name: 'Amina K.', line1: '12 av. de la Paix', city: 'Kinshasa', postalCode: '', country: 'CD' },
    tracking: null,
    ...over,
  };
}

/** The moment the demo case opens: the first day of eligibility, mid-morning in Kinshasa. */
export const OPENED_AT = '2026-10-21T08:00:00.000Z';

/** A policy with some durations overridden by POLICY_* values. */
export function policyWith(env: Record<string, string>): Policy {
  return parsePolicy(env);
}

/** `iso` moved by an ISO duration (negative with a leading '-'), as an ISO UTC instant. */
export function shift(iso: string, duration: string): string {
  const neg = duration.startsWith('-');
  const d = Duration.fromISO(neg ? duration.slice(1) : duration);
  const t = new Date(Date.parse(iso) + (neg ? -1 : 1) * d.toMillis());
  return t.toISOString();
}

/** The OpenCaseInput of the demo case, eligibility computed for real unless given. */
export function openInput(over: Partial<OpenCaseInput> = {}): OpenCaseInput {
  const order = over.order ?? makeOrder();
  const shop = over.shop ?? makeShop();
  const now = over.now ?? OPENED_AT;
  const policy = over.policy ?? defaultPolicy;
  return {
    caseId: 'C-000123',
    order,
    shop,
    reason: 'non_delivery',
    description: "Ma commande n'est jamais arrivée.",
    actor: actors.buyer,
    openCaseIdForOrder: null,
    eligibility: eligibility({ order, shop, now, timezone: 'Africa/Kinshasa', policy }),
    now,
    policy,
    ...over,
  };
}

/** The events of an opened demo case. */
export function opened(over: Partial<OpenCaseInput> = {}): CaseEvent[] {
  return decideOpen(openInput(over));
}

export interface When {
  /** Who acts (a role of the demo cast, or a full actor) and when; defaults: buyer, one hour after opening. */
  as?: Role | Actor;
  now?: string;
  policy?: Policy;
}

/** The outcome of one command: the new events (or error) and the case after them. */
export interface Then {
  /** Asserts the new events (each matched as a subset, in order, same count); returns the folded case. */
  then(expected: Array<Partial<CaseEvent> & { type: CaseEvent['type'] }>): Case;
  /** Asserts the command was refused with `code` (and, when given, these error args). */
  thenError(code: ErrorCode, args?: Record<string, string | number>): void;
}

/** Given these events, when this command, then these events or this error (Emmett's DeciderSpecification). */
export function given(events: CaseEvent[]) {
  const state = fold(events);
  return {
    state,
    /** Decide a follow-up command, or several in a row (each decided on the case left by the previous). */
    when(cmd: CaseCommand, w: When = {}): Then {
      const actor = typeof w.as === 'object' ? w.as : actors[w.as ?? 'buyer'];
      const ctx = { now: w.now ?? shift(OPENED_AT, 'PT1H'), policy: w.policy ?? defaultPolicy, actor };
      let produced: CaseEvent[] | undefined;
      let error: unknown;
      try {
        produced = decide(state, cmd, ctx);
      } catch (e) {
        error = e;
      }
      return {
        then(expected) {
          if (error) throw error;
          expect(produced).toMatchObject(expected);
          for (const e of produced ?? []) expect(e).toMatchObject({ at: ctx.now, actor });
          return fold([...events, ...(produced ?? [])]);
        },
        thenError(code, args) {
          expect(produced, `expected ${code}, got events`).toBeUndefined();
          expect(isPalabreError(error) ? error.code : error).toBe(code);
          if (args && isPalabreError(error)) expect(error.args).toMatchObject(args);
        },
      };
    },
  };
}

/** Applies several commands in a row and returns the whole event log. */
export function play(events: CaseEvent[], steps: Array<[CaseCommand, When?]>): CaseEvent[] {
  let log = events;
  for (const [cmd, w = {}] of steps) {
    const actor = typeof w.as === 'object' ? w.as : actors[w.as ?? 'buyer'];
    const now = w.now ?? shift(OPENED_AT, 'PT1H');
    log = [...log, ...decide(fold(log), cmd, { now, policy: w.policy ?? defaultPolicy, actor })];
  }
  return log;
}

/** The demo case, escalated by support on a ground one hour after opening. */
export function escalatedCase(over: Partial<OpenCaseInput> = {}): CaseEvent[] {
  return play(opened(over), [[{ type: 'Escalate', ground: 'inactivity' }, { as: 'support' }]]);
}

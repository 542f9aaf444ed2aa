import { roleOn as domainRoleOn } from '../domain/access.js';
import type { Case, CaseCommand, CaseEvent } from '../domain/case-model.js';
import { decide, decideOpen, evolve, fold, type OpenCaseInput } from '../domain/decider.js';
import { eligibility as domainEligibility, type Eligibility } from '../domain/eligibility.js';
import { ConflictError, ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../domain/errors.js';
import { overdueForSupport } from '../domain/desk.js';
import type { Policy } from '../domain/policy.js';
import { cleanText } from '../domain/text.js';
import type { Account, Actor, BlobRef, Order, Platform, ProblemKind, Role, Shop } from '../domain/types.js';
import type { CaseFilter, CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { Marketplace } from '../ports/marketplace.js';
import type { Notification } from '../ports/notification.js';
import type { ShopStatusStore } from '../ports/shop-status.js';
import { orderOfSubject, type SubjectLocation } from '../ports/threads.js';
import { askRefunds, refundRecords } from './case-refunds.js';
import type { Logger } from '../ports/logger.js';

/** Who is asking: a marketplace account and the platform it writes from. `platform: 'system'` is the scheduler. */
export interface Who {
  accountId: string;
  platform: Platform;
  /**
   * The inbound event (platform update) this request comes from, when there is one: each change it makes to a case is
   * stored with `<id>#<n>`, so that a redelivery of an event already stored before a crash changes nothing twice.
   * `appends` counts the changes made so far (shared by every Who of the same event).
   */
  inbound?: { id: string; appends: number; marked?: boolean };
}

/** A case after a change, and the events that changed it. */
export interface CaseResult {
  case: Case;
  events: CaseEvent[];
}

/** A case read before anyone asked for it (CaseService.readAt): it comes out only through `get`, access checked. */
export interface CaseRead {
  readonly caseId: string;
}

/** Lists: the caller's own cases, or one of support's queues. */
export type CaseView = 'mine' | 'escalated' | 'overdue' | 'waiting' | 'all' | 'owned';

/** The one way to read and change cases: resolves who acts, applies the domain's rules, stores atomically. */
export interface CaseService {
  /** Whether the order's buyer may open a case now (dates in the buyer's time zone), and which case holds the order. */
  eligibility(who: Who, orderId: string): Promise<{ order: Order; shop: Shop; eligibility: Eligibility; openCaseId: string | null }>;
  /** Opens a case on an order (the buyer only; one open case per order). */
  open(who: Who, input: { orderId: string; reason: ProblemKind; description: string; evidence?: BlobRef[] }): Promise<CaseResult>;
  /**
   * Runs a command on a case: checks access, decides, appends (retrying on a concurrent change).
   * `opts.loaded`: a case this service returned from `get` moments ago, to spare a load; access is still
   * checked on it, and a changed case (VERSION_CONFLICT) is loaded again. Any other object is ignored.
   */
  act(who: Who, caseId: string, command: CaseCommand, opts?: { loaded?: Case; markInbound?: boolean }): Promise<CaseResult>;
  /**
   * A case the caller may read; CASE_NOT_FOUND when it does not exist or is none of their business. `opts.read`: the
   * case `readAt` read moments ago, to spare a load (ignored unless it is one `readAt` gave, for this case id).
   */
  get(who: Who, caseId: string, opts?: { read?: CaseRead }): Promise<Case>;
  /**
   * The subject a thread registry stores at `at` (ThreadRegistry.messageEntry) and, when it is a case, that case, read
   * in one step before the caller is known (stores that can, CaseStore.loadAt; absent elsewhere). The case is not
   * given out here: `read` is for `get`, which checks the caller's access to it as to any case. `read` is null when
   * the subject is no case (nothing stored, an order).
   */
  readAt?(at: SubjectLocation): Promise<{ subject: string | null; read: CaseRead | null }>;
  /** The caller's role on a case, or null. */
  roleOn(who: Who, c: Case): Promise<'buyer' | 'seller' | 'support' | null>;
  /** Cases of a view, newest first; every view but `mine` is support only (`owned`: the escalated cases the caller took). */
  list(who: Who, view: CaseView, filter?: CaseFilter): Promise<Case[]>;
  /** Suspends a shop (support only). */
  suspendShop(who: Who, shopId: string, reason: string): Promise<void>;
  /** Lifts a shop's suspension (support only). */
  reinstateShop(who: Who, shopId: string): Promise<void>;
  /** The shop's current suspension, or null. */
  shopSuspension(shopId: string): Promise<{ reason: string; at: string } | null>;
}

export interface CaseServiceDeps {
  store: CaseStore;
  marketplace: Marketplace;
  clock: Clock;
  policy: Policy;
  /** For buyers whose account names no time zone. */
  defaultTimezone: string;
  /** The notifications events cause; written to the case outbox atomically with them. */
  notifications?: (c: Case, events: CaseEvent[]) => Notification[];
  /** Runs after a stored change (schedule nudges, wake the outbox); a failure is logged, not thrown. */
  afterAppend?: (c: Case, events: CaseEvent[], notifications: Notification[], before?: Case) => Promise<void>;
  /** Which shops support suspended (the composition root picks memory or Redis). */
  shops: ShopStatusStore;
  logger?: Logger;
  /** Attempts on VERSION_CONFLICT (default 10) and the base of the jittered back-off between them (default 5 ms). */
  retry?: { attempts?: number; baseDelayMs?: number };
}

/**
 * Access: a non-party, non-support account gets CASE_NOT_FOUND for an existing case, exactly as
 * for a missing one, so nobody learns which case numbers exist.
 *
 * Refunds: the `refund` event is the record. The marketplace is asked only after the append
 * succeeds (never before the case says so), with the idempotency id `<caseId>-<event version>`,
 * and retried: at least once. A process that dies in between, or a refusal, leaves a refund the
 * case shows and the marketplace lacks: it is logged, and `reconcileRefunds` (case-refunds.ts)
 * replays it safely from the timeline.
 */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { store, marketplace, clock, policy } = deps;
  const shops = deps.shops;
  const log = deps.logger;
  const attempts = Math.max(1, deps.retry?.attempts ?? 10);
  const baseDelayMs = deps.retry?.baseDelayMs ?? 5;
  const nowIso = () => clock.now().toISOString();
  /** A change is stamped no earlier than its case's last entry: a timeline never goes back, whichever host stamps it. */
  const caseNow = (c: Case) => {
    const now = nowIso();
    const lastMs = Date.parse(c.timeline.at(-1)?.at ?? '');
    return lastMs > Date.parse(now) ? new Date(lastMs).toISOString() : now;
  };
  // The stored case behind each case `get` handed out (notes included): `act` reuses only these, never a
  // caller-built object, so a caller cannot make it decide on a case it did not load from the store.
  const issued = new WeakMap<Case, Case>();
  // What the store gave for each read `readAt` handed out (null: no such case), for `get` alone to use.
  const readAhead = new WeakMap<CaseRead, Case | null>();

  async function requireAccount(who: Who): Promise<Account> {
    const account = await marketplace.account(who.accountId);
    if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', undefined, { accountId: who.accountId });
    return account;
  }

  async function requireSupport(who: Who): Promise<Account> {
    const account = await requireAccount(who);
    if (!account.roles.includes('support')) throw new ForbiddenError('SUPPORT_ONLY');
    return account;
  }

  /** The scheduler acts as `system` without a marketplace account; everyone else through the domain's roleOn. */
  function resolveRole(who: Who, c: Case, account: Account | null): Role {
    if (who.platform === 'system') return 'system';
    const role = account ? domainRoleOn(c, account) : null;
    if (!role) throw new NotFoundError('CASE_NOT_FOUND', undefined, { caseId: c.id });
    return role;
  }

  async function loadCase(caseId: string): Promise<Case> {
    const c = await store.load(caseId);
    if (!c) throw new NotFoundError('CASE_NOT_FOUND', undefined, { caseId });
    return c;
  }

  async function orderContext(orderId: string) {
    const order = await marketplace.order(orderId);
    if (!order) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId });
    const [shop, buyer, openCaseId] = await Promise.all([marketplace.shop(order.shopId), marketplace.account(order.buyerId), openCaseFor(orderId)]);
    if (!shop) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId: order.shopId });
    const timezone = buyer?.timezone ?? deps.defaultTimezone;
    const el = domainEligibility({ order, shop, now: nowIso(), timezone, policy });
    return { order, shop, eligibility: el, openCaseId };
  }

  /** The case holding the order, ignoring (and releasing) a claim left behind by a closed case. */
  async function openCaseFor(orderId: string): Promise<string | null> {
    const holder = await store.openCaseForOrder(orderId);
    if (!holder) return null;
    const held = await store.load(holder);
    // A missing case may be one being opened right now: its claim comes before its first append.
    if (held?.status !== 'closed') return holder;
    // A closed holder is a closing whose release has not landed yet, or a crash between the two (a reopen
    // claims in its append's atomic step, so it is never in flight here). Give a release time to land first.
    await sleep(STALE_CLAIM_GRACE_MS);
    const again = await store.load(holder);
    if (again?.status !== 'closed' || again.version !== held.version) return holder;
    await store.releaseOrder(orderId, holder);
    log?.warn({ caseId: holder, orderId }, 'released an order claim left by a closed case');
    return null;
  }

  /** Claims the order for a case; the id of the other open case when it cannot. */
  async function claim(orderId: string, caseId: string): Promise<string | null> {
    for (let i = 0; i < 3; i++) {
      if (await store.claimOrder(orderId, caseId)) return null;
      const holder = await openCaseFor(orderId);
      if (holder && holder !== caseId) return holder;
    }
    return (await store.openCaseForOrder(orderId)) ?? orderId;
  }

  async function after(c: Case, events: CaseEvent[], notifications: Notification[], before?: Case): Promise<void> {
    if (!deps.afterAppend) return;
    try {
      await deps.afterAppend(c, events, notifications, before);
    } catch (err) {
      log?.error({ err, caseId: c.id }, 'afterAppend failed; the case change is stored');
    }
  }

  /** AddTracking: the carrier's word and the order's address come from the marketplace, not the caller. */
  async function prepare(c: Case, command: CaseCommand): Promise<CaseCommand> {
    if (command.type !== 'AddTracking') return command;
    const [info, order] = await Promise.all([marketplace.tracking(command.carrier, command.number), marketplace.order(c.orderId)]);
    const shippingAddress = order?.shippingAddress ?? c.shippingAddress;
    if (!shippingAddress) throw new NotFoundError('ORDER_NOT_FOUND', undefined, { orderId: c.orderId });
    return { ...command, info, shippingAddress };
  }

  async function actOnce(who: Who, account: Account | null, caseId: string, command: CaseCommand, loaded: Case | undefined, inboundKey: string | undefined, markInbound: boolean): Promise<CaseResult | 'conflict'> {
    const c = loaded ?? (await loadCase(caseId));
    const role = resolveRole(who, c, account);
    const actor: Actor = { accountId: account?.id ?? who.accountId, role, platform: who.platform };
    const events = decide(c, await prepare(c, command), { now: caseNow(c), policy, actor });
    const next = events.reduce<Case>((s, e) => evolve(s, e), c);
    const reopens = c.status === 'closed' && next.status !== 'closed';
    const notifications = deps.notifications?.(next, events) ?? [];
    try {
      // A reopen claims the order in the same atomic step as its append: an opening cannot slip in between.
      const mark = markInbound && inboundKey && who.inbound ? { key: who.inbound.id, done: false } : undefined;
      const opts = { ...(reopens ? { claimOrder: c.orderId } : {}), ...(inboundKey ? { inboundKey } : {}), ...(mark ? { markInbound: mark } : {}) };
      await store.append(c.id, c.version, events, next, notifications, opts);
      if (mark?.done && who.inbound) who.inbound.marked = true;
    } catch (err) {
      if (err instanceof ConflictError && err.code === 'VERSION_CONFLICT') return 'conflict';
      if (err instanceof ConflictError && err.code === 'ALREADY_APPLIED') return alreadyApplied(caseId, role, err, inboundKey);
      if (err instanceof ConflictError && err.code === 'ORDER_CLAIMED') {
        // Another case holds the order, or a closed case left its claim behind (healed here, then try again).
        const holder = await openCaseFor(c.orderId);
        if (holder) throw new IllegalStateError('CASE_ALREADY_OPEN', undefined, { caseId: holder, orderId: c.orderId });
        return 'conflict';
      }
      throw err;
    }
    if (c.status !== 'closed' && next.status === 'closed') {
      await store.releaseOrder(c.orderId, c.id).catch((err: unknown) => log?.error({ err, caseId }, 'order claim not released; the next opening heals it'));
    }
    await askRefunds(marketplace, refundRecords(next, c.version + 1), log);
    await after(next, events, notifications, c);
    return { case: visibleTo(next, role), events };
  }

  /**
   * A redelivered event whose change is already stored (its first run crashed before the platform was answered): the
   * stored case and the events that run appended, as if just appended; its notifications were stored with it.
   */
  async function alreadyApplied(caseId: string, role: Role, err: ConflictError, inboundKey: string | undefined): Promise<CaseResult> {
    const stored = await loadCase(caseId);
    const from = Number(err.args.from ?? 0);
    const events = stored.timeline.slice(from, from + Number(err.args.count ?? 0));
    log?.info({ caseId, inboundKey }, 'inbound event already applied to the case; not applied again');
    return { case: visibleTo(stored, role), events };
  }

  async function listView(who: Who, view: CaseView, filter: CaseFilter): Promise<Case[]> {
    if (view === 'mine') {
      const account = await requireAccount(who);
      const [asBuyer, asSeller] = await Promise.all([store.list({ ...filter, buyerId: account.id }), store.list({ ...filter, sellerId: account.id })]);
      const byId = new Map([...asBuyer, ...asSeller].map((c) => [c.id, c]));
      const mine = [...byId.values()].sort(newestFirst).slice(0, filter.limit);
      return mine.map((c) => visibleTo(c, domainRoleOn(c, account) ?? 'buyer'));
    }
    await requireSupport(who);
    switch (view) {
      case 'escalated':
        return store.list({ ...filter, status: 'escalated' });
      case 'overdue': {
        // Past a party's deadline (escalation, late delivery), or past support's own business-hours due time.
        const now = nowIso();
        const [late, escalated] = await Promise.all([store.list({ ...filter, overdueAt: now }), store.list({ ...filter, status: 'escalated', limit: undefined })]);
        const byId = new Map([...late, ...escalated.filter((c) => overdueForSupport(c, policy, now))].map((c) => [c.id, c]));
        return [...byId.values()].sort(newestFirst).slice(0, filter.limit);
      }
      case 'owned': {
        const escalated = await store.list({ ...filter, status: 'escalated', limit: undefined });
        return escalated.filter((c) => c.owner?.accountId === who.accountId).slice(0, filter.limit);
      }
      case 'waiting': {
        const escalated = await store.list({ ...filter, status: 'escalated', limit: undefined });
        return escalated.filter(waitingForSupport).slice(0, filter.limit);
      }
      case 'all':
        return store.list(filter);
      default: {
        const never: never = view;
        throw new ValidationError('VALIDATION', `unknown view ${String(never)}`, { field: 'view' });
      }
    }
  }

  return {
    async eligibility(who, orderId) {
      const account = await requireAccount(who);
      const ctx = await orderContext(orderId);
      if (ctx.order.buyerId !== account.id && !account.roles.includes('support')) {
        throw new ForbiddenError('NOT_ORDER_BUYER', undefined, { orderId });
      }
      return ctx;
    },

    async open(who, input) {
      const account = await requireAccount(who);
      const ctx = await orderContext(input.orderId);
      const actor: Actor = { accountId: account.id, role: 'buyer', platform: who.platform };
      const base: Omit<OpenCaseInput, 'caseId'> = {
        order: ctx.order, shop: ctx.shop, reason: input.reason, description: input.description, actor,
        openCaseIdForOrder: ctx.openCaseId, eligibility: ctx.eligibility, now: nowIso(), policy,
        ...(input.evidence ? { evidence: input.evidence } : {}),
      };
      // Decide once before taking a case number, so refusals do not burn numbers.
      decideOpen({ ...base, caseId: 'C-000000' });
      const caseId = await store.nextCaseId();
      const events = decideOpen({ ...base, caseId });
      const holder = await claim(ctx.order.id, caseId);
      if (holder) throw new IllegalStateError('CASE_ALREADY_OPEN', undefined, { caseId: holder, orderId: ctx.order.id });
      const next = fold(events);
      const notifications = deps.notifications?.(next, events) ?? [];
      try {
        await store.append(caseId, 0, events, next, notifications);
      } catch (err) {
        await store.releaseOrder(ctx.order.id, caseId);
        throw err;
      }
      await after(next, events, notifications);
      return { case: next, events };
    },

    async act(who, caseId, command, opts) {
      const account = who.platform === 'system' ? null : await requireAccount(who);
      const given = opts?.loaded ? issued.get(opts.loaded) : undefined;
      // One key per change the event makes; the same on every retry of this change.
      const inboundKey = who.inbound ? `${who.inbound.id}#${who.inbound.appends++}` : undefined;
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (attempt > 0) await sleep(Math.random() * Math.min(250, baseDelayMs * 2 ** attempt));
        // Only the first attempt may use the case the caller loaded: after a conflict it is stale.
        const result = await actOnce(who, account, caseId, command, attempt === 0 && given?.id === caseId ? given : undefined, inboundKey, opts?.markInbound === true);
        if (result !== 'conflict') return result;
        log?.debug({ caseId, attempt }, 'version conflict, retrying');
      }
      throw new ConflictError('VERSION_CONFLICT', `case ${caseId} kept changing`, { caseId });
    },

    async get(who, caseId, opts) {
      const account = who.platform === 'system' ? null : await requireAccount(who);
      const read = opts?.read && opts.read.caseId === caseId ? readAhead.get(opts.read) : undefined;
      // Once: a later look reads the store afresh.
      if (opts?.read) readAhead.delete(opts.read);
      if (read === null) throw new NotFoundError('CASE_NOT_FOUND', undefined, { caseId });
      const c = read ?? (await loadCase(caseId));
      const visible = visibleTo(c, resolveRole(who, c, account));
      issued.set(visible, c);
      return visible;
    },

    ...(store.loadAt
      ? {
          async readAt(at: SubjectLocation) {
            const { subject, case: c } = await store.loadAt!(at);
            if (subject === null || orderOfSubject(subject) !== null) return { subject, read: null };
            const read: CaseRead = Object.freeze({ caseId: subject });
            readAhead.set(read, c);
            return { subject, read };
          },
        }
      : {}),

    async roleOn(who, c) {
      if (who.platform === 'system') return null;
      return domainRoleOn(c, await requireAccount(who));
    },

    list(who, view, filter = {}) {
      return listView(who, view, filter);
    },

    async suspendShop(who, shopId, reason) {
      const account = await requireSupport(who);
      if (!(await marketplace.shop(shopId))) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId });
      const done = await shops.suspend({ shopId, reason: cleanText(reason), at: nowIso(), by: account.id });
      if (!done) throw new IllegalStateError('SHOP_SUSPENDED', undefined, { shopId });
    },

    async reinstateShop(who, shopId) {
      await requireSupport(who);
      if (!(await marketplace.shop(shopId))) throw new NotFoundError('SHOP_NOT_FOUND', undefined, { shopId });
      if (!(await shops.reinstate(shopId))) throw new IllegalStateError('SHOP_NOT_SUSPENDED', undefined, { shopId });
    },

    async shopSuspension(shopId) {
      const s = await shops.get(shopId);
      return s ? { reason: s.reason, at: s.at } : null;
    },
  };
}

/** SPEC section 5: internal notes are shown to support only. */
function visibleTo(c: Case, role: Role): Case {
  if (role === 'support' || role === 'system') return c;
  return { ...c, timeline: c.timeline.filter((e) => e.type !== 'note') };
}

/**
 * Escalated and the last word (scheduler reminders aside) is not support's: the ball is in support's court. An
 * escalation is no answer, even support's own early one: the case waits for the desk, as its SLA nudge says.
 */
function waitingForSupport(c: Case): boolean {
  const last = c.timeline.findLast((e) => e.actor.role !== 'system');
  return c.status === 'escalated' && (last?.type === 'escalated' || last?.actor.role !== 'support');
}

function newestFirst(a: Case, b: Case): number {
  return Date.parse(b.openedAt) - Date.parse(a.openedAt) || b.id.localeCompare(a.id);
}

const STALE_CLAIM_GRACE_MS = 200;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

import type { Platform } from '../domain/types.js';
import type { CaseStore } from '../ports/case-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { Link, LinkStore } from '../ports/links.js';
import type { Notification } from '../ports/notification.js';
import { DeliveryError, type DeliveryTarget, type Notifier } from '../ports/notifier.js';
import type { Addressed, AppendHandOff, DeadLetter, DeliveryItem, DeliveryQueue, DeliveryResult } from '../ports/outbox.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Metrics } from './metrics.js';
import type { OutMessage } from '../ports/turn.js';
import type { RenderReads } from './engine/notification-render.js';

/** Turns a notification into a platform message for one target (its language, time zone, card). */
export type Render = (n: Notification, target: DeliveryTarget, platform: Platform, reads?: RenderReads) => Promise<OutMessage>;

export interface OutboxWorkerDeps {
  store: CaseStore;
  links: LinkStore;
  /** One per platform that is on. */
  notifiers: Notifier[];
  render: Render;
  queue: DeliveryQueue;
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** Tries of one delivery before it becomes a dead letter (default 6). */
  maxAttempts?: number;
  /** First retry delay, doubled on each try up to `maxBackoffMs` (defaults 2 s and 10 min); a platform's retry_after wins. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Platforms whose staff channel gets support notifications (default: every platform with a notifier). */
  supportPlatforms?: Platform[];
  /**
   * Safety-net sweep of case outboxes a process left behind when it died between storing a change and handing
   * its notifications to delivery (default 1 s, so that such a relay still leaves within seconds; 0 = only at start).
   */
  sweepEveryMs?: number;
}

/** Moves case outboxes into per-recipient delivery and delivers them, retried, in order, once. */
export interface OutboxWorker {
  /**
   * Hands a case's new outbox notifications to delivery; call after each append, with the notifications it wrote
   * when known (the outbox is then not read again where the queue can take them in one step). Never throws.
   */
  wake(caseId: string, appended?: Notification[]): Promise<void>;
  /**
   * For a case store that can hand an append's notifications to delivery in the append's own step (one standalone
   * Redis shared with the queue): what it needs for these, or null (not started, or the queue cannot). A later wake
   * naming notifications the append handed off costs nothing.
   */
  handOffInAppend(notifications: Notification[]): AppendHandOff | null;
  /** Delivers notifications that belong to no case outbox (order-level nudges). */
  send(notifications: Notification[]): Promise<void>;
  /** Starts delivering, and picks up what a crash or restart left behind. */
  start(): Promise<void>;
  /** Deliveries given up, oldest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Puts a dead letter back in its recipient's queue; false when unknown. */
  replay(key: string): Promise<boolean>;
  /** Replays every dead letter; returns how many. */
  replayAll(): Promise<number>;
  /** Sets the dead-letter and retrying gauges from the shared queue (call on scrape). */
  refreshMetrics(): Promise<void>;
  /**
   * Resolves once this process's deliveries are within `max` items of caught up (hand-offs running, items being sent
   * or waiting their turn; not those waiting to be retried), or after `timeoutMs` whatever the backlog. Intake awaits
   * it, so that a burst of updates does not outrun what their relays cost.
   */
  caughtUp(max: number, timeoutMs: number): Promise<void>;
  /** Stops taking deliveries, hands back what it holds (a delivery stuck on a platform is let go, undelivered), then closes. */
  close(): Promise<void>;
}

const HANDOFF_BATCH = 50;
/**
 * Stopping: how long the deliveries under way may still take to be answered and recorded before they are let go. A
 * message already on its way was most likely taken by the platform: let go at once, it would be sent again by the
 * process that takes the stream over, a repeat the recipient would see at every deploy. One blocked on a platform is
 * let go after this.
 */
const STOP_GRACE_MS = 2_000;
/** How long reads started ahead of a delivery stay good to use (ms). */
const AHEAD_FRESH_MS = 500;

/** What a delivery reads before it renders: the recipient's link (none for a staff channel), their language, the case. */
interface DeliveryReads {
  linkRead: Promise<Link | null> | null;
  reads: RenderReads;
}

/**
 * See OutboxWorker. Ordering: one queue per platform address (DeliveryQueue), whose head holds back the
 * address's later items while it retries. Hand-off needs no lock: enqueueing skips items already seen, and the
 * outbox is trimmed only of the entries this hand-off read, if they are still its first ones.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const clock = deps.clock ?? systemClock;
  const log = deps.logger ?? silentLogger;
  const maxAttempts = deps.maxAttempts ?? 6;
  const backoffMs = deps.backoffMs ?? 2000;
  const maxBackoffMs = deps.maxBackoffMs ?? 600_000;
  const notifiers = new Map(deps.notifiers.map((n) => [n.platform, n]));
  const supportPlatforms = deps.supportPlatforms ?? [...notifiers.keys()];
  const { queue } = deps;
  const now = () => clock.now().toISOString();
  let sweepTimer: NodeJS.Timeout | undefined;
  // Hand-offs callers did not wait for (a turn wakes and moves on): `close` lets them finish first.
  const inflight = new Set<Promise<void>>();
  // Deliveries under way: `close` gives them STOP_GRACE_MS to finish before letting them go.
  const sending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    sending.add(p);
    void p.finally(() => sending.delete(p)).catch(() => undefined);
    return p;
  };

  const count = (platform: string, outcome: 'sent' | 'failed' | 'dead' | 'skipped') => deps.metrics?.notifications.inc({ platform, outcome });

  async function refreshMetrics(): Promise<void> {
    if (!deps.metrics) return;
    const c = await queue.counts();
    deps.metrics.deadLetters.set(c.dead);
    deps.metrics.retrying.set(c.retrying);
  }

  const deliveryItem = (n: Notification, address: DeliveryItem['address'], target: string, enqueuedAt: string): DeliveryItem =>
    ({ key: `${n.id}@${target}`, target, address, notification: n, attempts: 0, enqueuedAt });

  function unaddressed(n: Notification): void {
    count('none', 'skipped');
    log.info({ notificationId: n.id, accountId: 'accountId' in n.to ? n.to.accountId : null }, 'recipient has no linked platform: notification not delivered');
  }

  /** A support notification's items: one per staff channel (not the platform it came from, when it says so). */
  const supportItems = (n: Notification, enqueuedAt: string): DeliveryItem[] =>
    supportPlatforms.filter((p) => p !== n.exceptPlatform).map((platform) => deliveryItem(n, { platform, support: true }, `${platform}|support`, enqueuedAt));

  /** One delivery item per platform address of the recipient. */
  async function fanOut(n: Notification): Promise<DeliveryItem[]> {
    const enqueuedAt = now();
    if ('support' in n.to) return supportItems(n, enqueuedAt);
    // The index alone: delivery reads each link before sending and skips one that moved to another account.
    const links = (await deps.links.identitiesOf(n.to.accountId)).filter((l) => notifiers.has(l.platform));
    if (links.length === 0) unaddressed(n);
    return links.map((l) => deliveryItem(n, { platform: l.platform, userId: l.userId }, `${l.platform}|${l.userId}`, enqueuedAt));
  }

  /** Addressed without reading anything (support, or identities kept where the queue reads them); null otherwise. */
  function addressedNow(n: Notification, enqueuedAt: string): Addressed | null {
    if ('support' in n.to) return { items: supportItems(n, enqueuedAt) };
    const identities = deps.links.identitiesLocation?.(n.to.accountId);
    return identities ? { fanOut: { notification: n, identities, platforms: [...notifiers.keys()], enqueuedAt } } : null;
  }

  /** Notifications an append handed to delivery itself (AppendHandOff): their wake has nothing to do. */
  const handedOff = new WeakSet<Notification>();

  function handOffInAppend(notifications: Notification[]): AppendHandOff | null {
    if (!started || closed || !deps.queue.handOffArgs) return null;
    const enqueuedAt = now();
    const entries: Addressed[] = [];
    for (const n of notifications) {
      const e = addressedNow(n, enqueuedAt);
      if (!e) return null;
      entries.push(e);
    }
    return {
      args: deps.queue.handOffArgs(entries),
      settle(moved, unaddressedIds) {
        if (!moved) return;
        for (const n of notifications) handedOff.add(n);
        for (const id of unaddressedIds) {
          const n = notifications.find((x) => x.id === id);
          if (n) unaddressed(n);
        }
      },
    };
  }

  /** For a queue that moves a case's outbox in one step: the recipient's identities read there too, where they are kept beside it. */
  async function addressed(n: Notification): Promise<Addressed> {
    return addressedNow(n, now()) ?? { items: await fanOut(n) };
  }

  async function enqueue(notifications: Notification[]): Promise<void> {
    const items = (await Promise.all(notifications.map(fanOut))).flat();
    await queue.enqueue(items);
  }

  let closed = false;
  let started = false;

  /** Where the store and the queue share one standalone Redis: the outbox's head, to move in one step. */
  const headOf = deps.queue.enqueueFromOutbox && deps.store.outboxHead ? deps.store.outboxHead.bind(deps.store) : null;

  /**
   * Moves a case's outbox into delivery, a batch at a time, always from its head (so that a recipient's
   * notifications keep their order); safe to run in several processes at once. `appended`, the notifications a
   * turn just wrote, stands for the outbox's head without reading it, if the queue can check that as it moves them.
   */
  async function handoff(caseId: string, appended?: Notification[]): Promise<void> {
    let batch: Notification[] | null = headOf && appended?.length ? appended.slice(0, HANDOFF_BATCH) : null;
    for (;;) {
      batch ??= await deps.store.peekOutbox(caseId, HANDOFF_BATCH);
      if (batch.length === 0) return;
      const ids = batch.map((n) => n.id);
      const head = headOf?.(caseId, ids);
      let left: number | null;
      if (head) {
        const moved = await queue.enqueueFromOutbox!(await Promise.all(batch.map(addressed)), head);
        for (const id of moved?.unaddressed ?? []) unaddressed(batch.find((n) => n.id === id)!);
        left = moved ? moved.left : null;
      } else {
        await queue.enqueue((await Promise.all(batch.map(fanOut))).flat());
        left = await deps.store.ackOutbox(caseId, ids);
      }
      // null: other entries came first (an older hand-off's, still running or failed): read the outbox.
      if (left === 0 || closed) return;
      batch = null;
    }
  }

  /**
   * Stopping: a delivery waiting on a platform lets go of it (the item stays in its queue, undelivered,
   * for another process). It asks to be tried again later, not at once: the queue's dispatcher would run it again
   * straight away, get the same answer, and so on, in a loop of promise callbacks that lets no timer or I/O run. A
   * stop still waiting on Redis (a hand-off under way) then never ended, not even at SHUTDOWN_TIMEOUT_MS.
   */
  let letGo: () => void = () => {};
  const stopped = new Promise<DeliveryResult>((resolve) => {
    letGo = () => resolve({ retryInMs: 60_000 });
  });

  /** Delivers one item; null once it is settled, or how long to wait before trying it again. */
  async function deliver(item: DeliveryItem): Promise<DeliveryResult> {
    const { platform } = item.address;
    const notifier = notifiers.get(platform);
    const n = item.notification;
    const forWhom = 'accountId' in n.to ? n.to.accountId : null;
    // Everything a delivery reads starts at once, so that it leaves in one round trip (auto-pipelined connections),
    // or started already as the queue saw the item coming (`readAhead`).
    const sentBefore = item.redelivered ? queue.wasDelivered(item.key) : null;
    const { linkRead, reads } = takeAhead(item) ?? readsOf(item);
    // Taken over from a process that stopped or died holding it: it may have been sent before the crash.
    if (sentBefore && (await sentBefore)) return done(item, true, null);
    let target: DeliveryTarget;
    if (!linkRead) target = { support: true };
    else {
      const link = await linkRead;
      if (!link || link.accountId !== forWhom) return done(item, false, 'skipped');
      if (link.blockedAt) {
        await done(item, false, 'skipped');
        log.info({ platform, notificationId: item.notification.id, userId: link.userId, blockedAt: link.blockedAt }, 'recipient blocked the bot: notification skipped');
        return tellSender(item.notification);
      }
      target = { link };
    }
    if (!notifier) return done(item, false, 'skipped');
    // Recorded as soon as the platform took it, alongside the notifier's own writes (DeliverOptions.onSent).
    const record: { done?: Promise<unknown> } = {};
    const onSent = async () => {
      record.done ??= done(item, true, 'sent').catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
      await record.done;
    };
    let failure: { err: unknown } | null = null;
    try {
      const message = await deps.render(n, target, platform, reads);
      // A process that stalled while it held the item (frozen, its event loop blocked) runs what was overdue when it
      // comes back, this send among them, before its next beat tells it it was taken for dead: by then another process
      // may have sent the item, and later ones. Then it lets the item go, unsent and unacknowledged: the owner has it.
      if (queue.stillHeld && !(await queue.stillHeld(item))) {
        log.warn({ code: 'DELIVERY_LET_GO', platform, notificationId: n.id, target: item.target }, 'delivery item taken over by another process while this one stalled: not sent');
        return null;
      }
      await notifier.deliver(target, message, { onSent });
    } catch (err) {
      failure = { err };
    }
    const recorded = record.done !== undefined && !((await record.done) instanceof Error);
    if (failure && !recorded) return failed(item, target, failure.err);
    // Sent and recorded: what failed is the notifier's bookkeeping after the sending (a reply to it may not find its case), not the delivery.
    if (failure) log.warn({ err: failure.err, code: 'DELIVERY_BOOKKEEPING_FAILED', platform, notificationId: n.id }, 'notification sent; what follows the sending failed');
    if (item.redelivered) deps.metrics?.redelivered.inc({ platform });
    // Not recorded yet (a notifier without onSent), or the record failed: record it now (a failure here is the queue's to retry).
    return recorded ? null : done(item, true, 'sent');
  }

  /** What a delivery reads: the recipient's link, their language and the case (for the card), started together. */
  function readsOf(item: DeliveryItem): DeliveryReads {
    const n = item.notification;
    const forWhom = 'accountId' in n.to ? n.to.accountId : null;
    const linkRead = 'userId' in item.address ? handled(deps.links.get(item.address.platform, item.address.userId)) : null;
    const reads: RenderReads = {
      ...(forWhom && linkRead ? { locale: handled(deps.links.getLocale(forWhom)) } : {}),
      ...(n.caseId ? { case: handled(deps.store.load(n.caseId)) } : {}),
    };
    return { linkRead, reads };
  }

  /**
   * Reads started as the queue saw an item coming (DeliveryQueue.start's `ahead`), by item key; used by its delivery if
   * it starts within AHEAD_FRESH_MS (a later one, held behind a retry, reads again), dropped after.
   */
  const ahead = new Map<string, DeliveryReads & { at: number }>();

  function readAhead(item: DeliveryItem): void {
    const at = performance.now();
    for (const [key, r] of ahead) {
      if (at - r.at <= AHEAD_FRESH_MS) break;
      ahead.delete(key);
    }
    if (!ahead.has(item.key)) ahead.set(item.key, { at, ...readsOf(item) });
  }

  function takeAhead(item: DeliveryItem): DeliveryReads | null {
    const r = ahead.get(item.key);
    if (!r) return null;
    ahead.delete(item.key);
    return performance.now() - r.at <= AHEAD_FRESH_MS ? r : null;
  }

  /** A read started ahead that may end up unused: its failure is seen by whoever awaits it, not reported as unhandled. */
  function handled<T>(p: Promise<T>): Promise<T> {
    p.catch(() => undefined);
    return p;
  }

  /**
   * A notification that reached none of its recipient's platforms (each one blocked the bot) is
   * not silently lost: whoever caused it is told, once (the notice's id is derived from it).
   */
  async function tellSender(n: Notification): Promise<null> {
    if (!n.from || !('accountId' in n.to) || n.from.accountId === n.to.accountId) return null;
    const links = (await deps.links.forAccount(n.to.accountId)).filter((l) => notifiers.has(l.platform));
    if (links.some((l) => !l.blockedAt)) return null;
    const about = n.caseId ? { caseId: n.caseId, orderId: '' } : { caseId: '', orderId: n.orderId ?? '' };
    const notice: Notification = {
      id: `${n.id}-undelivered`,
      to: { accountId: n.from.accountId },
      ...(n.caseId ? { caseId: n.caseId } : {}),
      body: [{ id: 'notify-undelivered', args: { ...about, kind: n.caseId ? 'case' : 'order' } }],
      createdAt: now(),
    };
    log.info({ notificationId: n.id, to: n.to.accountId, from: n.from.accountId }, 'notification reached no platform of its recipient: sender told');
    await enqueue([notice]);
    return null;
  }

  async function done(item: DeliveryItem, delivered: boolean, outcome: 'sent' | 'skipped' | null): Promise<null> {
    await queue.done(item, delivered);
    if (outcome) count(item.address.platform, outcome);
    if (item.attempts > 0) await refreshMetrics();
    return null;
  }

  async function failed(item: DeliveryItem, target: DeliveryTarget, err: unknown): Promise<DeliveryResult> {
    const { platform } = item.address;
    const de = err instanceof DeliveryError ? err : null;
    const ctx = { err, platform, notificationId: item.notification.id, caseId: item.notification.caseId, target: item.target };
    if (de?.opts.blocked && 'link' in target) {
      await deps.links.setBlocked(platform, target.link.userId, now());
      log.warn(ctx, 'recipient blocked the bot: link marked blocked, notification dropped');
      await done(item, false, 'skipped');
      return tellSender(item.notification);
    }
    const message = err instanceof Error ? err.message : String(err);
    const attempts = await queue.failed(item, message);
    if (de?.opts.permanent || attempts >= maxAttempts) {
      await queue.bury({ ...item, attempts, lastError: message }, message, now());
      count(platform, 'dead');
      await refreshMetrics();
      log.error({ ...ctx, attempts }, 'notification undeliverable: kept as a dead letter');
      return null;
    }
    count(platform, 'failed');
    await refreshMetrics();
    const retryInMs = de?.opts.retryAfterMs ?? Math.min(maxBackoffMs, backoffMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4));
    log.warn({ ...ctx, attempts, retryInMs }, 'notification delivery failed, will retry');
    return { retryInMs: Math.max(0, Math.round(retryInMs)) };
  }

  async function replay(key: string): Promise<boolean> {
    if (!(await queue.replay(key))) return false;
    await refreshMetrics();
    return true;
  }

  /** Cases this process is handing off right now (the sweep leaves them to that hand-off). */
  const handingOff = new Set<string>();
  let sweeping = false;

  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const caseId of await deps.store.casesWithOutbox()) if (!handingOff.has(caseId)) await handoff(caseId);
      await refreshMetrics();
    } catch (err) {
      log.warn({ err }, 'outbox sweep failed');
    } finally {
      sweeping = false;
    }
  }

  return {
    wake(caseId, appended) {
      if (appended?.length && appended.every((n) => handedOff.has(n))) return Promise.resolve();
      handingOff.add(caseId);
      const run = handoff(caseId, appended).catch((err: unknown) => {
        // The entries stay in the case outbox: the next wake or sweep hands them off.
        log.warn({ err, caseId }, 'outbox hand-off failed');
      });
      inflight.add(run);
      void run.finally(() => {
        inflight.delete(run);
        handingOff.delete(caseId);
      });
      return run;
    },
    send: enqueue,
    handOffInAppend,
    async start() {
      started = true;
      await queue.start((item) => (closed ? stopped : Promise.race([track(deliver(item)), stopped])), [...notifiers.keys()], readAhead);
      await sweep();
      const every = deps.sweepEveryMs ?? 1_000;
      if (every > 0) {
        sweepTimer = setInterval(() => void sweep(), every);
        sweepTimer.unref();
      }
    },
    async caughtUp(max, timeoutMs) {
      const until = performance.now() + timeoutMs;
      while (!closed && handingOff.size + queue.backlog() > max && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    },
    deadLetters: () => queue.deadLetters(),
    replay,
    async replayAll() {
      let n = 0;
      for (const letter of await queue.deadLetters()) if (await replay(letter.key)) n += 1;
      return n;
    },
    refreshMetrics,
    async close() {
      closed = true;
      clearInterval(sweepTimer);
      if (sending.size > 0) {
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...sending]), new Promise((r) => (grace = setTimeout(r, STOP_GRACE_MS)))]);
        clearTimeout(grace);
      }
      letGo();
      await Promise.allSettled([...inflight]);
      await queue.close();
    },
  };
}

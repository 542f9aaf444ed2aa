import type { Platform } from '../domain/types.js';
import type { CaseStore } from '../ports/case-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { LinkStore } from '../ports/links.js';
import type { Notification } from '../ports/notification.js';
import { DeliveryError, type DeliveryTarget, type Notifier } from '../ports/notifier.js';
import type { DeadLetter, DeliveryItem, DeliveryQueue, DrainResult, DrainRunner } from '../ports/outbox.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Metrics } from './metrics.js';
import type { OutMessage } from '../ports/turn.js';

/** Turns a notification into a platform message for one target (its language, time zone, card). */
export type Render = (n: Notification, target: DeliveryTarget, platform: Platform) => Promise<OutMessage>;

export interface OutboxWorkerDeps {
  store: CaseStore;
  links: LinkStore;
  /** One per platform that is on. */
  notifiers: Notifier[];
  render: Render;
  queue: DeliveryQueue;
  runner: DrainRunner;
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
  /** Safety-net sweep of outboxes and queues a crash may have left (default 60 s; 0 = only at start). */
  sweepEveryMs?: number;
}

/** Moves case outboxes into per-recipient delivery and delivers them, retried, in order, once. */
export interface OutboxWorker {
  /** Hands a case's new outbox notifications to delivery; call after each append. Never throws. */
  wake(caseId: string): Promise<void>;
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
  /** Stops claiming, hands back what it holds (a delivery stuck on a platform is let go, undelivered), then closes. */
  close(): Promise<void>;
}

const HANDOFF_BATCH = 50;
const DRAIN_BATCH = 100;

/**
 * How long a case's outbox hand-off lock lives. A hand-off is a few round trips per batch, far under this; a process
 * that died holding the lock blocks the case's relays this long (it was 60 s).
 */
const HANDOFF_LOCK_MS = 10_000;

/** See OutboxWorker. Ordering: one FIFO queue per platform address, whose head blocks while it retries. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const clock = deps.clock ?? systemClock;
  const log = deps.logger ?? silentLogger;
  const maxAttempts = deps.maxAttempts ?? 6;
  const backoffMs = deps.backoffMs ?? 2000;
  const maxBackoffMs = deps.maxBackoffMs ?? 600_000;
  const notifiers = new Map(deps.notifiers.map((n) => [n.platform, n]));
  const supportPlatforms = deps.supportPlatforms ?? [...notifiers.keys()];
  const { queue, runner } = deps;
  const now = () => clock.now().toISOString();
  let sweepTimer: NodeJS.Timeout | undefined;
  // Hand-offs callers did not wait for (a turn wakes and moves on): `close` lets them finish first.
  const inflight = new Set<Promise<void>>();

  const count = (platform: string, outcome: 'sent' | 'failed' | 'dead' | 'skipped') => deps.metrics?.notifications.inc({ platform, outcome });

  async function refreshMetrics(): Promise<void> {
    if (!deps.metrics) return;
    const c = await queue.counts();
    deps.metrics.deadLetters.set(c.dead);
    deps.metrics.retrying.set(c.retrying);
  }

  /** One delivery item per platform address of the recipient. */
  async function fanOut(n: Notification): Promise<DeliveryItem[]> {
    const enqueuedAt = now();
    const item = (address: DeliveryItem['address'], target: string): DeliveryItem => ({ key: `${n.id}@${target}`, target, address, notification: n, attempts: 0, enqueuedAt });
    if ('support' in n.to) {
      return supportPlatforms.filter((p) => p !== n.exceptPlatform).map((platform) => item({ platform, support: true }, `${platform}|support`));
    }
    const links = (await deps.links.forAccount(n.to.accountId)).filter((l) => notifiers.has(l.platform));
    if (links.length === 0) {
      count('none', 'skipped');
      log.info({ notificationId: n.id, accountId: n.to.accountId }, 'recipient has no linked platform: notification not delivered');
    }
    return links.map((l) => item({ platform: l.platform, userId: l.userId }, `${l.platform}|${l.userId}`));
  }

  async function enqueue(notifications: Notification[]): Promise<void> {
    const items = (await Promise.all(notifications.map(fanOut))).flat();
    const targets = await queue.enqueue(items);
    await Promise.all(targets.map((t) => runner.wake(t)));
  }

  /** Cases whose hand-off found the lock taken, looked at again once the lock must have lapsed. */
  const recheck = new Map<string, NodeJS.Timeout>();
  let closed = false;

  /**
   * Peek, enqueue, ack under a per-case lock: two processes acking by count would drop each
   * other's entries. A wake that finds the lock taken returns; the holder looks again after
   * releasing, so what that wake was about is not left behind, and in case the holder died (its
   * lock then lapses after HANDOFF_LOCK_MS) this process looks again once the lock has lapsed.
   */
  async function handoff(caseId: string): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
      const token = await queue.lock(`outbox-${caseId}`, HANDOFF_LOCK_MS);
      if (!token) {
        if (!closed && !recheck.has(caseId)) {
          const timer = setTimeout(() => {
            recheck.delete(caseId);
            if (!closed) void handoff(caseId).catch((err: unknown) => log.warn({ err, caseId }, 'outbox hand-off failed'));
          }, HANDOFF_LOCK_MS + 100);
          timer.unref();
          recheck.set(caseId, timer);
        }
        return;
      }
      try {
        for (;;) {
          const batch = await deps.store.peekOutbox(caseId, HANDOFF_BATCH);
          if (batch.length === 0) break;
          await enqueue(batch);
          await deps.store.ackOutbox(caseId, batch.length);
        }
      } finally {
        await queue.unlock(`outbox-${caseId}`, token);
      }
      if ((await deps.store.peekOutbox(caseId, 1)).length === 0) return;
    }
  }

  /**
   * Stopping: a drain takes no further item, and one waiting on a platform lets go of it (the item stays at
   * its queue's head, undelivered), so the drain job goes back to Redis for another process at once.
   */
  let stopping = false;
  let letGo: () => void = () => {};
  const stopped = new Promise<DrainResult>((resolve) => {
    letGo = () => resolve({ retryInMs: 0 });
  });

  async function drain(target: string): Promise<DrainResult> {
    for (let i = 0; i < DRAIN_BATCH; i += 1) {
      if (stopping) return { retryInMs: 0 };
      const item = await queue.head(target);
      if (!item) return null;
      const retry = await Promise.race([deliver(item), stopped]);
      if (retry) return retry;
    }
    return { retryInMs: 0 };
  }

  /** Delivers one item; null to go on with the next, or how long to wait before trying this one again. */
  async function deliver(item: DeliveryItem): Promise<DrainResult> {
    const { platform } = item.address;
    const notifier = notifiers.get(platform);
    // A drain that crashed after delivering, before removing the item, must not send it again.
    if (await queue.wasDelivered(item.key)) return done(item, true, null);
    let target: DeliveryTarget;
    if ('support' in item.address) target = { support: true };
    else {
      const link = await deps.links.get(platform, item.address.userId);
      const forWhom = 'accountId' in item.notification.to ? item.notification.to.accountId : null;
      if (!link || link.accountId !== forWhom) return done(item, false, 'skipped');
      if (link.blockedAt) {
        await done(item, false, 'skipped');
        log.info({ platform, notificationId: item.notification.id, userId: link.userId, blockedAt: link.blockedAt }, 'recipient blocked the bot: notification skipped');
        return tellSender(item.notification);
      }
      target = { link };
    }
    if (!notifier) return done(item, false, 'skipped');
    try {
      const message = await deps.render(item.notification, target, platform);
      await notifier.deliver(target, message);
    } catch (err) {
      return failed(item, target, err);
    }
    return done(item, true, 'sent');
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

  async function failed(item: DeliveryItem, target: DeliveryTarget, err: unknown): Promise<DrainResult> {
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
    const target = await queue.replay(key);
    if (!target) return false;
    await runner.wake(target);
    await refreshMetrics();
    return true;
  }

  async function sweep(): Promise<void> {
    try {
      for (const caseId of await deps.store.casesWithOutbox()) await handoff(caseId);
      for (const target of await queue.pendingTargets()) await runner.wake(target);
      await refreshMetrics();
    } catch (err) {
      log.warn({ err }, 'outbox sweep failed');
    }
  }

  return {
    wake(caseId) {
      const run = handoff(caseId).catch((err: unknown) => {
        // The entries stay in the case outbox: the next wake or sweep hands them off.
        log.warn({ err, caseId }, 'outbox hand-off failed');
      });
      inflight.add(run);
      void run.finally(() => inflight.delete(run));
      return run;
    },
    send: enqueue,
    async start() {
      await runner.start(drain, async (t) => (await queue.head(t)) !== null);
      await sweep();
      const every = deps.sweepEveryMs ?? 60_000;
      if (every > 0) {
        sweepTimer = setInterval(() => void sweep(), every);
        sweepTimer.unref();
      }
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
      for (const t of recheck.values()) clearTimeout(t);
      recheck.clear();
      clearInterval(sweepTimer);
      stopping = true;
      letGo();
      await Promise.allSettled([...inflight]);
      await runner.close();
    },
  };
}

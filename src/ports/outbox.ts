import type { Platform } from '../domain/types.js';
import type { Notification } from './notification.js';

/** Where one copy of a notification goes: a linked user on a platform, or that platform's staff channel. */
export type DeliveryAddress = { platform: Platform; userId: string } | { platform: Platform; support: true };

/** One notification on its way to one address. */
export interface DeliveryItem {
  /** `<notification id>@<target>`: one per notification and address, so it is delivered once. */
  key: string;
  /** The queue it waits in, one per address: `<platform>|<userId>` or `<platform>|support`. */
  target: string;
  address: DeliveryAddress;
  notification: Notification;
  /** Failed tries so far. */
  attempts: number;
  lastError?: string;
  enqueuedAt: string;
  /**
   * Set by the queue when the item was taken over from a process that stopped or died while holding it:
   * it may have been sent already, so the handler checks `wasDelivered` first.
   */
  redelivered?: boolean;
  /** The queue's own reference to the stored item (a stream entry), opaque to callers. */
  ref?: string;
}

/**
 * The first entries of a case outbox, named by a store that keeps outboxes beside the delivery queues (one standalone
 * Redis), so that the queue can enqueue their deliveries and remove them from the outbox in one step.
 */
export interface OutboxHead {
  caseId: string;
  /** Notification ids, in outbox order. */
  ids: string[];
  /** Where the outbox is kept: meaningful to the queue of the same store only. */
  location: readonly string[];
}

/**
 * The deliveries of one notification for `enqueueFromOutbox`: its items already addressed, or its recipient's
 * identities to address where the store keeps them (LinkStore.identitiesLocation), in the same step.
 */
export type Addressed = { items: DeliveryItem[] } | { fanOut: FanOut };

export interface FanOut {
  notification: Notification;
  /** Where the recipient account's identities are kept: meaningful to a queue of the same store only. */
  identities: string;
  /** Platforms to deliver to (those this process has a notifier for); other identities are left out. */
  platforms: Platform[];
  enqueuedAt: string;
}

/**
 * An append's notifications moved into delivery by the append's own atomic step, where the case store keeps outboxes
 * beside the delivery queues: the queue's arguments for them, and what the store reports once the append is stored.
 */
export interface AppendHandOff {
  /** DeliveryQueue.handOffArgs of the notifications, in outbox order. */
  args: string[];
  /**
   * Called once the append is stored: `handedOff` is false when the outbox held older notifications (they go
   * first: the notifications stay in the outbox for the worker); `unaddressed`, notifications whose recipient had
   * no identity to deliver to.
   */
  settle(handedOff: boolean, unaddressed: string[]): void;
}

/** A delivery given up after its last try (or refused for good): kept to be looked at and replayed. */
export interface DeadLetter extends DeliveryItem {
  error: string;
  failedAt: string;
}

/**
 * Delivery queues, one per address, shared by every process: items of one address are handed out in the
 * order they were enqueued, and an item retrying holds back those behind it (not other addresses').
 * Each implementation runs its own consumer (`start`): the Redis one reads Redis Streams in a consumer
 * group, each partition consumed by one live process, and takes over a dead process's items at once.
 */
export interface DeliveryQueue {
  /** Appends items to their queues, in order; an item already seen (waiting, delivered or dead) is skipped. Returns how many were added. */
  enqueue(items: DeliveryItem[]): Promise<number>;
  /**
   * Like `enqueue`, and in the same step addresses the `fanOut` entries (one item per identity of the recipient on
   * one of its platforms) and removes `head` from its case outbox, if those are still the outbox's first entries;
   * otherwise writes nothing and returns null. Returns how many entries the outbox still holds, and the notifications
   * whose recipient had no identity to deliver to. Only queues sharing one standalone Redis with the case store and
   * the link store have it.
   */
  enqueueFromOutbox?(entries: Addressed[], head: OutboxHead): Promise<{ left: number; unaddressed: string[] } | null>;
  /**
   * The arguments with which a case store sharing this queue's standalone Redis moves an append's notifications
   * into delivery in the append's own step (AppendHandOff); only such queues have it.
   */
  handOffArgs?(entries: Addressed[]): string[];
  /** Removes an item that was handled; `delivered` remembers it as delivered to that address. */
  done(item: DeliveryItem, delivered: boolean): Promise<void>;
  /** Records a failed try; returns the item's number of failed tries. */
  failed(item: DeliveryItem, error: string): Promise<number>;
  /** Moves an item to the dead letters. */
  bury(item: DeliveryItem, error: string, at: string): Promise<void>;
  /** True when this item (notification and address) was delivered already. */
  wasDelivered(key: string): Promise<boolean>;
  /**
   * Called just before an item is sent: false when this process no longer holds it (it stalled, was taken for dead, and
   * the item went to another process). Queues whose items no other process can take have none. Asks the queue's store
   * only when this process's own membership has not been confirmed lately.
   */
  stillHeld?(item: DeliveryItem): Promise<boolean>;
  /** Dead letters, oldest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Puts a dead letter back in its queue with no failed tries; false when unknown. */
  replay(key: string): Promise<boolean>;
  /** Dead letters, and waiting items that failed at least once (for /metrics). */
  counts(): Promise<{ dead: number; retrying: number }>;
  /**
   * Starts handing items to `handle`, one at a time per address, in order. `handle` settles the item itself
   * (`done`, `bury`) and returns null, or asks for the same item again after a delay (after `failed`).
   * Only the queues of `platforms` (those this process can deliver to) are consumed here. `ahead`, when given, is told
   * of items as soon as the queue sees them coming, before it takes them: the handler's reads may then leave in the
   * same round trip as the queue's own. Not every item is told ahead, and one told may never be handed out here
   * (another process took it), or only later (behind a retry).
   */
  start(handle: DeliveryHandler, platforms: Platform[], ahead?: (item: DeliveryItem) => void): Promise<void>;
  /** Stops handing out items; items held but not finished go back to the other processes at once. */
  close(): Promise<void>;
  /** Items this process holds that are being delivered or waiting their turn (not those waiting to be retried). */
  backlog(): number;
}

/** What handling one item asks for: nothing more (it was settled), or the same item again after a delay. */
export type DeliveryResult = { retryInMs: number } | null;

/** Handles one delivery item; `item.redelivered` says it may have been handled by a process that died. */
export type DeliveryHandler = (item: DeliveryItem) => Promise<DeliveryResult>;

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
}

/** A delivery given up after its last try (or refused for good): kept to be looked at and replayed. */
export interface DeadLetter extends DeliveryItem {
  error: string;
  failedAt: string;
}

/**
 * First-in first-out delivery queues, one per address, shared by every process. A queue's head
 * blocks those behind it while it is retried, so one recipient gets notifications in order.
 */
export interface DeliveryQueue {
  /** Appends items to their queues, in order; an item already seen (waiting, delivered or dead) is skipped. Returns the targets that got items. */
  enqueue(items: DeliveryItem[]): Promise<string[]>;
  /** The oldest waiting item of a target, or null. */
  head(target: string): Promise<DeliveryItem | null>;
  /** Removes an item that was handled; `delivered` remembers it as delivered to that address. */
  done(item: DeliveryItem, delivered: boolean): Promise<void>;
  /** Records a failed try; returns the item's number of failed tries. */
  failed(item: DeliveryItem, error: string): Promise<number>;
  /** Moves an item to the dead letters. */
  bury(item: DeliveryItem, error: string, at: string): Promise<void>;
  /** True when this item (notification and address) was delivered already. */
  wasDelivered(key: string): Promise<boolean>;
  /** Dead letters, oldest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Puts a dead letter back at the head of its queue with no failed tries; its target, or null when unknown. */
  replay(key: string): Promise<string | null>;
  /** Targets with waiting items. */
  pendingTargets(): Promise<string[]>;
  /** Dead letters, and waiting items that failed at least once (for /metrics). */
  counts(): Promise<{ dead: number; retrying: number }>;
  /** Takes a lock for `ttlMs` unless someone holds it: a token, or null. */
  lock(name: string, ttlMs: number): Promise<string | null>;
  /** Releases a lock if `token` still holds it. */
  unlock(name: string, token: string): Promise<void>;
}

/** What a drain of one queue asks for: nothing (empty), or to run again after a delay (its head is retrying). */
export type DrainResult = { retryInMs: number } | null;

/** Runs drains of delivery queues: one at a time per target across processes, durably delayed when a retry waits. */
export interface DrainRunner {
  /** Makes sure a drain of `target` runs soon (no-op while one is queued or waiting to retry). */
  wake(target: string): Promise<void>;
  /** Starts running drains; `pending` says whether a target still has work once a drain ended. */
  start(drain: (target: string) => Promise<DrainResult>, pending: (target: string) => Promise<boolean>): Promise<void>;
  /** Stops taking drains and releases connections. */
  close(): Promise<void>;
}

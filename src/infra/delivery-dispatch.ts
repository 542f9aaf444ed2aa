import { silentLogger, type Logger } from '../ports/logger.js';
import type { DeliveryHandler, DeliveryItem } from '../ports/outbox.js';

/**
 * Hands delivery items to a handler inside one process: one at a time per target (address), in the order
 * they were pushed; an item asking to be retried holds back its target's later items, never other targets'.
 * At most `concurrency` items are being handled at once. Used by both delivery queues: the memory one keeps
 * its items here, the Redis one pushes what it read from its streams.
 */
export interface Dispatcher {
  /** Appends an item behind its target's waiting items and starts it when its turn comes. */
  push(item: DeliveryItem): void;
  /** Items pushed and not settled yet (waiting, retrying or being handled). */
  readonly size: number;
  /** Of them, those not held back by a retry: being handled, or waiting for their turn. */
  readonly moving: number;
  /** Removes the waiting items `drop` selects (not one being handled); returns them. */
  drop(drop: (item: DeliveryItem) => boolean): DeliveryItem[];
  /** Starts nothing more; resolves once the items being handled returned. Waiting items are left as they are. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  handle: DeliveryHandler;
  /** Called once an item is settled (the handler returned null). */
  settled?: (item: DeliveryItem) => void;
  /** Items handled at once across targets (default 16). */
  concurrency?: number;
  /** Wait before trying again an item whose handler threw (default 5 s). */
  errorRetryMs?: number;
  logger?: Logger;
}

interface Lane {
  items: DeliveryItem[];
  busy: boolean;
  timer?: NodeJS.Timeout;
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const log = opts.logger ?? silentLogger;
  const concurrency = opts.concurrency ?? 16;
  const lanes = new Map<string, Lane>();
  /** Targets whose head may start, oldest first, waiting for a free slot. */
  const ready = new Set<string>();
  const running = new Set<Promise<void>>();
  let size = 0;
  let stopped = false;

  function schedule(target: string): void {
    const lane = lanes.get(target);
    if (!lane || lane.busy || lane.timer || lane.items.length === 0) return;
    ready.add(target);
    pump();
  }

  function pump(): void {
    while (!stopped && running.size < concurrency && ready.size > 0) {
      const target = ready.values().next().value as string;
      ready.delete(target);
      const lane = lanes.get(target);
      if (!lane || lane.busy || lane.timer || lane.items.length === 0) continue;
      run(target, lane);
    }
  }

  function run(target: string, lane: Lane): void {
    lane.busy = true;
    const item = lane.items[0]!;
    const p = opts
      .handle(item)
      .then((result) => {
        if (result === null) {
          lane.items.shift();
          size -= 1;
          opts.settled?.(item);
          return 0;
        }
        item.attempts += 1;
        return Math.max(0, result.retryInMs);
      })
      .catch((err: unknown) => {
        log.error({ err, target, key: item.key }, 'delivery handler failed');
        return opts.errorRetryMs ?? 5000;
      })
      .then((waitMs) => {
        lane.busy = false;
        if (lane.items.length === 0) {
          lanes.delete(target);
        } else if (waitMs > 0) {
          lane.timer = setTimeout(() => {
            lane.timer = undefined;
            schedule(target);
          }, waitMs);
          lane.timer.unref();
        } else {
          ready.add(target);
        }
      });
    running.add(p);
    void p.finally(() => {
      running.delete(p);
      pump();
    });
  }

  return {
    push(item) {
      let lane = lanes.get(item.target);
      if (!lane) lanes.set(item.target, (lane = { items: [], busy: false }));
      lane.items.push(item);
      size += 1;
      schedule(item.target);
    },
    get size() {
      return size;
    },
    get moving() {
      let n = 0;
      for (const lane of lanes.values()) if (!lane.timer) n += lane.items.length;
      return n;
    },
    drop(select) {
      const dropped: DeliveryItem[] = [];
      for (const [target, lane] of lanes) {
        const keep = lane.items.filter((item, i) => (i === 0 && lane.busy) || !select(item) || (dropped.push(item), false));
        lane.items = keep;
        if (keep.length === 0 && !lane.busy) {
          clearTimeout(lane.timer);
          lanes.delete(target);
          ready.delete(target);
        }
      }
      size -= dropped.length;
      return dropped;
    },
    async stop() {
      stopped = true;
      for (const lane of lanes.values()) clearTimeout(lane.timer);
      ready.clear();
      await Promise.allSettled([...running]);
    },
  };
}

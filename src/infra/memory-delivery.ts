import type { DeadLetter, DeliveryItem, DeliveryQueue } from '../ports/outbox.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import { createDispatcher, type Dispatcher } from './delivery-dispatch.js';

const DAY = 86_400_000;

/** The embedded mode's delivery queues: in this process, lost on restart. */
export function createMemoryDeliveryQueue(opts: { seenTtlMs?: number; logger?: Logger; concurrency?: number } = {}): DeliveryQueue {
  const seenTtl = opts.seenTtlMs ?? 30 * DAY;
  const seen = new Map<string, number>();
  const sent = new Map<string, number>();
  const dead = new Map<string, DeadLetter>();
  /** Failed tries of waiting items, by key. */
  const tries = new Map<string, { attempts: number; lastError: string }>();
  /** Items enqueued before `start`, or after `close`. */
  let waiting: DeliveryItem[] = [];
  let dispatcher: Dispatcher | null = null;
  const live = (m: Map<string, number>, key: string) => (m.get(key) ?? 0) > Date.now();
  const add = (item: DeliveryItem) => (dispatcher ? dispatcher.push(item) : waiting.push(item));

  return {
    async enqueue(items) {
      let added = 0;
      for (const item of items) {
        if (live(seen, item.key)) continue;
        seen.set(item.key, Date.now() + seenTtl);
        add(structuredClone(item));
        added += 1;
      }
      return added;
    },
    async done(item, delivered) {
      tries.delete(item.key);
      if (delivered) sent.set(item.key, Date.now() + seenTtl);
    },
    async failed(item, error) {
      const t = { attempts: (tries.get(item.key)?.attempts ?? item.attempts) + 1, lastError: error };
      tries.set(item.key, t);
      return t.attempts;
    },
    async bury(item, error, at) {
      tries.delete(item.key);
      const { ref: _r, redelivered: _d, ...rest } = structuredClone(item);
      dead.set(item.key, { ...rest, error, failedAt: at });
    },
    async wasDelivered(key) {
      return live(sent, key);
    },
    async deadLetters() {
      return structuredClone([...dead.values()]);
    },
    async replay(key) {
      const letter = dead.get(key);
      if (!letter) return false;
      dead.delete(key);
      const { error: _e, failedAt: _f, lastError: _l, ...item } = letter;
      add({ ...item, attempts: 0 });
      return true;
    },
    async counts() {
      return { dead: dead.size, retrying: tries.size };
    },
    async start(handle) {
      if (dispatcher) return;
      dispatcher = createDispatcher({ handle, concurrency: opts.concurrency, logger: opts.logger ?? silentLogger });
      for (const item of waiting.splice(0)) dispatcher.push(item);
    },
    backlog() {
      return dispatcher?.moving ?? 0;
    },
    async close() {
      const d = dispatcher;
      dispatcher = null;
      if (!d) return;
      await d.stop();
      // What was not settled waits for a next start (the embedded mode has one process).
      waiting = d.drop(() => true);
    },
  };
}

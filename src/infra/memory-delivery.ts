import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { DeadLetter, DeliveryItem, DeliveryQueue, DrainResult, DrainRunner } from '../ports/outbox.js';

const DAY = 86_400_000;

/** The embedded mode's delivery queues: in this process, lost on restart. */
export function createMemoryDeliveryQueue(opts: { seenTtlMs?: number } = {}): DeliveryQueue {
  const seenTtl = opts.seenTtlMs ?? 30 * DAY;
  const queues = new Map<string, DeliveryItem[]>();
  const seen = new Map<string, number>();
  const sent = new Map<string, number>();
  const dead = new Map<string, DeadLetter>();
  const locks = new Map<string, { token: string; until: number }>();
  const live = (m: Map<string, number>, key: string) => (m.get(key) ?? 0) > Date.now();
  const remove = (item: DeliveryItem) => {
    const q = (queues.get(item.target) ?? []).filter((i) => i.key !== item.key);
    if (q.length > 0) queues.set(item.target, q);
    else queues.delete(item.target);
  };
  const find = (item: DeliveryItem) => queues.get(item.target)?.find((i) => i.key === item.key);

  return {
    async enqueue(items) {
      const targets = new Set<string>();
      for (const item of items) {
        if (live(seen, item.key)) continue;
        seen.set(item.key, Date.now() + seenTtl);
        queues.set(item.target, [...(queues.get(item.target) ?? []), structuredClone(item)]);
        targets.add(item.target);
      }
      return [...targets];
    },
    async head(target) {
      const first = queues.get(target)?.[0];
      return first ? structuredClone(first) : null;
    },
    async done(item, delivered) {
      remove(item);
      if (delivered) sent.set(item.key, Date.now() + seenTtl);
    },
    async failed(item, error) {
      const stored = find(item);
      if (!stored) return item.attempts + 1;
      stored.attempts += 1;
      stored.lastError = error;
      return stored.attempts;
    },
    async bury(item, error, at) {
      const stored = find(item) ?? item;
      remove(item);
      dead.set(item.key, { ...structuredClone(stored), error, failedAt: at });
    },
    async wasDelivered(key) {
      return live(sent, key);
    },
    async deadLetters() {
      return structuredClone([...dead.values()]);
    },
    async replay(key) {
      const letter = dead.get(key);
      if (!letter) return null;
      dead.delete(key);
      const { error: _e, failedAt: _f, ...item } = letter;
      queues.set(item.target, [{ ...item, attempts: 0 }, ...(queues.get(item.target) ?? [])]);
      return item.target;
    },
    async pendingTargets() {
      return [...queues.keys()];
    },
    async counts() {
      const retrying = [...queues.values()].flat().filter((i) => i.attempts > 0).length;
      return { dead: dead.size, retrying };
    },
    async lock(name, ttlMs) {
      const held = locks.get(name);
      if (held && held.until > Date.now()) return null;
      const token = randomUUID();
      locks.set(name, { token, until: Date.now() + ttlMs });
      return token;
    },
    async unlock(name, token) {
      if (locks.get(name)?.token === token) locks.delete(name);
    },
  };
}

interface TargetState {
  running: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
}

/** Runs drains in this process with timers: one at a time per target, again after a retry delay. */
export function createMemoryDrainRunner(opts: { logger?: Logger; errorRetryMs?: number } = {}): DrainRunner {
  const log = opts.logger ?? silentLogger;
  const states = new Map<string, TargetState>();
  const running = new Set<Promise<void>>();
  let drain: ((target: string) => Promise<DrainResult>) | null = null;
  let pending: ((target: string) => Promise<boolean>) | null = null;

  const later = (target: string, s: TargetState, ms: number) => {
    s.timer = setTimeout(() => {
      s.timer = undefined;
      run(target);
    }, ms);
    s.timer.unref();
  };

  function run(target: string): void {
    if (!drain) return;
    const s = states.get(target) ?? { running: false, again: false };
    states.set(target, s);
    // While a retry waits, its timer will drain whatever arrived meanwhile: order needs the head first.
    if (s.timer) return;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    s.again = false;
    const p = drain(target)
      .then(async (result) => {
        s.running = false;
        if (result) return later(target, s, result.retryInMs);
        if (s.again || (pending && (await pending(target)))) run(target);
        else states.delete(target);
      })
      .catch((err: unknown) => {
        s.running = false;
        log.error({ err, target }, 'delivery drain failed');
        later(target, s, opts.errorRetryMs ?? 5000);
      });
    running.add(p);
    void p.finally(() => running.delete(p));
  }

  return {
    async wake(target) {
      run(target);
    },
    async start(d, p) {
      drain = d;
      pending = p;
    },
    async close() {
      drain = null;
      for (const s of states.values()) clearTimeout(s.timer);
      states.clear();
      await Promise.allSettled([...running]);
    },
  };
}

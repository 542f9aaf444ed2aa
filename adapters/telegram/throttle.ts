import { apiThrottler } from '@grammyjs/transformer-throttler';
import type Bottleneck from 'bottleneck';
import type { Transformer } from 'grammy';

/** Telegram's send limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). */
export interface TelegramLimits {
  /** Least time between two messages to one chat (about one per second). */
  chatMinMs: number;
  /** Messages per second over all chats (30). */
  globalPerSecond: number;
  /** Messages per minute to one group (20). */
  groupPerMinute: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = { chatMinMs: 1000, globalPerSecond: 30, groupPerMinute: 20 };

export interface TelegramThrottleOptions {
  limits?: Partial<TelegramLimits>;
  /**
   * Limits shared by every process through Redis (Bottleneck's ioredis datastore): `id` names them (keys `b_<id>…`).
   * Without it each process keeps its own, with the limits divided by `processes`.
   */
  shared?: { connection: Bottleneck.IORedisConnection; id: string };
  /** Processes sending for this bot when the limits are not shared (default 1). */
  processes?: number;
}

/**
 * Spaces Bot API calls ahead of Telegram's limits with grammY's throttler (@grammyjs/transformer-throttler, on
 * Bottleneck), so that a burst waits its turn instead of collecting 429s.
 */
export function telegramThrottler(opts: TelegramThrottleOptions = {}): Transformer {
  const l = { ...TELEGRAM_LIMITS, ...opts.limits };
  // Shared limits are the platform's own; per process, each process takes its share of them.
  const n = opts.shared ? 1 : Math.max(1, opts.processes ?? 1);
  const perSecond = Math.max(1, Math.floor(l.globalPerSecond / n));
  const perMinute = Math.max(1, Math.floor(l.groupPerMinute / n));
  const chatMinMs = l.chatMinMs * n;
  const store = (name: string): Bottleneck.ConstructorOptions =>
    opts.shared ? { datastore: 'ioredis', connection: opts.shared.connection, id: `${opts.shared.id}:${name}`, clearDatastore: false, timeout: 120_000 } : {};
  return apiThrottler({
    global: { reservoir: perSecond, reservoirRefreshAmount: perSecond, reservoirRefreshInterval: 1000, ...store('global') },
    group: { maxConcurrent: 1, minTime: chatMinMs, reservoir: perMinute, reservoirRefreshAmount: perMinute, reservoirRefreshInterval: 60_000, ...store('group') },
    out: { maxConcurrent: 1, minTime: chatMinMs, ...store('out') },
  }) as Transformer;
}

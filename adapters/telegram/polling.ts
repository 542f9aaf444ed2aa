import { BotError, type Bot } from 'grammy';
import type { Logger } from '../../src/ports/logger.js';
import { InFlightError, NotHandledError } from '../common/redelivery.js';

export interface PollingOptions {
  /** getUpdates long-polling timeout in seconds. */
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
  logger: Logger;
  /** Wait before fetching again after a batch with an update that was not handled, doubled up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Deliveries of an update that keeps failing before it is handled (an engine bug, not a store down for a moment)
   * before it is given up (default 3): the batches behind it must not wait forever. Refusals because another process
   * holds its claim do not count: that claim is confirmed or lapses within seconds.
   */
  maxAttempts?: number;
  /** Called for an update given up after maxAttempts (the adapter apologises to its user). */
  onGiveUp(err: BotError): Promise<void>;
}

export interface Polling {
  /** Stops fetching and waits for the batch in progress. */
  stop(): Promise<void>;
}

/**
 * Long polling that acknowledges only handled updates. Telegram forgets every update below the `offset` of a
 * getUpdates call, so the offset moves past a batch only once each of its updates is handled, and never past one that
 * was not (a store down, or another process holding its claim): the next fetch brings it again, with the rest of the
 * batch after it, which are then ignored as duplicates. Updates of a batch run concurrently; the adapter's
 * sequentialize middleware keeps each chat in order.
 *
 * The grammY runner, used before, fetches the next batch while one is still being handled, which acknowledges it: a
 * process killed mid-batch lost the updates it was handling.
 */
export function startPolling(bot: Bot, opts: PollingOptions): Polling {
  const abort = new AbortController();
  let offset = 0;
  let backoff = 0;
  const attempts = new Map<number, number>();
  const maxAttempts = opts.maxAttempts ?? 3;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });

  async function handle(update: Parameters<Bot['handleUpdate']>[0]): Promise<boolean> {
    try {
      await bot.handleUpdate(update);
      return true;
    } catch (err) {
      if (!(err instanceof BotError)) {
        opts.logger.error({ err, updateId: update.update_id }, 'telegram update failed outside the middleware');
        return true;
      }
      if (err.error instanceof NotHandledError && !(err.error instanceof InFlightError)) {
        const n = (attempts.get(update.update_id) ?? 0) + 1;
        if (n >= maxAttempts) {
          attempts.delete(update.update_id);
          await opts.onGiveUp(err);
          return true;
        }
        attempts.set(update.update_id, n);
      }
      await bot.errorHandler(err);
      return !(err.error instanceof NotHandledError);
    }
  }

  async function loop() {
    while (!abort.signal.aborted) {
      let updates;
      try {
        updates = await bot.api.getUpdates({ offset, limit: 100, timeout: opts.timeoutSeconds, allowed_updates: opts.allowedUpdates as never }, abort.signal as never);
      } catch (err) {
        if (abort.signal.aborted) break;
        opts.logger.warn({ err }, 'getUpdates failed; polling retries');
        await wait(Math.min(opts.maxBackoffMs ?? 30_000, 1000));
        continue;
      }
      if (updates.length === 0) continue;
      const handled = await Promise.all(updates.map(handle));
      const firstNotHandled = updates.find((_, i) => !handled[i]);
      if (firstNotHandled) {
        offset = firstNotHandled.update_id;
        backoff = Math.min(opts.maxBackoffMs ?? 30_000, backoff ? backoff * 2 : (opts.backoffMs ?? 500));
        opts.logger.info({ updateId: offset, retryInMs: backoff }, 'update not handled; polling fetches it again');
        await wait(backoff);
      } else {
        offset = updates[updates.length - 1]!.update_id + 1;
        backoff = 0;
        attempts.clear();
      }
    }
  }

  const task = loop().catch((err: unknown) => opts.logger.error({ err }, 'telegram polling stopped'));
  return {
    async stop() {
      abort.abort();
      await task;
    },
  };
}

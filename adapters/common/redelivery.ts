import type { Dedup } from '../../src/ports/kv.js';

/** How long handleOnce holds a key. */
export interface OnceOptions {
  /** While the event is being handled; short, so that after a crash the platform's redelivery is handled. */
  claimMs: number;
  /** Once it was handled; long enough to cover every redelivery the platform makes. */
  keepMs: number;
  /** Told when confirming or releasing the key failed (the claim then lapses by itself after claimMs). */
  onMarkError?: (err: unknown, step: 'confirm' | 'release') => void;
}

/** The event was not handled and nothing was decided for it: the key was released, a redelivery will be handled. */
export class NotHandledError extends Error {
  constructor(
    readonly key: string,
    options: { cause: unknown },
  ) {
    super(`event ${key} not handled`, options);
    this.name = 'NotHandledError';
  }
}

/**
 * Handles an inbound event once per key, without losing one the platform redelivers after a failure: claims the key
 * for claimMs, runs `work`, then keeps the key for keepMs. `work` calls `decided()` once its outcome stands (the engine
 * returned). Failing before that releases the key and throws NotHandledError (also when the claim itself fails);
 * failing after it keeps the key and rethrows the error as it is, since a second run would act twice.
 * Resolves false, without running `work`, for a key already claimed or handled.
 */
export async function handleOnce(dedup: Dedup, key: string, opts: OnceOptions, work: (decided: () => void) => Promise<void>): Promise<boolean> {
  const mark = (step: 'confirm' | 'release') =>
    (step === 'confirm' ? dedup.confirm(key, opts.keepMs) : dedup.release(key)).catch((err: unknown) => opts.onMarkError?.(err, step));
  let claimed: boolean;
  try {
    claimed = await dedup.first(key, opts.claimMs);
  } catch (err) {
    throw new NotHandledError(key, { cause: err });
  }
  if (!claimed) return false;
  let isDecided = false;
  try {
    await work(() => {
      isDecided = true;
    });
  } catch (err) {
    await mark(isDecided ? 'confirm' : 'release');
    throw isDecided ? err : new NotHandledError(key, { cause: err });
  }
  await mark('confirm');
  return true;
}

import { randomBytes } from 'node:crypto';
import type { Dedup } from '../../src/ports/kv.js';

/** How long handleOnce holds a key. */
export interface OnceOptions {
  /**
   * While the event is being handled: short (seconds), and renewed every `renewMs` while the work runs, so that the
   * claim of a process that died lapses within seconds and the platform's redelivery is then handled.
   */
  claimMs: number;
  /** Once it was handled; long enough to cover every redelivery the platform makes. */
  keepMs: number;
  /** How often a running claim is renewed (default claimMs / 3). */
  renewMs?: number;
  /** Told when confirming, renewing or releasing the key failed (a claim then lapses by itself after claimMs). */
  onMarkError?: (err: unknown, step: 'confirm' | 'release' | 'renew') => void;
  /** Told when a renewal found the claim gone (it lapsed and another handler took it, or Redis lost it). */
  onClaimLost?: () => void;
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
 * Another handler holds a live, unconfirmed claim on the event (it is being handled elsewhere, or its process died a
 * moment ago): this delivery is refused so that the platform delivers it again; by then the claim is confirmed (the
 * redelivery is a duplicate) or has lapsed (the redelivery is handled).
 */
export class InFlightError extends NotHandledError {
  constructor(key: string) {
    super(key, { cause: new Error(`event ${key} is being handled elsewhere`) });
    this.name = 'InFlightError';
  }
}

/** A unique owner for each attempt: the process and a random part. */
function newOwner(): string {
  return `${process.pid}.${randomHex(6)}`;
}

// Random bytes drawn 1,536 at a time: one call into the system's generator per 256 owners rather than per update.
let pool = Buffer.alloc(0);
let used = 0;

function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    pool = randomBytes(1536);
    used = 0;
  }
  used += bytes;
  return pool.toString('hex', used - bytes, used);
}

/**
 * Handles an inbound event once per key, without losing one the platform redelivers after a failure or a crash:
 * claims the key for claimMs (renewed while `work` runs), runs `work`, and confirms the key for keepMs as soon as
 * `work` calls `decided()` (the engine returned: the outcome is stored), or not at all when `work` says the mark was
 * confirmed with the outcome itself (`decided(true)`: the store wrote it in the same step, TurnResult.inboundMarked). Failing before that releases the key and
 * throws NotHandledError (also when the claim itself fails); failing after it keeps the key and rethrows the error as
 * it is, since a second run would act twice.
 * Resolves true once handled, false (without running `work`) for a key already confirmed, and throws InFlightError
 * for a key another handler holds a live claim on: the caller answers so that the platform retries.
 */
export async function handleOnce(dedup: Dedup, key: string, opts: OnceOptions, work: (decided: (confirmed?: boolean) => void) => Promise<void>): Promise<boolean> {
  const owner = newOwner();
  let state;
  try {
    state = await dedup.claim(key, owner, opts.claimMs);
  } catch (err) {
    throw new NotHandledError(key, { cause: err });
  }
  if (state === 'done') return false;
  if (state === 'held') throw new InFlightError(key);

  const renewMs = Math.max(10, opts.renewMs ?? Math.floor(opts.claimMs / 3));
  const heartbeat = setInterval(() => {
    dedup.renew(key, owner, opts.claimMs).then(
      (ok) => {
        if (!ok && confirming === null && !failed) opts.onClaimLost?.();
      },
      (err: unknown) => opts.onMarkError?.(err, 'renew'),
    );
  }, renewMs);
  heartbeat.unref();
  let confirming: Promise<void> | null = null;
  let failed = false;
  const confirm = (confirmed = false) => {
    clearInterval(heartbeat);
    confirming ??= confirmed ? Promise.resolve() : dedup.confirm(key, opts.keepMs).catch((err: unknown) => opts.onMarkError?.(err, 'confirm'));
    return confirming;
  };
  try {
    // Confirmed the moment the outcome is stored, not after the replies: a crash while replying must not let a
    // redelivery run the turn again.
    await work((confirmed) => void confirm(confirmed === true));
  } catch (err) {
    failed = true;
    clearInterval(heartbeat);
    if (confirming) {
      await confirming;
      throw err;
    }
    await dedup.release(key, owner).catch((e: unknown) => opts.onMarkError?.(e, 'release'));
    throw new NotHandledError(key, { cause: err });
  }
  await confirm();
  return true;
}

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
  /**
   * The key of the user the event comes from (`<platform>:user:…`): their turns run one at a time across processes
   * (docs/inbound-claims.md). Claimed with the event, held until the turn ends; an event whose user has a turn under
   * way elsewhere waits for it up to `userWaitMs`, then is refused like an event claimed elsewhere.
   */
  user?: string;
  /** How long an event waits for its user's turn on another process before it is refused (default 2.5 s). */
  userWaitMs?: number;
  /** Aborted when the process stops: an event waiting for its user's turn is refused at once. */
  signal?: AbortSignal;
}

/** What `work` is told about its turn. */
export interface OnceTurn {
  /** The event waited for another turn of its user: what was read before it (Engine.prefetch) is stale. */
  waited: boolean;
  /**
   * Lets the user's next event run (their claim is released). Called by handleOnce once `work` is done; an adapter
   * may call it earlier with its own last writes (one round trip). Never rejects.
   */
  finish: () => Promise<void>;
}

/**
 * How often an event waiting for its user's turn elsewhere asks again: at once after 25 ms (a live turn ends within
 * milliseconds), then twice as long each time up to 200 ms, so that users held by a dead process (until its claims
 * lapse) do not flood Redis while the survivors take over its work.
 */
const USER_POLL_MS = 25;
const USER_POLL_MAX_MS = 200;

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

/**
 * The event's user has another event under way elsewhere that did not end within the wait (OnceOptions.user): refused
 * like an event claimed elsewhere (the platform delivers it again), but it is no duplicate.
 */
export class UserBusyError extends InFlightError {
  constructor(key: string) {
    super(key);
    this.name = 'UserBusyError';
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
 * for a key another handler holds a live claim on: the caller answers so that the platform retries. With `opts.user`,
 * the user's claim is taken with the event's and `work` runs only while this handler holds it (see OnceOptions.user).
 */
export async function handleOnce(
  dedup: Dedup,
  key: string,
  opts: OnceOptions,
  work: (decided: (confirmed?: boolean) => void, turn: OnceTurn) => Promise<void>,
): Promise<boolean> {
  const owner = newOwner();
  const user = opts.user;
  // Both claims leave together (one round trip on an auto-pipelined connection).
  const [event, mine] = await Promise.allSettled([dedup.claim(key, owner, opts.claimMs), user ? dedup.claim(user, owner, opts.claimMs) : Promise.resolve('claimed' as const)]);
  let userHeld = user !== undefined && mine.status === 'fulfilled' && mine.value === 'claimed';
  let finishing: Promise<void> | null = null;
  const finish = () => {
    if (!userHeld || !user) return Promise.resolve();
    return (finishing ??= dedup.release(user, owner).catch((err: unknown) => opts.onMarkError?.(err, 'release')));
  };
  if (event.status === 'rejected' || mine.status === 'rejected') {
    await finish();
    if (event.status === 'fulfilled' && event.value === 'claimed') await dedup.release(key, owner).catch((e: unknown) => opts.onMarkError?.(e, 'release'));
    throw new NotHandledError(key, { cause: event.status === 'rejected' ? event.reason : (mine as PromiseRejectedResult).reason });
  }
  const state = event.value;
  if (state !== 'claimed') {
    await finish();
    if (state === 'done') return false;
    throw new InFlightError(key);
  }

  const renewMs = Math.max(10, opts.renewMs ?? Math.floor(opts.claimMs / 3));
  const heartbeat = setInterval(() => {
    dedup.renew(key, owner, opts.claimMs).then(
      (ok) => {
        if (!ok && confirming === null && !failed) opts.onClaimLost?.();
      },
      (err: unknown) => opts.onMarkError?.(err, 'renew'),
    );
    if (user && userHeld && finishing === null) dedup.renew(user, owner, opts.claimMs).catch((err: unknown) => opts.onMarkError?.(err, 'renew'));
  }, renewMs);
  heartbeat.unref();
  const waited = user !== undefined && !userHeld;
  if (user && !userHeld) {
    try {
      userHeld = await waitForUser(dedup, user, owner, opts);
    } catch (err) {
      clearInterval(heartbeat);
      await dedup.release(key, owner).catch((e: unknown) => opts.onMarkError?.(e, 'release'));
      throw new NotHandledError(key, { cause: err });
    }
    if (!userHeld) {
      // The user's other turn is still under way (or its process died a moment ago): refused like an event claimed
      // elsewhere, the platform delivers it again.
      clearInterval(heartbeat);
      await dedup.release(key, owner).catch((e: unknown) => opts.onMarkError?.(e, 'release'));
      throw new UserBusyError(key);
    }
  }
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
    await work((confirmed) => void confirm(confirmed === true), { waited, finish });
  } catch (err) {
    failed = true;
    clearInterval(heartbeat);
    if (confirming) {
      await Promise.all([confirming, finish()]);
      throw err;
    }
    await Promise.all([dedup.release(key, owner).catch((e: unknown) => opts.onMarkError?.(e, 'release')), finish()]);
    throw new NotHandledError(key, { cause: err });
  }
  await Promise.all([confirm(), finish()]);
  return true;
}

/**
 * Asks for the user's claim every USER_POLL_MS (doubling up to USER_POLL_MAX_MS) until it is this owner's (true), `userWaitMs` passed or the process
 * stops (false). A live turn releases it as it ends; a dead process's lapses within claimMs, longer than the wait:
 * its events are refused meanwhile and come again.
 */
async function waitForUser(dedup: Dedup, user: string, owner: string, opts: OnceOptions): Promise<boolean> {
  const until = performance.now() + (opts.userWaitMs ?? 2_500);
  for (let pause = USER_POLL_MS; performance.now() < until && !opts.signal?.aborted; pause = Math.min(pause * 2, USER_POLL_MAX_MS)) {
    await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(0, until - performance.now()))));
    if (opts.signal?.aborted) return false;
    if ((await dedup.claim(user, owner, opts.claimMs)) === 'claimed') return true;
  }
  return false;
}

import type { Platform } from '../domain/types.js';
import type { OutMessage } from './turn.js';
import type { Link } from './links.js';

/** Where a notification goes on one platform: a linked user, or that platform's staff channel. */
export type DeliveryTarget = { link: Link } | { support: true };

/** Sends engine output to one platform outside a turn (relays, nudges). Each adapter implements it. */
export interface Notifier {
  readonly platform: Platform;
  /**
   * Whether the platform has a staff channel configured for support's notifications (TELEGRAM_SUPPORT_CHAT_ID,
   * DISCORD_STAFF_CHANNEL_ID, TEAMS_STAFF_CONVERSATION_ID). Without one, support is not notified there at all, rather
   * than by deliveries refused one by one into the dead letters (the morning digest, every escalation). Default: true.
   */
  readonly staffChannel?: boolean;
  /** Delivers one message; throws DeliveryError when the platform refuses or rate-limits it. */
  deliver(target: DeliveryTarget, message: OutMessage, opts?: DeliverOptions): Promise<void>;
}

export interface DeliverOptions {
  /**
   * Called once the platform has accepted the message, before the notifier's own bookkeeping (message → case map,
   * retired buttons) is written, so that the caller's record of the delivery can leave with it in one round trip.
   * It never rejects. A notifier that does not call it lets the caller record the delivery once `deliver` resolves.
   */
  onSent?: () => Promise<void>;
}

/** A platform refused a delivery. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly opts: {
      /** The platform asked to wait this long before trying again (429 retry_after). */
      retryAfterMs?: number;
      /** Trying again will not help (bad request, chat not found). */
      permanent?: boolean;
      /** The user blocked the bot, closed DMs or uninstalled the app: record it on the link. */
      blocked?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'DeliveryError';
  }
}

import type { Money, Platform } from '../domain/types.js';

/**
 * An argument of a localized message. Dates and money stay data until delivery, where the
 * recipient's language and time zone are applied.
 */
export type MessageArg =
  | string
  | number
  | { date: string; style?: 'date' | 'datetime' }
  | { money: Money }
  | { duration: string };

export type MessageArgs = Record<string, MessageArg>;

/** A localized sentence before localization: a Fluent message id and its arguments. */
export interface Msg {
  id: string;
  args?: MessageArgs;
}

/** Who a notification is for: an account (reached on every platform it linked), or the support team. */
export type Recipient = { accountId: string } | { support: true };

/** One entry of the notification outbox: written with the events that caused it. */
export interface Notification {
  /** Stable id (`<caseId>-<version>-<n>` or a nudge id): delivering it twice is detected by this id. */
  id: string;
  to: Recipient;
  caseId?: string;
  /** Paragraphs of the message. */
  body: Msg[];
  /** Attach the case card (status, deadlines, allowed actions for the recipient). */
  card?: boolean;
  /** A blob to relay (photo or file evidence). */
  blobId?: string;
  createdAt: string;
  /**
   * Order messages without a case: the order they are about. The recipient, its buyer or its
   * seller, gets a button to answer, and adapters remember the message for replies (OutMessage.orderId).
   */
  orderId?: string;
  /** A shop id: its owner gets an "Ask for reinstatement" button (a shop suspended by support). */
  offerReinstatement?: string;
  /** Support notifications only: skip this platform's staff channel (the acting support member's, where the reply already shows). */
  exceptPlatform?: Platform;
  /** It tells of the case's closing: the buttons its recipient still has on the case are taken off (OutMessage.clearSlots). */
  closing?: boolean;
  /** Whose action caused it: told when it cannot reach its recipient anywhere (bot blocked, DMs closed). */
  from?: { accountId: string };
}

import type { Platform } from '../domain/types.js';

/**
 * The subject id under which a message about an order (no case) is remembered with
 * `rememberMessage`: a reply to it continues the conversation between the order's buyer and seller.
 */
export const orderSubject = (orderId: string): string => `order:${orderId}`;

/** The order id of a subject made by `orderSubject`, or null for a case id. */
export function orderOfSubject(subject: string): string | null {
  return subject.startsWith('order:') ? subject.slice('order:'.length) : null;
}

/** What a sent message is about: its case, else its order's subject, else nothing to remember. */
export function messageSubject(out: { caseId?: string; orderId?: string }): string | null {
  return out.caseId ?? (out.orderId ? orderSubject(out.orderId) : null);
}

/** Where a sent message's subject is stored: field `field` of hash `key`, else of its previous generation `previous`. */
export interface SubjectLocation {
  key: string;
  previous: string;
  field: string;
}

/**
 * `caseOfMessage` in two halves (ThreadRegistry.messageEntry), for a store that reads the entry together with what it
 * names (CaseStore.loadAt): the answer known in process, or where the entry is and what to answer once it is read there.
 */
export type MessageEntry = { known: string } | { at: SubjectLocation; answer(found: string | null): Promise<string | null> };

/** Which platform messages and threads belong to which case (or order, see `orderSubject`). */
export interface ThreadRegistry {
  /** Remembers that a message the bot sent is about a case (or an order's `orderSubject`), so a reply to it is a comment. */
  rememberMessage(platform: Platform, conversationId: string, messageId: string, caseId: string): Promise<void>;
  /** The case (or `orderSubject`) a sent message is about, or null. */
  caseOfMessage(platform: Platform, conversationId: string, messageId: string): Promise<string | null>;
  /**
   * `caseOfMessage` for a caller that reads the entry itself (registries that can: a single Redis; absent elsewhere):
   * `answer(found)`, given what was read at `at` (null: nothing), gives what `caseOfMessage` would have (an entry not
   * found there is looked up where earlier versions kept it) and keeps it as `caseOfMessage` does.
   */
  messageEntry?(platform: Platform, conversationId: string, messageId: string): MessageEntry;
  /** Records a case's thread on a platform for an audience (`parties`, `staff`, or an account id). */
  setCaseThread(platform: Platform, caseId: string, audience: string, address: string): Promise<void>;
  /** A case's thread address on a platform for an audience, or null. */
  caseThread(platform: Platform, caseId: string, audience: string): Promise<string | null>;
  /** The case a thread belongs to, or null. */
  caseOfThread(platform: Platform, address: string): Promise<string | null>;
}

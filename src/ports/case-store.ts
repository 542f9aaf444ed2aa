import type { Case, CaseEvent } from '../domain/case-model.js';
import type { CaseStatus } from '../domain/types.js';
import type { Notification } from './notification.js';
import type { OutboxHead } from './outbox.js';
import type { SubjectLocation } from './threads.js';

/** Filters for listing cases; all given fields must match. */
export interface CaseFilter {
  status?: CaseStatus | CaseStatus[];
  orderId?: string;
  buyerId?: string;
  shopId?: string;
  sellerId?: string;
  /** Open or escalated cases whose escalation time (or late-delivery time) has passed at `now`. */
  overdueAt?: string;
  limit?: number;
}

/** What else an append does in the same atomic step. */
export interface AppendOptions {
  /**
   * A reopen: also claims this order for the case. Throws ConflictError('ORDER_CLAIMED', { caseId: holder })
   * and stores nothing when any case, this one included, holds the claim (a stale claim is healed first).
   */
  claimOrder?: string;
  /**
   * The inbound event behind this change (`<eventId>#<n>`): an append whose key the case already holds writes nothing
   * and throws ConflictError('ALREADY_APPLIED', { from, count }) naming the events that first run appended.
   */
  inboundKey?: string;
  /**
   * The inbound event's once-only mark (its key in the Dedup): a store that can writes it, confirmed, in the same
   * atomic step as the events and sets `done`, so that the caller need not confirm it in a write of its own. Only
   * for a change that is the whole outcome of its event (nothing the event does after it may be lost to a crash).
   */
  markInbound?: { key: string; done: boolean };
}

/** Where cases live. One implementation in memory, one in Redis; both pass test/ports/case-store.contract.ts. */
export interface CaseStore {
  /** Allocates the next human case number, `C-000123`. */
  nextCaseId(): Promise<string>;
  /** Claims the order for a new case; false when another open case holds it (one open case per order). */
  claimOrder(orderId: string, caseId: string): Promise<boolean>;
  /** Releases the order's claim when its case closes (or the opening failed). */
  releaseOrder(orderId: string, caseId: string): Promise<void>;
  /** The case holding the order's claim, if any. */
  openCaseForOrder(orderId: string): Promise<string | null>;
  /** Loads a case (its `version` is the number of events), or null. */
  load(caseId: string): Promise<Case | null>;
  /**
   * Reads the subject a thread registry stores at `at` (ThreadRegistry.messageEntry) and, when it is a case id, `load`s
   * that case, in one step (stores that can: a single Redis shared with the registry; absent elsewhere).
   * `subject` is null when nothing is stored there; `case` is null for an order subject or a missing case.
   */
  loadAt?(at: SubjectLocation): Promise<{ subject: string | null; case: Case | null }>;
  /**
   * Appends events and the outbox notifications they cause, atomically, if the stored version is
   * still `expectedVersion` (0 for a new case); stores `next` as the new snapshot.
   * Throws ConflictError('VERSION_CONFLICT') otherwise. The timeline is never rewritten.
   * `inboundKey` names the inbound event (and the step within it) the append comes from: an append whose key the
   * case already holds (a redelivery of an event handled before a crash) writes nothing and throws
   * ConflictError('ALREADY_APPLIED') with `details.from` and `details.count`, where the first append put its events.
   * Keys are kept at least as long as a platform may redeliver (26 hours).
   */
  append(caseId: string, expectedVersion: number, events: CaseEvent[], next: Case, notifications: Notification[], opts?: AppendOptions): Promise<void>;
  /** Cases matching the filter, newest first. */
  list(filter: CaseFilter): Promise<Case[]>;
  /** The oldest undelivered outbox notifications of a case (at most `max`), without removing them. */
  peekOutbox(caseId: string, max: number): Promise<Notification[]>;
  /**
   * Removes outbox notifications handed to delivery: the first ones, as long as their ids are `ids` in order
   * (another process may have removed them already). Returns how many are left.
   */
  ackOutbox(caseId: string, ids: string[]): Promise<number>;
  /**
   * Names the outbox's first entries (`ids`) for a delivery queue that can take them over in one step
   * (DeliveryQueue.enqueueFromOutbox); null where it cannot (a Cluster keeps them in other slots).
   */
  outboxHead?(caseId: string, ids: string[]): OutboxHead | null;
  /** Ids of cases with undelivered outbox notifications (for the sweep after a crash). */
  casesWithOutbox(): Promise<string[]>;
}

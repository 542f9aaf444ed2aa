import type { Case, CaseEvent } from '../domain/case-model.js';
import { ConflictError } from '../domain/errors.js';
import type { CaseFilter, CaseStore } from '../ports/case-store.js';
import type { Notification } from '../ports/notification.js';
import { formatCaseId, matchesFilter, newestFirst } from './case-filter.js';

interface Stored {
  /** The snapshot without its timeline: the timeline is `events`, which only ever grows. */
  snapshot: Omit<Case, 'timeline'>;
  events: CaseEvent[];
  outbox: Notification[];
  /** Inbound event keys appended, with where their events went. */
  inbound: Map<string, { from: number; count: number }>;
}

/** The embedded mode's case store: everything in this process, lost on restart. */
export function createMemoryCaseStore(): CaseStore {
  const cases = new Map<string, Stored>();
  const claims = new Map<string, string>();
  let seq = 0;

  // Copies in and out so a caller mutating a returned case cannot change what is stored.
  const toCase = (s: Stored): Case => structuredClone({ ...s.snapshot, timeline: s.events });

  return {
    async nextCaseId() {
      seq += 1;
      return formatCaseId(seq);
    },

    async claimOrder(orderId, caseId) {
      const holder = claims.get(orderId);
      if (holder !== undefined && holder !== caseId) return false;
      claims.set(orderId, caseId);
      return true;
    },

    async releaseOrder(orderId, caseId) {
      if (claims.get(orderId) === caseId) claims.delete(orderId);
    },

    async openCaseForOrder(orderId) {
      return claims.get(orderId) ?? null;
    },

    async load(caseId) {
      const s = cases.get(caseId);
      return s ? toCase(s) : null;
    },

    async append(caseId, expectedVersion, events, next, notifications, opts) {
      checkAppend(caseId, expectedVersion, events, next);
      const inboundKey = opts?.inboundKey;
      const current = cases.get(caseId);
      const seen = inboundKey ? current?.inbound.get(inboundKey) : undefined;
      if (seen) throw new ConflictError('ALREADY_APPLIED', `case ${caseId} already holds inbound event ${inboundKey}`, { ...seen });
      if ((current?.events.length ?? 0) !== expectedVersion) {
        throw new ConflictError('VERSION_CONFLICT', `case ${caseId} is not at version ${expectedVersion}`);
      }
      if (opts?.claimOrder !== undefined) {
        const holder = claims.get(opts.claimOrder);
        if (holder !== undefined) throw new ConflictError('ORDER_CLAIMED', `order ${opts.claimOrder} is held by ${holder}`, { caseId: holder });
        claims.set(opts.claimOrder, caseId);
      }
      const { timeline: _ignored, ...snapshot } = structuredClone(next);
      cases.set(caseId, {
        snapshot,
        events: [...(current?.events ?? []), ...structuredClone(events)],
        outbox: [...(current?.outbox ?? []), ...structuredClone(notifications)],
        // Kept for the life of the process (the memory store is the embedded mode's, and tests').
        inbound: inboundKey ? (current?.inbound ?? new Map()).set(inboundKey, { from: expectedVersion, count: events.length }) : (current?.inbound ?? new Map()),
      });
    },

    async list(filter: CaseFilter) {
      const found = [...cases.values()].filter((s) => matchesFilter(s.snapshot, filter));
      found.sort((a, b) => newestFirst(a.snapshot, b.snapshot));
      return found.slice(0, filter.limit ?? found.length).map(toCase);
    },

    async peekOutbox(caseId, max) {
      return structuredClone(cases.get(caseId)?.outbox.slice(0, Math.max(0, max)) ?? []);
    },

    async ackOutbox(caseId, ids) {
      const s = cases.get(caseId);
      if (!s) return 0;
      let n = 0;
      while (n < ids.length && s.outbox[n]?.id === ids[n]) n += 1;
      s.outbox = s.outbox.slice(n);
      return s.outbox.length;
    },

    async casesWithOutbox() {
      return [...cases.entries()].filter(([, s]) => s.outbox.length > 0).map(([id]) => id);
    },
  };
}

/** Guards both stores against a caller bug that would break "version = number of events". */
export function checkAppend(caseId: string, expectedVersion: number, events: CaseEvent[], next: Case): void {
  if (events.length === 0) throw new Error(`append to ${caseId}: no events`);
  if (next.id !== caseId) throw new Error(`append to ${caseId}: snapshot is case ${next.id}`);
  if (next.version !== expectedVersion + events.length) {
    throw new Error(`append to ${caseId}: snapshot version ${next.version} is not ${expectedVersion} + ${events.length} events`);
  }
}

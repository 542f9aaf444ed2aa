import type { Case } from '../domain/case-model.js';
import { isPalabreError } from '../domain/errors.js';
import type { Marketplace, RefundRecord } from '../ports/marketplace.js';
import type { Logger } from '../ports/logger.js';

/**
 * The marketplace refunds a case's timeline calls for, each with the idempotency id
 * `<caseId>-<version of its refund event>`: asking for one twice records it once.
 */
export function refundRecords(c: Case, fromVersion = 1): RefundRecord[] {
  return c.timeline.flatMap((e, i): RefundRecord[] => {
    if (e.type !== 'refund' || i + 1 < fromVersion) return [];
    const by = e.actor.role === 'support' ? 'support' : 'seller';
    return [{ id: `${c.id}-${i + 1}`, orderId: c.orderId, amount: e.amount, by, recover: e.recover, caseId: c.id, at: e.at }];
  });
}

/**
 * Asks the marketplace for refunds, retrying what may be transient (not a PalabreError refusal).
 * Returns the ids it could not get through; each is logged for replay.
 */
export async function askRefunds(marketplace: Marketplace, records: RefundRecord[], log?: Logger): Promise<string[]> {
  const failed: string[] = [];
  for (const record of records) {
    for (let attempt = 1; ; attempt++) {
      try {
        await marketplace.refund(record);
        break;
      } catch (err) {
        if (attempt < 3 && !isPalabreError(err)) {
          await new Promise((r) => setTimeout(r, 50 * attempt));
          continue;
        }
        log?.error({ err, caseId: record.caseId, refundId: record.id }, 'marketplace did not take a recorded refund; reconcileRefunds replays it');
        failed.push(record.id ?? '');
        break;
      }
    }
  }
  return failed;
}

/**
 * Replays the refunds a case records but the marketplace does not know (a crash between the
 * append and the marketplace call). Safe to run any time: ids make it idempotent.
 */
export async function reconcileRefunds(marketplace: Marketplace, c: Case, log?: Logger): Promise<string[]> {
  const known = new Set((await marketplace.refunds(c.orderId)).map((r) => r.id));
  return askRefunds(marketplace, refundRecords(c).filter((r) => !known.has(r.id)), log);
}

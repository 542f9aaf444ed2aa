import type { Case } from '../domain/case-model.js';
import type { CaseFilter } from '../ports/case-store.js';

/**
 * Whether a case matches a list filter. `overdueAt` follows the support "overdue" view: an open case
 * whose escalation time has passed, or any case not closed whose late-delivery time has passed.
 */
export function matchesFilter(c: Pick<Case, 'status' | 'orderId' | 'buyerId' | 'shopId' | 'sellerId' | 'escalatableAt' | 'lateAt'>, f: CaseFilter): boolean {
  if (f.status !== undefined) {
    const wanted = Array.isArray(f.status) ? f.status : [f.status];
    if (!wanted.includes(c.status)) return false;
  }
  if (f.orderId !== undefined && c.orderId !== f.orderId) return false;
  if (f.buyerId !== undefined && c.buyerId !== f.buyerId) return false;
  if (f.shopId !== undefined && c.shopId !== f.shopId) return false;
  if (f.sellerId !== undefined && c.sellerId !== f.sellerId) return false;
  if (f.overdueAt !== undefined && !isOverdue(c, f.overdueAt)) return false;
  return true;
}

/** Open past its escalation time, or not closed past its late-delivery time. */
export function isOverdue(c: Pick<Case, 'status' | 'escalatableAt' | 'lateAt'>, at: string): boolean {
  const now = Date.parse(at);
  if (c.status === 'open' && Date.parse(c.escalatableAt) <= now) return true;
  return c.status !== 'closed' && Date.parse(c.lateAt) <= now;
}

/** Newest first: by opening time, then by case number (ids of one store grow). */
export function newestFirst(a: Pick<Case, 'openedAt' | 'id'>, b: Pick<Case, 'openedAt' | 'id'>): number {
  const byTime = Date.parse(b.openedAt) - Date.parse(a.openedAt);
  return byTime !== 0 ? byTime : caseNumber(b.id) - caseNumber(a.id);
}

/** `C-000123` → 123 (NaN-safe: unknown shapes sort as 0). */
export function caseNumber(id: string): number {
  const n = Number(/(\d+)$/.exec(id)?.[1] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** `123` → `C-000123` (six digits, more when needed). */
export function formatCaseId(n: number): string {
  return `C-${String(n).padStart(6, '0')}`;
}

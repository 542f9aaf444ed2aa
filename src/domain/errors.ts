/** Stable error codes: the user sees a localized sentence for each (`error-<code>` in locales/), logs see the code. */
export const ERROR_CODES = [
  // validation
  'VALIDATION',
  'TEXT_EMPTY',
  'TEXT_TOO_LONG',
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'INVALID_GROUND',
  'INVALID_REASON',
  // not found
  'CASE_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'SHOP_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  // who may act
  'NOT_YOUR_CASE',
  'NOT_ORDER_BUYER',
  'BUYER_ONLY',
  'SELLER_ONLY',
  'SUPPORT_ONLY',
  'NOT_LINKED',
  // eligibility
  'REASON_NOT_CASEABLE',
  'NOT_ELIGIBLE_YET',
  'CASE_WINDOW_CLOSED',
  'CASE_ALREADY_OPEN',
  // case state
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'ESCALATION_NOT_YET',
  'ALREADY_ESCALATED',
  'NOT_ESCALATED',
  'REFUND_TOO_LARGE',
  'LATE_DELIVERY_FULL_REFUND_ONLY',
  'NOT_LATE_YET',
  'ALREADY_LATE',
  'TRACKING_NOT_FOUND',
  'SHOP_SUSPENDED',
  'SHOP_NOT_SUSPENDED',
  'CASE_ALREADY_TAKEN',
  'NOT_CASE_OWNER',
  'REFUNDED_IN_FULL',
  'NOT_CONTESTABLE',
  'CONTEST_WINDOW_OVER',
  'ALREADY_CONTESTED',
  'AMBIGUOUS_SHOP',
  // concurrency, tokens, input
  'VERSION_CONFLICT',
  /** The inbound event behind an append was already appended (a redelivery after a crash): nothing was written. */
  'ALREADY_APPLIED',
  'ORDER_CLAIMED',
  'DUPLICATE',
  'LINK_TOKEN_INVALID',
  'LINK_TOKEN_EXPIRED',
  'LINK_TOKEN_USED',
  'ACTION_INVALID',
  'ACTION_EXPIRED',
  'ACTION_USED',
  /** The button's offer was left with /cancel before it was pressed. */
  'ACTION_CANCELLED',
  'RATE_LIMITED',
  'INPUT_TOO_LARGE',
  'UNSUPPORTED_MEDIA',
  // evidence storage
  'STORAGE_UNAVAILABLE',
  // the marketplace's HTTP API
  'MARKETPLACE_UNAVAILABLE',
  'MARKETPLACE_BAD_RESPONSE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base of every error Palabre raises on purpose: a stable `code` and the arguments a message needs. */
export class PalabreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Arguments for the localized sentence (dates as ISO strings, amounts in minor units). */
    readonly args: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(message ?? code, options);
    this.name = new.target.name;
  }
}

/** The input is malformed, oversized or out of range. */
export class ValidationError extends PalabreError {}
/** The thing named does not exist (or is not visible to the actor). */
export class NotFoundError extends PalabreError {}
/** The actor may not do this. */
export class ForbiddenError extends PalabreError {}
/** The case (or order) is not in a state that allows this. */
export class IllegalStateError extends PalabreError {}
/** Someone else changed the same thing first; retrying may succeed. */
export class ConflictError extends PalabreError {}

/** Type guard for errors that carry a stable code. */
export function isPalabreError(e: unknown): e is PalabreError {
  return e instanceof PalabreError;
}

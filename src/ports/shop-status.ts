/** A shop suspended by support (SPEC section 1: resolving a case does not reinstate it). */
export interface ShopSuspension {
  shopId: string;
  reason: string;
  /** ISO instant of the suspension. */
  at: string;
  /** The support account that suspended it. */
  by: string;
}

/** Which shops support has suspended. Memory in the embedded mode, Redis otherwise. */
export interface ShopStatusStore {
  /** The shop's suspension, or null when it is not suspended. */
  get(shopId: string): Promise<ShopSuspension | null>;
  /** Suspends a shop; false (and nothing changes) when it is already suspended. */
  suspend(s: ShopSuspension): Promise<boolean>;
  /** Lifts a suspension; false when the shop was not suspended. */
  reinstate(shopId: string): Promise<boolean>;
  /** Every suspended shop. */
  list(): Promise<ShopSuspension[]>;
}

import type { Platform } from '../domain/types.js';

/** A chat identity linked to a marketplace account. */
export interface Link {
  platform: Platform;
  /** The platform's user id. */
  userId: string;
  accountId: string;
  /** Where to reach the user directly on that platform (private chat id, DM channel, conversation reference key). */
  address: string;
  linkedAt: string;
  /** The platform refuses delivery (bot blocked, DMs closed, app uninstalled) since this time. */
  blockedAt?: string | null;
}

/** Account links and per-account preferences. */
export interface LinkStore {
  /** The link of a platform identity, or null. */
  get(platform: Platform, userId: string): Promise<Link | null>;
  /** Creates or replaces the link of a platform identity. */
  put(link: Link): Promise<void>;
  /** Every link of an account (one per platform identity). */
  forAccount(accountId: string): Promise<Link[]>;
  /**
   * The platform identities linked to an account, from its index alone (one read): an identity relinked to another
   * account a moment ago may still be listed, so whoever sends to one checks its link (`get`) first.
   */
  identitiesOf(accountId: string): Promise<Array<Pick<Link, 'platform' | 'userId'>>>;
  /** Where `identitiesOf` reads, for a delivery queue of the same store to read it in its own step (undefined when it cannot). */
  identitiesLocation?(accountId: string): string | undefined;
  /** Records (or clears, with null) that the platform refuses delivery to this identity. */
  setBlocked(platform: Platform, userId: string, at: string | null): Promise<void>;
  /** The account's chosen language, if it chose one. */
  getLocale(accountId: string): Promise<string | null>;
  /**
   * `get` and the `getLocale` of the account the link names, in one read (stores that can: a single Redis; absent
   * elsewhere). `locale` is null when there is no link.
   */
  getWithLocale?(platform: Platform, userId: string): Promise<{ link: Link | null; locale: string | null }>;
  /** Records the account's chosen language. */
  setLocale(accountId: string, locale: string): Promise<void>;
}

import { z } from 'zod';
import type { Platform } from '../domain/types.js';
import type { KeyValue } from '../ports/kv.js';
import type { Link, LinkStore } from '../ports/links.js';
import type { AtomicKeyValue } from './kv.js';

const platforms = ['telegram', 'discord', 'teams', 'web', 'system', 'admin'] as const satisfies readonly Platform[];

const linkSchema = z.object({
  platform: z.enum(platforms),
  userId: z.string(),
  accountId: z.string(),
  address: z.string(),
  linkedAt: z.string(),
  blockedAt: z.string().nullable().optional(),
});

/** Index entries are [platform, userId] pairs: Teams user ids contain `:`. */
const indexSchema = z.array(z.tuple([z.enum(platforms), z.string()]));
type Index = z.infer<typeof indexSchema>;

const linkKey = (platform: Platform, userId: string) => `link:${platform}:${userId}`;
const indexKey = (accountId: string) => `links-of:${accountId}`;
const localeKey = (accountId: string) => `locale:${accountId}`;

/**
 * Serializes read-modify-write of an account's index across processes with a short-lived marker,
 * when the store can set one atomically; two links made at the same instant would otherwise lose one.
 */
async function withLock<T>(kv: KeyValue, key: string, fn: () => Promise<T>): Promise<T> {
  const atomic = kv as Partial<AtomicKeyValue>;
  if (typeof atomic.add !== 'function') return fn();
  const lock = `lock:${key}`;
  let held = false;
  for (let i = 0; i < 100 && !held; i++) {
    held = await atomic.add(lock, 1, 5_000);
    if (!held) await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
  }
  try {
    return await fn();
  } finally {
    if (held) await kv.delete(lock);
  }
}

/** Account links and language choices on a KeyValue (memory or Redis). */
export function createLinkStore(kv: KeyValue): LinkStore {
  async function get(platform: Platform, userId: string): Promise<Link | null> {
    const parsed = linkSchema.safeParse(await kv.get(linkKey(platform, userId)));
    return parsed.success ? parsed.data : null;
  }

  async function readIndex(accountId: string): Promise<Index> {
    const parsed = indexSchema.safeParse(await kv.get(indexKey(accountId)));
    return parsed.success ? parsed.data : [];
  }

  async function updateIndex(accountId: string, change: (entries: Index) => Index): Promise<void> {
    await withLock(kv, indexKey(accountId), async () => {
      await kv.set(indexKey(accountId), change(await readIndex(accountId)));
    });
  }

  const same = (p: Platform, u: string) => (e: Index[number]) => e[0] === p && e[1] === u;

  async function getLocale(accountId: string): Promise<string | null> {
    const v = await kv.get<unknown>(localeKey(accountId));
    return typeof v === 'string' ? v : null;
  }

  /** The link and the locale of the account it names, followed from the link in one read. */
  async function getWithLocale(platform: Platform, userId: string): Promise<{ link: Link | null; locale: string | null }> {
    const { value, followed } = await kv.getFollowing!<unknown, unknown>(linkKey(platform, userId), 'accountId', localeKey(''));
    const parsed = linkSchema.safeParse(value);
    if (!parsed.success) return { link: null, locale: null };
    const link = parsed.data;
    // The script followed the id as stored: should it differ from the decoded one, the locale is read on its own.
    if (followed?.id !== link.accountId) return { link, locale: await getLocale(link.accountId) };
    return { link, locale: typeof followed.value === 'string' ? followed.value : null };
  }

  return {
    get,
    async put(link) {
      const previous = await get(link.platform, link.userId);
      await kv.set(linkKey(link.platform, link.userId), linkSchema.parse(link));
      if (previous && previous.accountId !== link.accountId) {
        await updateIndex(previous.accountId, (es) => es.filter((e) => !same(link.platform, link.userId)(e)));
      }
      await updateIndex(link.accountId, (es) => (es.some(same(link.platform, link.userId)) ? es : [...es, [link.platform, link.userId]]));
    },
    async forAccount(accountId) {
      const links = await Promise.all((await readIndex(accountId)).map(([p, u]) => get(p, u)));
      // An identity relinked to another account stays in the old index until then: filter it out.
      return links.filter((l): l is Link => l !== null && l.accountId === accountId);
    },
    ...(kv.location ? { identitiesLocation: (accountId: string) => kv.location!(indexKey(accountId)) } : {}),
    async identitiesOf(accountId) {
      return (await readIndex(accountId)).map(([platform, userId]) => ({ platform, userId }));
    },
    async setBlocked(platform, userId, at) {
      const link = await get(platform, userId);
      if (link) await kv.set(linkKey(platform, userId), { ...link, blockedAt: at });
    },
    getLocale,
    ...(kv.getFollowing ? { getWithLocale } : {}),
    async setLocale(accountId, locale) {
      await kv.set(localeKey(accountId), locale);
    },
  };
}

import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type APIChannel, type REST } from 'discord.js';
import type { Case } from '../../src/domain/case-model.js';
import type { Logger } from '../../src/ports/logger.js';
import type { OutMessage } from '../../src/ports/turn.js';
import type { Dedup, KeyValue } from '../../src/ports/kv.js';
import type { Link, LinkStore } from '../../src/ports/links.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import type { DiscordSender } from './send.js';

/** Reads a case's parties (to add them to its thread and to check who writes there). */
export interface CaseLookup {
  load(caseId: string): Promise<Case | null>;
}

export interface CaseThreadsDeps {
  rest: REST;
  /** Remembers what was said in which thread (see `said` and `alreadySaid`). */
  kv: KeyValue;
  sender: DiscordSender;
  threads: ThreadRegistry;
  links: LinkStore;
  cases: CaseLookup;
  dedup: Dedup;
  /** The marketplace server (DISCORD_GUILD_ID, or the one the bot is in). */
  guildId: () => string | null;
  /** The text channel private case threads are opened in. */
  casesChannelId: () => string | null;
  staffChannelId?: string;
  supportRoleId?: string;
  /** Language of the messages the bot posts for everyone in a thread. */
  locale: string;
  timezone: string;
  logger: Logger;
}

/** Discord error codes (https://discord.com/docs/topics/opcodes-and-status-codes#json). */
const UNKNOWN_MEMBER = 10007;
const UNKNOWN_USER = 10013;
const PRIVATE_THREAD = 12;
const PUBLIC_THREAD = 11;
/** A week: the longest auto-archive Discord offers; posting in an archived thread reopens it. */
const ARCHIVE_MINUTES = 10080;
const CREATE_LOCK_MS = 30_000;
/** How long what a party wrote in a thread is remembered, so its relay is not posted back into that thread. */
const ECHO_TTL_MS = 15 * 60_000;
const NOT_MEMBER_CACHE_MS = 60_000;

type Audience = 'parties' | 'staff';

/**
 * One private thread per case for its buyer and seller (those who are in the server), one thread per
 * escalated case in the staff channel. Creation is claimed through the Dedup port so that two processes
 * never open two threads for one case.
 */
export function createCaseThreads(deps: CaseThreadsDeps) {
  const { rest, threads, logger } = deps;
  const pending = new Map<string, Promise<string | null>>();
  const notMember = new Map<string, number>();

  async function isGuildMember(userId: string): Promise<boolean> {
    const guild = deps.guildId();
    if (!guild) return false;
    if ((notMember.get(userId) ?? 0) > Date.now()) return false;
    try {
      await rest.get(Routes.guildMember(guild, userId));
      return true;
    } catch (err) {
      if (err instanceof DiscordAPIError && (err.code === UNKNOWN_MEMBER || err.code === UNKNOWN_USER)) {
        notMember.set(userId, Date.now() + NOT_MEMBER_CACHE_MS);
        return false;
      }
      throw err;
    }
  }

  /** The case's parties that can be added to its thread: linked on Discord and in the server. */
  async function membersOf(c: Case): Promise<{ accountId: string; userId: string }[]> {
    const out: { accountId: string; userId: string }[] = [];
    for (const accountId of new Set([c.buyerId, c.sellerId])) {
      for (const link of await deps.links.forAccount(accountId)) {
        if (link.platform === 'discord' && (await isGuildMember(link.userId))) out.push({ accountId, userId: link.userId });
      }
    }
    return out;
  }

  /** Runs `create` once per case and audience across processes; the others wait for its address. */
  function once(caseId: string, audience: Audience, create: () => Promise<string | null>): Promise<string | null> {
    const key = `${caseId}:${audience}`;
    const running = pending.get(key);
    if (running) return running;
    const lock = `discord:thread:${key}`;
    const job = (async () => {
      for (let i = 0; i < 50; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        const known = await threads.caseThread('discord', caseId, audience);
        if (known) return known;
        if (!(await deps.dedup.first(lock, CREATE_LOCK_MS))) continue;
        let made: string | null = null;
        try {
          made = await create();
        } finally {
          // No thread now (nobody of the case in the server, or a failure): the next need decides again at once,
          // instead of waiting for a thread nobody is opening.
          if (!made) await deps.dedup.release(lock);
        }
        return made;
      }
      return null;
    })().finally(() => pending.delete(key));
    pending.set(key, job);
    return job;
  }

  async function openThread(parentId: string, name: string, type: number): Promise<string> {
    const body = { name: name.slice(0, 100), type, auto_archive_duration: ARCHIVE_MINUTES, ...(type === PRIVATE_THREAD ? { invitable: false } : {}) };
    const thread = (await rest.post(Routes.threads(parentId), { body })) as APIChannel;
    return thread.id;
  }

  async function createParties(caseId: string): Promise<string | null> {
    const parent = deps.casesChannelId();
    const c = await deps.cases.load(caseId);
    if (!parent || !c) return null;
    const members = await membersOf(c);
    // Nobody of the case is in the server: they are reached in DMs, a thread would be empty.
    if (members.length === 0) return null;
    const threadId = await openThread(parent, `${c.id} · ${c.orderId}`, PRIVATE_THREAD);
    await threads.setCaseThread('discord', caseId, 'parties', threadId);
    const added: string[] = [];
    for (const m of members) {
      // One party that cannot be added is reached in DMs instead; the thread still serves the other.
      const ok = await rest.put(Routes.threadMembers(threadId, m.userId)).then(
        () => true,
        (err: unknown) => (logger.warn({ err, caseId, threadId, userId: m.userId }, 'could not add a party to the case thread'), false),
      );
      if (!ok) continue;
      await threads.setCaseThread('discord', caseId, m.accountId, threadId);
      added.push(m.userId);
    }
    await deps.sender.post(threadId, intro('dc-thread-intro', c), { mentions: { users: [...new Set(added)] }, inCaseThread: true });
    logger.info({ caseId, threadId, members: added.length }, 'case thread opened');
    return threadId;
  }

  async function createStaff(caseId: string): Promise<string | null> {
    const staff = deps.staffChannelId;
    const c = await deps.cases.load(caseId);
    if (!staff || !c) return null;
    const threadId = await openThread(staff, `${c.id} · ${c.orderId}`, PUBLIC_THREAD);
    await threads.setCaseThread('discord', caseId, 'staff', threadId);
    await deps.sender.post(threadId, intro('dc-staff-thread-intro', c), { mentions: deps.supportRoleId ? { roles: [deps.supportRoleId] } : {}, inCaseThread: true });
    logger.info({ caseId, threadId }, 'staff thread opened');
    return threadId;
  }

  function intro(id: string, c: Case) {
    return { target: { conversationId: '' }, locale: deps.locale, timezone: deps.timezone, body: [{ id, args: { caseId: c.id, orderId: c.orderId } }], caseId: c.id };
  }

  const echoKey = (threadId: string, what: string) => `dc:echo:${threadId}:${createHash('sha256').update(what).digest('base64url').slice(0, 22)}`;

  /** The case's private thread, opened now if a party is in the server; null when there can be none. */
  const parties = (caseId: string) => once(caseId, 'parties', () => createParties(caseId));

  return {
    parties,

    /** The case's thread in the staff channel, opened on first need; null without a staff channel. */
    staff: (caseId: string) => (deps.staffChannelId ? once(caseId, 'staff', () => createStaff(caseId)) : Promise.resolve(null)),

    /** Where to reach a party about a case: the case's thread when they are (or can be made) a member, else null. */
    async forRecipient(caseId: string, link: Link): Promise<string | null> {
      const mine = await threads.caseThread('discord', caseId, link.accountId);
      if (mine) return mine;
      const thread = await parties(caseId);
      if (!thread) return null;
      const again = await threads.caseThread('discord', caseId, link.accountId);
      if (again) return again;
      const c = await deps.cases.load(caseId);
      // Only the case's own buyer and seller are ever let into its private thread.
      if (!c || (link.accountId !== c.buyerId && link.accountId !== c.sellerId) || !(await isGuildMember(link.userId))) return null;
      await rest.put(Routes.threadMembers(thread, link.userId));
      await threads.setCaseThread('discord', caseId, link.accountId, thread);
      return thread;
    },

    /** Records what a party just wrote (or attached) in a case thread. */
    async said(threadId: string, what: { text?: string; blobIds?: string[] }): Promise<void> {
      if (what.text) await deps.kv.set(echoKey(threadId, `text:${what.text}`), 1, ECHO_TTL_MS);
      for (const id of what.blobIds ?? []) await deps.kv.set(echoKey(threadId, `blob:${id}`), 1, ECHO_TTL_MS);
    },

    /**
     * True when a relay would repeat, in the thread where it was written, what a party just wrote there:
     * the other party, a member of that thread, has already read it. Quoted user text travels in `text`
     * arguments (notify-comment, notify-quote); other arguments (a case id) never count as an echo.
     */
    async alreadySaid(threadId: string, out: OutMessage): Promise<boolean> {
      if (out.blobId) return (await deps.kv.get(echoKey(threadId, `blob:${out.blobId}`))) !== undefined;
      const texts = out.body.flatMap((m) => (typeof m.args?.text === 'string' && m.args.text !== '' ? [m.args.text] : []));
      for (const text of texts) if ((await deps.kv.get(echoKey(threadId, `text:${text}`))) !== undefined) return true;
      return false;
    },

    /**
     * Who may write in a case thread: null when the channel is no case's thread; otherwise whether the author
     * is a party (parties thread) or support (either thread).
     */
    async access(channelId: string, userId: string, isSupport: boolean): Promise<{ caseId: string; allowed: boolean; staff: boolean } | null> {
      const caseId = await threads.caseOfThread('discord', channelId);
      if (!caseId) return null;
      const staff = (await threads.caseThread('discord', caseId, 'staff')) === channelId;
      if (isSupport) return { caseId, allowed: true, staff };
      if (staff) return { caseId, allowed: false, staff };
      const [link, c] = await Promise.all([deps.links.get('discord', userId), deps.cases.load(caseId)]);
      const allowed = Boolean(link && c && (link.accountId === c.buyerId || link.accountId === c.sellerId));
      return { caseId, allowed, staff };
    },
  };
}

export type CaseThreads = ReturnType<typeof createCaseThreads>;

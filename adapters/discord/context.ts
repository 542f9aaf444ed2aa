import { ChannelType, type Channel, type Client, type GuildMember, type PermissionsBitField } from 'discord.js';
import type { I18n } from '../../src/app/i18n.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Engine, OutMessage } from '../../src/ports/turn.js';
import type { Dedup } from '../../src/ports/kv.js';
import type { Metrics } from '../../src/app/metrics.js';
import { handleOnce, InFlightError, UserBusyError } from '../common/redelivery.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { CaseStore } from '../../src/ports/case-store.js';
import { SUPPORT_PERMISSION } from './commands.js';
import type { DiscordFiles } from './files.js';
import type { Place } from './parse.js';
import type { DiscordSender } from './send.js';
import type { CaseThreads } from './threads.js';

/** What the inbound handlers share. */
export interface InboundCtx {
  client: Client;
  engine: Engine;
  sender: DiscordSender;
  caseThreads: CaseThreads;
  files: DiscordFiles;
  i18n: I18n;
  links: LinkStore;
  dedup: Dedup;
  cases: Pick<CaseStore, 'load' | 'list'>;
  staffChannelId?: string;
  supportRoleId?: string;
  defaultTimezone: string;
  /** Interactions not answered after this long are deferred (Discord allows 3 s for the first answer). */
  ackAfterMs: number;
  logger: Logger;
  metrics?: Pick<Metrics, 'duplicates'> | undefined;
  /** How long an inbound claim lives without renewal (default 6 s; tests shorten it). */
  claimMs?: number;
}

/** How long an inbound id is remembered: Discord replays events on resume within minutes, not days. */
export const SEEN_TTL_MS = 24 * 3600_000;

/** An interaction token answers for 15 minutes: past that, nobody can take a dead process's interaction over. */
const INTERACTION_LIFE_MS = 15 * 60_000;

/**
 * Every process on the gateway receives every event, and the gateway never redelivers one: the first process claims it
 * (a short claim, renewed while the turn runs, confirmed once done); the others do not drop it but wait for that claim,
 * ignoring the event once it is confirmed and taking it over once it lapses (its holder died). A failed turn is
 * confirmed too (its user was told), so that no other process runs it again. Resolves true when this process handled
 * the event. `eventId` goes to the engine, which stores each case change of the event once. `from`: the user whose
 * turns run one at a time (OnceOptions.user), waiting `waitMs` at most for their turn under way elsewhere.
 */
export async function handleDiscordEvent(
  ctx: InboundCtx,
  key: string,
  receivedAt: number,
  work: (eventId: string) => Promise<void>,
  from?: { userId: string; waitMs?: number },
): Promise<boolean> {
  const claimMs = ctx.claimMs ?? 6_000;
  const opts = {
    ...(from ? { user: `discord:user:${from.userId}`, ...(from.waitMs ? { userWaitMs: from.waitMs } : {}) } : {}),
    claimMs,
    renewMs: Math.max(10, Math.floor(claimMs / 3)),
    keepMs: SEEN_TTL_MS,
    onMarkError: (err: unknown, step: string) => ctx.logger.warn({ err, key, step }, 'could not save the event mark'),
    onClaimLost: () => ctx.logger.warn({ key }, 'event claim lost while handling it; another process may run it too'),
  };
  let waited = false;
  while (Date.now() - receivedAt < INTERACTION_LIFE_MS) {
    try {
      const fresh = await handleOnce(ctx.dedup, key, opts, (decided) =>
        work(key).catch((err: unknown) => {
          decided();
          throw err;
        }),
      );
      if (!fresh) {
        ctx.logger.info({ key }, 'duplicate event ignored: handled by another process');
        ctx.metrics?.duplicates.inc({ platform: 'discord', outcome: 'ignored' });
      } else if (waited) ctx.logger.warn({ key }, 'event taken over: the process that claimed it stopped before handling it');
      return fresh;
    } catch (err) {
      if (!(err instanceof InFlightError)) throw err;
      if (err instanceof UserBusyError) {
        // Nobody holds the event: asked again at once (its user's turn elsewhere is slow, or its process died).
        ctx.logger.info({ key }, "event waiting: its user's previous event is still being handled");
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (!waited) {
        ctx.logger.info({ key }, 'event being handled by another process: waiting for it to finish or its claim to lapse');
        ctx.metrics?.duplicates.inc({ platform: 'discord', outcome: 'refused' });
      }
      waited = true;
      await new Promise((r) => setTimeout(r, opts.renewMs));
    }
  }
  ctx.logger.warn({ key }, 'event held by another process past its 15 minutes; left to it');
  return false;
}

/** Where a channel is. */
export function placeOf(channel: Channel | null | undefined, channelId: string, guildId: string | null): Place {
  const parentId = channel && 'parentId' in channel ? (channel.parentId ?? null) : null;
  return { channelId, channelType: channel?.type ?? (guildId ? null : ChannelType.DM), parentId, guildId };
}

/**
 * Support on Discord: the DISCORD_SUPPORT_ROLE_ID role, or, without one configured, the permission support
 * commands require. Linked support accounts are checked again by the engine.
 */
export function isSupportMember(
  member: GuildMember | { roles: string[] } | null | undefined,
  permissions: Readonly<PermissionsBitField> | null | undefined,
  supportRoleId: string | undefined,
): boolean {
  if (!member) return false;
  if (supportRoleId) return Array.isArray(member.roles) ? member.roles.includes(supportRoleId) : member.roles.cache.has(supportRoleId);
  return permissions?.has(SUPPORT_PERMISSION) ?? false;
}

/** The language of a user for the adapter's own sentences: their choice, else Discord's hint, else the default. */
export async function localeOf(ctx: InboundCtx, userId: string, hint?: string | null): Promise<string> {
  const link = await ctx.links.get('discord', userId);
  const chosen = link ? await ctx.links.getLocale(link.accountId) : null;
  return ctx.i18n.resolve(chosen ?? hint ?? null);
}

/** An adapter sentence as an OutMessage. */
export function notice(ctx: InboundCtx, locale: string, id: string, args?: Record<string, string | number>): OutMessage {
  return { target: { conversationId: '' }, locale, timezone: ctx.defaultTimezone, body: [args ? { id, args } : { id }] };
}

/** Opens the private threads of the cases a turn talked about (errors only logged: the turn is answered). */
export async function afterTurn(ctx: InboundCtx, replies: OutMessage[]): Promise<void> {
  for (const caseId of new Set(replies.map((r) => r.caseId).filter((id): id is string => Boolean(id)))) {
    await ctx.caseThreads.parties(caseId).catch((err: unknown) => ctx.logger.warn({ err, caseId }, 'could not open the case thread'));
  }
}

/** The sentence for a refused file. */
export function fileRefusal(err: unknown, maxBytes: number): { id: string; args?: Record<string, number> } {
  const code = (err as { code?: unknown }).code;
  if (code === 'INPUT_TOO_LARGE') return { id: 'dc-file-too-large', args: { maxMb: Math.floor(maxBytes / (1024 * 1024)) } };
  if (code === 'UNSUPPORTED_MEDIA') return { id: 'dc-file-unsupported' };
  if (code === 'STORAGE_UNAVAILABLE') return { id: 'error-storage-unavailable' };
  return { id: 'dc-file-failed' };
}

import { DiscordAPIError, HTTPError, RateLimitError, Routes, type APIChannel, type REST } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';
import type { OutMessage } from '../../src/ports/turn.js';
import type { Clock } from '../../src/ports/clock.js';
import type { LinkStore } from '../../src/ports/links.js';
import { DeliveryError, type DeliverOptions, type DeliveryTarget, type Notifier } from '../../src/ports/notifier.js';
import type { DiscordSender } from './send.js';
import type { CaseThreads } from './threads.js';

export interface DiscordNotifierDeps {
  rest: REST;
  sender: DiscordSender;
  caseThreads: CaseThreads;
  links: LinkStore;
  clock: Clock;
  /** DISCORD_STAFF_CHANNEL_ID; support notifications are refused (permanently) without it. */
  staffChannelId?: string;
  logger: Logger;
}

/** "Cannot send messages to this user": DMs closed, bot blocked, or no shared server. */
const CANNOT_DM = 50007;
/** Errors that retrying will not cure: unknown channel/user/member, missing access or permissions. */
const PERMANENT = new Set([10003, 10007, 10013, 50001, 50013, 50035]);

/**
 * Delivers outbox notifications on Discord. A party is reached in the case's private thread when they are
 * a member of it (with a ping), in DMs otherwise; support in the case's thread of the staff channel.
 * discord.js's REST queue waits out short rate limits; long ones come back as DeliveryError.retryAfterMs.
 */
export function createDiscordNotifier(deps: DiscordNotifierDeps): Notifier {
  const { rest, sender, caseThreads, logger } = deps;
  const dmChannels = new Map<string, string>();

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  async function toSupport(message: OutMessage, onSent: { onSent?: () => Promise<void> }): Promise<void> {
    const staff = deps.staffChannelId;
    if (!staff) throw new DeliveryError('DISCORD_STAFF_CHANNEL_ID is not set', { permanent: true });
    const thread = message.caseId ? await caseThreads.staff(message.caseId).catch((err: unknown) => {
      logger.warn({ err, caseId: message.caseId }, 'could not open the staff thread; posting in the staff channel');
      return null;
    }) : null;
    await sender.post(thread ?? staff, message, onSent);
  }

  return {
    platform: 'discord',
    staffChannel: Boolean(deps.staffChannelId),
    async deliver(target: DeliveryTarget, message: OutMessage, opts?: DeliverOptions): Promise<void> {
      const onSent = opts?.onSent ? { onSent: opts.onSent } : {};
      const userId = 'link' in target ? target.link.userId : null;
      try {
        if (!('link' in target)) return await toSupport(message, onSent);
        const thread = message.caseId
          ? await caseThreads.forRecipient(message.caseId, target.link).catch((err: unknown) => {
              logger.warn({ err, caseId: message.caseId, userId }, 'case thread unavailable; delivering in DMs');
              return null;
            })
          : null;
        if (thread && (await caseThreads.alreadySaid(thread, message))) return;
        if (thread) await sender.post(thread, message, { mentions: { users: [target.link.userId] }, inCaseThread: true, ...onSent });
        else await sender.post(await dmChannel(target.link.userId), message, onSent);
      } catch (err) {
        const failure = toDeliveryError(err);
        if (failure.opts.blocked && userId) {
          await deps.links.setBlocked('discord', userId, deps.clock.now().toISOString()).catch((e: unknown) => logger.warn({ err: e, userId }, 'could not record a blocked user'));
        }
        throw failure;
      }
    },
  };
}

/** Maps a discord.js failure to what the outbox worker should do about it. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) return new DeliveryError(`Discord rate limit on ${err.route}`, { retryAfterMs: err.retryAfter, cause: err });
  if (err instanceof DiscordAPIError) {
    const message = `Discord ${err.method.toUpperCase()} ${err.url}: ${err.status} ${err.code} ${err.message}`;
    if (err.code === CANNOT_DM) return new DeliveryError(message, { blocked: true, cause: err });
    if (typeof err.code === 'number' && PERMANENT.has(err.code)) return new DeliveryError(message, { permanent: true, cause: err });
    if (err.status >= 400 && err.status < 500 && err.status !== 408) return new DeliveryError(message, { permanent: true, cause: err });
    return new DeliveryError(message, { cause: err });
  }
  if (err instanceof HTTPError) return new DeliveryError(`Discord HTTP ${err.status}`, { cause: err });
  return new DeliveryError(err instanceof Error ? err.message : String(err), { cause: err });
}

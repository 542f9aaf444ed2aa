import type { Logger } from '../../src/ports/logger.js';
import type { OutMessage } from '../../src/ports/turn.js';
import type { Link } from '../../src/ports/links.js';
import { DeliveryError, type DeliverOptions, type DeliveryTarget, type Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import { homeOf, referenceTo, type ReferenceStore, type TeamsHome, type TeamsReference } from './references.js';
import { statusOf, type SendOptions, type TeamsSender } from './send.js';

export interface TeamsNotifierDeps {
  sender: TeamsSender;
  refs: ReferenceStore;
  threads: ThreadRegistry;
  /** TEAMS_STAFF_CONVERSATION_ID; support notifications are refused (permanently) without it. */
  staffConversationId?: string;
  logger: Logger;
}

/**
 * Delivers outbox notifications on Teams as proactive messages (a turn's context is gone after a few seconds):
 * a linked user in their 1:1 chat with the bot (opened on first need), support in one staff-channel thread per case.
 */
export function createTeamsNotifier(deps: TeamsNotifierDeps): Notifier {
  const { sender, refs, threads, logger } = deps;
  const opening = new Map<string, Promise<string>>();

  /** The user's chat: the linked address, else their known 1:1 chat, else a new one where they were last seen. */
  async function userReference(link: Link): Promise<TeamsReference> {
    const known = (await refs.conversation(link.address)) ?? (await refs.personal(link.userId));
    if (known) return known;
    const home = await refs.home(link.userId);
    if (!home) throw new DeliveryError(`no Teams conversation known for ${link.userId}`, { permanent: true });
    return sender.openPersonal(link.userId, home);
  }

  /** The service the staff channel is reached through: its own reference, else the one the bot last heard from. */
  async function staffHome(staff: string): Promise<TeamsHome> {
    const ref = await refs.conversation(staff);
    const home = ref ? homeOf(ref) : await refs.botHome();
    if (!home) throw new DeliveryError('the bot has not been installed in the staff team yet', { permanent: true });
    return home;
  }

  /** Posts in the case's staff thread, starting it with this message when there is none. */
  async function toStaff(staff: string, message: OutMessage, sent: SendOptions): Promise<void> {
    const home = await staffHome(staff);
    const caseId = message.caseId;
    if (!caseId) {
      await sender.sendTo(referenceTo(home, staff, 'channel'), message, sent);
      return;
    }
    const thread = await threads.caseThread('teams', caseId, 'staff');
    if (thread) {
      await sender.sendTo(referenceTo(home, thread, 'channel'), message, sent);
      return;
    }
    // Two notifications of one case arriving together must not open two threads.
    const pending = opening.get(caseId);
    if (pending) {
      await sender.sendTo(referenceTo(home, await pending, 'channel'), message, sent);
      return;
    }
    const open = sender.openThread(home, staff, message, sent).then(async ({ conversationId }) => {
      await threads.setCaseThread('teams', caseId, 'staff', conversationId);
      return conversationId;
    });
    opening.set(caseId, open);
    try {
      await open;
    } finally {
      opening.delete(caseId);
    }
  }

  return {
    platform: 'teams',
    staffChannel: Boolean(deps.staffConversationId),
    async deliver(target: DeliveryTarget, message: OutMessage, opts?: DeliverOptions): Promise<void> {
      const toUser = 'link' in target;
      try {
        if (toUser) {
          const ref = await userReference(target.link);
          await sender.sendTo(ref, { ...message, target: { conversationId: ref.conversation.id } }, { userId: target.link.userId, ...(opts?.onSent ? { onSent: opts.onSent } : {}) });
          return;
        }
        if (!deps.staffConversationId) throw new DeliveryError('TEAMS_STAFF_CONVERSATION_ID is not set', { permanent: true });
        await toStaff(deps.staffConversationId, message, opts?.onSent ? { onSent: opts.onSent } : {});
      } catch (err) {
        const de = toDeliveryError(err, toUser);
        logger.debug({ err, caseId: message.caseId, toUser }, 'teams delivery failed');
        throw de;
      }
    },
  };
}

/** Maps a Bot Connector failure to what the outbox worker should do about it. */
export function toDeliveryError(err: unknown, toUser: boolean): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const status = statusOf(err);
  const message = `Teams: ${status ?? 'error'} ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
  if (status === undefined) return new DeliveryError(message, { cause: err });
  if (status === 429 || status >= 500) {
    const retryAfterMs = retryAfterOf(err);
    return new DeliveryError(message, { ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), cause: err });
  }
  // 403 (bot blocked or uninstalled) and 404 (conversation not found): the user can no longer be reached.
  if ((status === 403 || status === 404) && toUser) return new DeliveryError(message, { blocked: true, cause: err });
  // 401 is our token: a rotated secret or a clock skew, worth trying again.
  if (status === 401) return new DeliveryError(message, { cause: err });
  return new DeliveryError(message, { permanent: true, cause: err });
}

/** Retry-After in seconds or as an HTTP date, from the failed response. */
function retryAfterOf(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined | null } & Record<string, unknown> } }).response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers?.['retry-after'] as string | undefined);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

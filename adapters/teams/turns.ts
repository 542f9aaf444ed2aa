import { TurnContext, type Activity } from 'botbuilder';
import type { I18n } from '../../src/app/i18n.js';
import { FILE_EXPIRED } from '../common/evidence.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Metrics } from '../../src/app/metrics.js';
import type { Engine, OutMessage, TurnContent, TurnInput } from '../../src/ports/turn.js';
import { isPalabreError } from '../../src/domain/errors.js';
import { handleOnce, InFlightError, NotHandledError, UserBusyError } from '../common/redelivery.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Dedup } from '../../src/ports/kv.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import type { TeamsFiles } from './files.js';
import { activityKey, baseConversationId, parseActivity, withThreadCase, type ParsedActivity } from './parse.js';
import { homeOf, toTeamsReference, type ReferenceStore } from './references.js';
import type { TeamsSender } from './send.js';

export interface TeamsTurnDeps {
  engine: Engine;
  i18n: I18n;
  threads: ThreadRegistry;
  links: Pick<LinkStore, 'get' | 'setBlocked'>;
  dedup: Dedup;
  refs: ReferenceStore;
  files: TeamsFiles;
  sender: TeamsSender;
  clock: Clock;
  logger: Logger;
  metrics?: Pick<Metrics, 'turns' | 'duplicates'> | undefined;
  staffConversationId?: string | undefined;
  defaultLocale: string;
  defaultTimezone: string;
}

/**
 * Teams redelivers an activity it got an error status for: claimed 6 seconds, renewed every 2 while handled (after a
 * crash the claim lapses within seconds; until then a redelivery is refused with 503 and comes again), then kept a
 * day, which covers every retry.
 */
const ONCE = { claimMs: 6_000, renewMs: 2_000, keepMs: 24 * 3600_000 };
/** Where a turn keeps the `decided` callback of handleOnce (botbuilder's per-turn state). */
const DECIDED = Symbol('palabre.decided');
type Input = Omit<TurnInput, 'content'>;

/**
 * The HTTP answer to an invoke. An Action.Execute press wants an Adaptive Card response; the answer itself went out as
 * messages (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
 */
function invokeAnswer(name: string | undefined): { status: number; body?: unknown } {
  if (name === 'adaptiveCard/action') return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' } };
  return { status: 200 };
}

/** `setup` (or `/setup`) alone: the question of which channel this is, answered by the adapter. */
function isSetupRequest(content: TurnContent): boolean {
  const text = content.type === 'text' ? content.text : content.type === 'command' ? content.text : '';
  return /^\/?setup$/i.test(text.trim());
}

/** The bot's turn logic: one activity in, engine replies out. Errors go to the adapter's onTurnError. */
export function createTeamsTurns(deps: TeamsTurnDeps) {
  const { refs, sender, logger: log } = deps;
  const count = (outcome: string) => deps.metrics?.turns.inc({ platform: 'teams', outcome });
  const localeOf = (hint: string | undefined) => (hint ? deps.i18n.resolve(hint) : deps.defaultLocale);
  /** Activities of one conversation are handled in order within a process (Teams may deliver them together). */
  const queues = new Map<string, Promise<unknown>>();

  /** An adapter-level sentence in the user's Teams language. */
  async function say(ctx: TurnContext, input: Input, id: string, args: Record<string, string | number> = {}) {
    const out: OutMessage = { target: { conversationId: input.conversationId }, locale: localeOf(input.languageHint), timezone: deps.defaultTimezone, body: [{ id, args }] };
    await sender.sendIn(ctx, out);
  }

  /** Keeps how to reach this conversation and this user, for proactive messages from any process. */
  async function rememberReferences(activity: Activity, parsedPersonal: boolean) {
    const ref = toTeamsReference(TurnContext.getConversationReference(activity));
    if (!ref) return;
    await refs.saveConversation(ref);
    const base = baseConversationId(ref.conversation.id);
    if (base !== ref.conversation.id) await refs.saveConversation({ ...ref, conversation: { ...ref.conversation, id: base } });
    const userId = activity.from?.id;
    if (!userId) return;
    await refs.saveHome(userId, homeOf(ref));
    if (parsedPersonal) await refs.savePersonal(userId, ref);
  }

  /** A user writing again after an uninstall can be reached again. */
  async function unblock(userId: string) {
    const link = await deps.links.get('teams', userId);
    if (link?.blockedAt) await deps.links.setBlocked('teams', userId, null);
  }

  /**
   * A staff thread where support first works on a case (a command in the channel starts a thread) becomes
   * that case's thread, unless the case already has one or the thread is another case's.
   */
  async function adoptStaffThread(conversationId: string, caseId: string) {
    if (!conversationId.includes(';messageid=')) return;
    if ((await deps.threads.caseOfThread('teams', conversationId)) || (await deps.threads.caseThread('teams', caseId, 'staff'))) return;
    await deps.threads.setCaseThread('teams', caseId, 'staff', conversationId);
  }

  /**
   * An answer about a case posted at the staff channel's top level (a command typed there: `/escalate C-000123 …`,
   * `/case C-000123`) is a post of its own, the root of a reply chain: support answers under it about that case. The
   * chain becomes the case's staff thread when the case has none yet (support acting from Teams is not notified on
   * Teams, so no thread was opened for it), else it is recorded as one more chain of the case.
   */
  async function rootPostsStartChains(conversationId: string, caseId: string, ids: string[]) {
    if (conversationId.includes(';messageid=')) return;
    for (const id of ids) {
      const chain = `${conversationId};messageid=${id}`;
      if (await deps.threads.caseOfThread('teams', chain)) continue;
      const audience = (await deps.threads.caseThread('teams', caseId, 'staff')) ? `staff-post:${id}` : 'staff';
      await deps.threads.setCaseThread('teams', caseId, audience, chain);
    }
  }

  /** The activity's id for the engine (`part` tells apart the turns one activity makes, one per file). */
  function eventIdOf(ctx: TurnContext, part?: number): string | undefined {
    const a = ctx.activity;
    if (!a.id) return undefined;
    return `${activityKey(a)}${part !== undefined ? `:${part}` : ''}`;
  }

  async function runTurn(ctx: TurnContext, input: Input, content: TurnContent, part?: number) {
    let c = content;
    if (input.isStaffChannel && c.type === 'command') {
      const caseId = await deps.threads.caseOfThread('teams', input.conversationId);
      if (caseId) c = withThreadCase(c, caseId);
    }
    const eventId = eventIdOf(ctx, part);
    const result = await deps.engine.handle({ ...input, content: c, ...(eventId ? { eventId } : {}) });
    // Redis refused the turn's writes: not acknowledged (503), the Bot Framework delivers it again (see Telegram's).
    if (result.storageRefused !== undefined) throw result.storageRefused;
    ctx.turnState.get<(() => void) | undefined>(DECIDED)?.();
    const pressed = c.type === 'action' ? (ctx.activity.replyToId ?? null) : null;
    const posted: string[] = [];
    for (const out of result.replies) {
      if (out.target.conversationId === input.conversationId) {
        if (input.isStaffChannel && out.caseId) await adoptStaffThread(input.conversationId, out.caseId);
        const ids = await sender.sendIn(ctx, out, { pressedActivityId: pressed, ...(input.isPrivate ? { userId: input.userId } : {}) });
        posted.push(...ids);
        if (input.isStaffChannel && out.caseId) await rootPostsStartChains(input.conversationId, out.caseId, ids);
        continue;
      }
      const ref = (await refs.conversation(out.target.conversationId)) ?? (await refs.personal(out.target.conversationId));
      if (ref) await sender.sendTo(ref, out);
      else log.warn({ conversationId: out.target.conversationId, caseId: out.caseId }, 'reply to a conversation the bot never saw; dropped');
    }
    // The choice is made: the pressed card loses its buttons, unless the answer was written over it.
    if (result.retirePressed && pressed && !posted.includes(pressed)) await sender.retire(ctx, pressed);
    // Words that mention the bot in a team channel or a group chat, which the engine leaves unanswered there (nothing
    // personal is shown to a group): the author is told where to write rather than left with silence.
    if (result.replies.length === 0 && c.type === 'text' && !input.isPrivate && !input.isStaffChannel) await say(ctx, input, 'teams-write-privately');
  }

  async function onFiles(ctx: TurnContext, parsed: Extract<ParsedActivity, { kind: 'files' }>) {
    for (const [i, file] of parsed.files.entries()) {
      let blob;
      try {
        blob = await deps.files.keep(file, ctx.activity.serviceUrl);
      } catch (err) {
        const code = isPalabreError(err) ? err.code : null;
        log.info({ err, code, conversationId: parsed.input.conversationId }, 'evidence file refused');
        count('refused');
        const id =
          code === 'INPUT_TOO_LARGE' ? 'teams-file-too-large' : code === 'STORAGE_UNAVAILABLE' ? 'error-storage-unavailable' : code ? 'teams-file-unsupported' : 'teams-file-unreachable';
        await say(ctx, parsed.input, id, { max: Math.floor(deps.files.maxBytes / (1024 * 1024)) });
        continue;
      }
      const caption = i === 0 ? parsed.caption : undefined;
      await runTurn(ctx, parsed.input, { type: 'attachment', blob, ...(caption ? { caption } : {}) }, i);
    }
  }

  async function onInstalled(ctx: TurnContext, parsed: Extract<ParsedActivity, { kind: 'installed' }>) {
    const ref = toTeamsReference(TurnContext.getConversationReference(ctx.activity));
    if (ref) for (const userId of parsed.users) await refs.saveHome(userId, homeOf(ref));
    if (parsed.personal) await unblock(parsed.input.userId);
    if (!parsed.greet) return;
    log.info({ conversationId: parsed.input.conversationId, personal: parsed.personal }, 'teams app installed');
    if (parsed.personal) await runTurn(ctx, parsed.input, { type: 'command', name: 'start', args: [], text: '/start' });
    else await say(ctx, { ...parsed.input, languageHint: deps.defaultLocale }, 'teams-welcome-team');
  }

  async function onUninstalled(parsed: Extract<ParsedActivity, { kind: 'uninstalled' }>) {
    log.info({ conversationId: parsed.input.conversationId, userId: parsed.input.userId, personal: parsed.personal }, 'teams app removed');
    if (parsed.personal) await deps.links.setBlocked('teams', parsed.input.userId, deps.clock.now().toISOString());
  }

  async function onFileConsent(ctx: TurnContext, parsed: Extract<ParsedActivity, { kind: 'fileConsent' }>) {
    const card = await deps.files.answerConsent(parsed.answer, parsed.input.userId);
    if (card === 'expired') await say(ctx, parsed.input, FILE_EXPIRED);
    else if (card) await ctx.sendActivity({ type: 'message', attachments: [card] });
    // The consent card has done its job either way.
    if (ctx.activity.replyToId) await ctx.deleteActivity(ctx.activity.replyToId).catch(() => undefined);
  }

  /** Each activity once; one that failed before the engine answered is released, for Teams to deliver again. */
  async function handle(ctx: TurnContext) {
    const activity = ctx.activity;
    if (!activity.id) return dispatch(ctx);
    const conversationId = activity.conversation?.id ?? '';
    const onMarkError = (err: unknown, step: string) => log.warn({ err, conversationId, activityId: activity.id, step }, 'could not save the activity mark');
    const onClaimLost = () => log.warn({ conversationId, activityId: activity.id }, 'activity claim lost while handling it; a redelivery may run it too');
    const user = activity.from?.id ? { user: `teams:user:${activity.from.id}` } : {};
    const fresh = await handleOnce(deps.dedup, activityKey(activity), { ...ONCE, onMarkError, onClaimLost, ...user }, (decided) => {
      ctx.turnState.set(DECIDED, decided);
      return dispatch(ctx);
    });
    if (fresh) return;
    log.info({ conversationId, activityId: activity.id }, 'duplicate activity ignored: already handled');
    deps.metrics?.duplicates.inc({ platform: 'teams', outcome: 'ignored' });
  }

  async function dispatch(ctx: TurnContext) {
    const activity = ctx.activity;
    const parsed = parseActivity(activity, deps.staffConversationId ? { staffConversationId: deps.staffConversationId } : {});
    if (parsed.kind === 'ignored') return;
    await rememberReferences(activity, parsed.input.isPrivate && parsed.kind !== 'uninstalled');
    switch (parsed.kind) {
      case 'installed':
        return onInstalled(ctx, parsed);
      case 'uninstalled':
        return onUninstalled(parsed);
      case 'fileConsent':
        return onFileConsent(ctx, parsed);
      case 'files':
        if (parsed.input.isPrivate) await unblock(parsed.input.userId);
        return onFiles(ctx, parsed);
      case 'turn':
        if (parsed.input.isPrivate) await unblock(parsed.input.userId);
        if (!parsed.input.isPrivate && isSetupRequest(parsed.content)) return tellChannelId(ctx, parsed.input);
        return runTurn(ctx, parsed.input, parsed.content);
      default: {
        const never: never = parsed;
        return never;
      }
    }
  }

  /**
   * `@Palabre setup` in a team channel: the channel's conversation id, the value TEAMS_STAFF_CONVERSATION_ID takes to
   * make it the staff channel (docs/teams.md), or the confirmation that it already is.
   */
  async function tellChannelId(ctx: TurnContext, input: Input) {
    const id = baseConversationId(input.conversationId);
    log.info({ conversationId: id, staff: input.isStaffChannel }, 'told a channel its conversation id');
    await say(ctx, input, input.isStaffChannel ? 'teams-setup-staff' : 'teams-setup-other', { id });
  }

  /** The generic apology, for a message that failed (other activities have nobody waiting for an answer). */
  async function apologise(ctx: TurnContext) {
    const activity = ctx.activity;
    if (activity.type !== 'message') return;
    try {
      const input = parseActivity(activity);
      const locale = localeOf(activity.locale);
      const out: OutMessage = { target: { conversationId: activity.conversation.id }, locale, timezone: deps.defaultTimezone, body: [{ id: 'teams-error-generic' }] };
      if (input.kind !== 'ignored') await sender.sendIn(ctx, out);
    } catch (apologyErr) {
      log.warn({ err: apologyErr, conversationId: activity.conversation?.id, activityId: activity.id }, 'could not apologise for a failed activity');
    }
  }

  return {
    /** Handles one activity (the logic passed to botbuilder), in order with the others of its conversation. */
    async onTurn(ctx: TurnContext): Promise<void> {
      const key = ctx.activity.conversation?.id ?? '';
      const previous = queues.get(key) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => handle(ctx));
      queues.set(key, run);
      try {
        await run;
      } finally {
        if (queues.get(key) === run) queues.delete(key);
        // Teams waits for an answer to every invoke; the adapter would otherwise say 501.
        if (ctx.activity.type === 'invoke') await ctx.sendActivity({ type: 'invokeResponse', value: invokeAnswer(ctx.activity.name) });
      }
    },
    /**
     * The one error boundary: log with conversation and activity ids, apologise, keep going. An activity that was not
     * handled is rethrown after the apology, so that the endpoint answers 503 and a redelivery gets handled.
     */
    async onTurnError(ctx: TurnContext, err: Error): Promise<void> {
      const activity = ctx.activity;
      if (err instanceof UserBusyError) {
        log.info({ conversationId: activity.conversation?.id, activityId: activity.id }, "activity refused: its user's previous one is still being handled elsewhere, answered 503 for a redelivery");
        throw err;
      }
      if (err instanceof InFlightError) {
        log.info({ conversationId: activity.conversation?.id, activityId: activity.id }, 'duplicate activity refused: being handled elsewhere, answered 503 for a redelivery');
        deps.metrics?.duplicates.inc({ platform: 'teams', outcome: 'refused' });
        throw err;
      }
      const notHandled = err instanceof NotHandledError;
      log.error({ err: notHandled ? err.cause : err, conversationId: activity.conversation?.id, activityId: activity.id, type: activity.type, notHandled }, 'teams activity failed');
      count('error');
      await apologise(ctx);
      if (notHandled) throw err;
    },
  };
}

import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { I18n } from '../../src/app/i18n.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Metrics } from '../../src/app/metrics.js';
import type { Engine } from '../../src/ports/turn.js';
import { sendError } from '../../src/http/server.js';
import { InFlightError, NotHandledError } from '../common/redelivery.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import type { Dedup, KeyValue } from '../../src/ports/kv.js';
import type { LinkStore } from '../../src/ports/links.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { ThreadRegistry } from '../../src/ports/threads.js';
import { createTeamsAuth, TeamsAuthError, type AuthenticateRequestResult, type TeamsAuthOptions } from './auth.js';
import { createTeamsFiles } from './files.js';
import { createTeamsNotifier } from './notifier.js';
import { createReferenceStore } from './references.js';
import { createTeamsSender } from './send.js';
import { createTeamsTurns } from './turns.js';

/** What the Teams adapter needs; main.ts fills it from the MicrosoftApp* / TEAMS_* configuration and the shared stores. */
export interface TeamsAdapterDeps extends TeamsAuthOptions {
  /** TEAMS_STAFF_CONVERSATION_ID: the staff channel; one thread per escalated case, support commands only there. */
  staffConversationId?: string;
  engine: Engine;
  i18n: I18n;
  threads: ThreadRegistry;
  /** Blocked marks: an uninstall sets one, a reinstall or a new message clears it. */
  links: Pick<LinkStore, 'get' | 'setBlocked'>;
  /** Shared by every process (Redis): each activity is handled once, and again only if it failed before the engine answered. */
  dedup: Dedup;
  /** Conversation references, card ids, file consents (Redis, so any process can send). */
  kv: KeyValue;
  blobs: BlobStore;
  logger: Logger;
  metrics?: Pick<Metrics, 'turns' | 'duplicates'>;
  clock?: Clock;
  /** For the adapter's own sentences before the engine knows the user. */
  defaultLocale?: string;
  defaultTimezone?: string;
  /** Largest evidence file accepted, in bytes (default 10 MB). */
  maxFileBytes?: number;
}

/** The running adapter: the outbox notifier and the Bot Framework endpoint. */
export interface TeamsAdapter {
  notifier: Notifier;
  /** Adds POST /api/messages to the server. */
  register(app: FastifyInstance): Promise<void>;
  /** Handles one already-parsed activity with its Authorization header (what the route does). */
  handle(body: unknown, authorization: string): Promise<{ status: number; body?: unknown; retryAfterSec?: number }>;
}

/** Exposes botbuilder's processActivity for a request this adapter has already authenticated. */
class PalabreCloudAdapter extends CloudAdapter {
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

const account = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional() });
/** The fields every Bot Framework activity Palabre handles carries; the rest is read where used. */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).regex(/^https?:\/\//, 'must be an http(s) URL'),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});

/** Connects the engine to Microsoft Teams through botbuilder (SPEC sections 2-4). A thin translator: no dispute rule here. */
export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const log = deps.logger.child({ platform: 'teams' });
  const auth = createTeamsAuth(deps);
  const adapter = new PalabreCloudAdapter(auth.authentication);
  const refs = createReferenceStore(deps.kv);
  const files = createTeamsFiles({ blobs: deps.blobs, kv: deps.kv, botToken: () => auth.token(), ...(deps.maxFileBytes ? { maxBytes: deps.maxFileBytes } : {}) });
  const sender = createTeamsSender({ adapter, appId: auth.appId, audience: auth.audience, i18n: deps.i18n, threads: deps.threads, refs, files, blobs: deps.blobs, logger: log, kv: deps.kv });
  const notifier = createTeamsNotifier({ sender, refs, threads: deps.threads, logger: log, ...(deps.staffConversationId ? { staffConversationId: deps.staffConversationId } : {}) });
  const turns = createTeamsTurns({
    engine: deps.engine,
    i18n: deps.i18n,
    threads: deps.threads,
    links: deps.links,
    dedup: deps.dedup,
    refs,
    files,
    sender,
    clock: deps.clock ?? systemClock,
    logger: log,
    metrics: deps.metrics,
    staffConversationId: deps.staffConversationId,
    defaultLocale: deps.defaultLocale ?? 'fr',
    defaultTimezone: deps.defaultTimezone ?? 'Africa/Kinshasa',
  });
  adapter.onTurnError = turns.onTurnError;
  if (!auth.appId) log.warn('Teams runs without authentication (TEAMS_ENABLED=1 and no MicrosoftAppId): local tools only');

  async function handle(body: unknown, authorization: string): Promise<{ status: number; body?: unknown; retryAfterSec?: number }> {
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      log.info({ issues: parsed.error.issues.slice(0, 3) }, 'malformed activity refused');
      return { status: 400, body: { error: { code: 'VALIDATION', message: 'not a Bot Framework activity' } } };
    }
    const activity = parsed.data as unknown as Activity;
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await auth.authenticate(activity, authorization);
    } catch (err) {
      const status = err instanceof TeamsAuthError ? err.status : 401;
      log.warn({ err, status, activityId: activity.id, conversationId: activity.conversation.id }, 'teams request not authenticated');
      return { status, body: { error: { code: status === 401 ? 'UNAUTHORIZED' : 'UNAVAILABLE', message: status === 401 ? 'not authorized' : 'cannot verify the request now' } } };
    }
    let result: Awaited<ReturnType<PalabreCloudAdapter['run']>>;
    try {
      result = await adapter.run(authenticated, activity, turns.onTurn);
    } catch (err) {
      if (!(err instanceof NotHandledError)) throw err;
      // Nothing was decided and the mark is released: an error status lets the channel deliver it again. Being handled
      // elsewhere (or its user's previous activity) is a deliberate "come again", as on Telegram's webhook: Retry-After
      // marks it so for the request log, which would otherwise log every such refusal as a server error.
      const body = { error: { code: 'UNAVAILABLE', message: 'activity not handled, retry later' } };
      return err instanceof InFlightError ? { status: 503, retryAfterSec: 1, body } : { status: 503, body };
    }
    return { status: result?.status ?? 200, ...(result?.body !== undefined ? { body: result.body } : {}) };
  }

  return {
    notifier,
    handle,
    async register(app) {
      app.post('/api/messages', async (req, reply) => {
        const result = await handle(req.body, req.headers.authorization ?? '');
        if (result.retryAfterSec !== undefined) reply.header('retry-after', String(result.retryAfterSec));
        if (result.status >= 400 && result.body && typeof result.body === 'object' && 'error' in result.body) {
          const e = (result.body as { error: { code: string; message: string } }).error;
          return sendError(reply, result.status, e.code, e.message);
        }
        return reply.code(result.status).send(result.body ?? '');
      });
    },
  };
}

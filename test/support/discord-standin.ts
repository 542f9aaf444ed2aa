import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  dmChannelId as dmOf,
  guildPayload,
  makeMessage,
  PERMISSIONS,
  readBody,
  reply,
  route,
  snowflake,
  type Channel,
  type Member,
  type RateLimitRule,
  type RecordedCall,
  type StandinUser,
  type StandinWorld,
} from './discord-standin-rest.js';

export { PERMISSIONS, type RecordedCall, type RecordedFile, type StandinUser } from './discord-standin-rest.js';

/**
 * A stand-in of Discord on 127.0.0.1 for tests: REST under /api/v10, a JSON gateway (HELLO, READY,
 * GUILD_CREATE, heartbeats) and a loopback "CDN" for attachments. It records every REST call and
 * keeps just enough state (channels, threads, members, sent messages) for discord.js to work.
 */

const API = '/api/v10';

export interface DiscordStandin {
  /** What DISCORD_API_URL should be: REST lives at `${apiUrl}/v10`. */
  readonly apiUrl: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUser: StandinUser;
  /** A text channel of the guild (the one case threads are opened in). */
  readonly casesChannelId: string;
  readonly staffChannelId: string;
  /** Another text channel of the guild, after the two above: where DISCORD_CASES_CHANNEL_ID may point. */
  readonly otherChannelId: string;
  readonly supportRoleId: string;
  /** The application's flags as GET /applications/@me answers them (privileged intents: 1 << 18 is Message Content). */
  setApplicationFlags(flags: number): void;
  readonly calls: RecordedCall[];
  /** Adds a user; `member` puts them in the guild (with `roles`), `blocksDms` makes DMs to them fail with 50007. */
  addUser(user: StandinUser, opts?: { member?: boolean; roles?: string[]; permissions?: string; blocksDms?: boolean }): void;
  /** The DM channel between the bot and a user (created on first use). */
  dmChannelId(userId: string): string;
  /** Dispatches MESSAGE_CREATE from a user, in their DM by default. Resolves to the message id. */
  sendMessage(opts: {
    author: StandinUser;
    channelId?: string;
    content?: string;
    attachments?: { filename: string; contentType: string; data: Buffer }[];
    replyTo?: string;
    id?: string;
    /** Dispatch to one gateway connection only (by order of connection); all by default. */
    onlyTo?: number;
  }): string;
  /** Dispatches MESSAGE_UPDATE: the user edited message `id` (its words now `content`); `editedAt` null is an update without an edit (an embed added). */
  editMessage(opts: Parameters<DiscordStandin['sendMessage']>[0] & { id: string; editedAt?: string | null }): void;
  /** Dispatches a slash command. Resolves to the interaction id. */
  command(opts: InteractionBase & { name: string; options?: { name: string; type: number; value: string | number | boolean; focused?: boolean }[]; autocomplete?: boolean }): string;
  /** Dispatches a button click on a message the bot sent. */
  clickButton(opts: InteractionBase & { messageId: string; customId: string }): string;
  /** Dispatches a select-menu choice on a message the bot sent. */
  selectOption(opts: InteractionBase & { messageId: string; customId: string; values: string[] }): string;
  /** Dispatches a modal submission. */
  submitModal(opts: InteractionBase & { customId: string; fields: Record<string, string> }): string;
  /** The next `times` calls matching `method` and `path` answer 429 with retry_after. */
  rateLimit(method: string, path: RegExp, times: number, retryAfterSec: number): void;
  /**
   * Holds the answer to calls matching `method` and `path` for `ms` (the call counts as received, and is recorded, at
   * once): a process that dies meanwhile had made the call without learning its outcome.
   */
  hold(method: string, path: RegExp, ms: number): void;
  /**
   * Answers interaction `id` as another process did before it died (by default a deferral, type 5, the user then reads
   * "… is thinking"): not recorded in `calls`. Returns the status Discord gave.
   */
  acknowledge(id: string, body?: { type: number; data?: unknown }): number;
  /** Serves bytes at a loopback CDN URL and returns it. */
  serveAttachment(name: string, contentType: string, data: Buffer): string;
  /** Messages the bot posted or edited in a channel (latest version of each), oldest first. */
  messagesIn(channelId: string): any[];
  /** A message the bot sent, by id. */
  message(id: string): any | undefined;
  /** Messages answering an interaction (its response, then follow-ups), latest version of each. */
  repliesTo(interactionId: string): any[];
  /** Threads created by the bot. */
  threads(): Channel[];
  /** Members added to a thread. */
  threadMembers(threadId: string): string[];
  /** Resolves with the first call (past or future) matching the predicate. */
  waitFor(pred: (c: RecordedCall) => boolean, what?: string, timeoutMs?: number): Promise<RecordedCall>;
  /** Number of open, identified gateway connections. */
  readonly connections: number;
  close(): Promise<void>;
}

export interface InteractionBase {
  user: StandinUser;
  /** DM with the user by default. */
  channelId?: string;
  locale?: string;
  id?: string;
  onlyTo?: number;
}

/** Starts the stand-in on an ephemeral loopback port. */
export async function startDiscordStandin(): Promise<DiscordStandin> {

  const applicationId = snowflake();
  const guildId = snowflake();
  const botUser: StandinUser = { id: applicationId, username: 'palabre', bot: true, global_name: null };
  const casesChannelId = snowflake();
  const staffChannelId = snowflake();
  const supportRoleId = snowflake();

  const cdn = new Map<string, { contentType: string; data: Buffer }>();
  const rateLimits: RateLimitRule[] = [];
  const holds: { method: string; path: RegExp; ms: number }[] = [];
  const calls: RecordedCall[] = [];
  const waiters: { pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  const sockets: { ws: WebSocket; ready: boolean; seq: number }[] = [];

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err), code: 0 }));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/gateway')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => onGateway(ws));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const w: StandinWorld = {
    applicationId,
    guildId,
    botUser,
    port,
    origin,
    users: new Map([[botUser.id, botUser]]),
    members: new Map<string, Member>(),
    blocked: new Set(),
    channels: new Map<string, Channel>(),
    dms: new Map(),
    messages: new Map(),
    threadMembers: new Map(),
    acknowledged: new Set(),
    interactions: new Map(),
    answerWithinMs: 3_000,
    supportRoleId,
    dispatch: (t, d) => dispatch(t, d),
  };
  const { users, members, blocked, channels, dms, messages, threadMembers, interactions } = w;
  const dmChannelId = (userId: string) => dmOf(w, userId);
  channels.set(casesChannelId, { id: casesChannelId, type: 0, guild_id: guildId, name: 'litiges', position: 0, parent_id: null });
  channels.set(staffChannelId, { id: staffChannelId, type: 0, guild_id: guildId, name: 'support', position: 1, parent_id: null });
  const otherChannelId = snowflake();
  channels.set(otherChannelId, { id: otherChannelId, type: 0, guild_id: guildId, name: 'dossiers', position: 2, parent_id: null });

  function record(call: RecordedCall) {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.pred(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  // ---------------------------------------------------------------- gateway
  function send(s: { ws: WebSocket; seq: number }, t: string, d: unknown) {
    s.ws.send(JSON.stringify({ op: 0, t, s: ++s.seq, d }));
  }

  function onGateway(ws: WebSocket) {
    const s = { ws, ready: false, seq: 0 };
    sockets.push(s);
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; d: any };
      if (p.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (p.op === 2) {
        send(s, 'READY', {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: `session-${sockets.length}`,
          resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
          shard: p.d.shard,
          application: { id: applicationId, flags: 0 },
        });
        send(s, 'GUILD_CREATE', guildPayload(w));
        s.ready = true;
      }
    });
    ws.on('close', () => sockets.splice(sockets.indexOf(s), 1));
  }

  /** A user's message as the gateway sends it (MESSAGE_CREATE, or MESSAGE_UPDATE with its edit time). */
  function userMessage(opts: Parameters<DiscordStandin['sendMessage']>[0], id: string, editedAt: string | null) {
    const channelId = opts.channelId ?? dmChannelId(opts.author.id);
    const channel = interactionChannel(channelId);
    const attachments = (opts.attachments ?? []).map((a) => {
      const url = serveAttachment(a.filename, a.contentType, a.data);
      return { id: snowflake(), filename: a.filename, size: a.data.length, content_type: a.contentType, url, proxy_url: url };
    });
    const member = members.get(opts.author.id);
    return {
      id,
      channel_id: channelId,
      channel_type: channel.type,
      ...(channel.guild_id ? { guild_id: channel.guild_id, member: { roles: member?.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } } : {}),
      author: opts.author,
      content: opts.content ?? '',
      attachments,
      embeds: [],
      components: [],
      mentions: [...(opts.content ?? '').matchAll(/<@!?(\d+)>/g)].map((m) => users.get(m[1]!)).filter(Boolean),
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: opts.replyTo ? 19 : 0,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: editedAt,
      ...(opts.replyTo ? { message_reference: { message_id: opts.replyTo, channel_id: channelId, type: 0 } } : {}),
    };
  }

  function dispatch(t: string, d: unknown, onlyTo?: number) {
    sockets.filter((s, i) => s.ready && (onlyTo === undefined || onlyTo === i)).forEach((s) => send(s, t, d));
  }

  // ---------------------------------------------------------------- REST
  async function handleHttp(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = cdn.get(url.pathname);
      if (!file) return reply(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) });
      return void res.end(file.data);
    }
    if (!url.pathname.startsWith(API)) return reply(res, 404, { message: '404: Not Found', code: 0 });
    const path = decodeURIComponent(url.pathname.slice(API.length));
    const method = req.method ?? 'GET';
    const { body, files } = await readBody(req);
    const call: RecordedCall = { method, path, query: url.searchParams, body, files, status: 0 };

    const limit = rateLimits.find((r) => r.method === method && r.path.test(path) && r.times > 0);
    if (limit) {
      limit.times--;
      call.status = 429;
      record(call);
      return reply(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: limit.retryAfterSec, global: false },
        {
          'retry-after': String(limit.retryAfterSec),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(limit.retryAfterSec),
          'x-ratelimit-bucket': 'standin-bucket',
          'x-ratelimit-scope': 'user',
        },
      );
    }
    const [status, out] = route(w, method, path, url.searchParams, body, files);
    call.status = status;
    record(call);
    const held = holds.find((h) => h.method === method && h.path.test(path));
    if (held) await new Promise((r) => setTimeout(r, held.ms));
    return reply(res, status, out);
  }

  // ---------------------------------------------------------------- helpers
  function serveAttachment(name: string, contentType: string, data: Buffer): string {
    const path = `/attachments/${snowflake()}/${snowflake()}/${encodeURIComponent(name)}`;
    cdn.set(path, { contentType, data });
    return `${origin}${path}`;
  }

  function interactionChannel(channelId: string) {
    const c = channels.get(channelId);
    if (!c) throw new Error(`stand-in: unknown channel ${channelId}`);
    return c;
  }

  function interaction(base: InteractionBase, type: number, data: unknown, message?: unknown): string {
    const id = base.id ?? snowflake();
    const token = `tok-${id}-${Math.random().toString(36).slice(2)}`;
    const channelId = base.channelId ?? dmChannelId(base.user.id);
    const clicked = (message as { id?: string } | undefined)?.id;
    interactions.set(id, { token, type, channelId, replies: [], createdAt: Date.now(), ...(clicked ? { original: clicked } : {}) });
    const channel = interactionChannel(channelId);
    const inGuild = Boolean(channel.guild_id);
    const member = members.get(base.user.id);
    const payload = {
      id,
      application_id: applicationId,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      channel,
      locale: base.locale ?? 'fr',
      app_permissions: PERMISSIONS.all,
      entitlements: [],
      authorizing_integration_owners: {},
      context: inGuild ? 0 : 1,
      ...(inGuild
        ? {
            guild_id: channel.guild_id,
            guild_locale: 'fr',
            member: {
              user: base.user,
              roles: member?.roles ?? [],
              permissions: member?.permissions ?? PERMISSIONS.member,
              joined_at: new Date().toISOString(),
              deaf: false,
              mute: false,
              flags: 0,
            },
          }
        : { user: base.user }),
      ...(message ? { message } : {}),
    };
    dispatch('INTERACTION_CREATE', payload, base.onlyTo);
    return id;
  }

  return {
    apiUrl: `${origin}/api`,
    applicationId,
    guildId,
    botUser,
    casesChannelId,
    staffChannelId,
    otherChannelId,
    supportRoleId,
    setApplicationFlags(flags: number) {
      w.applicationFlags = flags;
    },
    calls,
    addUser(user, opts = {}) {
      users.set(user.id, user);
      if (opts.member) members.set(user.id, { user, roles: opts.roles ?? [], permissions: opts.permissions ?? PERMISSIONS.member });
      if (opts.blocksDms) blocked.add(user.id);
      const dm = dms.get(user.id);
      if (dm) channels.get(dm)!.recipients = [user];
    },
    dmChannelId,
    sendMessage(opts) {
      const id = opts.id ?? snowflake();
      dispatch('MESSAGE_CREATE', userMessage(opts, id, null), opts.onlyTo);
      return id;
    },
    editMessage(opts) {
      dispatch('MESSAGE_UPDATE', userMessage(opts, opts.id, opts.editedAt === undefined ? new Date().toISOString() : opts.editedAt), opts.onlyTo);
    },
    command(opts) {
      return interaction(opts, opts.autocomplete ? 4 : 2, {
        id: snowflake(),
        name: opts.name,
        type: 1,
        ...(opts.options ? { options: opts.options } : {}),
        ...(channels.get(opts.channelId ?? '')?.guild_id ? { guild_id: guildId } : {}),
      });
    },
    clickButton(opts) {
      const message = messages.get(opts.messageId);
      if (!message) throw new Error(`stand-in: unknown message ${opts.messageId}`);
      return interaction({ ...opts, channelId: opts.channelId ?? message.channel_id }, 3, { custom_id: opts.customId, component_type: 2 }, message);
    },
    selectOption(opts) {
      const message = messages.get(opts.messageId);
      if (!message) throw new Error(`stand-in: unknown message ${opts.messageId}`);
      return interaction({ ...opts, channelId: opts.channelId ?? message.channel_id }, 3, { custom_id: opts.customId, component_type: 3, values: opts.values }, message);
    },
    submitModal(opts) {
      return interaction(opts, 5, {
        custom_id: opts.customId,
        components: Object.entries(opts.fields).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] })),
      });
    },
    rateLimit(method, path, times, retryAfterSec) {
      rateLimits.push({ method, path, times, retryAfterSec });
    },
    hold(method, path, ms) {
      holds.push({ method, path, ms });
    },
    acknowledge(id, body = { type: 5, data: {} }) {
      const it = interactions.get(id);
      if (!it) throw new Error(`stand-in: unknown interaction ${id}`);
      return route(w, 'POST', `/interactions/${id}/${it.token}/callback`, new URLSearchParams(), body, [])[0];
    },
    serveAttachment,
    messagesIn(channelId) {
      return [...messages.values()].filter((m) => m.channel_id === channelId);
    },
    message: (id) => messages.get(id),
    repliesTo: (id) => (interactions.get(id)?.replies ?? []).map((m) => messages.get(m)),
    threads: () => [...channels.values()].filter((c) => c.type === 11 || c.type === 12),
    threadMembers: (threadId) => [...(threadMembers.get(threadId) ?? [])],
    waitFor(pred, what = 'a matching call', timeoutMs = 8_000) {
      const past = calls.find(pred);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`stand-in: timed out waiting for ${what}; calls: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`));
        }, timeoutMs);
        const waiter = {
          pred,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        waiters.push(waiter);
      });
    },
    get connections() {
      return sockets.filter((s) => s.ready).length;
    },
    async close() {
      for (const s of sockets) s.ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';

// REST side of the Discord stand-in (test/support/discord-standin.ts): state, bodies and routes.

/** A Discord user as the API shows it. */
export interface StandinUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

/** A file uploaded with a REST call (multipart). */
export interface RecordedFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** One REST call the stand-in answered, with the status it answered. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  body: any;
  files: RecordedFile[];
  status: number;
}

/** A channel, DM or thread. */
export interface Channel {
  id: string;
  type: number;
  guild_id?: string;
  parent_id?: string | null;
  name?: string;
  recipients?: StandinUser[];
  [k: string]: unknown;
}

/** A member of the stand-in's server. */
export interface Member {
  user: StandinUser;
  roles: string[];
  permissions: string;
}

/** The next `times` calls matching answer 429. */
export interface RateLimitRule {
  method: string;
  path: RegExp;
  times: number;
  retryAfterSec: number;
}

/** Discord's permission bits the adapter cares about. */
export const PERMISSIONS = { all: '2199023255551', member: '3263552', manageMessages: String(1n << 13n) } as const;

/**
 * Snowflakes shaped like Discord's (milliseconds since 2015, shifted 22 bits) and never repeated within a
 * test process, even across stand-ins: dedup markers in a shared store would take a new event for a replay.
 */
const ID_BASE = BigInt(Date.now() - 1_420_070_400_000) << 22n;
let idSeq = 0n;
export const snowflake = () => String(ID_BASE + ++idSeq);

/** What the stand-in knows; the REST routes read and change it, the gateway dispatches from it. */
export interface StandinWorld {
  applicationId: string;
  /** GET /applications/@me `flags`; Message Content intent enabled (1 << 18) unless a test says otherwise. */
  applicationFlags?: number;
  guildId: string;
  supportRoleId: string;
  botUser: StandinUser;
  port: number;
  origin: string;
  users: Map<string, StandinUser>;
  members: Map<string, Member>;
  /** Users whose DMs are closed (50007). */
  blocked: Set<string>;
  channels: Map<string, Channel>;
  /** User id → DM channel id. */
  dms: Map<string, string>;
  messages: Map<string, any>;
  threadMembers: Map<string, string[]>;
  acknowledged: Set<string>;
  /**
   * Interaction id → its token, channel, the message its response created (`@original`) and when it was created
   * (Date.now(): the stand-in's snowflakes do not carry their time).
   */
  interactions: Map<string, { token: string; type: number; channelId: string; original?: string; replies: string[]; createdAt: number }>;
  /** How long after its creation an interaction takes its first answer (Discord: 3 s). */
  answerWithinMs: number;
  /** Sends a gateway event to the connected clients. */
  dispatch(t: string, d: unknown): void;
}

export async function readBody(req: IncomingMessage): Promise<{ body: any; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://standin/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: RecordedFile[] = [];
    let body: any = null;
    const entries: [string, FormDataEntryValue][] = [];
    form.forEach((value, key) => entries.push([key, value]));
    for (const [key, value] of entries) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}


export function makeMessage(w: StandinWorld, channelId: string, body: any, files: RecordedFile[], id = snowflake()) {
  const channel = w.channels.get(channelId);
  return {
    id,
    channel_id: channelId,
    ...(channel?.guild_id ? { guild_id: channel.guild_id } : {}),
    author: w.botUser,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: files.map((f, i) => ({ id: snowflake(), filename: f.name, size: f.data.length, content_type: f.contentType, url: `${w.origin}/attachments/${channelId}/${i}/${f.name}` })),
    allowed_mentions: body?.allowed_mentions,
    message_reference: body?.message_reference,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    type: 0,
    tts: false,
    pinned: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    flags: body?.flags ?? 0,
  };
}


export function dmChannelId(w: StandinWorld, userId: string): string {
  let id = w.dms.get(userId);
  if (!id) {
    id = snowflake();
    w.dms.set(userId, id);
    const user = w.users.get(userId) ?? { id: userId, username: `user${userId}` };
    w.channels.set(id, { id, type: 1, recipients: [user], last_message_id: null });
  }
  return id;
}


/** How long an interaction's token works for follow-ups and edits. */
const TOKEN_LIFE_MS = 15 * 60_000;

export function route(w: StandinWorld, method: string, path: string, query: URLSearchParams, body: any, files: RecordedFile[]): [number, unknown] {
  let m: RegExpMatchArray | null;
  if (method === 'GET' && path === '/gateway/bot') {
    return [200, { url: `ws://127.0.0.1:${w.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
  }
  if (method === 'GET' && path === '/users/@me') return [200, w.botUser];
  if (method === 'GET' && path === '/applications/@me') {
    return [200, { id: w.applicationId, name: 'Palabre', bot_public: false, flags: w.applicationFlags ?? 1 << 18 }];
  }
  if (method === 'PUT' && (m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
    return [200, (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: '1' }))];
  }
  if (method === 'POST' && path === '/users/@me/channels') {
    const id = dmChannelId(w, String(body.recipient_id));
    return [200, w.channels.get(id)];
  }
  if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)$/))) {
    const c = w.channels.get(m[1]!);
    return c ? [200, c] : [404, { message: 'Unknown Channel', code: 10003 }];
  }
  if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
    const c = w.channels.get(m[1]!);
    if (!c) return [404, { message: 'Unknown Channel', code: 10003 }];
    if (c.type === 1 && c.recipients?.some((u) => w.blocked.has(u.id))) return [403, { message: 'Cannot send w.messages to this user', code: 50007 }];
    const msg = makeMessage(w, c.id, body, files);
    w.messages.set(msg.id, msg);
    return [200, msg];
  }
  if (method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
    const old = w.messages.get(m[2]!);
    if (!old || old.channel_id !== m[1]) return [404, { message: 'Unknown Message', code: 10008 }];
    const msg = { ...old, ...body, edited_timestamp: new Date().toISOString() };
    w.messages.set(msg.id, msg);
    return [200, msg];
  }
  if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/threads$/))) {
    const parent = w.channels.get(m[1]!);
    if (!parent?.guild_id) return [404, { message: 'Unknown Channel', code: 10003 }];
    const thread: Channel = {
      id: snowflake(),
      type: body.type ?? 11,
      guild_id: parent.guild_id,
      parent_id: parent.id,
      owner_id: w.botUser.id,
      name: body.name,
      member_count: 1,
      message_count: 0,
      thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 4320, archive_timestamp: new Date().toISOString(), locked: false, invitable: body.invitable ?? true },
    };
    w.channels.set(thread.id, thread);
    w.threadMembers.set(thread.id, []);
    w.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return [201, thread];
  }
  if (method === 'PUT' && (m = path.match(/^\/channels\/(\d+)\/thread-members\/(\d+)$/))) {
    const list = w.threadMembers.get(m[1]!);
    if (!list) return [404, { message: 'Unknown Channel', code: 10003 }];
    if (!w.members.has(m[2]!)) return [404, { message: 'Unknown Member', code: 10007 }];
    if (!list.includes(m[2]!)) list.push(m[2]!);
    return [204, undefined];
  }
  if (method === 'GET' && (m = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
    const member = m[1] === w.guildId ? w.members.get(m[2]!) : undefined;
    if (!member) return [404, { message: 'Unknown Member', code: 10007 }];
    return [200, { user: member.user, roles: member.roles, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }];
  }
  if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
    const it = w.interactions.get(m[1]!);
    if (!it || it.token !== m[2]) return [401, { message: 'Invalid Webhook Token', code: 50027 }];
    if (w.acknowledged.has(m[1]!)) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    // https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction: the first
    // answer within 3 s, or the interaction is gone (the user's client shows that it failed).
    if (Date.now() - it.createdAt > w.answerWithinMs) return [404, { message: 'Unknown interaction', code: 10062 }];
    w.acknowledged.add(m[1]!);
    // 4: message, 5: deferred message (a placeholder edited later), 7: update of the clicked message.
    if (body.type === 4 || body.type === 5) {
      const msg = makeMessage(w, it.channelId, body.type === 4 ? body.data : { content: '' }, files);
      w.messages.set(msg.id, msg);
      it.original = msg.id;
      it.replies.push(msg.id);
    }
    if (body.type === 7 && it.original) w.messages.set(it.original, { ...w.messages.get(it.original), ...body.data });
    if (query.get('with_response') === 'true') {
      const message = (body.type === 4 || body.type === 5 || body.type === 7) && it.original ? w.messages.get(it.original) : undefined;
      const flags = body.data?.flags ?? 0;
      return [
        200,
        {
          interaction: { id: m[1], type: it.type, response_message_id: message?.id ?? null, response_message_loading: body.type === 5, response_message_ephemeral: (flags & 64) === 64 },
          resource: { type: body.type, ...(message ? { message } : {}) },
        },
      ];
    }
    return [204, undefined];
  }
  if ((method === 'POST' || method === 'PATCH') && (m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
    const interactionId = [...w.interactions.keys()].find((k) => w.interactions.get(k)!.token === m![2]);
    const it = interactionId ? w.interactions.get(interactionId) : undefined;
    // The token answers for 15 minutes, and only once the interaction was acknowledged (answered or deferred).
    if (!interactionId || !it || m[1] !== w.applicationId || Date.now() - it.createdAt > TOKEN_LIFE_MS) return [401, { message: 'Invalid Webhook Token', code: 50027 }];
    if (!w.acknowledged.has(interactionId)) return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (method === 'POST') {
      const msg = makeMessage(w, it.channelId, body, files);
      w.messages.set(msg.id, msg);
      it.replies.push(msg.id);
      return [200, msg];
    }
    const id = m[3] === '@original' || !m[3] ? it.original : m[3];
    const old = id ? w.messages.get(id) : undefined;
    if (!old) return [404, { message: 'Unknown Message', code: 10008 }];
    const msg = { ...old, ...makeMessage(w, it.channelId, { ...old, ...body }, files, old.id), edited_timestamp: new Date().toISOString() };
    w.messages.set(msg.id, msg);
    return [200, msg];
  }
  return [404, { message: '404: Not Found', code: 0 }];
}


/** The GUILD_CREATE payload of the stand-in's one server. */
export function guildPayload(w: StandinWorld) {
  return {
    id: w.guildId,
    name: 'Congocrea',
    unavailable: false,
    owner_id: w.botUser.id,
    preferred_locale: 'fr',
    system_channel_id: null,
    member_count: w.members.size + 1,
    large: false,
    features: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    roles: [
      { id: w.guildId, name: '@everyone', permissions: PERMISSIONS.member, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      { id: w.supportRoleId, name: 'Support', permissions: PERMISSIONS.manageMessages, position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 },
    ],
    channels: [...w.channels.values()].filter((c) => c.type === 0),
    members: [
      { user: w.botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      ...[...w.members.values()].map((m) => ({ user: m.user, roles: m.roles, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 })),
    ],
  };
}


/** Writes a JSON answer (or an empty one). */
export function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}


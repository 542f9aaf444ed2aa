import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart, type StandinFile } from './telegram-standin-multipart.js';
import { checkTelegramHtml } from './telegram-standin-html.js';

/** One Bot API call the stand-in received, in order. */
export interface StandinCall {
  method: string;
  /** Decoded parameters (JSON-string fields of multipart bodies parsed back). */
  params: Record<string, any>;
  /** Uploaded files by multipart field name (InputFile uploads). */
  files: Record<string, StandinFile>;
  /** Milliseconds since the epoch when the call arrived (for "waited at least retry_after" checks). */
  at: number;
}

type Json = Record<string, any>;
type Failure = ({ code: 429; retryAfter: number } | { code: 400 | 403 | 500; description: string }) & {
  /** Only calls about this chat fail (others go through). */
  chatId?: number | string;
};
interface Waiter { resolve: () => void }

/** What a user can be in the stand-in's updates. */
export interface StandinUser { id: number; first_name: string; last_name?: string; username?: string; language_code?: string }
/** A chat as Telegram describes it. */
export interface StandinChat { id: number; type: 'private' | 'group' | 'supergroup'; title?: string; first_name?: string; is_forum?: boolean }

/**
 * A stand-in of the Telegram Bot API on 127.0.0.1 (https://core.telegram.org/bots/api): records every call,
 * serves long polling, files and the send/edit methods Palabre uses, validates HTML and Telegram's limits
 * like the real server, and can be told to answer 429 or 403.
 */
export async function startTelegramStandin(opts: { token?: string; username?: string; callbackAnswerWithinMs?: number } = {}) {
  const token = opts.token ?? '123456:TEST-token';
  const me = { id: 123456, is_bot: true, first_name: 'Palabre', username: opts.username ?? 'palabre_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  const calls: StandinCall[] = [];
  const queue: Json[] = [];
  /** Updates sent again below the confirmed offset, as Telegram does when a confirmation got lost. */
  const again: Json[] = [];
  const pollers = new Set<Waiter>();
  const callWaiters = new Set<Waiter>();
  const failures = new Map<string, Failure[]>();
  const blocked = new Set<number>();
  /** Methods whose calls never get an answer (an unreachable platform). */
  const hanging = new Set<string>();
  /** When set, a send to a chat sooner than this after the previous one answers 429, as Telegram may. */
  let chatMinMs = 0;
  const lastSend = new Map<number, number>();
  const chats = new Map<number, StandinChat>();
  const messages = new Map<number, Map<number, Json>>();
  const counters = new Map<number, number>();
  const files = new Map<string, { data: Buffer; path: string }>();
  /** Callback queries by id: when the button was pressed, and whether the query was answered. */
  const queries = new Map<string, { at: number; answered: boolean }>();
  /** Telegram takes a callback query's answer for about 15 s after the press, once. */
  const answerWithinMs = opts.callbackAnswerWithinMs ?? 15_000;
  let limited = 0;
  let nextUpdateId = 1000;
  let nextTopic = 0;
  let nextFile = 0;

  const nextMessageId = (chatId: number) => {
    const n = (counters.get(chatId) ?? 0) + 1;
    counters.set(chatId, n);
    return n;
  };
  const chatOf = (id: number): StandinChat => chats.get(id) ?? (id > 0 ? { id, type: 'private', first_name: 'User' } : { id, type: 'group', title: 'Group' });
  const store = (m: Json) => {
    const chatId = m.chat.id as number;
    if (!messages.has(chatId)) messages.set(chatId, new Map());
    messages.get(chatId)!.set(m.message_id, m);
    return m;
  };
  const wake = (set: Set<Waiter>) => {
    for (const w of [...set]) w.resolve();
  };

  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });
  const fail = (res: ServerResponse, code: number, description: string, parameters?: Json) =>
    reply(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });

  function botMessage(params: Json, extra: Json): Json {
    const chatId = Number(params.chat_id);
    const m: Json = { message_id: nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), from: me, ...extra };
    if (params.message_thread_id) Object.assign(m, { message_thread_id: Number(params.message_thread_id), is_topic_message: true });
    if (params.reply_markup) m.reply_markup = params.reply_markup;
    if (params.reply_parameters?.message_id) m.reply_to_message = messages.get(chatId)?.get(Number(params.reply_parameters.message_id));
    return store(m);
  }

  /** Checks what Telegram checks on a text or caption; an error description, or null. */
  function checkText(text: unknown, parseMode: unknown, limit: number, empty: boolean): string | null {
    if (typeof text !== 'string' || (!empty && text.trim() === '')) return empty ? null : 'Bad Request: message text is empty';
    let plain = text;
    if (parseMode === 'HTML') {
      const checked = checkTelegramHtml(text);
      if ('error' in checked) return `Bad Request: can't parse entities: ${checked.error}`;
      plain = checked.plain;
    } else if (parseMode !== undefined) return `Bad Request: unsupported parse_mode ${String(parseMode)}`;
    if (plain.length > limit) return limit === 4096 ? 'Bad Request: message is too long' : 'Bad Request: message caption is too long';
    return null;
  }

  function checkMarkup(markup: unknown): string | null {
    const rows = (markup as Json | undefined)?.inline_keyboard as Json[][] | undefined;
    for (const b of (rows ?? []).flat()) {
      if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: text buttons are unallowed in the inline keyboard';
      if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data)) > 64) return 'Bad Request: BUTTON_DATA_INVALID';
    }
    return null;
  }

  async function getUpdates(params: Json, req: IncomingMessage): Promise<Json[]> {
    const offset = Number(params.offset ?? 0);
    while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    if (queue.length === 0 && again.length === 0 && Number(params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        // Keep-alive sockets serve many polls: the close listener must go when the poll ends.
        const onClose = () => w.resolve();
        const w: Waiter = {
          resolve: () => {
            pollers.delete(w);
            clearTimeout(timer);
            req.socket.off('close', onClose);
            resolve();
          },
        };
        const timer = setTimeout(w.resolve, Math.min(Number(params.timeout), 30) * 1000);
        pollers.add(w);
        req.socket.once('close', onClose);
      });
    }
    return [...again.splice(0), ...queue.filter((u) => u.update_id >= offset)].slice(0, Number(params.limit ?? 100));
  }

  async function handle(method: string, params: Json, up: Record<string, StandinFile>, req: IncomingMessage, res: ServerResponse) {
    const pending = failures.get(method) ?? [];
    const at = pending.findIndex((x) => x.chatId === undefined || String(x.chatId) === String(params.chat_id));
    const f = at >= 0 ? pending.splice(at, 1)[0] : undefined;
    if (f) return f.code === 429 ? fail(res, 429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter }) : fail(res, f.code, f.description);
    const chatId = Number(params.chat_id);
    if (/^(send|edit|copy|forward)/.test(method) && blocked.has(chatId)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
    if (chatMinMs > 0 && /^(send|copy|forward)/.test(method)) {
      const now = Date.now();
      const last = lastSend.get(chatId);
      if (last !== undefined && now - last < chatMinMs) {
        limited += 1;
        return fail(res, 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
      }
      lastSend.set(chatId, now);
    }
    const markupError = checkMarkup(params.reply_markup);
    switch (method) {
      case 'getMe':
        return ok(res, me);
      case 'getUpdates':
        return ok(res, await getUpdates(params, req));
      case 'setMyCommands': {
        const err = checkCommands(params);
        return err ? fail(res, 400, err) : ok(res, true);
      }
      case 'deleteWebhook': case 'setWebhook': case 'sendChatAction':
        return ok(res, true);
      case 'answerCallbackQuery': {
        // https://core.telegram.org/bots/api#answercallbackquery: an old, answered or unknown query is refused so.
        const q = queries.get(String(params.callback_query_id));
        if (!q || q.answered || Date.now() - q.at > answerWithinMs) return fail(res, 400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        q.answered = true;
        return ok(res, true);
      }
      case 'getChat':
        return ok(res, chatOf(chatId));
      case 'getFile': {
        const file = files.get(String(params.file_id));
        if (!file) return fail(res, 400, 'Bad Request: invalid file_id');
        return ok(res, { file_id: params.file_id, file_unique_id: `u${params.file_id}`, file_size: file.data.length, file_path: file.path });
      }
      case 'sendMessage': {
        const err = checkText(params.text, params.parse_mode, 4096, false) ?? markupError;
        return err ? fail(res, 400, err) : ok(res, botMessage(params, { text: params.text }));
      }
      case 'sendPhoto': case 'sendDocument': {
        const field = method === 'sendPhoto' ? 'photo' : 'document';
        const err = checkText(params.caption, params.parse_mode, 1024, true) ?? markupError;
        if (err) return fail(res, 400, err);
        const ref = String(params[field] ?? '');
        const upload = up[ref.replace(/^attach:\/\//, '')] ?? up[field];
        if (!upload && !files.has(ref)) return fail(res, 400, `Bad Request: there is no ${field} in the request`);
        const fileId = `sent-${++nextFile}`;
        if (upload) files.set(fileId, { data: upload.data, path: `${field}s/${upload.name}` });
        const size = upload?.data.length ?? files.get(ref)!.data.length;
        const media = field === 'photo' ? { photo: [{ file_id: fileId, file_unique_id: `u${fileId}`, width: 1, height: 1, file_size: size }] } : { document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: upload?.name, file_size: size } };
        return ok(res, botMessage(params, { ...media, ...(params.caption ? { caption: params.caption } : {}) }));
      }
      case 'sendMediaGroup': {
        // https://core.telegram.org/bots/api#sendmediagroup: 2 to 10 photos, each uploaded as attach://<field>.
        const media = (Array.isArray(params.media) ? params.media : []) as Json[];
        if (media.length < 2 || media.length > 10) return fail(res, 400, 'Bad Request: wrong number of media in the album');
        const sent: Json[] = [];
        for (const item of media) {
          const upload = up[String(item.media ?? '').replace(/^attach:\/\//, '')];
          if (!upload) return fail(res, 400, 'Bad Request: there is no photo in the request');
          const fileId = `sent-${++nextFile}`;
          files.set(fileId, { data: upload.data, path: `photos/${upload.name}` });
          sent.push(botMessage(params, { photo: [{ file_id: fileId, file_unique_id: `u${fileId}`, width: 1, height: 1, file_size: upload.data.length }] }));
        }
        return ok(res, sent);
      }
      case 'editMessageText': case 'editMessageReplyMarkup': {
        const m = messages.get(chatId)?.get(Number(params.message_id));
        if (!m || m.from?.id !== me.id) return fail(res, 400, 'Bad Request: message to edit not found');
        const err = (method === 'editMessageText' ? checkText(params.text, params.parse_mode, 4096, false) : null) ?? markupError;
        if (err) return fail(res, 400, err);
        const text = method === 'editMessageText' ? params.text : m.text;
        if (text === m.text && JSON.stringify(params.reply_markup ?? null) === JSON.stringify(m.reply_markup ?? null)) {
          return fail(res, 400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same');
        }
        Object.assign(m, { text, reply_markup: params.reply_markup, edit_date: Math.floor(Date.now() / 1000) });
        if (!params.reply_markup) delete m.reply_markup;
        return ok(res, m);
      }
      case 'createForumTopic': {
        if (!chatOf(chatId).is_forum) return fail(res, 400, 'Bad Request: the chat is not a forum');
        const created = store({ message_id: nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), from: me, forum_topic_created: { name: params.name, icon_color: 7322096 } });
        nextTopic = created.message_id;
        Object.assign(created, { message_thread_id: nextTopic, is_topic_message: true });
        return ok(res, { message_thread_id: nextTopic, name: params.name, icon_color: 7322096 });
      }
      default:
        return fail(res, 404, 'Not Found: method not found');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        const file = [...files.values()].find((x) => x.path === decodeURIComponent(fileMatch[2]!));
        if (fileMatch[1] !== token || !file) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
        return void res.end(file.data);
      }
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return fail(res, 404, 'Not Found');
      if (m[1] !== token) return fail(res, 401, 'Unauthorized');
      const body = await readBody(req);
      const { params, files: up } = decodeParams(req.headers['content-type'] ?? '', body, url);
      calls.push({ method: m[2]!, params, files: up, at: Date.now() });
      wake(callWaiters);
      if (hanging.has(m[2]!)) return;
      await handle(m[2]!, params, up, req, res);
    })().catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, { ok: false, error_code: 500, description: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standin = {
    /** Pass as TELEGRAM_API_ROOT. */
    root,
    token,
    me,
    calls,
    /** Every call of one method, in order. */
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** Resolves with the first call (counting from `from`) of `method` matching `pred`; rejects after timeoutMs. */
    async waitForCall(method: string, pred: (c: StandinCall) => boolean = () => true, opts: { from?: number; timeoutMs?: number } = {}): Promise<StandinCall> {
      const deadline = Date.now() + (opts.timeoutMs ?? 8000);
      for (;;) {
        const hit = calls.slice(opts.from ?? 0).find((c) => c.method === method && pred(c));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no ${method} call matched; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise<void>((resolve) => {
          const w: Waiter = { resolve: () => { callWaiters.delete(w); clearTimeout(t); resolve(); } };
          const t = setTimeout(w.resolve, 100);
          callWaiters.add(w);
        });
      }
    },
    /** Declares a chat (a forum supergroup, a named group). */
    setChat(chat: StandinChat) {
      chats.set(chat.id, chat);
    },
    /** The next `times` calls of `method` fail this way. */
    failNext(method: string, failure: Failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    /** Every send to this chat answers 403 "bot was blocked by the user". */
    block(chatId: number) {
      blocked.add(chatId);
    },
    /** From now on, sends to one chat closer together than `ms` are answered 429 (0 turns it off). */
    limitPerChat(ms: number) {
      chatMinMs = ms;
      lastSend.clear();
    },
    /** 429s answered by `limitPerChat` so far. */
    get limited() {
      return limited;
    },
    /** Calls of `method` are recorded but never answered, until `answer(method)`. */
    hang(method: string) {
      hanging.add(method);
    },
    answer(method: string) {
      hanging.delete(method);
    },
    /** The user unblocked the bot: sends to this chat go through again. */
    unblock(chatId: number) {
      blocked.delete(chatId);
    },
    /** Makes a file downloadable through getFile; returns its file_id. */
    addFile(data: Uint8Array, path: string): string {
      const id = `file-${++nextFile}`;
      files.set(id, { data: Buffer.from(data), path });
      return id;
    },
    /** The bot's messages in a chat, oldest first, as they stand now (edits applied). */
    botMessages(chatId: number): Json[] {
      return [...(messages.get(chatId)?.values() ?? [])].filter((m) => m.from?.id === me.id && !m.forum_topic_created);
    },
    /** A message the bot sent or a user wrote, by id. */
    message(chatId: number, messageId: number): Json | undefined {
      return messages.get(chatId)?.get(messageId);
    },
    /** Builds an update from what a user did, with a fresh update_id; `push` it or post it to a webhook. */
    build: {
      text(from: StandinUser, chat: StandinChat, text: string, opts: { replyTo?: number; threadId?: number } = {}): Json {
        const msg: Json = { message_id: nextMessageId(chat.id), date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...from }, text };
        const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
        if (cmd) msg.entities = [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
        return { update_id: ++nextUpdateId, message: withContext(msg, chat.id, opts) };
      },
      media(from: StandinUser, chat: StandinChat, media: Json, opts: { caption?: string; replyTo?: number; threadId?: number } = {}): Json {
        const msg: Json = { message_id: nextMessageId(chat.id), date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...from }, ...media };
        if (opts.caption) msg.caption = opts.caption;
        return { update_id: ++nextUpdateId, message: withContext(msg, chat.id, opts) };
      },
      /** The user edited `message` (a user message as built above): Telegram sends edited_message with a fresh update_id. */
      edit(message: Json, fields: Json): Json {
        return { update_id: ++nextUpdateId, edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000), ...fields } };
      },
      /** A button press; `ageMs`: pressed that long ago (its update waited, the bot being down or behind). */
      press(from: StandinUser, message: Json, data: string, opts: { ageMs?: number } = {}): Json {
        const id = `cq-${nextUpdateId + 1}`;
        queries.set(id, { at: Date.now() - (opts.ageMs ?? 0), answered: false });
        return { update_id: ++nextUpdateId, callback_query: { id, from: { is_bot: false, ...from }, chat_instance: 'ci', message, data } };
      },
    },
    /** Queues an update for getUpdates (long polling). */
    push(update: Json): Json {
      queue.push(update);
      wake(pollers);
      return update;
    },
    /** Delivers an already confirmed update once more (a duplicate delivery). */
    redeliver(update: Json): Json {
      again.push(update);
      wake(pollers);
      return update;
    },
    /** Updates not yet confirmed by a later getUpdates offset. */
    pendingUpdates: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        wake(pollers);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function withContext(msg: Json, chatId: number, opts: { replyTo?: number; threadId?: number }): Json {
    if (opts.threadId) Object.assign(msg, { message_thread_id: opts.threadId, is_topic_message: true });
    const replyTo = opts.replyTo ?? opts.threadId;
    if (replyTo) msg.reply_to_message = messages.get(chatId)?.get(replyTo) ?? { message_id: replyTo, date: msg.date, chat: msg.chat };
    return store(msg);
  }

  return standin;
}

export type TelegramStandin = Awaited<ReturnType<typeof startTelegramStandin>>;

function reply(res: ServerResponse, status: number, body: unknown) {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Bot API parameters come as JSON, urlencoded, query string or multipart (uploads); object fields as JSON strings. */
function decodeParams(contentType: string, body: Buffer, url: URL): { params: Json; files: Record<string, StandinFile> } {
  const params: Json = Object.fromEntries(url.searchParams);
  let files: Record<string, StandinFile> = {};
  if (contentType.startsWith('application/json') && body.length > 0) Object.assign(params, JSON.parse(body.toString('utf8')) as Json);
  else if (contentType.startsWith('application/x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  else if (contentType.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(contentType, body);
    Object.assign(params, parsed.fields);
    files = parsed.files;
  }
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        params[k] = JSON.parse(v);
      } catch {
        // a plain string that happens to start with a bracket
      }
    }
  }
  return { params, files };
}

/**
 * What the Bot API checks in setMyCommands: at most 100 commands, names of 1–32 lower-case letters, digits or
 * underscores, descriptions of 1–256 characters, and `language_code` a two-letter ISO 639-1 code (or absent).
 */
function checkCommands(params: Json): string | null {
  const code = params.language_code;
  if (code !== undefined && (typeof code !== 'string' || !/^[a-z]{2}$/.test(code))) return 'Bad Request: invalid language code specified';
  const commands = typeof params.commands === 'string' ? JSON.parse(params.commands) : params.commands;
  if (!Array.isArray(commands) || commands.length > 100) return 'Bad Request: too many commands';
  for (const c of commands as Array<{ command?: unknown; description?: unknown }>) {
    if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) return 'Bad Request: BOT_COMMAND_INVALID';
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) return 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID';
  }
  return null;
}


import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';

/** What the stand-in says about itself in getMe. */
export const BENCH_BOT: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Palabre bench',
  username: 'palabre_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** Called for every text the bot sends: chat id, text, and performance.now() on arrival. */
export type OnSend = (chatId: number, text: string, at: number) => void;

/**
 * A refusal the stand-in answers instead of sending: 429 with its retry_after, a 500, or a 502 with an HTML body (what
 * a proxy in front of the API answers when its upstream is down); nothing is sent in any case.
 */
export type Refusal = { code: 429; retryAfter: number } | { code: 500 } | { code: 502 } | { code: 400; description?: string };

/**
 * A lean stand-in of the Telegram Bot API on 127.0.0.1 for load: it answers the methods a webhook bot
 * calls with the smallest valid result, and hands each sent text to `onSend`. The adapter tests'
 * stand-in (test/support/telegram-standin.ts) records and validates every call, which is right for
 * tests and too slow to measure a bot against.
 */
export async function startLeanStandin(token: string) {
  let onSend: OnSend = () => undefined;
  let sendDelayMs: (chatId: number) => number = () => 0;
  let refuse: (chatId: number, text: string) => Refusal | null = () => null;
  let cut: (chatId: number) => boolean = () => false;
  let hang: (chatId: number, text: string) => number = () => 0;
  const hung = new Set<IncomingMessage>();
  const counters = new Map<number, number>();
  const calls = new Map<string, number>();
  const nextMessageId = (chatId: number) => {
    const n = (counters.get(chatId) ?? 100) + 1;
    counters.set(chatId, n);
    return n;
  };
  const path = `/bot${token}/`;

  function result(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return BENCH_BOT;
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        const chatId = Number(params.chat_id);
        const text = String(params.text ?? params.caption ?? '');
        onSend(chatId, text, performance.now());
        return { message_id: nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId > 0 ? 'private' : 'group' }, from: BENCH_BOT, text };
      }
      case 'editMessageText':
        return { message_id: Number(params.message_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: 'private' }, text: String(params.text ?? '') };
      case 'getChat':
        return { id: Number(params.chat_id), type: Number(params.chat_id) > 0 ? 'private' : 'supergroup' };
      default:
        return true;
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const method = url.startsWith(path) ? url.slice(path.length).split('?')[0]! : '';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      let params: Record<string, unknown> = {};
      const body = Buffer.concat(chunks).toString('utf8');
      if (body && (req.headers['content-type'] ?? '').includes('json')) params = JSON.parse(body) as Record<string, unknown>;
      const text = String(params.text ?? params.caption ?? '');
      // A platform that never answers: the request is held, nothing is sent, and the connection dropped after a while.
      const holdMs = method === 'sendMessage' ? hang(Number(params.chat_id), text) : 0;
      if (holdMs > 0) {
        hung.add(req);
        setTimeout(() => {
          hung.delete(req);
          req.socket.destroy();
        }, holdMs).unref();
        return;
      }
      const refused = method === 'sendMessage' ? refuse(Number(params.chat_id), text) : null;
      if (refused?.code === 502) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
        return;
      }
      if (refused) {
        const description = refused.code === 429 ? `Too Many Requests: retry after ${refused.retryAfter}` : refused.code === 400 ? (refused.description ?? 'Bad Request: message text is empty') : 'Internal Server Error';
        res.writeHead(refused.code, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: refused.code, description, ...(refused.code === 429 && { parameters: { retry_after: refused.retryAfter } }) }));
        return;
      }
      const payload = method ? { ok: true, result: result(method, params) } : { ok: false, error_code: 404, description: 'Not Found' };
      // The message was taken (counted as sent above) and the connection drops before the answer: the bot cannot know.
      if (method === 'sendMessage' && cut(Number(params.chat_id))) {
        req.socket.destroy();
        return;
      }
      const answer = () => {
        res.writeHead(method ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      // A slow platform: the message counts as sent on arrival, its answer comes later (a crash in between
      // leaves a delivery the bot cannot know was made).
      const delay = method === 'sendMessage' ? sendDelayMs(Number(params.chat_id)) : 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Replaces the listener for sent texts (one per round). */
    onSend(fn: OnSend) {
      onSend = fn;
    },
    /** Answers each sendMessage this long after receiving it (0: at once), or as long as the function says for its chat. */
    slow(ms: number | ((chatId: number) => number)) {
      sendDelayMs = typeof ms === 'number' ? () => ms : ms;
    },
    /** Asked after each sendMessage is taken: true drops the connection instead of answering (the message counts as sent). */
    cut(fn: (chatId: number) => boolean) {
      cut = fn;
    },
    /** Asked before each sendMessage (its chat and text): a refusal to answer instead of sending it, or null to send (the default). */
    refuse(fn: (chatId: number, text: string) => Refusal | null) {
      refuse = fn;
    },
    /**
     * Asked before each sendMessage (its chat and text): how long to hold it without answering (0: answer as usual). A
     * held message is not sent; its connection is dropped once the time is up (a platform that stopped answering).
     */
    hang(fn: (chatId: number, text: string) => number) {
      hang = fn;
    },
    /** sendMessage requests held unanswered right now (see `hang`). */
    hanging: () => hung.size,
    /** Calls per Bot API method since start. */
    calls: () => Object.fromEntries(calls),
    close: () =>
      new Promise<void>((resolve) => {
        for (const req of hung) req.socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type LeanStandin = Awaited<ReturnType<typeof startLeanStandin>>;

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { bullPrefix } from '../../src/infra/bullmq-scheduler.js';

/**
 * Bad input thrown at a running Palabre (issue 14, point 4): the webhooks (Telegram, Teams), the playground API and
 * the admin API get malformed JSON, wrong types, huge and deeply nested bodies, unknown update kinds, invalid UTF-8
 * and wrong content types, from a property-based generator (fast-check). Used by test/fuzz/http.test.ts (bounded)
 * and bench/fuzz.ts (longer, with counts).
 */

export const TELEGRAM_SECRET = 'fuzz-secret';
export const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';
export const PLAYGROUND_TOKEN = 'fuzz-playground-token-0123456789';
const playgroundAuth = { authorization: `Bearer ${PLAYGROUND_TOKEN}` };

/** One request as sent. */
export interface FuzzRequest {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What kind of bad input it is (for the counts). */
  kind: string;
}

export interface FuzzStats {
  requests: number;
  /** Responses by status code. */
  byStatus: Record<string, number>;
  /** Requests by route and kind of input. */
  byKind: Record<string, number>;
  /** Responses ≥ 500, or a request that got no response at all. */
  failures: Array<{ route: string; kind: string; status: number | string; body: string }>;
  /** Refused (4xx) requests after which the stored state differed. */
  stateChanges: Array<{ route: string; kind: string; status: number; keys: string[] }>;
}

export function emptyStats(): FuzzStats {
  return { requests: 0, byStatus: {}, byKind: {}, failures: [], stateChanges: [] };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = (srv.address() as net.AddressInfo);
      srv.close(() => resolve(port));
    });
  });

/** A real Palabre process (`tsx src/main.ts`) with every input surface on: Telegram webhook, Teams, playground, admin API. */
export async function startFuzzTarget(opts: { redisUrl: string; prefix: string; telegramRoot: string; telegramToken: string }): Promise<{
  base: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: opts.redisUrl, REDIS_PREFIX: opts.prefix, LINK_SECRET: 'fuzz-link-secret-0123456789',
      ADMIN_TOKEN, PLAYGROUND: '1', PLAYGROUND_TOKEN, TELEGRAM_BOT_TOKEN: opts.telegramToken, TELEGRAM_API_ROOT: opts.telegramRoot, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TEAMS_ENABLED: '1', MicrosoftAppId: '', DISCORD_BOT_TOKEN: '', MARKETPLACE_DATA: '', MARKETPLACE_API_URL: '', LOG_LEVEL: 'fatal',
      // Support's day has always begun, so the morning digest is posted at every start, whatever the hour of the run;
      // the fuzzing waits for it (below): a digest posted mid-run was taken for a change made by a refused request.
      SUPPORT_HOURS: 'Mon-Sun 00:00-23:59', SUPPORT_HOLIDAYS: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`palabre exited at start: ${out}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`palabre did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The morning digest, to support in the playground (the one platform here with a staff channel), delivered.
  const redis = new Redis(opts.redisUrl, { lazyConnect: true });
  try {
    const digestSent = async () => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${opts.prefix}{dlv}:sent:desk-digest-*`, 'COUNT', 10_000);
        if (keys.length > 0) return true;
        cursor = next;
      } while (cursor !== '0');
      return false;
    };
    while (!(await digestSent())) {
      if (Date.now() > deadline) throw new Error(`the desk digest was not delivered at start: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    redis.disconnect();
  }
  return {
    base,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The stored state under the app's prefix, key → serialized value (DUMP). BullMQ's own keys are left out: its
 * workers touch them on timers (stalled checks, the refund round), whatever the requests do. So are the delivery
 * members (a heartbeat every 0.5 s) and the delivery streams (their consumers' read times move with each read);
 * an item enqueued by a request would still show, as its `{dlv}:seen:` mark.
 */
export async function snapshot(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const skip = bullPrefix(prefix);
  const timers = [`${prefix}{dlv}:members:`, `${prefix}{dlv}:x:`];
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch.filter((k) => !k.startsWith(skip) && !timers.some((t) => k.startsWith(t))));
  } while (cursor !== '0');
  const dumps = await Promise.all(keys.map((k) => redis.dumpBuffer(k)));
  return new Map(keys.map((k, i) => [k, dumps[i]?.toString('base64') ?? '']));
}

export function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  const all = new Set([...a.keys(), ...b.keys()]);
  return [...all].filter((k) => a.get(k) !== b.get(k)).sort();
}

// ---- generators ----

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

/** Bodies that are bad whatever the route. */
const genericBody: fc.Arbitrary<{ kind: string; body: Buffer; contentType?: string }> = fc.oneof(
  fc.jsonValue().map((v) => ({ kind: 'wrong-type', body: json(v) })),
  fc.jsonValue().chain((v) => {
    const s = JSON.stringify(v);
    return fc.nat({ max: Math.max(0, s.length - 1) }).map((cut) => ({ kind: 'malformed-json', body: Buffer.from(`${s.slice(0, cut)}${cut % 2 ? '}' : ''}`) }));
  }),
  fc.string({ maxLength: 200 }).map((s) => ({ kind: 'malformed-json', body: Buffer.from(s) })),
  fc.integer({ min: 1_000, max: 200_000 }).chain((depth) =>
    fc.constantFrom('[', '{"a":').map((open) => ({ kind: 'deep', body: Buffer.from(open.repeat(depth) + (open === '[' ? ']' : '}').repeat(depth)) })),
  ),
  fc.constantFrom(1.1, 2.5).map((mb) => ({ kind: 'huge', body: Buffer.from(`{"update_id":1,"text":"${'x'.repeat(Math.round(mb * 1024 * 1024))}"}`) })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
    kind: 'invalid-utf8',
    body: Buffer.concat([Buffer.from('{"update_id":7,"text":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(bytes), Buffer.from('"}')]),
  })),
  fc.record({ body: fc.string({ maxLength: 100 }), contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/json; charset=latin1', 'image/png') }).map(
    ({ body, contentType }) => ({ kind: 'wrong-content-type', body: Buffer.from(body), contentType }),
  ),
);

/** Things shaped like the route expects, with the wrong parts. */
function shapedBody(route: string): fc.Arbitrary<{ kind: string; body: Buffer }> {
  const anyValue = fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null));
  switch (route) {
    case 'telegram':
      return fc.oneof(
        fc.record({ update_id: anyValue, message: anyValue }).map((v) => ({ kind: 'wrong-type', body: json(v) })),
        fc.record({ update_id: fc.nat(), kind: fc.string({ minLength: 1, maxLength: 20 }), payload: fc.jsonValue() }).map(({ update_id, kind, payload }) => ({
          kind: 'unknown-update-kind',
          body: json({ update_id, [`x_${kind}`]: payload }),
        })),
        fc.record({ update_id: fc.nat(), text: anyValue, chat: anyValue, from: anyValue }).map(({ update_id, text, chat, from }) => ({
          kind: 'wrong-type',
          body: json({ update_id, message: { message_id: 1, date: 0, chat, from, text } }),
        })),
      );
    case 'teams':
      return fc.oneof(
        fc.record({ type: fc.oneof(fc.string(), anyValue), id: anyValue, from: anyValue, conversation: anyValue, text: anyValue, serviceUrl: anyValue }).map((v) => ({ kind: 'wrong-type', body: json(v) })),
        fc.record({ type: fc.string({ minLength: 1, maxLength: 20 }), value: fc.jsonValue() }).map((v) => ({ kind: 'unknown-update-kind', body: json({ ...v, id: 'a1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/' }) })),
      );
    case 'admin-link':
      return fc.record({ accountId: anyValue, ttl: anyValue }).map((v) => ({ kind: 'wrong-type', body: json(v) }));
    case 'panes':
      return fc.record({ role: anyValue, accountId: anyValue, lang: anyValue, previous: anyValue }).map((v) => ({ kind: 'wrong-type', body: json(v) }));
    default:
      return fc.record({ pane: anyValue, text: anyValue, action: anyValue, replyTo: anyValue, lang: anyValue }).map((v) => ({ kind: 'wrong-type', body: json(v) }));
  }
}

const POSTS: Array<{ route: string; path: string; auth: () => Record<string, string> }> = [
  { route: 'telegram', path: '/telegram/webhook', auth: () => ({ 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }) },
  { route: 'teams', path: '/api/messages', auth: () => ({}) },
  { route: 'admin-link', path: '/admin/link-tokens', auth: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }) },
  { route: 'panes', path: '/playground/panes', auth: () => playgroundAuth },
  { route: 'turn', path: '/playground/turn', auth: () => playgroundAuth },
];

/** Odd text for paths and query strings: ids, filters, unicode, percent-escapes that decode to nothing valid. */
const oddText = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('%ff%fe', '%00', '..%2f..%2fetc', 'C-000001', 'C-1}{x', '%E0%A4%A', 'a'.repeat(5000)));

const getRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    which: fc.constantFrom('admin-cases', 'admin-case', 'pane', 'events', 'blobs', 'strings'),
    a: oddText,
    b: oddText,
    authed: fc.boolean(),
  })
  .map(({ which, a, b, authed }) => {
    const q = (s: string) => (/%/.test(s) ? s : encodeURIComponent(s));
    const admin = authed ? { authorization: `Bearer ${ADMIN_TOKEN}` } : { authorization: `Bearer ${a.slice(0, 20)}` };
    const playground = authed ? playgroundAuth : {};
    switch (which) {
      case 'admin-cases':
        return { route: which, method: 'GET' as const, path: `/admin/cases?status=${q(a)}&orderId=${q(b)}&limit=${q(b)}`, headers: admin, kind: 'odd-query' };
      case 'admin-case':
        return { route: which, method: 'GET' as const, path: `/admin/cases/${q(a) || 'x'}`, headers: admin, kind: 'odd-id' };
      case 'pane':
        return { route: which, method: 'GET' as const, path: `/playground/panes/${q(a) || 'x'}`, headers: playground, kind: 'odd-id' };
      case 'events':
        // The event stream stays open for a known pane: only unknown ones are asked for here.
        return { route: which, method: 'GET' as const, path: `/playground/events?pane=zz${q(a)}`, headers: playground, kind: 'odd-query' };
      case 'blobs':
        return { route: which, method: 'GET' as const, path: `/playground/blobs/${q(a) || 'x'}?p=${q(b)}&s=${q(a)}`, headers: playground, kind: 'odd-id' };
      default:
        return { route: which, method: 'GET' as const, path: `/playground/strings?lang=${q(a)}`, headers: playground, kind: 'odd-query' };
    }
  });

const postRequest: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...POSTS).chain((r) =>
  fc
    .record({
      body: fc.oneof({ weight: 3, arbitrary: genericBody }, { weight: 2, arbitrary: shapedBody(r.route) }),
      authed: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map(({ body, authed }) => ({
      route: r.route,
      method: 'POST' as const,
      path: r.path,
      headers: { 'content-type': 'contentType' in body && body.contentType ? body.contentType : 'application/json', ...(authed ? r.auth() : {}) },
      body: body.body,
      kind: authed ? body.kind : `${body.kind}+no-auth`,
    })),
);

/** Every kind of request the fuzz sends. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof({ weight: 4, arbitrary: postRequest }, { weight: 1, arbitrary: getRequest });

/**
 * Sends one request and checks it: a response, never a 5xx, and a refusal (4xx) leaves the stored state as it was.
 * Returns false when the property fails (fast-check then shrinks it).
 */
export async function checkRequest(base: string, redis: Redis, prefix: string, req: FuzzRequest, stats: FuzzStats): Promise<boolean> {
  const before = await snapshot(redis, prefix);
  stats.requests += 1;
  stats.byKind[`${req.route} ${req.kind}`] = (stats.byKind[`${req.route} ${req.kind}`] ?? 0) + 1;
  let status: number;
  let text = '';
  try {
    ({ status, text } = await send(base, req));
  } catch (err) {
    stats.failures.push({ route: req.route, kind: req.kind, status: `no response: ${(err as Error).message}`, body: '' });
    return false;
  }
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  if (status >= 500) {
    stats.failures.push({ route: req.route, kind: req.kind, status, body: text });
    return false;
  }
  if (status >= 400) {
    const keys = changedKeys(before, await snapshot(redis, prefix));
    if (keys.length > 0) {
      stats.stateChanges.push({ route: req.route, kind: req.kind, status, keys });
      return false;
    }
  }
  return true;
}

/**
 * One request over a raw socket rather than fetch: a server that refuses an oversized body answers 413 and closes
 * while the body is still being written; the answer is what counts, not the write error after it.
 */
function send(base: string, req: FuzzRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.path, base);
    const head = [
      `${req.method} ${url.pathname}${url.search} HTTP/1.1`,
      `host: ${url.host}`,
      'connection: close',
      ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`),
      ...(req.body ? [`content-length: ${req.body.length}`] : []),
      '',
      '',
    ].join('\r\n');
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('timed out')), 15_000);
    const finish = (err?: Error) => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (m) resolve({ status: Number(m[1]), text: raw.slice(raw.indexOf('\r\n\r\n') + 4, raw.indexOf('\r\n\r\n') + 304) });
      else reject(err ?? new Error('closed without an answer'));
    };
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => finish());
    // A write cut short by the server's refusal: the answer, if any, is already in `chunks`.
    socket.on('error', () => {});
    socket.write(head);
    const body = req.body;
    if (!body) return;
    if (body.length <= 64 * 1024) return void socket.write(body);
    // A large body goes after a pause: a server that refuses it from its length answers first, and the socket
    // is not reset under that answer by a body the server never reads.
    setTimeout(() => {
      if (chunks.length === 0 && !socket.destroyed) socket.write(body);
    }, 300);
  });
}

/** Runs `numRuns` generated requests one after another; the stats say what happened. */
export async function runFuzz(opts: { base: string; redis: Redis; prefix: string; numRuns: number; seed?: number; stats?: FuzzStats }): Promise<{ stats: FuzzStats; failed: string | null }> {
  const stats = opts.stats ?? emptyStats();
  const result = await fc.check(
    fc.asyncProperty(fuzzRequest, (req) => checkRequest(opts.base, opts.redis, opts.prefix, req, stats)),
    { numRuns: opts.numRuns, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), endOnFailure: true },
  );
  const failed = result.failed
    ? `seed ${result.seed}, path ${result.counterexamplePath}: ${JSON.stringify(result.counterexample?.[0], (k, v) => (k === 'body' && v?.type === 'Buffer' ? Buffer.from(v.data).toString('utf8').slice(0, 200) : v))}`
    : null;
  return { stats, failed };
}

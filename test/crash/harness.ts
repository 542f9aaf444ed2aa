/**
 * Crash runs: real Palabre processes (`node --import tsx src/main.ts`, what `npm start` runs) in Telegram webhook mode on a private
 * Redis (standalone with its append-only file, or a three-master Cluster), a Telegram stand-in for the Bot API, and a
 * driver that plays Telegram's webhook delivery: it posts every update until some process answers 2xx, delivers a
 * third of them twice to different processes, and meanwhile the scenario kills a process (SIGKILL) or Redis itself.
 * The checker then reads the final history from Redis and the stand-in's sent-message log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { commentUpdate } from '../../bench/load.js';
import { childEnv, freePort, startChild, tsxNode, postWebhook, waitHealthy, type Child } from '../../bench/processes.js';
import { palabreEnv, seedWebhookRun, type SeededRun } from '../../bench/seed.js';
import { startLeanStandin, type LeanStandin } from '../../bench/standin.js';
import { createRedisCaseStore } from '../../src/infra/redis-case-store.js';
import type { Case } from '../../src/domain/case-model.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const TOKEN = '4242:CRASH-token';
const SECRET = 'crash-webhook-secret';

/** Whether a TCP port answers a Redis PING. */
async function pings(port: number): Promise<boolean> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** One private redis-server in its own folder, with its append-only file (fsync at every write). */
export class RedisServer {
  proc: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly dir: string,
    private readonly extra: string[] = [],
  ) {}

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', ...this.extra];
    this.proc = spawn('redis-server', args, { stdio: 'ignore' });
    await waitFor(`redis-server on ${this.port}`, () => pings(this.port));
  }

  /** SIGKILL: what Redis has not written to its append-only file is gone. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }
}

/** Whether this machine can run the crash tests: redis-server and redis-cli installed. */
export function redisToolsMissing(): string | null {
  for (const tool of ['redis-server', 'redis-cli']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  return null;
}

/** A standalone Redis, or a Cluster of three masters, started for one scenario and removed after it. */
export interface PrivateRedis {
  url: string;
  servers: RedisServer[];
  /** A connection for the checker. */
  connect(): Redis | Cluster;
  stop(): Promise<void>;
}

export async function startStandalone(root: string, port?: number): Promise<PrivateRedis> {
  const dir = join(root, 'redis');
  mkdirSync(dir);
  const server = new RedisServer(port ?? (await freePort()), dir);
  await server.start();
  return {
    url: `redis://127.0.0.1:${server.port}`,
    servers: [server],
    connect: () => new Redis({ port: server.port, host: '127.0.0.1' }),
    stop: () => server.kill(),
  };
}

/**
 * Three masters, no replicas: `redis-server --cluster-enabled yes` on three free ports (the bus on three more), then
 * `redis-cli --cluster create`. Throws with the tool's output when Redis refuses.
 */
export async function startCluster(root: string): Promise<PrivateRedis> {
  const servers: RedisServer[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = join(root, `node-${i}`);
    mkdirSync(dir);
    const s = new RedisServer(await freePort(), dir, ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-port', String(await freePort()), '--cluster-node-timeout', '2000']);
    await s.start();
    servers.push(s);
  }
  const create = spawnSync('redis-cli', ['--cluster', 'create', ...servers.map((s) => `127.0.0.1:${s.port}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
  if (create.status !== 0) {
    await Promise.all(servers.map((s) => s.kill()));
    throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  }
  await waitFor('cluster_state:ok on every node', async () => {
    for (const s of servers) {
      const info = spawnSync('redis-cli', ['-p', String(s.port), 'cluster', 'info'], { encoding: 'utf8' });
      if (!info.stdout.includes('cluster_state:ok')) return false;
    }
    return true;
  });
  const nodes = servers.map((s) => ({ host: '127.0.0.1', port: s.port }));
  return {
    url: `redis+cluster://${servers.map((s) => `127.0.0.1:${s.port}`).join(',')}`,
    servers,
    connect: () => new Cluster(nodes),
    stop: async () => {
      await Promise.all(servers.map((s) => s.kill()));
    },
  };
}

/** A Palabre process of the run, restartable on the same port. */
export class PalabreProcess {
  child: Child | null = null;
  alive = false;
  private starts = 0;
  constructor(
    readonly index: number,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dir: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}/telegram/webhook`;
  }

  async start(): Promise<void> {
    const since = performance.now();
    this.child = startChild(tsxNode('src/main.ts'), this.env, join(this.dir, `palabre-${this.index}-${++this.starts}.log`));
    await waitHealthy(`http://127.0.0.1:${this.port}/healthz`, this.child, since, 60_000, 50);
    this.alive = true;
  }

  /** SIGKILL, no goodbye: claims, locks and half-sent messages stay behind. */
  async kill(): Promise<void> {
    this.alive = false;
    const c = this.child;
    if (!c || c.proc.exitCode !== null || c.proc.signalCode !== null) return;
    const exited = new Promise((r) => c.proc.once('exit', r));
    c.proc.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    this.alive = false;
    await this.child?.stop(10_000);
  }
}

export interface Sent {
  chatId: number;
  text: string;
  /** ms since the epoch when the stand-in received it. */
  at: number;
}

/** Everything a scenario starts; `close` stops it all and removes its files. */
export interface Run {
  root: string;
  redis: PrivateRedis;
  seeded: SeededRun;
  standin: LeanStandin;
  /** Every text the processes sent through the stand-in, in arrival order. */
  sent: Sent[];
  procs: PalabreProcess[];
  /** ms since the epoch when the cases were opened (reminders count from there). */
  openedAt: number;
  /** The machine's stalls during the run (see `watchStalls`). */
  stalls: StallWatch;
  /** Stops it all; a failed test's process logs are kept under test-artifacts/crash/ first (see `keepLogs`). */
  close(outcome?: Outcome): Promise<void>;
}

/** How the test that used a run ended: its name and whether it failed (from vitest's test context). */
export interface Outcome {
  name: string;
  failed: boolean;
}

/** What an afterEach hook passes to `close`: vitest has marked a failed test as such before its afterEach hooks run. */
export function outcomeOf(ctx: { task: { name: string; result?: { state?: string } } }): Outcome {
  return { name: ctx.task.name, failed: ctx.task.result?.state === 'fail' };
}

/**
 * Copies a run's process logs (every start of every process) to test-artifacts/crash/<time>-<test>/, so that a failure
 * seen once in CI can be read afterwards; the run's folder itself (Redis's files too) is removed as usual.
 */
export function keepLogs(root: string, name: string): string {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60);
  const dest = join('test-artifacts', 'crash', `${new Date().toISOString().replace(/[:.]/g, '-')}-${slug}`);
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(root)) if (f.endsWith('.log')) cpSync(join(root, f), join(dest, f));
  return dest;
}

/**
 * How long this machine stopped running its processes: a sentinel process that does nothing but wake every 20 ms
 * records each wake-up more than 30 ms late. A timing promised "within 5 s of the kill" is a promise about processes
 * that the machine runs; when the machine itself stops every process for seconds (another job's install, a loaded
 * CI host), the scenario adds the stall it measured to the bound it asserts.
 * The sentinel is not Palabre: a Palabre process that blocks its own event loop is not excused by it.
 */
export interface StallWatch {
  /** Milliseconds of lateness the sentinel recorded between two instants (wall clock). */
  stalledMs(from: number, to: number): number;
  stop(): void;
}

export function watchStalls(): StallWatch {
  const tickMs = 20;
  const code = `let prev = Date.now(); setInterval(() => { const now = Date.now(); const late = now - prev - ${tickMs}; prev = now; if (late > 30) process.stdout.write(now + ' ' + late + '\\n'); }, ${tickMs});`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  const lates: Array<{ at: number; ms: number }> = [];
  let rest = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const [at, ms] = line.split(' ').map(Number);
      if (Number.isFinite(at) && Number.isFinite(ms)) lates.push({ at: at!, ms: ms! });
    }
  });
  // A late wake-up at `at` covers the `ms` before it: the part of it inside [from, to] counts.
  const stalledMs = (from: number, to: number) => lates.reduce((sum, l) => sum + Math.max(0, Math.min(l.at, to) - Math.max(l.at - l.ms, from)), 0);
  return {
    stalledMs,
    stop() {
      child.kill('SIGKILL');
    },
  };
}

export interface RunOptions {
  cluster?: boolean;
  users: number;
  /** POLICY_* and other variables for the seed and every process. */
  env?: Record<string, string>;
  /** The standalone Redis's port (default: a free one). */
  redisPort?: number;
  /** Variables for one process only, by its index (e.g. its own REDIS_URL through a proxy). */
  envFor?: (index: number) => Record<string, string>;
}

/**
 * Waits until each process reads some of the delivery streams (their fences name them all): a process owns streams
 * only once it has beaten for a member's lifetime, and the faults of a run are meant for processes at work.
 */
async function everyProcessReads(redis: PrivateRedis, prefix: string, processes: number): Promise<void> {
  const conn = redis.connect();
  try {
    await waitFor(`${processes} processes sharing the delivery streams`, async () => {
      const owners = await Promise.all(Array.from({ length: 8 }, (_, n) => conn.get(`${prefix}{dlv}:own:telegram:${n}`)));
      return new Set(owners.filter(Boolean)).size === processes;
    }, 30_000, 100);
  } finally {
    conn.disconnect();
  }
}

export async function startRun(opts: RunOptions): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), 'palabre-crash-'));
  const redis = opts.cluster ? await startCluster(root) : await startStandalone(root, opts.redisPort);
  const standin = await startLeanStandin(TOKEN);
  const sent: Sent[] = [];
  standin.onSend((chatId, text) => void sent.push({ chatId, text, at: Date.now() }));
  const prefix = `crash:${randomBytes(3).toString('hex')}:`;
  const openedAt = Date.now();
  const seeded = await seedWebhookRun({ redisUrl: redis.url, prefix, users: opts.users, dir: root, linkSecret: randomBytes(24).toString('hex'), ...(opts.env ? { env: opts.env } : {}) });
  const stalls = watchStalls();
  const procs: PalabreProcess[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const env = childEnv({
      ...palabreEnv(seeded, redis.url),
      ...opts.env,
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: standin.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ...opts.envFor?.(i),
    });
    procs.push(new PalabreProcess(i, port, env, root));
  }
  await Promise.all(procs.map((p) => p.start()));
  await everyProcessReads(redis, prefix, procs.length);
  return {
    root,
    redis,
    seeded,
    standin,
    sent,
    procs,
    openedAt,
    stalls,
    async close(outcome?: Outcome) {
      stalls.stop();
      await Promise.all(procs.map((p) => p.stop().catch(() => undefined)));
      await standin.close();
      await redis.stop();
      if (outcome?.failed) console.log(`crash run logs kept in ${keepLogs(root, outcome.name)}`);
      // CRASH_KEEP=1 keeps the processes' logs and Redis's files for a look after the run.
      if (process.env.CRASH_KEEP) console.log(`crash run files kept in ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };
}

/** One planned update: a buyer's comment, delivered once or twice. */
export interface Planned {
  updateId: number;
  buyer: number;
  body: string;
  twice: boolean;
}

/** What the driver saw for one update. */
export interface Delivered {
  planned: Planned;
  /** Statuses of every attempt, across its deliveries (0: the connection failed). */
  statuses: number[];
  acknowledged: boolean;
  /** ms since the epoch of the first 2xx, when acknowledged. */
  ackedAt?: number;
}

/**
 * Plays Telegram's webhook delivery. Each buyer's comments go one after the other (the next once the previous is
 * acknowledged), buyers in parallel; a third of the updates are also delivered to a second process at the same
 * moment. A delivery that gets no 2xx (refused, failed, connection dropped) is posted again after a pause, to the
 * next live process, until one acknowledges it.
 */
export async function drive(run: Run, opts: { perBuyer: number; firstUpdateId: number; onProgress?: (acked: number, total: number) => void; timeoutMs: number; gapMs?: number; postTimeoutMs?: number }): Promise<Delivered[]> {
  const { seeded, procs } = run;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const plan: Planned[][] = seeded.buyers.map(() => []);
  let id = opts.firstUpdateId;
  for (let k = 0; k < opts.perBuyer; k++) {
    for (let b = 0; b < seeded.buyers.length; b++) {
      const updateId = id++;
      plan[b]!.push({ updateId, buyer: b, body: commentUpdate(updateId, seeded.buyers[b]!), twice: updateId % 3 === 0 });
    }
  }
  const total = seeded.buyers.length * opts.perBuyer;
  let acked = 0;
  const deadline = Date.now() + opts.timeoutMs;

  // postTimeoutMs: Telegram's side hangs up on a webhook that has not answered by then (0 recorded), and posts again.
  const post = (url: string, body: string) => postWebhook(agent, url, body, SECRET, opts.postTimeoutMs);

  /** Delivers until a 2xx, starting at process `first`. */
  async function deliver(p: Planned, first: number, statuses: number[]): Promise<void> {
    let at = first;
    let pause = 100;
    while (Date.now() < deadline) {
      const live = procs.filter((x) => x.alive);
      const target = procs[at % procs.length]!.alive ? procs[at % procs.length]! : live[0];
      if (target) {
        const status = await post(target.url, p.body);
        statuses.push(status);
        if (status >= 200 && status < 300) return;
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 1000);
      at++;
    }
  }

  const results: Delivered[] = [];
  await Promise.all(
    plan.map(async (updates, b) => {
      for (const p of updates) {
        const statuses: number[] = [];
        const first = (p.updateId * 7 + b) % procs.length;
        let ackedAt: number | undefined;
        const deliveries = [deliver(p, first, statuses), ...(p.twice ? [deliver(p, first + 1, statuses)] : [])].map((d) => d.then(() => {
          if (statuses.some((s) => s >= 200 && s < 300)) ackedAt ??= Date.now();
        }));
        await Promise.all(deliveries);
        const acknowledged = statuses.some((s) => s >= 200 && s < 300);
        results.push({ planned: p, statuses, acknowledged, ...(ackedAt !== undefined && { ackedAt }) });
        if (acknowledged) opts.onProgress?.(++acked, total);
        // A buyer types their next comment a moment later (spreads a burst over the time a fault lasts).
        if (opts.gapMs) await sleep(opts.gapMs);
      }
    }),
  );
  agent.destroy();
  return results.sort((a, b) => a.planned.updateId - b.planned.updateId);
}

const TAG = /K(\d+)Q/;

/** Posts one update to one process as Telegram does (the secret-token header): the status, 0 when nothing answered. */
export async function postUpdate(proc: PalabreProcess, body: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  try {
    return await postWebhook(agent, proc.url, body, SECRET);
  } finally {
    agent.destroy();
  }
}

/** The final history, as Redis and the stand-in have it. */
export interface History {
  cases: Case[];
  sent: Sent[];
}

export async function readHistory(run: Run): Promise<History> {
  const redis = run.redis.connect();
  try {
    const store = createRedisCaseStore(redis, { prefix: run.seeded.prefix });
    const cases = await Promise.all(run.seeded.buyers.map(async (b) => (await store.load(b.caseId))!));
    return { cases, sent: [...run.sent] };
  } finally {
    redis.disconnect();
  }
}

export interface Findings {
  /** Acknowledged updates found in no timeline. */
  lost: number[];
  /** Updates found more than once across the timelines. */
  handledTwice: number[];
  /** Comments no seller received. */
  notRelayed: number[];
  /** Comments relayed more than twice, or twice more often than the crash allows. */
  relayedTwice: number[];
  /** Cases whose comments are out of the order their buyer sent them in, in the timeline or at the seller. */
  outOfOrder: string[];
  /** Per case and reminder: how many reminder events the timeline holds (expected exactly one each). */
  remindersPerCase: number[][];
  /** Reminder messages the sellers received, per case. */
  reminderMessages: number[];
}

/** Compares what was acknowledged with what Redis and the stand-in hold. */
export function check(run: Run, delivered: Delivered[], history: History): Findings {
  const byUpdate = new Map<number, number>();
  const caseOrder = new Map<string, number[]>();
  for (const c of history.cases) {
    const ids: number[] = [];
    for (const e of c.timeline) {
      if (e.type !== 'comment') continue;
      const m = TAG.exec(e.text);
      if (!m) continue;
      const n = Number(m[1]);
      byUpdate.set(n, (byUpdate.get(n) ?? 0) + 1);
      ids.push(n);
    }
    caseOrder.set(c.id, ids);
  }
  const acked = delivered.filter((d) => d.acknowledged).map((d) => d.planned.updateId);
  const lost = acked.filter((n) => !byUpdate.has(n));
  const handledTwice = [...byUpdate.entries()].filter(([, k]) => k > 1).map(([n]) => n);

  const sellerOf = new Map(run.seeded.buyers.map((b) => [b.caseId, b.sellerTelegramId]));
  const relays = new Map<number, number>();
  const relayOrder = new Map<string, number[]>();
  const caseOfUpdate = new Map<number, string>();
  for (const d of delivered) caseOfUpdate.set(d.planned.updateId, run.seeded.buyers[d.planned.buyer]!.caseId);
  for (const s of history.sent) {
    const m = TAG.exec(s.text);
    if (!m) continue;
    const n = Number(m[1]);
    const caseId = caseOfUpdate.get(n);
    if (!caseId || sellerOf.get(caseId) !== s.chatId) continue;
    relays.set(n, (relays.get(n) ?? 0) + 1);
    if (relays.get(n) === 1) relayOrder.set(caseId, [...(relayOrder.get(caseId) ?? []), n]);
  }
  const notRelayed = acked.filter((n) => !relays.has(n));
  const relayedTwice = [...relays.entries()].filter(([, k]) => k > 1).map(([n]) => n);

  const outOfOrder: string[] = [];
  const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
  for (const [caseId, ids] of caseOrder) {
    if (!sorted(ids)) outOfOrder.push(`${caseId} timeline`);
    if (!sorted(relayOrder.get(caseId) ?? [])) outOfOrder.push(`${caseId} seller`);
  }

  const remindersPerCase = history.cases.map((c) => {
    const counts = new Map<string, number>();
    for (const e of c.timeline) {
      if (e.type !== 'reminder' || e.to !== 'seller') continue;
      counts.set(e.nudgeId, (counts.get(e.nudgeId) ?? 0) + 1);
    }
    return [...counts.values()];
  });
  const reminderMessages = history.cases.map((c) => history.sent.filter((s) => s.chatId === sellerOf.get(c.id) && s.text.includes(c.id) && /^Rappel/.test(s.text)).length);
  return { lost, handledTwice, notRelayed, relayedTwice, outOfOrder, remindersPerCase, reminderMessages };
}

/** Waits until every acknowledged comment reached its seller (or the timeout). */
export async function waitRelayed(run: Run, delivered: Delivered[], timeoutMs: number): Promise<void> {
  const want = new Set(delivered.filter((d) => d.acknowledged).map((d) => d.planned.updateId));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const s of run.sent) {
      const m = TAG.exec(s.text);
      if (m) want.delete(Number(m[1]));
    }
    if (want.size === 0) return;
    await sleep(200);
  }
}

/** The tail of every process log, for a failure message. */
export function logs(run: Run, lines = 15): string {
  return run.procs.map((p) => `--- process ${p.index}\n${p.child?.tail(lines) ?? ''}`).join('\n');
}

/** Resolves once `probe` holds, checked every `everyMs`; fails naming `what` after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Per case, every comment that reached its seller, in arrival order, repeats included. */
export function relayTrace(run: Run, delivered: Delivered[]): Map<string, number[]> {
  const caseOf = new Map(delivered.map((d) => [d.planned.updateId, run.seeded.buyers[d.planned.buyer]!]));
  const trace = new Map<string, number[]>();
  for (const s of run.sent) {
    const m = TAG.exec(s.text);
    if (!m) continue;
    const b = caseOf.get(Number(m[1]));
    if (!b || b.sellerTelegramId !== s.chatId) continue;
    trace.set(b.caseId, [...(trace.get(b.caseId) ?? []), Number(m[1])]);
  }
  return trace;
}

/** When each acknowledged comment reached its seller, per update id, in arrival order. */
export function relayArrivals(run: Run, delivered: Delivered[]): Map<number, number[]> {
  const sellerOfUpdate = new Map(delivered.map((d) => [d.planned.updateId, run.seeded.buyers[d.planned.buyer]!.sellerTelegramId]));
  const out = new Map<number, number[]>();
  for (const s of run.sent) {
    const m = TAG.exec(s.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (sellerOfUpdate.get(n) !== s.chatId) continue;
    out.set(n, [...(out.get(n) ?? []), s.at]);
  }
  return out;
}

/** Delivery entries a process holds right now (read from its streams, not acknowledged), by its pid. */
export async function deliveriesHeldBy(run: Run, pid: number): Promise<number> {
  return [...(await streamsHeldBy(run, pid)).values()].reduce((a, b) => a + b, 0);
}

/** Per delivery stream number: how many entries a process holds in it right now, by its pid. */
export async function streamsHeldBy(run: Run, pid: number): Promise<Map<number, number>> {
  const redis = run.redis.connect();
  try {
    const held = new Map<number, number>();
    for (let n = 0; n < 8; n++) {
      const summary = (await redis.xpending(`${run.seeded.prefix}{dlv}:x:telegram:${n}`, 'relay').catch(() => [0, null, null, null])) as [number, string | null, string | null, Array<[string, string]> | null];
      for (const [consumer, count] of summary[3] ?? []) if (consumer.includes(`-${pid}-`)) held.set(n, (held.get(n) ?? 0) + Number(count));
    }
    return held;
  } finally {
    redis.disconnect();
  }
}

/** A counter's total on a process's /metrics (0 when absent). */
export async function metricTotal(proc: PalabreProcess, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${proc.port}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** What is still on its way in Redis: stream entries, entries read but not acknowledged, retries, dead letters, outboxes. */
export interface Backlog {
  streamEntries: number;
  pending: number;
  retrying: number;
  dead: number;
  outboxes: number;
}

export async function deliveryBacklog(run: Run): Promise<Backlog> {
  const redis = run.redis.connect();
  const base = `${run.seeded.prefix}{dlv}:`;
  try {
    let streamEntries = 0;
    let pending = 0;
    for (let n = 0; n < 8; n++) {
      const stream = `${base}x:telegram:${n}`;
      streamEntries += await redis.xlen(stream);
      const summary = (await redis.xpending(stream, 'relay').catch(() => [0])) as [number];
      pending += Number(summary[0]);
    }
    const [retrying, dead] = await Promise.all([redis.hlen(`${base}tries`), redis.hlen(`${base}dead`)]);
    let outboxes = 0;
    for (const b of run.seeded.buyers) outboxes += await redis.llen(`${run.seeded.prefix}case:{${b.caseId}}:outbox`);
    return { streamEntries, pending, retrying, dead, outboxes };
  } finally {
    redis.disconnect();
  }
}

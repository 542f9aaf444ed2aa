/**
 * CPU per update of two checkouts of Palabre, measured interleaved: both processes run at once, each on its own seeded
 * keys, and batches of comments (section 1's load: a comment relayed to the seller) go to one then the other,
 * alternating which goes first, so that whatever else the shared machine does falls on both alike within seconds.
 * `REDIS_URL=… npx tsx bench/interleaved.ts --other /path/to/checkout [--batches 30 --batch 500]`, run from one
 * checkout (`this`), the other with its own node_modules. Prints each pair of batches and the median ratio this/other.
 * On a loaded two-core machine a pair still varies by ±30%: run it both ways round and pool the pairs.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { commentUpdate, fireUpdates, type PlannedUpdate } from './load.js';
import { childEnv, freePort, waitHealthy, type Child } from './processes.js';
import { palabreEnv, seedWebhookRun, type SeededRun } from './seed.js';
import { median, sleep } from './stats.js';
import { startLeanStandin, type LeanStandin } from './standin.js';

const { values } = parseArgs({
  options: {
    other: { type: 'string' },
    batches: { type: 'string', default: '20' },
    batch: { type: 'string', default: '400' },
    users: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '1000' },
  },
});
if (!values.other) throw new Error('--other <checkout> is required');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = '4242:BENCH-token';
const SECRET = 'bench-webhook-secret';

interface Bot { name: string; url: string; child: Child; run: SeededRun }

function startIn(cwd: string, env: NodeJS.ProcessEnv, logFile: string): Child {
  const fd = openSync(logFile, 'w');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    logFile,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    tail: () => '',
  };
}

async function startBot(name: string, cwd: string, run: SeededRun, standin: LeanStandin, dir: string): Promise<Bot> {
  const port = await freePort();
  const env = childEnv({
    ...palabreEnv(run, redisUrl), LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: standin.url, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_THROTTLE: '0',
  });
  const child = startIn(cwd, env, join(dir, `${name}.log`));
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, performance.now());
  return { name, url: `http://127.0.0.1:${port}/telegram/webhook`, child, run };
}

const dir = await mkdtemp(join(tmpdir(), 'palabre-interleaved-'));
const root = `bench:${randomBytes(4).toString('hex')}:`;
const redis = new Redis(redisUrl);
const standin = await startLeanStandin(TOKEN);
const linkSecret = randomBytes(24).toString('hex');
const users = Number(values.users);
const runs = await Promise.all(['this', 'other'].map(async (n) => {
  const d = join(dir, n);
  await mkdir(d);
  return seedWebhookRun({ redisUrl, prefix: `${root}${n}:`, users, dir: d, linkSecret });
}));
const bots = [await startBot('this', process.cwd(), runs[0]!, standin, dir), await startBot('other', resolve(values.other), runs[1]!, standin, dir)];
let nextId = 1;
const fire = async (bot: Bot, count: number) => {
  const updates: PlannedUpdate[] = Array.from({ length: count }, (_, k) => {
    const b = bot.run.buyers[k % bot.run.buyers.length]!;
    const id = nextId++;
    return { updateId: id, body: commentUpdate(id, b), expectChat: b.sellerTelegramId };
  });
  const r = await fireUpdates({ url: bot.url, secret: SECRET, updates, concurrency: Number(values.concurrency), standin, timeoutMs: 120_000, pid: bot.child.proc.pid });
  await sleep(100);
  return r;
};
try {
  for (const bot of bots) await fire(bot, Number(values.warmup));
  await sleep(4500);
  const ratios: number[] = [];
  const cpu: Record<string, number[]> = { this: [], other: [] };
  for (let i = 0; i < Number(values.batches); i++) {
    const order = i % 2 === 0 ? bots : [...bots].reverse();
    const got: Record<string, number> = {};
    for (const bot of order) {
      const r = await fire(bot, Number(values.batch));
      got[bot.name] = r.cpuMsPerUpdate ?? NaN;
      cpu[bot.name]!.push(got[bot.name]!);
    }
    ratios.push(got.this! / got.other!);
    console.log(`batch ${i + 1}: this ${got.this!.toFixed(3)} other ${got.other!.toFixed(3)} ms/update, ratio ${(got.this! / got.other!).toFixed(3)}`);
  }
  console.log(`median ratio this/other ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}, ${ratios.length} pairs); median CPU ms/update this ${median(cpu.this!).toFixed(3)}, other ${median(cpu.other!).toFixed(3)}`);
} finally {
  await Promise.all(bots.map((b) => b.child.stop()));
  await standin.close();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${root}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
}

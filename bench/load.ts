import { Agent, request } from 'node:http';
import { BENCH_BOT } from './standin.js';
import type { LeanStandin } from './standin.js';
import { CARD_MESSAGE_ID, type BenchBuyer } from './seed.js';
import { cpuMsOf } from './processes.js';
import { quantile, round } from './stats.js';

/** One update to post, and the chat where its answer (or relay) must arrive for it to count as done. */
export interface PlannedUpdate {
  updateId: number;
  body: string;
  expectChat: number;
}

/** Throughput and latency of one round of load. */
export interface LoadResult {
  updates: number;
  completed: number;
  /** Non-2xx webhook answers. */
  httpErrors: number;
  durationMs: number;
  updatesPerSec: number;
  /** Posting an update → its message arriving at the stand-in, in ms. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Posting an update → the webhook's HTTP answer, in ms. */
  webhookP50Ms: number;
  webhookP99Ms: number;
  /** CPU time the bot's process used per completed update, in ms (from /proc; null elsewhere). */
  cpuMsPerUpdate: number | null;
}

const TAG = /K(\d+)Q/;

/** A buyer's comment on their case: a Telegram text message replying to the case card. */
export function commentUpdate(updateId: number, buyer: BenchBuyer): string {
  const date = Math.floor(Date.now() / 1000);
  const chat = { id: buyer.telegramId, type: 'private', first_name: 'Acheteur' };
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      date,
      chat,
      from: { id: buyer.telegramId, is_bot: false, first_name: 'Acheteur', language_code: 'fr' },
      text: `Toujours rien reçu, le suivi ne bouge plus. Pouvez-vous vérifier l'envoi ? réf K${updateId}Q`,
      reply_to_message: { message_id: CARD_MESSAGE_ID, date: date - 3600, chat, from: BENCH_BOT, text: 'Dossier' },
    },
  });
}

/**
 * Posts `updates` to `url` with `concurrency` requests in flight, and waits until the stand-in has received,
 * in each update's expected chat, a text carrying its tag (`K<update_id>Q`).
 */
export async function fireUpdates(opts: { url: string; secret: string; updates: PlannedUpdate[]; concurrency: number; standin: LeanStandin; timeoutMs: number; pid?: number }): Promise<LoadResult> {
  const { updates } = opts;
  const n = updates.length;
  const first = updates[0]?.updateId ?? 0;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const webhook = new Float64Array(n);
  let completed = 0;
  let httpErrors = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  opts.standin.onSend((chatId, text, at) => {
    const m = TAG.exec(text);
    if (!m) return;
    const i = Number(m[1]) - first;
    if (i < 0 || i >= n || ends[i] !== 0 || updates[i]!.expectChat !== chatId) return;
    ends[i] = at;
    if (++completed === n) allDone();
  });
  const cpuBefore = cpuMsOf(opts.pid);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const target = new URL(opts.url);
  const post = (i: number) =>
    new Promise<void>((resolve) => {
      const body = updates[i]!.body;
      starts[i] = performance.now();
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': opts.secret } },
        (res) => {
          res.resume();
          res.on('end', () => {
            webhook[i] = performance.now() - starts[i]!;
            if ((res.statusCode ?? 0) >= 300) httpErrors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        httpErrors++;
        resolve();
      });
      req.end(body);
    });
  let next = 0;
  const lane = async () => {
    while (next < n) await post(next++);
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.timeoutMs)));
  await Promise.race([Promise.all(Array.from({ length: Math.min(opts.concurrency, n) }, lane)).then(() => done), timeout]);
  clearTimeout(timer);
  agent.destroy();
  opts.standin.onSend(() => undefined);
  const cpuAfter = cpuMsOf(opts.pid);

  const startedAt = Math.min(...starts.filter((s) => s > 0));
  const finishedAt = completed > 0 ? Math.max(...ends) : performance.now();
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) if (ends[i]! > 0) latencies.push(ends[i]! - starts[i]!);
  const durationMs = finishedAt - startedAt;
  return {
    updates: n,
    completed,
    httpErrors,
    durationMs: round(durationMs),
    updatesPerSec: round((completed / durationMs) * 1000),
    latencyP50Ms: round(quantile(latencies, 0.5)),
    latencyP99Ms: round(quantile(latencies, 0.99)),
    webhookP50Ms: round(quantile([...webhook].filter((w) => w > 0), 0.5)),
    webhookP99Ms: round(quantile([...webhook].filter((w) => w > 0), 0.99)),
    cpuMsPerUpdate: cpuBefore !== null && cpuAfter !== null && completed > 0 ? round((cpuAfter - cpuBefore) / completed, 2) : null,
  };
}

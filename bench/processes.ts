import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request, type Agent } from 'node:http';
import { sleep } from './stats.js';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Environment variables of Palabre and of the platforms, never inherited by a bench child (a developer's .env shell stays out). */
const APP_VARS = /^(PORT|HOST|REDIS_|MARKETPLACE_|ADMIN_TOKEN|LINK_SECRET|DEFAULT_|BLOB_DIR|PLAYGROUND|DEMO_|LOG_LEVEL|POLICY_|TELEGRAM_|DISCORD_|Microsoft|TEAMS_|BENCH_)/;

/** The bench process's environment without Palabre's own variables, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !APP_VARS.test(k)));
  return { ...base, ...extra };
}

export interface Child {
  proc: ChildProcess;
  logFile: string;
  /** Stops the process (SIGTERM, then SIGKILL after `graceMs`) and waits for it to exit. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines of its output, for error messages. */
  tail(lines?: number): string;
}

const live = new Set<Child>();

/** Stops every child still running (an interrupted run). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop(2000)));
}

/** Starts `argv` (argv[0] is the program) with output to `logFile`. */
export function startChild(argv: string[], env: NodeJS.ProcessEnv, logFile: string): Child {
  // The child writes its logs straight to the file: piping them through the bench would cost the bench CPU.
  const fd = openSync(logFile, 'w');
  const proc = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    proc,
    logFile,
    async stop(graceMs = 10_000) {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
    },
    tail(lines = 20) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
  live.add(child);
  return child;
}

/** GET `url`; the status code, or 0 when nothing answers. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Polls `url` every `everyMs` until it answers 200; ms from `since` (performance.now()) to that answer. Throws when the child exits first. */
export async function waitHealthy(url: string, child: Child, since: number, timeoutMs = 60_000, everyMs = 10): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`child exited with code ${child.proc.exitCode} before ${url} answered:\n${child.tail()}`);
    if ((await httpStatus(url)) === 200) return performance.now() - since;
    await sleep(everyMs);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.tail()}`);
}

/** `node --import tsx <script>`: one process (unlike the tsx CLI), so node flags such as --cpu-prof apply to it. */
export function tsxNode(script: string, nodeFlags: string[] = []): string[] {
  return [process.execPath, ...nodeFlags, '--import', 'tsx', script];
}

/** CPU time (user + system) a process has used so far, in ms, from /proc; null where there is no /proc. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc times are in these ticks per second (100 on every mainstream architecture). */
const CLOCK_TICKS = 100;

/**
 * POSTs a Telegram update to a webhook as Telegram would (the secret-token header): the status, or 0 when the
 * connection failed or `timeoutMs` (30 s) passed without an answer (the client hangs up).
 */
export function postWebhook(agent: Agent, url: string, body: string, secret: string, timeoutMs = 30_000): Promise<number> {
  return new Promise<number>((resolve) => {
    const target = new URL(url);
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': secret } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

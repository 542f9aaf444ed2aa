/**
 * Blind SPEC probe (sections 2, 4, 5, 6, 7): helpers that start the real bot as a child process, as an operator
 * would (`node --import tsx src/main.ts`, configuration from the environment and `.env`), and talk to it over HTTP.
 * Written from ../shared/SPEC.md, README.md and docs/ only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStream } from '../adapters/web/harness.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN = join(ROOT, 'src/main.ts');
export const SPEC_MARKETPLACE = join(ROOT, 'test/spec-probe/spec-marketplace.json');
/** tsx's loader by absolute URL: the bot runs in a working directory of its own (for its `.env`). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export const freePort = () =>
  new Promise<number>((done) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => done(port));
    });
  });

const scratches: string[] = [];
/** Removes the scratch folders made so far (each test file's afterAll, once its processes stopped). */
export function removeScratches(): void {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh scratch folder (its own working directory, blob folder, files); see removeScratches. */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'palabre-spec-probe-'));
  scratches.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The environment of a clean shell: nothing of the test runner's (its REDIS_URL, tokens) leaks in. */
export function cleanEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  if (process.env.TMPDIR) base.TMPDIR = process.env.TMPDIR;
  return { ...base, ...vars };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Non-empty lines of stdout and stderr together, as an operator's terminal shows them. */
  lines: string[];
  timedOut: boolean;
}

/** Runs the bot with `vars` and waits for it to stop (or kills it after `timeoutMs`). */
export function runToExit(vars: Record<string, string>, opts: { cwd?: string; timeoutMs?: number; args?: string[]; script?: string } = {}): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', TSX, opts.script ?? MAIN, ...(opts.args ?? [])], {
      cwd: opts.cwd ?? scratch(),
      env: cleanEnv(vars),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 15_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setTimeout(() => {
        const lines = `${stdout}\n${stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
        done({ code, signal, stdout, stderr, lines, timedOut });
      }, 50);
    });
  });
}

export interface Bot {
  child: ChildProcess;
  base: string;
  port: number;
  out: () => string;
  stop: () => Promise<void>;
}

/** Starts the bot and waits until `/healthz` answers 200. */
export async function startBot(vars: Record<string, string>, opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Bot> {
  const port = Number(vars.PORT ?? (await freePort()));
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: opts.cwd ?? scratch(),
    env: cleanEnv({ ...vars, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`the bot stopped at start:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not answer /healthz:\n${out}`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    child,
    base,
    port,
    out: () => out,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** fetch + JSON, with a bearer token when given. */
export async function call(base: string, path: string, init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The playground's server-sent events for one pane (the web adapter tests' reader), waits bounded to 10 s by default. */
export async function paneEvents(base: string, pane: string, cookie: string) {
  const stream = await openStream(base, pane, undefined, cookie);
  return { ...stream, until: (match: (e: any) => boolean, from = 0, timeoutMs = 10_000): Promise<any> => stream.until(match, from, timeoutMs) };
}

/** A playground pane driven over HTTP, as the page's script does. */
export async function openPane(base: string, role: 'buyer' | 'seller' | 'support', accountId: string) {
  let cookie = '';
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const made = await post('/playground/panes', { role, accountId, lang: 'fr' });
  if (made.status !== 200) throw new Error(`pane: ${made.status} ${JSON.stringify(made.json)}`);
  const pane = made.json.pane as string;
  const stream = await paneEvents(base, pane, cookie);
  /** What a person reads of a bot message (French view): its text, and its card's title and lines when it has one. */
  const botText = (e: any): string => {
    const v = e.views?.fr;
    if (!v) return e.text ?? '';
    return [v.text ?? '', v.card?.title ?? '', ...(v.card?.lines ?? [])].filter(Boolean).join('\n');
  };
  return {
    pane,
    stream,
    botText,
    say: (text: string) => post('/playground/turn', { pane, text }),
    press: (token: string) => post('/playground/turn', { pane, action: token }),
    /** Waits for a bot message offering a choice whose French label matches, from event index `from`; presses it. */
    async pressLabel(label: RegExp, from = 0, timeoutMs = 10_000) {
      const e = await stream.until((x) => x.kind === 'bot' && (x.views?.fr?.choices ?? []).some((c: any) => label.test(c.label)), from, timeoutMs);
      const choice = e.views.fr.choices.find((c: any) => label.test(c.label));
      const at = stream.events.length;
      const res = await post('/playground/turn', { pane, action: choice.token });
      if (res.status !== 200) throw new Error(`press ${choice.label}: ${res.status} ${JSON.stringify(res.json)}`);
      return at;
    },
    /** Says `text` and returns what the bot answered this pane (French views), once it has been quiet a moment. */
    async ask(text: string, opts: { timeoutMs?: number; settleMs?: number } = {}): Promise<string> {
      const from = stream.events.length;
      await post('/playground/turn', { pane, text });
      try {
        await stream.until((x) => x.kind === 'bot', from, opts.timeoutMs ?? 8000);
      } catch {
        return '';
      }
      await new Promise((r) => setTimeout(r, opts.settleMs ?? 400));
      return stream.events.slice(from).filter((x) => x.kind === 'bot').map(botText).join('\n');
    },
    close: () => stream.close(),
  };
}

/** Telegram, as a user writes to the bot: posts the update to the webhook, returns the bot's texts to that chat. */
export async function telegramSay(
  base: string,
  standin: import('../support/telegram-standin.js').TelegramStandin,
  secret: string,
  userId: number,
  text: string,
  opts: { settleMs?: number; timeoutMs?: number } = {},
): Promise<{ status: number; texts: string[] }> {
  const user = { id: userId, first_name: `User${userId}`, language_code: 'fr' };
  const chat = { id: userId, type: 'private' as const, first_name: user.first_name };
  const from = standin.calls.length;
  const update = standin.build.text(user, chat, text);
  const res = await fetch(`${base}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  await res.text();
  const mine = (c: { method: string; params: Record<string, any> }) => /^send|^edit/.test(c.method) && String(c.params.chat_id) === String(userId);
  try {
    await standin.waitForCall('sendMessage', (c) => mine(c), { from, timeoutMs: opts.timeoutMs ?? 10_000 });
  } catch {
    return { status: res.status, texts: [] };
  }
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 300));
  const texts = standin.calls.slice(from).filter(mine).map((c) => String(c.params.text ?? c.params.caption ?? ''));
  return { status: res.status, texts };
}

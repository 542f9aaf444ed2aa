/**
 * `npm start` (scripts/start.mjs) runs the compiled build when it is current, else the TypeScript sources through tsx:
 * a newcomer's first start after `npm install` is the quick one, and a developer's edit is never run stale.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without declarations
import { startEntry } from '../scripts/start-entry.mjs';

type Entry = { from: 'build' | 'sources'; entry: string; why?: string };
const choose = startEntry as (root: string) => Entry;

describe('which entry npm start runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'palabre-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (path: string, secondsAgo: number) => {
    const file = join(root, path);
    const made = mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(file, t, t);
    // Its folder changed then too, and the folders made for it (a file added or removed changes its folder's time,
    // which the choice reads).
    for (let d = dirname(file); d.length >= (made ?? dirname(file)).length; d = dirname(d)) utimesSync(d, t, t);
  };
  /** An existing file edited: its time changes, its folder's does not. */
  const edit = (path: string, secondsAgo: number) => {
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(join(root, path), t, t);
  };

  it('the sources while there is no build, the build once it is newer than every source, the sources again after an edit', () => {
    at('src/main.ts', 100);
    at('adapters/telegram/index.ts', 100);
    at('tsconfig.json', 100);
    at('adapters/web/static/app.js', 100);
    expect(choose(root)).toMatchObject({ from: 'sources', why: 'no build' });
    at('dist/src/main.js', 50);
    expect(choose(root)).toMatchObject({ from: 'sources', why: 'no build' }); // compiled, but the build did not finish
    at('dist/.built', 50);
    expect(choose(root)).toEqual({ from: 'build', entry: join(root, 'dist', 'src', 'main.js') });
    // The playground's static files are served as they are, not compiled: changing one does not make the build stale.
    edit('adapters/web/static/app.js', 10);
    expect(choose(root).from).toBe('build');
    edit('adapters/telegram/index.ts', 10);
    expect(choose(root)).toMatchObject({ from: 'sources', why: 'build older than the sources' });
    at('dist/.built', 5);
    at('src/app/new-module.ts', 2); // a file added
    expect(choose(root).from).toBe('sources');
    at('dist/.built', 1.5);
    expect(choose(root).from).toBe('build');
    edit('tsconfig.json', 1);
    expect(choose(root).from).toBe('sources');
  });
});

describe('npm start in this checkout', () => {
  let child: ReturnType<typeof spawn> | undefined;
  afterEach(() => void child?.kill('SIGTERM'));

  it('starts the embedded mode from what startEntry chose, and says which in its « listening » log line', async () => {
    const chosen = choose(process.cwd());
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(p));
      });
    });
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: String(port), HOST: '', REDIS_URL: '', TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_ENABLED: '', LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`Open the playground: http://localhost:${port}/`);
    const listening = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; running?: string }).find((l) => l.msg === 'palabre is listening');
    expect(listening?.running, `startEntry chose ${chosen.from}${chosen.why ? ` (${chosen.why})` : ''}`).toBe(chosen.from);
  });
});

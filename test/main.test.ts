import { spawn } from 'node:child_process';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

describe('npm start with nothing configured', () => {
  let child: ReturnType<typeof spawn> | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
  });

  it('runs the embedded mode: warns that nothing survives a restart, says where the playground is, and serves it', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '', REDIS_URL: '', TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_ENABLED: '' },
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 20_000;
    // Both lines, in whichever order they come out (the log's writes are its own, not process.stdout's).
    while (!(out.includes(`http://localhost:${port}/`) && /embedded mode.*nothing survives a restart/.test(out)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    expect(out).toContain(`Open the playground: http://localhost:${port}/`);
    expect(out).toMatch(/embedded mode.*nothing survives a restart/);
    // Safe by default: with HOST unset the embedded mode listens on the loopback only, and says so.
    expect(out).toContain('It listens on 127.0.0.1 only: other machines cannot reach it (set HOST=0.0.0.0 to allow them).');
    const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (outside) {
      await expect(fetch(`http://${outside.address}:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="fr">');
    const accounts = await fetch(`http://127.0.0.1:${port}/playground/accounts`);
    expect(JSON.stringify(await accounts.json())).toContain('Amina K.');
  });

  it('starts without loading what only Redis, a photo or S3 storage needs (BullMQ, sharp, the AWS SDK: some 0.6 s of CPU a start)', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/support/loaded-packages.mjs', 'src/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '', REDIS_URL: '', BLOB_URL: '', TELEGRAM_BOT_TOKEN: '', DISCORD_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_ENABLED: '', LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGUSR2');
    while (!out.includes('LOADED_PACKAGES') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const loaded = JSON.parse(/LOADED_PACKAGES (.*)/.exec(out)![1]!) as string[];
    // What it does need is seen loaded (the list is read the way these packages load)…
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'ioredis', 'prom-client']));
    // …and not these, which the embedded mode never uses.
    expect(loaded.filter((p) => /^(?:bullmq|sharp|@img\/|@aws-sdk\/|@smithy\/)/.test(p))).toEqual([]);
  });
});

describe('started from another working directory (the folder of its .env)', () => {
  it('finds the locales next to the code, not in the working directory', async () => {
    const { localesDir } = await import('../src/compose.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { resolve } = await import('node:path');
    const cwd = process.cwd();
    process.chdir(mkdtempSync(`${tmpdir()}/palabre-cwd-`));
    try {
      expect(localesDir()).toBe(resolve(import.meta.dirname, '../locales'));
    } finally {
      process.chdir(cwd);
    }
  });
});

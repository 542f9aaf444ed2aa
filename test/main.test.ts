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
    while (!out.includes(`http://localhost:${port}/`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

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
});

#!/usr/bin/env node
// Runs a command with REDIS_URL pointing at a Redis that answers: REDIS_URL if set, else
// 127.0.0.1:6379, else a private redis-server started on a free port for this run only.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-redis.mjs <command> [args...]');
  process.exit(2);
}

/** Resolves true when a Redis at host:port answers PING within a second. */
function pings(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG') || d.toString().startsWith('-NOAUTH')));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function main() {
  const env = { ...process.env };
  let child = null;
  let dir = null;
  if (!env.REDIS_URL) {
    if (await pings('127.0.0.1', 6379)) {
      env.REDIS_URL = 'redis://127.0.0.1:6379';
    } else {
      const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
      if (which.status !== 0) {
        console.error('No Redis answers on 127.0.0.1:6379 and redis-server is not installed: install it (apt-get install redis-server) or set REDIS_URL.');
        process.exit(1);
      }
      const port = await freePort();
      dir = mkdtempSync(join(tmpdir(), 'palabre-redis-'));
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      for (let i = 0; i < 50 && !(await pings('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
      env.REDIS_URL = `redis://127.0.0.1:${port}`;
    }
  }
  const run = spawn(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const stop = () => { child?.kill(); if (dir) rmSync(dir, { recursive: true, force: true }); };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => run.kill(sig));
  run.on('exit', (code, signal) => { stop(); process.exit(code ?? (signal ? 1 : 0)); });
}

main();

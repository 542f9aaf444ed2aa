import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// hadolint is in neither Debian's archive nor the npm registry here, so the Dockerfile's promises are checked by parsing it.
const repo = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repo), 'utf8');

type Instruction = { op: string; args: string };
function instructions(dockerfile: string): Instruction[] {
  return dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

/** Runs the HEALTHCHECK's command with `node` against `port`; resolves to its exit code. */
function runHealthcheck(cmd: string[], port: number): Promise<number> {
  expect(cmd[0]).toBe('node');
  const child = spawn(process.execPath, cmd.slice(1), { env: { ...process.env, PORT: String(port) }, timeout: 10_000, stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
}

describe('Dockerfile', () => {
  const steps = instructions(read('Dockerfile'));
  const stages = steps.filter((s) => s.op === 'FROM');
  const final = steps.slice(steps.lastIndexOf(stages.at(-1)!));

  it('builds in one stage and runs from a second, both on Node 24 slim, with npm ci, the build and a prune', () => {
    expect(stages.length).toBe(2);
    for (const s of stages) expect(s.args).toMatch(/^node:24-slim\b/);
    const run = steps.filter((s) => s.op === 'RUN').map((s) => s.args).join('\n');
    expect(run).toContain('npm ci');
    expect(run).toContain('npm run build');
    expect(run).toMatch(/npm prune --omit=dev/);
    expect(final.at(-1)).toEqual({ op: 'CMD', args: '["node", "dist/src/main.js"]' });
  });

  it('has the build script in place before npm ci, which runs it as the package\'s prepare step', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const script = /node (scripts\/[\w.-]+)/.exec(pkg.scripts.prepare ?? '')?.[1];
    expect(script).toBe('scripts/build.mjs');
    const copied = steps.findIndex((s) => s.op === 'COPY' && s.args.split(/\s+/).includes(script!));
    const install = steps.findIndex((s) => s.op === 'RUN' && s.args.includes('npm ci'));
    expect(copied).toBeGreaterThanOrEqual(0);
    expect(copied).toBeLessThan(install);
  });

  it('copies only what exists in the repository', () => {
    for (const s of steps.filter((x) => x.op === 'COPY' && !x.args.startsWith('--from'))) {
      const sources = s.args.split(/\s+/).slice(0, -1);
      for (const src of sources) expect(existsSync(new URL(src, repo)), src).toBe(true);
    }
  });

  it('runs as the unprivileged node user with a writable /app/data volume holding BLOB_DIR', () => {
    const user = final.filter((s) => s.op === 'USER').at(-1);
    expect(user?.args).toBe('node');
    const env = final.filter((s) => s.op === 'ENV').map((s) => s.args).join(' ');
    expect(env).toMatch(/BLOB_DIR=\/app\/data\//);
    expect(final.find((s) => s.op === 'VOLUME')?.args).toBe('["/app/data"]');
    const prepare = final.find((s) => s.op === 'RUN' && s.args.includes('/app/data'));
    expect(prepare?.args).toMatch(/mkdir -p \/app\/data\/blobs && chown -R node:node \/app\/data/);
    // The ownership is set before dropping privileges.
    expect(final.indexOf(prepare!)).toBeLessThan(final.indexOf(user!));
  });

  it('declares a HEALTHCHECK on /healthz that needs only node, and fails when the server does not answer', async () => {
    const hc = final.find((s) => s.op === 'HEALTHCHECK');
    expect(hc).toBeTruthy();
    expect(hc!.args).not.toMatch(/curl|wget/);
    const cmd = JSON.parse(hc!.args.slice(hc!.args.indexOf('CMD') + 3).trim()) as string[];
    expect(cmd.join(' ')).toContain('/healthz');

    const server = createServer((req, res) => {
      res.statusCode = req.url === '/healthz' ? 200 : 404;
      res.end('{"status":"ok"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      expect(await runHealthcheck(cmd, port)).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await runHealthcheck(cmd, port)).toBe(1);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; volumes?: string[]; depends_on?: Record<string, unknown> }>;
    volumes: Record<string, unknown>;
  };

  it('runs Redis with its append-only file on, on a volume', () => {
    const redis = compose.services.redis!;
    expect(redis.image).toMatch(/^redis:/);
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('runs two Palabre processes from this Dockerfile on that Redis, sharing the evidence volume', () => {
    const palabre = Object.entries(compose.services).filter(([, s]) => s.build === '.');
    expect(palabre.length).toBe(2);
    const mounts = new Set<string>();
    for (const [name, s] of palabre) {
      expect(s.environment?.REDIS_URL, name).toBe('redis://redis:6379');
      expect(s.environment?.LINK_SECRET, name).toMatch(/^\$\{LINK_SECRET:\?/);
      expect(s.depends_on, name).toHaveProperty('redis');
      const blobDir = s.environment?.BLOB_DIR ?? '';
      const mount = s.volumes?.find((v) => blobDir.startsWith(v.split(':')[1]!));
      expect(mount, `${name} mounts a volume over BLOB_DIR`).toBeTruthy();
      mounts.add(mount!);
    }
    expect(mounts.size, 'both processes share one evidence volume').toBe(1);
  });

  it('declares every named volume it mounts', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes, `${name}: ${source}`).toHaveProperty(source);
      }
    }
  });
});

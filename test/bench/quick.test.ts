import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECTIONS = ['webhook', 'redis', 'reminders', 'startup', 'understanding'] as const;

/** Runs `bench/run.ts` the way `npm run bench` does (tsx), with `env` on top of this process's environment. */
function runBench(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --quick', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('runs every section to completion, writes each to its JSON, prints the targets and leaves no key behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'palabre-bench-test-'));
    dirs.push(dir);
    const out = join(dir, 'quick.json');
    const { code, stdout, stderr } = await runBench(['--quick', '--out', out], { REDIS_URL });
    expect(code, stderr).toBe(0);

    const result = JSON.parse(await readFile(out, 'utf8'));
    for (const section of SECTIONS) {
      expect(result[section], section).toBeTypeOf('object');
      expect(result[section], section).not.toHaveProperty('error');
      expect(result[section], section).not.toHaveProperty('skipped');
    }
    // Every update posted reached its recipient, on both bots: a round that lost messages measures nothing.
    for (const round of result.webhook.rounds) {
      expect(round.palabre.completed).toBe(round.palabre.updates);
      expect(round.baseline.completed).toBe(round.baseline.updates);
      expect(round.palabre.httpErrors).toBe(0);
    }
    expect(result.redis.turn.turn.roundTrips).toBeGreaterThan(0);
    expect(result.redis.memory.bytesPerCase).toBeGreaterThan(0);
    expect(result.reminders.fired).toBe(result.reminders.measured);
    expect(result.reminders.duplicates).toBe(0);
    expect(result.startup.runs.length).toBeGreaterThan(0);
    expect(result.understanding.heldOut.overall.n).toBeGreaterThan(100);
    expect(result.understanding.actionsToCase.orderNamed.median).toBeLessThanOrEqual(3);
    // Understanding's report: accuracy per language, label and style, the confusion matrix and µs per message.
    expect(Object.keys(result.understanding.heldOut.byLang).sort()).toEqual(['en', 'fr', 'ln', 'mixed', 'sw']);
    expect(result.understanding.heldOut.byLabel.non_delivery.n).toBeGreaterThan(0);
    expect(result.understanding.microsPerMessage).toBeGreaterThan(0);
    for (const text of ['| language | held out |', '| label | messages |', '| style | held out |', 'Confusion on the held-out split', 'µs per message']) expect(stdout).toContain(text);
    expect(result.targets.map((t: { id: string }) => t.id)).toEqual([
      'webhook-ratio',
      'redis-round-trips',
      'relay-round-trips',
      'redis-bytes',
      'reminder-lag',
      'embedded-start',
      'understanding-accuracy',
      'understanding-accuracy-ln',
      'understanding-accuracy-sw',
      'understanding-dead-ends',
      'understanding-speed',
      'actions-to-case',
    ]);
    expect(result.meta.machine.cpus).toBeGreaterThan(0);
    expect(stdout).toContain('| target | goal | measured |');

    const prefix = /keys under (bench:[0-9a-f]+:)/.exec(stderr)?.[1];
    expect(prefix, stderr).toBeDefined();
    const redis = new Redis(REDIS_URL);
    try {
      const left: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 10_000);
        cursor = next;
        left.push(...keys);
      } while (cursor !== '0');
      expect(left).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 240_000);

  it('says plainly that it needs a Redis when none answers', async () => {
    const { code, stderr } = await runBench(['--quick', '--out', join(tmpdir(), 'never-written.json')], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no Redis answers at redis:\/\/127\.0\.0\.1:1/);
  }, 30_000);

  // What understanding prints is checked on the quick run above: it used to be run a second time here (--only
  // understanding, a minute of training and classifying on a loaded machine) for the same tables.
  it('--only runs the sections named and nothing else: the others are marked skipped and not printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'palabre-bench-test-'));
    dirs.push(dir);
    const out = join(dir, 'reminders.json');
    const { code, stdout, stderr } = await runBench(['--quick', '--only', 'reminders', '--out', out], { REDIS_URL });
    expect(code, stderr).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result.reminders.fired).toBe(result.reminders.measured);
    for (const section of SECTIONS.filter((s) => s !== 'reminders')) expect(result[section], section).toEqual({ skipped: true });
    expect(stdout).toMatch(/2000 reminders pending[^\n]*\n\s+fired 2000 \(0 twice, 0 never\)/);
    for (const text of ['| language | held out |', 'µs per message', '| round | case entries |']) expect(stdout).not.toContain(text);
  }, 120_000);
});

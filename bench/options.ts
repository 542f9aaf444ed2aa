import { parseArgs } from 'node:util';

/** What `npm run bench -- <flags>` can change. */
export interface BenchOptions {
  quick: boolean;
  updates: number;
  users: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  /** Cases in the Redis memory sample. */
  memoryCases: number;
  reminders: number;
  /** Reminders fall due evenly over this many seconds. */
  reminderWindowS: number;
  startupRuns: number;
  logLevel: string;
  profile: boolean;
  /** Where the JSON goes; default bench/results/<timestamp>.json plus bench/results/latest.json. */
  out: string | null;
  /** Sections to run (default all): webhook, redis, reminders, startup, understanding, processes. */
  only: string[];
  /** Section processes: offered rates (updates/s), tried in order until one breaks, each for rateSeconds. */
  rates: number[];
  rateSeconds: number;
}

export const SECTIONS = ['webhook', 'redis', 'reminders', 'startup', 'understanding', 'processes'] as const;

const USAGE = `usage: npm run bench -- [--quick] [--updates N] [--users U] [--concurrency C] [--rounds R] [--warmup N]
       [--memory-cases N] [--reminders N] [--reminder-window S] [--startup-runs N] [--log-level L] [--profile]
       [--rates 25,50,100 --rate-seconds S] [--only webhook,redis,reminders,startup,understanding,processes] [--out file.json]`;

function positive(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected an integer ≥ ${min}, got "${raw}"\n${USAGE}`);
  return n;
}

/** Parses the command line; the quick smoke run shrinks every default so that CI can afford it. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      updates: { type: 'string' },
      users: { type: 'string' },
      concurrency: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      'memory-cases': { type: 'string' },
      reminders: { type: 'string' },
      'reminder-window': { type: 'string' },
      'startup-runs': { type: 'string' },
      'log-level': { type: 'string' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
      rates: { type: 'string' },
      'rate-seconds': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const q = values.quick === true;
  // The quick smoke run leaves out the three-process section (three more processes to start): ask for it with --only.
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS.filter((s) => !q || s !== 'processes');
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--only: unknown section ${unknown.join(', ')}\n${USAGE}`);
  const users = positive('users', values.users, q ? 20 : 200);
  return {
    quick: q,
    updates: positive('updates', values.updates, q ? 100 : 2000),
    users,
    concurrency: positive('concurrency', values.concurrency, q ? 8 : 32),
    rounds: positive('rounds', values.rounds, q ? 1 : 3),
    warmup: positive('warmup', values.warmup, q ? 20 : 1000, 0),
    memoryCases: positive('memory-cases', values['memory-cases'], q ? 200 : 10_000),
    reminders: positive('reminders', values.reminders, q ? 2000 : 1_000_000),
    reminderWindowS: positive('reminder-window', values['reminder-window'], q ? 2 : 20),
    startupRuns: positive('startup-runs', values['startup-runs'], q ? 1 : 3),
    logLevel: values['log-level'] ?? 'info',
    profile: values.profile === true,
    out: values.out ?? null,
    only,
    rates: (values.rates ?? (q ? '20,40' : '25,50,75,100,150,200,300')).split(',').map((r) => positive('rates', r.trim(), 1)),
    rateSeconds: positive('rate-seconds', values['rate-seconds'], q ? 5 : 20),
  };
}

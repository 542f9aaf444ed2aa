/**
 * `npx tsx bench/stall-probe.ts [--min 50] [--timeout 8000]`: how long one message can hold a process's event loop in
 * the pure text code. Two passes over the adversarial texts of stall-inputs.ts (4,096 and MAX_TEXT_LENGTH characters):
 *  - every regex literal in src/domain, src/app (engine included), src/http and adapters/, run as the code runs it (`test`, or every match
 *    when global);
 *  - every exported function of the text modules that takes a text first (order references, cues, classifier, language,
 *    number words, typed answers, seller and support words…).
 * Prints what took more than --min ms (default 50). Each run goes in a child process that is killed after --timeout ms,
 * so a regex that would backtrack for hours shows as `>= timeout` instead of hanging the probe.
 * The whole-turn figures (engine in process) are test/app/engine/stall-probe.test.ts, with PALABRE_PROBE_ALL=1.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { adversarialTexts, PROBE_LENGTHS } from './stall-inputs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCAN = ['src/domain', 'src/app', 'src/http', 'adapters'];

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(ROOT, p)).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every regex literal of the scanned files: where it is and its source. */
export function regexLiterals(): Array<{ where: string; source: string; flags: string }> {
  const out: Array<{ where: string; source: string; flags: string }> = [];
  for (const file of SCAN.flatMap(tsFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = n.getText(sf);
        const end = lit.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
        out.push({ where: `${file}:${line}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** Text modules whose exported functions take the text first; extra arguments for those that need more. */
const FN_MODULES = [
  'src/app/engine/order-ref.ts', 'src/app/engine/intent.ts', 'src/app/engine/typed-answers.ts', 'src/app/engine/seller-words.ts',
  'src/app/engine/support-words.ts', 'src/app/engine/understanding/cues.ts', 'src/app/engine/understanding/features.ts',
  'src/app/engine/understanding/classifier.ts', 'src/app/number-words.ts', 'src/app/language.ts', 'src/app/format.ts',
  'src/domain/text.ts', 'src/domain/address.ts', 'src/app/engine/case-arg.ts', 'src/app/engine/command-args.ts',
  'src/app/engine/flows/long-parts.ts', 'src/app/engine/flows/onboarding.ts', 'src/app/engine/flows/proof.ts',
  'src/app/engine/flows/case-ops.ts', 'src/app/engine/flows/case-thread.ts', 'src/app/engine/flows/buyer-report.ts',
];
const SKIP = /^(?:create|train|prepare|default|languageDetectorFrom|helpBody|prefetch|register|run|handle|on[A-Z]|lastNudge|shopPolicy|placeText|addressText)/;

type Job = { kind: 'regex'; index: number; input: number; length: number } | { kind: 'fn'; index: number; input: number; length: number };

async function child(): Promise<void> {
  const orders = [
    { id: 'CC-1001', placedAt: '2026-11-01T10:00:00Z', items: [{ title: 'Pagne wax 6 yards', quantity: 1, unitPrice: { amount: 4500000, currency: 'CDF' } }], total: { amount: 4500000, currency: 'CDF' } },
    { id: 'CC-1002', placedAt: '2026-11-05T10:00:00Z', items: [{ title: 'Chemise en bazin brodée', quantity: 2 }] },
    { id: 'CC-1003', placedAt: '2026-11-08T10:00:00Z', items: [{ title: 'Sac en raphia tressé' }] },
  ];
  const aCase = { id: 'C-000001', orderId: 'CC-1001', status: 'open', reason: 'non_delivery', buyerId: 'acc-amina', sellerId: 'acc-bisou', timeline: [], order: { total: { amount: 4500000, currency: 'CDF' } } };
  const extras: Record<string, unknown[]> = {
    findOrderRef: [orders, 'Africa/Kinshasa', '2026-11-10T09:00:00Z'],
    correctedOrderRef: [orders, 'Africa/Kinshasa', '2026-11-10T09:00:00Z'],
    caseRefOf: [[{ id: 'C-000001', orderId: 'CC-1001' }]],
    refundOutsideInWords: [0],
    saysOnlyTrouble: [['Pagne wax 6 yards', 'Sac en raphia tressé']],
    classifyWithOrder: [true],
    continuesDescription: [{ description: 'rien reçu', at: '2026-11-10T09:00:00Z' }, '2026-11-10T09:00:10Z'],
    amountOf: [aCase],
    disputesClosing: [aCase],
    decide: [],
  };
  const { languageDetectorFromLocales } = await import('../src/app/language.js');
  const { defaultClassifier, decide } = await import('../src/app/engine/understanding/classifier.js');
  const detector = languageDetectorFromLocales(join(ROOT, 'locales'));
  const model = defaultClassifier();
  const fns: Array<[string, (t: string) => unknown]> = [
    ['language.detect', (t) => detector.detect(t)],
    ['classifier.rank', (t) => model.rank(t)],
    ['classifier.decide', (t) => decide(model, t)],
  ];
  for (const file of FN_MODULES) {
    const mod = (await import(join(ROOT, file))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'function' || SKIP.test(name) || /^[A-Z]/.test(name) || name === 'decide') continue;
      const f = v as (...a: unknown[]) => unknown;
      fns.push([`${file.replace(/^src\//, '')}#${name}`, (t) => f(t, ...(extras[name] ?? []))]);
    }
  }
  const regexes = regexLiterals();
  const inputs = new Map(PROBE_LENGTHS.map((l) => [l, adversarialTexts(l)]));
  const send = (m: unknown) => process.send!(m);
  send({ ready: true, regexes: regexes.length, fns: fns.map(([n]) => n), inputs: adversarialTexts(10).map(([n]) => n) });
  process.on('message', (job: Job) => {
    const [name, text] = inputs.get(job.length as (typeof PROBE_LENGTHS)[number])![job.input]!;
    let what: string;
    const t0 = performance.now();
    try {
      if (job.kind === 'regex') {
        const r = regexes[job.index]!;
        what = `${r.where} /${r.source}/${r.flags}`;
        const re = new RegExp(r.source, r.flags);
        if (re.global) for (const _ of text.matchAll(re)) void _;
        else re.test(text);
      } else {
        what = fns[job.index]![0];
        const out = fns[job.index]![1](text);
        if (out instanceof Promise) out.catch(() => {});
      }
    } catch {
      what = job.kind === 'fn' ? fns[job.index]![0] : 'regex';
    }
    send({ done: true, ms: performance.now() - t0, what, input: name });
  });
}

async function main(): Promise<void> {
  const arg = (k: string, d: number) => {
    const i = process.argv.indexOf(k);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
  };
  const min = arg('--min', 50);
  const timeout = arg('--timeout', 8000);
  const self = fileURLToPath(import.meta.url);
  let meta: { regexes: number; fns: string[]; inputs: string[] } | undefined;
  const jobs: Job[] = [];
  const slow: Array<{ what: string; input: string; length: number; ms: number }> = [];
  const worst = new Map<string, { input: string; length: number; ms: number }>();
  let cursor = 0;
  const startChild = () =>
    new Promise<void>((resolve) => {
      const c = fork(self, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        if (cursor >= jobs.length) {
          c.kill();
          resolve();
          return;
        }
        const job = jobs[cursor]!;
        timer = setTimeout(() => {
          const what = job.kind === 'fn' ? meta!.fns[job.index]! : `regex #${job.index}`;
          slow.push({ what, input: meta!.inputs[job.input]!, length: job.length, ms: timeout });
          cursor++;
          c.kill('SIGKILL');
          void startChild().then(resolve);
        }, timeout);
        c.send(job);
      };
      c.on('message', (m: { ready?: boolean; done?: boolean; regexes: number; fns: string[]; inputs: string[]; ms: number; what: string; input: string }) => {
        if (m.ready) {
          if (!meta) {
            meta = m;
            for (const length of PROBE_LENGTHS)
              for (let input = 0; input < m.inputs.length; input++) {
                for (let index = 0; index < m.regexes; index++) jobs.push({ kind: 'regex', index, input, length });
                for (let index = 0; index < m.fns.length; index++) jobs.push({ kind: 'fn', index, input, length });
              }
          }
          next();
          return;
        }
        clearTimeout(timer);
        const job = jobs[cursor]!;
        cursor++;
        const w = worst.get(m.what);
        if (!w || w.ms < m.ms) worst.set(m.what, { input: m.input, length: job.length, ms: m.ms });
        if (m.ms >= min) slow.push({ what: m.what, input: m.input, length: job.length, ms: m.ms });
        next();
      });
    });
  await startChild();
  console.log(`regex literals: ${meta!.regexes}, text functions: ${meta!.fns.length}, inputs: ${meta!.inputs.length} × ${PROBE_LENGTHS.join(', ')} chars`);
  console.log(`\nRuns above ${min} ms (what | input | length | ms):`);
  for (const s of slow.sort((a, b) => b.ms - a.ms)) console.log(`${s.what} | ${s.input} | ${s.length} | ${Math.round(s.ms)}`);
  console.log('\nWorst run of each text function:');
  for (const [what, w] of [...worst].filter(([k]) => !k.includes(' /')).sort((a, b) => b[1].ms - a[1].ms).slice(0, 40))
    console.log(`${what} | ${w.input} | ${w.length} | ${w.ms.toFixed(1)}`);
}

if (process.argv.includes('--child')) void child();
else void main().then(() => process.exit(0));
void relative;

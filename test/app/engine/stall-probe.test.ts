/**
 * By hand (PALABRE_PROBE_ALL=1 npx vitest run test/app/engine/stall-probe.test.ts): how long one turn holds the engine
 * on texts built to make regexes backtrack (bench/stall-inputs.ts), through every way a text comes in. Prints the worst
 * turn of each entry point; timing, so never asserted in CI (test/app/engine/stall-caps.test.ts holds the fixes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../../src/domain/text.js';
import { adversarialTexts, PROBE_LENGTHS } from '../../../bench/stall-inputs.js';
import { prepareClassifier } from '../../../src/app/engine/intent.js';
import { backendWorld, createWorld, openCase, photo, type World } from './harness.js';

const ALL = process.env.PALABRE_PROBE_ALL === '1';
/** The timed probes, registered only by hand (PALABRE_PROBE_ALL=1), so that a CI run lists what it ran, nothing skipped. */
const byHand = (ALL ? describe : () => undefined) as typeof describe;

describe('the stall probe’s texts', () => {
  it('are as long as a message the engine takes, and no longer (the probe reaches the reading, not TEXT_TOO_LONG)', () => {
    for (const length of PROBE_LENGTHS)
      for (const [name, text] of adversarialTexts(length)) {
        const n = [...text].length;
        expect({ name, ok: n >= length - 30 && n <= MAX_TEXT_LENGTH }).toEqual({ name, ok: true });
      }
  });
});

type Entry = (w: World, text: string) => Promise<void>;

const ENTRIES: Record<string, Entry> = {
  'buyer first message': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await timed(() => amina.text(s));
  },
  'buyer, second message of a report': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("je n'ai pas reçu ma commande");
    await timed(() => amina.text(s));
  },
  'report description': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("ma commande CC-1001 n'est jamais arrivée");
    await timed(() => amina.text(s));
  },
  'after /report': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await amina.command('/report');
    await timed(() => amina.text(s));
  },
  'buyer comment in a case thread': async (w, s) => {
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await w.threads.rememberMessage('telegram', 'dm-amina', '12', caseId);
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await timed(() => amina.text(s, { replyToMessageId: '12' }));
  },
  'buyer with a case, in private': async (w, s) => {
    await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await timed(() => amina.text(s));
  },
  'buyer edits a message': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("ma commande CC-1001 n'est jamais arrivée", { messageId: 'm1' });
    await timed(() => amina.edit('m1', s));
  },
  'file caption': async (w, s) => {
    await openCase(w, 'CC-1001', 'non_delivery');
    const amina = await w.user({ account: 'acc-amina' });
    await timed(() => amina.attach(photo(), s));
  },
  'seller answer in the case thread': async (w, s) => {
    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    await w.threads.setCaseThread('discord', caseId, 'parties', 'th-4');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord', conversationId: 'th-4', isPrivate: false });
    await timed(() => seller.text(s, { threadId: 'th-4' }));
  },
  'seller in private, with a case': async (w, s) => {
    await openCase(w, 'CC-1002', 'not_as_described');
    const seller = await w.user({ account: 'acc-bisou' });
    await timed(() => seller.text(s));
  },
  'seller in private': async (w, s) => {
    const seller = await w.user({ account: 'acc-bisou' });
    await timed(() => seller.text(s));
  },
  'unlinked stranger': async (w, s) => {
    const x = await w.user({});
    await timed(() => x.text(s));
  },
  'support note in the staff thread': async (w, s) => {
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await w.threads.setCaseThread('telegram', caseId, 'staff', 'staff-group/3');
    const member = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await timed(() => member.text(s, { threadId: '3' }));
  },
  ...Object.fromEntries(
    ['note', 'decide', 'refund', 'escalate', 'ask', 'suspend', 'close', 'tracking'].map((cmd) => [
      `support /${cmd}`,
      async (w: World, s: string) => {
        const caseId = await openCase(w, 'CC-1001', 'non_delivery');
        const member = await w.user({ account: 'acc-support-1', conversationId: 'staff-dm', isStaffChannel: true });
        await timed(() => member.command(`/${cmd} ${caseId} ${s}`));
      },
    ]),
  ),
  'buyer /refund words': async (w, s) => {
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou' });
    await timed(() => seller.command(`/refund ${caseId} ${s}`));
  },
  'command made only of the text': async (w, s) => {
    const amina = await w.user({ account: 'acc-amina' });
    await timed(() => amina.command(`/${s}`));
  },
};

let last = 0;
/** The longest the event loop went without turning during the last timed call (what stops heartbeats), in ms. */
let blocked = 0;
async function timed(fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  let tick = t0;
  blocked = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    blocked = Math.max(blocked, now - tick);
    tick = now;
  }, 1);
  try {
    await fn();
  } catch {
    // A refused text is an answer too; only its time counts here.
  }
  last = performance.now() - t0;
  blocked = Math.max(blocked, performance.now() - tick);
  clearInterval(ticker);
}

byHand('how long one turn holds the engine on adversarial texts (probe, by hand)', () => {
  it('prints the worst turn of each entry point', { timeout: 3_600_000 }, async () => {
    const only = process.env.STALL_ONLY?.split(',');
    const lengths = process.env.STALL_LENGTHS?.split(',').map(Number) ?? [...PROBE_LENGTHS];
    // Trained before the first turn, as main does before listening: its seconds are not a turn's.
    prepareClassifier();
    const rows: string[] = [];
    for (const [entry, run] of Object.entries(ENTRIES)) {
      if (only && !only.some((o) => entry.includes(o))) continue;
      let worst = { ms: 0, input: '', length: 0 };
      for (const length of lengths)
        for (const [name, text] of adversarialTexts(length)) {
          const w = await createWorld({ kind: 'memory' });
          await run(w, text);
          if (last > worst.ms) worst = { ms: last, input: name, length };
          if (last > 100) rows.push(`  slow: ${entry} | ${name} | ${length} | ${Math.round(last)} ms`);
        }
      rows.push(`${entry} | worst ${Math.round(worst.ms)} ms | ${worst.input} | ${worst.length}`);
      process.stdout.write(`${rows.at(-1)}\n`);
    }
    process.stdout.write(`\n${rows.join('\n')}\n`);
  });
});

/** One turn (or call) timed: its ms. */
async function ms(fn: () => Promise<unknown>): Promise<string> {
  await timed(fn);
  return `${Math.round(last)} (loop held ${Math.round(blocked)})`;
}

byHand('how long one turn holds the engine as data grows (probe, by hand)', () => {
  const world = backendWorld(process.env.STALL_BACKEND === 'redis' ? 'redis' : 'memory', { beforeAll, afterAll });

  it('a case with 500 timeline events of 2,000 characters', { timeout: 600_000 }, async () => {
    prepareClassifier();
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const amina = { accountId: 'acc-amina', platform: 'telegram' as const };
    for (let i = 0; i < 500; i++) await w.cases.act(amina, caseId, { type: 'Comment', text: `${i} ${'toujours rien reçu, '.repeat(100)}` });
    await w.threads.rememberMessage('telegram', 'dm-amina', '12', caseId);
    const buyer = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    const seller = await w.user({ account: 'acc-bisou' });
    const staff = await w.user({ account: 'acc-support-1', conversationId: 'staff-dm', isStaffChannel: true });
    const load = await ms(() => w.store.load(caseId));
    const rows = {
      'store.load': load,
      'buyer comment (reply)': await ms(() => buyer.text('toujours rien', { replyToMessageId: '12' })),
      'buyer /case': await ms(() => buyer.command(`/case ${caseId}`)),
      'buyer free text': await ms(() => buyer.text('où en est mon litige ?')),
      'seller /case': await ms(() => seller.command(`/case ${caseId}`)),
      'seller free text': await ms(() => seller.text('je l’ai envoyé hier')),
      'support /case': await ms(() => staff.command(`/case ${caseId}`)),
      'support /note': await ms(() => staff.command(`/note ${caseId} appelé le vendeur`)),
      'support /cases': await ms(() => staff.command('/cases')),
    };
    process.stdout.write(`500 events (${process.env.STALL_BACKEND ?? 'memory'}): ${JSON.stringify(rows)}\n`);
  });

  it('a buyer with 200 orders', { timeout: 600_000 }, async () => {
    prepareClassifier();
    const w = await world({ moreOrders: 200 });
    const rows: Record<string, string> = {};
    for (const [name, text] of [
      ['first message', "mon colis n'est jamais arrivé"],
      ['names a title', 'le pagne wax n°150 est abîmé'],
      ['names a date', 'la commande du 3 novembre'],
      ['names a number', 'CC-5150 pas reçu'],
      ['a long message', `${"mon colis n'est jamais arrivé, ".repeat(120)}`],
    ] as const) {
      const amina = await w.user({ account: 'acc-amina' });
      rows[name] = await ms(() => amina.text(text));
      rows[`${name}, then « la 3e »`] = await ms(() => amina.text('la troisième'));
    }
    const a = await w.user({ account: 'acc-amina' });
    rows['/report'] = await ms(() => a.command('/report'));
    process.stdout.write(`200 orders (${process.env.STALL_BACKEND ?? 'memory'}): ${JSON.stringify(rows)}\n`);
  });

  it('1,000 open cases', { timeout: 1_200_000 }, async () => {
    prepareClassifier();
    const w = await world({ moreOrders: 1000 });
    for (let i = 0; i < 1000; i++) await openCase(w, `CC-${5000 + i}`, 'non_delivery');
    const staff = await w.user({ account: 'acc-support-1', conversationId: 'staff-dm', isStaffChannel: true });
    const seller = await w.user({ account: 'acc-bisou' });
    const buyer = await w.user({ account: 'acc-amina' });
    const rows = {
      'support /cases': await ms(() => staff.command('/cases')),
      'support /cases all': await ms(() => staff.command('/cases all')),
      'support free text': await ms(() => staff.text('où en sont les litiges ?')),
      'seller /cases': await ms(() => seller.command('/cases')),
      'seller free text': await ms(() => seller.text('bonjour')),
      'seller free text, again': await ms(() => seller.text('toujours là ?')),
      'buyer /cases': await ms(() => buyer.command('/cases')),
      'buyer free text': await ms(() => buyer.text('où en est mon litige ?')),
      'buyer free text, again': await ms(() => buyer.text('et alors ?')),
      'buyer new problem': await ms(() => buyer.text("mon sac n'est jamais arrivé")),
      'admin list (store.list + JSON)': await ms(async () => JSON.stringify(await w.store.list({ limit: 1000 }))),
    };
    process.stdout.write(`1000 cases (${process.env.STALL_BACKEND ?? 'memory'}): ${JSON.stringify(rows)}\n`);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/domain/case-model.js';
import type { Choice, OutMessage } from '../../../src/ports/turn.js';
import { CONVERSATIONS, type Check, type Conversation16 } from '../../fixtures/buyer-conversations/probe-16.js';
import { VARIANTS } from '../../fixtures/buyer-conversations/probe-16-variants.js';
import { reach } from './buyer-probe.js';
import { backendWorld, type World, type WorldOptions } from './harness.js';

/**
 * The sixteenth blind probe (test/fixtures/buyer-conversations/probe-16.ts): terse, impatient and emotional buyers, whole
 * conversations. Each `see` step checks what the buyer would notice at that point; every reply is checked for « pas
 * compris » and internal errors; the final outcome goes through the probe harness's `reach`. Transcripts:
 * test-artifacts/probe-16-*.txt. Redis plays every fourth conversation.
 *
 * As first written (commit 748c6e8, before reading src/): 11 of 32 in memory, 2 of 8 on Redis. Two failures were the
 * probe's own, corrected without counting them as passes of the first run: p16-scam-13 wanted English from Amina, whose
 * account says French (README: the account's language wins; the conversation now strips it), and p16-thrice-proposed-11
 * wanted the problem still proposed after it was said a second time, where the engine, reasonably, took it as confirmed
 * (now: the report on CC-1001 with a way on). The defects, fixed for their class (test/app/engine/probe-16-fixes.test.ts):
 * - a one-word yes (« oui », « ouais », « ndiyo », « iyo », « ee ») to the case's dates and choices showed them again, for
 *   ever (12 conversations): an agreeing yes, « vas-y », "go ahead" now open the case where it can be opened; « ok »,
 *   « d'accord », « sawa » still show the choices again (they may only acknowledge), and a second one right after opens;
 * - « vas y », « ok vas y », « allez-y », « mouais » were « reprendre ou laisser ? »: a yes (a go-ahead where the case can
 *   be opened);
 * - « vous êtes là », « ... », « ??? », « 😡😡😡 » while a problem was proposed or the dates shown were « reprendre ou
 *   laisser ? » (where the seller's message was asked, « ??? » went to the seller): the question again;
 * - the same order and problem sent a third time were « reprendre ou laisser ? »: the dates and choices again;
 * - « non l'autre » with one other order gave a list of one: that order;
 * - « laisse tomber » then « non en fait si » started a new report asking which order; « bof laisse » was not leaving:
 *   a report left is taken back for ten minutes (« en fait si, ouvre le » opens it);
 * - once the case was open, « allo ? », « vous êtes là ??? », « combien de temps », « c'est tout ? » were offered to the
 *   seller as words not sent yet (the probe's checks let this pass; seen in its transcripts): what comes next, with the card.
 * After: 30 of 32 in memory, 8 of 8 on Redis. Left: p16-sms-ok-30 (« ok », « ok ») and p16-sw-sawa-32 (« ndiyo », « sawa »):
 * an acknowledgement alone where opening and writing to the seller are both offered shows the choices again (a decision
 * with its own test, buyer-talk.test.ts), so these buyers need a third word or the button.
 */
const FLOOR = { memory: 30, redis: 8 };
/**
 * The variants (test/fixtures/buyer-conversations/probe-16-variants.ts), written after the fixes, as first written: 10 of 12 in
 * memory, 2 of 3 on Redis. p16v-pas-celle-05 was the variant's own mistake (it did not answer the description the engine
 * rightly asks for once the first words were about the other order); p16v-en-10 was a defect: « where is my stuff?? SCAM »
 * read as « autre problème », the accusation outweighing the question; accusations and threats (« arnaque », "scam",
 * « voleurs », « je vais porter plainte », "I'll report you") no longer decide what the problem is when the rest says it.
 * After: 12 of 12, 3 of 3. No prediction on the labelled corpus or the six blind sets changed with it.
 */
const VARIANTS_FLOOR = { memory: 12, redis: 3 };

const choicesOf = (last: OutMessage[]): Choice[] => last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]);
const idsOf = (last: OutMessage[]) => last.flatMap((o) => o.body.map((b) => b.id));
const argsOf = (last: OutMessage[], id: string) => last.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const named = (last: OutMessage[]) => [
  ...last.flatMap((o) => o.body.map((b) => b.args?.orderId)).filter((x): x is string => typeof x === 'string'),
  ...last.flatMap((o) => (o.card ? [o.card.orderId] : [])),
  ...choicesOf(last).flatMap((c) => (typeof c.label.args?.orderId === 'string' ? [c.label.args.orderId] : [])),
];
const orderButtons = (last: OutMessage[]) =>
  choicesOf(last).filter((c) => c.label.id === 'engine-order-choice').map((c) => String(c.label.args?.orderId));
const key = (c: Choice) => `${c.label.id}:${String(c.label.args?.orderId ?? '')}:${String(c.label.args?.reason ?? '')}`;
const OPEN = ['buyer-flow-choice-open-now', 'engine-choice-open-case'];
const WAY_ON = [...OPEN, 'engine-choice-yes-reason', 'buyer-flow-choice-resume', 'engine-order-choice', 'engine-reason-choice'];
const ASKS = ['engine-report-which-order', 'engine-report-reason-pick', 'engine-report-reason-proposed'];

const describeLast = (last: OutMessage[]) => {
  const p = argsOf(last, 'engine-report-reason-proposed');
  return `${idsOf(last).join(',')}${p ? ` [proposed ${String(p.reason)} on ${String(p.orderId)}]` : ''} buttons=${choicesOf(last).map(key).join(' ')}`;
};

interface Result {
  id: string;
  ok: boolean;
  why?: string;
  transcript: string[];
}

async function play(conv: Conversation16, makeWorld: (o: WorldOptions) => Promise<World>): Promise<Result> {
  const accountId = conv.account ?? 'acc-amina';
  const w = await makeWorld(conv.noLocale ? { withoutLocale: [accountId] } : {});
  const s = await w.user({ account: accountId });
  const transcript: string[] = [];
  const cases = (): Promise<Case[]> => w.cases.list({ accountId, platform: 'telegram' }, 'mine');
  const comments = async () => {
    let n = 0;
    for (const k of await cases()) n += (await w.store.load(k.id))!.timeline.filter((e) => e.type === 'comment').length;
    return n;
  };
  /** The replies before the last turn that had buttons, and those that had order buttons. */
  let waitingFor: OutMessage[] = [];
  let ordersOffered: string[] = [];
  let previous: OutMessage[] = [];
  const picks: string[] = [];
  let relayedMark = 0;
  let commentMark = 0;
  const fail = (why: string): Result => ({ id: conv.id, ok: false, why, transcript });

  const check = async (c: Check): Promise<string | null> => {
    const last = s.last;
    const ids = idsOf(last);
    const choices = choicesOf(last);
    const now = await cases();
    if (c.proposed) {
      const p = argsOf(last, 'engine-report-reason-proposed');
      if (!p) return `no reason proposed: ${describeLast(last)}`;
      if (p.orderId !== c.proposed.order || p.reason !== c.proposed.reason) return `proposed ${String(p.reason)} on ${String(p.orderId)}, not ${c.proposed.reason} on ${c.proposed.order}`;
    }
    if (c.offersOrders) {
      const offered = orderButtons(last);
      if (!offered.length) return `no order buttons: ${describeLast(last)}`;
      const missing = c.offersOrders.filter((o) => !offered.includes(o));
      if (missing.length) return `${missing.join(',')} not offered: ${describeLast(last)}`;
    }
    if (c.offersReasons && !choices.some((x) => x.label.id === 'engine-reason-choice')) return `the reasons not offered: ${describeLast(last)}`;
    if (c.offersOpen && !choices.some((x) => OPEN.includes(x.label.id))) return `no open button: ${describeLast(last)}`;
    if (c.stillWaiting) {
      const before = new Set(choicesOf(waitingFor).map(key));
      const nowKeys = new Set(choices.map(key));
      const same = before.size > 0 && [...before].every((k) => nowKeys.has(k));
      const resume = choices.some((x) => x.label.id === 'buyer-flow-choice-resume');
      if (!same && !resume) return `the question under way is gone (before: ${[...before].join(' ')}): ${describeLast(last)}`;
    }
    if (c.nthOffered !== undefined) {
      const want = ordersOffered[c.nthOffered - 1];
      if (!want) return `fewer than ${c.nthOffered} orders were offered (${ordersOffered.join(',')})`;
      const first = named(last)[0];
      if (first !== want) return `about ${String(first)}, not the ${c.nthOffered}th offered ${want}: ${describeLast(last)}`;
      picks.push(want);
    }
    if (c.caseOnNth) {
      const want = picks[c.caseOnNth.n - 1] ?? ordersOffered[c.caseOnNth.n - 1];
      const k = now.find((x) => x.orderId === want);
      if (!k) return `no case on ${String(want)}: ${describeLast(last)}`;
      if (k.reason !== c.caseOnNth.reason) return `case on ${want} with ${k.reason}`;
    }
    if (c.case) {
      const k = now.find((x) => x.orderId === c.case!.order);
      if (!k) return `no case on ${c.case.order}: ${describeLast(last)}`;
      if (k.reason !== c.case.reason) return `case on ${c.case.order} with ${k.reason}`;
      const d = k.description.toLowerCase();
      const lost = (c.case.says ?? []).filter((x) => !d.includes(x.toLowerCase()));
      if (lost.length) return `description lost « ${lost.join(' », « ')} »: « ${k.description} »`;
      const stray = (c.case.without ?? []).filter((x) => d.includes(x.toLowerCase()));
      if (stray.length) return `description holds « ${stray.join(' », « ')} »: « ${k.description} »`;
      if (c.case.once && d.split(c.case.once.toLowerCase()).length > 2) return `description repeats « ${c.case.once} »: « ${k.description} »`;
    }
    if (c.noCaseOn && now.some((x) => x.orderId === c.noCaseOn)) return `a case was opened on ${c.noCaseOn}`;
    if (c.caseCount !== undefined && now.length !== c.caseCount) return `${now.length} cases, expected ${c.caseCount}`;
    if (c.noReport && (ids.some((x) => ASKS.includes(x)) || choices.some((x) => x.label.id === 'engine-order-choice' || x.label.id === 'engine-reason-choice')))
      return `a new report started: ${describeLast(last)}`;
    if (c.nothingSent) {
      if (w.relayed.length > relayedMark) return `sent to the seller: ${JSON.stringify(w.relayed.slice(relayedMark).map((n) => n.to))}`;
      if ((await comments()) > commentMark) return 'a comment was added to the case';
    }
    if (c.mentions) {
      const text = s.read().toLowerCase();
      if (!c.mentions.some((m) => text.includes(m.toLowerCase()))) return `reads none of « ${c.mentions.join(' », « ')} »: ${s.read().replace(/\s+/g, ' ').slice(0, 300)}`;
    }
    if (c.names && !named(last).includes(c.names)) return `${c.names} not named: ${describeLast(last)}`;
    if (c.left) {
      const state = await w.kv.get(`engine:conv:telegram:${s.userId}:dm-${s.userId}`);
      if (state !== undefined) return `still under way: ${describeLast(last)}`;
      if (now.length) return 'a case was opened';
    }
    if (c.resumed) {
      if (!named(last).includes(c.resumed)) return `${c.resumed} not named: ${describeLast(last)}`;
      if (!choices.some((x) => WAY_ON.includes(x.label.id))) return `no way on: ${describeLast(last)}`;
    }
    if (c.lang) {
      const wrong = last.find((o) => !o.ownLanguage && !o.locale.startsWith(c.lang!));
      if (wrong) return `answered in ${wrong.locale}, not ${c.lang}: ${wrong.body.map((b) => b.id).join(',')}`;
    }
    return null;
  };

  try {
    for (const step of conv.steps) {
      if (typeof step === 'string') {
        previous = s.last;
        if (choicesOf(previous).length) waitingFor = previous;
        if (orderButtons(previous).length) ordersOffered = orderButtons(previous);
        await s.text(step);
        transcript.push(`> ${step}`, `  ${describeLast(s.last)}`);
        if (!s.last.length) return fail(`no reply to « ${step} »`);
        const ids = idsOf(s.last);
        if (ids.includes('engine-fallback')) return fail(`« pas compris » to « ${step} »`);
        if (ids.some((x) => x.startsWith('error-internal'))) return fail(`internal error on « ${step} »`);
      } else if ('see' in step) {
        const why = await check(step.see);
        transcript.push(`  ✓? ${JSON.stringify(step.see)} → ${why ?? 'ok'}`);
        if (why) return fail(why);
        relayedMark = w.relayed.length;
        commentMark = await comments();
      } else {
        const before = new Set((await cases()).map((k) => k.id));
        const why = await reach({ w, s, accountId, allowAsk: step.allowAsk ?? [], before }, step.expect);
        transcript.push(`  … ${describeLast(s.last)}`);
        if (why) return fail(`checkpoint: ${why}`);
        relayedMark = w.relayed.length;
        commentMark = await comments();
      }
    }
    if (conv.expect) {
      const before = new Set((await cases()).map((k) => k.id));
      const why = await reach({ w, s, accountId, allowAsk: conv.allowAsk ?? [], before }, conv.expect);
      transcript.push(`  … ${describeLast(s.last)}`);
      if (why) return fail(`end: ${why}`);
    }
    return { id: conv.id, ok: true, transcript };
  } catch (e) {
    return fail(`threw: ${(e as Error).message}`);
  }
}

async function playAll(convs: readonly Conversation16[], makeWorld: (o: WorldOptions) => Promise<World>, artifact: string): Promise<{ satisfied: number; why: string }> {
    const results: Result[] = [];
    for (const conv of convs) results.push(await play(conv, makeWorld));
    const failed = results.filter((r) => !r.ok);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(
      `test-artifacts/${artifact}.txt`,
      [`${results.length - failed.length}/${results.length} satisfied`, '', ...results.map((r) => [`${r.ok ? 'OK  ' : 'FAIL'} ${r.id}${r.why ? ` — ${r.why}` : ''}`, ...r.transcript].join('\n'))].join('\n'),
    );
    return { satisfied: results.length - failed.length, why: failed.map((r) => `${r.id}: ${r.why}`).join('\n') };
}

describe.each(['memory', 'redis'] as const)('sixteenth buyer probe: terse, impatient, emotional (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it(`satisfies at least the floor of the ${CONVERSATIONS.length} conversations`, { timeout: 240_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? CONVERSATIONS.filter((_, i) => i % 4 === 0) : CONVERSATIONS, world, `probe-16-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(FLOOR[kind]);
  });

  it(`satisfies at least the floor of the ${VARIANTS.length} variants written after the fixes`, { timeout: 240_000 }, async () => {
    const { satisfied, why } = await playAll(kind === 'redis' ? VARIANTS.filter((_, i) => i % 4 === 0) : VARIANTS, world, `probe-16-variants-${kind}`);
    expect(satisfied, why).toBeGreaterThanOrEqual(VARIANTS_FLOOR[kind]);
  });
});

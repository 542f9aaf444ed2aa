import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, type Speaker, type World } from './harness.js';
import type { OutMessage } from '../../../src/ports/turn.js';

/**
 * One test per defect the eleventh blind probe found (test/fixtures/buyer-conversations/probe-11.ts, English-speaking
 * buyers): each a class of English phrasing, tested in several words. "how many days" asked of a refund or a case read as a
 * refund to ask for; "never mind, forget it. its fine" not read as leaving; "nothing's turned up" (the contracted « has »)
 * not read as not arrived; "no complaint" read as a complaint.
 */

const ids = (replies: OutMessage[]) => replies.flatMap((o) => o.body.map((b) => b.id));
const args = (replies: OutMessage[], id: string) => replies.flatMap((o) => o.body).find((b) => b.id === id)?.args;
const ASKS = ['engine-report-which-order', 'engine-report-reason-proposed', 'engine-report-reason-pick', 'buyer-flow-unclear', 'engine-fallback'];

describe.each(['memory', 'redis'] as const)('English phrasings the eleventh probe found misread (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  let w: World;
  let s: Speaker;
  const start = async () => {
    w = await world({});
    s = await w.user({ account: 'acc-amina' });
  };
  const noCase = async () => expect(await w.cases.list({ accountId: 'acc-amina', platform: 'telegram' }, 'mine')).toEqual([]);

  it.each([
    'if i open a dispute how many days till i get my money back?',
    'how many days does a case take?',
    'a dispute takes how many weeks?',
    'how soon do i get my refund if i open a case?',
  ])('« %s »: how it works explained, not a refund to confirm nor « which order? »', async (text) => {
    await start();
    const r = await s.text(text);
    // Explained first; the orders may follow (no dead end), but no problem is put to the buyer.
    expect(ids(r), ids(r).join(',')).toContain('buyer-flow-how-it-works');
    for (const id of ['engine-report-reason-proposed', 'engine-report-reason-pick', 'engine-fallback']) expect(ids(r)).not.toContain(id);
    await noCase();
  });

  it.each(['never mind, forget it. its fine', 'nah forget it, all good', 'ok never mind, no worries', "forget it, it's ok"])(
    '« %s » in the middle of a report: the report left',
    async (text) => {
      await start();
      await s.text('i want to report a problem with the raffia bag');
      const r = await s.text(text);
      expect(ids(r), ids(r).join(',')).not.toContain('buyer-flow-resume-offer');
      for (const id of ASKS) expect(ids(r)).not.toContain(id);
      expect(await w.kv.get(`engine:conv:telegram:${s.userId}:dm-${s.userId}`)).toBeUndefined();
      await noCase();
    },
  );

  it.each([
    ["hiya, ordered the bogolan shirt ages ago and nothing's turned up, bit gutted tbh", 'CC-1005'],
    ["the wax print from october? nothing's arrived", 'CC-1001'],
    ["paid for the bogolan shirt weeks back and nothing's come", 'CC-1005'],
  ])('« %s »: not arrived proposed', async (text, orderId) => {
    await start();
    const r = await s.text(text);
    expect(args(r, 'engine-report-reason-proposed')).toMatchObject({ orderId, reason: 'non_delivery' });
  });

  it.each([
    ['i just want to ask the seller if the raffia bag comes in black, no complaint', 'CC-1002'],
    ['just a question for the seller of the earrings, no complaints', 'CC-1003'],
    ['je veux écrire au vendeur du sac en raphia, pas de réclamation', 'CC-1002'],
  ])('« %s »: asked what to tell the seller, no problem to confirm', async (text, orderId) => {
    await start();
    const r = await s.text(text);
    expect(args(r, 'engine-report-ask-message')?.orderId, ids(r).join(',')).toBe(orderId);
    expect(ids(r)).not.toContain('engine-report-reason-proposed');
    const before = w.relayed.length;
    await s.text('does it come in black?');
    expect(w.relayed.length).toBe(before + 1);
  });
});

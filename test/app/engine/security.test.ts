import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, DAY, openCase } from './harness.js';

describe.each(['memory', 'redis'] as const)('security (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a user guessing another’s case number can neither read nor act on it', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const before = (await w.store.load(caseId))!;
    const joel = await w.user({ account: 'acc-joel' });
    for (const line of [`/case ${caseId}`, `/close ${caseId}`, `/escalate ${caseId}`, `/refund ${caseId}`, `/tracking ${caseId} dhl JD0142`]) {
      await joel.command(line);
      expect({ line, ids: joel.ids() }).toEqual({ line, ids: ['error-case-not-found'] });
    }
    // Another seller is a stranger too.
    const lumiere = await w.user({ account: 'acc-lumiere', platform: 'discord' });
    await lumiere.command(`/refund ${caseId}`);
    expect(lumiere.ids()).toEqual(['error-case-not-found']);
    expect((await w.store.load(caseId))!.version).toBe(before.version);
    expect(await w.marketplace.refunds('CC-1001')).toEqual([]);
  });

  it('a replayed, forged, tampered or expired button token is refused and changes nothing', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command(`/case ${caseId}`);
    await seller.press('engine-action-refund-full');
    const confirm = seller.token('engine-choice-confirm');

    // Joël replays the seller's token.
    const joel = await w.user({ account: 'acc-joel' });
    await joel.pressToken(confirm);
    expect(joel.ids()).toEqual(['error-action-invalid']);
    // An unlinked stranger too.
    const stranger = await w.user({});
    await stranger.pressToken(confirm);
    expect(stranger.ids()).toEqual(['error-action-invalid']);
    // Forged and tampered tokens.
    await joel.pressToken('AAAAAAAAAAAAAAAA.zzzzzz');
    expect(joel.ids()).toEqual(['error-action-invalid']);
    await seller.pressToken(`${confirm.split('.')[0]}.${(parseInt(confirm.split('.')[1]!, 36) + 1).toString(36)}`);
    expect(seller.ids()).toEqual(['error-action-invalid']);
    await seller.pressToken('x'.repeat(5000));
    expect(seller.ids()).toEqual(['error-action-invalid']);
    expect((await w.store.load(caseId))!.version).toBe(1);

    // Stale: the seller's own token, a month later.
    w.clock.advance(31 * DAY);
    await seller.pressToken(confirm);
    expect(seller.ids()).toEqual(['error-action-expired']);
    expect((await w.store.load(caseId))!.status).toBe('open');
    expect(await w.marketplace.refunds('CC-1001')).toEqual([]);
  });

  it('a buyer cannot press the seller’s refund by reusing a token of her own flow', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("ma commande CC-1001 n'est jamais arrivée");
    const yes = amina.token('engine-choice-yes-reason');
    // The same token from another of her chats is hers, but belongs to no flow there.
    const otherChat = await w.user({ account: 'acc-amina', userId: amina.userId, conversationId: 'group-9', isPrivate: false });
    await otherChat.pressToken(yes);
    expect(otherChat.ids()).toEqual(['error-action-expired']);
  });

  it('oversized text is refused politely and changes nothing', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("ma commande CC-1001 n'est jamais arrivée");
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-edit-description');
    await amina.text('a'.repeat(12_301));
    expect(amina.ids()).toEqual(['error-text-too-long']);
    expect(amina.read()).toMatch(/12\s300 caractères au plus \(il en fait 12\s301\)\. Rien n’a été enregistré/);
    // Still asked for the description: the step did not move.
    await amina.text('Toujours rien.');
    expect(amina.ids()).toContain('buyer-flow-description-kept');

    const caseId = await openCase(w, 'CC-1002', 'not_as_described');
    await amina.command(`/cancel`);
    await w.threads.rememberMessage('telegram', `dm-${amina.userId}`, '77', caseId);
    await amina.text('é'.repeat(12_301), { replyToMessageId: '77' });
    expect(amina.ids()).toEqual(['error-text-too-long']);
    await amina.command(`/escalate ${'x'.repeat(12_400)}`);
    expect(amina.ids()).toEqual(['error-text-too-long']);
    expect((await w.store.load(caseId))!.version).toBe(1);
    // 12,300 characters exactly are fine.
    await amina.text('b'.repeat(12_300), { replyToMessageId: '77' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
  });

  it('the bot stays quiet in groups unless addressed', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina', conversationId: 'group-1', isPrivate: false });
    await amina.text("mon colis n'est jamais arrivé");
    expect(amina.last).toEqual([]);
    const stranger = await w.user({ conversationId: 'group-1', isPrivate: false });
    await stranger.text('bonjour tout le monde');
    expect(stranger.last).toEqual([]);
  });

  it('an unexpected failure is answered politely and logged, never thrown', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    const original = w.marketplace.ordersOfBuyer;
    w.marketplace.ordersOfBuyer = async () => {
      throw new Error('marketplace down');
    };
    try {
      await amina.text("mon colis n'est jamais arrivé");
      expect(amina.ids()).toEqual(['error-internal']);
    } finally {
      w.marketplace.ordersOfBuyer = original;
    }
  });
});

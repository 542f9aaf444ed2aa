import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';

/** What an edited message means to the engine, whichever platform delivers it (the adapters' tests drive the platforms). */
describe.each(['memory', 'redis'] as const)('edited messages and long texts (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('a description that grew since its message was sent is not replaced by an edit of that message', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('bjr svp mon colis depuis 3 semaine toujours rien', { messageId: 'm1' });
    await amina.press('engine-order-choice', (c) => c.label.args?.orderId === 'CC-1001');
    await amina.text("oui mais il m'avait dit que c'était envoyé par DHL le 25", { messageId: 'm2' });
    const open = amina.token('buyer-flow-choice-open-now');
    await amina.edit('m1', 'bjr svp mon colis depuis 4 semaines toujours rien');
    expect(amina.ids()).toEqual(['engine-edit-not-read']);
    await amina.pressToken(open);
    const [opened] = await w.store.list({});
    expect(opened!.description).toBe("bjr svp mon colis depuis 3 semaine toujours rien\nil m'avait dit que c'était envoyé par DHL le 25");
  });

  it('an edit of a comment on a case closed since is not relayed: the author is told the case is closed', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text('ma commande CC-1001 n’est jamais arrivée', { messageId: 'm1' });
    await amina.press('engine-choice-yes-reason');
    await amina.press('buyer-flow-choice-open-now');
    const [c] = await w.store.list({});
    await w.threads.rememberMessage('telegram', `dm-${amina.userId}`, 'card-1', c!.id);
    await amina.text('toujours rien ce matin', { messageId: 'm2', replyToMessageId: 'card-1' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
    await amina.command(`/close ${c!.id}`);
    await amina.press('engine-choice-confirm');
    expect((await w.store.load(c!.id))!.status).toBe('closed');
    await amina.edit('m2', 'toujours rien ce matin ni hier', { replyToMessageId: 'card-1' });
    expect(amina.ids()).toEqual(['error-case-closed']);
    const comments = (await w.store.load(c!.id))!.timeline.filter((e) => e.type === 'comment');
    expect(comments).toHaveLength(1);
  });

  it('« oui » right after a long message answers its question; the next part of a story joins it', async () => {
    const w = await world();
    const amina = await w.user({ account: 'acc-amina' });
    const part = 'Ma commande CC-1001 n’est jamais arrivée, le livreur ne répond plus et personne ne me rappelle. '.repeat(40).slice(0, 3600);
    await amina.text(part, { messageId: 'm1' });
    await amina.text('oui', { messageId: 'm2' });
    expect(amina.ids()).not.toContain('engine-long-joined');
    const jane = await w.user({ account: 'acc-amina', userId: 'u-jane', conversationId: 'dm-jane' });
    await jane.text(part, { messageId: 'j1' });
    await jane.text('Et le vendeur m’a dit de patienter encore une semaine.', { messageId: 'j2' });
    expect(jane.ids()[0]).toBe('engine-long-joined');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSubject } from '../../../src/ports/threads.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import { backendWorld, openCase } from './harness.js';

/**
 * A turn's first reads on a single Redis follow one value to the next key (the link to its account's language, a
 * reply's entry to the case it names, ports LinkStore.getWithLocale, CaseService.readAt): what a user sees is the same
 * as in memory, where each is read in its own step, and the same for a first message as for a later one.
 */
describe.each(['memory', 'redis'] as const)('a turn’s first reads (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('an identity relinked to another account speaks that account’s language from its first message on', async () => {
    const w = await world();
    await w.links.setLocale('acc-amina', 'sw');
    await w.links.setLocale('acc-joel', 'en');
    const user = await w.user({ account: 'acc-amina', userId: 'shared' });
    await user.command('/help');
    expect(user.last.map((o) => o.locale)).toEqual(user.last.map(() => 'sw'));
    // Relinked while no process has seen it since: its first message already answers in Joël's language.
    await w.links.put({ platform: 'telegram', userId: 'shared', accountId: 'acc-joel', address: 'dm-shared', linkedAt: '2026-11-10T09:00:00.000Z' });
    w.restart();
    await user.command('/help');
    expect(user.last.map((o) => o.locale)).toEqual(user.last.map(() => 'en'));
    // And a process that saw it linked to Amina a moment ago is not misled by what it saw.
    await w.links.put({ platform: 'telegram', userId: 'shared', accountId: 'acc-amina', address: 'dm-shared', linkedAt: '2026-11-10T09:00:00.000Z' });
    await user.command('/help');
    expect(user.last.map((o) => o.locale)).toEqual(user.last.map(() => 'sw'));
  });

  it('a first message replying to a case card is a comment on the case, the second too', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await w.threads.rememberMessage('telegram', 'dm-amina', '601', caseId);
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.text('Toujours rien reçu.', { replyToMessageId: '601' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
    await amina.text('Et toujours rien.', { replyToMessageId: '601' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
    const c = (await w.store.load(caseId))!;
    expect(c.timeline.slice(-2).map((e) => ('text' in e ? e.text : e.type))).toEqual(['Toujours rien reçu.', 'Et toujours rien.']);
  });

  it('a reply naming a case its writer has no part in records nothing and says no such case', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    // Joël's chat holds a message about Amina's case (a forwarded card, a mistaken entry): his reply to it is refused.
    await w.threads.rememberMessage('telegram', 'dm-joel', '602', caseId);
    const joel = await w.user({ account: 'acc-joel', userId: 'joel', conversationId: 'dm-joel' });
    const before = await w.store.load(caseId);
    await joel.text('Je veux voir ce dossier.', { replyToMessageId: '602' });
    expect(joel.ids()).toEqual(['error-case-not-found']);
    expect(joel.read()).not.toContain('Rien reçu');
    expect(await w.store.load(caseId)).toEqual(before);
  });

  it('a reply naming a case that no longer exists says so; a reply to a message about nothing is plain text', async () => {
    const w = await world();
    await w.threads.rememberMessage('telegram', 'dm-amina', '603', 'C-999999');
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.text('Où en est mon dossier ?', { replyToMessageId: '603' });
    expect(amina.ids()).toEqual(['error-case-not-found']);

    const plain = await w.user({ account: 'acc-amina', userId: 'amina-2', conversationId: 'dm-amina-2' });
    await plain.text('Où en est mon dossier ?');
    const unmapped = await w.user({ account: 'acc-amina', userId: 'amina-3', conversationId: 'dm-amina-3' });
    await unmapped.text('Où en est mon dossier ?', { replyToMessageId: '999' });
    expect(unmapped.ids()).toEqual(plain.ids());
  });

  it('a reply to a message about an order (no case) goes to the order’s seller', async () => {
    const w = await world();
    await w.threads.rememberMessage('telegram', 'dm-amina', '604', orderSubject('CC-1002'));
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.text('Pouvez-vous me dire quand il part ?', { replyToMessageId: '604' });
    expect(w.relayed.at(-1)).toMatchObject({ to: { accountId: 'acc-bisou' } });
    expect(w.hooks.messaged).toEqual(['CC-1002']);
  });

  it('a reply to a message remembered where earlier versions kept them is a comment on its case', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    await createThreadRegistry(w.kv).rememberMessage('telegram', 'dm-amina', '605', caseId);
    const amina = await w.user({ account: 'acc-amina', userId: 'amina', conversationId: 'dm-amina' });
    await amina.text('Toujours rien reçu.', { replyToMessageId: '605' });
    expect(amina.ids()).toEqual(['engine-done-comment']);
  });
});

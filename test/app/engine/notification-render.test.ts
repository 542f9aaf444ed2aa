import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/app/format.js';
import { renderMessage } from '../../../src/app/render.js';
import { TELEGRAM_CAPABILITIES } from '../../../adapters/telegram/capabilities.js';
import type { Link } from '../../../src/ports/links.js';
import { backendWorld, i18n, openCase } from './harness.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { ALWAYS_OPEN } from '../../../src/domain/business-hours.js';

const link = (accountId: string, platform: Link['platform'] = 'telegram'): Link => ({
  platform,
  userId: `${accountId}-${platform}`,
  accountId,
  address: `dm-${accountId}`,
  linkedAt: '2026-11-01T00:00:00Z',
});

describe.each(['memory', 'redis'] as const)('notification renderer (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('renders for the recipient: their language, their time zone, their card', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const opened = (await w.outbox(caseId)).find((n) => n.body[0]!.id === 'notify-case-opened')!;
    const seller = link('acc-lumiere');
    // Atelier Lumière is not on this case: no card, but its language and zone still apply.
    const foreign = await w.renderer.render({ ...opened, to: { accountId: 'acc-lumiere' } }, { link: seller }, 'telegram');
    expect(foreign).toMatchObject({ locale: 'fr', timezone: 'Europe/Paris', target: { conversationId: 'dm-acc-lumiere' }, caseId });
    expect(foreign.card).toBeUndefined();

    const bisou = link('acc-bisou', 'discord');
    await w.links.setLocale('acc-bisou', 'en');
    const out = await w.renderer.render(opened, { link: bisou }, 'discord');
    expect(out).toMatchObject({ locale: 'en', timezone: 'Africa/Kinshasa', caseId });
    expect(out.card).toMatchObject({ caseId, viewerRole: 'seller' });
    expect(out.card!.actions.map((a) => a.label.id)).toEqual(['engine-action-reply-to-buyer', 'engine-action-refund-full', 'engine-action-refund-partial', 'engine-action-tracking', 'engine-action-proof', 'engine-action-support']);
    const text = renderMessage(out, i18n, TELEGRAM_CAPABILITIES);
    expect(text.card!.title).toBe(`Case ${caseId} · Pagne wax 6 yards`);
    const c = (await w.store.load(caseId))!;
    expect(text.card!.lines).toContain(`Can be escalated to support from ${formatDate(c.escalatableAt, 'en', 'Africa/Kinshasa', 'datetime')}`);
  });

  it('a card arriving on its own carries the case’s photos (for previews), not its documents', async () => {
    const w = await world();
    const photo = { id: 'c'.repeat(64), contentType: 'image/jpeg', size: 2048 };
    const receipt = { id: 'd'.repeat(64), contentType: 'application/pdf', size: 900 };
    const { case: c } = await w.cases.open({ accountId: 'acc-amina', platform: 'telegram' }, { orderId: 'CC-1001', reason: 'non_delivery', description: 'Rien reçu.', evidence: [photo, receipt] });
    const opened = (await w.outbox(c.id)).find((n) => n.body[0]!.id === 'notify-case-opened')!;
    const out = await w.renderer.render(opened, { link: link('acc-bisou') }, 'telegram');
    expect(out.card).toMatchObject({ caseId: c.id, viewerRole: 'seller', photos: [photo.id] });
  });

  it('support gets the support card in the staff channel; tokens on it serve the team there', async () => {
    const w = await world();
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const n = { id: `${caseId}-x`, to: { support: true as const }, caseId, body: [{ id: 'notify-note', args: { caseId, text: 'x' } }], card: true, createdAt: '2026-11-10T09:00:00Z' };
    const out = await w.renderer.render(n, { support: true }, 'telegram');
    expect(out).toMatchObject({ locale: 'fr', timezone: 'Africa/Kinshasa', target: { conversationId: 'staff' } });
    expect(out.card!.viewerRole).toBe('support');
    const note = out.card!.actions.find((a) => a.label.id === 'engine-action-note')!.token;
    const member = await w.user({ account: 'acc-support-1', conversationId: 'staff-group', isPrivate: false, isStaffChannel: true });
    await member.pressToken(note);
    expect(member.ids()).toEqual(['engine-ask-note']);
    // Outside the staff channel, the same button is refused.
    const dm = await w.user({ account: 'acc-support-1', platform: 'discord' });
    await dm.pressToken(note);
    expect(dm.ids()).toEqual(['error-support-only']);
  });

  it("the staff channel reads the desk's dates in SUPPORT_TIMEZONE, the zone its SLA is counted in", async () => {
    const w = await world({ policy: { ...defaultPolicy, supportCalendar: { ...ALWAYS_OPEN, zone: 'Africa/Nairobi' } } });
    const caseId = await openCase(w, 'CC-1001', 'non_delivery');
    const n = { id: `${caseId}-x`, to: { support: true as const }, caseId, body: [{ id: 'notify-note', args: { caseId, text: 'x' } }], card: true, createdAt: '2026-11-10T09:00:00Z' };
    const out = await w.renderer.render(n, { support: true }, 'telegram');
    expect(out.timezone).toBe('Africa/Nairobi');
    // Opened at 09:00Z: 12:00 for a desk in Nairobi (it read 10:00, Kinshasa's DEFAULT_TIMEZONE).
    expect(renderMessage(out, i18n, TELEGRAM_CAPABILITIES).card!.lines.join('\n')).toContain('10 novembre 2026 à 12:00');
  });

  it('a notification without a case relays its body and blob as they are', async () => {
    const w = await world();
    const n = { id: 'msg-CC-1001-1', to: { accountId: 'acc-bisou' }, body: [{ id: 'engine-relay-quote', args: { text: 'Bonjour' } }], blobId: 'b1', createdAt: '2026-11-10T09:00:00Z' };
    const out = await w.renderer.render(n, { link: link('acc-bisou') }, 'telegram');
    expect(out).toEqual({ target: { conversationId: 'dm-acc-bisou' }, locale: 'fr', timezone: 'Africa/Kinshasa', body: n.body, blobId: 'b1' });
    expect(renderMessage(out, i18n, TELEGRAM_CAPABILITIES).text).toBe('« Bonjour »');
  });
});

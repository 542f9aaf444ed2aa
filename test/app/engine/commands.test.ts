import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, buttons } from './harness.js';

describe.each(['memory', 'redis'] as const)('linking and commands (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });

  it('an unlinked user is told how to link; /start <token> links, once', async () => {
    const w = await world();
    const newcomer = await w.user({ platform: 'telegram', languageHint: 'en-US' });
    await newcomer.text('hello?');
    expect(newcomer.ids()).toEqual(['engine-link-how']);
    expect(newcomer.read()).toContain('"/link <token>"');
    await newcomer.command('/cases');
    expect(newcomer.ids()).toEqual(['engine-link-how']);
    await newcomer.command('/start');
    expect(newcomer.ids()).toEqual(['engine-welcome', 'engine-link-how']);

    const { token } = await w.linking.issue('acc-joel');
    await newcomer.command(`/start ${token}`);
    expect(newcomer.ids()[0]).toBe('engine-linked');
    // Joël's account says French: from now on, French.
    expect(newcomer.read()).toContain('C’est fait, Joël M.');
    expect(await w.links.get('telegram', newcomer.userId)).toMatchObject({ accountId: 'acc-joel', address: `dm-${newcomer.userId}` });

    const other = await w.user({ platform: 'discord' });
    await other.command(`/link ${token}`);
    expect(other.ids()).toEqual(['error-link-token-used']);
    await other.command('/link not-a-token');
    expect(other.ids()).toEqual(['error-link-token-invalid']);
    expect(await w.links.get('discord', other.userId)).toBeNull();
  });

  it('Teams-style `link <token>` text links too; an expired token is refused', async () => {
    const w = await world();
    const teams = await w.user({ platform: 'teams' });
    const { token } = await w.linking.issue('acc-bisou');
    await teams.text(`link ${token}`);
    expect(teams.ids()[0]).toBe('engine-linked');
    const late = await w.user({ platform: 'teams' });
    const old = await w.linking.issue('acc-amina');
    w.clock.advance(16 * 60 * 1000);
    await late.text(`link ${old.token}`);
    expect(late.ids()).toEqual(['error-link-token-expired']);
  });

  it('embedded mode: demo accounts can be picked without a token', async () => {
    const w = await world({ embedded: true });
    const visitor = await w.user({ platform: 'web' });
    await visitor.text('bonjour');
    expect(visitor.ids()).toEqual(['engine-link-how', 'engine-demo-pick']);
    expect(buttons(visitor.last).filter((b) => b === 'engine-demo-account')).toHaveLength(5);
    await visitor.press('engine-demo-account', (c) => c.label.args?.name === 'Amina K.');
    expect(visitor.ids()[0]).toBe('engine-linked');
    expect((await w.links.get('web', visitor.userId))?.accountId).toBe('acc-amina');
  });

  it('demo buttons do nothing outside the embedded mode', async () => {
    const w = await world({ embedded: true });
    const visitor = await w.user({ platform: 'web' });
    await visitor.text('bonjour');
    const token = visitor.token('engine-demo-account');
    const strict = await world({ embedded: false });
    // The same KeyValue is not shared between worlds: a token from elsewhere is unknown here.
    const v2 = await strict.user({ platform: 'web', userId: visitor.userId });
    await v2.pressToken(token);
    expect(v2.ids()).toEqual(['error-action-invalid']);
  });

  it('/help depends on the role; /lang switches language at any point; unknown commands are named', async () => {
    const w = await world();
    const seller = await w.user({ account: 'acc-bisou', platform: 'discord' });
    await seller.command('/help');
    expect(seller.ids()).toEqual(['engine-help-intro', 'engine-help-seller', 'engine-help-common']);
    const amina = await w.user({ account: 'acc-amina' });
    await amina.text("mon colis CC-1001 n'est jamais arrivé");
    const yes = amina.token('engine-choice-yes-reason');
    await amina.command('/lang en');
    expect(amina.ids()[0]).toBe('engine-lang-set');
    expect(amina.read()).toContain("Noted: I'll answer you in English from now on.");
    // The report's question is asked again in English, with its buttons.
    expect(amina.read()).toContain('order CC-1001');
    expect(amina.token('engine-choice-yes-reason')).toBeTruthy();
    // The flow goes on, now in English (the French button above still answers it).
    await amina.pressToken(yes);
    expect(amina.read()).toContain('You can open a case (order not received)');
    await amina.command('/lang de');
    expect(amina.ids()).toEqual(['engine-lang-usage']);
    await amina.command('/frobnicate');
    expect(amina.read()).toContain("I don't know the command /frobnicate");
    await amina.command('/case');
    expect(amina.read()).toBe('Usage: /case <case no.>');
  });

  it('support’s /help names every support command of SPEC section 2, /take, /release and /cases mine included, in each language', async () => {
    const w = await world();
    const agent = await w.user({ account: 'acc-support-1', platform: 'discord', isStaffChannel: true, isPrivate: false });
    for (const lang of ['fr', 'en', 'ln', 'sw']) {
      await agent.command(`/lang ${lang}`);
      await agent.command('/help');
      const help = agent.read();
      expect(help).toContain('/cases escalated|overdue|waiting|mine');
      for (const command of ['/case ', '/take ', '/release ', '/escalate ', '/refund ', '/decide ', '/reopen ', '/ask ', '/note ', '/suspend ', '/reinstate ', '/lang ', '/cancel']) {
        expect(help, `${lang}: ${command}`).toContain(command);
      }
    }
  });

  it('an unlinked user’s /lang is remembered for that chat identity', async () => {
    const w = await world();
    const u = await w.user({ platform: 'telegram' });
    await u.command('/lang en');
    await u.text('?');
    expect(u.last[0]!.locale).toBe('en');
  });
});

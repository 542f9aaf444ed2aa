import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../../adapters/teams/index.js';
import { createI18n } from '../../../src/app/i18n.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { createMemoryBlobStore } from '../../../src/infra/blob-folder.js';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import { createMemoryKv } from '../../../src/infra/kv.js';
import { createLinkStore } from '../../../src/infra/link-store.js';
import { createThreadRegistry } from '../../../src/infra/thread-registry.js';
import { amina, replyTo, startHarness, testLocalesDir, visible, type Harness } from './harness.js';

describe('Teams authentication with an app id', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ authenticated: true });
    h.engine.answer((input) => [replyTo(input, [{ id: 'test-echo', args: { text: input.content.type === 'text' ? input.content.text : '?' } }])]);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.engine.inputs.length = 0;
    h.standin.calls.length = 0;
  });

  it('refuses a request without a token, and changes nothing', async () => {
    const res = await h.post(h.act.say(amina, 'hello'), '');
    expect(res.status).toBe(401);
    expect(h.engine.inputs).toHaveLength(0);
    expect(h.standin.calls).toHaveLength(0);
  });

  it('refuses a token signed by a key the channel does not publish', async () => {
    const res = await h.post(h.act.say(amina, 'hello'), `Bearer ${h.standin.token({}, { wrongKey: true })}`);
    expect(res.status).toBe(401);
    expect(h.engine.inputs).toHaveLength(0);
    expect(h.standin.calls).toHaveLength(0);
  });

  it('remembers nothing from a refused install: the user cannot be reached', async () => {
    const stranger = { id: '29:stranger', name: 'Stranger', chat: 'a:chat-stranger' };
    expect((await h.post(h.act.installPersonal(stranger), `Bearer ${h.standin.token({}, { wrongKey: true })}`)).status).toBe(401);
    const link = { platform: 'teams' as const, userId: stranger.id, accountId: 'acc-x', address: stranger.chat, linkedAt: '2026-11-01T00:00:00Z' };
    await expect(h.adapter.notifier.deliver({ link }, replyTo({ conversationId: stranger.chat } as never, [{ id: 'test-yes' }]))).rejects.toMatchObject({ opts: { permanent: true } });
    expect(h.standin.calls).toHaveLength(0);
  });

  it('refuses a token issued for another bot', async () => {
    const res = await h.post(h.act.say(amina, 'hello'), `Bearer ${h.standin.token({ aud: 'some-other-bot' })}`);
    expect(res.status).toBe(401);
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('refuses a token issued for another service URL, an expired one, and one from another issuer', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const claims of [{ serviceurl: 'https://evil.example/' }, { exp: now - 3600, nbf: now - 7200 }, { iss: 'https://sts.windows.net/someone/' }]) {
      const res = await h.post(h.act.say(amina, 'hello'), `Bearer ${h.standin.token(claims)}`);
      expect(res.status).toBe(401);
    }
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('refuses a malformed body before looking at the token', async () => {
    const res = await h.post({ hello: 'world' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION');
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('accepts a token signed by the right key and answers with the bot’s own token', async () => {
    const res = await h.post(h.act.say(amina, 'hello'));
    expect(res.status).toBe(200);
    expect(h.engine.inputs).toHaveLength(1);
    const [reply] = h.standin.posted(amina.chat);
    expect(visible(reply?.body.text)).toBe('You wrote: hello');
    expect(reply?.authorization).toMatch(/^Bearer standin-token-/);
  });
});

describe('Teams without an app id', () => {
  it('runs unauthenticated only when explicitly allowed (TEAMS_ENABLED=1)', () => {
    const deps = {
      engine: { handle: async () => ({ replies: [] }) },
      i18n: createI18n(testLocalesDir()),
      threads: createThreadRegistry(createMemoryKv()),
      links: createLinkStore(createMemoryKv()),
      dedup: createMemoryDedup(),
      kv: createMemoryKv(),
      blobs: createMemoryBlobStore(),
      logger: silentLogger,
    };
    expect(() => createTeamsAdapter(deps)).toThrow(/MicrosoftAppId/);
    expect(() => createTeamsAdapter({ ...deps, allowUnauthenticated: true })).not.toThrow();
    expect(() => createTeamsAdapter({ ...deps, appId: 'x', appType: 'SingleTenant', appPassword: 'p' })).toThrow(/MicrosoftAppTenantId/);
    expect(() => createTeamsAdapter({ ...deps, appId: 'x', appType: 'UserAssignedMSI', tenantId: 't' })).not.toThrow();
  });

  it('accepts activities without a token and answers without one', async () => {
    const h = await startHarness({ authenticated: false });
    try {
      h.engine.answer((input) => [replyTo(input, [{ id: 'test-hello', args: { name: input.userName ?? '' } }])]);
      const res = await h.post(h.act.say(amina, 'bonjour'));
      expect(res.status).toBe(200);
      const [reply] = h.standin.posted(amina.chat);
      expect(visible(reply?.body.text)).toBe('Hello Amina K.');
      expect(reply?.authorization).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

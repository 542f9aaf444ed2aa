import { NotFoundError } from '../../../domain/errors.js';
import type { Account } from '../../../domain/types.js';
import type { Msg } from '../../../ports/notification.js';
import { choice, m, say, type EngineCtx, type Turn } from '../context.js';

/** What this user can do, by role: the `/help` text and the greeting's second half. */
export function helpBody(t: Turn): Msg[] {
  if (!t.account) return [m('engine-help-unlinked')];
  const body: Msg[] = [m('engine-help-intro')];
  const roles = t.account.roles;
  if (roles.includes('buyer')) body.push(m('engine-help-buyer'));
  if (roles.includes('seller')) body.push(m('engine-help-seller'));
  if (roles.includes('support')) body.push(m(t.staff ? 'engine-help-support' : 'engine-help-support-elsewhere'));
  body.push(m('engine-help-common'));
  return body;
}

/** Tells an unlinked user how to link; in the embedded mode, offers the demo accounts as buttons. */
export async function explainLinking(e: EngineCtx, t: Turn, greet = false): Promise<void> {
  const body: Msg[] = [];
  if (greet) body.push(m('engine-welcome'));
  body.push(m('engine-link-how', { platform: t.input.platform }));
  if (!e.deps.embedded) return void say(t, body);
  const accounts = await e.deps.marketplace.accounts();
  const choices = await Promise.all(
    accounts.map((a) => choice(e, t, m('engine-demo-account', { name: a.name, role: a.roles[0] ?? 'buyer' }), { k: 'demo', accountId: a.id })),
  );
  body.push(m('engine-demo-pick'));
  say(t, body, { choices });
}

/** Links this chat identity to `accountId` and greets the user in the account's language. */
export async function linkIdentity(e: EngineCtx, t: Turn, accountId: string, relocalize: (a: Account) => Promise<void>): Promise<void> {
  const account = await e.deps.marketplace.account(accountId);
  if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', undefined, { accountId });
  const { platform, userId, conversationId, isPrivate } = t.input;
  // Outside a private chat the conversation is shared: notifications then go to the user directly (a DM by user id).
  await e.deps.links.put({ platform, userId, accountId, address: isPrivate ? conversationId : userId, linkedAt: t.now });
  e.log.info({ platform, userId, accountId }, 'chat identity linked');
  await relocalize(account);
  say(t, [m('engine-linked', { name: account.name }), ...helpBody(t)]);
}

/** `/start [token]` and `/link <token>`: spends the token, or greets and explains. */
export async function startOrLink(
  e: EngineCtx,
  t: Turn,
  token: string | undefined,
  command: 'start' | 'link',
  relocalize: (a: Account) => Promise<void>,
): Promise<void> {
  if (token) {
    const accountId = await e.deps.linking.consume(token);
    return linkIdentity(e, t, accountId, relocalize);
  }
  if (t.account) return void say(t, [m('engine-welcome-back', { name: t.account.name }), ...helpBody(t)]);
  if (command === 'link') return void say(t, m('engine-link-usage'));
  return explainLinking(e, t, true);
}

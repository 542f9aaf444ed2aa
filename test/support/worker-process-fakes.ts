import type { Render } from '../../src/app/outbox-worker.js';
import type { Platform } from '../../src/domain/types.js';
import type { LinkStore } from '../../src/ports/links.js';
import { DeliveryError, type DeliveryTarget, type Notifier } from '../../src/ports/notifier.js';
import type { OutMessage } from '../../src/ports/turn.js';

/** One delivery a fake platform received (or refused). */
export interface Received {
  platform: Platform;
  /** The linked user id, or `support` for the staff channel. */
  to: string;
  notificationId: string;
  caseId?: string;
  ok: boolean;
  at: number;
}

/** Stand-in for the engine's renderer: keeps the notification id where the fake notifier can see it. */
export const testRender: Render = async (n, target, platform): Promise<OutMessage> => ({
  target: { conversationId: 'link' in target ? target.link.address : `${platform}-staff` },
  locale: 'fr',
  timezone: 'Africa/Kinshasa',
  body: n.body,
  ...(n.caseId ? { caseId: n.caseId } : {}),
  ...(n.blobId ? { blobId: n.blobId } : {}),
  replaceKey: n.id,
});

/** A platform that records (or reports) what it is asked to deliver; `refuse` decides, per try, whether it fails. */
export function fakeNotifier(
  platform: Platform,
  received: Received[] | ((r: Received) => void),
  refuse: (r: Omit<Received, 'ok' | 'at'>, tries: number) => DeliveryError | null = () => null,
): Notifier {
  const tries = new Map<string, number>();
  return {
    platform,
    async deliver(target: DeliveryTarget, message: OutMessage) {
      const r = { platform, to: 'link' in target ? target.link.userId : 'support', notificationId: message.replaceKey ?? '?', ...(message.caseId ? { caseId: message.caseId } : {}) };
      const key = `${r.notificationId}@${r.to}`;
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      const err = refuse(r, n);
      const record = { ...r, ok: !err, at: Date.now() };
      if (Array.isArray(received)) received.push(record);
      else received(record);
      if (err) throw err;
    },
  };
}

/** Links the demo cast: the buyer on Telegram, the seller on Telegram and Discord. */
export async function linkDemoCast(links: LinkStore): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z';
  await links.put({ platform: 'telegram', userId: 't-amina', accountId: 'acc-amina', address: 'chat-amina', linkedAt: at });
  await links.put({ platform: 'telegram', userId: 't-bisou', accountId: 'acc-bisou', address: 'chat-bisou', linkedAt: at });
  await links.put({ platform: 'discord', userId: 'd-bisou', accountId: 'acc-bisou', address: 'dm-bisou', linkedAt: at });
}

export { DeliveryError };

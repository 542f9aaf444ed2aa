import type { KeyValue } from '../../src/ports/kv.js';

/** How long a message's buttons can still be retired by a newer one in its slot. */
const SLOT_TTL_MS = 30 * 24 * 3600_000;

/**
 * The last message an adapter posted with buttons in each slot of a chat (OutMessage.slot), so that the
 * next one in the same slot retires its buttons. `ref` is the platform's message reference as a string.
 */
export interface ButtonSlots {
  /** Records `ref` as the slot's message and returns the one it replaces (undefined when none or the same). */
  swap(conversationId: string, slot: string, ref: string): Promise<string | undefined>;
  /** Empties the slot (OutMessage.clearSlots) and returns the message that held it (undefined when none). */
  clear(conversationId: string, slot: string): Promise<string | undefined>;
}

/** An emptied slot: a ref no message has, so that the next `swap` retires nothing and `clear` finds nothing. */
const EMPTY = '';

export function createButtonSlots(kv: KeyValue, platform: string): ButtonSlots {
  const key = (conversationId: string, slot: string) => `${platform}:slot:${conversationId}:${slot}`;
  /**
   * Puts `ref` in the slot and returns the message that held it (none for an emptied slot). One step where the store
   * can: a message taking the slot at the same moment is either returned here or keeps the slot.
   */
  async function exchange(conversationId: string, slot: string, ref: string): Promise<string | undefined> {
    const k = key(conversationId, slot);
    let previous: string | undefined;
    if (kv.exchange) previous = await kv.exchange<string>(k, ref, SLOT_TTL_MS);
    else {
      previous = await kv.get<string>(k);
      await kv.set(k, ref, SLOT_TTL_MS);
    }
    return previous === EMPTY ? undefined : previous;
  }
  return {
    async swap(conversationId, slot, ref) {
      const previous = await exchange(conversationId, slot, ref);
      return previous !== ref ? previous : undefined;
    },
    clear: (conversationId, slot) => exchange(conversationId, slot, EMPTY),
  };
}

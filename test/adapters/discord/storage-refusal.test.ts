import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryDedup } from '../../../src/infra/dedup.js';
import type { Dedup } from '../../../src/ports/kv.js';
import type { TurnInput } from '../../../src/ports/turn.js';
import { eventually, replyTo, startHarness, USERS, type Harness } from './harness.js';

/**
 * Redis refusing writes (full at `maxmemory` under `noeviction`, read-only during a failover): Discord never delivers a
 * gateway message or an interaction again, so what the user is told is all they get. They must read that nothing was
 * saved and that they should send it (or press it) again — not an answer as if it had been handled, nor « done ».
 */

const OOM = () => Object.assign(new Error("OOM command not allowed when used memory > 'maxmemory'."), { name: 'ReplyError' });
const NOT_SAVED = 'Votre message n’a pas pu être enregistré pour le moment : il n’a été ni transmis ni ajouté à un litige. Merci de le renvoyer dans quelques minutes.';
const ACTION_NOT_SAVED = 'Votre demande n’a pas pu être enregistrée pour le moment : rien n’a été fait. Merci de réessayer dans quelques minutes.';
const text = (m: any) => String(m?.content ?? '');
const callbacks = (h: Harness, id: string) => h.standin.calls.filter((c) => c.path.startsWith(`/interactions/${id}/`));

/** The engine as it answers a turn whose writes Redis refused: the apology, and the refusal. */
function refusingEngine(h: Harness): void {
  h.engine.handle = async (input: TurnInput) => {
    h.engine.inputs.push(input);
    return { replies: [replyTo(input, [{ id: 'error-internal' }])], storageRefused: OOM() };
  };
}

/** A Dedup whose claims Redis refuses: nothing can be claimed, so nothing is handled. */
function refusingDedup(): Dedup {
  const inner = createMemoryDedup();
  return { ...inner, claim: async () => Promise.reject(OOM()) };
}

describe('Discord while Redis refuses writes', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('a DM whose turn Redis refused: its author reads that it was not saved and to send it again', async () => {
    h = await startHarness();
    refusingEngine(h);
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, content: 'le colis est arrivé abîmé' });
    await eventually(() => expect(h.standin.messagesIn(dm).map(text)).toContain(NOT_SAVED));
    await new Promise((res) => setTimeout(res, 200));
    expect(h.standin.messagesIn(dm).map(text)).toEqual([NOT_SAVED]);
  });

  it('a DM whose claim Redis refused: not handed to the engine, and its author reads that it was not saved', async () => {
    h = await startHarness({ shared: { dedup: refusingDedup() } });
    const dm = h.standin.dmChannelId(USERS.amina.id);
    h.standin.sendMessage({ author: USERS.amina, content: 'le colis est arrivé abîmé' });
    await eventually(() => expect(h.standin.messagesIn(dm).map(text)).toEqual([NOT_SAVED]));
    expect(h.engine.inputs).toHaveLength(0);
  });

  it('a form submitted in a server channel whose turn Redis refused: only its author reads that nothing was done, no « done »', async () => {
    h = await startHarness();
    refusingEngine(h);
    const id = h.standin.submitModal({ user: USERS.bisou, channelId: h.standin.casesChannelId, customId: 'm:text', fields: { text: 'Colis remis au transporteur hier' } });
    await eventually(() => expect(h.standin.repliesTo(id).map(text)).toEqual([ACTION_NOT_SAVED]));
    expect(callbacks(h, id)[0]!.body).toMatchObject({ type: 4, data: { content: ACTION_NOT_SAVED, flags: 64 } });
    await new Promise((res) => setTimeout(res, 200));
    expect(h.standin.repliesTo(id).map(text)).toEqual([ACTION_NOT_SAVED]);
  });

  it('a slash command whose claim Redis refused: not handed to the engine, and only its author reads that nothing was done', async () => {
    h = await startHarness({ shared: { dedup: refusingDedup() } });
    const id = h.standin.command({ user: USERS.bisou, channelId: h.standin.casesChannelId, name: 'cases' });
    await eventually(() => expect(h.standin.repliesTo(id).map(text)).toEqual([ACTION_NOT_SAVED]));
    expect(callbacks(h, id)[0]!.body.data.flags).toBe(64);
    expect(h.engine.inputs).toHaveLength(0);
  });

});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld } from './harness.js';
import { classifyProblem, statesProblem } from '../../../src/app/engine/intent.js';
import { languageAskedFor } from '../../../src/app/engine/typed-answers.js';
import type { OutMessage } from '../../../src/ports/turn.js';

/**
 * One test per defect the twelfth blind probe found (test/fixtures/buyer-conversations/probe-12.ts): a language asked
 * for in words (« lobela ngai na lingala », « nijibu kwa Kiswahili », « ee, na lingala » under the bot's question) was not
 * heard, and a Lingala « it did not come » with a word between the verb and « te » (« eyaki kutu te ») was not read as
 * a problem. Each is a class of phrasing, tested in several words and languages.
 */

const ids = (replies: OutMessage[]) => replies.flatMap((o) => o.body.map((b) => b.id));
const proposed = (replies: OutMessage[]) => replies.flatMap((o) => o.body).find((b) => b.id === 'engine-report-reason-proposed')?.args;
const locales = (replies: OutMessage[]) => [...new Set(replies.filter((o) => !o.ownLanguage).map((o) => o.locale))];

describe('a language asked for in words (typed-answers)', () => {
  it('reads the request in the four languages, alone or with a yes', () => {
    expect(languageAskedFor('lobela ngai na lingala svp')).toEqual({ lang: 'ln', yes: null });
    expect(languageAskedFor('samahani, nijibu kwa Kiswahili tafadhali')).toEqual({ lang: 'sw', yes: null });
    expect(languageAskedFor('in English please')).toEqual({ lang: 'en', yes: null });
    expect(languageAskedFor('parlez-moi en français')).toEqual({ lang: 'fr', yes: null });
    expect(languageAskedFor('ee, na lingala')).toEqual({ lang: 'ln', yes: 'ee' });
    expect(languageAskedFor('ndiyo, kwa Kiswahili')).toEqual({ lang: 'sw', yes: 'ndiyo' });
    expect(languageAskedFor('yes, in English')).toEqual({ lang: 'en', yes: 'yes' });
  });

  it('does not take a story that names a language for a request', () => {
    expect(languageAskedFor("le vendeur m'a écrit en lingala et il ne répond plus")).toBeNull();
    expect(languageAskedFor('the seller only answers in swahili, my parcel never came')).toBeNull();
    expect(languageAskedFor('commande na ngai 1001 eyaki te')).toBeNull();
  });
});

describe('a language asked for in words during a report (engine)', () => {
  const world = backendWorld('memory', { beforeAll, afterAll });

  it('« lobela ngai na lingala » in a French report: the report goes on in Lingala, the same question asked again', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("ma commande 1005 n'est jamais arrivée");
    expect(proposed(s.last)).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1005' });
    await s.text('lobela ngai na lingala svp');
    expect(ids(s.last)).toContain('engine-lang-set');
    expect(locales(s.last)).toEqual(['ln']);
    expect(proposed(s.last)).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1005' });
    await s.text('ee');
    expect(locales(s.last)).toEqual(['ln']);
    expect(ids(s.last)).not.toContain('buyer-flow-resume-offer');
  });

  it('« nijibu kwa Kiswahili » in a Lingala report: Swahili from then on', async () => {
    const w = await world({ withoutLocale: ['acc-amina'] });
    const s = await w.user({ account: 'acc-amina' });
    await s.text('commande na ngai 1001 eyaki te');
    expect(locales(s.last)).toEqual(['ln']);
    await s.text('samahani, nijibu kwa Kiswahili tafadhali');
    expect(locales(s.last)).toEqual(['sw']);
    expect(proposed(s.last)).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1001' });
  });

  it('« ee, na lingala » under a proposed reason: Lingala, the reason confirmed, the offer not made again', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text('Mbote, pagne na ngai eyaki te kino lelo');
    expect(proposed(s.last)).toMatchObject({ reason: 'non_delivery', orderId: 'CC-1001' });
    expect(ids(s.last)).toContain('engine-lang-offer');
    for (const [typed, lang] of [['ee, na lingala', 'ln']] as const) {
      await s.text(typed);
      expect(locales(s.last)).toEqual([lang]);
      expect(ids(s.last)).toContain('engine-report-eligible');
      expect(ids(s.last)).not.toContain('engine-lang-offer');
    }
    const w2 = await world();
    const s2 = await w2.user({ account: 'acc-amina' });
    await s2.text('Habari, mzigo wangu wa shati haujafika');
    await s2.text('ndiyo, kwa Kiswahili');
    expect(locales(s2.last)).toEqual(['sw']);
    expect(ids(s2.last)).toContain('engine-report-eligible');
  });

  it('a story that names a language changes nothing', async () => {
    const w = await world();
    const s = await w.user({ account: 'acc-amina' });
    await s.text("ma commande 1005 n'est jamais arrivée, le vendeur m'a écrit en lingala");
    expect(ids(s.last)).not.toContain('engine-lang-set');
    expect(locales(s.last)).toEqual(['fr']);
  });
});

describe('a Lingala « did not come » with a word before « te » (understanding cues)', () => {
  it('reads « eyaki kutu te », « ekomaki naino te », « eyaki ata moke te » as not arrived', () => {
    for (const text of ['te, eyaki kutu te', 'colis ekomaki naino te', 'sakosi eyaki ata moke te', 'biloko eyei soki moke te']) {
      expect(classifyProblem(text), text).toBe('non_delivery');
      expect(statesProblem(text), text).toBe(true);
    }
    expect(statesProblem('eyaki malamu te')).toBe(false);
  });
});

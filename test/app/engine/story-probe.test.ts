import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendWorld, type Speaker, type World } from './harness.js';
import type { Choice, OutMessage } from '../../../src/ports/turn.js';

/**
 * A blind probe of buyers who tell long, tangled stories (written from SPEC, README, docs/rules.md and the locales
 * before reading the engine): two orders and two problems in one message, a correction halfway (« non attends c'était
 * la 1005 »), the order buried in the middle, the whole history with the courier, French mixed with Lingala, Swahili
 * or English, dictation without punctuation, insults and threats of police or Facebook, a question at the very end;
 * then more of the story, « non c'est pas ça », the other order named, the seller's SMS pasted, « donc vous allez
 * faire quoi ? ». Each conversation is checked by meaning: the right order(s) and reason, nothing said twice in one
 * answer, the second problem taken up after the first, the case's description holding the buyer's story, never a case
 * on the wrong order, never the buyer's words to the bot sent to the seller.
 *
 * As first written (commit a840731, before reading the engine): 21 of 29 on each backend. Of the 8 failures, 2 were the
 * probe's own: its driver did not answer the « Décrivez le problème » question (s05: the engine rightly asks for a
 * description when a correction of the order carries none), and it read the answer that opened the first case, which
 * also carries the next order's question, as the second case opened (s29). The driver was fixed; no expectation changed.
 * The 6 others were defects, fixed for their construction (tests beside them: order-ref, typed-answers,
 * understanding-phenomena):
 * - s03 two orders with two problems in one message: the second was kept for after the first, silently; now told
 *   (« Je garde votre signalement pour CC-1005 … »), as « et aussi … » is.
 * - s04 a correction inside the message (« la 1001… non attends je me trompe, c'est la 1005 »): both orders offered; now the
 *   order named after « non attends », « je me suis trompée », « pardon c'est », "no wait", "I mean" is the one meant.
 * - s12 « donc vous allez faire quoi ? » after the case opened: offered to the seller as words for him; now answered as
 *   « c quoi la suite ? » is (the seller's deadline and the card), with « qu'est-ce que vous comptez faire », "what are you
 *   going to do", « mtafanya nini ».
 * - s13 the seller's SMS pasted with « mais c'est faux »: read as a fake item, so a new report asking which order; « c'est
 *   faux » alone no longer counts as fake (« c'est du faux », « des faux », « ezali faux » still do).
 * - s16 « toujours rien … c'est normal ? elles arrivent quand ? » on an order not yet due: « commande non reçue » proposed;
 *   a story ending on when the order comes is now answered with its dates (a non-delivery once it is late).
 * - s25 « toujours rien. Est-ce que je peux être remboursée ? »: read as money not back (a refund request); « peux / puis /
 *   pourrais / can / could » before the refund word is money asked for, not money missing: non-delivery.
 * After: 29 of 29 on each backend. Understanding bench unchanged (held out 98.5%, blind sets 99.4/100/100/100/96.7/100%).
 */

interface Probe {
  w: World;
  s: Speaker;
  /** Every reply of the conversation so far, rendered, for failure messages. */
  log: string[];
  say(text: string): Promise<void>;
  press(id: string, match?: (c: Choice) => boolean): Promise<void>;
  ids(): string[];
  text(): string;
  buttons(): Choice[];
}

async function probe(w: World, account = 'acc-amina'): Promise<Probe> {
  const s = await w.user({ account });
  const log: string[] = [];
  let previous = '';
  const after = (what: string) => {
    const text = s.read();
    log.push(`> ${what}\n${text}`);
    const ids = s.ids();
    const where = `\n${log.join('\n')}`;
    expect(ids, `a dead end or an error${where}`).not.toContain('engine-fallback');
    expect(ids, `an internal error${where}`).not.toContain('error-internal');
    // Nothing said twice in one answer.
    const paragraphs = s.last.flatMap((o: OutMessage) => o.body.map((b) => JSON.stringify(b)));
    expect(new Set(paragraphs).size, `a paragraph said twice${where}`).toBe(paragraphs.length);
    previous = text;
  };
  void previous;
  return {
    w,
    s,
    log,
    async say(text) {
      await s.text(text);
      after(text);
    },
    async press(id, match) {
      await s.press(id, match);
      after(`[${id}]`);
    },
    ids: () => s.ids(),
    text: () => s.read(),
    buttons: () => s.last.flatMap((o) => [...(o.choices ?? []), ...(o.card?.actions ?? [])]),
  };
}

const why = (p: Probe) => `\n${p.log.join('\n')}`;
const has = (c: Choice, s: string) => JSON.stringify(c).includes(s);

/** The bot proposes this reason for this order (and no other order's report). */
function expectProposed(p: Probe, orderId: string, reason: 'non_delivery' | 'not_as_described') {
  expect(p.ids(), `a reason proposed${why(p)}`).toContain('engine-report-reason-proposed');
  const label = reason === 'non_delivery' ? 'commande non reçue' : 'article non conforme';
  const proposal = p.text().split('\n').find((l) => l.includes('Si je comprends bien')) ?? '';
  expect(proposal, `proposed for ${orderId}${why(p)}`).toContain(orderId);
  expect(proposal, `proposed ${reason}${why(p)}`).toContain(label);
}

/** Goes on the way a buyer would (yes, the order, the reason, open now) until the case is opened; returns its id. */
async function openFrom(p: Probe, orderId: string, reason: 'non_delivery' | 'not_as_described'): Promise<string> {
  for (let step = 0; step < 6; step++) {
    // The answer that opened a previous case may carry this one's first question: only what this loop did counts.
    const opened = step === 0 ? null : /Le litige (C-\d+) est ouvert pour la commande (CC-\d+)/.exec(p.text());
    if (opened) {
      expect(opened[2], `the case opened on the right order${why(p)}`).toBe(orderId);
      const c = await p.w.store.load(opened[1]!);
      expect(c?.orderId, `case order${why(p)}`).toBe(orderId);
      expect(c?.reason, `case reason${why(p)}`).toBe(reason);
      return opened[1]!;
    }
    const b = p.buttons();
    if (b.some((c) => c.label.id === 'buyer-flow-choice-open-now')) await p.press('buyer-flow-choice-open-now');
    else if (b.some((c) => c.label.id === 'engine-choice-open-case')) await p.press('engine-choice-open-case');
    else if (p.ids().includes('engine-report-reason-proposed')) {
      expectProposed(p, orderId, reason);
      await p.press('engine-choice-yes-reason');
    } else if (b.some((c) => c.label.id === 'engine-order-choice' && has(c, orderId))) await p.press('engine-order-choice', (c) => has(c, orderId));
    else if (b.some((c) => c.label.id === 'engine-reason-choice' && has(c, reason))) await p.press('engine-reason-choice', (c) => has(c, reason));
    else if (b.some((c) => c.label.id === 'buyer-flow-choice-resume')) await p.press('buyer-flow-choice-resume');
    else if (p.ids().includes('engine-report-ask-description')) await p.say(`Toujours le même problème avec la commande ${orderId}, rien n'est réglé.`);
    else expect.fail(`no way on to a case on ${orderId}${why(p)}`);
  }
  expect.fail(`no case opened on ${orderId} in six steps${why(p)}`);
}

async function description(p: Probe, caseId: string): Promise<string> {
  const c = (await p.w.store.load(caseId)) as unknown as Record<string, unknown>;
  const opened = (c.timeline as Array<Record<string, unknown>>)[0]!;
  return String(c.description ?? opened.text ?? opened.description ?? JSON.stringify(opened));
}

/** Everything sent to the seller so far (order messages and case notifications), as text. */
async function toSeller(p: Probe, caseIds: string[] = []): Promise<string> {
  const out = [JSON.stringify(p.w.relayed)];
  for (const id of caseIds) out.push(JSON.stringify(await p.w.outbox(id)));
  return out.join('\n');
}

describe.each(['memory', 'redis'] as const)('story probe: long, tangled buyer stories (%s)', (kind) => {
  const world = backendWorld(kind, { beforeAll, afterAll });
  const t = (name: string, fn: (w: World) => Promise<void>) => it(name, { timeout: 30_000 }, async () => fn(await world()));

  t('s01 the order buried in a long story about the courier: non-delivery, the story as description', async (w) => {
    const p = await probe(w);
    await p.say(
      "Bonjour madame monsieur, je vous écris parce que franchement je suis fatiguée. J'ai commandé chez Bisou il y a plus de deux semaines, j'ai payé par mobile money, on m'a dit que ça arrive en une semaine. J'ai attendu, j'ai appelé le livreur trois fois, il me dit toujours demain demain. Bref la commande CC-1001, les pagnes wax, n'est jamais arrivée jusqu'à aujourd'hui. Je veux mon argent ou mes pagnes.",
    );
    expectProposed(p, 'CC-1001', 'non_delivery');
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    expect(await description(p, id), why(p)).toContain('jamais arrivée');
  });

  t('s02 « bonjour » first, then the story: the description is the story, not the greeting', async (w) => {
    const p = await probe(w);
    await p.say('bonjour');
    await p.say(
      "Le sac en raphia que j'ai reçu n'a rien à voir avec la photo de l'annonce : c'est du plastique, pas du raphia, la couleur est marron au lieu de beige, et la fermeture est déjà cassée.",
    );
    expectProposed(p, 'CC-1002', 'not_as_described');
    const id = await openFrom(p, 'CC-1002', 'not_as_described');
    const d = await description(p, id);
    expect(d, why(p)).toContain('plastique');
    expect(d.trim().toLowerCase(), why(p)).not.toBe('bonjour');
  });

  t('s03 two orders, two problems in one message: the first, then the second taken up', async (w) => {
    const p = await probe(w);
    await p.say(
      "J'ai deux problèmes. Le pagne wax CC-1001 n'est jamais arrivé, et la chemise en bogolan CC-1005 que j'ai reçue n'est pas celle de la photo, c'est une autre couleur et un autre tissu.",
    );
    expectProposed(p, 'CC-1001', 'non_delivery');
    expect(p.text(), `the second order kept${why(p)}`).toContain('CC-1005');
    const first = await openFrom(p, 'CC-1001', 'non_delivery');
    expect(p.text(), `the second problem taken up after the first${why(p)}`).toContain('CC-1005');
    const second = await openFrom(p, 'CC-1005', 'not_as_described');
    expect(first).not.toBe(second);
  });

  t('s04 a correction halfway through the message: the corrected order only', async (w) => {
    const p = await probe(w);
    await p.say("ma commande 1001 n'est pas arrivée... non attends je me trompe, c'est la 1005, la chemise, elle n'est jamais arrivée. le pagne je l'ai bien eu");
    expectProposed(p, 'CC-1005', 'non_delivery');
    await openFrom(p, 'CC-1005', 'non_delivery');
  });

  t('s05 « non c\'est pas ça, c\'est la commande du 26 octobre »: the report moves to that order', async (w) => {
    const p = await probe(w);
    await p.say("le colis n'est jamais arrivé, la commande du pagne wax");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.say("non c'est pas ça, c'est la commande du 26 octobre, la chemise");
    expect(p.text(), why(p)).toContain('CC-1005');
    await openFrom(p, 'CC-1005', 'non_delivery');
  });

  t('s06 dictation without punctuation: not as described on the bag', async (w) => {
    const p = await probe(w);
    await p.say(
      "allo oui bonjour donc voilà moi j'avais commandé le sac en raphia chez bisou créations depuis le mois passé et quand le livreur est venu il m'a donné un sac qui n'est pas le même que sur la photo c'est pas tressé c'est petit et la couleur c'est marron au lieu de beige voilà je veux savoir comment on fait",
    );
    expectProposed(p, 'CC-1002', 'not_as_described');
    await openFrom(p, 'CC-1002', 'not_as_described');
  });

  t('s07 French and Lingala mixed: non-delivery of 1001', async (w) => {
    const p = await probe(w);
    await p.say("Mbote, nasombaki pagne wax na Bisou, commande 1001, eyaki te tii lelo. Livreur azali koloba kaka lobi lobi. Nalembi na ye.");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await openFrom(p, 'CC-1001', 'non_delivery');
  });

  t('s08 Swahili and French mixed, a question at the end: non-delivery of 1008', async (w) => {
    const p = await probe(w);
    await p.say("habari, niliagiza foulard mbili za hariri kwa Atelier Lumière, oda CC-1008, mpaka sasa haijafika. mwezi mzima sasa. nifanye nini?");
    expectProposed(p, 'CC-1008', 'non_delivery');
    await openFrom(p, 'CC-1008', 'non_delivery');
  });

  t('s09 English and French mixed with "what do I do now??"', async (w) => {
    const p = await probe(w);
    await p.say("bonjour, so basically I ordered the wax pagne, order 1001, and it never came, le livreur ne répond plus au téléphone, what do I do now??");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await openFrom(p, 'CC-1001', 'non_delivery');
  });

  t('s10 insults and police and Facebook threats: the case still works', async (w) => {
    const p = await probe(w);
    await p.say(
      "Ce vendeur Bisou est un voleur et un menteur !!! J'ai payé 50 000 FC pour les pagnes wax et rien, jamais reçu. Si demain j'ai rien je vais à la police et je vais publier sur Facebook que Bisou Créations vole les gens.",
    );
    expectProposed(p, 'CC-1001', 'non_delivery');
    expect(p.ids(), why(p)).not.toContain('engine-threat-told-support');
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    expect(await description(p, id), why(p)).toContain('jamais reçu');
  });

  t('s11 a threat in the middle of the report: the report kept, nothing sent to the seller', async (w) => {
    const p = await probe(w);
    await p.say("mes pagnes wax commande 1001 jamais arrivés");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.say('si vous ne faites rien je vais vous dénoncer sur les réseaux sociaux, tout le monde saura');
    expect(p.text(), `the report still about CC-1001${why(p)}`).toContain('CC-1001');
    expect(p.buttons().length, `a way on${why(p)}`).toBeGreaterThan(0);
    await openFrom(p, 'CC-1001', 'non_delivery');
    expect(await toSeller(p), why(p)).not.toContain('réseaux sociaux');
  });

  t('s12 « donc vous allez faire quoi ? » after the case opened: the next step, not a message to the seller', async (w) => {
    const p = await probe(w);
    await p.say("La commande CC-1001 n'est jamais arrivée, ça fait une semaine de retard, le livreur ne répond plus. C'est quoi la suite ?");
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    await p.say('donc vous allez faire quoi ?');
    expect(p.text(), why(p)).toContain(id);
    expect(p.ids().some((i) => i === 'buyer-flow-case-next' || i === 'buyer-flow-case-wait'), `the next step told${why(p)}`).toBe(true);
    expect(await toSeller(p, [id]), why(p)).not.toContain('vous allez faire quoi');
  });

  t('s13 the seller\'s SMS pasted after the case opened: not sent behind the buyer\'s back', async (w) => {
    const p = await probe(w);
    await p.say('commande 1001 pas reçue');
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    await p.say('voici ce qu\'il m\'a envoyé par sms : "Bonjour madame votre colis est parti avec DHL le 28, patientez" mais c\'est faux, DHL dit qu\'ils ont rien');
    expect(p.text(), why(p)).toContain(id);
    expect(await toSeller(p, [id]), why(p)).not.toContain('DHL le 28');
    expect(p.buttons().some((c) => c.label.id === 'engine-choice-send-to-seller'), `« Envoyer au vendeur » offered${why(p)}`).toBe(true);
  });

  t('s14 wrong size in a long happy story: not a case, the shop\'s policy', async (w) => {
    const p = await probe(w);
    await p.say(
      "J'ai reçu la chemise en bogolan hier enfin, elle est belle, c'est bien celle de la photo, merci. Mais j'ai pris la taille M et c'est trop petit pour mon mari, il lui faut du XL. Est-ce que je peux l'échanger ?",
    );
    expect(p.text(), why(p)).toContain('CC-1005');
    expect(p.text(), why(p)).not.toContain('commande non reçue');
    expect(p.text(), why(p)).not.toContain('non conforme à l\'annonce. C');
    for (let i = 0; i < 3 && !p.text().includes('Conditions de Bisou Créations'); i++) {
      if (p.ids().includes('engine-report-reason-proposed')) await p.press('engine-choice-yes-reason');
      else break;
    }
    expect(p.text(), `the shop's policy quoted${why(p)}`).toContain('Conditions de Bisou Créations');
    const cases = await p.w.store.load('C-000001');
    expect(cases, why(p)).toBeFalsy();
  });

  t('s15 cancelling with « je n\'ai pas encore reçu » in it: cancellation, not non-delivery', async (w) => {
    const p = await probe(w);
    await p.say("bonjour j'ai commandé des boucles d'oreilles en perles avant-hier mais finalement ma sœur m'a offert les mêmes pour mon anniversaire, je veux annuler, c'est possible ? je ne l'ai pas encore reçue de toute façon");
    expect(p.text(), why(p)).toContain('CC-1003');
    expect(p.text(), why(p)).not.toContain('commande non reçue');
    expect(p.text(), why(p)).toMatch(/annulation/);
  });

  t('s16 the courier promised Friday, a question at the end: the expected date, no case yet', async (w) => {
    const p = await probe(w);
    await p.say("le livreur m'avait dit que les boucles d'oreilles arrivent vendredi, on est mardi, toujours rien, je suis à la maison tous les jours. c'est normal ? elles arrivent quand ?");
    expect(p.text(), why(p)).toContain('CC-1003');
    expect(p.text(), `the dates told${why(p)}`).toMatch(/16 novembre/);
    expect(p.text(), why(p)).not.toMatch(/Le litige C-\d+ est ouvert/);
  });

  t('s17 a months-old order told with the whole story, then « c\'est pas juste »: the window and why', async (w) => {
    const p = await probe(w);
    await p.say("la lampe en laiton de l'Atelier Lumière, commandée en mai, je ne l'ai jamais reçue. Je n'ai pas réclamé parce que j'étais malade à l'hôpital pendant des mois. Je peux encore faire quelque chose ?");
    expect(p.text(), why(p)).toContain('CC-1004');
    for (let i = 0; i < 2 && !p.ids().includes('engine-report-window-closed'); i++) {
      if (p.ids().includes('engine-report-reason-proposed')) await p.press('engine-choice-yes-reason');
    }
    expect(p.ids(), why(p)).toContain('engine-report-window-closed');
    await p.say("c'est pas juste ! j'étais malade");
    expect(p.ids(), why(p)).toContain('buyer-flow-why-window-closed');
    expect(await toSeller(p), why(p)).not.toContain('pas juste');
  });

  t('s18 the second order named after the first case opened: a new report, not a comment on the first', async (w) => {
    const p = await probe(w);
    await p.say("mon pagne wax n'est jamais arrivé");
    const first = await openFrom(p, 'CC-1001', 'non_delivery');
    await p.say("et aussi le sac en raphia, il est arrivé mais c'est pas du tout le même que sur la photo, il est troué");
    expectProposed(p, 'CC-1002', 'not_as_described');
    expect(await toSeller(p, [first]), why(p)).not.toContain('troué');
    await openFrom(p, 'CC-1002', 'not_as_described');
  });

  t('s19 the order named by its amount in the middle of a rant', async (w) => {
    const p = await probe(w);
    await p.say(
      "Je suis très déçue. Depuis le début ce magasin ne répond pas bien. Celle de 45 000 francs, le sac, je l'ai reçu déchiré et c'est pas la même couleur que sur l'annonce. Ma voisine a commandé chez vous aussi et elle a eu le même problème. Je ne recommanderai plus jamais.",
    );
    expectProposed(p, 'CC-1002', 'not_as_described');
    const id = await openFrom(p, 'CC-1002', 'not_as_described');
    expect(await description(p, id), why(p)).toContain('déchiré');
  });

  t('s20 Joël: the sandals sent by bus to Lubumbashi, never came', async (w) => {
    const p = await probe(w, 'acc-joel');
    await p.say("Bonsoir, commande 1007 sandales en cuir, payée le 16 octobre, toujours rien, le vendeur m'a dit que c'est envoyé à Lubumbashi par bus mais rien, ça fait presque un mois. Je vais porter plainte.");
    expectProposed(p, 'CC-1007', 'non_delivery');
    await openFrom(p, 'CC-1007', 'non_delivery');
  });

  t('s21 Joël names Amina\'s order in his story: never a case on it', async (w) => {
    const p = await probe(w, 'acc-joel');
    await p.say("Bonjour, ma commande CC-1001 les pagnes ne sont jamais arrivés, le livreur m'a dit que c'est livré mais moi j'ai rien vu");
    expect(p.text(), why(p)).not.toContain('Pagne wax');
    expect(p.ids(), why(p)).not.toContain('engine-report-reason-proposed');
    expect(await p.w.store.load('C-000001'), why(p)).toBeFalsy();
  });

  t('s22 « oui mais il m\'avait dit DHL le 28 »: confirmed, and the words join the description', async (w) => {
    const p = await probe(w);
    await p.say('ma commande 1001 pas arrivée');
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.say("oui mais il m'avait dit que c'était envoyé par DHL le 28, il ment");
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    expect(await description(p, id), why(p)).toContain('DHL le 28');
  });

  t('s23 « donc vous allez faire quoi ? » in the middle of the report: answered, the report kept', async (w) => {
    const p = await probe(w);
    await p.say("j'ai payé les pagnes wax il y a deux semaines, commande 1001, jamais reçus, j'ai appelé le vendeur 5 fois");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.say('donc vous allez faire quoi ?');
    expect(p.text(), why(p)).toContain('CC-1001');
    await openFrom(p, 'CC-1001', 'non_delivery');
    expect(await toSeller(p), why(p)).not.toContain('vous allez faire quoi');
  });

  t('s24 Sheng and English: the silk scarves never came, refund wanted', async (w) => {
    const p = await probe(w);
    await p.say('Sasa, nimeorder ile scarf ya silk from Atelier Lumière, order 1008, hadi leo haijafika, nimekuwa nikingoja for a month na seller hajibu messages. Nataka refund yangu');
    expectProposed(p, 'CC-1008', 'non_delivery');
    await openFrom(p, 'CC-1008', 'non_delivery');
  });

  t('s25 the whole history with the courier by dates, « je peux être remboursée ? » at the end', async (w) => {
    const p = await probe(w);
    await p.say(
      "J'ai commandé le 25 octobre des pagnes wax. Le 30 le livreur m'a appelée pour dire qu'il arrive. Le 31 il dit qu'il est bloqué à Limete à cause des embouteillages. Le 2 novembre il ne décroche plus. Aujourd'hui toujours rien. Est-ce que je peux être remboursée ?",
    );
    expectProposed(p, 'CC-1001', 'non_delivery');
    await openFrom(p, 'CC-1001', 'non_delivery');
  });

  t('s26 the seller\'s SMS says delivered, the buyer says nobody came: non-delivery', async (w) => {
    const p = await probe(w);
    await p.say(
      "Le vendeur m'a envoyé ce message : \"Votre colis a été livré le 5 novembre, merci pour votre confiance\". Mais c'est faux, personne n'est venu chez moi, je n'ai rien reçu !!! C'est la chemise en bogolan.",
    );
    expectProposed(p, 'CC-1005', 'non_delivery');
    await openFrom(p, 'CC-1005', 'non_delivery');
  });

  t('s27 late and not as the photo: it came, so not as described', async (w) => {
    const p = await probe(w);
    await p.say("le sac en raphia est arrivé avec une semaine de retard et en plus il n'est pas comme sur la photo, les anses sont en plastique");
    expectProposed(p, 'CC-1002', 'not_as_described');
    await openFrom(p, 'CC-1002', 'not_as_described');
  });

  t('s28 more of the story before opening: the description holds both', async (w) => {
    const p = await probe(w);
    await p.say("commande 1001, les pagnes ne sont jamais arrivés");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.press('engine-choice-yes-reason');
    await p.say("et il faut dire aussi que le livreur m'a demandé 5000 FC en plus pour venir, j'ai refusé");
    const id = await openFrom(p, 'CC-1001', 'non_delivery');
    const d = await description(p, id);
    expect(d, why(p)).toContain('jamais arrivés');
    expect(d, why(p)).toContain('5000 FC');
  });

  t('s29 « ah et la 1005 aussi » during the first report: both orders get their case', async (w) => {
    const p = await probe(w);
    await p.say("les pagnes wax commande 1001 jamais arrivés, ça fait des jours");
    expectProposed(p, 'CC-1001', 'non_delivery');
    await p.say("ah et la 1005 aussi, la chemise, elle n'est jamais arrivée non plus");
    const now = p.text();
    const firstOrder = now.includes('Si je comprends bien, pour la commande CC-1005') ? 'CC-1005' : 'CC-1001';
    const other = firstOrder === 'CC-1005' ? 'CC-1001' : 'CC-1005';
    expect(now, `the other order kept${why(p)}`).toContain(other);
    await openFrom(p, firstOrder, 'non_delivery');
    expect(p.text(), `the other order taken up${why(p)}`).toContain(other);
    await openFrom(p, other, 'non_delivery');
  });
});

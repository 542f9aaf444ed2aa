import { distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { parseAmount } from '../format.js';
import { isNumberWord, readNumberWords } from '../number-words.js';

/**
 * Finding the order (or case) a person means, as people write it: `CC-1001`, `cc1001`, `cc 1001`,
 * `#1001`, `1001`, « ma commande du 19 novembre », « le pagne wax ». Pure: the buyer's own orders
 * come in as data, so an order that is not theirs can only read as unknown.
 */

/** Congocrea's order numbers (`CC-1001`): a prefix tried even when none of the orders at hand shows it. */
export const ORDER_PREFIX = 'CC';

/** What the matcher needs of an order. */
export interface OrderLike {
  id: string;
  placedAt: string;
  items: ReadonlyArray<{ title: string; quantity?: number; unitPrice?: { amount: number; currency: string } }>;
  /** What the buyer paid, in minor units: « celle à 50 000 FC » is the order of that amount. */
  total?: { amount: number; currency: string };
}

export type OrderRef =
  /** One or more of the buyer's orders, best first (several when the text fits them equally). */
  | { kind: 'found'; orderIds: string[]; by: 'id' | 'date' | 'title' | 'amount' | 'position' }
  /** The text names an order (a number, a date) that is none of the buyer's: `ref` as written; a date also as `day`/`month`. */
  | { kind: 'unknown'; ref: string; date?: { day: number; month: number } }
  | { kind: 'none' };

/** Lower case, accents folded, curly quotes straightened. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/œ/g, 'oe');
}

const digitsOf = (id: string): string => /(\d+)\D*$/.exec(id)?.[1] ?? '';
const prefixOf = (id: string): string => /^([a-z]+)/i.exec(id)?.[1]?.toLowerCase() ?? '';

/** Words that come before an order number written bare (`commande 1001`, `order no. 1001`). */
const ORDER_WORD = /(?:commande|cmd|cde|order|achat|purchase|n°|no\.?|num(?:ero)?|number|#)\s*(?:n°|no\.?|numero|number|#)?\s*$/;

/** Order numbers written in the text, as the buyer's orders spell them or as written when none fits. */
function byId(text: string, orders: readonly OrderLike[]): OrderRef {
  // « la commande 1 0 0 1 »: digits dictated one by one are one number.
  const t = fold(text)
    .replace(/(?<![\d.,])\d(?: \d){2,11}(?![\d.,])/g, (d) => d.replace(/ /g, ''))
    // « cc-1OO1 », « 1OO5 »: the letter O typed for a zero inside a number (two digits at least, nothing but digits and O).
    .replace(/(?<![a-z0-9])((?:[a-z]{2,5}[-_ ]?)?)([0-9o]{3,12})(?![a-z0-9])/g, (all, lead: string, n: string) =>
      /o/.test(n) && /\d.*\d/.test(n) ? `${lead}${n.replace(/o/g, '0')}` : all,
    );
  const prefixes = new Set(orders.map((o) => prefixOf(o.id)).filter(Boolean));
  prefixes.add(ORDER_PREFIX.toLowerCase());
  const found: string[] = [];
  let unknown: string | null = null;
  const add = (digits: string, written: string, certain: boolean) => {
    const hits = orders.filter((o) => digitsOf(o.id) === digits.replace(/^0+(?=\d)/, '') || digitsOf(o.id) === digits);
    if (hits.length > 0) for (const o of hits) if (!found.includes(o.id)) found.push(o.id);
    if (hits.length === 0 && certain && unknown === null) unknown = written;
  };
  // `CC-1001`, `cc1001`, `cc 1001`, `CC_1001`: letters then digits.
  for (const m of t.matchAll(/(?<![a-z0-9])([a-z]{2,5})([-_ ]?)(\d{2,12})(?![0-9])/g)) {
    const [, letters, sep, digits] = m as unknown as [string, string, string, string];
    const knownPrefix = prefixes.has(letters);
    if (!knownPrefix && sep !== '-') continue;
    const exact = orders.find((o) => o.id.toLowerCase() === `${letters}-${digits}` || o.id.toLowerCase() === `${letters}${digits}`);
    if (exact) {
      if (!found.includes(exact.id)) found.push(exact.id);
    } else if (knownPrefix) add(digits, `${letters.toUpperCase()}-${digits}`, true);
    else if (unknown === null) unknown = `${letters.toUpperCase()}-${digits}`;
  }
  // `#1001`, `1001`: a bare number is an order when one of the buyer's has it, or when the text calls it one.
  for (const m of t.matchAll(/(?<![a-z0-9-])(#?)(\d{3,12})(?![0-9]|[/.:h]\d| ?(?:fc|cdf|usd|eur|francs?|dollars?|ans?|jours?|days?|ko|mo)\b| ?\$)/g)) {
    const [, hash, digits] = m as unknown as [string, string, string];
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    if (/[a-z]$/.test(before)) continue;
    add(digits, `${hash}${digits}`, hash === '#' || ORDER_WORD.test(before));
  }
  // « la commande mille cinq », "order one thousand and five", « cc mille un »: a number dictated in words, after a word
  // for the order or the letters of the buyer's order numbers.
  const tokens = t.split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const lead = tokens[i - 1] ?? '';
    if (!isNumberWord(tokens[i]!) || !(/^(?:commande|cmd|order|oda|numero|number|la|le)$/.test(lead) || prefixes.has(lead))) continue;
    let j = i;
    while (j < tokens.length && isNumberWord(tokens[j]!)) j++;
    const n = readNumberWords(tokens.slice(i, j).join(' '));
    if (n !== null && n >= 100) add(String(n), String(n), false);
    i = j - 1;
  }
  if (found.length > 0) return { kind: 'found', orderIds: found, by: 'id' };
  return unknown ? { kind: 'unknown', ref: unknown } : { kind: 'none' };
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, january: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** « commande du », « commandé le », "order from", "ordered on": what makes a date the order's date. */
const DATE_CONTEXT =
  /(?:(?:commande|commandee?s?|achat|achete|acheter?|order(?:ed)?|bought|purchased?|placed|(?:j'ai|je l'ai|l'ai|on a|i|we|i've) (?:passee?|faite?|payee?|made|paid)|(?:celle|celui) (?:passee?|faite?|payee?))\s+(?:passee?\s+)?(?:du|le|de|from|on|of|placed on)?|(?:celle|celui|the one|one)\s+(?:du|de|from|of|on|placed on))\s*(?:the\s+)?$/;

/** An order's day as people write it: « du 19 novembre », « du 19/11 », "from November 19th". */
/** Day names before a date (« le lundi 26 octobre », "on Monday, October 26"): the date says it, the day only repeats it. */
const WEEKDAY = /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?=\d|[a-z]+\.?\s+\d)/g;

function byDate(text: string, orders: readonly OrderLike[], timezone: string): OrderRef {
  const t = fold(text).replace(WEEKDAY, '');
  const days: Array<{ day: number; month: number; written: string; at: number }> = [];
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_RE})\\.?\\b`, 'g');
  const monthDay = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g');
  for (const m of t.matchAll(dayMonth)) days.push({ day: Number(m[1]), month: MONTHS[m[2]!]!, written: m[0], at: m.index });
  for (const m of t.matchAll(monthDay)) days.push({ day: Number(m[2]), month: MONTHS[m[1]!]!, written: m[0], at: m.index });
  for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g)) days.push({ day: Number(m[1]), month: Number(m[2]), written: m[0], at: m.index });
  const dated = days.filter((d) => DATE_CONTEXT.test(t.slice(Math.max(0, d.at - 30), d.at)));
  for (const d of dated) {
    const hits = orders.filter((o) => {
      const local = DateTime.fromISO(o.placedAt, { zone: timezone });
      return local.day === d.day && local.month === d.month;
    });
    if (hits.length > 0) return { kind: 'found', orderIds: hits.map((o) => o.id), by: 'date' };
  }
  return dated[0] ? { kind: 'unknown', ref: dated[0].written, date: { day: dated[0].day, month: dated[0].month } } : { kind: 'none' };
}

/** Words too common to say which item is meant. */
const STOP = new Set(
  ('les des une pour avec dans sur par pas que qui est sont mon mes son ses leur vous nous elle ils cette ces aux ' +
    'the and for with from that this not was are has have had you your our their its into over ' +
    'commande commandes colis paquet article articles produit order orders parcel package item items product ' +
    'recu recue arrive arrivee jamais toujours encore rien photo vendeur seller never still received arrived ' +
    // little words one letter off an item's word (« these » and « tressé », « there » and « terre »)
    'these those there here them then they what which when where see seen can cant dont none neither other another some ' +
    'any all just only also very much more list liste voir vois trouve meme aussi tout tous toutes aucune aucun autre autres ' +
    'celle celui ceux ici alors mais donc car comme bien plus moins tres trop depuis quand ' +
    // when things happen (« ce soir » is one letter off « soie »)
    'soir soirs soiree matin demain hier jour jours semaine mois heure heures fois tard tot vite deja bientot ' +
    'tonight tomorrow today yesterday week month time soon later ' +
    // common words one letter off a title's word, first letter alike (found over the corpora: « soit » / « soie »)
    'soit sole salon parle paie paire agent blague tableau page pages content contente hope').split(' '),
);

/** How a word sounds, near enough: « raphia » and "raffia", « rafia » read alike (ph as f, doubled letters once). */
const sound = (w: string): string => w.replace(/ph/g, 'f').replace(/([a-z])\1+/g, '$1');

const words = (text: string): string[] =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w))
    .map(sound);

/**
 * Items as buyers name them in English, Swahili and Lingala, with the French words shops title them with
 * (« Sac en raphia tressé » is "the raffia bag", « mkoba », « sakosi »): common goods of the marketplace, not
 * one shop's listings. Words that are also verbs or said of a call (watch, ring, phone, « simu ») are left out.
 */
const ITEM_WORDS: Record<string, string[]> = {
  // English
  bag: ['sac'], bags: ['sac'], handbag: ['sac'], purse: ['sac'], scarf: ['foulard'], scarves: ['foulard'], shirt: ['chemise'],
  shirts: ['chemise'], earring: ['boucles', 'oreilles'], earrings: ['boucles', 'oreilles'], lamp: ['lampe'], sandal: ['sandales'],
  sandals: ['sandales'], basket: ['panier'], baskets: ['panier'], silk: ['soie'], leather: ['cuir'], brass: ['laiton'],
  pearl: ['perles'], pearls: ['perles'], beads: ['perles'], beaded: ['perles'], woven: ['tresse'], braided: ['tresse'],
  printed: ['imprime'], fabric: ['pagne', 'tissu'], cloth: ['pagne', 'tissu'], wrapper: ['pagne'], dress: ['robe'],
  shoes: ['chaussures'], shoe: ['chaussures'], necklace: ['collier'], trousers: ['pantalon'], pants: ['pantalon'], hat: ['chapeau'],
  carved: ['cisele', 'sculpte'],
  // Swahili
  mkoba: ['sac'], begi: ['sac'], kitambaa: ['pagne', 'tissu'], kitenge: ['pagne'], kanga: ['pagne'], shati: ['chemise'],
  viatu: ['chaussures', 'sandales'], hereni: ['boucles', 'oreilles'], pete: ['bague', 'boucles'], taa: ['lampe'], kikapu: ['panier'], vikapu: ['panier'], mikoba: ['sac'], mashati: ['chemise'], vitambaa: ['pagne', 'tissu'],
  hariri: ['soie'], ngozi: ['cuir'], gauni: ['robe'], kofia: ['chapeau'], mkufu: ['collier'],
  // Lingala
  sakosi: ['sac'], liputa: ['pagne'], bitambala: ['foulard'], kitambala: ['foulard'], simisi: ['chemise'], sapato: ['chaussures', 'sandales'],
  lopete: ['bague'], kitunga: ['panier'], bitunga: ['panier'], basakosi: ['sac'], lampa: ['lampe'],
};

/** The words of what the buyer wrote, with the French words of the items they name in another language. */
const saidWords = (text: string): string[] =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .flatMap((w) => (ITEM_WORDS[w] ?? []).map(sound))
    .concat(words(text));

/** Close enough for a typo: one edit in short words, two in long ones; a plural or a cut word counts. */
function near(a: string, b: string): boolean {
  if (a === b) return true;
  const short = Math.min(a.length, b.length);
  if (short >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  // A typo seldom hits the first letter, and common words one letter off an item's word mostly differ there
  // (« taille » and « paille », « contre » and « montre », "come" and « home »).
  if (short < 4 || a[0] !== b[0]) return false;
  return distance(a, b) <= (short >= 7 ? 2 : 1);
}

/**
 * An item turned down by contrast, at the start of a clause (« c'est le sac qui est abîmé, pas le pagne », « mais pas la
 * lampe », "the bag, not the wrap", « mfuko, sio viatu »): its words name no order. « je n'ai pas le sac » (nothing came)
 * keeps its item: the negation there is inside the clause.
 */
const TURNED_DOWN =
  /(?:^|[,;.!?()]|\b(?:et|mais|but|and|kasi|lakini))\s*(?:non |not |pas |sio |siyo )(?:pas )?(?:(?:le|la|les|l'|mon|ma|mes|celui|celle|du|de|des|the|my|that|those|these|ya) )?[a-z0-9'-]+/g;

function withoutTurnedDown(text: string): string {
  return fold(text).replace(TURNED_DOWN, ' ');
}

/** Orders whose item titles share the most words with the text (typos and missing accents tolerated). */
function byTitle(text: string, orders: readonly OrderLike[]): OrderRef {
  const said = saidWords(text);
  if (said.length === 0) return { kind: 'none' };
  let best = 0;
  let hits: string[] = [];
  for (const o of orders) {
    const title = new Set(o.items.flatMap((i) => words(i.title)));
    let score = 0;
    for (const w of title) if (said.some((s) => near(s, w))) score += w.length >= 4 ? 2 : 1;
    if (score > best) [best, hits] = [score, [o.id]];
    else if (score === best && score > 0) hits.push(o.id);
  }
  // One short word alone (« sac ») is enough only when it is a whole word of the title.
  return best >= 1 ? { kind: 'found', orderIds: hits, by: 'title' } : { kind: 'none' };
}

/** Currency words written after or before an amount, and the code they mean. */
const CURRENCY: Record<string, string> = {
  fc: 'CDF', cdf: 'CDF', franc: 'CDF', francs: 'CDF', faranga: 'CDF', falanga: 'CDF', franka: 'CDF',
  usd: 'USD', $: 'USD', dollar: 'USD', dollars: 'USD', dola: 'USD', dolla: 'USD', dolare: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', '€': 'EUR',
};
const CURRENCY_RE = '(fc|cdf|francs?|faranga|falanga|franka|usd|\\$|dollars?|dola|dolla|dolare|eur|euros?|€)';
const AMOUNT_AFTER = new RegExp(`(?<![\\d.,])(\\d{1,3}(?:[ .,]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))? ?${CURRENCY_RE}(?![a-z])`, 'g');
const AMOUNT_BEFORE = new RegExp(`(?<![a-z])${CURRENCY_RE} ?(\\d{1,3}(?:[ .,]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?(?![\\d])`, 'g');

/** « celle à 50 000 FC », "the one for $45": the orders whose total, or an item's price, is an amount written with its currency. */
function byAmount(text: string, orders: readonly OrderLike[]): OrderRef {
  const t = fold(text);
  const said: Array<{ minor: number; currency: string }> = [];
  const add = (units: string, cents: string | undefined, word: string) => {
    const currency = CURRENCY[word]!;
    const minor = parseAmount(`${units.replace(/[ .,]/g, '')}${cents ? `.${cents}` : ''}`, currency);
    if (minor) said.push({ minor, currency });
  };
  for (const m of t.matchAll(AMOUNT_AFTER)) add(m[1]!, m[2], m[3]!);
  for (const m of t.matchAll(AMOUNT_BEFORE)) add(m[2]!, m[3], m[1]!);
  // What was paid for the order first: « celle de 25 000 » is the order of 25 000 FC rather than two items at 25 000 each.
  const totals = (o: OrderLike) => (o.total ? [o.total] : []);
  const costs = (o: OrderLike) => [o.total, ...o.items.map((i) => i.unitPrice)].filter((x): x is { amount: number; currency: string } => !!x);
  const bare = said.length > 0 ? [] : bareAmounts(t);
  const fits = (c: { amount: number; currency: string }) =>
    said.length > 0 ? said.some((a) => a.currency === c.currency && a.minor === c.amount) : bare.some((units) => parseAmount(units, c.currency) === c.amount);
  // « celle de 50 000 », « j'ai payé 45 000 »: an amount without its currency, in the order's own currency.
  for (const of of [totals, costs]) {
    const hits = orders.filter((o) => of(o).some(fits));
    if (hits.length) return { kind: 'found', orderIds: hits.map((o) => o.id), by: 'amount' };
  }
  return { kind: 'none' };
}

/** Words after which a number is a price (« celle de », « à », « payé », "for", "paid", « nimelipa », « nafutaki », « bei ya »). */
/** Day names, Monday 1 to Sunday 7 (luxon's weekday numbers), in the four languages. */
const WEEKDAYS: Record<string, number> = {
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  jumatatu: 1, jumanne: 2, jumatano: 3, alhamisi: 4, ijumaa: 5, jumamosi: 6, jumapili: 7,
  lomingo: 7, eyenga: 7,
};
const WEEKDAY_RE = Object.keys(WEEKDAYS).join('|');
/** Days named back from today: « hier », « avant-hier », "yesterday", Swahili « jana », « juzi », Lingala « lobi ». */
const DAYS_BACK: Record<string, number> = {
  "aujourd'hui": 0, 'aujourd hui': 0, today: 0, leo: 0, lelo: 0,
  hier: 1, yesterday: 1, jana: 1, lobi: 1,
  'avant-hier': 2, 'avant hier': 2, 'the day before yesterday': 2, juzi: 2,
};
const SMALL_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, dix: 10,
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, ten: 10,
  moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, moko: 1, mibale: 2, misato: 3, minei: 4, mitano: 5,
};
const DAYS_BACK_RE = Object.keys(DAYS_BACK).sort((a, b) => b.length - a.length).join('|');
/**
 * A day said relative to today: « hier », « avant-hier », « il y a 3 jours », « mardi passé », « dimanche dernier »,
 * "yesterday", "3 days ago", "last Tuesday", « jana », « juzi », « Jumanne iliyopita », « lomingo eleki ». A day name
 * followed by a date (« lundi 26 octobre ») is that date's, read by `byDate`.
 */
const RELATIVE_DAY = new RegExp(
  `(?<![a-z])(?:(${DAYS_BACK_RE})|il y a (\\d{1,2}|[a-z]+) jours?|(\\d{1,2}|[a-z]+) days? ago|siku (\\d{1,2}|[a-z]+) zilizopita|(?:(?:last|this past) )?(${WEEKDAY_RE})(?! ?,? ?(?:\\d|[a-z]+\\.? \\d))(?: (?:dernier|derniere|passe|passee|d'avant|iliyopita|eleki))?)(?![a-z])`,
  'g',
);
/**
 * What makes a relative day the order's day (« la commande d'hier », « celle de mardi passé », « commandé dimanche », « mon colis de dimanche »,
 * "my order from yesterday", "ordered last Tuesday", « oda yangu ya jana »): a day said of a delivery or a reply
 * (« reçu hier ») is not.
 */
const ORDER_BEFORE_DAY =
  /(?:commande|commandee?s?|commander|achat|achete(?:e|s|es)?|colis|paquet|article|order|ordered|orders|bought|purchased?|placed|parcel|package|item|celle|celui|the one|oda|agizo|mzigo|bidhaa|niliagiza|nilinunua)(?: (?:que j'ai|que j ai|j'ai|i|passee?|faite?|effectuee?|made|placed|yangu|na ngai|niliyoweka))*(?: ?(?:de|du|d'|le|from|on|of|ya|wa))?\s*$/;

/** "yesterday's order", "Tuesday's parcel". */
const ORDER_AFTER_DAY = /^(?:'s| s)? (?:order|purchase|parcel|package)\b/;

/** The orders placed on a day said relative to `now` (see RELATIVE_DAY), in the buyer's `timezone`. */
function byRelativeDay(text: string, orders: readonly OrderLike[], timezone: string, now: string): OrderRef {
  const t = fold(text);
  const today = DateTime.fromISO(now, { zone: timezone }).startOf('day');
  for (const m of t.matchAll(RELATIVE_DAY)) {
    const [, named, fr, en, sw, weekday] = m;
    const ofOrder = ORDER_BEFORE_DAY.test(t.slice(Math.max(0, m.index - 40), m.index)) || ORDER_AFTER_DAY.test(t.slice(m.index + m[0].length));
    if (!ofOrder) continue;
    const count = fr ?? en ?? sw;
    const back = named !== undefined
      ? DAYS_BACK[named]!
      : count !== undefined
        ? (/^\d+$/.test(count) ? Number(count) : SMALL_NUMBERS[count])
        : ((today.weekday - WEEKDAYS[weekday!]! + 7) % 7) || 7;
    if (back === undefined) continue;
    const day = today.minus({ days: back });
    const hits = orders.filter((o) => DateTime.fromISO(o.placedAt, { zone: timezone }).hasSame(day, 'day'));
    if (hits.length > 0) return { kind: 'found', orderIds: hits.map((o) => o.id), by: 'date' };
  }
  return { kind: 'none' };
}

const PRICE_CONTEXT =
  /(?:\b(?:de|a|pour|paye|payee|payes|paid|pay|for|coute|cost|costs|spent|prix|price|montant|amount|total|bei|ya|na|\w*lipa|\w*lipia|\w*futaki|\w*futi|kofuta)|celle|celui)\s*$/;

/**
 * Numbers written without a currency that read as an amount: grouped by thousands (« 45 000 », « 45.000 »), or of
 * three digits or more after a word of price (« celle de 50000 »). Dates, times, phone numbers and quantities are not.
 */
function bareAmounts(t: string): string[] {
  const found: string[] = [];
  for (const m of t.matchAll(/(?<![\d.,/:+])(\d{1,3}(?:[ .]\d{3})+|\d{3,7})(?![\d/:]|[.,]\d)/g)) {
    const grouped = /[ .]/.test(m[1]!);
    if (grouped || PRICE_CONTEXT.test(t.slice(Math.max(0, m.index - 12), m.index))) found.push(m[1]!.replace(/[ .]/g, ''));
  }
  return found;
}

/** « ma dernière commande », "my latest order", « oda yangu ya mwisho »: the newest of the buyer's orders. */
const LATEST =
  /\b(?:(?:ma|mon|la|le|notre|my|the) (?:toute )?(?:derniere?|plus recente?|last|latest|most recent) (?:commande|achat|colis|order|purchase|parcel|package)|(?:commande|achat|order|purchase|oda)(?: yangu| na ngai)? (?:la plus recente|ya mwisho|ya suka|ya karibuni|ya hivi karibuni|ya sika))\b|^(?:(?:c(?:'| )?est |c |it(?:'| )?s |its )?(?:ma derniere?|mon dernier|my last(?: one)?|my latest(?: one)?|la plus recente?|le plus recent|the latest(?: one)?|the most recent(?: one)?|the newest(?: one)?|ya karibuni|ya sika))$|\b(?:(?:la |le |celle |celui )?(?:derniere?|dernier) (?:que j(?:'| )?ai|que j(?:'| )?avais|qu(?:'| )?on a) (?:faite?|commandee?|passee?|achetee?|pris)|(?:commandee?|achetee?s?|passee?) en dernier|the (?:last )?one i (?:ordered|bought|placed)(?: last)?)\b/;

function byPosition(text: string, orders: readonly OrderLike[]): OrderRef {
  if (!LATEST.test(fold(text).replace(/[?!.,;:…]+/g, ' ').replace(/\s+/g, ' ').trim()) || orders.length === 0) return { kind: 'none' };
  const newest = [...orders].sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))[0]!;
  return { kind: 'found', orderIds: [newest.id], by: 'position' };
}

const QUANTITY_WORDS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, two: 2, three: 3, four: 4, five: 5, mbili: 2, tatu: 3, nne: 4, tano: 5, mibale: 2, misato: 3, minei: 4, mitano: 5,
};

/** « les 2 pagnes », "the three candles": the orders with that many of an item the next word names. */
function byQuantity(text: string, orders: readonly OrderLike[]): OrderRef {
  const hits = new Set<string>();
  for (const m of fold(text).matchAll(/\b(\d{1,2}|[a-z]+)\s+(?=([a-z]{3,}))/g)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : QUANTITY_WORDS[m[1]!];
    if (!n || n < 2) continue;
    const said = words(m[2]!);
    for (const o of orders) {
      if (o.items.some((i) => i.quantity === n && words(i.title).some((w) => said.some((s) => near(s, w))))) hits.add(o.id);
    }
  }
  return hits.size ? { kind: 'found', orderIds: [...hits], by: 'title' } : { kind: 'none' };
}

/** Any day and month written (« le pagne du 29 octobre », « celui du 1er »): read only among orders already in question. */
function anyDate(text: string, orders: readonly OrderLike[], timezone: string): OrderRef {
  const t = fold(text).replace(WEEKDAY, '');
  const hits = new Set<string>();
  const at = (day: number, month: number) => {
    for (const o of orders) {
      const local = DateTime.fromISO(o.placedAt, { zone: timezone });
      if (local.day === day && local.month === month) hits.add(o.id);
    }
  };
  for (const m of t.matchAll(new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_RE})\\.?\\b`, 'g'))) at(Number(m[1]), MONTHS[m[2]!]!);
  for (const m of t.matchAll(new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g'))) at(Number(m[2]), MONTHS[m[1]!]!);
  for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g)) at(Number(m[1]), Number(m[2]));
  return hits.size ? { kind: 'found', orderIds: [...hits], by: 'date' } : { kind: 'none' };
}

/**
 * Several orders fit (the same item bought twice, two orders of the same day): what else the text says of one of them
 * (the day, the price, how many, the item) tells them apart. The first cue that keeps some of them, and fewer, wins.
 */
function narrowed(ref: OrderRef, text: string, orders: readonly OrderLike[], timezone: string): OrderRef {
  if (ref.kind !== 'found' || ref.orderIds.length < 2 || ref.by === 'id') return ref;
  const among = orders.filter((o) => ref.orderIds.includes(o.id));
  for (const cue of [anyDate(text, among, timezone), byAmount(text, among), byQuantity(text, among), byTitle(text, among)]) {
    if (cue.kind === 'found' && cue.orderIds.length < among.length) return { ...ref, orderIds: among.filter((o) => cue.orderIds.includes(o.id)).map((o) => o.id) };
  }
  return ref;
}

/**
 * The order a message is about, among `orders` (the buyer's, newest first): by number first, then by
 * the day it was placed (in `timezone`; a day said relative to `now` too, when given), then by the item's title, then by what it cost, then « the last one ».
 * Where several fit, the text's other cues narrow them (see `narrowed`).
 */
export function findOrderRef(text: string, orders: readonly OrderLike[], timezone: string, now?: string): OrderRef {
  // « ma commande 1001… non attends je me trompe, c'est la 1005 »: the order the buyer corrected to, not both.
  return correctedOrderRef(text, orders, timezone, now) ?? anyOrderRef(text, orders, timezone, now);
}

/**
 * The order a message names after the buyer took back the one they named first (« la 1001… non attends, c'est la 1005 »,
 * "order 1001, no wait, I mean 1005"); null when the message does not correct itself so.
 */
export function correctedOrderRef(text: string, orders: readonly OrderLike[], timezone: string, now?: string): OrderRef | null {
  const t = fold(text);
  let turn: RegExpExecArray | null = null;
  for (const m of t.matchAll(SELF_CORRECTION)) turn = m;
  if (!turn) return null;
  const head = anyOrderRef(t.slice(0, turn.index), orders, timezone, now);
  const tail = anyOrderRef(t.slice(turn.index + turn[0].length), orders, timezone, now);
  return head.kind === 'found' && tail.kind !== 'none' ? tail : null;
}

/**
 * The buyer taking back what they just wrote, in the same message (« non attends », « je me suis trompée », « pardon,
 * c'est… », "no wait", "I mean", "my bad"): what follows names the order meant.
 */
const SELF_CORRECTION =
  /\b(?:(?:non|no|nan|nope)[,.!]*\s+(?:attends?|attendez|wait|pardon|sorry)|(?:attends?|attendez|wait)[,.!]*\s+(?:non|no)|je me (?:suis )?trompee?s?|je me trompe|je veux dire|je voulais dire|enfin non|pardon,? c(?:'| )?est|my (?:bad|mistake)|i mean|i meant|sorry i mean)\b/g;

function anyOrderRef(text: string, orders: readonly OrderLike[], timezone: string, now?: string): OrderRef {
  const id = byId(text, orders);
  if (id.kind !== 'none') return id;
  const date = byDate(text, orders, timezone);
  if (date.kind !== 'none') return narrowed(date, text, orders, timezone);
  const relative = now ? byRelativeDay(text, orders, timezone, now) : { kind: 'none' as const };
  if (relative.kind !== 'none') return narrowed(relative, text, orders, timezone);
  const title = byTitle(withoutTurnedDown(text), orders);
  if (title.kind !== 'none') return narrowed(title, text, orders, timezone);
  const amount = byAmount(text, orders);
  if (amount.kind !== 'none') return narrowed(amount, text, orders, timezone);
  return byPosition(text, orders);
}

/**
 * A case number as people write it in a command (`C-000002`, `c-2`, `c2`, `#2`, `#C-000002`, `2`), in its
 * stored form; null when the argument is not a case number (an order number such as `CC-1001`).
 */
export function caseIdOf(raw: string): string | null {
  const m = /^\s*(?:#\s*)?(?:c\s*-?\s*)?0*(\d{1,12})\s*$/i.exec(raw);
  if (!m) return null;
  return `C-${m[1]!.padStart(6, '0')}`;
}

/**
 * The case a command's argument means among `cases` (the user's): a case number as typed, or the
 * case on an order named as in a message (`/case CC-1001`, `/case 1001`). A bare number is the case
 * of that number unless only an order of theirs has it. Null when nothing fits.
 */
export function caseRefOf(raw: string, cases: ReadonlyArray<{ id: string; orderId: string }>): string | null {
  const asCase = caseIdOf(raw);
  const bare = /^\s*\d+\s*$/.test(raw);
  if (asCase && (!bare || cases.some((c) => c.id === asCase))) return asCase;
  const orders = cases.map((c) => ({ id: c.orderId, placedAt: '', items: [] }));
  const ref = findOrderRef(raw, orders, 'UTC');
  if (ref.kind === 'found' && ref.by === 'id' && ref.orderIds.length === 1) return cases.find((c) => c.orderId === ref.orderIds[0])?.id ?? null;
  return asCase;
}

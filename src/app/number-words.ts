/**
 * Whole numbers written in words, as people type an amount: « cinq mille », « mille cinq cents », « deux cent
 * cinquante mille », « quatre-vingt-dix », "five thousand", "two hundred and fifty", Swahili « elfu tano »,
 * « mia tano », « elfu kumi na tano ». Up to the millions. The text must be nothing but the number (folded: lower
 * case, no accents): any other word (« je rembourse demain ») and it is no number.
 */

/** French and English words worth a number below 100, added up. */
const SMALL: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  septante: 70, huitante: 80, octante: 80, nonante: 90,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const HUNDRED = new Set(['cent', 'cents', 'hundred', 'hundreds']);
const THOUSAND = new Set(['mille', 'milles', 'mil', 'thousand', 'thousands']);
const MILLION = new Set(['million', 'millions']);
/** Words that join the parts of a number: « vingt et un », "two hundred and fifty". */
const JOIN = new Set(['et', 'and']);

/** Swahili: units and tens (« kumi na tano » is 15), and the words that come before what they multiply. */
const SW_SMALL: Record<string, number> = {
  moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10, ishirini: 20, thelathini: 30,
  arobaini: 40, hamsini: 50, sitini: 60, sabini: 70, themanini: 80, tisini: 90,
};
const SW_TIMES: Record<string, number> = { mia: 100, elfu: 1000, milioni: 1_000_000 };

/** A word that can be part of a number written in words (« mille », « cinq », "and", « elfu »). */
export function isNumberWord(word: string): boolean {
  return word in SMALL || HUNDRED.has(word) || THOUSAND.has(word) || MILLION.has(word) || JOIN.has(word) || word in SW_SMALL || word in SW_TIMES || word === 'na';
}

/** The number the words say, or null when they say something else. */
export function readNumberWords(folded: string): number | null {
  const words = folded.replace(/-/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.every((w) => w === 'un' || w === 'une' || w === 'a' || w === 'an')) return null;
  const n = words.some((w) => w in SW_SMALL || w in SW_TIMES) ? swahili(words) : frenchOrEnglish(words);
  return n !== null && n > 0 && Number.isSafeInteger(n) ? n : null;
}

/** Additive: a part below 1000 built from units, tens and « cent », multiplied by « mille » or « million ». */
function frenchOrEnglish(words: string[]): number | null {
  let total = 0;
  let part = 0;
  /** The value of the last word, to check the order (« cinq cinq », « cent deux cent » are no numbers). */
  let last: 'none' | 'unit' | 'ten' | 'hundred' | 'times' = 'none';
  let thousands = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (JOIN.has(w)) {
      if (last === 'none' || i === words.length - 1) return null;
      continue;
    }
    const small = SMALL[w] ?? (w === 'a' || w === 'an' ? 1 : undefined);
    if (small !== undefined) {
      const below = part % 100;
      // « quatre-vingt(s) »: four twenties.
      if ((w === 'vingt' || w === 'vingts') && last === 'unit' && below === 4) {
        part += 76;
        last = 'ten';
        continue;
      }
      if (small >= 20 && small % 10 === 0) {
        if (below !== 0) return null;
      } else if (below !== 0) {
        // After a ten: its units (« vingt et un », "twenty one"); after 60 and 80 in French, 10 to 19 (« soixante-dix »).
        // After « dix » (« dix-sept », « soixante-dix-neuf »): its units.
        const afterTen = (last === 'ten' && (small < 10 || below === 60 || below === 80)) || (words[i - 1] === 'dix' && small < 10);
        if (below % 10 !== 0) return null;
        if (!afterTen) return null;
      }
      part += small;
      last = small >= 20 && small % 10 === 0 ? 'ten' : 'unit';
    } else if (HUNDRED.has(w)) {
      if (part >= 100 || last === 'hundred') return null;
      part = (part || 1) * 100;
      last = 'hundred';
    } else if (THOUSAND.has(w)) {
      if (thousands || (last === 'times' && part === 0)) return null;
      total += (part || 1) * 1000;
      part = 0;
      thousands = true;
      last = 'times';
    } else if (MILLION.has(w)) {
      if (total !== 0 || part === 0) return null;
      total = part * 1_000_000;
      part = 0;
      last = 'times';
    } else {
      return null;
    }
  }
  return total + part;
}

/**
 * Swahili puts the multiplier first: « elfu tano » (5 000), « mia mbili » (200), « milioni moja » (1 000 000), groups
 * joined by « na »: « elfu tano na mia tano » (5 500), « elfu ishirini na tano » (25 000: a ten's units stay with it).
 */
function swahili(words: string[]): number | null {
  let total = 0;
  let i = 0;
  let lastTimes = Infinity;
  while (i < words.length) {
    if (i > 0) {
      if (words[i] !== 'na') return null;
      i++;
    }
    const times = SW_TIMES[words[i] ?? ''];
    if (times !== undefined) {
      if (times >= lastTimes) return null;
      lastTimes = times;
      i++;
    } else if (lastTimes <= 1) {
      return null;
    } else {
      lastTimes = 1;
    }
    const n = below100(words, i);
    if (!n) return null;
    if (times === 100 && n.value > 9) return null;
    total += n.value * (times ?? 1);
    i = n.next;
  }
  return total;
}

/** A Swahili number below 100 at `i`: a unit, or a ten with « na » and its unit. */
function below100(words: string[], i: number): { value: number; next: number } | null {
  const first = SW_SMALL[words[i] ?? ''];
  if (first === undefined) return null;
  const unit = SW_SMALL[words[i + 2] ?? ''];
  if (first % 10 === 0 && words[i + 1] === 'na' && unit !== undefined && unit < 10) return { value: first + unit, next: i + 3 };
  return { value: first, next: i + 1 };
}

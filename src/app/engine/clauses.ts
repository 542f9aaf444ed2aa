/**
 * Parting one message into its clauses, for reading each order's problem or request on its own.
 *
 * What `text.split(/[.;!?\n]+|,?\s+(?:et|and|…)\s+/i)` did, in one pass: that regex tried a run of spaces from each of its
 * spaces, so 12,000 pasted spaces (or tabs, or no-break spaces) held the process 5 s. Here a run that led to no joining
 * word is not tried again from inside.
 */

/** How one kind of message parts: the characters that end a sentence or clause, the joining words, and whether a comma may lead them. */
interface Breaks {
  ends: RegExp;
  words: RegExp;
  comma: boolean;
}

/** Sentences and « et », « mais », "and", « pia », « puis »… (a comma before the word goes with it). */
export const CLAUSE_BREAK: Breaks = { ends: /[.;!?\n]/, words: /(?:et|and|mais|but|pia|puis|aussi|also|ensuite|then)(?=\s)/iy, comma: true };

/** Sentences, commas, « mais », « et », "but", "and", « par contre », « lakini », « kasi ». */
export const CLAUSES: Breaks = { ends: /[.;!?\n,]/, words: /(?:mais|but|et|and|par contre|however|lakini|kasi)(?=\s)/iy, comma: false };

/** Past this many clauses a message is read as one: each clause is matched against every order and classified. */
export const MAX_CLAUSES = 24;

const SPACE = /\s/;

/** The parts of `text` between its breaks, untrimmed (what `String.split` gave with the regex these breaks replace). */
export function splitClauses(text: string, b: Breaks): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  // The end of the last run of spaces that led to no joining word: a position inside it leads to none either.
  let deadRunEnd = -1;
  while (i < text.length) {
    if (b.ends.test(text[i]!)) {
      let j = i + 1;
      while (j < text.length && b.ends.test(text[j]!)) j++;
      parts.push(text.slice(start, i));
      start = i = j;
      continue;
    }
    const j = b.comma && text[i] === ',' ? i + 1 : i;
    if (j < text.length && SPACE.test(text[j]!) && j >= deadRunEnd) {
      let k = j;
      while (k < text.length && SPACE.test(text[k]!)) k++;
      b.words.lastIndex = k;
      const word = b.words.exec(text);
      if (word) {
        let end = k + word[0].length;
        while (end < text.length && SPACE.test(text[end]!)) end++;
        parts.push(text.slice(start, i));
        start = i = end;
        continue;
      }
      if (j === i) deadRunEnd = k;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/** The trimmed, non-empty clauses of `text`; null past MAX_CLAUSES. */
export function clausesOf(text: string, b: Breaks): string[] | null {
  const clauses = splitClauses(text, b).map((c) => c.trim()).filter(Boolean);
  return clauses.length > MAX_CLAUSES ? null : clauses;
}

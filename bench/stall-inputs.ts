/**
 * Texts built to make a regex backtrack or a heuristic loop, as long as a message can be: what a person (or a bot)
 * can paste into one Telegram message (4,096), and the engine's own cap (MAX_TEXT_LENGTH, three messages joined).
 */
import { MAX_TEXT_LENGTH } from '../src/domain/text.js';

/** `unit` repeated until `length` characters (code points), cut there. */
function fill(unit: string, length: number): string {
  const cps = [...unit];
  const out: string[] = [];
  for (let i = 0; out.length < length; i++) out.push(cps[i % cps.length]!);
  return out.join('');
}

/** Named adversarial texts of `length` code points. */
export function adversarialTexts(length = 4096): Array<[string, string]> {
  const units: Array<[string, string]> = [
    ['a-run', 'a'],
    ['e-accent-run', 'é'],
    ['a-space', 'a '],
    ['1-space', '1 '],
    ['digits', '1'],
    ['0-8-1-2', '0 8 1 2 '],
    ['o-digits', '1o'],
    ['dots', '.'],
    ['bangs', '!'],
    ['questions', '?'],
    ['mixed-punct', '.!? '],
    ['guillemets', '« '],
    ['quotes', '"\' '],
    ['emoji', '😡'],
    ['emoji-space', '📦 '],
    ['accents-mixed', 'éèêëàâîïôöùûüç '],
    ['cc-dash', 'cc-'],
    ['cc-space', 'cc '],
    ['commande', 'commande '],
    ['commande-du', 'commande du '],
    ['pas-recu', 'pas reçu '],
    ['url', 'https://example.com/a/b?c=d&e=f '],
    ['www', 'www.'],
    ['at', 'a@'],
    ['email-like', 'a.b@c.'],
    ['phone', '+243 81 234 56 78 '],
    ['zero-width', '\u200b'],
    ['zwj-letters', 'a\u200d'],
    ['rtl', '\u200fا'],
    ['nbsp', '\u00a0'],
    ['newlines', '\n'],
    ['tabs-spaces', ' \t'],
    ['hyphen-underscore', '-_'],
    ['number-words', 'mille cinq '],
    ['le-la', 'la le '],
    ['dates', '19 novembre '],
    ['slashes', '1/'],
    ['money', '50 000 fc '],
    ['hash', '#'],
    ['cc1', 'cc1'],
    ['mixed-fr', 'je n ai pas recu ma commande '],
    ['word-dash', 'a-'],
    ['apostrophes', "l'"],
    ['caps', 'A'],
  ];
  const out: Array<[string, string]> = units.map(([name, u]) => [name, fill(u, length)]);
  // One long word, then a long run with a cue at its very end (regexes that scan to find it).
  out.push(['word-then-cue', `${fill('x', length - 30)} pas reçu commande cc-1001`]);
  out.push(['spaces-then-x', `${fill(' ', length - 1)}x`]);
  out.push(['a-then-bang', `${fill('a', length - 1)}!`]);
  return out;
}

/** The lengths worth probing: one Telegram message, and the longest text the engine takes. */
export const PROBE_LENGTHS = [4096, MAX_TEXT_LENGTH] as const;

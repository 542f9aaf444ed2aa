/**
 * The labelled buyer messages of test/fixtures/understanding/ (issue 12), and their one fixed split
 * into a training part and a held-out part. The training script, the tests and the bench all split
 * through `splitOf`, so that a message never moves between parts unless its text changes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProblemKind } from '../../src/domain/types.js';

/** A label of the corpus: a problem kind, or `none` where the classifier must answer null. */
export type Label = ProblemKind | 'none';
export const LABELS: readonly Label[] = [
  'non_delivery',
  'not_as_described',
  'wrong_size',
  'cancellation',
  'return_request',
  'refund_request',
  'delivery_question',
  'other',
  'none',
];
export const STYLES = ['sms', 'no_accents', 'typo', 'long', 'angry', 'polite', 'kinshasa', 'lubumbashi', 'question', 'mixed', 'non_native'] as const;
/** The blind set also tags the shape of a message: a few words, voice-to-text, all caps, emoji. */
export const BLIND_STYLES = [...STYLES, 'short', 'voice', 'caps', 'emoji'] as const;
/** The second blind set also tags sarcasm, several topics in one message, and an order number named. */
export const BLIND_2_STYLES = [...BLIND_STYLES, 'sarcasm', 'multi', 'order_ref'] as const;
/** The third blind set also tags indirect complaints, the seller or listing quoted, and numbers written in words. */
export const BLIND_3_STYLES = [...BLIND_2_STYLES, 'indirect', 'quote', 'words_numbers'] as const;
/**
 * The fourth blind set also tags formal letters, a buyer writing for a relative, a screenshot described, dictation's
 * homophones (« sa », « ces »), Nairobi street Swahili (Sheng) and East-African turns of phrase.
 */
export const BLIND_4_STYLES = [...BLIND_3_STYLES, 'formal', 'for_other', 'screenshot', 'homophone', 'sheng', 'east_african'] as const;
/** The fifth blind set also tags a trap: a word that points to another label than the one a person would give (« le suivi dit livré », "it's not late yet"). */
export const BLIND_5_STYLES = [...BLIND_4_STYLES, 'hard'] as const;
/**
 * The seventh blind set also tags phonetic, low-literacy spelling (« komand pa arivé »), insults and threats, the item
 * named instead of the order, a seller's message forwarded or quoted, and a question about how the process works.
 */
export const BLIND_7_STYLES = [...BLIND_5_STYLES, 'phonetic', 'insult', 'item', 'forwarded', 'process'] as const;
/**
 * The eighth blind set also tags account and password matters, selling on the marketplace, and a language switched in
 * the middle of a sentence (« commande yangu haijafika, ils m'avaient dit jeudi »).
 */
export const BLIND_8_STYLES = [...BLIND_7_STYLES, 'account', 'selling', 'code_switch'] as const;
/**
 * The ninth blind set also tags an earlier order told as background (« la dernière fois… cette fois »), and an amount, a
 * date or a count quoted (« payé 45$ le 9 novembre »).
 */
export const BLIND_9_STYLES = [...BLIND_8_STYLES, 'history', 'amount'] as const;
/**
 * The tenth blind set also tags an order confirmation, a courier SMS or a payment receipt pasted around the complaint, an
 * earlier problem said to be settled, and coast Swahili (« nnataka », « nilopokea »).
 */
export const BLIND_10_STYLES = [...BLIND_9_STYLES, 'pasted', 'solved', 'coast'] as const;
/**
 * The eleventh blind set also tags French of West and Central Africa outside the Congos (Abidjan, Douala, Dakar: « deh »,
 * « on m'a gâté », « c'est comment ? »), and a problem told only by what the buyer expected ("I ordered size 42").
 */
export const BLIND_11_STYLES = [...BLIND_10_STYLES, 'francophone', 'expected'] as const;
export type Style = (typeof BLIND_11_STYLES)[number];

/** One buyer message as a person wrote it, with what it means. */
export interface CorpusEntry {
  text: string;
  label: Label;
  lang: 'fr' | 'en' | 'ln' | 'sw' | 'mixed';
  style: Style[];
  /** The message says the problem was raised outside the marketplace (e-mail, phone, WhatsApp). */
  offPlatform: boolean;
}

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding');
/**
 * Buyer messages written without looking at the classifier or its corpus (see its README): measured,
 * never trained on. Nothing here reads it for training.
 */
export const BLIND_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind');
/** A second blind set, written the same way later, after the first had been tuned against. */
export const BLIND_2_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-2');

/** A third blind set, written once the first two had both been tuned against. */
export const BLIND_3_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-3');

/** A fourth blind set, written once the first three had all been tuned against. */
export const BLIND_4_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-4');

/** A fifth blind set, written once the first four had all been tuned against. */
export const BLIND_5_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-5');

/** A sixth blind set, written once the first five had all been tuned against. */
export const BLIND_6_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-6');

/** A seventh blind set, written once the first six had all been tuned against. */
export const BLIND_7_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-7');

/** An eighth blind set, written once the first seven had all been tuned against. */
export const BLIND_8_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-8');

/** A ninth blind set, written once the first eight had all been tuned against. */
export const BLIND_9_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-9');

/** A tenth blind set, written once the first nine had all been tuned against. */
export const BLIND_10_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-10');

/** An eleventh blind set, written once the first ten had all been tuned against. */
export const BLIND_11_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'understanding-blind-11');

/** Share of the corpus held out from training. */
export const HELD_OUT_PERCENT = 30;

/** Every message of the corpus, file by file, checked as it is read. */
export function loadCorpus(dir = CORPUS_DIR, styles: readonly string[] = STYLES): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const e = JSON.parse(line) as CorpusEntry;
        const where = `${file}:${i + 1}`;
        if (typeof e.text !== 'string' || !e.text.trim()) throw new Error(`${where}: no text`);
        if (!LABELS.includes(e.label)) throw new Error(`${where}: unknown label ${String(e.label)}`);
        if (!['fr', 'en', 'ln', 'sw', 'mixed'].includes(e.lang)) throw new Error(`${where}: unknown lang ${String(e.lang)}`);
        if (!Array.isArray(e.style) || e.style.some((s) => !styles.includes(s))) throw new Error(`${where}: unknown style in ${JSON.stringify(e.style)}`);
        if (typeof e.offPlatform !== 'boolean') throw new Error(`${where}: offPlatform must be true or false`);
        out.push(e);
      });
  }
  return out;
}

/** The blind set: every message is for measuring, none for training. */
export function loadBlindSet(): CorpusEntry[] {
  return loadCorpus(BLIND_DIR, BLIND_STYLES);
}

/** The second blind set: measured, never trained on, like the first. */
export function loadBlindSet2(): CorpusEntry[] {
  return loadCorpus(BLIND_2_DIR, BLIND_2_STYLES);
}

/** The third blind set: measured, never trained on, like the first two. */
export function loadBlindSet3(): CorpusEntry[] {
  return loadCorpus(BLIND_3_DIR, BLIND_3_STYLES);
}

/** The fourth blind set: measured, never trained on, like the first three. */
export function loadBlindSet4(): CorpusEntry[] {
  return loadCorpus(BLIND_4_DIR, BLIND_4_STYLES);
}

/** The fifth blind set: measured, never trained on, like the first four. */
export function loadBlindSet5(): CorpusEntry[] {
  return loadCorpus(BLIND_5_DIR, BLIND_5_STYLES);
}

/** The sixth blind set: measured, never trained on, like the first five; it tags what the fifth tags. */
export function loadBlindSet6(): CorpusEntry[] {
  return loadCorpus(BLIND_6_DIR, BLIND_5_STYLES);
}

/** The seventh blind set: measured, never trained on, like the first six. */
export function loadBlindSet7(): CorpusEntry[] {
  return loadCorpus(BLIND_7_DIR, BLIND_7_STYLES);
}

/** The eighth blind set: measured, never trained on, like the first seven. */
export function loadBlindSet8(): CorpusEntry[] {
  return loadCorpus(BLIND_8_DIR, BLIND_8_STYLES);
}

/** The ninth blind set: measured, never trained on, like the first eight. */
export function loadBlindSet9(): CorpusEntry[] {
  return loadCorpus(BLIND_9_DIR, BLIND_9_STYLES);
}

/** The tenth blind set: measured, never trained on, like the first nine. */
export function loadBlindSet10(): CorpusEntry[] {
  return loadCorpus(BLIND_10_DIR, BLIND_10_STYLES);
}

/** The eleventh blind set: measured, never trained on, like the first ten. */
export function loadBlindSet11(): CorpusEntry[] {
  return loadCorpus(BLIND_11_DIR, BLIND_11_STYLES);
}

/** `test` for about HELD_OUT_PERCENT of the messages, chosen by a hash of the text: the same text is always in the same part. */
export function splitOf(text: string): 'train' | 'test' {
  const h = createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
  return h % 100 < HELD_OUT_PERCENT ? 'test' : 'train';
}

/** The corpus in its two parts. */
export function splitCorpus(corpus = loadCorpus()): { train: CorpusEntry[]; test: CorpusEntry[] } {
  return { train: corpus.filter((e) => splitOf(e.text) === 'train'), test: corpus.filter((e) => splitOf(e.text) === 'test') };
}

export const TRAINING_SET_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'app', 'engine', 'understanding', 'training-set.ts');

/** The source of src/app/engine/understanding/training-set.ts: the training part of the corpus, nothing held out. */
export function renderTrainingSet(corpus = loadCorpus()): string {
  const rows = splitCorpus(corpus).train.map((e) => `  [${JSON.stringify(e.text)}, '${e.label}'],`);
  return [
    '// Generated by `npm run understanding:data` from test/fixtures/understanding/ (the training split only).',
    '// Do not edit: edit the corpus and run the script again; test/app/engine/understanding.test.ts checks it is current.',
    "import type { ProblemKind } from '../../../domain/types.js';",
    '',
    '/** Buyer messages and what they mean (`none`: not a problem), that the classifier learns from at first use. */',
    "export const TRAINING_SET: ReadonlyArray<readonly [string, ProblemKind | 'none']> = [",
    ...rows,
    '];',
    '',
  ].join('\n');
}

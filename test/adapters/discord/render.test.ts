import { describe, expect, it } from 'vitest';
import { split, toDiscordView, type ComponentSpec } from '../../../adapters/discord/render.js';
import type { RenderedMessage } from '../../../src/app/render.js';

const labels = { select: 'Choisissez…', form: (kind: string) => `Écrire (${kind})` };
const choice = (n: number) => ({ label: `Choix ${n}`, token: `t${n}`, style: 'secondary' as const });
const rendered = (over: Partial<RenderedMessage> = {}): RenderedMessage => ({ text: 'Bonjour', choices: [], card: null, ...over });
const shape = (rows: ComponentSpec[][]) => rows.map((r) => r.map((c) => c.type));

describe('Discord layout', () => {
  it('puts up to five buttons in a row, card actions after the choices', () => {
    const view = toDiscordView(rendered({ choices: [choice(1), choice(2)], card: { title: 'Litige', lines: ['a'], actions: [3, 4, 5, 6, 7, 8].map(choice) } }), {}, labels);
    expect(view.rows.map((r) => r.map((c) => (c.type === 'button' ? c.token : c.type)))).toEqual([
      ['t1', 't2', 't3', 't4', 't5'],
      ['t6', 't7', 't8'],
    ]);
  });

  it('turns a long list of choices into select menus of 25', () => {
    const view = toDiscordView(rendered({ choices: Array.from({ length: 30 }, (_, i) => choice(i + 1)) }), {}, labels);
    expect(shape(view.rows)).toEqual([['select'], ['select']]);
    const [first, second] = view.rows.map((r) => r[0]);
    expect(first?.type === 'select' && first.options.length).toBe(25);
    expect(second?.type === 'select' && second.options.length).toBe(5);
  });

  it('adds a form button for free-text steps, not for photos', () => {
    expect(shape(toDiscordView(rendered(), { expects: 'description' }, labels).rows)).toEqual([['form']]);
    expect(toDiscordView(rendered(), { expects: 'photo' }, labels).rows).toEqual([]);
  });

  it('keeps within five rows and says how many components it dropped', () => {
    const view = toDiscordView(rendered({ card: { title: 'Litige', lines: [], actions: Array.from({ length: 27 }, (_, i) => choice(i + 1)) } }), {}, labels);
    expect(view.rows).toHaveLength(5);
    expect(view.dropped).toBe(2);
  });

  it('escapes markdown in the text and in the card, and clips what Discord would refuse', () => {
    const view = toDiscordView(rendered({ text: '# Titre *gras* [lien](https://x.example)', card: { title: 'T'.repeat(300), lines: ['__souligné__'], actions: [] } }), { card: { status: 'escalated' } as never }, labels);
    expect(view.chunks).toEqual(['\\# Titre \\*gras\\* \\[lien](https://x.example)']);
    expect(view.embed?.title).toHaveLength(256);
    expect(view.embed?.description).toBe('\\_\\_souligné\\_\\_');
    expect(view.embed?.color).toBe(0xf59e0b);
  });

  it('cuts long text at line breaks within the limit', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Ligne ${i} ${'x'.repeat(50)}`).join('\n');
    const pieces = split(text, 2000);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 2000)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DISCORD_PERMISSIONS } from '../../adapters/discord/setup.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'adapters')).filter((d) => existsSync(join(ROOT, 'adapters', d, 'README.md'))).map((d) => `adapters/${d}/README.md`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Every markdown link target outside code blocks: [text](target) and ![alt](target). */
function links(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

describe('links in README.md and docs/', () => {
  it('has pages to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/rules.md', 'docs/configuration.md', 'docs/operations.md', 'docs/marketplace.md', 'docs/teams.md']));
  });

  for (const page of pages) {
    it(`${page}: every relative link resolves to a file inside the repository (and its heading, for #anchors)`, () => {
      const markdown = readFileSync(join(ROOT, page), 'utf8');
      for (const target of links(markdown)) {
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? resolve(dirname(join(ROOT, page)), decodeURI(path)) : join(ROOT, page);
        expect(relative(ROOT, file).startsWith('..'), `${page}: ${target} leaves the repository`).toBe(false);
        expect(existsSync(file), `${page}: ${target} does not exist`).toBe(true);
        if (anchor && statSync(file).isFile() && file.endsWith('.md')) {
          const headings = readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => /^#{1,6}\s/.test(l))
            .map((l) => slug(l.replace(/^#+\s*/, '')));
          expect(headings, `${page}: ${target} names no heading`).toContain(anchor);
        }
      }
    });
  }

  it('sends nobody to files that are not in the repository (SPEC.md, shared/)', () => {
    for (const page of pages) {
      const markdown = readFileSync(join(ROOT, page), 'utf8');
      expect(markdown, page).not.toMatch(/SPEC(\.md| section)|shared\//);
    }
  });

  it('docs/discord.md states the permission integer the invite URL carries', () => {
    expect(readFileSync(join(ROOT, 'docs/discord.md'), 'utf8')).toContain(`Permission integer: ${DISCORD_PERMISSIONS}.`);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, in part: the messages every platform shares (engine, notifications, errors, …) must not promise a
 * gesture some platform lacks. Teams one-to-one chats and the playground have no case thread, so a shared
 * message says « fil » / « thread » only in its variant for readers in a case thread (`$caseThreads`, set by the
 * adapter from its capabilities); a platform's own file (discord.ftl) may name its threads. Buttons exist on all
 * four platforms, so naming a button is always true. test/message-catalogue.test.ts checks the rendered payloads.
 */
const PLATFORM_FILES = new Set(['discord.ftl', 'telegram.ftl', 'teams.ftl', 'web.ftl']);
const THREAD_WORDS: Record<string, RegExp> = { fr: /\bfils?\b/i, en: /\bthreads?\b/i };

function sharedMessages(lang: string): Array<{ file: string; id: string; text: string }> {
  const dir = join('locales', lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ftl') && !PLATFORM_FILES.has(f))
    .flatMap((file) => {
      const out: Array<{ file: string; id: string; text: string }> = [];
      let current: { file: string; id: string; text: string } | null = null;
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const head = /^([a-z][a-z0-9-]*)\s*=(.*)$/.exec(line);
        if (head) out.push((current = { file, id: head[1]!, text: head[2]! }));
        else if (current && /^\s/.test(line)) current.text += `\n${line}`;
        else current = null;
      }
      return out;
    });
}

describe('shared messages promise no gesture a platform lacks', () => {
  it.each(['fr', 'en'])('%s: no shared message tells the user to write in a thread unless the reader is in one', (lang) => {
    const messages = sharedMessages(lang);
    expect(messages.length).toBeGreaterThan(100);
    const promising = messages.filter((m) => THREAD_WORDS[lang]!.test(m.text) && !m.text.includes('$caseThreads')).map((m) => `${m.file}: ${m.id}`);
    expect(promising).toEqual([]);
  });

  it.each(['fr', 'en'])('%s: the messages that tell a party how to answer name the Reply button', (lang) => {
    const byId = new Map(sharedMessages(lang).map((m) => [m.id, m.text]));
    for (const id of ['notify-case-opened', 'engine-help-seller', 'engine-fallback']) {
      expect(byId.get(id), id).toMatch(lang === 'fr' ? /« Répondre/ : /"Reply/);
    }
    // Asked by support, a party is pointed at the reply button its card carries, by that button's own label.
    expect(byId.get('notify-info-requested')).toMatch(/\{ engine-action-reply-to-buyer \}[\s\S]*\{ engine-action-reply-to-seller \}/);
  });
});

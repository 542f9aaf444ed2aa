/** The tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style). */
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Validates text the way the Bot API does in HTML parse mode; returns the visible text or the parse error. */
export function checkTelegramHtml(html: string): { plain: string } | { error: string } {
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = /^<(\/?)([a-z-]+)(\s[^<>]*)?>/.exec(html.slice(i));
      if (!m || !TAGS.has(m[2]!)) return { error: `unsupported start tag at byte offset ${i}` };
      if (m[1]) {
        if (stack.pop() !== m[2]) return { error: `unmatched end tag "${m[2]}" at byte offset ${i}` };
      } else stack.push(m[2]!);
      i += m[0].length;
    } else if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(html.slice(i));
      if (!m) return { error: `unsupported entity at byte offset ${i}` };
      const e = m[1]!;
      plain += ENTITIES[e] ?? String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      i += m[0].length;
    } else if (ch === '>') {
      return { error: `unexpected ">" at byte offset ${i}` };
    } else {
      plain += ch;
      i += 1;
    }
  }
  if (stack.length > 0) return { error: `can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { plain };
}

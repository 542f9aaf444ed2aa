import { m, say, type Turn } from './context.js';

/** Text after the command name and its first `n` arguments, spacing kept (`/note C-1 two  words` → `two  words`). */
export function restOf(text: string, n: number): string {
  let rest = text.trim().replace(/^\/?\S+/, '');
  for (let i = 0; i < n; i++) rest = rest.replace(/^\s*\S+/, '');
  return rest.trim();
}

/** Answers with the command's syntax. */
export const sayUsage = (t: Turn, command: string): void => void say(t, m('engine-usage', { command }));

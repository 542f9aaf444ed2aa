// `npm start`: runs Palabre in this process, from the compiled build when it is current, else from the sources
// through tsx (scripts/start-entry.mjs decides). `npm install` makes the build (its prepare step); `npm run build`
// makes it again after a change.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEntry } from './start-entry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chosen = startEntry(root);
if (chosen.from === 'sources') {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(chosen.entry).href);

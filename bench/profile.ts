import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { round } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a CPU profile's time went: self time by function and by area (package or source folder). */
export interface ProfileSummary {
  file: string;
  /** Wall time summarized and the share of it the process was busy (not idle), in ms and %. */
  wallMs: number;
  busyPct: number;
  /** Self time of the busiest functions, % of busy time. */
  topFunctions: Array<{ fn: string; where: string; selfPct: number }>;
  /** Self time by area, % of busy time. */
  areas: Array<{ area: string; selfPct: number }>;
  /**
   * Busy time by the nearest Palabre source file on the stack (src/…, adapters/…), % of busy time: what part of
   * Palabre caused the work, library and native time included (a Redis command's socket write counts for the
   * store that sent it). Time with no Palabre frame on the stack (I/O callbacks, GC, BullMQ's worker loop) is
   * `(no Palabre frame) <nearest npm package, or the leaf's area>`.
   */
  byPalabreFile: Array<{ file: string; pct: number }>;
}

/** The area a script belongs to: an npm package, a folder of this repository, a Node built-in, or a V8 pseudo-frame. */
function areaOf(url: string, fn: string, root: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const path = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url;
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, parts[0] === 'src' && parts[1] === 'app' && parts.length > 3 ? 3 : 2).join('/') : parts[0]!;
}

function whereOf(url: string, line: number, root: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url;
  return `${path.replace(/^.*node_modules\//, '')}:${line + 1}`;
}

/**
 * Summarizes a .cpuprofile (as written by `node --cpu-prof`), keeping only the samples taken between `fromMs`
 * and `toMs` after the profile started (the measured round, without the process's start and stop).
 */
export async function summarizeProfile(file: string, window: { fromMs?: number; toMs?: number } = {}, root = process.cwd(), top = 15): Promise<ProfileSummary> {
  const p = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const from = (window.fromMs ?? 0) * 1000;
  const to = (window.toMs ?? Infinity) * 1000;
  let at = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const delta = p.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) continue;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + delta);
  }
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map<number, string>();
  /** The nearest frame on the stack from this repository's src/ or adapters/; else the nearest npm package's. */
  const ownerOf = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    let owner: string | null = null;
    let pkg: string | null = null;
    for (let at: number | undefined = id; at !== undefined && owner === null; at = parent.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame;
      const path = url.startsWith('file://') ? relative(root, new URL(url).pathname) : '';
      if (/^(src|adapters)\//.test(path)) owner = path;
      else if (pkg === null && url.includes('node_modules/')) pkg = areaOf(url, functionName, root);
    }
    const leaf = byId.get(id)!.callFrame;
    owner ??= `(no Palabre frame) ${pkg ?? areaOf(leaf.url, leaf.functionName, root)}`;
    ownerCache.set(id, owner);
    return owner;
  };
  const owners = new Map<string, number>();
  let busy = 0;
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(root)') continue;
    busy += us;
    const fn = functionName || '(anonymous)';
    const where = whereOf(url, lineNumber, root);
    const key = `${fn}@${where}`;
    const entry = fns.get(key) ?? { fn, where, us: 0 };
    entry.us += us;
    fns.set(key, entry);
    const area = areaOf(url, fn, root);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
  }
  const pct = (us: number) => round((us / Math.max(1, busy)) * 100, 1);
  const wall = Math.min(p.endTime - p.startTime, to) - from;
  return {
    file: relative(root, file),
    wallMs: round(wall / 1000, 0),
    busyPct: round((busy / Math.max(1, wall)) * 100, 1),
    topFunctions: [...fns.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ fn: f.fn, where: f.where, selfPct: pct(f.us) })),
    areas: [...areas.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([area, us]) => ({ area, selfPct: pct(us) })),
    byPalabreFile: [...owners.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([file, us]) => ({ file, pct: pct(us) })),
  };
}

/**
 * The main thread's profile in `dir`: node writes one file per thread (tsx's module loader runs in its own),
 * and the main thread's, which ran the program, is by far the largest.
 */
export async function mainProfile(dir: string): Promise<string | null> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await stat(join(dir, f))).size })));
  const biggest = sized.sort((a, b) => b.size - a.size)[0];
  return biggest ? join(dir, biggest.f) : null;
}

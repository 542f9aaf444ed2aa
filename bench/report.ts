import type { Machine } from './machine.js';
import type { MemoryResult } from './memory.js';
import type { BenchOptions } from './options.js';
import type { ProfileSummary } from './profile.js';
import type { TurnCost } from './redis-cost.js';
import type { ReminderResult } from './reminders.js';
import type { StartupResult } from './startup.js';
import { renderUnderstanding, type UnderstandingResult } from './understanding.js';
import { renderActionsToCase, type ActionsToCaseResult } from './actions-to-case.js';
import type { WebhookResult } from './webhook.js';
import type { FleetResult } from './fleet.js';

/** A section's result, or why it has none. */
export type Outcome<T> = T | { error: string } | { skipped: true };

/** The JSON `npm run bench` writes. */
export interface BenchResult {
  meta: { startedAt: string; finishedAt: string; seconds: number; options: BenchOptions; machine: Machine };
  webhook: Outcome<WebhookResult>;
  redis: Outcome<{ turn: TurnCost; memory: MemoryResult }>;
  reminders: Outcome<ReminderResult>;
  startup: Outcome<StartupResult>;
  understanding: Outcome<UnderstandingResult & { actionsToCase?: ActionsToCaseResult }>;
  /** Absent in results written before the section existed. */
  processes?: Outcome<FleetResult>;
  targets: Target[];
}

/** One of the issue's targets beside what was measured; `met` is null when the section did not run. */
export interface Target {
  id: string;
  what: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export const ok = <T>(o: Outcome<T>): T | null => (o && typeof o === 'object' && !('error' in o) && !('skipped' in o) ? (o as T) : null);

/** The issue's targets (not test assertions): printed beside the measured values, missed ones flagged. */
export function targetsOf(r: Pick<BenchResult, 'webhook' | 'redis' | 'reminders' | 'startup' | 'understanding'>): Target[] {
  const w = ok(r.webhook);
  const red = ok(r.redis);
  const rem = ok(r.reminders);
  const st = ok(r.startup);
  const u = ok(r.understanding);
  const t = (id: string, what: string, goal: string, measured: string | null, met: boolean | null): Target => ({ id, what, goal, measured: measured ?? 'not measured', met: measured === null ? null : met });
  return [
    t('webhook-ratio', "Palabre's case turn vs bare grammY (updates/s, same run)", '≥ 0.5×', w ? `${w.ratio}×` : null, w ? w.ratio >= 0.5 : null),
    t('redis-round-trips', 'Redis round trips per case turn (buyer who wrote before; first message)', '≤ 3', red ? `${red.turn.againRoundTrips ?? '-'}; ${red.turn.firstMessageRoundTrips ?? '-'}` : null, red ? Math.max(red.turn.againRoundTrips ?? 0, red.turn.firstMessageRoundTrips ?? 0) <= 3 : null),
    t('relay-round-trips', 'Redis round trips per relay (median; mean with the periodic traffic in its window)', '≤ 3', red ? `${red.turn.relayMedianRoundTrips}; ${red.turn.relay.roundTrips}` : null, red ? red.turn.relayMedianRoundTrips <= 3 : null),
    t('redis-bytes', 'Redis memory per open case', '≤ 3 KB (3,072 bytes)', red ? `${red.memory.bytesPerCase.toLocaleString('en')} bytes` : null, red ? red.memory.bytesPerCase <= 3072 : null),
    t('reminder-lag', 'Reminder firing lag p99', '≤ 1 s', rem ? `${(rem.lagP99Ms / 1000).toFixed(2)} s` : null, rem ? rem.lagP99Ms <= 1000 && rem.duplicates === 0 && rem.missing === 0 : null),
    t('embedded-start', 'Embedded mode start → /healthz 200', '≤ 2 s', st ? `${(st.medianMs / 1000).toFixed(2)} s` : null, st ? st.medianMs <= 2000 : null),
    t('understanding-accuracy', 'Buyer messages: first answer right, held-out split', '≥ 97%', u ? `${u.heldOut.overall.accuracy}%` : null, u ? u.heldOut.overall.accuracy >= 97 : null),
    ...(['ln', 'sw'] as const).map((lang) => {
      const a = u?.heldOut.byLang[lang]?.accuracy;
      const name = lang === 'ln' ? 'Lingala' : 'Swahili';
      return t(`understanding-accuracy-${lang}`, `${name} buyer messages: first answer right, held-out split`, '≥ 90%', a !== undefined ? `${a}%` : null, a !== undefined ? a >= 90 : null);
    }),
    t('understanding-dead-ends', 'Buyer messages about a problem read as "not understood"', '0', u ? `${u.all.deadEnds}` : null, u ? u.all.deadEnds === 0 : null),
    t('understanding-speed', 'Classifying one buyer message', '≤ 1 ms', u ? `${u.microsPerMessage} µs` : null, u ? u.microsPerMessage <= 1000 : null),
    t(
      'actions-to-case',
      'Buyer actions to an opened case, first message naming order and problem (median)',
      '≤ 3',
      u?.actionsToCase ? `${u.actionsToCase.orderNamed.median}` : null,
      u?.actionsToCase ? u.actionsToCase.orderNamed.median <= 3 : null,
    ),
  ];
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const failed = (o: Outcome<unknown>) => ('error' in (o as object) ? `failed: ${(o as { error: string }).error}` : 'skipped');

/** The run as Markdown tables: what docs/performance.md shows. */
export function renderReport(r: BenchResult): string {
  const out: string[] = [];
  const m = r.meta.machine;
  out.push(`Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Redis ${m.redis}; load average ${m.loadAtStart} → ${m.loadAtEnd ?? '?'}; ${r.meta.seconds} s`);
  out.push('');
  const w = ok(r.webhook);
  out.push('1. Telegram webhook, end to end (comment in the buyer\'s case → relayed message at the seller; baseline: reply)');
  if (w) {
    const o = w.options;
    out.push(`   ${o.updates} updates × ${o.rounds} rounds, ${o.users} buyers, ${o.sellers} sellers, concurrency ${o.concurrency}, Palabre LOG_LEVEL=${o.logLevel}`);
    out.push('');
    const cpu = (c: number | null) => (c === null ? '–' : c);
    out.push(row(['round', 'case entries', 'Palabre updates/s', 'p50 ms', 'p99 ms', 'CPU ms/update', 'bare grammY updates/s', 'p50 ms', 'p99 ms', 'CPU ms/update', 'ratio']));
    out.push(row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const x of w.rounds) {
      const p = x.palabre;
      const b = x.baseline;
      out.push(row([x.round, x.caseEntries, p.updatesPerSec, p.latencyP50Ms, p.latencyP99Ms, cpu(p.cpuMsPerUpdate), b.updatesPerSec, b.latencyP50Ms, b.latencyP99Ms, cpu(b.cpuMsPerUpdate), `${x.ratio}×`]));
    }
    const p = w.palabre;
    const b = w.baseline;
    out.push(row(['median', '', p.updatesPerSec, p.latencyP50Ms, p.latencyP99Ms, cpu(p.cpuMsPerUpdate), b.updatesPerSec, b.latencyP50Ms, b.latencyP99Ms, cpu(b.cpuMsPerUpdate), `${w.ratio}×`]));
    if (w.cpuRatio !== null) out.push('', `   CPU per update, bare grammY over Palabre: ${w.cpuRatio}× (the updates/s ratio if each had a core to itself)`);
    out.push('');
    out.push(`   Redis per update (server-wide): Palabre ${w.commandstats.palabre.callsPerUpdate} commands executed (INFO commandstats, Lua scripts' own calls included), ${w.redisCpuMsPerUpdate.palabre} ms of Redis CPU;`);
    out.push(`   bare grammY ${w.commandstats.baseline.callsPerUpdate} commands, ${w.redisCpuMsPerUpdate.baseline} ms of Redis CPU`);
    out.push('   case entries: timeline length of each case when the round starts; p50/p99: posting the update → the message arriving at');
    out.push('   the stand-in; CPU: the bot process\'s user + system time per update');
  } else out.push(`   ${failed(r.webhook)}`);
  out.push('');
  const red = ok(r.redis);
  out.push('2. Redis cost per case turn, and memory per open case');
  if (red) {
    const c = red.turn;
    out.push('');
    out.push(row(['phase', 'commands', 'round trips', 'median ms', 'top commands (per turn)']));
    out.push(row(['---', '---:', '---:', '---:', '---']));
    const top = (xs: Array<[string, number]>) => xs.slice(0, 6).map(([n, k]) => `${n} ${k}`).join(', ');
    out.push(row(['turn (update → reply)', c.turn.commands, c.turn.roundTrips, c.turnMs, top(c.turn.byCommand)]));
    out.push(row(['… a buyer\'s first message to this process', '', c.firstMessageRoundTrips ?? '-', '', '']));
    out.push(row(['… a buyer who wrote to it before', '', c.againRoundTrips ?? '-', '', '']));
    out.push(row(['relay to the seller (delivery; the hand-off is in the turn\'s append)', c.relay.commands, c.relay.roundTrips, c.relayMs, top(c.relay.byCommand)]));
    out.push(row(['… median relay (periodic traffic left out)', '', c.relayMedianRoundTrips, '', '']));
    out.push('');
    out.push(`   ${c.turns} turns in process, one at a time, counted at the ioredis client (a pipeline or MULTI block is one round trip);`);
    out.push(`   Redis executed ${c.commandstatsPerTurn} commands per turn and relay (INFO commandstats: Lua scripts' own calls included, server-wide)`);
    const mem = red.memory;
    out.push(`   ${mem.cases} open cases, ${mem.eventsPerCase} timeline entries each on average: ${mem.bytesPerCase} bytes per case (${mem.keys} keys)`);
    out.push('');
    out.push(row(['kind of key', 'bytes per case', 'keys per case']));
    out.push(row(['---', '---:', '---:']));
    for (const b of mem.breakdown.filter((x) => x.bytesPerCase > 0)) out.push(row([b.kind, b.bytesPerCase, b.keysPerCase]));
  } else out.push(`   ${failed(r.redis)}`);
  out.push('');
  const rem = ok(r.reminders);
  out.push('3. Reminder scale (BullMQ scheduler → handler)');
  if (rem) {
    out.push(`   ${rem.reminders} reminders pending, ${rem.measured} of them due over ${rem.windowS} s, worker concurrency ${rem.concurrency}: scheduled at ${rem.schedulePerSec}/s (${rem.scheduleSeconds} s, ${rem.scheduledLate} late),`);
    out.push(`   fired ${rem.fired} (${rem.duplicates} twice, ${rem.missing} never) at ${rem.firePerSec}/s; lag p50 ${rem.lagP50Ms} ms, p99 ${rem.lagP99Ms} ms, max ${rem.lagMaxMs} ms`);
    out.push(`   Redis memory of the pending reminders: ${rem.memoryMB} MB, ${rem.bytesPerReminder} bytes per reminder`);
  } else out.push(`   ${failed(r.reminders)}`);
  out.push('');
  const st = ok(r.startup);
  out.push('4. Embedded mode start → /healthz 200');
  out.push(st ? `   ${st.command}, running the ${st.from === 'build' ? 'compiled build' : 'sources through tsx'}: ${st.runs.join(' ms, ')} ms (median ${st.medianMs} ms)` : `   ${failed(r.startup)}`);
  out.push('');
  const un = ok(r.understanding);
  out.push('5. Understanding buyer messages (labelled corpus, test/fixtures/understanding/)');
  out.push(un ? renderUnderstanding(un) : `   ${failed(r.understanding)}`);
  if (un?.actionsToCase) out.push('', renderActionsToCase(un.actionsToCase));
  out.push('');
  if (r.processes) {
    const f = ok(r.processes);
    out.push('6. Three processes on one Redis (Telegram webhook; a third of the updates delivered to two processes; posted until 2xx)');
    if (f) {
      out.push('');
      out.push(row(['offered /s', 'updates', 'delivered twice', 'acknowledged', 'refusals (retried)', 'relayed', 'lost', 'relayed twice', 'acked /s', 'relay p50 ms', 'p99 ms', '']));
      out.push(row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
      for (const x of f.steps) out.push(row([x.offeredPerSec, x.updates, x.twice, x.acknowledged, x.refusals, x.relayed, x.lost, x.duplicates, x.ackedPerSec, x.relayP50Ms, x.relayP99Ms, x.broken ?? 'held']));
      out.push('');
      out.push(`   sustained with no loss: ${f.sustainedPerSec ?? 'none'} updates/s; ${f.breaksAt ? `breaks at ${f.breaksAt.offeredPerSec}/s (${f.breaksAt.why})` : 'no offered rate broke it'}`);
    } else out.push(`   ${failed(r.processes)}`);
    out.push('');
  }
  out.push(row(['target', 'goal', 'measured', '']));
  out.push(row(['---', '---', '---', '---']));
  for (const t of r.targets) out.push(row([t.what, t.goal, t.measured, t.met === null ? '–' : t.met ? 'met' : '**MISSED**']));
  const profile = w?.profile;
  if (profile) out.push('', renderProfile(profile));
  else if (r.targets.some((t) => t.met === false)) out.push('', 'Targets missed: `npm run bench -- --profile` adds a CPU profile of the Palabre process (where a turn\'s time goes).');
  return out.join('\n');
}

/** The busiest functions and areas of a profiled Palabre round. */
export function renderProfile(p: ProfileSummary): string {
  const out = [`CPU profile of one Palabre round (${p.file}): busy ${p.busyPct}% of ${p.wallMs} ms`, ''];
  out.push(row(['area', 'self %']), row(['---', '---:']));
  for (const a of p.areas.slice(0, 10)) out.push(row([a.area, a.selfPct]));
  out.push('', row(['nearest Palabre file on the stack', '% of busy time']), row(['---', '---:']));
  for (const f of p.byPalabreFile.slice(0, 12)) out.push(row([f.file, f.pct]));
  out.push('', row(['function', 'where', 'self %']), row(['---', '---', '---:']));
  for (const f of p.topFunctions) out.push(row([f.fn, f.where, f.selfPct]));
  return out.join('\n');
}

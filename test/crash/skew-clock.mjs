/**
 * Test-only preload (NODE_OPTIONS="--import <this file>") that plays a host whose wall clock is off: `Date.now()`,
 * `new Date()` and `Date()` read the real time plus an offset in ms. The offset is `SKEW_MS`, or the number held in
 * `SKEW_FILE`, read again every 20 ms so that a test can step the clock while the process runs (an NTP correction
 * jumping it back). Monotonic clocks (`performance.now()`, timers) are left alone, as on a real host: NTP steps the
 * wall clock only. Each offset taken is written to stderr (`skew-clock: offset …`), so a test can tell it applied.
 */
import { readFileSync } from 'node:fs';

const RealDate = globalThis.Date;
const realNow = RealDate.now.bind(RealDate);
let offset = Number(process.env.SKEW_MS ?? 0) || 0;

function take(next) {
  if (!Number.isFinite(next) || next === offset) return;
  process.stderr.write(`skew-clock: offset ${next} ms (was ${offset} ms)\n`);
  offset = next;
}

const file = process.env.SKEW_FILE;
if (file) {
  const read = () => {
    try {
      const text = readFileSync(file, 'utf8').trim();
      if (text !== '') take(Number(text));
    } catch {
      // A missing file keeps the offset.
    }
  };
  read();
  setInterval(read, 20).unref();
}
process.stderr.write(`skew-clock: offset ${offset} ms\n`);

function SkewedDate(...args) {
  if (!new.target) return new RealDate(realNow() + offset).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [realNow() + offset] : args, new.target);
}
Object.setPrototypeOf(SkewedDate, RealDate);
SkewedDate.prototype = RealDate.prototype;
SkewedDate.now = () => realNow() + offset;
globalThis.Date = SkewedDate;

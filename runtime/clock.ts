// Wall-clock time for the runtime. A drill or a test can start the clock at a given instant
// (`--clock 2026-03-29T01:59:00+01:00`); from there it runs in real time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function clockStartingAt(start: Date, base: () => number = Date.now): Clock {
  if (Number.isNaN(start.getTime())) throw new RangeError('the clock start is not a valid time');
  const offset = start.getTime() - base();
  return { now: () => new Date(base() + offset) };
}

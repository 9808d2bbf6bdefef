// The store reads time only through this, so tests can move it (same shape as runtime's Clock).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

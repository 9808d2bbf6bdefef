// Options shared by the commands that run the product: --config FILE and --clock ISO.
import { clockStartingAt, systemClock, type Clock } from '../clock';
import { ConfigError, loadConfig, type SiteConfig } from '../config';
import { UsageError } from './command';

export function parseClock(value: string | undefined): Clock {
  if (value === undefined) return systemClock;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) throw new UsageError(`--clock ${value} is not an ISO time, e.g. 2026-03-29T01:59:00+01:00`);
  return clockStartingAt(start);
}

export function configFrom(file: string | undefined): SiteConfig {
  try {
    return loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

// Structured logging: one JSON object per line on stdout (systemd/journald friendly).
// Every string that reaches a log line passes through `redact`, so a CPR number, a PIN or a
// password can't leak even if a caller puts one in a message by mistake.
import { maskCprLike, maskSip2Fields } from '../ils';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEYS = /^(pin|password|pwd|cpr|patronId|cardNumber|secret|privateKey)$/i;

/**
 * A string as it may be logged: the values of SIP2 fields that hold a secret or name a person
 * (AD, CO, AC, AA, CY, AE...) become [redacted], and any ten digits that start with a valid day
 * and month (DDMMYY-SSSS, dash optional) become [cpr], whatever stands around them (`|`, a
 * field code, more digits). Item ids such as 5000000001 are not dates and stay readable.
 */
export function redactText(text: string): string {
  return maskCprLike(maskSip2Fields(text, { mask: '[redacted]' }), '[cpr]');
}

export function redact(value: unknown, key = ''): unknown {
  if (key && SECRET_KEYS.test(key)) return '[redacted]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function jsonLogger(options: { level?: Level; write?: (line: string) => void; now?: () => Date } = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: Level) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    write(JSON.stringify({ time: now().toISOString(), level, event, ...(redact(fields) as object) }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

// Fakes shaped like the parts of Electron's objects the shell uses, for unit tests that never
// launch Electron (its binary is not installed in CI).
import { type Logger } from '../../runtime/log';

type Listener = (...args: never[]) => unknown;

/** A minimal EventEmitter: records listeners per event and lets the test fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event whose default action can be prevented. */
export function fakeEvent(fields: Record<string, unknown> = {}): { prevented: boolean; preventDefault(): void } & Record<string, unknown> {
  const event = {
    ...fields,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export type LogLine = { level: string; event: string; fields?: Record<string, unknown> };

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) => lines.push({ level, event, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

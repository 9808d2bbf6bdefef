// Fault injection for tests and drills: extra latency, dropped connections, corrupt
// replies, `96` answers, and silence. One-shot faults first, then the random rates.

export interface FaultSettings {
  /** Added before every answer. */
  latencyMs: number;
  /** Share (0-1) of requests whose connection is dropped, before or after processing. */
  dropRate: number;
  /** Share (0-1) of answers sent with a corrupt first byte (detectable, so a 97 can fix it). */
  corruptRate: number;
  /** Periodic silence: every `silentEveryMs`, ignore requests for `silentForMs`. */
  silentEveryMs: number;
  silentForMs: number;
}

export type DropPoint = 'before-processing' | 'after-processing';

export class SimFaults {
  private settings: FaultSettings = { latencyMs: 0, dropRate: 0, corruptRate: 0, silentEveryMs: 0, silentForMs: 0 };
  private readonly drops: DropPoint[] = [];
  private corrupts = 0;
  private rejects = 0;
  private silentUntil = 0;
  private readonly startedAt: number;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  set(settings: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** The next `count` requests lose their connection (by default after the ILS acted on them). */
  dropNext(count = 1, when: DropPoint = 'after-processing'): void {
    for (let i = 0; i < count; i += 1) this.drops.push(when);
  }

  /** The next `count` answers go out corrupt. */
  corruptNext(count = 1): void {
    this.corrupts += count;
  }

  /** The next `count` requests are answered `96`, as if their checksum had failed. */
  rejectNext(count = 1): void {
    this.rejects += count;
  }

  /** Ignore every request for `ms` (connections stay open, nothing is answered). */
  silenceFor(ms: number): void {
    this.silentUntil = Math.max(this.silentUntil, this.now() + ms);
  }

  clear(): void {
    this.settings = { latencyMs: 0, dropRate: 0, corruptRate: 0, silentEveryMs: 0, silentForMs: 0 };
    this.drops.length = 0;
    this.corrupts = 0;
    this.rejects = 0;
    this.silentUntil = 0;
  }

  isSilent(): boolean {
    const now = this.now();
    if (now < this.silentUntil) return true;
    const { silentEveryMs: every, silentForMs: length } = this.settings;
    return every > 0 && length > 0 && (now - this.startedAt) % every >= every - length;
  }

  takeDrop(): DropPoint | undefined {
    const next = this.drops.shift();
    if (next) return next;
    if (this.settings.dropRate > 0 && this.random() < this.settings.dropRate) {
      return this.random() < 0.5 ? 'before-processing' : 'after-processing';
    }
    return undefined;
  }

  takeCorrupt(): boolean {
    if (this.corrupts > 0) {
      this.corrupts -= 1;
      return true;
    }
    return this.settings.corruptRate > 0 && this.random() < this.settings.corruptRate;
  }

  takeReject(): boolean {
    if (this.rejects === 0) return false;
    this.rejects -= 1;
    return true;
  }
}

/** A copy with the message code's first byte replaced: no reader can take it for valid. */
export function corruptMessage(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  if (copy.length > 0) copy[0] = 0x23; // '#'
  return copy;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

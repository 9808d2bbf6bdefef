// Shared helpers for hardware integration tests over real socat pty pairs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../hardware/serial/pty-pair';

/** A pty pair at stable link paths in a temp dir, that can be "unplugged" and "replugged". */
export class ReplugablePty {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'kiosk-pty-'));
  readonly deviceLink = path.join(this.dir, 'device');
  readonly simulatorLink = path.join(this.dir, 'simulator');
  pair: PtyPair | null = null;

  async plug(): Promise<PtyPair> {
    this.pair = await openPtyPair({ deviceLink: this.deviceLink, simulatorLink: this.simulatorLink });
    return this.pair;
  }

  async unplug(): Promise<void> {
    await this.pair?.close();
    this.pair = null;
  }

  async dispose(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns a value (not undefined/false) or the time runs out. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, stepMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

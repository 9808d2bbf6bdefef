// Simulated devices run on socat pty pairs whose driver ends are linked in one temporary folder;
// the bench starts them, and closes simulators and pairs together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPtyPair, socatAvailable, type PtyPair } from '../../hardware/serial';

export class SimulationUnavailableError extends Error {
  override name = 'SimulationUnavailableError';
}

/** A folder of pty links for the simulated devices, removed on close. */
export class SimulatedBench {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'kiosk-sim-'));
  private readonly pairs: PtyPair[] = [];
  private readonly stops: (() => Promise<void>)[] = [];

  async pair(name: string): Promise<PtyPair> {
    if (!socatAvailable()) {
      throw new SimulationUnavailableError('simulated devices need socat (apt-get install socat; `npm start` installs it)');
    }
    const pair = await openPtyPair({ deviceLink: path.join(this.dir, name) });
    this.pairs.push(pair);
    return pair;
  }

  onClose(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  async close(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop().catch(() => undefined);
    await Promise.all(this.pairs.map((p) => p.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}


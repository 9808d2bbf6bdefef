import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from './device-status';
import { type DeviceOpener, KeptOpen, type KeptOpenOptions } from './reconnect';

/** A device that opens while `plugged`, counting what KeptOpen does with its handles. */
class Bench {
  plugged = true;
  failure: Error = Object.assign(new Error('ENOENT: no such device'), { code: 'ENOENT' });
  opens = 0;
  readonly closed: number[] = [];
  readonly attached: number[] = [];
  readonly detached: number[] = [];
  readonly statuses: DeviceStatus[] = [];
  /** When set, the next open waits for this promise before answering. */
  gate: Promise<void> | null = null;

  readonly opener: DeviceOpener<number> = {
    open: async () => {
      this.opens += 1;
      const handle = this.opens;
      if (this.gate) await this.gate;
      if (!this.plugged) throw this.failure;
      return handle;
    },
    close: async (handle) => {
      this.closed.push(handle);
    },
    attach: (handle) => this.attached.push(handle),
    detach: (handle) => this.detached.push(handle),
  };

  keep(options: KeptOpenOptions = {}, opener: Partial<DeviceOpener<number>> = {}): KeptOpen<number> {
    return new KeptOpen(options, { ...this.opener, ...opener }, (status) => this.statuses.push(status));
  }
}

describe('KeptOpen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts disconnected, opens once and reports connected with the time it happened', async () => {
    let now = 1000;
    const bench = new Bench();
    const kept = bench.keep({ now: () => now });
    expect(kept.status()).toEqual({ state: 'disconnected', detail: 'not opened', since: new Date(1000) });
    expect(kept.handle).toBeNull();
    now = 2000;
    expect(await kept.open()).toEqual({ state: 'connected', since: new Date(2000) });
    expect(kept.handle).toBe(1);
    expect(kept.isWanted).toBe(true);
    expect(bench.attached).toEqual([1]);
    expect(await kept.open()).toEqual({ state: 'connected', since: new Date(2000) });
    expect(bench.opens).toBe(1);
    await kept.close();
  });

  it('retries a failed open with back-off, keeping `since` while the state stays the same', async () => {
    vi.useFakeTimers();
    let now = 0;
    const bench = new Bench();
    bench.plugged = false;
    const kept = bench.keep({ now: () => now, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    now = 10;
    expect(await kept.open()).toEqual({ state: 'disconnected', detail: 'cannot open: ENOENT: no such device', since: new Date(0) });
    await vi.advanceTimersByTimeAsync(99);
    expect(bench.opens).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bench.opens).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(bench.opens).toBe(3);
    bench.plugged = true;
    now = 500;
    await vi.advanceTimersByTimeAsync(400);
    expect(kept.status()).toEqual({ state: 'connected', since: new Date(500) });
    // A repeated failure with the same detail is one status event, not one per attempt.
    expect(bench.statuses.map((s) => s.state)).toEqual(['disconnected', 'connected']);
    await kept.close();
  });

  it('reports the state and words the driver gives a failed open', async () => {
    const bench = new Bench();
    bench.plugged = false;
    bench.failure = new Error('permission denied');
    const kept = bench.keep(
      { reconnect: false },
      { openFailureState: () => 'error', describe: (error) => `[${(error as Error).message}]` },
    );
    expect(await kept.open()).toMatchObject({ state: 'error', detail: 'cannot open: [permission denied]' });
  });

  it('with reconnect false, stays disconnected after a failure', async () => {
    vi.useFakeTimers();
    const bench = new Bench();
    bench.plugged = false;
    const kept = bench.keep({ reconnect: false });
    await kept.open();
    bench.plugged = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bench.opens).toBe(1);
    expect(kept.status().state).toBe('disconnected');
  });

  it('a lost handle is detached, closed, reported and reopened; a stale one is ignored', async () => {
    vi.useFakeTimers();
    const bench = new Bench();
    const kept = bench.keep({ reconnect: { initialDelayMs: 50 } });
    await kept.open();
    kept.lost(1, new Error('unplugged'));
    expect(kept.handle).toBeNull();
    expect(bench.detached).toEqual([1]);
    expect(bench.closed).toEqual([1]);
    expect(kept.status()).toMatchObject({ state: 'disconnected', detail: 'lost: unplugged' });
    await vi.advanceTimersByTimeAsync(50);
    expect(kept.handle).toBe(2);
    expect(bench.attached).toEqual([1, 2]);
    kept.lost(1, new Error('late news about the old handle'));
    expect(kept.status().state).toBe('connected');
    expect(bench.closed).toEqual([1]);
    await kept.close();
  });

  it('close() stops retrying, detaches and closes the handle; open() works again afterwards', async () => {
    vi.useFakeTimers();
    const bench = new Bench();
    const kept = bench.keep({ reconnect: { initialDelayMs: 50 } });
    await kept.open();
    await kept.close();
    expect(bench.detached).toEqual([1]);
    expect(bench.closed).toEqual([1]);
    expect(kept.status()).toMatchObject({ state: 'disconnected', detail: 'closed' });
    expect(kept.isWanted).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bench.opens).toBe(1);
    expect(await kept.open()).toMatchObject({ state: 'connected' });
    expect(kept.handle).toBe(2);
    await kept.close();
  });

  it('a failed open after close() schedules nothing', async () => {
    vi.useFakeTimers();
    const bench = new Bench();
    bench.plugged = false;
    const kept = bench.keep({ reconnect: { initialDelayMs: 50 } });
    await kept.open();
    await kept.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bench.opens).toBe(1);
  });

  it('a handle that opens after close() was asked for is closed and never used', async () => {
    const bench = new Bench();
    let release: () => void = () => undefined;
    bench.gate = new Promise<void>((resolve) => (release = resolve));
    const kept = bench.keep({ reconnect: false });
    const opening = kept.open();
    await kept.close();
    release();
    expect(await opening).toMatchObject({ state: 'disconnected', detail: 'closed' });
    expect(kept.handle).toBeNull();
    expect(bench.closed).toEqual([1]);
    expect(bench.attached).toEqual([]);
  });

  it('makes one open attempt at a time when close() and open() follow each other quickly', async () => {
    const bench = new Bench();
    let release: () => void = () => undefined;
    bench.gate = new Promise<void>((resolve) => (release = resolve));
    const kept = bench.keep({ reconnect: false });
    const first = kept.open();
    await kept.close();
    const second = kept.open();
    release();
    await Promise.all([first, second]);
    expect(bench.opens).toBe(1);
    expect(kept.handle).toBe(1);
    expect(kept.status().state).toBe('connected');
    await kept.close();
  });

  it('ignores a handle whose close fails', async () => {
    const bench = new Bench();
    const kept = bench.keep({}, { close: () => Promise.reject(new Error('already gone')) });
    await kept.open();
    kept.lost(1, new Error('EIO'));
    await kept.close();
    expect(kept.status()).toMatchObject({ state: 'disconnected', detail: 'closed' });
  });
});

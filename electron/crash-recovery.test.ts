import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEmitter, recordingLogger } from '../test/electron/fakes';
import { reloadDelay, setupCrashRecovery } from './crash-recovery';

class FakeRenderer extends FakeEmitter {
  reloads = 0;
  kills = 0;
  destroyed = false;
  reload() {
    this.reloads += 1;
  }
  forcefullyCrashRenderer() {
    this.kills += 1;
    // What Electron does: the killed renderer is reported gone.
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('reloadDelay', () => {
  it('doubles from the minimum up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => reloadDelay(n, 500, 30_000))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe('setupCrashRecovery', () => {
  let renderer: FakeRenderer;
  let quitting: boolean;
  let log: ReturnType<typeof recordingLogger>;

  beforeEach(() => {
    vi.useFakeTimers();
    renderer = new FakeRenderer();
    quitting = false;
    log = recordingLogger();
    setupCrashRecovery(renderer, { log, isQuitting: () => quitting, hangGraceMs: 10_000, minDelayMs: 500, maxDelayMs: 30_000, calmAfterMs: 60_000, now: () => Date.now() });
  });
  afterEach(() => vi.useRealTimers());

  it('reloads a crashed renderer after the first delay', () => {
    renderer.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    vi.advanceTimersByTime(499);
    expect(renderer.reloads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(renderer.reloads).toBe(1);
    expect(log.lines[0]).toEqual({ level: 'error', event: 'electron.renderer_gone', fields: { reason: 'crashed', exitCode: 139, reloadInMs: 500 } });
  });

  it('backs off when it keeps crashing, and starts over after a calm period', () => {
    const delays: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      renderer.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
      vi.runOnlyPendingTimers();
    }
    vi.advanceTimersByTime(60_001);
    renderer.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    for (const line of log.lines) delays.push(line.fields?.reloadInMs);
    expect(delays).toEqual([500, 1000, 2000, 4000, 500]);
    expect(renderer.reloads).toBe(4);
  });

  it('kills a renderer that stays unresponsive past the grace period, then reloads it', () => {
    renderer.emit('unresponsive');
    vi.advanceTimersByTime(9_999);
    expect(renderer.kills).toBe(0);
    vi.advanceTimersByTime(1);
    expect(renderer.kills).toBe(1);
    vi.advanceTimersByTime(500);
    expect(renderer.reloads).toBe(1);
  });

  it('leaves a renderer that becomes responsive again alone', () => {
    renderer.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    renderer.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(renderer.kills).toBe(0);
    expect(renderer.reloads).toBe(0);
  });

  it('does not reload or kill while quitting', () => {
    renderer.emit('unresponsive');
    quitting = true;
    vi.advanceTimersByTime(10_000);
    renderer.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    vi.advanceTimersByTime(60_000);
    expect([renderer.kills, renderer.reloads]).toEqual([0, 0]);
  });

  it('does not reload if quitting began while the reload was pending', () => {
    renderer.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    quitting = true;
    vi.advanceTimersByTime(1_000);
    expect(renderer.reloads).toBe(0);
  });

  it('reloads once for a burst of gone events', () => {
    renderer.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    renderer.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    vi.advanceTimersByTime(5_000);
    expect(renderer.reloads).toBe(1);
  });
});

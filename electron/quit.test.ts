import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEmitter, fakeEvent, recordingLogger } from '../test/electron/fakes';
import { setupQuit } from './quit';

class FakeApp extends FakeEmitter {
  readonly calls: string[] = [];
  quit() {
    this.calls.push('quit');
    // Electron emits before-quit from quit(); a prevented one stops the quit.
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.prevented) this.calls.push('quit-proceeds');
  }
  exit(code = 0) {
    this.calls.push(`exit ${code}`);
  }
}

/** A shutdown the test resolves or rejects by hand, recording the order of things. */
function controllable(app: FakeApp) {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const shutdown = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        app.calls.push('shutdown');
        finish = () => {
          app.calls.push('lock off');
          resolve();
        };
        fail = reject;
      }),
  );
  return { shutdown, finish: () => finish(), fail: (e: Error) => fail(e) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('setupQuit', () => {
  let app: FakeApp;
  let signals: FakeEmitter;
  beforeEach(() => {
    vi.useFakeTimers();
    app = new FakeApp();
    signals = new FakeEmitter();
  });
  afterEach(() => vi.useRealTimers());

  it('holds before-quit until the runtime has shut down, then quits', async () => {
    const runtime = controllable(app);
    const control = setupQuit({ app, signals, shutdown: runtime.shutdown, log: recordingLogger() });
    app.quit();
    expect(control.isQuitting()).toBe(true);
    expect(app.calls).toEqual(['quit', 'shutdown']);
    runtime.finish();
    await settle();
    expect(app.calls).toEqual(['quit', 'shutdown', 'lock off', 'quit', 'quit-proceeds']);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])('shuts the runtime down on %s before exiting', async (signal) => {
    const runtime = controllable(app);
    setupQuit({ app, signals, shutdown: runtime.shutdown, log: recordingLogger() });
    signals.emit(signal);
    runtime.finish();
    await settle();
    expect(app.calls).toEqual(['quit', 'shutdown', 'lock off', 'quit', 'quit-proceeds']);
  });

  it('shuts down once, however many quits arrive meanwhile', async () => {
    const runtime = controllable(app);
    setupQuit({ app, signals, shutdown: runtime.shutdown, log: recordingLogger() });
    app.quit();
    signals.emit('SIGTERM');
    app.quit();
    runtime.finish();
    await settle();
    expect(runtime.shutdown).toHaveBeenCalledTimes(1);
    expect(app.calls.filter((c) => c === 'quit-proceeds')).toHaveLength(1);
  });

  it('quits when the last window closes, through the same path', async () => {
    const runtime = controllable(app);
    setupQuit({ app, signals, shutdown: runtime.shutdown, log: recordingLogger() });
    app.emit('window-all-closed');
    runtime.finish();
    await settle();
    expect(app.calls).toEqual(['quit', 'shutdown', 'lock off', 'quit', 'quit-proceeds']);
  });

  it('exits with 1 when the shutdown fails, and logs why', async () => {
    const runtime = controllable(app);
    const log = recordingLogger();
    setupQuit({ app, signals, shutdown: runtime.shutdown, log });
    app.quit();
    runtime.fail(new Error('relay did not answer'));
    await settle();
    expect(app.calls).toEqual(['quit', 'shutdown', 'exit 1']);
    expect(log.lines.map((l) => l.event)).toEqual(['electron.quitting', 'electron.shutdown_failed']);
  });

  it('exits with 1 when the shutdown hangs past the timeout', async () => {
    const runtime = controllable(app);
    setupQuit({ app, signals, shutdown: runtime.shutdown, log: recordingLogger(), shutdownTimeoutMs: 3000 });
    app.quit();
    await vi.advanceTimersByTimeAsync(2999);
    expect(app.calls).toEqual(['quit', 'shutdown']);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.calls).toEqual(['quit', 'shutdown', 'exit 1']);
  });
});

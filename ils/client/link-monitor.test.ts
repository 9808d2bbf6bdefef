import { describe, expect, it } from 'vitest';
import { type IlsLinkState } from '../ils-port';
import { LinkMonitor } from './link-monitor';

describe('LinkMonitor', () => {
  it('decides at once from unknown, then needs 3 good answers to come back online', () => {
    const monitor = new LinkMonitor();
    const seen: [IlsLinkState, IlsLinkState][] = [];
    monitor.subscribe((state, previous) => seen.push([state, previous]));
    monitor.recordSuccess();
    expect(monitor.state).toBe('online');
    monitor.recordFailure();
    expect(monitor.state).toBe('offline');
    monitor.recordSuccess();
    monitor.recordSuccess();
    expect(monitor.state).toBe('offline');
    monitor.recordFailure();
    monitor.recordSuccess();
    monitor.recordSuccess();
    expect(monitor.state).toBe('offline');
    monitor.recordSuccess();
    expect(monitor.state).toBe('online');
    expect(seen).toEqual([
      ['online', 'unknown'],
      ['offline', 'online'],
      ['online', 'offline'],
    ]);
  });

  it('can require several failures to go offline, and survives a throwing watcher', () => {
    const monitor = new LinkMonitor({ failuresToOffline: 2, successesToOnline: 1 });
    const unsubscribe = monitor.subscribe(() => {
      throw new Error('watcher bug');
    });
    monitor.recordSuccess();
    monitor.recordFailure();
    expect(monitor.state).toBe('online');
    monitor.recordFailure();
    expect(monitor.state).toBe('offline');
    unsubscribe();
    monitor.recordSuccess();
    expect(monitor.state).toBe('online');
  });

  it('reports a throwing watcher instead of dropping its error; the other watchers still hear', () => {
    const reported: unknown[] = [];
    const monitor = new LinkMonitor({}, (error) => reported.push(error));
    const bug = new Error('watcher bug');
    monitor.subscribe(() => {
      throw bug;
    });
    const heard: IlsLinkState[] = [];
    monitor.subscribe((state) => heard.push(state));
    monitor.recordSuccess();
    expect(reported).toEqual([bug]);
    expect(heard).toEqual(['online']);
  });
});

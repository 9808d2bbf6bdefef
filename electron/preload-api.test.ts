import { describe, expect, it } from 'vitest';
import { FakeEmitter } from '../test/electron/fakes';
import { createPreloadApi } from './preload-api';

class FakeIpcRenderer extends FakeEmitter {
  readonly sent: unknown[][] = [];
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
}

describe('createPreloadApi', () => {
  it('exposes exactly onView and send, frozen', () => {
    const api = createPreloadApi(new FakeIpcRenderer());
    expect(Object.keys(api).sort()).toEqual(['onView', 'send']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('onView listens on the view channel, asks for the current view, and never leaks the IPC event', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const seen: unknown[][] = [];
    api.onView((...args) => seen.push(args));
    expect(ipc.sent).toEqual([['kiosk:ready']]);
    ipc.emit('kiosk:view', { sender: 'ipcRenderer itself' }, { screen: 'start' });
    expect(seen).toEqual([[{ screen: 'start' }]]);
  });

  it('the returned function unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const seen: unknown[] = [];
    const off = api.onView((view) => seen.push(view));
    off();
    ipc.emit('kiosk:view', {}, { screen: 'start' });
    expect(seen).toEqual([]);
    expect(ipc.count('kiosk:view')).toBe(0);
  });

  it('send puts the event on the event channel', () => {
    const ipc = new FakeIpcRenderer();
    createPreloadApi(ipc).send({ type: 'SET_LANGUAGE', language: 'en' });
    expect(ipc.sent).toEqual([['kiosk:event', { type: 'SET_LANGUAGE', language: 'en' }]]);
  });
});

import { describe, expect, it } from 'vitest';
import { bridgeUrl, connectBridge } from './connect';
import { type KioskApi } from './types';
import { type SocketLike } from './ws-client';

describe('bridgeUrl', () => {
  it('points at /bridge on the page origin, wss under https', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/bridge');
    expect(bridgeUrl({ protocol: 'https:', host: 'kiosk.local' })).toBe('wss://kiosk.local/bridge');
  });
});

describe('connectBridge', () => {
  it('returns the preload API itself inside Electron', () => {
    const preload: KioskApi = Object.freeze({ onView: () => () => undefined, send: () => undefined });
    const opened: string[] = [];
    const api = connectBridge({
      window: { kiosk: preload, location: window.location },
      createSocket: (url) => {
        opened.push(url);
        return {} as SocketLike;
      },
    });
    expect(api).toBe(preload);
    expect(opened).toEqual([]);
  });

  it('opens a WebSocket bridge with the same shape in a plain browser', () => {
    const opened: string[] = [];
    const socket: SocketLike = { readyState: 0, send: () => undefined, close: () => undefined, addEventListener: () => undefined };
    const location = new URL('http://127.0.0.1:4321/checkout') as unknown as Location;
    const api = connectBridge({
      window: { kiosk: undefined, location },
      createSocket: (url) => {
        opened.push(url);
        return socket;
      },
    });
    expect(opened).toEqual(['ws://127.0.0.1:4321/bridge']);
    expect(typeof api.onView).toBe('function');
    expect(typeof api.send).toBe('function');
  });
});

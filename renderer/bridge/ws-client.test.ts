import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketBridge, type SocketLike } from './ws-client';

type Handler = (event: { data?: unknown }) => void;

/** A WebSocket stand-in the test opens, feeds and drops by hand. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  closedWith: [number | undefined, string | undefined] | null = null;
  private readonly handlers = new Map<string, Handler[]>();
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  addEventListener(type: string, listener: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closedWith = [code, reason];
    this.readyState = 3;
  }
  fire(type: string, data?: unknown) {
    for (const h of this.handlers.get(type) ?? []) h({ data });
  }
  open() {
    this.readyState = 1;
    this.fire('open');
  }
  drop() {
    this.readyState = 3;
    this.fire('close');
  }
  view(view: unknown) {
    this.fire('message', JSON.stringify({ channel: 'kiosk:view', view }));
  }
}

const latestSocket = () => FakeSocket.all.at(-1) as FakeSocket;
const make = () => createWebSocketBridge({ url: 'ws://127.0.0.1:8080/bridge', createSocket: (url) => new FakeSocket(url), minRetryMs: 100, maxRetryMs: 800 });

describe('createWebSocketBridge', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('has the preload API shape (onView, send) plus close and isConnected', () => {
    expect(Object.keys(make()).sort()).toEqual(['close', 'isConnected', 'onConnection', 'onView', 'send']);
    expect(latestSocket().url).toBe('ws://127.0.0.1:8080/bridge');
  });

  it('delivers every view to every listener', () => {
    const bridge = make();
    const a: unknown[] = [];
    const b: unknown[] = [];
    bridge.onView((v) => a.push(v));
    bridge.onView((v) => b.push(v));
    latestSocket().open();
    latestSocket().view({ screen: 'start' });
    latestSocket().view({ screen: 'identify' });
    expect(a).toEqual([{ screen: 'start' }, { screen: 'identify' }]);
    expect(b).toEqual(a);
  });

  it('gives a late listener the latest view at once (asynchronously)', async () => {
    const bridge = make();
    latestSocket().open();
    latestSocket().view({ screen: 'checkout' });
    const seen: unknown[] = [];
    bridge.onView((v) => seen.push(v));
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([{ screen: 'checkout' }]);
  });

  it('ignores frames that are not views', () => {
    const bridge = make();
    const seen: unknown[] = [];
    bridge.onView((v) => seen.push(v));
    latestSocket().open();
    for (const data of ['not json', '{"channel":"kiosk:event","event":{}}', '{"channel":"kiosk:view"}', 'null', new ArrayBuffer(2)]) latestSocket().fire('message', data);
    expect(seen).toEqual([]);
  });

  it('sends events as event frames while connected, and drops them while not', () => {
    const bridge = make();
    bridge.send({ type: 'BORROW' });
    latestSocket().open();
    expect(bridge.isConnected()).toBe(true);
    bridge.send({ type: 'PIN_DIGIT', digit: '1' });
    latestSocket().drop();
    bridge.send({ type: 'RETURN' });
    expect(FakeSocket.all[0]?.sent.map((s) => JSON.parse(s))).toEqual([{ channel: 'kiosk:event', event: { type: 'PIN_DIGIT', digit: '1' } }]);
    expect(bridge.isConnected()).toBe(false);
  });

  it('reconnects after a drop with growing delays, reset by a successful open', () => {
    make();
    latestSocket().open();
    latestSocket().drop();
    vi.advanceTimersByTime(99);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    latestSocket().drop(); // the runtime is still down
    vi.advanceTimersByTime(199);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    for (const expected of [400, 800, 800]) {
      latestSocket().drop();
      const before = FakeSocket.all.length;
      vi.advanceTimersByTime(expected - 1);
      expect(FakeSocket.all).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all).toHaveLength(before + 1);
    }
    latestSocket().open();
    latestSocket().drop();
    vi.advanceTimersByTime(100);
    expect(FakeSocket.all).toHaveLength(7);
  });

  it('when the runtime goes away, says so at once and forgets its last view (no patron data for a late listener)', async () => {
    const bridge = make();
    const states: boolean[] = [];
    bridge.onConnection((connected) => states.push(connected));
    latestSocket().open();
    latestSocket().view({ screen: 'account', patronName: 'Karen' });
    latestSocket().drop();
    expect(states).toEqual([true, false]);
    const late: unknown[] = [];
    bridge.onView((v) => late.push(v));
    await Promise.resolve();
    expect(late).toEqual([]);
    vi.advanceTimersByTime(100);
    latestSocket().open();
    expect(states).toEqual([true, false, true]);
  });

  it('reports a socket that never opened as lost too, once per loss', () => {
    const bridge = make();
    const states: boolean[] = [];
    const off = bridge.onConnection((connected) => states.push(connected));
    latestSocket().drop();
    vi.advanceTimersByTime(100);
    latestSocket().drop();
    expect(states).toEqual([false]);
    off();
    vi.advanceTimersByTime(200);
    latestSocket().open();
    expect(states).toEqual([false]);
  });

  it('keeps listeners across a reconnect', () => {
    const bridge = make();
    const seen: unknown[] = [];
    bridge.onView((v) => seen.push(v));
    latestSocket().open();
    latestSocket().drop();
    vi.advanceTimersByTime(100);
    latestSocket().open();
    latestSocket().view({ screen: 'start' });
    expect(seen).toEqual([{ screen: 'start' }]);
  });

  it('unsubscribes a listener', () => {
    const bridge = make();
    const seen: unknown[] = [];
    const off = bridge.onView((v) => seen.push(v));
    off();
    latestSocket().open();
    latestSocket().view({ screen: 'start' });
    expect(seen).toEqual([]);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const bridge = make();
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bridge.onView(() => {
      throw new Error('render failed');
    });
    bridge.onView((v) => seen.push(v));
    latestSocket().open();
    latestSocket().view({ screen: 'start' });
    expect(seen).toEqual([{ screen: 'start' }]);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('close() closes the socket and stops reconnecting', () => {
    const bridge = make();
    latestSocket().open();
    bridge.close();
    expect(FakeSocket.all[0]?.closedWith).toEqual([1000, 'bridge closed']);
    FakeSocket.all[0]?.fire('close');
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});

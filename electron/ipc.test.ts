import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKioskHost } from '../test/browser/fake-kiosk-host';
import { FakeEmitter, type LogLine, recordingLogger } from '../test/electron/fakes';
import { type IpcSenderEvent, setupIpcBridge, untrustedSender, type ViewTarget } from './ipc';

class FakeContents implements ViewTarget {
  readonly sent: Array<[string, unknown]> = [];
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

const KIOSK = 7;
const fromKiosk = (url = 'app://kiosk/index.html'): IpcSenderEvent => ({ sender: { id: KIOSK }, senderFrame: { url, parent: null } });

describe('untrustedSender', () => {
  const window = new FakeContents(KIOSK);
  it('trusts only the kiosk window top frame on app://kiosk', () => {
    expect(untrustedSender(fromKiosk(), window)).toBeNull();
    expect(untrustedSender(fromKiosk('app://kiosk/assets/x.html#y'), window)).toBeNull();
  });

  it.each([
    ['another web contents', { sender: { id: 8 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } }],
    ['a frame that is gone', { sender: { id: KIOSK }, senderFrame: null }],
    ['a subframe', { sender: { id: KIOSK }, senderFrame: { url: 'app://kiosk/index.html', parent: {} } }],
    ['a page outside app://kiosk', fromKiosk('file:///etc/passwd')],
    ['a page outside app://kiosk', fromKiosk('https://evil.example/')],
    ['a page outside app://kiosk', fromKiosk('app://evil/index.html')],
    ['a page outside app://kiosk', fromKiosk('app://user@kiosk/index.html')],
    ['a page outside app://kiosk', fromKiosk('devtools://devtools/bundled/inspector.html')],
    ['a page outside app://kiosk', fromKiosk('about:blank')],
  ] as Array<[string, IpcSenderEvent]>)('refuses a message sent by %s', (reason, event) => {
    expect(untrustedSender(event, window)).toBe(reason);
  });

  it('refuses everything when the window is missing or destroyed', () => {
    expect(untrustedSender(fromKiosk(), null)).toBe('no kiosk window');
    const gone = new FakeContents(KIOSK);
    gone.destroyed = true;
    expect(untrustedSender(fromKiosk(), gone)).toBe('no kiosk window');
  });
});

describe('setupIpcBridge', () => {
  let ipcMain: FakeEmitter;
  let host: FakeKioskHost<{ screen: string }, unknown>;
  let window: FakeContents;
  let log: ReturnType<typeof recordingLogger>;
  let dispose: () => void;
  const dropped = (lines: LogLine[]) => lines.filter((l) => l.event === 'ipc.dropped').map((l) => l.fields);

  beforeEach(() => {
    ipcMain = new FakeEmitter();
    host = new FakeKioskHost({ screen: 'start' });
    window = new FakeContents(KIOSK);
    log = recordingLogger();
    dispose = setupIpcBridge({ ipcMain, host, target: () => window, log });
  });

  it('listens on exactly the allow-listed channels', () => {
    expect([...ipcMain.listeners.keys()].sort()).toEqual(['kiosk:event', 'kiosk:ready']);
  });

  it('pushes the current view and every later view to the kiosk window', () => {
    host.emit({ screen: 'checkout' });
    expect(window.sent).toEqual([
      ['kiosk:view', { screen: 'start' }],
      ['kiosk:view', { screen: 'checkout' }],
    ]);
  });

  it('answers ready with the current view (a reloaded page needs it)', () => {
    ipcMain.emit('kiosk:ready', fromKiosk());
    expect(window.sent.at(-1)).toEqual(['kiosk:view', { screen: 'start' }]);
    expect(window.sent).toHaveLength(2);
  });

  it('forwards a valid event from the kiosk frame to the host', () => {
    ipcMain.emit('kiosk:event', fromKiosk(), { type: 'PIN_DIGIT', digit: '3' });
    expect(host.sent).toEqual([{ type: 'PIN_DIGIT', digit: '3' }]);
    expect(dropped(log.lines)).toEqual([]);
  });

  it('drops events and ready requests from any other sender', () => {
    ipcMain.emit('kiosk:event', { sender: { id: 99 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } }, { type: 'OPEN' });
    ipcMain.emit('kiosk:event', fromKiosk('https://evil.example/'), { type: 'OPEN' });
    ipcMain.emit('kiosk:event', { sender: { id: KIOSK }, senderFrame: { url: 'app://kiosk/index.html', parent: {} } }, { type: 'OPEN' });
    ipcMain.emit('kiosk:ready', fromKiosk('file:///tmp/x.html'));
    expect(host.sent).toEqual([]);
    expect(window.sent).toHaveLength(1);
    expect(dropped(log.lines)).toEqual([
      { channel: 'kiosk:event', reason: 'sent by another web contents' },
      { channel: 'kiosk:event', reason: 'sent by a page outside app://kiosk' },
      { channel: 'kiosk:event', reason: 'sent by a subframe' },
      { channel: 'kiosk:ready', reason: 'sent by a page outside app://kiosk' },
    ]);
  });

  it('drops malformed events and never logs their content', () => {
    ipcMain.emit('kiosk:event', fromKiosk(), { digit: '5521' });
    ipcMain.emit('kiosk:event', fromKiosk(), 'OPEN_DOOR');
    ipcMain.emit('kiosk:event', fromKiosk(), { type: 'X', big: 'x'.repeat(10_000) });
    ipcMain.emit('kiosk:event', fromKiosk(), { type: 'A' }, { type: 'B' });
    ipcMain.emit('kiosk:event', fromKiosk());
    expect(host.sent).toEqual([]);
    expect(dropped(log.lines)?.map((f) => f?.reason)).toEqual([
      'the event has no string type',
      'the event is not a plain object',
      'the event is larger than 4096 bytes',
      'not exactly one argument',
      'not exactly one argument',
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('5521');
  });

  it('survives a host that throws on send', () => {
    host.send = () => {
      throw new Error('machine stopped');
    };
    ipcMain.emit('kiosk:event', fromKiosk(), { type: 'BORROW' });
    expect(log.lines.map((l) => l.event)).toEqual(['ipc.host_send_failed']);
  });

  it('does not send to a destroyed window', () => {
    window.destroyed = true;
    host.emit({ screen: 'goodbye' });
    expect(window.sent).toEqual([['kiosk:view', { screen: 'start' }]]);
  });

  it('unwires both directions on dispose', () => {
    dispose();
    expect(ipcMain.count('kiosk:event') + ipcMain.count('kiosk:ready')).toBe(0);
    expect(host.subscriberCount()).toBe(0);
  });
});

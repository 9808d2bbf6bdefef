// The one IPC chokepoint of the main process: views go out to the kiosk window, UI events come in
// only on the allow-listed channels, only from the kiosk window's own top frame on app://kiosk,
// and only when they pass the shared event validator. Everything else is dropped and logged.
import { type KioskHost } from '../runtime/front-end-port';
import { type Logger } from '../runtime/log';
import { isAppUrl } from './app-protocol';
import { checkUiEvent, EVENT_CHANNEL, READY_CHANNEL, SCREEN_TO_RUNTIME_CHANNELS, VIEW_CHANNEL } from './contract';

/** What Electron's IpcMainEvent tells about who sent a message. */
export interface IpcSenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => void): void;
}

/** The kiosk window's web contents, as far as the bridge needs it. */
export interface ViewTarget {
  id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Why a message's sender is not the kiosk screen, or null when it is. */
export function untrustedSender(event: IpcSenderEvent, target: ViewTarget | null): string | null {
  if (target === null || target.isDestroyed()) return 'no kiosk window';
  if (event.sender.id !== target.id) return 'another web contents';
  const frame = event.senderFrame;
  if (frame === null) return 'a frame that is gone';
  if (frame.parent !== null && frame.parent !== undefined) return 'a subframe';
  if (!isAppUrl(frame.url)) return 'a page outside app://kiosk';
  return null;
}

export interface IpcBridgeOptions<View, UiEvent> {
  ipcMain: IpcMainLike;
  host: KioskHost<View, UiEvent>;
  /** The kiosk window's web contents now (null before it exists or after it closed). */
  target: () => ViewTarget | null;
  log: Logger;
}

/** Wires views out and events in; returns a function that unwires both. */
export function setupIpcBridge<View, UiEvent>({ ipcMain, host, target, log }: IpcBridgeOptions<View, UiEvent>): () => void {
  let latest: { view: View } | null = null;

  const deliver = () => {
    const contents = target();
    if (latest === null || contents === null || contents.isDestroyed()) return;
    try {
      contents.send(VIEW_CHANNEL, latest.view);
    } catch (error) {
      log.error('ipc.view_send_failed', { error });
    }
  };

  const listeners = SCREEN_TO_RUNTIME_CHANNELS.map((channel) => {
    const listener = (event: IpcSenderEvent, ...args: unknown[]) => {
      const refused = untrustedSender(event, target());
      if (refused) {
        log.warn('ipc.dropped', { channel, reason: `sent by ${refused}` });
        return;
      }
      if (channel === READY_CHANNEL) return deliver();
      if (channel !== EVENT_CHANNEL) return;
      const checked = args.length === 1 ? checkUiEvent(args[0]) : ({ ok: false, reason: 'not exactly one argument' } as const);
      if (!checked.ok) {
        log.warn('ipc.dropped', { channel, reason: checked.reason });
        return;
      }
      try {
        host.send(checked.value as UiEvent);
      } catch (error) {
        log.error('ipc.host_send_failed', { error });
      }
    };
    ipcMain.on(channel, listener);
    return [channel, listener] as const;
  });

  const unsubscribe = host.subscribe((view) => {
    latest = { view };
    deliver();
  });

  return () => {
    unsubscribe();
    for (const [channel, listener] of listeners) ipcMain.removeListener(channel, listener);
  };
}

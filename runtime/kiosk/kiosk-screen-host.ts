// The running kiosk as its front ends see it (runtime/front-end-port.ts): views out, the screen's events
// in (and, in simulation mode, the tester's), and a shutdown that leaves the lock off.
import { isKioskUiEvent } from '../../state-machines/index';
import { type KioskHost } from '../front-end-port';
import { type Logger } from '../log';
import { type ScreenEvent, type ScreenView } from '../screen-contract';
import { isSimulationEvent } from '../simulation-panel';
import { type KioskActor } from './kiosk-actor';
import { type KioskHardware } from './kiosk-hardware';
import { type ScreenViews } from './screen-views';
import { type KioskSimulation } from './simulation';

export interface KioskScreenHostParts {
  actor: KioskActor;
  views: ScreenViews;
  simulation: KioskSimulation | null;
  hardware: KioskHardware;
  log: Logger;
  /** Everything to stop, in order, before the devices close (link watchers, the status server...). */
  stopFirst: Array<() => unknown>;
  /** Closes the site (store, ILS) last. */
  closeSite(): Promise<void>;
}

function handleSimulation({ simulation, hardware, views, log }: KioskScreenHostParts, event: ScreenEvent): boolean {
  if (!simulation || !isSimulationEvent(event)) return false;
  simulation.handle(event).then(
    async (note) => {
      log.info('simulation', { note });
      // The printer is polled every few seconds; a tester wants to see the change at once (a failed
      // check shows as the printer's status, so nothing is lost here).
      if (event.type === 'SIM_PAPER') await hardware.devices.printer.checkStatus().catch(() => undefined);
      views.publish();
    },
    (error: unknown) => log.warn('simulation.failed', { error }),
  );
  return true;
}

export function kioskScreenHost(parts: KioskScreenHostParts): KioskHost<ScreenView, ScreenEvent> {
  const { actor, views, hardware, log } = parts;
  let stopped: Promise<void> | null = null;
  return {
    subscribe: (listener) => views.subscribe(listener),
    send(event) {
      if (isKioskUiEvent(event)) {
        actor.send(event);
        return;
      }
      if (handleSimulation(parts, event)) return;
      log.warn('screen.event-dropped', { type: typeof event.type === 'string' ? event.type.slice(0, 40) : 'unknown' });
    },
    shutdown() {
      stopped ??= (async () => {
        for (const stop of parts.stopFirst) await stop();
        actor.stop();
        await hardware.close();
        await parts.closeSite();
        log.info('kiosk.stopped', {});
      })();
      return stopped;
    },
  };
}

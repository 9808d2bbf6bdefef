// The views the screen gets: one per tick however many snapshots an event causes, the machine's
// view model plus, in simulation mode, the tester panel.
import { toView } from '../../state-machines/index';
import { type ScreenView } from '../screen-contract';
import { type KioskActor } from './kiosk-actor';
import { type KioskSimulation } from './simulation';

export interface ScreenViews {
  /** Schedules one view for the end of this tick. */
  publish(): void;
  /** The current view at once (or the next one), then every change; returns unsubscribe. */
  subscribe(listener: (view: ScreenView) => void): () => void;
  /** The actor arrives after the publisher (it publishes from its own start). */
  attach(actor: KioskActor): void;
}

export function screenViews(simulation: KioskSimulation | null): ScreenViews {
  const listeners = new Set<(view: ScreenView) => void>();
  let current: ScreenView | null = null;
  let pending = false;
  let actor: KioskActor | null = null;
  const publish = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!actor) return;
      const view: ScreenView = { ...toView(actor.getSnapshot()), ...(simulation ? { simulation: simulation.panel() } : {}) };
      current = view;
      for (const listener of listeners) listener(view);
    });
  };
  return {
    publish,
    subscribe(listener) {
      listeners.add(listener);
      if (current) listener(current);
      else publish();
      return () => listeners.delete(listener);
    },
    attach(started) {
      actor = started;
    },
  };
}

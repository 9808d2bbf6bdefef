// An in-memory KioskHost for front-end tests: records what the screen sent, lets the test push views.
import { type KioskHost } from '../../runtime/front-end-port';

export class FakeKioskHost<View, UiEvent = unknown> implements KioskHost<View, UiEvent> {
  readonly sent: UiEvent[] = [];
  shutdowns = 0;
  private readonly listeners = new Set<(view: View) => void>();

  constructor(private current: View) {}

  subscribe(listener: (view: View) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  send(event: UiEvent): void {
    this.sent.push(event);
  }

  async shutdown(): Promise<void> {
    this.shutdowns += 1;
  }

  /** Pushes a new view to every subscriber, as the runtime does on a state change. */
  emit(view: View): void {
    this.current = view;
    for (const listener of this.listeners) listener(view);
  }

  subscriberCount(): number {
    return this.listeners.size;
  }
}

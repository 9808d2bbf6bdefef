import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/views.testkit';
import '../render.testkit';
import { App, type ViewSource } from './App';
import type { ScreenEvent, View } from './types';

function fakeSource() {
  const listeners = new Set<(view: View) => void>();
  const connection = new Set<(connected: boolean) => void>();
  const sent: ScreenEvent[] = [];
  const source: ViewSource = {
    onView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
    send: (event) => void sent.push(event),
  };
  return {
    source,
    sent,
    listeners,
    emit: (view: View) => listeners.forEach((l) => l(view)),
    connected: (up: boolean) => connection.forEach((l) => l(up)),
  };
}

describe('App', () => {
  it('waits for the first view, then follows the runtime and sends its events', () => {
    const fake = fakeSource();
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(<App source={fake.source} />));
    expect(container.textContent).toBe('Forbinder til kiosken …');
    act(() => fake.emit(FIXTURES.start));
    expect(container.querySelector('h1')?.textContent).toBe('Velkommen til biblioteket');
    act(() => container.querySelector('button.choice')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(fake.sent).toEqual([{ type: 'BORROW' }]);
    act(() => fake.emit(FIXTURES['identify-scan-card']));
    expect(container.querySelector('h1')?.textContent).toBe('Lån – log ind');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    act(() => root.unmount());
    expect(fake.listeners.size).toBe(0);
    container.remove();
  });

  it('clears the patron’s screen at once when the runtime goes away, and follows it again when it is back', () => {
    const fake = fakeSource();
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(<App source={fake.source} />));
    act(() => fake.emit(FIXTURES.account));
    expect(container.textContent).toContain('Anna');
    expect(container.textContent).toContain('Kongens Fald');
    act(() => fake.connected(false));
    expect(container.textContent).not.toMatch(/Anna|Kongens Fald|Erindringer|250/);
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(container.textContent).toBe('Kiosken er ude af drift lige nu. Vent venligst – den kommer igen af sig selv.');
    act(() => fake.connected(true));
    act(() => fake.emit(FIXTURES.start));
    expect(container.querySelector('h1')?.textContent).toBe('Velkommen til biblioteket');
    act(() => root.unmount());
    container.remove();
  });
});

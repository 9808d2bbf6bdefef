import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/views';
import '../test-support/render';
import { App, type ViewSource } from './App';
import type { ScreenEvent, View } from './types';

function fakeSource() {
  const listeners = new Set<(view: View) => void>();
  const sent: ScreenEvent[] = [];
  const source: ViewSource = {
    onView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (event) => void sent.push(event),
  };
  return { source, sent, listeners, emit: (view: View) => listeners.forEach((l) => l(view)) };
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
});

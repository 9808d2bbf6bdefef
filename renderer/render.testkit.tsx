// Renders the kiosk screen for a view into happy-dom and records what it sends; helpers find
// buttons by their accessible name, as a patron (or a screen reader) would.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { KioskScreen } from './app/App';
import type { ScreenEvent, View } from './app/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  sent: ScreenEvent[];
  text(): string;
  rerender(view: View): void;
  button(name: string | RegExp): HTMLButtonElement;
  buttons(): HTMLButtonElement[];
  click(name: string | RegExp): void;
  unmount(): void;
}

/** A button's accessible name: aria-label, else its text. */
export function accessibleName(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function renderView(view: View): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  const sent: ScreenEvent[] = [];
  let root: Root | null = null;
  const draw = (next: View) => act(() => root?.render(<KioskScreen view={next} send={(event) => sent.push(event)} />));
  act(() => {
    root = createRoot(container);
  });
  draw(view);
  const buttons = () => [...container.querySelectorAll('button')];
  const button = (name: string | RegExp) => {
    const found = buttons().find((b) => (typeof name === 'string' ? accessibleName(b) === name : name.test(accessibleName(b))));
    if (found === undefined) throw new Error(`no button named ${String(name)}; buttons: ${buttons().map(accessibleName).join(' | ')}`);
    return found;
  };
  return {
    container,
    sent,
    text: () => (container.textContent ?? '').replace(/\s+/g, ' '),
    rerender: draw,
    button,
    buttons,
    click: (name) => act(() => button(name).click()),
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Types into a React-controlled input the way a browser does (value setter, then `input`). */
export function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

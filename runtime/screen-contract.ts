// The one screen <-> runtime contract, shared by both front ends: Electron IPC (electron/) and the
// browser-mode WebSocket bridge (runtime/browser/). Channel names, frame shapes, the event validator
// and the concrete view and event types are defined here and nowhere else. It lives in runtime/, not
// in electron/, because the layering lets electron/ import runtime/ but not the other way round;
// electron/contract.ts passes it on to the preload and (as types) to the renderer.
// Type imports only (`import type`): the preload bundle carries the channel names, nothing else.
import type { KioskUiEvent, KioskView } from '../state-machines';
import type { SimulationEvent, SimulationPanel } from './simulation-panel';

/** What the screen shows: the kiosk machine's view model, plus the tester panel in simulation mode. */
export type ScreenView = KioskView & { simulation?: SimulationPanel };
/** What the screen may send: a patron's button presses, and in simulation mode the tester panel's. */
export type ScreenEvent = KioskUiEvent | SimulationEvent;

/** Views flow runtime -> screen on this channel (IPC channel name; `channel` of a WebSocket frame). */
export const VIEW_CHANNEL = 'kiosk:view';
/** UI events flow screen -> runtime on this channel. */
export const EVENT_CHANNEL = 'kiosk:event';
/** The screen says "I am listening now": the runtime answers with the current view. */
export const READY_CHANNEL = 'kiosk:ready';

/** Browser mode: the WebSocket bridge's path on the page's own origin. */
export const BRIDGE_PATH = '/bridge';

export type ViewChannel = typeof VIEW_CHANNEL;
export type EventChannel = typeof EVENT_CHANNEL;
export type ReadyChannel = typeof READY_CHANNEL;
export type BridgePath = typeof BRIDGE_PATH;

/** Every channel the screen may send on; anything else is dropped at the chokepoint. */
export const SCREEN_TO_RUNTIME_CHANNELS: readonly string[] = [EVENT_CHANNEL, READY_CHANNEL];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The least a UI event is: a plain JSON object with a string `type`. */
export interface UiEventShape {
  type: string;
  [field: string]: JsonValue;
}

/** A WebSocket frame from the runtime (JSON text). */
export interface ViewFrame<View> {
  channel: ViewChannel;
  view: View;
}

/** A WebSocket frame from the screen (JSON text). */
export type ScreenFrame<UiEvent> = { channel: EventChannel; event: UiEvent } | { channel: ReadyChannel };

/** A UI event is a button press or a digit: anything larger is not from our screen. */
export const MAX_EVENT_BYTES = 4096;
export const MAX_EVENT_DEPTH = 6;
export const MAX_TYPE_LENGTH = 64;
/** A WebSocket frame carries one event plus its envelope. */
export const MAX_FRAME_BYTES = MAX_EVENT_BYTES + 256;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

// Keys that could reach an object's prototype when a consumer spreads or merges the event.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Why `value` is not plain JSON, or null when it is. */
function jsonProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_EVENT_DEPTH) return `nested deeper than ${MAX_EVENT_DEPTH} levels`;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number that is not finite';
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `a forbidden key '${key}'`;
      const problem = jsonProblem(value[key], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `a value of type ${typeof value} that is not plain JSON`;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The one validator for events from the screen, used by the IPC chokepoint and the WebSocket
 * bridge alike. Accepts only `{ type: string, ...plain JSON }` under MAX_EVENT_BYTES and returns
 * a fresh copy, so nothing the sender controls (prototypes, getters) reaches the runtime.
 * The reason never quotes the event: it may hold PIN digits.
 */
export function checkUiEvent(value: unknown): Checked<UiEventShape> {
  if (!isPlainObject(value)) return { ok: false, reason: 'the event is not a plain object' };
  const type = value.type;
  if (typeof type !== 'string' || type.length === 0) return { ok: false, reason: 'the event has no string type' };
  if (type.length > MAX_TYPE_LENGTH) return { ok: false, reason: `the event type is longer than ${MAX_TYPE_LENGTH} characters` };
  const problem = jsonProblem(value, 1);
  if (problem) return { ok: false, reason: `the event holds ${problem}` };
  const text = JSON.stringify(value);
  if (utf8Length(text) > MAX_EVENT_BYTES) return { ok: false, reason: `the event is larger than ${MAX_EVENT_BYTES} bytes` };
  return { ok: true, value: JSON.parse(text) as UiEventShape };
}

/** Parses one WebSocket text frame from the screen; the event inside is checked by checkUiEvent. */
export function parseScreenFrame(text: string): Checked<ScreenFrame<UiEventShape>> {
  if (utf8Length(text) > MAX_FRAME_BYTES) return { ok: false, reason: `the frame is larger than ${MAX_FRAME_BYTES} bytes` };
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    // The refusal is the result: the server logs it as browser.event_dropped with this reason.
    return { ok: false, reason: 'the frame is not JSON' };
  }
  if (!isPlainObject(frame)) return { ok: false, reason: 'the frame is not an object' };
  if (frame.channel === READY_CHANNEL) return { ok: true, value: { channel: READY_CHANNEL } };
  if (frame.channel !== EVENT_CHANNEL) return { ok: false, reason: 'the frame names an unknown channel' };
  const event = checkUiEvent(frame.event);
  if (!event.ok) return event;
  return { ok: true, value: { channel: EVENT_CHANNEL, event: event.value } };
}

export function viewFrame<View>(view: View): string {
  const frame: ViewFrame<View> = { channel: VIEW_CHANNEL, view };
  return JSON.stringify(frame);
}

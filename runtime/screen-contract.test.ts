import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkUiEvent,
  EVENT_CHANNEL,
  MAX_EVENT_BYTES,
  MAX_FRAME_BYTES,
  parseScreenFrame,
  READY_CHANNEL,
  SCREEN_TO_RUNTIME_CHANNELS,
  VIEW_CHANNEL,
  viewFrame,
} from './screen-contract';

describe('channel names', () => {
  it('are fixed strings the preload, main and WebSocket client share', () => {
    expect([VIEW_CHANNEL, EVENT_CHANNEL, READY_CHANNEL]).toEqual(['kiosk:view', 'kiosk:event', 'kiosk:ready']);
    expect(SCREEN_TO_RUNTIME_CHANNELS).toEqual(['kiosk:event', 'kiosk:ready']);
  });
});

describe('checkUiEvent', () => {
  it('accepts a typed plain JSON object and returns a copy', () => {
    const event = { type: 'PIN_DIGIT', digit: '4', meta: { at: [1, 2, null, true] } };
    const result = checkUiEvent(event);
    expect(result).toEqual({ ok: true, value: event });
    if (result.ok) expect(result.value).not.toBe(event);
  });

  it.each([
    ['the event is not a plain object', null],
    ['the event is not a plain object', 'START'],
    ['the event is not a plain object', [{ type: 'X' }]],
    ['the event has no string type', {}],
    ['the event has no string type', { type: '' }],
    ['the event has no string type', { type: 42 }],
    ['the event type is longer than 64 characters', { type: 'x'.repeat(65) }],
    ['the event holds a number that is not finite', { type: 'X', n: Number.NaN }],
    ['the event holds a number that is not finite', { type: 'X', n: Infinity }],
    ['the event holds a value of type function that is not plain JSON', { type: 'X', f: () => 1 }],
    ['the event holds a value of type undefined that is not plain JSON', { type: 'X', u: undefined }],
    ['the event holds a value of type object that is not plain JSON', { type: 'X', d: new Date(0) }],
    ['the event holds a value of type bigint that is not plain JSON', { type: 'X', b: 1n }],
    ['the event holds nested deeper than 6 levels', { type: 'X', a: { b: { c: { d: { e: { f: 1 } } } } } }],
    ["the event holds a forbidden key '__proto__'", JSON.parse('{"type":"X","__proto__":{"admin":true}}')],
    ["the event holds a forbidden key 'constructor'", { type: 'X', nested: { constructor: 1 } }],
    [`the event is larger than ${MAX_EVENT_BYTES} bytes`, { type: 'X', text: 'a'.repeat(MAX_EVENT_BYTES) }],
  ] as Array<[string, unknown]>)('refuses an event: %s', (reason, value) => {
    expect(checkUiEvent(value)).toEqual({ ok: false, reason });
  });

  it('refuses an object with a class prototype', () => {
    class Event {
      type = 'X';
    }
    expect(checkUiEvent(new Event())).toEqual({ ok: false, reason: 'the event is not a plain object' });
  });

  it('accepts an event of exactly the size limit and refuses one byte more', () => {
    const overhead = JSON.stringify({ type: 'X', text: '' }).length;
    const exact = { type: 'X', text: 'a'.repeat(MAX_EVENT_BYTES - overhead) };
    expect(checkUiEvent(exact).ok).toBe(true);
    expect(checkUiEvent({ ...exact, text: `${exact.text}a` }).ok).toBe(false);
  });

  it('counts bytes, not characters (Danish letters take two)', () => {
    const overhead = JSON.stringify({ type: 'X', text: '' }).length;
    const half = Math.floor((MAX_EVENT_BYTES - overhead) / 2);
    expect(checkUiEvent({ type: 'X', text: 'ø'.repeat(half) }).ok).toBe(true);
    expect(checkUiEvent({ type: 'X', text: 'ø'.repeat(half + 1) }).ok).toBe(false);
  });

  it('never quotes the event in its reason (it may hold PIN digits)', () => {
    const result = checkUiEvent({ type: 'PIN_DIGIT', digit: '7391', bad: Number.NaN });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('7391');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        const result = checkUiEvent(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('accepts every small JSON object with a string type, unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.dictionary(
          fc.string({ maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype', 'type'].includes(k)),
          fc.jsonValue({ maxDepth: 3 }),
          { maxKeys: 5 },
        ),
        (type, fields) => {
          const event = { ...fields, type };
          fc.pre(JSON.stringify(event).length < MAX_EVENT_BYTES / 2 && !JSON.stringify(event).includes('__proto__') && !JSON.stringify(event).includes('constructor') && !JSON.stringify(event).includes('prototype'));
          const result = checkUiEvent(event);
          expect(result).toEqual({ ok: true, value: JSON.parse(JSON.stringify(event)) });
        },
      ),
    );
  });
});

describe('parseScreenFrame', () => {
  it('reads an event frame and a ready frame', () => {
    expect(parseScreenFrame(JSON.stringify({ channel: EVENT_CHANNEL, event: { type: 'BORROW' } }))).toEqual({
      ok: true,
      value: { channel: 'kiosk:event', event: { type: 'BORROW' } },
    });
    expect(parseScreenFrame(JSON.stringify({ channel: READY_CHANNEL }))).toEqual({ ok: true, value: { channel: 'kiosk:ready' } });
  });

  it.each([
    ['not json', 'the frame is not JSON'],
    ['[1,2]', 'the frame is not an object'],
    ['"text"', 'the frame is not an object'],
    [JSON.stringify({ channel: VIEW_CHANNEL, view: {} }), 'the frame names an unknown channel'],
    [JSON.stringify({ channel: 'kiosk:eval', event: { type: 'X' } }), 'the frame names an unknown channel'],
    [JSON.stringify({ channel: EVENT_CHANNEL }), 'the event is not a plain object'],
    [JSON.stringify({ channel: EVENT_CHANNEL, event: { kind: 'X' } }), 'the event has no string type'],
    [' '.repeat(MAX_FRAME_BYTES + 1), `the frame is larger than ${MAX_FRAME_BYTES} bytes`],
  ])('refuses %s', (text, reason) => {
    expect(parseScreenFrame(text)).toEqual({ ok: false, reason });
  });

  it('never throws on arbitrary text', () => {
    const frames = fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }).map((event) => JSON.stringify({ channel: EVENT_CHANNEL, event })));
    fc.assert(
      fc.property(frames, (text) => {
        expect(typeof parseScreenFrame(text).ok).toBe('boolean');
      }),
    );
  });
});

describe('viewFrame', () => {
  it('wraps a view in the view channel', () => {
    expect(JSON.parse(viewFrame({ screen: 'start', language: 'da' }))).toEqual({ channel: 'kiosk:view', view: { screen: 'start', language: 'da' } });
  });
});

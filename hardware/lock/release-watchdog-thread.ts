// The release watchdog's thread, as source text: started with `new Worker(source, { eval: true })`
// it needs no file beside the bundle (the Electron main bundle carries the runtime) and no
// TypeScript loader. It never runs an event loop: it sleeps in Atomics.wait on a shared generation
// counter, reads the main thread's messages synchronously, and when a release outlives its
// deadline it switches the relay off itself: on the serial port's fd with a blocking write (the fd
// table is the process's, shared by every thread; fstat first checks that the fd is still the port
// it was armed with), or through its own node-hid handle on the HID board. So a main thread stuck
// in a loop, whose timers never fire, cannot keep the door released. Tested through
// ReleaseWatchdog (test/hardware/release-watchdog.test.ts, test/security/fail-safe.test.ts).
// Slots of the shared Int32Array: [0] generation, [1] times fired, [2] trips done, [3] last trip ok.
export const RELEASE_WATCHDOG_THREAD = String.raw`
'use strict';
const { fstatSync, writeSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { receiveMessageOnPort, workerData } = require('node:worker_threads');

const { control, port, hidModule } = workerData;
const ctl = new Int32Array(control);
const GENERATION = 0, FIRED = 1, TRIPS = 2, TRIP_OK = 3;
const RETRY_MS = 200;

let armed = null;      // { id, deadline, target }
let lastTarget = null; // for a trip when nothing is armed any more

function identify(fd) {
  try {
    const s = fstatSync(fd);
    return s.dev + ':' + s.ino + ':' + s.rdev;
  } catch {
    // A closed fd has no identity: the caller then refuses to write to it, and says so.
    return null;
  }
}

function switchOff(target) {
  try {
    if (target.kind === 'fd') {
      // Never write to an fd that was closed and reused for something else since it was armed.
      if (identify(target.fd) !== target.identity) return { ok: false, final: true, detail: 'fd ' + target.fd + ' is no longer the relay port' };
      let written = 0;
      for (let tries = 0; written < target.bytes.length && tries < 100; tries += 1) {
        try {
          written += writeSync(target.fd, target.bytes, written, target.bytes.length - written);
        } catch (error) {
          if (error.code !== 'EAGAIN') throw error;
        }
      }
      return { ok: written === target.bytes.length, final: false, detail: 'wrote ' + written + ' bytes on fd ' + target.fd };
    }
    if (!hidModule) throw new Error('node-hid cannot be loaded');
    const { HID } = require(hidModule);
    const device = target.path ? new HID(target.path) : new HID(target.vendorId, target.productId);
    try {
      device.sendFeatureReport(Buffer.from(target.report));
    } finally {
      device.close();
    }
    return { ok: true, final: false, detail: 'off report sent to ' + (target.path || 'the HID relay board') };
  } catch (error) {
    return { ok: false, final: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function handle(message) {
  switch (message.type) {
    case 'arm':
      armed = { id: message.id, deadline: performance.now() + message.ms, target: message.target };
      lastTarget = message.target;
      return true;
    case 'disarm':
      if (armed && armed.id === message.id) armed = null;
      return true;
    case 'trip': {
      const result = lastTarget ? switchOff(lastTarget) : { ok: false, final: true, detail: 'never armed' };
      port.postMessage(Object.assign({ type: 'tripped' }, result));
      Atomics.store(ctl, TRIP_OK, result.ok ? 1 : 0);
      Atomics.add(ctl, TRIPS, 1);
      Atomics.notify(ctl, TRIPS);
      return true;
    }
    case 'stop':
      return false;
  }
  return true;
}

watch: for (;;) {
  const generation = Atomics.load(ctl, GENERATION);
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
    if (!handle(next.message)) break watch;
  }
  if (!armed) {
    Atomics.wait(ctl, GENERATION, generation);
    continue;
  }
  const left = armed.deadline - performance.now();
  if (left > 0 && Atomics.wait(ctl, GENERATION, generation, left) !== 'timed-out') continue;
  if (Atomics.load(ctl, GENERATION) !== generation) continue; // a message came meanwhile: read it first
  const result = switchOff(armed.target);
  Atomics.add(ctl, FIRED, 1);
  port.postMessage(Object.assign({ type: 'fired', id: armed.id }, result));
  armed = result.ok || result.final ? null : Object.assign({}, armed, { deadline: performance.now() + RETRY_MS });
}
port.close();
`;

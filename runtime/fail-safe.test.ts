import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CRASH_SIGNALS, EXIT_CRASH, installFailSafe } from './fail-safe';
import { silentLogger } from './log';

function setUp(offResult = true) {
  const proc = new EventEmitter();
  const exits: number[] = [];
  const offs: string[] = [];
  const lock = { emergencyOff: () => (offs.push('off'), offResult) };
  const remove = installFailSafe({
    locks: [lock],
    log: silentLogger,
    process: proc as unknown as NodeJS.Process,
    exit: (code) => void exits.push(code),
  });
  return { proc, exits, offs, remove };
}

describe('installFailSafe', () => {
  it('switches off, then exits 70 on an uncaught exception or an unhandled rejection', () => {
    for (const event of ['uncaughtException', 'unhandledRejection']) {
      const { proc, exits, offs } = setUp();
      proc.emit(event, new Error('boom'));
      expect(offs).toEqual(['off']);
      expect(exits).toEqual([EXIT_CRASH]);
    }
  });

  it('exits even when the switch-off throws or fails', () => {
    const proc = new EventEmitter();
    const exits: number[] = [];
    installFailSafe({
      locks: [{ emergencyOff: () => { throw new Error('gone'); } }, { emergencyOff: () => false }],
      log: silentLogger,
      process: proc as unknown as NodeJS.Process,
      exit: (code) => void exits.push(code),
    });
    proc.emit('uncaughtException', new Error('boom'));
    expect(exits).toEqual([EXIT_CRASH]);
  });

  it('names in its log line why a lock did not switch off (the error is not dropped)', () => {
    const proc = new EventEmitter();
    const lines: { event: string; fields: Record<string, unknown> }[] = [];
    const log = { ...silentLogger, error: (event: string, fields: Record<string, unknown> = {}) => void lines.push({ event, fields }), info: (event: string, fields: Record<string, unknown> = {}) => void lines.push({ event, fields }) };
    installFailSafe({
      locks: [{ emergencyOff: () => { throw new Error('relay port gone'); } }, { emergencyOff: () => true }],
      log,
      process: proc as unknown as NodeJS.Process,
      exit: () => undefined,
    });
    proc.emit('uncaughtException', new Error('boom'));
    expect(lines).toEqual([
      { event: 'fail-safe.crash', fields: expect.objectContaining({ kind: 'uncaught-exception', lockOff: false, lockErrors: ['relay port gone'] }) },
    ]);
  });

  it('handles every terminating signal nobody else handles with 128 + its number', () => {
    expect(CRASH_SIGNALS).toEqual(expect.arrayContaining(['SIGHUP', 'SIGQUIT']));
    const { proc, exits, offs } = setUp();
    proc.emit('SIGHUP');
    expect(offs).toEqual(['off']);
    expect(exits).toEqual([128 + constants.signals.SIGHUP]);
  });

  it('SIGTERM with a clean stop listening: off at once, the stop goes on; a second SIGTERM exits', () => {
    const { proc, exits, offs } = setUp();
    const stop = () => proc.off('SIGTERM', stop); // like untilSignal: listens once
    proc.on('SIGTERM', stop);
    proc.emit('SIGTERM');
    expect(offs).toEqual(['off']);
    expect(exits).toEqual([]);
    proc.emit('SIGTERM');
    expect(exits).toEqual([128 + constants.signals.SIGTERM]);
  });

  it('SIGTERM with nobody else listening is a crash exit, with the lock off', () => {
    const { proc, exits, offs } = setUp();
    proc.emit('SIGTERM');
    expect(offs).toEqual(['off']);
    expect(exits).toEqual([128 + constants.signals.SIGTERM]);
  });

  it('switches off on exit, and removes every handler', () => {
    const { proc, offs, remove } = setUp();
    proc.emit('exit', 0);
    expect(offs).toEqual(['off']);
    remove();
    expect(proc.eventNames()).toEqual([]);
  });
});

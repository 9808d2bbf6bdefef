// The door controller: card reader and PIN pad events in, the door machine decides, the lock
// is released, and every attempt goes to the access log (store/) and to the metrics.
import { createActor, type Actor } from 'xstate';
import { type Card } from '../../hardware/card-reader/index';
import { type PinKey } from '../../hardware/pin-pad/index';
import type { LibraryProfile } from '../../policy';
import { type Store } from '../../store/index';
import { type DoorConfig, type DoorEntryLog, doorRulesFor, createDoor } from '../../state-machines';
import { type Clock } from '../clock';
import { type DoorDevices } from '../devices/door-devices';
import { type Logger } from '../log';
import { recordRuleFailures } from '../rule-failures';
import { type MetricsRegistry } from '../services/metrics';
import { accessLedger, type AccessLedger } from './access-ledger';
import { cardReadFrom, pinEventFrom } from '../patrons/card-and-pin';
import { type PatronVerifier } from '../patrons/patron-verifier';
import { DOOR_DECISIONS, DOOR_LOCK_FAILURES } from '../services/metrics-catalog';

export interface DoorControllerDeps {
  profile: LibraryProfile;
  branch: string | undefined;
  doorId: string;
  devices: DoorDevices;
  verifier: PatronVerifier;
  store: Store;
  clock: Clock;
  log: Logger;
  metrics: MetricsRegistry;
  door?: Partial<DoorConfig>;
}

export interface DoorController {
  readonly actor: Actor<ReturnType<typeof createDoor>>;
  /** False after a failed access-log write, until a write succeeds again (health, alarms). */
  accessLogWritable(): boolean;
  /** Feeds a card or a key as if it came from the devices (the screen's PIN pad uses this). */
  cardRead(card: Card): void;
  pinKey(key: PinKey): void;
  stop(): void;
}

/** Every attempt to the access log, the decisions metric and a log line. An opening is written
 * durably before the lock is released (the machine waits for this call); when that fails the door
 * stays shut and says so. A refusal's write (an fsync) is slow work that can wait until the door
 * has answered. */
function attemptLogger(ledger: AccessLedger, { metrics, log, doorId }: Pick<DoorControllerDeps, 'metrics' | 'log' | 'doorId'>) {
  const decisions = metrics.counter(...DOOR_DECISIONS);
  return (entry: DoorEntryLog) => {
    const row = {
      door: doorId,
      decision: entry.decision,
      reason: entry.reason,
      cardNumber: entry.card.patronId,
      ...(entry.accompaniedBy ? { companionCardNumber: entry.accompaniedBy.patronId } : {}),
      at: new Date(entry.at),
    };
    const written = entry.decision !== 'allowed' || ledger.record(row);
    if (entry.decision !== 'allowed') setImmediate(() => ledger.record(row));
    const shown = written ? entry : { ...entry, decision: 'denied' as const, reason: 'access-log-unavailable' };
    decisions.inc({ decision: shown.decision, reason: shown.reason });
    log.info('door.attempt', {
      door: doorId,
      decision: shown.decision,
      reason: shown.reason,
      card: entry.card.kind,
      ...(written && entry.accompaniedBy ? { accompanied: true } : {}),
    });
  };
}

/** The relay, released: a failure is an alarm for a technician (the patron was let in on paper
 * but the door stayed shut); the machine writes the access-log row that says so and tells the patron. */
function lockReleaser({ devices, metrics, log, doorId }: Pick<DoorControllerDeps, 'devices' | 'metrics' | 'log' | 'doorId'>) {
  const lockFailures = metrics.counter(...DOOR_LOCK_FAILURES);
  return async ({ ms }: { ms: number }) => {
    try {
      await devices.lock.release(ms);
    } catch (error) {
      lockFailures.inc({ door: doorId });
      log.error('door.lock-failed', { door: doorId, alarm: true, ms, error });
      throw error;
    }
    log.info('door.released', { door: doorId, ms });
  };
}

function doorMachine(deps: DoorControllerDeps, ledger: AccessLedger) {
  const rules = doorRulesFor(deps.profile, {
    now: () => deps.clock.now(),
    onPolicyError: recordRuleFailures(deps.log, deps.doorId),
    ...(deps.branch === undefined ? {} : { branch: deps.branch }),
  });
  return createDoor(rules, {
    verifyPin: (input) => deps.verifier.verifyPin(input),
    verifyCached: (input) => deps.verifier.verifyCached(input),
    releaseLock: lockReleaser(deps),
    logEntry: attemptLogger(ledger, deps),
    accessLogWritable: () => ledger.writable(),
  });
}

/** Outside unstaffed hours the door says when it next opens (for a display, and the log). */
function logClosedDoor(actor: Actor<ReturnType<typeof createDoor>>, log: Logger, doorId: string): void {
  let toldOutcome: unknown = null;
  actor.subscribe((snapshot) => {
    const outcome = snapshot.context.outcome;
    if (outcome && outcome !== toldOutcome && outcome.nextOpening !== undefined) {
      toldOutcome = outcome;
      log.info('door.closed', { door: doorId, reason: outcome.reason, nextOpening: outcome.nextOpening });
    }
  });
}

export function startDoorController(deps: DoorControllerDeps): DoorController {
  const { devices, log, doorId } = deps;
  const ledger = accessLedger(deps.store, log, deps.metrics, doorId);
  const actor = createActor(doorMachine(deps, ledger), { input: { config: { releaseMs: devices.releaseMs, ...deps.door } } });
  logClosedDoor(actor, log, doorId);
  actor.start();

  const cardRead = (card: Card) => actor.send({ type: 'CARD_READ', card: cardReadFrom(card) });
  const pinKey = (key: PinKey) => actor.send(pinEventFrom(key));
  const rejected = (r: { reason: string }) => log.info('card-reader.rejected', { reason: r.reason });
  devices.cardReader.on('card', cardRead);
  devices.cardReader.on('rejected', rejected);
  devices.pinPad?.on('key', pinKey);

  return {
    actor,
    accessLogWritable: () => ledger.writable(),
    cardRead,
    pinKey,
    stop() {
      devices.cardReader.off('card', cardRead);
      devices.cardReader.off('rejected', rejected);
      devices.pinPad?.off('key', pinKey);
      actor.stop();
    },
  };
}

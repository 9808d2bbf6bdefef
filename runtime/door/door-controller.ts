// The door controller: card reader and PIN pad events in, the door machine decides, the lock
// is released, and every attempt goes to the access log (store/) and to the metrics.
import { createActor, type Actor } from 'xstate';
import { type Card } from '../../hardware/card-reader/index';
import { type PinKey } from '../../hardware/pin-pad/index';
import { type LibraryProfile } from '../../policy/schema';
import { formatDate } from '../../policy/time';
import { type Store } from '../../store/index';
import { type DoorConfig } from '../../state-machines/door/door-types';
import { type CardRead, type DoorEntryLog } from '../../state-machines/ports';
import { type PinEvent } from '../../state-machines/shared/events';
import { doorRulesFor } from '../../state-machines/profile-rules';
import { createDoor } from '../../state-machines/wiring';
import { type Clock } from '../clock';
import { type DoorDevices } from '../devices/door-devices';
import { type Logger } from '../log';
import { recordRuleFailures } from '../rule-failures';
import { type MetricsRegistry } from '../services/metrics';
import { accessLedger } from './access-ledger';
import { type PatronVerifier } from './patron-verifier';

export function cardReadFrom(card: Card): CardRead {
  const json = card.toJSON() as { cpr?: string; cardNumber?: string };
  if (card.kind === 'library-card') return { kind: 'library-card', patronId: card.cardNumber, masked: String(json.cardNumber ?? '****') };
  const read: CardRead = { kind: 'health-card', patronId: card.cpr, masked: String(json.cpr ?? '******-****') };
  // Only the magnetic stripe proves a health card; a bare 10-digit barcode may be a library card.
  return card.source === 'track2' ? { ...read, cprBirthDate: formatDate(card.birthDate) } : read;
}

export function pinEventFrom(key: PinKey): PinEvent {
  switch (key.type) {
    case 'digit':
      return { type: 'PIN_DIGIT', digit: key.digit };
    case 'enter':
      return { type: 'PIN_ENTER' };
    case 'clear':
      return { type: 'PIN_CLEAR' };
    case 'backspace':
      return { type: 'PIN_BACKSPACE' };
  }
}

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

export function startDoorController(deps: DoorControllerDeps): DoorController {
  const { devices, store, log, metrics, doorId } = deps;
  const decisions = metrics.counter('kiosk_door_decisions_total', 'Door entry attempts by decision and reason');
  const ledger = accessLedger(store, log, metrics, doorId);
  const lockFailures = metrics.counter('kiosk_door_lock_failures_total', 'Allowed entries whose relay did not switch on (an alarm)');
  const logEntry = (entry: DoorEntryLog) => {
    const row = {
      door: doorId,
      decision: entry.decision,
      reason: entry.reason,
      cardNumber: entry.card.patronId,
      ...(entry.accompaniedBy ? { companionCardNumber: entry.accompaniedBy.patronId } : {}),
      at: new Date(entry.at),
    };
    // An opening is written durably before the lock is released (the machine waits for this
    // call); when that fails the door stays shut and says so. A refusal's write (an fsync) is
    // slow work that can wait until the door has answered.
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
  const rules = doorRulesFor(deps.profile, {
    now: () => deps.clock.now(),
    onPolicyError: recordRuleFailures(log, doorId),
    ...(deps.branch === undefined ? {} : { branch: deps.branch }),
  });
  const machine = createDoor(rules, {
    verifyPin: (input) => deps.verifier.verifyPin(input),
    verifyCached: (input) => deps.verifier.verifyCached(input),
    releaseLock: async ({ ms }) => {
      try {
        await devices.lock.release(ms);
      } catch (error) {
        // The patron was let in on paper but the door stayed shut: an alarm for a technician. The
        // machine writes the access-log row that says so and tells the patron.
        lockFailures.inc({ door: doorId });
        log.error('door.lock-failed', { door: doorId, alarm: true, ms, error });
        throw error;
      }
      log.info('door.released', { door: doorId, ms });
    },
    logEntry,
    accessLogWritable: () => ledger.writable(),
  });
  const actor = createActor(machine, { input: { config: { releaseMs: devices.releaseMs, ...deps.door } } });
  // Outside unstaffed hours the door says when it next opens (for a display, and the log).
  let toldOutcome: unknown = null;
  actor.subscribe((snapshot) => {
    const outcome = snapshot.context.outcome;
    if (outcome && outcome !== toldOutcome && outcome.nextOpening !== undefined) {
      toldOutcome = outcome;
      log.info('door.closed', { door: doorId, reason: outcome.reason, nextOpening: outcome.nextOpening });
    }
  });
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

// Technician access on the kiosk: the code is checked against its scrypt hash, wrong codes are
// counted and locked out like wrong PINs (persisted in SQLite, under a pseudo card of their own),
// and every verdict and every lock pulse is an access-log row and a JSON log line. The code
// itself is never logged. Diagnostics may not pulse the door's lock during unstaffed hours.
import type { LockPulseOutcome, TechnicianAnswer } from '../../state-machines';
import { type Store, technicianPseudoCard, verifyTechnicianCode } from '../../store/index';
import { type Clock } from '../clock';
import { type Logger } from '../log';

/** The access-log reason codes of technician access. */
export const TECHNICIAN_REASONS = {
  ok: 'technician-code-ok',
  wrong: 'technician-code-wrong',
  /** This wrong code locked technician access. */
  lockedOut: 'technician-locked-out',
  /** Refused unchecked: technician access is locked. */
  locked: 'technician-locked',
  pulse: 'technician-lock-pulse',
  pulseRefused: 'technician-pulse-refused',
} as const;

export interface TechnicianAccessDeps {
  store: Pick<Store, 'pinAttempts' | 'cardKey' | 'accessLog'>;
  clock: Clock;
  log: Logger;
  /** The door whose lock diagnostics pulses; the access-log rows carry its id. */
  door: string;
  /** site.json's technicianCodeHash; without one nobody gets in. */
  codeHash: string | undefined;
  /** Inside the library's unstaffed hours (no staff in the building's open hours) at `at`? */
  unstaffed(at: Date): boolean;
  release(ms: number): Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export class TechnicianAccess {
  readonly #d: TechnicianAccessDeps;
  readonly #place: string;

  constructor(deps: TechnicianAccessDeps) {
    this.#d = deps;
    this.#place = technicianPseudoCard(deps.door);
  }

  /** Writes the row first: a verdict or a pulse that cannot be logged does not happen (throws). */
  #record(decision: 'allowed' | 'denied', reason: string, at: Date): void {
    this.#d.store.accessLog.record({ door: this.#d.door, decision, reason, cardNumber: null, at });
  }

  async checkCode(code: string): Promise<TechnicianAnswer> {
    const { store, clock, log, door } = this.#d;
    const sleep = this.#d.sleep ?? wait;
    const at = clock.now();
    const key = store.cardKey(this.#place);
    const check = store.pinAttempts.check(key, this.#place, at);
    if (!check.allowed) {
      this.#record('denied', TECHNICIAN_REASONS.locked, at);
      log.warn('technician.locked', { door, lockedUntil: check.lockedUntil.toISOString() });
      await sleep(check.delayMs);
      return 'locked';
    }
    const right = this.#d.codeHash !== undefined && (await verifyTechnicianCode(code, this.#d.codeHash));
    if (right) {
      this.#record('allowed', TECHNICIAN_REASONS.ok, at);
      store.pinAttempts.recordSuccess(key);
      log.info('technician.code-ok', { door });
      return true;
    }
    const failure = store.pinAttempts.recordFailure(key, this.#place, at);
    if (failure.cardLockedUntil) {
      this.#record('denied', TECHNICIAN_REASONS.lockedOut, at);
      log.warn('technician.locked-out', { door, failures: failure.cardFailures, lockedUntil: failure.cardLockedUntil.toISOString() });
      await sleep(check.delayMs);
      return 'locked';
    }
    this.#record('denied', TECHNICIAN_REASONS.wrong, at);
    log.warn('technician.code-wrong', { door, failures: failure.cardFailures, ...(this.#d.codeHash ? {} : { detail: 'no technicianCodeHash configured' }) });
    await sleep(check.delayMs);
    return false;
  }

  /**
   * Diagnostics' lock test. Refused during unstaffed hours: the kiosk is then in the public's
   * hands with no staff, and a pulse would let anyone at the door in unidentified; card + PIN at
   * the door serves everyone then, technicians included.
   */
  async pulseLock(ms: number): Promise<LockPulseOutcome> {
    const { clock, log, door } = this.#d;
    const at = clock.now();
    if (this.#d.unstaffed(at)) {
      this.#record('denied', TECHNICIAN_REASONS.pulseRefused, at);
      log.warn('technician.lock-pulse-refused', { door, reason: 'unstaffed-hours' });
      return { ok: false, refused: 'unstaffed-hours' };
    }
    this.#record('allowed', TECHNICIAN_REASONS.pulse, at);
    log.info('technician.lock-pulse', { door, ms });
    await this.#d.release(ms);
    return { ok: true };
  }
}

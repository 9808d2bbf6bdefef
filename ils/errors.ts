// Failures of the ILS link. A "no" from the ILS is a result, not an error; these are for
// when there is no trustworthy answer. Messages never hold a PIN, password or CPR.

export type IlsErrorKind = 'unavailable' | 'outcome-unknown' | 'protocol' | 'login-refused';

export class IlsError extends Error {
  override name = 'IlsError';
  constructor(
    readonly kind: IlsErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Nothing reached the ILS (no connection, refused, timed out before sending): safe to retry. */
export class IlsUnavailableError extends IlsError {
  override name = 'IlsUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
  }
}

/**
 * The request may have reached the ILS but no answer came back, and the outcome could not
 * be read back. The caller must not simply repeat it (it could renew twice); ask staff or
 * check the item later.
 */
export class IlsOutcomeUnknownError extends IlsError {
  override name = 'IlsOutcomeUnknownError';
  constructor(
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('outcome-unknown', message, options);
  }
}

/**
 * The ILS answered, but the answer could not be used: unreadable, not answering this request
 * (another patron or item, another sequence number) or another message. Something may have
 * happened at the ILS (the outcome is unknown), but the ILS was reachable: the link stays online,
 * and the door refuses rather than let its cache decide.
 */
export class IlsUnusableAnswerError extends IlsOutcomeUnknownError {
  override name = 'IlsUnusableAnswerError';
}

/** The ILS answered, but not in SIP2 we can read (after the allowed resends). */
export class IlsProtocolError extends IlsError {
  override name = 'IlsProtocolError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('protocol', message, options);
  }
}

/** The ILS refused the kiosk's login (93): wrong user or password in the configuration. */
export class IlsLoginError extends IlsError {
  override name = 'IlsLoginError';
  constructor(message = 'the ILS refused the SIP2 login (check user and password)') {
    super('login-refused', message);
  }
}

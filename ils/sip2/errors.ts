// Typed errors of the SIP2 codec. Messages name what was wrong, never a field's value
// (values can hold a PIN, a password or a CPR number).

export type Sip2ParseProblem =
  | 'empty'
  | 'checksum'
  | 'unsupported-message'
  | 'too-short'
  | 'bad-fixed-field'
  | 'bad-field';

/** A received message that cannot be read. Never a half-filled message. */
export class Sip2ParseError extends Error {
  override name = 'Sip2ParseError';
  constructor(
    readonly problem: Sip2ParseProblem,
    message: string,
    /** The two-digit message code, when it could be read. */
    readonly messageCode?: string,
  ) {
    super(message);
  }
}

/** A message that cannot be put on the wire (e.g. a value holding `|` or a line break). */
export class Sip2EncodeError extends Error {
  override name = 'Sip2EncodeError';
}

// Typed errors of the serial link: callers branch on `code`, never on message text.

export type SerialLinkErrorCode = 'not-connected' | 'write-failed' | 'modem-status-failed' | 'closed' | 'timeout';

export class SerialLinkError extends Error {
  override name = 'SerialLinkError';
  constructor(
    readonly code: SerialLinkErrorCode,
    message: string,
  ) {
    super(message);
  }
}

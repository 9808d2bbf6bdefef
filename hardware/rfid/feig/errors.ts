// Typed failures of a FEIG command: callers branch on the class and its fields, never on text.
import type { FeigFrameError } from './frame';
import { feigStatusName } from './status';

/** The reader answered with a STATUS that is not success for this command. */
export class FeigStatusError extends Error {
  override name = 'FeigStatusError';
  constructor(
    readonly command: string,
    readonly status: number,
  ) {
    super(`${command}: reader status ${feigStatusName(status)}`);
  }
}

/** The reply arrived intact but its data does not have the command's layout. */
export class FeigReplyError extends Error {
  override name = 'FeigReplyError';
}

/** No valid reply within the command's time limit (`lastFrameError` says what came instead). */
export class FeigTimeoutError extends Error {
  override name = 'FeigTimeoutError';
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
    readonly lastFrameError?: FeigFrameError,
  ) {
    super(`${command}: no reply within ${timeoutMs} ms${lastFrameError ? ` (${lastFrameError.message})` : ''}`);
  }
}

/** The written AFI did not read back as written, after every retry. */
export class AfiWriteError extends Error {
  override name = 'AfiWriteError';
  constructor(
    readonly uid: string,
    readonly wanted: number,
    readonly attempts: number,
    readonly lastError?: unknown,
  ) {
    super(`AFI 0x${wanted.toString(16).padStart(2, '0')} on tag ${uid} not verified after ${attempts} attempts`);
  }
}

/** The reader is not connected (or was closed) when a command was asked for. */
export class FeigNotConnectedError extends Error {
  override name = 'FeigNotConnectedError';
}

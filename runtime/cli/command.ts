// The shape every `kiosk` subcommand has, and the exit codes they share.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
/** The other side answered but said no (e.g. the ILS refused a checkout). */
export const EXIT_REFUSED = 1;
/** Bad input: unknown option, malformed value, unreachable device or ILS. */
export const EXIT_BAD_INPUT = 2;

/** Thrown for bad input; `main` prints the message and exits with EXIT_BAD_INPUT. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const consoleIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

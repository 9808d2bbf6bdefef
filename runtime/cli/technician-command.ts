// `kiosk technician-code`: turns a technician code into the `technicianCodeHash` line for
// site.json (scrypt, salted). The code comes from standard input or a hidden prompt; it is
// never echoed, printed or logged.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { hashTechnicianCode, isTechnicianCode } from '../../store/index';
import { type CliIo, type Command, EXIT_OK, UsageError } from './command';

const USAGE = [
  'kiosk technician-code',
  '  reads a technician code (6 to 12 digits) from standard input, or asks for it twice without',
  '  echo on a terminal, and prints the line to paste into site.json: "technicianCodeHash": "scrypt$..."',
].join('\n');

export interface CodeSource {
  /** Standard input is a terminal: ask, with the typed digits hidden. */
  interactive: boolean;
  prompt(question: string): Promise<string>;
  /** All of standard input (a pipe or a file). */
  readAll(): Promise<string>;
}

async function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

const terminal: CodeSource = { interactive: process.stdin.isTTY === true, prompt: promptHidden, readAll: readStdin };

async function readCode(source: CodeSource): Promise<string> {
  if (!source.interactive) return (await source.readAll()).split(/\r?\n/, 1)[0]?.trim() ?? '';
  const code = (await source.prompt('Technician code (6-12 digits): ')).trim();
  if (!isTechnicianCode(code)) return code;
  const again = (await source.prompt('The same code again: ')).trim();
  if (again !== code) throw new UsageError('the two codes differ; nothing was printed');
  return code;
}

export async function runTechnicianCode(argv: string[], io: CliIo, source: CodeSource = terminal): Promise<number> {
  if (argv.length > 0) throw new UsageError(`takes no arguments (the code is read from standard input, never from the command line)`);
  const code = await readCode(source);
  // The message never repeats what was typed.
  if (!isTechnicianCode(code)) throw new UsageError('a technician code is 6 to 12 digits');
  const hash = await hashTechnicianCode(code);
  io.out(`"technicianCodeHash": ${JSON.stringify(hash)}`);
  io.err('kiosk technician-code: paste this line into site.json (instead of any "technicianCode"), then restart the kiosk');
  return EXIT_OK;
}

export const technicianCommand: Command = {
  name: 'technician-code',
  summary: "hash a technician code for site.json's technicianCodeHash (the code itself is never stored)",
  usage: USAGE,
  run: (argv, io) => runTechnicianCode(argv, io),
};

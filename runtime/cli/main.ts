import { commands } from './commands';
import { type CliIo, type Command, consoleIo, EXIT_BAD_INPUT, EXIT_OK, UsageError } from './command';

export function helpText(list: Command[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'kiosk: self-service kiosk and door-access controller for libraries',
    '',
    'Usage: kiosk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'kiosk <command> --help' for a command's options.",
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = consoleIo, list: Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(list));
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.err(`kiosk: unknown command '${name}'\n\n${helpText(list)}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kiosk ${name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

// In simulation, the door's simulated devices take commands on standard input, so a person or a
// script can drive the headless door: `swipe 0101801234`, `pin 1234`, `press 12*`.
import { createInterface } from 'node:readline';
import { simCardFrom } from '../../hardware/card-reader/index';
import { type DoorSimulators } from '../devices/door-devices';
import { type Logger } from '../log';

export const SIM_CONSOLE_HELP = 'swipe <CPR or card number> | pin <digits> (then enter) | press <keys: digits # * <>';

export async function simCommand(sims: DoorSimulators, line: string): Promise<string> {
  const [verb, value = ''] = line.trim().split(/\s+/);
  if (verb === 'swipe' && value && sims.cardReader) {
    await sims.cardReader.swipe(simCardFrom(value));
    return 'card swiped';
  }
  if (verb === 'pin' && /^\d+$/.test(value) && sims.pinPad) {
    await sims.pinPad.press(`${value}#`);
    return 'PIN typed';
  }
  if (verb === 'press' && value && sims.pinPad) {
    await sims.pinPad.press(value);
    return 'keys pressed';
  }
  return `unknown command; try: ${SIM_CONSOLE_HELP}`;
}

export function startSimConsole(sims: DoorSimulators, input: NodeJS.ReadableStream, log: Logger): () => void {
  const rl = createInterface({ input, terminal: false });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    simCommand(sims, line).then(
      (reply) => log.info('simulator.command', { reply }),
      (error: unknown) => log.warn('simulator.command-failed', { error }),
    );
  });
  return () => rl.close();
}

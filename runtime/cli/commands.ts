// Every `kiosk` subcommand, in the order `kiosk --help` lists them.
import { type Command } from './command';
import { policyCommand } from './policy-command';
import { accessLogCommand } from './access-log-command';
import { devicesCommand } from './devices-command';
import { simulateCommand } from './simulate-command';

export const commands: Command[] = [policyCommand, accessLogCommand, devicesCommand, simulateCommand];

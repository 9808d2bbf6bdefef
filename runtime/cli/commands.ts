// Every `kiosk` subcommand, in the order `kiosk --help` lists them.
import { type Command } from './command';
import { policyCommand } from './policy-command';
import { accessLogCommand } from './access-log-command';
import { devicesCommand } from './devices-command';
import { simulateCommand } from './simulate-command';
import { startCommand } from './start-command';
import { ilsSimCommand } from './ils-sim-command';
import { sip2Command } from './sip2-command';
import { doorCommand } from './door-command';
import { diagnoseCommand } from './diagnose-command';
import { lockCommand } from './lock-command';
import { technicianCommand } from './technician-command';

export const commands: Command[] = [
  startCommand,
  doorCommand,
  lockCommand,
  diagnoseCommand,
  policyCommand,
  ilsSimCommand,
  sip2Command,
  devicesCommand,
  simulateCommand,
  accessLogCommand,
  technicianCommand,
];

// `kiosk diagnose [--config FILE] [--json]`: check every device and the ILS once.
import { parseArgs } from 'node:util';
import { diagnose } from '../diagnostics/diagnose';
import { type Command, EXIT_OK, EXIT_REFUSED, printJson, UsageError } from './command';
import { configFrom, parseClock } from './runtime-options';

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'check every device and the ILS once; exit 1 if one fails',
  usage: 'kiosk diagnose [--config FILE] [--json] [--timeout MS]',
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, json: { type: 'boolean' }, timeout: { type: 'string' } }, strict: true }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const timeout = values.timeout === undefined ? 3000 : Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout < 100) throw new UsageError(`--timeout ${values.timeout} must be a whole number of milliseconds, at least 100`);
    const report = await diagnose(configFrom(values.config), parseClock(undefined), timeout);
    if (values.json) printJson(io, report);
    else {
      for (const c of report.checks) io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(10)} ${c.detail} (${c.ms} ms)`);
      io.out(report.ok ? 'all checks passed' : `failed: ${report.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`);
    }
    return report.ok ? EXIT_OK : EXIT_REFUSED;
  },
};

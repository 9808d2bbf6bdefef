// `kiosk devices`: serial ports and HID devices plugged in, and which configured device each is.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildInventory, configuredDevices, DeviceConfigError, type DeviceInventory, listPluggedDevices } from '../../hardware/plugged-devices';
import { type CliIo, type Command, EXIT_OK, printJson, UsageError } from './command';

const USAGE = 'kiosk devices [--config FILE] [--json]';

function readConfig(file: string | undefined) {
  if (file === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read --config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return configuredDevices(json);
  } catch (error) {
    if (error instanceof DeviceConfigError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

export function formatInventory(inventory: DeviceInventory): string {
  const matched = (names: string[]) => (names.length > 0 ? `  <- ${names.join(', ')}` : '');
  const lines = ['Serial ports:'];
  if (inventory.serial.length === 0) lines.push('  (none)');
  for (const port of inventory.serial) {
    const ids = port.vendorId ? ` ${port.vendorId}:${port.productId ?? '????'}` : '';
    lines.push(`  ${port.path}${ids}${port.manufacturer ? ` ${port.manufacturer}` : ''}${matched(port.matches)}`);
  }
  lines.push('HID devices:');
  if (inventory.hid.length === 0) lines.push('  (none)');
  for (const hid of inventory.hid) {
    const name = [hid.manufacturer, hid.product].filter(Boolean).join(' ');
    lines.push(`  ${hid.vendorId}:${hid.productId} ${hid.path ?? ''}${name ? ` ${name}` : ''}${matched(hid.matches)}`);
  }
  if (inventory.missing.length > 0) lines.push(`Configured but not found: ${inventory.missing.join(', ')}`);
  return lines.join('\n');
}

export const devicesCommand: Command = {
  name: 'devices',
  summary: 'list serial ports and HID devices and which configured device each one is',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: { config?: string; json?: boolean };
    try {
      ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : 'bad options');
    }
    const config = readConfig(values.config);
    const { ports, hids, problems } = await listPluggedDevices();
    const inventory = buildInventory(ports, hids, config);
    for (const problem of problems) io.err(problem);
    if (values.json) printJson(io, inventory);
    else io.out(formatInventory(inventory));
    return EXIT_OK;
  },
};

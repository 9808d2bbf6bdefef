// `kiosk simulate printer`: a simulated ESC/POS receipt printer on a fresh pty pair whose
// driver end is at the link path; prints receipts to the log and runs out of paper on command.
import { SimulatorCommandError, type SimulatorEntry, startOnPty } from '../simulator-entry';
import type { PrintedEvent } from './escpos-decoder';
import { EscPosPrinterSimulator } from './printer-simulator';

const HELP = [
  'paper ok|near-end|out   set the paper sensor (out holds printing until paper is back)',
  'offline on|off          take the printer offline (cover open) or back online',
  'status                  paper and online state',
  'last                    the last receipt, as printed',
];

function describePrinted(event: PrintedEvent): string {
  switch (event.kind) {
    case 'line':
      return `${event.align === 'center' ? '   ' : event.align === 'right' ? '      ' : ''}${event.text}${event.bold ? '  [bold]' : ''}`;
    case 'barcode':
      return `[barcode ${event.data}]`;
    case 'qr':
      return `[QR ${event.data}]`;
    case 'feed':
      return `[feed ${event.lines}]`;
    case 'cut':
      return event.partial ? '[partial cut]' : '[cut]';
    default:
      return '';
  }
}

export const printerSimulatorEntry: SimulatorEntry = {
  summary: 'ESC/POS receipt printer (PC865 text, DLE EOT paper status)',
  async start(linkPath, options = {}) {
    const log = options.log ?? (() => undefined);
    let last: PrintedEvent[] = [];
    const { sim, stop } = await startOnPty(linkPath, (path) => {
      const printer = new EscPosPrinterSimulator({ path });
      printer.on('receipt', (receipt) => {
        last = receipt;
        log(['--- receipt ---', ...receipt.map(describePrinted)].join('\n'));
      });
      return printer;
    });
    return {
      name: 'printer',
      devicePath: linkPath,
      help: HELP,
      async command(line) {
        const [verb, value] = line.trim().split(/\s+/);
        if (verb === 'paper' && (value === 'ok' || value === 'near-end' || value === 'out')) {
          sim.setPaper(value);
          return `paper ${value}`;
        }
        if (verb === 'offline' && (value === 'on' || value === 'off')) {
          sim.setOffline(value === 'on');
          return value === 'on' ? 'printer offline' : 'printer online';
        }
        if (verb === 'status') {
          const state = sim.paperState();
          return `paper ${state.paper}, ${state.offline ? 'offline' : 'online'}`;
        }
        if (verb === 'last') return last.length ? last.map(describePrinted).join('\n') : 'nothing printed yet';
        throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
      },
      stop,
    };
  },
};

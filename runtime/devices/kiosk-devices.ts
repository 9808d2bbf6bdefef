// Builds the kiosk's own devices from the configuration: the RFID pad (FEIG reader) and the
// receipt printer. Simulated ones are the real drivers talking to simulators over pty pairs.
import { EscPosPrinterSimulator, FilePrinterTransport, ReceiptPrinter, SerialPrinterTransport } from '../../hardware/printer/index';
import { FeigReader, FeigSimulator, RfidPad } from '../../hardware/rfid/index';
import { type SiteConfig } from '../config';
import { SimulatedBench } from './simulated-bench';

export interface KioskSimulators {
  rfid?: FeigSimulator;
  printer?: EscPosPrinterSimulator;
}

export interface KioskDevices {
  reader: FeigReader;
  pad: RfidPad;
  printer: ReceiptPrinter;
  simulators: KioskSimulators;
  open(): Promise<void>;
  close(): Promise<void>;
}

export interface KioskDeviceOptions {
  /** Simulate the FEIG reader's serial speed (benchmarks want the real timing). */
  realisticTiming?: boolean;
}

export async function buildKioskDevices(config: SiteConfig, options: KioskDeviceOptions = {}): Promise<KioskDevices> {
  const bench = new SimulatedBench();
  const simulators: KioskSimulators = {};
  try {
    const r = config.devices.rfid;
    let readerPath: string;
    let baudRate = 38400;
    if (r.driver === 'feig') {
      readerPath = r.path;
      baudRate = r.baudRate;
    } else {
      const pair = await bench.pair('rfid');
      const sim = new FeigSimulator({ path: pair.simulatorPath, ...(options.realisticTiming ? { timing: true } : {}) });
      await sim.start();
      bench.onClose(() => sim.stop());
      simulators.rfid = sim;
      readerPath = pair.devicePath;
    }
    const reader = new FeigReader({ path: readerPath, baudRate });
    const pad = new RfidPad(reader);

    const p = config.devices.printer;
    let transport;
    if (p.driver === 'escpos-serial') transport = new SerialPrinterTransport({ path: p.path, baudRate: p.baudRate });
    else if (p.driver === 'escpos-file') transport = new FilePrinterTransport({ path: p.path });
    else {
      const pair = await bench.pair('printer');
      const sim = new EscPosPrinterSimulator({ path: pair.simulatorPath, codePage: p.codePage });
      await sim.start();
      bench.onClose(() => sim.stop());
      simulators.printer = sim;
      transport = new SerialPrinterTransport({ path: pair.devicePath });
    }
    const printer = new ReceiptPrinter(transport, { codePage: p.codePage });
    return {
      reader,
      pad,
      printer,
      simulators,
      async open() {
        await reader.open();
        await printer.open();
        await pad.start();
      },
      async close() {
        await Promise.resolve(pad.stop()).catch(() => undefined);
        await reader.close().catch(() => undefined);
        await printer.close().catch(() => undefined);
        await bench.close();
      },
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

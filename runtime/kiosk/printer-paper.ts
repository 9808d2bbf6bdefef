// kiosk_printer_paper{state}: 1 for the receipt printer's current paper state, 0 for the others.
import { type ReceiptPrinter } from '../../hardware/printer/index';
import { type MetricsRegistry } from '../services/metrics';
import { PRINTER_PAPER } from '../services/metrics-catalog';

export function watchPrinterPaper(printer: ReceiptPrinter, metrics: MetricsRegistry): void {
  const paper = metrics.gauge(...PRINTER_PAPER);
  const show = () => {
    const state = printer.status().paper;
    for (const p of ['ok', 'near-end', 'out', 'unknown']) paper.set(p === state ? 1 : 0, { state: p });
  };
  show();
  printer.on('status', show);
}
